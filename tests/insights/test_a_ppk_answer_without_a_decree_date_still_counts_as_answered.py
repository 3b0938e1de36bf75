"""A PPK may answer a recommendation with a written reason and no decree date (no sanction
imposed). It has answered: its follow-up counts the answer, though no days can be counted."""

from netra.insights import refresh
from netra.insights.public import public_table
from netra.sanctions import actions


def test_an_undated_answer_is_answered_without_days(
    client_for, alice, hadi, reported_case, walk_case
):
    case = walk_case(reported_case, "recommended")
    (recommendation,) = case.recommendations.all()
    actions.record_decree(
        hadi,
        recommendation,
        version=case.version,
        outcome="not_imposed",
        reason="Terlapor telah pensiun sebelum rekomendasi diterima.",
    )
    refresh.refresh_all()

    (row,) = (
        client_for(alice)
        .get("/staf/statistik/", {"pemilihan": "pilkada-2024"})
        .context["compliance"]
    )
    assert (row["recommended"], row["answered"], row["median"]) == (1, 1, None)
    (public_row,) = public_table(case.election).compliance
    assert public_row.cells["answered"].text == "<5"
    assert public_row.median_days_to_decree.status == "none"

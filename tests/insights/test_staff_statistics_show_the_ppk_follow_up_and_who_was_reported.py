"""Staff only: the agencies and positions of the reported employees, and the PPK's follow-up
of BKN's recommendations per government (recommended, answered, median days to the decree)."""

from django.utils import timezone

from netra.insights import refresh
from tests.sanctions_helpers import impose

from .staff_page import PATH


def test_it_shows_who_was_reported_and_how_the_ppk_followed_up(
    client_for, alice, hadi, reported_case, walk_case
):
    case = walk_case(reported_case, "recommended")
    refresh.refresh_all()
    before = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"}).context
    (row,) = before["compliance"]
    assert (row["code"], row["recommended"], row["answered"], row["median"]) == (
        "35.09",
        1,
        0,
        None,
    )

    impose(hadi, case, decided_on=timezone.localdate())
    refresh.refresh_all()
    response = client_for(alice).get(PATH, {"pemilihan": "pilkada-2024"})

    context = response.context
    (row,) = context["compliance"]
    assert (row["recommended"], row["answered"], row["percent"]) == (1, 1, 100)
    assert row["median"] is not None
    assert [(a["label"], a["count"]) for a in context["agencies"]] == [("Dinas Pendidikan", 1)]
    assert [(p["label"], p["count"]) for p in context["positions"]] == [("Kepala Bidang", 1)]
    html = response.content.decode()
    assert 'data-government="35.09"' in html
    assert "Dinas Pendidikan" in html and "Kepala Bidang" in html
    assert [k["key"] for k in context["kinds"]]  # the recommended conduct's kind is counted

"""The PPK follow-up table counts, per government, the recommendations sent to its PPK and the
decrees it answered with. When the reported person works for the government of the case's own
regency, as is usual, those are the regency's `recommended` and `followed_up` of the region
table: a count shown in the PPK table where the region table hides the same count would give
it away, and through the province's sum the "<5" beside it. So a PPK count is hidden ("x")
where its regency's count is suppressed, "<5" when it is 1 to 4, and shown otherwise."""

from netra.insights.public import public_table
from netra.insights.suppression import HIDDEN, SHOWN, SMALL
from netra.regions.models import Election
from tests.insights.figures_rows import province_and_nation


def _counts(recommended):
    return {
        "received": 20,
        "registered": 15,
        "violation": 12,
        "forwarded": 10,
        "recommended": recommended,
    }


def _answers(recommended):
    return {"recommended": recommended, "answered": 0, "days": {}}


def test_a_ppk_count_takes_the_suppression_of_its_regencys_count(reference):
    election = Election.objects.get(code="pilkada-2024")
    recommended = {"35.09": 6, "35.10": 1, "35.78": 8}
    province_and_nation(
        election,
        {code: (_counts(count), {}) for code, count in recommended.items()},
        compliance={code: _answers(count) for code, count in recommended.items()},
    )
    table = public_table(election)
    region = {code: table.row(code).cells["recommended"] for code in recommended}
    ppk = {row.code: row.cells["recommended"] for row in table.compliance}
    # Banyuwangi's 1 is "<5"; Jember's 6, the smallest count beside it, is hidden so that it
    # cannot be subtracted from the province's 15.
    assert {code: cell.status for code, cell in region.items()} == {
        "35.09": HIDDEN,
        "35.10": SMALL,
        "35.78": SHOWN,
    }
    assert {code: (cell.status, cell.value, cell.text) for code, cell in ppk.items()} == {
        "35.09": (HIDDEN, None, "x"),
        "35.10": (SMALL, None, "<5"),
        "35.78": (SHOWN, 8, "8"),
    }

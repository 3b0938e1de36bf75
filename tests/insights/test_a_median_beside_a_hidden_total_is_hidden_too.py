"""A median is not given over fewer than 5 cases ("<5 cases"), so it tells whether the count
of its step is under 5. Four regencies with one forwarded case each under a province total of
4 would each be pinned to 1: the total is hidden (at least 1). Its median must then not say
"<5 cases", or the total would be 4 again; nor "no data", which would say no case took the
step: it is hidden too ("x"), in the page, the API and the files alike. The regencies' own
medians stay "<5 cases", which their "<5" counts say already."""

from netra.insights.public import public_table
from netra.insights.suppression import HIDDEN, HIDDEN_TOTAL, SHOWN, SMALL
from netra.regions.models import Election
from tests.insights.figures_rows import province_and_nation

JAMBI = ("15.71", "15.05", "15.01", "15.04")


def _regency(forwarded, *, cases=6):
    counts = {"received": cases, "registered": cases, "violation": cases, "forwarded": forwarded}
    days = {
        "registered": {"1": cases},
        "violation": {"2": cases},
        "forwarded": {"3": forwarded},
    }
    return counts, days


def test_the_median_of_a_hidden_total_is_hidden_too(reference):
    election = Election.objects.get(code="pilkada-2024")
    regencies = {code: _regency(1) for code in JAMBI}
    regencies["35.09"] = _regency(20, cases=30)
    province_and_nation(election, regencies)
    table = public_table(election)

    jambi = table.row("15")
    assert jambi.cells["forwarded"].status == HIDDEN_TOTAL
    assert jambi.medians["forwarded"].status == HIDDEN
    assert jambi.medians["forwarded"].text == "x"
    assert jambi.medians["registered"].status == SHOWN  # 24 cases: given
    for code in JAMBI:
        assert table.row(code).cells["forwarded"].status == SMALL
        assert table.row(code).medians["forwarded"].status == SMALL

"""Each component is one set-based query over the election, whatever the number of regions:
recomputing the 552 regions of the 2024 regional elections takes as many queries as the
handful of Pilkada 2020 (the rows are written in batches, a few on SQLite, whose statements
take fewer parameters), and a bounded number."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.risk import refresh

from .risk_data import election, employees, figures, flags, ikp, outreach, public_cases, roster

MAX_QUERIES = 25


def _data(admin, election_code, codes):
    ikp(admin, [(code, "50", "sedang") for code in codes], election_code=election_code)
    figures(election_code, {code: (4, 1) for code in codes if "." in code})
    for code in codes:
        if "." in code:
            staff = employees(code, "Dinas Pendidikan", 3)
            outreach(admin, staff[:1], election_code=election_code)
            flags(code)
            public_cases(code, election_code=election_code)
    roster({code: 1000 for code in codes})


def queries(election_code):
    """The queries of a recompute, apart from the batches of rows it writes."""
    chosen = election(election_code)
    with CaptureQueriesContext(connection) as captured:
        refresh.recompute(chosen)
    return [q["sql"] for q in captured if not q["sql"].startswith("INSERT")]


def test_few_regions_and_many_take_the_same_bounded_number_of_queries(
    admin, django_assert_max_num_queries
):
    _data(admin, "pilkada-2020", ["15", "15.71"])
    _data(admin, "pilkada-2024", ["35", "35.09", "35.10", "35.78", "15", "15.71", "12.71"])

    few = queries("pilkada-2020")
    with django_assert_max_num_queries(MAX_QUERIES):
        many = queries("pilkada-2024")

    assert len(few) == len(many)

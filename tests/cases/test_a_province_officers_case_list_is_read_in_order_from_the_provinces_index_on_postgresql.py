"""On PostgreSQL a province officer's case list (open first, then the newest), of every step
or of one, and their overdue list (most overdue first) are read in order and counted from
indexes of the province's cases, rather than walking the list-order index of every case in
the country and keeping the province's (7.6% of them at national scale), or combining two
index lookups and reading a step's rows twice (count and page)."""

import pytest
from django.db import connection, transaction
from django.utils import timezone

from netra.cases.views import _listed_cases


def plan(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a sort only if no index gives the order
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    "filters, index, counted_from",
    [
        # Either of the province's list indexes counts its cases from the index alone.
        ({}, "cases_case_province_open_first", "Index Only Scan using cases_case_province_"),
        (
            {"state": "forwarded"},
            "cases_case_province_step_open_first",
            "Index Only Scan using cases_case_province_step_open_first",
        ),
        (
            {"lewat": True},
            "cases_case_overdue_by_province",
            "Index Only Scan using cases_case_overdue_by_province",
        ),
    ],
)
def test_a_province_page_and_its_count_are_read_from_the_provinces_index(
    make_user, filters, index, counted_from
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite holds one office's cases and sorts them")
    user = make_user("officer", "bawaslu_province", ["35"])
    cases = _listed_cases(user, filters, timezone.now())
    page = plan(*cases.values_list("pk")[950:1001].query.sql_with_params())
    assert "Sort" not in page.replace("Sort Key", ""), page
    assert index in page, page
    capped = cases.order_by().values("pk")[:10001].query.sql_with_params()
    count = plan(f"SELECT count(*) FROM ({capped[0]}) AS capped", capped[1])
    assert counted_from in count, count

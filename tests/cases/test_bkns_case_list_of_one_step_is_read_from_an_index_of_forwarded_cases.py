"""On PostgreSQL BKN's case list of one step (BKN reaches forwarded cases only) is read, and
counted, from an index of the forwarded cases of that step: a step before forwarding, which
holds no case BKN reaches, costs nothing rather than a read of every case of the step."""

import pytest
from django.db import connection, transaction
from django.utils import timezone

from netra.cases.views import _listed_cases


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a sort only if no index gives the order
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("state", ["study", "forwarded"])
def test_the_page_and_its_count_use_the_forwarded_cases_index(make_user, state):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite holds one office's cases and sorts them")
    bkn = make_user("verifier", "bkn")
    listed = _listed_cases(bkn, {"state": state}, timezone.now())
    page = plan(listed.values_list("pk")[950:1001])
    assert "Sort" not in page.replace("Sort Key", ""), page
    assert "cases_case_forwarded_step_open_first" in page, page
    counted = plan(listed.order_by().values("pk")[:10001])
    assert "cases_case_forwarded_step_open_first" in counted, counted

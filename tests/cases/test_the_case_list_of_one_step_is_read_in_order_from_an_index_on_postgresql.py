"""On PostgreSQL the case list filtered by a step (open first, then the newest) is read in its
order from an index of that step's cases, nationally, rather than walking every case in the
open-first order and keeping those of the step (one in sixteen at national scale)."""

import pytest
from django.db import connection, transaction
from django.utils import timezone

from netra.cases.views import _listed_cases


def plan(queryset):
    sql, params = queryset.values_list("pk")[950:1001].query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a sort only if no index gives the order
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_page_of_one_step_is_read_from_that_steps_index(make_user):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite holds one office's cases and sorts them")
    user = make_user("officer", "bawaslu_ri")  # BKN's list: its own test, forwarded cases
    shown = plan(_listed_cases(user, {"state": "forwarded"}, timezone.now()))
    assert "Sort" not in shown.replace("Sort Key", ""), shown
    assert "cases_case_step_open_first" in shown, shown

"""The page reads the summaries, never the cases: its queries are few, and as many for a
handful of cases as for many cases in many offices."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.insights import refresh

from .staff_page import PATH, open_finding

MAX_QUERIES = 20


def queries_for(signed_in, query):
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get(PATH, query).status_code == 200
    return len(captured)


@pytest.mark.parametrize("persona", ["gita", "dewi", "alice"])
def test_the_page_takes_few_queries(
    client_for, request, alice, dewi, persona, django_assert_max_num_queries
):
    open_finding(alice, "35.09")
    open_finding(dewi, "35.10")
    refresh.refresh_all()
    signed_in = client_for(request.getfixturevalue(persona))
    signed_in.get(PATH)  # the session and the first request's one-off lookups

    with django_assert_max_num_queries(MAX_QUERIES):
        assert signed_in.get(PATH, {"pemilihan": "pilkada-2024"}).status_code == 200


def test_more_cases_in_more_offices_take_no_more_queries(client_for, gita, alice, dewi):
    open_finding(alice, "35.09")
    refresh.refresh_all()
    signed_in = client_for(gita)
    signed_in.get(PATH)
    few = queries_for(signed_in, {"pemilihan": "pilkada-2024"})

    for code in ("35.09", "35.10", "35.78", "35"):
        for number in range(3):
            open_finding(dewi, code, f"Temuan {number}")
    refresh.refresh_all()

    assert queries_for(signed_in, {"pemilihan": "pilkada-2024"}) == few

"""The pages read the computed risk rows, never the figures behind them: the list of all 514
regencies and cities takes as many queries as a regency's own, and a bounded number, as does
a region's explanation and the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.risk import refresh

from .risk_data import WATCH, election, ikp

MAX_QUERIES = 15


@pytest.fixture
def risk(admin):
    ikp(admin, [("35.09", "80", "tinggi"), ("15.71", "60", "sedang")])
    refresh.recompute(election())


def queries(signed_in, path, query):
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get(path, query).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path", [WATCH, "/staf/risiko/35.09/", "/api/v1/risk"], ids=["list", "region", "api"]
)
def test_a_national_and_a_regency_officer_take_the_same_few_queries(
    client_for, gita, alice, risk, path, django_assert_max_num_queries
):
    query = {"pemilihan": "pilkada-2024", "election": "pilkada-2024"}
    national, regency = client_for(gita), client_for(alice)
    national.get(WATCH), regency.get(WATCH)  # the session's one-off lookups

    with django_assert_max_num_queries(MAX_QUERIES):
        everything = queries(national, path, query)
    own = queries(regency, path, query)

    assert everything <= own + 1  # the national list reads no scope; a regency's reads it

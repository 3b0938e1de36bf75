"""On PostgreSQL a case list longer than NETRA_EXACT_COUNT_LIMIT states PostgreSQL's planner
estimate instead of counting every row, and says plainly that it is one."""

import pytest
from django.db import connection

from netra.cases import actions
from netra.common import listing
from netra.regions.models import Election


def test_the_page_says_about_so_many_cases_an_estimate(
    client_for, alice, region, settings, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is PostgreSQL's")
    election = Election.objects.get(code="pilkada-2024")
    for i in range(7):
        actions.open_finding(alice, election=election, region=region("35.09"), summary=f"T{i}")
    settings.NETRA_EXACT_COUNT_LIMIT = 5
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    response = client_for(alice).get("/kasus/")
    total = response.context["total"]
    assert total.kind == "about" and total.count >= 6
    html = " ".join(response.content.decode().split())
    assert f"sekitar {total.shown} kasus (perkiraan)" in html
    assert "(perkiraan)</span>" in html.replace(" </span>", "</span>")  # the page count too

"""On PostgreSQL a case list longer than NETRA_EXACT_COUNT_LIMIT states PostgreSQL's planner
estimate instead of counting every row, and says plainly that it is one."""

import pytest
from django.db import connection


def test_the_page_says_about_so_many_cases_an_estimate(
    client_for, alice, jember_findings, short_pages
):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is PostgreSQL's")
    jember_findings(7)
    response = client_for(alice).get("/kasus/")
    total = response.context["total"]
    assert total.kind == "about" and total.count >= 6
    html = " ".join(response.content.decode().split())
    assert f"sekitar {total.shown} kasus (perkiraan)" in html
    assert "(perkiraan)</span>" in html.replace(" </span>", "</span>")  # the page count too

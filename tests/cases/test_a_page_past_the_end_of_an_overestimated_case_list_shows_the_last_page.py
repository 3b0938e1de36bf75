"""When the planner's estimate is higher than the real length of a case list, a page past the
real end (a link from the estimate, an old bookmark) shows the last page, with a message that
says so and the exact total, never an error or an empty table."""

import pytest
from django.db import connection

from netra.common import listing


def test_the_last_real_page_is_shown_with_a_message(
    client_for, alice, monkeypatch, jember_findings, short_pages
):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is PostgreSQL's")
    made = jember_findings(7)
    monkeypatch.setattr(listing, "planner_estimate", lambda queryset: 1_000)  # far too high
    client = client_for(alice)
    first = client.get("/kasus/")
    assert first.context["total"] == listing.Total(1_000, "about")
    response = client.get("/kasus/", {"page": 200})
    assert response.status_code == 200
    page = response.context["page"]
    assert page.number == 3 and [c.pk for c in response.context["cases"]] == [made[0].pk]
    assert response.context["total"] == listing.Total(7, "exact")
    html = " ".join(response.content.decode().split())
    assert "Daftar ini berakhir sebelum halaman 200; ini halaman terakhirnya." in html
    assert "7 kasus dalam daftar" in html and "Halaman 3 dari 3" in html

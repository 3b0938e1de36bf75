"""When the planner's estimate is lower than the real length of a case list, the pages past
the estimate are still reached: a page offers the next one while rows remain after it."""

import pytest
from django.db import connection

from netra.common import listing


def test_every_row_is_reached_through_next_links(
    client_for, alice, monkeypatch, jember_findings, short_pages
):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is PostgreSQL's")
    made = jember_findings(12)
    monkeypatch.setattr(listing, "planner_estimate", lambda queryset: 1)  # far too low
    client = client_for(alice)
    seen, number = [], 1
    while number:
        response = client.get("/kasus/", {"page": number})
        assert response.status_code == 200
        page = response.context["page"]
        assert page.number == number
        seen += [c.pk for c in response.context["cases"]]
        number = page.next_page_number() if page.has_next() else None
        if number:
            assert f"page={number}" in response.content.decode()
    assert sorted(seen) == sorted(c.pk for c in made)

"""On SQLite, which holds one office's cases, the case list is counted exactly however long it
is, and every page of it can be reached."""

import pytest
from django.db import connection

from netra.common import listing


def test_a_list_longer_than_the_threshold_is_counted_and_its_last_page_reached(
    client_for, alice, jember_findings, short_pages
):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL states an estimate above the threshold")
    jember_findings(7)
    client = client_for(alice)
    response = client.get("/kasus/")
    assert response.context["total"] == listing.Total(7, "exact")
    assert "7 kasus dalam daftar" in response.content.decode()
    last = client.get("/kasus/", {"page": 3})
    assert len(last.context["cases"]) == 1
    assert "Halaman 3 dari 3" in last.content.decode()

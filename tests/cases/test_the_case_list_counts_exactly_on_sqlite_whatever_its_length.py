"""On SQLite, which holds one office's cases, the case list is counted exactly however long it
is, and every page of it can be reached."""

import pytest
from django.db import connection

from netra.cases import actions
from netra.common import listing
from netra.regions.models import Election


def test_a_list_longer_than_the_threshold_is_counted_and_its_last_page_reached(
    client_for, alice, region, settings, monkeypatch
):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL states an estimate above the threshold")
    election = Election.objects.get(code="pilkada-2024")
    for i in range(7):
        actions.open_finding(alice, election=election, region=region("35.09"), summary=f"T{i}")
    settings.NETRA_EXACT_COUNT_LIMIT = 5
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    client = client_for(alice)
    response = client.get("/kasus/")
    assert response.context["total"] == listing.Total(7, "exact")
    assert "7 kasus dalam daftar" in response.content.decode()
    last = client.get("/kasus/", {"page": 3})
    assert len(last.context["cases"]) == 1
    assert "Halaman 3 dari 3" in last.content.decode()

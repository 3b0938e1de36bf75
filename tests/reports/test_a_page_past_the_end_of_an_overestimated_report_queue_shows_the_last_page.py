"""When the planner's estimate is higher than the real length of the report queue, a page past
the real end shows the last page with a message that says so and the exact total; the pages
before it offer the next one only while rows remain."""

import secrets

import pytest
from django.db import connection
from django.utils import timezone

from netra.common import listing
from netra.regions.models import Election, Region
from netra.reports.models import Submission


def test_the_last_real_page_is_shown_with_a_message(
    client_for, alice, reference, settings, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is PostgreSQL's")
    today = timezone.localdate()
    Submission.objects.bulk_create(
        Submission(
            kind="report",
            status="received",
            receipt_hash=secrets.token_hex(32),
            election=Election.objects.get(code="pilkada-2024"),
            region=Region.objects.get(code="35.09"),
            incident_date=today,
            known_date=today,
            description=f"Uraian {i}",
            identity_sealed="SEALED",
        )
        for i in range(7)
    )
    settings.NETRA_EXACT_COUNT_LIMIT = 5
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    monkeypatch.setattr(listing, "planner_estimate", lambda queryset: 1_000)
    client = client_for(alice)
    second = client.get("/laporan/", {"page": 2})
    assert second.context["page"].has_next()
    third = client.get("/laporan/", {"page": 3})
    assert len(third.context["submissions"]) == 1 and not third.context["page"].has_next()
    response = client.get("/laporan/", {"page": 50})
    assert response.status_code == 200
    assert response.context["page"].number == 3 and len(response.context["submissions"]) == 1
    html = " ".join(response.content.decode().split())
    assert "Daftar ini berakhir sebelum halaman 50; ini halaman terakhirnya." in html
    assert "7 laporan dalam daftar" in html

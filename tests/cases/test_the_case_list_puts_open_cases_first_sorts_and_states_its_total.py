"""The case list shows open cases before closed ones, newest first; its column headers sort
(both ways, keeping the other filters, with aria-sort); its total is exact below a threshold
and marked as an estimate above it on PostgreSQL; a page past the end shows the last page."""

from datetime import timedelta

from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.common import listing
from netra.regions.models import Election


def findings(officer, region, count):
    election = Election.objects.get(code="pilkada-2024")
    return [
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")
        for i in range(count)
    ]


def listed(client, **query):
    response = client.get("/kasus/", query)
    assert response.status_code == 200
    return [c.pk for c in response.context["cases"]], response


def test_open_cases_come_first_then_the_newest(client_for, alice, region):
    old, closed, new = findings(alice, region("35.09"), 3)
    now = timezone.now()
    for case, days in ((old, 30), (closed, 1), (new, 2)):
        Case.objects.filter(pk=case.pk).update(opened_at=now - timedelta(days=days))
    Case.objects.filter(pk=closed.pk).update(state="closed")
    order, _ = listed(client_for(alice))
    assert order == [new.pk, old.pk, closed.pk]


def test_a_column_header_sorts_both_ways_and_keeps_the_filters(client_for, alice, region):
    cases = findings(alice, region("35.09"), 3)
    for i, case in enumerate(cases):
        Case.objects.filter(pk=case.pk).update(number=f"00{i + 1}/Reg/2024")
    client = client_for(alice)
    up, page = listed(client, urut="nomor", state="received")
    assert up == [c.pk for c in cases]
    html = page.content.decode()
    assert 'aria-sort="ascending"' in html
    header = page.context["headers"]["nomor"]
    assert "urut=-nomor" in header["url"] and "state=received" in header["url"]
    down, page = listed(client, urut="-nomor", state="received")
    assert down == [c.pk for c in reversed(cases)]
    assert 'aria-sort="descending"' in page.content.decode()
    unknown, page = listed(client, urut="password")
    assert "tidak dapat diurutkan" in page.content.decode()  # a message, and the default order


def test_a_first_page_that_is_not_full_is_its_own_total(client_for, alice, region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    findings(alice, region("35.09"), 3)
    with CaptureQueriesContext(connection) as queries:
        _, page = listed(client_for(alice))
    assert page.context["total"] == listing.Total(3, "exact")
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)


def test_the_total_is_exact_below_the_threshold_and_marked_above_it(
    client_for, alice, region, settings, monkeypatch
):
    findings(alice, region("35.09"), 7)
    client = client_for(alice)
    _, page = listed(client)
    assert page.context["total"].kind == "exact"
    assert "7 kasus" in page.content.decode()
    settings.NETRA_EXACT_COUNT_LIMIT = 5
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)  # a full first page: the list is counted
    _, page = listed(client)
    total = page.context["total"]
    html = " ".join(page.content.decode().split())
    if total.kind == "about":  # PostgreSQL: the planner's estimate
        assert "sekitar" in html and "(perkiraan)" in html
    else:  # SQLite, one office's cases: counted exactly
        assert total == listing.Total(7, "exact") and "7 kasus dalam daftar" in html


def test_pages_hold_fifty_and_a_page_past_the_end_shows_the_last(client_for, alice, region):
    findings(alice, region("35.09"), 52)
    client = client_for(alice)
    first, _ = listed(client)
    assert len(first) == 50
    last, page = listed(client, page=99)
    assert len(last) == 2 and page.context["page"].number == 2
    assert "Halaman 2 dari 2" in page.content.decode()
    letters, _ = listed(client, page="abc")
    assert letters == first

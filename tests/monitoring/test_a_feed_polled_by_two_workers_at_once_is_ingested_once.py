"""Several workers poll the feeds at the same moment: each due feed is claimed by a conditional
UPDATE of its next reading time before it is fetched, and only the worker whose UPDATE changed
the row reads it."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from netra.audit.models import AuditEntry
from netra.monitoring import actions, fetch
from netra.monitoring.models import Source, Text

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title>
<item><title>Apel netralitas ASN</title><guid>b-1</guid><description>Semua hadir.</description>
</item><item><title>Rapat koordinasi</title><guid>b-2</guid><description>Di aula.</description>
</item></channel></rss>"""


def feed(region, **fields):
    return Source.objects.create(
        name="Berita", kind="feed", url="https://berita.test/rss", region=region("35.09"), **fields
    )


def fetched(calls):
    def fetch_feed(url):
        calls.append(url)
        return fetch.Fetched(RSS, "application/rss+xml", url)

    return fetch_feed


def test_two_workers_that_both_saw_the_feed_due_ingest_it_once(region):
    source = feed(region)
    now = timezone.now()
    first_sees, second_sees = actions.due_feeds(now), actions.due_feeds(now)
    assert first_sees == second_sees == [source.pk]
    calls = []
    results = [
        actions.poll_feed(pk, fetch=fetched(calls), now=now) for pk in first_sees + second_sees
    ]
    assert results == [2, 0] and len(calls) == 1
    assert Text.objects.count() == 2
    assert AuditEntry.objects.filter(action="monitoring.ingested").count() == 1


def test_a_worker_polling_while_another_is_still_fetching_finds_nothing_to_do(region):
    feed(region)
    calls, inner = [], []

    def slow_fetch(url):  # while the first worker waits for the feed, a second one polls
        inner.append(actions.poll_feeds(fetch=fetched(calls)))
        return fetched(calls)(url)

    assert actions.poll_feeds(fetch=slow_fetch) == 2
    assert inner == [0] and len(calls) == 1


def test_the_claim_moves_the_next_reading_and_lapses_when_due_again(region, settings):
    source = feed(region)
    now = timezone.now()
    assert actions.claim_feed(source.pk, now) is True
    assert actions.claim_feed(source.pk, now) is False
    source.refresh_from_db()
    assert source.next_poll_at == now + timedelta(minutes=settings.NETRA_FEED_MINUTES)
    later = source.next_poll_at
    assert actions.due_feeds(later - timedelta(seconds=1)) == []
    assert actions.claim_feed(source.pk, later) is True  # a crashed worker's claim lapses


def test_an_inactive_feed_is_never_claimed(region):
    source = feed(region, active=False)
    assert actions.due_feeds(timezone.now()) == []
    assert actions.claim_feed(source.pk, timezone.now()) is False


@pytest.mark.django_db(transaction=True)
def test_three_threads_polling_at_once_ingest_each_feed_once(reference, region):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    ):
        pytest.skip("in-memory SQLite shares one connection's locks between threads")
    for n in range(4):
        Source.objects.create(
            name=f"Berita {n}", kind="feed", url=f"https://b{n}.test/rss", region=region("35.09")
        )
    now = timezone.now()
    start, calls, totals, errors = threading.Barrier(3), [], [], []

    def worker():
        try:
            due = actions.due_feeds(now)
            start.wait(5)  # all three have seen every feed due before any claims one
            totals.append(sum(actions.poll_feed(pk, fetch=fetched(calls), now=now) for pk in due))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == [] and sum(totals) == 8 and len(calls) == 4
    assert Text.objects.count() == 8

"""Expired sessions, and the sealed receipt codes left in them, are purged by the worker's
`netra.web.sessions.purge_expired_sessions`, safely with several workers at once.

Before, expired sessions were never deleted."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from netra.web import sessions

from .helpers import file_report


def session_expiring_in(seconds):
    store = SessionStore()
    store["x"] = 1
    store.set_expiry(seconds)
    store.save()
    return store.session_key


def test_the_session_of_an_unconfirmed_receipt_is_purged_after_30_minutes(client, monkeypatch):
    file_report(client)
    key = client.cookies["sessionid"].value
    live = session_expiring_in(8 * 3600)
    assert sessions.purge_expired_sessions() == 0
    later = timezone.now() + timedelta(minutes=31)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert sessions.purge_expired_sessions() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert key != live


def test_it_purges_in_batches_and_keeps_a_session_extended_meanwhile(monkeypatch):
    expired = [session_expiring_in(-60) for _ in range(5)]
    picked = sessions._expired_keys

    def picked_while_its_owner_comes_back(model, now, batch):
        keys = picked(model, now, batch)
        # The owner's request extends this session between the pick and the delete.
        model.objects.filter(session_key=expired[0]).update(
            expire_date=timezone.now() + timedelta(hours=1)
        )
        return keys

    monkeypatch.setattr(sessions, "_expired_keys", picked_while_its_owner_comes_back)
    assert sessions.purge_expired_sessions(batch=2) == 4
    assert list(Session.objects.values_list("session_key", flat=True)) == [expired[0]]


@pytest.mark.skipif(
    not settings.IS_POSTGRES,
    reason=(
        "SQLite's in-memory test database locks whole tables across threads (shared cache); "
        "several workers share one PostgreSQL in production"
    ),
)
@pytest.mark.django_db(transaction=True)
def test_several_workers_purging_at_once_delete_each_session_once(reference):
    for _ in range(60):
        session_expiring_in(-60)
    kept = session_expiring_in(3600)
    counts, errors = [], []

    def worker():
        try:
            counts.append(sessions.purge_expired_sessions(batch=7))
        except Exception as exc:  # noqa: BLE001 - the test reports any error of a worker
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sum(counts) == 60
    assert list(Session.objects.values_list("session_key", flat=True)) == [kept]

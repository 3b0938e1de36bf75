"""Sessions whose expiry lies more than NETRA_RETENTION_SESSIONS_DAYS back are deleted; a
session still running stays."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from netra.audit.models import AuditEntry
from netra.privacy import actions


def session(expires_in):
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_expired_sessions_go_and_running_ones_stay(db, settings):
    settings.NETRA_RETENTION = settings.NETRA_RETENTION.__class__(
        **{**settings.NETRA_RETENTION.__dict__, "sessions": 2}
    )
    running = session(timedelta(hours=1))
    recently_expired = session(-timedelta(days=1))
    long_expired = session(-timedelta(days=3))
    assert actions.delete_expired_sessions() == 1
    assert set(Session.objects.values_list("pk", flat=True)) == {running, recently_expired}
    assert AuditEntry.objects.get(action="privacy.retention").data == {
        "kind": "sessions",
        "count": 1,
    }
    assert long_expired not in Session.objects.values_list("pk", flat=True)

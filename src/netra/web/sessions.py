"""Expired sessions are deleted, so that nothing a session held outlives it.

Django never deletes an expired session row on its own (`clearsessions` must be run), and a
session may hold a reporter's sealed receipt code or the submission they are looking at. The
worker's round calls `purge_expired_sessions`.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

BATCH = 1000


def _expired_keys(model, now, batch):
    return list(
        model.objects.filter(expire_date__lt=now).values_list("session_key", flat=True)[:batch]
    )


def purge_expired_sessions(batch=BATCH):
    """Delete every session that expired before now; return how many this call deleted.

    Idempotent and safe when several workers run it at once: each batch is deleted by key
    *and* expiry, so a row another worker deleted first is simply not counted, and a session
    whose owner extended it since it was picked stays. Batches keep every statement short, so
    no request waits long on a lock after weeks without a purge.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store, DatabaseSessionStore):
        store.clear_expired()  # files, cache, signed cookies: Django's own way
        return 0
    model, now, deleted = store.get_model_class(), timezone.now(), 0
    while True:
        keys = _expired_keys(model, now, batch)
        if not keys:
            return deleted
        count, _by_model = model.objects.filter(session_key__in=keys, expire_date__lt=now).delete()
        deleted += count
        if len(keys) < batch:
            return deleted

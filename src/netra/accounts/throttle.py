"""Counting attempts per key (a username, a client address, a NIP) within a time window, in the
database so that every app process sees the same counts.

Each key has one row: how many attempts its window holds and when that window ends. A window
opens with the key's first attempt and closes WINDOW seconds later; every row carries its own
end, so clearing out expired rows never touches a longer window that is still running.

An attempt is counted, and its new count read back, in one statement (an upsert returning
the count). Callers count first and then do the work (`attempt`, `hit`): parallel requests
each get their own number, so no more of them than the limit get through, where a check made
before counting would let them all pass at once. An attempt that turned out not to count
(a right password) is given back with `release`.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone

from .models import AttemptCount


def _upsert_sql():
    quote = connection.ops.quote_name
    table, key, count, expires = (
        quote(AttemptCount._meta.db_table),
        quote("key"),
        quote("count"),
        quote("expires_at"),
    )
    # SQLite (3.35+) and PostgreSQL both read `excluded.` and RETURNING the same way.
    return (
        f"INSERT INTO {table} ({key}, {count}, {expires}) VALUES (%s, 1, %s) "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{expires} <= %s THEN 1 "
        f"ELSE {table}.{count} + 1 END, "
        f"{expires} = CASE WHEN {table}.{expires} <= %s THEN excluded.{expires} "
        f"ELSE {table}.{expires} END "
        f"RETURNING {count}"
    )


def hit(key, window_seconds):
    """Count one attempt under KEY; return how many its window holds now, this one included."""
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_sql(),
            [key, adapt(now + timedelta(seconds=window_seconds)), adapt(now), adapt(now)],
        )
        (count,) = cursor.fetchone()
    if count == 1:
        # A new window: the moment to clear out the ones that are over (each by its own end).
        purge_expired()
    return count


def attempt(key, limit, window_seconds):
    """Count one attempt under KEY; True while it is within LIMIT."""
    return hit(key, window_seconds) <= limit


def release(key):
    """Give back one counted attempt that turned out not to count."""
    AttemptCount.objects.filter(key=key, count__gt=0, expires_at__gt=timezone.now()).update(
        count=F("count") - 1
    )


def count(key):
    """Attempts in KEY's running window (0 when it has none)."""
    row = (
        AttemptCount.objects.filter(key=key, expires_at__gt=timezone.now())
        .values_list("count", flat=True)
        .first()
    )
    return row or 0


def too_many(key, limit, window_seconds=None):
    """True when KEY's window already holds LIMIT attempts (a read: count with `attempt`)."""
    return count(key) >= limit


def note(keys, window_seconds):
    for key in keys:
        hit(key, window_seconds)


def clear(keys):
    AttemptCount.objects.filter(key__in=keys).delete()


def purge_expired():
    """Delete the rows whose window is over; safe to run from any number of processes."""
    return AttemptCount.objects.filter(expires_at__lte=timezone.now()).delete()[0]


def client_ip(request):
    """The client's address; behind a trusted proxy, the last hop it added."""
    if settings.NETRA_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")

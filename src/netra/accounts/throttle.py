"""Counting attempts per key within a time window, in the database so that every app process
sees the same counts."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ThrottleEvent


def too_many(key, limit, window_seconds):
    since = timezone.now() - timedelta(seconds=window_seconds)
    return ThrottleEvent.objects.filter(key=key, at__gte=since).count() >= limit


def note(keys, window_seconds):
    now = timezone.now()
    ThrottleEvent.objects.bulk_create([ThrottleEvent(key=k, at=now) for k in keys])
    # Old rows count for nothing; trimming here keeps the table small without a scheduled job.
    ThrottleEvent.objects.filter(at__lt=now - timedelta(seconds=window_seconds)).delete()


def clear(keys):
    ThrottleEvent.objects.filter(key__in=keys).delete()


def client_ip(request):
    """The client's address; behind a trusted proxy, the last hop it added."""
    if settings.NETRA_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")

"""How the worker is doing, from its heartbeats: "ok", "stale" or "none"."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from .models import Heartbeat


def last_beat():
    return Heartbeat.objects.aggregate(last=Max("beat_at"))["last"]


def worker_status(now=None):
    """ "none" if no worker has ever beaten, "stale" if the newest beat is older than
    NETRA_WORKER_STALE_SECONDS, else "ok"."""
    last = last_beat()
    if last is None:
        return "none"
    now = now or timezone.now()
    if now - last > timedelta(seconds=settings.NETRA_WORKER_STALE_SECONDS):
        return "stale"
    return "ok"

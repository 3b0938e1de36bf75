"""The Django side of evidence uploads: the decoding limits from settings, and refusing a
request whose body did not arrive whole."""

from functools import wraps

from django.conf import settings
from django.shortcuts import render

from . import evidence


def limits():
    return evidence.Limits(
        max_pixels=settings.NETRA_EVIDENCE_MAX_PIXELS,
        max_frames=settings.NETRA_EVIDENCE_MAX_FRAMES,
        memory_bytes=settings.NETRA_EVIDENCE_DECODE_MEMORY,
        cpu_seconds=settings.NETRA_EVIDENCE_DECODE_CPU_SECONDS,
    )


def clean(data):
    """evidence.clean with this installation's limits and decoder pool."""
    return evidence.clean(
        data,
        max_bytes=settings.NETRA_EVIDENCE_MAX_BYTES,
        limits=limits(),
        decoders=settings.NETRA_EVIDENCE_DECODERS,
    )


def body_incomplete(request):
    """Whether the client sent fewer bytes than its Content-Length said.

    A connection that breaks halfway through a photo ends the body early, and Django's parser
    then returns the fields that arrived and silently drops the file being sent (or keeps a
    field's value with the next boundary in it). Under WSGI the request reads its body through a
    LimitedStream that counts what arrived; under ASGI the whole body is read before the view,
    and a broken connection never reaches it."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    request.POST  # noqa: B018 - parse now (middleware may have already): it reads the body
    stream = getattr(request, "_stream", None)
    arrived, declared = getattr(stream, "_pos", None), getattr(stream, "limit", None)
    if arrived is None or declared is None:
        return False
    return arrived < declared


def refuse_incomplete_bodies(view):
    """400 and nothing saved for a body cut short; the view never sees its partial fields."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if body_incomplete(request):
            return render(request, "reports/incomplete_upload.html", status=400)
        return view(request, *args, **kwargs)

    return guarded

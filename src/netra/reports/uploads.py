"""The Django side of evidence uploads: the decoding limits from settings."""

from django.conf import settings

from . import evidence


def limits():
    return evidence.Limits(max_pixels=settings.NETRA_EVIDENCE_MAX_PIXELS,
                           max_frames=settings.NETRA_EVIDENCE_MAX_FRAMES,
                           memory_bytes=settings.NETRA_EVIDENCE_DECODE_MEMORY,
                           cpu_seconds=settings.NETRA_EVIDENCE_DECODE_CPU_SECONDS)


def clean(data):
    """evidence.clean with this installation's limits and decoder pool."""
    return evidence.clean(data, max_bytes=settings.NETRA_EVIDENCE_MAX_BYTES, limits=limits(),
                          decoders=settings.NETRA_EVIDENCE_DECODERS)

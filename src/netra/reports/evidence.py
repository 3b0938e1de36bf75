"""Checking and cleaning uploaded evidence (bukti) before anything is stored.

The type is decided by the file's first bytes, never by its name or the browser's word.
Images are decoded and encoded again without metadata, so that EXIF GPS positions, device
serials and XMP never reach storage or staff; the SHA-256 of the bytes as received is kept as
the integrity record. Videos and PDFs are kept as received (stripping their metadata needs tools
this project does not ship; see the issue notes).

Decoding happens within a budget and in bounded child processes (decoding.py): this process
never decodes an uploaded image itself, so neither its memory nor Pillow's process-wide switches
play a part.

Framework-free; the Django side passes the limits from settings.
"""

import hashlib
from dataclasses import dataclass

from . import decoding
from .decoding import Limits

try:  # HEIC in this process too (it opens no upload, but may write one, as the tests do)
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass

MAX_BYTES = 20 * 1024 * 1024
MAX_FILES = 10
LIMITS = Limits()  # the default; frozen, so one instance serves every call

IMAGE_TYPES = {
    "image/jpeg": ("JPEG", "jpg"),
    "image/png": ("PNG", "png"),
    "image/webp": ("WEBP", "webp"),
    "image/gif": ("GIF", "gif"),
    # HEIC is turned into JPEG: staff browsers cannot show HEIC.
    "image/heic": ("JPEG", "jpg"),
}
KEPT_TYPES = {"video/mp4": "mp4", "video/webm": "webm", "application/pdf": "pdf"}
HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
    b"3gp4",
    b"3gp5",
    b"3gp6",
    b"qt  ",
}


class EvidenceError(Exception):
    """CODE is one of: empty, too_large, type, too_many, and those of decoding.Refused
    (damaged, too_big_image, too_big_animation, too_many_frames, too_heavy)."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class CleanEvidence:
    content: bytes
    content_type: str
    extension: str
    sha256_original: str
    size_original: int
    metadata_removed: bool


def sniff(head):
    """The media type that the first bytes of a file prove, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "video/webm"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in HEIC_BRANDS:
            return "image/heic"
        if brand in MP4_BRANDS:
            return "video/mp4"
    return None


def check_count(count, max_files=MAX_FILES):
    if count > max_files:
        raise EvidenceError("too_many", max_files=max_files)


def clean(data, *, max_bytes=MAX_BYTES, limits=LIMITS, decoders=2):
    """Check DATA and return what may be stored; raise EvidenceError otherwise.

    Images are opened within LIMITS by this process's pool of DECODERS child processes."""
    if not data:
        raise EvidenceError("empty")
    if len(data) > max_bytes:
        raise EvidenceError("too_large", max_mb=max_bytes // (1024 * 1024))
    content_type = sniff(data[:64])
    if content_type is None:
        raise EvidenceError("type")
    digest = hashlib.sha256(data).hexdigest()
    if content_type in KEPT_TYPES:
        return CleanEvidence(data, content_type, KEPT_TYPES[content_type], digest, len(data), False)
    try:
        content = decoding.shared_pool(decoders).reencode(data, content_type, limits)
    except decoding.Refused as refused:
        raise EvidenceError(refused.code, **refused.params) from None
    stored_type = "image/jpeg" if content_type == "image/heic" else content_type
    return CleanEvidence(
        content, stored_type, IMAGE_TYPES[content_type][1], digest, len(data), True
    )

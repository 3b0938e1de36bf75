"""Evidence kept for a report form that came back with an error.

A browser cannot refill a file field, so a reporter who mistyped a date used to lose the
photos they had chosen. Files that passed their checks are kept here, already cleaned, for
this browser session only and for at most STAGED_SECONDS; the session holds what they are,
the data directory holds the bytes under a random folder name. They are never evidence until
the form is sent again and the submission is saved; the worker's round erases what is left.
"""

import os
import secrets
import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from .evidence import CleanEvidence

FOLDER = "staging"  # the name orphans.py leaves alone
SESSION_KEY = "staged_evidence"
STAGED_SECONDS = 30 * 60


def _held(session, now=None):
    held = session.get(SESSION_KEY)
    if not held or (now or time.time()) - held["at"] > STAGED_SECONDS:
        return None
    return held


def kept(session):
    """What the session holds, for showing: one dict per file (kind, size)."""
    held = _held(session)
    return [dict(item) for item in held["items"]] if held else []


def stage(session, items):
    """Keep ITEMS (CleanEvidence) for this session, after those already kept."""
    if not items:
        return
    held = _held(session) or {"token": secrets.token_hex(16), "items": []}
    for item in items:
        name = default_storage.save(
            f"{FOLDER}/{held['token']}/{secrets.token_hex(8)}.{item.extension}",
            ContentFile(item.content),
        )
        held["items"].append(
            {
                "name": name,
                "content_type": item.content_type,
                "extension": item.extension,
                "sha256_original": item.sha256_original,
                "size_original": item.size_original,
                "metadata_removed": item.metadata_removed,
                "size": len(item.content),
            }
        )
    held["at"] = time.time()
    session[SESSION_KEY] = held


def take(session):
    """The kept files as CleanEvidence, to be saved with the submission; a file that the
    round already erased is left out rather than failing the report."""
    held = _held(session)
    found = []
    for item in held["items"] if held else []:
        try:
            with default_storage.open(item["name"], "rb") as stored:
                content = stored.read()
        except FileNotFoundError:
            continue
        found.append(
            CleanEvidence(
                content=content,
                content_type=item["content_type"],
                extension=item["extension"],
                sha256_original=item["sha256_original"],
                size_original=item["size_original"],
                metadata_removed=item["metadata_removed"],
            )
        )
    return found


def drop(session):
    """Forget and erase what this session kept (sent with the report, or given up)."""
    held = session.pop(SESSION_KEY, None)
    for item in held["items"] if held else []:
        default_storage.delete(item["name"])


def purge_expired(older_than=timedelta(seconds=STAGED_SECONDS)):
    """Erase kept files older than the time they may be kept; return how many. Safe in any
    number of workers at once: a file another worker erased first is simply gone."""
    if not default_storage.exists(FOLDER):
        return 0
    cutoff = timezone.now() - older_than
    erased = 0
    folders, _ = default_storage.listdir(FOLDER)
    for folder in folders:
        try:
            _, names = default_storage.listdir(f"{FOLDER}/{folder}")
        except FileNotFoundError:  # another worker erased the folder after our listing
            continue
        for name in names:
            path = f"{FOLDER}/{folder}/{name}"
            try:
                if default_storage.get_modified_time(path) >= cutoff:
                    continue
                default_storage.delete(path)
                erased += 1
            except FileNotFoundError:
                continue
        try:  # the folder itself, once empty (a new file in it keeps it)
            os.rmdir(default_storage.path(f"{FOLDER}/{folder}"))
        except (OSError, NotImplementedError):
            pass
    return erased

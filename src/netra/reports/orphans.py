"""Removing stored files that no committed row points to.

Evidence, attachments, letters and decrees are written to storage first and their row is
committed after; a crash (kill -9, power) between the two leaves a file that nothing refers to
and nobody can reach, which for evidence means personal data kept past any retention rule.

`sweep_orphan_files` looks only into the folders that the project's FileFields write into
(every FileField of every installed model, found at run time), and deletes a file there when
no row of any FileField refers to it and it is older than a grace period, so that a file whose
row is still being committed is left alone. It never looks into `staging/` (files kept for a
form with errors, which have a lifetime of their own) nor into the upload folders that queued
worker tasks name in their arguments (roster and monitoring imports), which are no FileField's.

Safe when several workers run it at once, without a claim: it lists the files first and reads
the references after, just before deleting each batch, so any row committed before that read
protects its file, and a row committed later must be for a file younger than the grace
period; deleting a file that another sweeper already deleted is a no-op.
"""

from datetime import timedelta

from django.apps import apps
from django.db import models
from django.db.models import Value
from django.db.models.functions import StrIndex, Substr
from django.utils import timezone

STAGING = "staging"
GRACE = timedelta(hours=1)
BATCH = 500


def file_fields():
    """(model, field) for every FileField (ImageField included) of every installed model."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def _folder(name):
    return name.split("/", 1)[0] if "/" in name else None


def _folders(model, field):
    """Top folders FIELD writes into: where its upload_to puts a new file, and where its
    existing files lie (upload_to may have changed)."""
    folders = set()
    try:
        folders.add(_folder(field.generate_filename(model(), "x.bin")))
    except Exception:  # noqa: BLE001 - an upload_to that needs a saved instance
        pass
    slash = StrIndex(field.name, Value("/"))
    existing = (
        model._base_manager.filter(**{f"{field.name}__contains": "/"})
        .annotate(top=Substr(field.name, 1, slash - 1))
        .values_list("top", flat=True)
        .distinct()
    )
    folders.update(existing)
    folders.discard(None)  # files at the top level are not swept: nothing writes there
    folders.discard(STAGING)
    return folders


def _walk(storage, folder):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}")


def _referenced(names, fields):
    found = set()
    for model, field in fields:
        found.update(
            model._base_manager.filter(**{f"{field.name}__in": names}).values_list(
                field.name, flat=True
            )
        )
    return found


def sweep_orphan_files(older_than=GRACE):
    """Delete files that no committed row references and that are older than OLDER_THAN;
    return the names deleted."""
    cutoff = timezone.now() - older_than
    fields = list(file_fields())
    by_storage = {}
    for model, field in fields:
        entry = by_storage.setdefault(id(field.storage), (field.storage, set(), []))
        entry[1].update(_folders(model, field))
        entry[2].append((model, field))
    deleted = []
    for storage, folders, storage_fields in by_storage.values():
        batch = []
        for folder in sorted(folders):
            if not storage.exists(folder):
                continue
            for name in _walk(storage, folder):
                try:
                    if storage.get_modified_time(name) >= cutoff:
                        continue  # perhaps still being committed
                except FileNotFoundError:  # another sweeper, or its row's deletion
                    continue
                batch.append(name)
                if len(batch) == BATCH:
                    deleted += _delete_unreferenced(storage, batch, storage_fields)
                    batch = []
        deleted += _delete_unreferenced(storage, batch, storage_fields)
    return deleted


def _delete_unreferenced(storage, names, fields):
    if not names:
        return []
    referenced = _referenced(names, fields)
    orphans = [name for name in names if name not in referenced]
    for name in orphans:
        storage.delete(name)
    return orphans

"""Every change to the roster, each with its audit entry."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netra.accounts.access import scope_region_ids
from netra.audit.log import record
from netra.regions.models import Region

from . import staged
from .importer import RosterFileError, RowError, check_file, compact, errors_as_csv
from .models import RosterImport
from .writer import RosterWriter, nips_outside


@dataclass
class ImportResult:
    total_rows: int = 0
    imported: int = 0
    created: int = 0
    updated: int = 0
    invalid: int = 0
    rejected: bool = False
    errors: list = field(default_factory=list)

    @property
    def unchanged(self):
        return self.imported - self.created - self.updated

    def summary(self):
        if self.rejected:
            return _(
                "Nothing was imported: %(invalid)s of %(total)s rows have errors. "
                "Fix them, or import the valid rows only."
            ) % {"invalid": self.invalid, "total": self.total_rows}
        return _(
            "%(imported)s rows imported (%(created)s new, %(updated)s changed, "
            "%(unchanged)s unchanged); %(invalid)s invalid rows skipped."
        ) % {
            "imported": self.imported,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid": self.invalid,
        }

    def write_error_report(self, path):
        # utf-8-sig: spreadsheet programs read the BOM and show Indonesian text correctly.
        Path(path).write_text(errors_as_csv(self.errors), encoding="utf-8-sig", newline="")


def district_maps(region):
    """(lookup by name or code -> code, code -> id) for the districts inside REGION."""
    districts = Region.objects.filter(
        code__startswith=region.code + ".", level=Region.Level.DISTRICT
    )
    lookup, ids = {}, {}
    for code, name, pk in districts.values_list("code", "name", "id"):
        lookup[code] = lookup[compact(name)] = code
        ids[code] = pk
    return lookup, ids


def import_roster_file(path, *, region, actor, skip_invalid=False, progress=None, limit_bytes=None):
    """Check every row of PATH, then import into REGION's roster unless the policy forbids it.

    By default one invalid row rejects the whole file; with SKIP_INVALID the valid rows go in.
    An ACTOR with a limited reach cannot take over an employee registered elsewhere.
    On PostgreSQL the file is staged with COPY, checked in SQL and merged in one statement, all
    in one transaction that is rolled back if the file is rejected (people/staged.py); SQLite,
    with a single writer, checks the whole file in Python before it takes the write lock.
    """
    limit = settings.NETRA_ROSTER_MAX_BYTES if limit_bytes is None else limit_bytes
    lookup, district_ids = district_maps(region)
    allowed = scope_region_ids(actor) if actor is not None else None
    if connection.vendor == "postgresql":
        return _import_staged(
            path, region, actor, skip_invalid, progress, limit, allowed, lookup, district_ids
        )
    foreign = []  # (row, nip) of employees registered outside the actor's reach
    outcome = {"imported": 0, "created": 0, "updated": 0}

    def accept(writer, rows, agencies, error_count):
        if allowed is not None:
            writer.wait()
            outside = nips_outside((r.nip for r in rows if r.nip), allowed)
            if outside:
                foreign.extend((r.row, r.nip) for r in rows if r.nip in outside)
                rows = [r for r in rows if r.nip not in outside]
        if (error_count or foreign) and not skip_invalid:
            return  # the file will be rejected: keep checking, stop writing
        writer.add(rows, agencies)
        outcome["imported"] += len(rows)

    checked = check_file(path, district_codes=lookup, limit_bytes=limit, progress=progress)
    with transaction.atomic():
        with RosterWriter(region, district_ids) as writer:
            accept(writer, checked.rows, checked.agencies, checked.error_count)
            error_count = checked.error_count + len(foreign)
            rejected = bool(error_count) and not skip_invalid
            if rejected:
                transaction.set_rollback(True)
            else:
                outcome["created"], outcome["updated"] = writer.finish()
                record(
                    actor,
                    "roster.imported",
                    region=region,
                    data={"rows": checked.total_rows, "invalid": error_count, **outcome},
                )

    errors = checked.errors
    if foreign:
        nip_label = checked.columns.get("nip", "NIP")
        errors = sorted(
            errors + [RowError(row, nip_label, "nip_other_region", nip) for row, nip in foreign],
            key=lambda e: e.row,
        )
    result = ImportResult(
        total_rows=checked.total_rows, invalid=error_count, errors=errors, rejected=rejected
    )
    if rejected:
        record(
            actor,
            "roster.import_rejected",
            region=region,
            data={"rows": checked.total_rows, "invalid": error_count},
        )
    else:
        result.imported, result.created, result.updated = (
            outcome["imported"],
            outcome["created"],
            outcome["updated"],
        )
    return result


def _import_staged(
    path, region, actor, skip_invalid, progress, limit, allowed, lookup, district_ids
):
    """PostgreSQL: COPY into a staging table, checks in SQL, one merge (people/staged.py)."""
    with transaction.atomic():
        outcome = staged.import_file(
            path,
            region=region,
            district_codes=lookup,
            district_ids=district_ids,
            allowed=allowed,
            skip_invalid=skip_invalid,
            progress=progress,
            limit_bytes=limit,
        )
        result = ImportResult(
            total_rows=outcome["total_rows"],
            invalid=outcome["error_count"],
            errors=outcome["errors"],
            rejected=outcome["rejected"],
        )
        if result.rejected:
            transaction.set_rollback(True)
        else:
            result.imported = outcome["imported"]
            result.created, result.updated = outcome["created"], outcome["updated"]
            record(
                actor,
                "roster.imported",
                region=region,
                data={
                    "rows": result.total_rows,
                    "invalid": result.invalid,
                    "imported": result.imported,
                    "created": result.created,
                    "updated": result.updated,
                },
            )
    if result.rejected:
        record(
            actor,
            "roster.import_rejected",
            region=region,
            data={"rows": result.total_rows, "invalid": result.invalid},
        )
    return result


@transaction.atomic
def queue_roster_import(actor, region, uploaded_file, skip_invalid):
    """Store an uploaded roster under a random name and queue it for the worker."""
    # tasks.py is the worker's entry into this module: it imports this module when the task
    # runs, so importing it at the top would make a cycle.
    from .tasks import run_roster_import

    stored = default_storage.save("roster-imports/upload", uploaded_file)
    job = RosterImport.objects.create(
        region=region,
        uploaded_by=actor,
        stored_file=stored,
        original_name=uploaded_file.name[:255],
        skip_invalid=skip_invalid,
    )
    record(
        actor,
        "roster.import_queued",
        job,
        region=region,
        data={"file": job.original_name, "skip_invalid": skip_invalid},
    )
    transaction.on_commit(lambda: run_roster_import.enqueue(job.pk))
    return job


def _save_progress(job_id, done, total):
    """Record progress where the web page can see it, even from inside the import transaction.

    PostgreSQL gets a second, short-lived connection; SQLite cannot take a second writer while
    the import holds the lock, so there progress is saved between transactions only.
    """
    if not connection.in_atomic_block:
        RosterImport.objects.filter(pk=job_id).update(rows_done=done, rows_total=total)
    elif connection.vendor == "postgresql":
        side = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {RosterImport._meta.db_table} SET rows_done = %s, "
                    "rows_total = %s WHERE id = %s",
                    [done, total, job_id],
                )
        finally:
            side.close()


def give_up_import(job_id):
    """The worker stopped during this import too many times (killed, e.g. for memory): the job
    fails rather than showing "running" forever, and its upload (personal data) is removed."""
    job = RosterImport.objects.select_related("region").filter(pk=job_id).first()
    if job is None or job.finished:
        return
    RosterImport.objects.filter(pk=job.pk).update(
        status=RosterImport.Status.FAILED, finished_at=timezone.now()
    )
    if job.stored_file and default_storage.exists(job.stored_file):
        default_storage.delete(job.stored_file)
    record(None, "roster.import_failed", job, region=job.region, data={"reason": "worker_lost"})


def run_queued_import(job_id):
    """The worker's side of a web upload: run it and keep the outcome on the job."""
    job = RosterImport.objects.select_related("region", "uploaded_by").get(pk=job_id)
    if job.finished:
        return
    RosterImport.objects.filter(pk=job.pk).update(status=RosterImport.Status.RUNNING)
    last = [0.0]

    def progress(done, total):
        now = timezone.now().timestamp()
        if now - last[0] >= 1 or done >= total:
            last[0] = now
            _save_progress(job.pk, done, total)

    outcome = {}
    try:
        result = import_roster_file(
            default_storage.path(job.stored_file),
            region=job.region,
            actor=job.uploaded_by,
            skip_invalid=job.skip_invalid,
            progress=progress,
        )
        outcome = {
            "status": RosterImport.Status.REJECTED if result.rejected else RosterImport.Status.DONE,
            "imported": result.imported,
            "created": result.created,
            "updated": result.updated,
            "invalid": result.invalid,
            "errors": [e.as_list() for e in result.errors],
            "rows_total": result.total_rows,
            "rows_done": result.total_rows,
        }
    except RosterFileError as exc:
        outcome = {
            "status": RosterImport.Status.REJECTED,
            "file_error": {"code": exc.code, "params": exc.params},
        }
    except Exception:
        RosterImport.objects.filter(pk=job.pk).update(
            status=RosterImport.Status.FAILED, finished_at=timezone.now()
        )
        raise
    finally:
        # The upload holds personal data; only the outcome is kept.
        if job.stored_file and default_storage.exists(job.stored_file):
            default_storage.delete(job.stored_file)
    RosterImport.objects.filter(pk=job.pk).update(finished_at=timezone.now(), **outcome)

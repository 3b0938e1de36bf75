"""Checking the chain from the audit-log page: asking for a verification and running it.

The page asks (request_verification); the worker runs it (run_verification, through
tasks.py) with the same walk as `netra audit verify` (log.verify) and keeps the outcome on
the AuditVerification for the page to show. One runs at a time: a second request while one
is queued or running gets that one.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .log import AuditKeyError, record, verify
from .models import AuditVerification

Status = AuditVerification.Status


def current_verification():
    """The verification queued or running now, if any."""
    return AuditVerification.objects.filter(running=True).first()


def request_verification(actor):
    """Queue a check of the whole chain for ACTOR, unless one is queued or running: then
    that one. Returns (verification, whether it is new); the request is audited."""
    # tasks.py is the worker's entry into this module; importing it at the top would make a
    # cycle when the worker imports the task.
    from .tasks import run_audit_verification

    with transaction.atomic():
        running = current_verification()
        if running is not None:
            return running, False
        try:
            with transaction.atomic():
                verification = AuditVerification.objects.create(requested_by=actor)
        except IntegrityError:
            # Another click (or another auditor) got there a moment earlier.
            return AuditVerification.objects.get(running=True), False
        record(actor, "audit.verification_requested", verification)
        transaction.on_commit(lambda: run_audit_verification.enqueue(verification.pk))
    return verification, True


def _finish(verification, status, **outcome):
    AuditVerification.objects.filter(pk=verification.pk).update(
        status=status, running=None, finished_at=timezone.now(), **outcome
    )
    record(
        None,
        "audit.verified",
        verification,
        data={
            "status": status,
            "entries": outcome.get("entries", 0),
            "break": (outcome.get("broken") or {}).get("kind", ""),
            "break_entry": (outcome.get("broken") or {}).get("entry_id"),
        },
    )


def run_verification(verification_id):
    """The worker's side: walk the chain and keep the outcome on the verification."""
    verification = AuditVerification.objects.filter(pk=verification_id).first()
    if verification is None or verification.finished:
        return
    AuditVerification.objects.filter(pk=verification.pk).update(
        status=Status.RUNNING, started_at=timezone.now()
    )
    try:
        result = verify()
    except AuditKeyError:
        _finish(verification, Status.FAILED, broken={"kind": "key_unusable"})
        return
    except Exception:
        _finish(verification, Status.FAILED, broken={"kind": "failed"})
        raise
    checkpoint = result.checkpoint
    _finish(
        verification,
        Status.BROKEN if result.broken else Status.INTACT,
        entries=result.entries,
        checkpoint=None
        if checkpoint is None
        else {
            "name": checkpoint.name,
            "seq": checkpoint.seq,
            "entry_id": checkpoint.entry_id,
            "written_at": checkpoint.written_at.isoformat(),
        },
        broken=None
        if result.broken is None
        else {
            "kind": result.broken.kind,
            "entry_id": result.broken.entry_id,
            "detail": result.broken.detail,
        },
    )


def give_up_verification(verification_id):
    """The worker stopped during this check too many times: it fails rather than showing
    "running" forever, and a new one can be asked for."""
    verification = AuditVerification.objects.filter(pk=verification_id).first()
    if verification is None or verification.finished:
        return
    _finish(verification, Status.FAILED, broken={"kind": "worker_lost"})

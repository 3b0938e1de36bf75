"""The worker's side of a check of the chain asked for on the audit-log page (actions.py
queues it, tasks.py runs it): walk the chain as `netra audit verify` does and keep the outcome,
audited, on the AuditVerification. Apart from actions.py so that the task module can import it
without a cycle (actions -> tasks -> here)."""

from django.utils import timezone

from .log import AuditKeyError, record, verify
from .models import AuditVerification

Status = AuditVerification.Status


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

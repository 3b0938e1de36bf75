"""Checking the chain from the audit-log page: asking for a verification.

The page asks (request_verification); the worker runs it (verification.py, through tasks.py)
with the same walk as `netra audit verify` (log.verify) and keeps the outcome on the
AuditVerification for the page to show. One runs at a time: a second request while one is
queued or running gets that one.
"""

from django.db import IntegrityError, transaction

from .log import record
from .models import AuditVerification
from .tasks import run_audit_verification

Status = AuditVerification.Status


def current_verification():
    """The verification queued or running now, if any."""
    return AuditVerification.objects.filter(running=True).first()


def request_verification(actor):
    """Queue a check of the whole chain for ACTOR, unless one is queued or running: then
    that one. Returns (verification, whether it is new); the request is audited."""
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

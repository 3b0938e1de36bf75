"""BKN's recommendation and the PPK's decrees: each with its case move, timeline line and audit
entry in one transaction, guarded by the case's version."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from netra.audit.log import record
from netra.cases import actions as case_actions
from netra.cases import workflow as wf
from netra.cases.actions import Conflict, Refused
from netra.cases.models import CaseEvent

from .models import Decree, Recommendation

PDF_MAGIC = b"%PDF-"


@transaction.atomic
def recommend(actor, case, *, version, verification, sanctions, note=""):
    """Record BKN's verification and the sanction asked of the PPK for each reported person.

    SANCTIONS maps every respondent of the case to the sanction recommended for them; the case
    moves to "recommended" and the PPK follow-up period starts.
    """
    respondents = list(case.respondents.all())
    if not verification.strip():
        raise Refused("verification_required")
    if not respondents or {r.pk for r in respondents} != {r.pk for r in sanctions} \
            or not all(text.strip() for text in sanctions.values()):
        raise Refused("sanction_required")
    case = case_actions.transition(actor, case, wf.RECOMMENDED, version=version,
                                   reason=verification, recorded=True)
    for respondent in respondents:
        recommendation = Recommendation.objects.create(
            case=case, respondent=respondent, verification=verification.strip(),
            sanction=sanctions[respondent].strip()[:255], note=note.strip(), issued_by=actor,
            due_at=case.due_at)
        CaseEvent.objects.create(case=case, actor=actor, kind="recommendation",
                                 text=f"{respondent}: {recommendation.sanction}")
        record(actor, "case.recommendation", case, region=case.region,
               data={"recommendation": recommendation.pk, "respondent": respondent.pk,
                     "sanction": recommendation.sanction})
    return case


def check_decree_pdf(data):
    """The decree file must be a PDF within the evidence size limit; returns its SHA-256."""
    if not data:
        raise Refused("decree_file_required")
    if len(data) > settings.NETRA_EVIDENCE_MAX_BYTES:
        raise Refused("decree_file_too_large")
    if not data.startswith(PDF_MAGIC):
        raise Refused("decree_file_not_pdf")
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def record_decree(actor, recommendation, *, version, outcome, number="", decided_on=None,
                  sanction="", reason="", pdf=None):
    """The PPK's answer to one recommendation: the decree (number, date, sanction, PDF), or
    the written reason no sanction was imposed. The last answer moves the case on."""
    case = recommendation.case
    if case.state not in (wf.RECOMMENDED, wf.PPK_OVERDUE):
        raise Refused("not_awaiting_decree")
    if outcome == Decree.Outcome.IMPOSED:
        if not (number.strip() and decided_on and sanction.strip()):
            raise Refused("decree_incomplete")
        digest = check_decree_pdf(pdf)
    elif outcome == Decree.Outcome.NOT_IMPOSED:
        if not reason.strip():
            raise Refused("reason_required")
        digest = hashlib.sha256(pdf).hexdigest() if pdf else ""
        if pdf:
            check_decree_pdf(pdf)
    else:
        raise Refused("decree_incomplete")
    decree = Decree(recommendation=recommendation, outcome=outcome, number=number.strip()[:120],
                    decided_on=decided_on, sanction=sanction.strip()[:255],
                    reason=reason.strip(), sha256=digest, recorded_by=actor)
    if pdf:
        decree.file.save("keputusan.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            decree.save()
    except IntegrityError:
        raise Conflict from None  # another hand answered this recommendation first
    remaining = case.recommendations.filter(decree__isnull=True).exists()
    if remaining:
        case_actions.touch(case, version)
    else:
        case = case_actions.transition(actor, case, wf.FOLLOWED_UP, version=version,
                                       reason=decree.get_outcome_display(), recorded=True)
    summary = (f"{decree.number}, {decree.sanction}" if outcome == Decree.Outcome.IMPOSED
               else decree.reason)
    CaseEvent.objects.create(case=case, actor=actor, kind="decree",
                             text=f"{recommendation.respondent}: {summary}")
    record(actor, "case.decree", case, region=case.region,
           data={"decree": decree.pk, "outcome": outcome, "sha256": digest})
    return decree

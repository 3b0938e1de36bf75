"""BKN's recommendation and the PPK's decrees: each with its case move, timeline line and audit
entry in one transaction, guarded by the case's version."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from netra.accounts.models import Role, User
from netra.audit.log import record
from netra.cases import actions as case_actions
from netra.cases import documents
from netra.cases import workflow as wf
from netra.cases.actions import Conflict, Refused
from netra.cases.models import Case, CaseEvent
from netra.common import links

from . import rules, tally
from .catalog import active_catalog
from .models import CatalogVersion, Decree, FollowUpStep, Recommendation, RecommendationCode

PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Choice:
    """BKN's decision for one reported person: the proven conduct, the employment it verified,
    the sanction it asks for and, when that sanction is not a lawful option of the proposal,
    why."""

    employment: str  # rules.EMPLOYMENT, e.g. "PNS"
    conduct: tuple  # rules.Conduct items
    sanction: str
    deviation_reason: str = ""


def proposal_for(case, choice):
    """The engine's proposal for CHOICE under the case's election and the catalog in use."""

    return rules.propose(
        active_catalog(),
        determination_date=case.election.candidate_determination_date,
        employment=choice.employment,
        conduct=list(choice.conduct),
    )


#: The recommendation letter comes from BKN, under BKN's letterhead.
BKN_LETTER = {"issuer": "bkn"}


def recommend(actor, case, *, version, verification, choices, note=""):
    """Record BKN's verification and, for every reported person, the proven conduct, the
    engine's proposal and the sanction asked of the PPK; the case moves to "recommended", the
    PPK period starts and the recommendation letter is generated.

    CHOICES maps every respondent of the case to a Choice. A sanction outside the proposal's
    lawful options needs a written reason, which is audited.

    The letter takes about a second to render, so it is rendered first, from the rows about
    to be saved and the case as it will be, with no transaction open; then one short
    transaction moves the case, saves the rows and keeps the letter with its hash. Should
    the new due date differ from the one the letter printed (midnight passed meanwhile),
    nothing is kept and the letter is rendered again.
    """
    import copy

    respondents = list(case.respondents.all())
    if case.recommendations.exists():
        raise Refused("already_recommended")  # a case reopened to verification keeps them
    if not verification.strip():
        raise Refused("verification_required")
    if (
        not respondents
        or {r.pk for r in respondents} != {r.pk for r in choices}
        or not all(c.sanction.strip() for c in choices.values())
    ):
        raise Refused("sanction_required")
    proposals = {}
    for respondent, choice in choices.items():
        try:
            proposals[respondent.pk] = proposal_for(case, choice)
        except rules.ProposalError as error:
            raise Refused(f"proposal_{error.code}") from None
        if (
            choice.sanction.strip() not in proposals[respondent.pk].sanction_options
            and not choice.deviation_reason.strip()
        ):
            raise Refused("deviation_reason_required")
    # Refused or stale before a second of rendering, not after.
    if version != case.version:
        raise Conflict
    wf.check(
        case.state,
        wf.RECOMMENDED,
        "system" if actor is None else actor.role,
        reason=verification,
        recorded=True,
    )
    version_label = active_catalog().version
    for _attempt in range(documents.ATTEMPTS):
        due_at = case_actions.deadline(case, wf.RECOMMENDED)
        rows = [
            (
                _recommendation_row(
                    actor,
                    respondent,
                    choices[respondent],
                    proposals[respondent.pk],
                    verification=verification,
                    note=note,
                    catalog_version=version_label,
                    due_at=due_at,
                ),
                proposals[respondent.pk],
            )
            for respondent in respondents
        ]
        preview = copy.copy(case)
        preview.state, preview.due_at = wf.RECOMMENDED, due_at
        letter = documents.render(
            preview, "recommendation_letter", BKN_LETTER, recommendations=[row for row, _ in rows]
        )
        try:
            kept = _keep_recommendation(
                actor, case, rows, letter, version=version, verification=verification, due_at=due_at
            )
        except BaseException:
            letter.discard()  # nothing committed: the file must not outlive its record
            raise
        if kept:
            return case
        case.refresh_from_db()
    raise Conflict


def _recommendation_row(
    actor, respondent, choice, proposal, *, verification, note, catalog_version, due_at
):
    """The Recommendation for RESPONDENT, not yet saved (the letter is rendered from it)."""
    deviates = choice.sanction.strip() not in proposal.sanction_options
    return Recommendation(
        respondent=respondent,
        verification=verification.strip(),
        employment=choice.employment,
        conduct=[{"kind": c.kind, "date": c.date.isoformat()} for c in choice.conduct],
        proposal=dict(
            proposal.as_dict(), notes=list(proposal.notes), governing_code=proposal.governing_code
        ),
        catalog_version=catalog_version,
        track=proposal.track,
        level=proposal.level or "",
        codes=list(proposal.codes),
        legal_basis=list(proposal.legal_basis),
        criminal_referral=proposal.criminal_referral,
        sanction=choice.sanction.strip()[:255],
        deviation_reason=choice.deviation_reason.strip() if deviates else "",
        note=note.strip(),
        issued_by=actor,
        due_at=due_at,
        government_id=respondent.government_id,
    )


@transaction.atomic
def _keep_recommendation(actor, case, rows, letter, *, version, verification, due_at):
    """Move the case, save ROWS (each a recommendation and its proposal) and keep LETTER,
    rendered from them, in one transaction.
    False (and nothing kept) when the case's new due date is not the one the letter
    printed."""

    case = case_actions.transition(
        actor, case, wf.RECOMMENDED, version=version, reason=verification, recorded=True
    )
    if case.due_at != due_at:
        transaction.set_rollback(True)
        return False
    for row, proposal in rows:
        row.case = case
        row.save()
        tally.recommended(row, case)
        RecommendationCode.objects.bulk_create(
            [
                RecommendationCode(
                    recommendation=row, code=code, government_id=row.respondent.government_id
                )
                for code in row.codes
            ]
        )
        CaseEvent.objects.create(
            case=case,
            actor=actor,
            kind="recommendation",
            text=f"{row.respondent}: {row.sanction} ({', '.join(row.codes)})",
        )
        record(
            actor,
            "case.recommendation",
            case,
            region=case.region,
            data={
                "recommendation": row.pk,
                "respondent": row.respondent.pk,
                "codes": list(row.codes),
                "proposed": list(proposal.sanction_options),
                "sanction": row.sanction,
                "deviation": bool(row.deviation_reason),
                "deviation_reason": row.deviation_reason,
                "catalog_version": row.catalog_version,
            },
        )
    documents.store(actor, case, letter)
    return True


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
def record_decree(
    actor,
    recommendation,
    *,
    version,
    outcome,
    number="",
    decided_on=None,
    sanction="",
    reason="",
    pdf=None,
):
    """The PPK's answer to one recommendation: the decree (number, date, sanction, PDF), or
    the written reason no sanction was imposed. The last answer moves the case on."""
    case = recommendation.case
    if case.state not in (wf.RECOMMENDED, wf.PPK_OVERDUE):
        raise Refused("not_awaiting_decree")
    if decided_on and not (
        timezone.localtime(case.arrived_at).date() <= decided_on <= timezone.localdate()
    ):
        raise Refused("decree_date")  # not in the future, not before the case began
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
    issued_on = timezone.localtime(recommendation.issued_at).date()
    decree = Decree(
        recommendation=recommendation,
        outcome=outcome,
        number=number.strip()[:120],
        decided_on=decided_on,
        sanction=sanction.strip()[:255],
        reason=reason.strip(),
        sha256=digest,
        recorded_by=actor,
        days_to_decree=(decided_on - issued_on).days if decided_on else None,
    )
    if pdf:
        decree.file.save("keputusan.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            decree.save()
    except IntegrityError:
        raise Conflict from None  # another hand answered this recommendation first
    Recommendation.objects.filter(pk=recommendation.pk).update(answered_at=decree.recorded_at)
    tally.answered(recommendation.pk, decree)
    remaining = case.recommendations.filter(decree__isnull=True).exists()
    if remaining:
        case_actions.touch(case, version)
    else:
        case = case_actions.transition(
            actor,
            case,
            wf.FOLLOWED_UP,
            version=version,
            # In Indonesian whatever the PPK's screen language: the record, and the reporter's
            # timeline, read it.
            reason=_in_indonesian(decree.get_outcome_display),
            recorded=True,
        )
    summary = (
        f"{decree.number}, {decree.sanction}"
        if outcome == Decree.Outcome.IMPOSED
        else decree.reason
    )
    CaseEvent.objects.create(
        case=case, actor=actor, kind="decree", text=f"{recommendation.respondent}: {summary}"
    )
    record(
        actor,
        "case.decree",
        case,
        region=case.region,
        data={"decree": decree.pk, "outcome": outcome, "sha256": digest},
    )
    return decree


def mark_ppk_overdue(now=None):
    """Move every recommendation past its period to "PPK overdue" (the worker's round), propose
    the next steps and tell BKN."""

    now = now or timezone.now()
    moved = 0
    for case in Case.objects.filter(state=wf.RECOMMENDED, due_at__lt=now).select_related(
        "region", "election"
    ):
        try:
            go_overdue(case)
        except Conflict:
            continue  # someone acted on it meanwhile; the next round looks again
        moved += 1
    return moved


@transaction.atomic
def go_overdue(case):
    """The PPK's period has passed: the case goes to "PPK overdue", the next steps are
    proposed on it, and BKN is told."""
    case = case_actions.transition(
        None,
        case,
        wf.PPK_OVERDUE,
        version=case.version,
        reason="Batas waktu tindak lanjut PPK terlewati.",
    )
    for kind in FollowUpStep.Kind.values:
        FollowUpStep.objects.get_or_create(case=case, kind=kind)
        CaseEvent.objects.create(
            case=case, kind="next_step_proposed", text=str(FollowUpStep.Kind(kind).label)
        )
    transaction.on_commit(lambda: tell_bkn_of_overdue(case))
    return case


def tell_bkn_of_overdue(case):
    """E-mail every active BKN officer: the PPK let the period pass without a decree."""
    from django.core.mail import send_mail
    from django.utils import translation
    from django.utils.translation import gettext as _

    recipients = list(
        User.objects.filter(role=Role.BKN, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    with translation.override("id"):
        send_mail(
            _("PPK overdue: case %(case)s") % {"case": case},
            _(
                "The PPK has not decided on the recommendation for case %(case)s within the "
                "period. Netra proposes blocking the employee's personnel data and a warning "
                "to the PPK through the Ministry of Home Affairs. Open it: %(link)s"
            )
            % {"case": case, "link": links.absolute("cases:detail", case.pk)},
            None,
            recipients,
        )


@transaction.atomic
def take_follow_up_step(actor, step, note=""):
    """BKN records that a proposed next step was taken (with its letter number, say)."""
    case = step.case
    step = FollowUpStep.objects.select_for_update().get(pk=step.pk)  # a double click: once
    step.case = case
    if step.taken_at is not None:
        raise Refused("step_already_taken")
    step.taken_at, step.taken_by, step.note = timezone.now(), actor, note.strip()
    step.save(update_fields=["taken_at", "taken_by", "note"])
    CaseEvent.objects.create(
        case=step.case,
        actor=actor,
        kind="next_step_taken",
        text=f"{step.get_kind_display()}: {step.note}".rstrip(": "),
    )
    record(
        actor,
        "case.follow_up_step",
        step.case,
        region=step.case.region,
        data={"kind": step.kind, "note": step.note},
    )
    return step


@transaction.atomic
def save_catalog_version(actor, base, *, note, code=None, changes=None, rules_changes=None):
    """A new catalog version from BASE (a rules.Catalog) with CHANGES applied to CODE, or
    RULES_CHANGES to its rules; versions are never edited in place, so decided cases keep
    the codes and sanctions they were decided with."""
    import copy

    if not note.strip():
        raise Refused("catalog_note_required")
    data = copy.deepcopy(base.data)
    if code is not None:
        entry = next((c for c in data["codes"] if c["code"] == code), None)
        if entry is None:
            raise Refused("catalog_unknown_code")
        if changes.get("level") not in data["severity"]:
            raise Refused("catalog_bad_level")
        entry.update(changes)
    if rules_changes:
        data["rules"].update(rules_changes)
    stem = base.version.split("-r")[0]
    taken = set(
        CatalogVersion.objects.filter(version__startswith=stem).values_list("version", flat=True)
    ) | {base.version}
    number = 2
    while f"{stem}-r{number}" in taken:
        number += 1
    data["version"] = f"{stem}-r{number}"
    rules.Catalog(data)  # refuses a catalog the engine cannot read
    try:
        with transaction.atomic():
            version = CatalogVersion.objects.create(
                version=data["version"], data=data, note=note.strip(), created_by=actor
            )
    except IntegrityError:
        raise Refused("catalog_busy") from None  # someone saved a version at the same moment
    record(
        actor,
        "catalog.version_created",
        version,
        data={
            "version": version.version,
            "based_on": base.version,
            "code": code,
            "changes": changes or rules_changes or {},
            "note": version.note,
        },
    )
    return version


def _in_indonesian(text):
    with translation.override("id"):
        return str(text())

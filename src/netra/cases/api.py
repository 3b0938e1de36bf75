"""Case handling over JSON (/api/v1/cases...): the same actions and access rules as the pages.

A refused change answers 400 with a `code` and a message in the caller's language; a change
based on an old `version` answers 409 and changes nothing; an unreachable case answers 404.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, FormEx, P, Router, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from netra.accounts.access import (
    case_or_404,
    region_in_scope,
    require,
    restrict_cases,
    restrict_reports,
    visible_documents,
    visible_hearings,
)
from netra.accounts.models import User
from netra.common.refusals import api_status, attempt, form_errors, refusal_status
from netra.common.schemas import ErrorOut, RefusalOut
from netra.regions.models import Election, Region
from netra.reports.evidence import EvidenceError
from netra.reports.models import Submission

from . import actions, documents
from . import workflow as wf
from .forms import DocumentForm, RespondentForm
from .models import Case, Hearing
from .refusals import message_for, refusal_message
from .schemas import (
    CHANGE,
    AssignIn,
    CaseDetailOut,
    CaseOut,
    ExtensionIn,
    FindingIn,
    HearingIn,
    LetterIn,
    MergeIn,
    MinutesIn,
    NoteIn,
    RespondentIn,
    TransitionIn,
)

router = Router(auth=django_auth, tags=["cases"])


def case_out(case, now):
    return {
        "id": case.pk,
        "number": case.number,
        "source": case.source,
        "state": case.state,
        "version": case.version,
        "region_code": case.region.code,
        "election": case.election.code,
        "received_at": case.received_at.isoformat(),
        "due_at": case.due_at.isoformat() if case.due_at else None,
        "overdue": bool(case.due_at and case.due_at < now),
        "extended": case.extended,
        "assigned_to": case.assigned_to.username if case.assigned_to_id else None,
        "merged_into": case.merged_into_id,
    }


def case_detail(case, user):
    case = Case.objects.select_related("region", "election", "assigned_to").get(pk=case.pk)
    out = case_out(case, timezone.now())
    out.update(
        summary=case.summary,
        next_states=wf.next_states(case.state, user.role),
        respondents=[
            {
                "id": r.pk,
                "name": r.name,
                "nip": r.nip,
                "subject_type": r.subject_type,
                "agency": r.agency,
                "position": r.position,
                "government_code": r.government.code if r.government_id else None,
            }
            for r in case.respondents.select_related("government")
        ],
        hearings=[
            {
                "id": h.pk,
                "party": h.party,
                "name": h.name,
                "scheduled_at": h.scheduled_at.isoformat(),
                "place": h.place,
                "held_at": h.held_at.isoformat() if h.held_at else None,
                "minutes": h.minutes,
            }
            for h in visible_hearings(case, user)
        ],
        documents=[
            {"id": d.pk, "kind": d.kind, "sha256": d.sha256, "created_at": d.created_at.isoformat()}
            for d in visible_documents(case, user)
        ],
        timeline=[
            {
                "at": e.at.isoformat(),
                "kind": e.kind,
                "from_state": e.from_state,
                "to_state": e.to_state,
                "text": e.text,
                "actor": e.actor.username if e.actor else None,
            }
            for e in case.events.select_related("actor")
        ],
    )
    return out


def case_for(request, case_id, capability="cases.view"):
    require(request.user, capability)
    return case_or_404(Case.objects.select_related("region", "election"), request.user, pk=case_id)


def refusal(code, case):
    return refusal_status(code, refusal_message(code, case))


def run(request, case, change, message_for=message_for):
    """Apply CHANGE (a callable) and answer with the case, or with why it was refused (400),
    or 409 when the case changed meanwhile. MESSAGE_FOR(case) gives the refusals' messages."""
    return attempt(
        request, change, message_for(case), api=True, then=lambda: case_detail(case, request.user)
    )


@router.get("/cases", response={200: list[CaseOut], 404: ErrorOut})
def list_cases(
    request, overdue: bool = False, state: str | None = None, limit: int = 100, offset: int = 0
):
    """Cases in the caller's reach, newest first; `overdue=true` for those past their due time."""
    require(request.user, "cases.view")
    now = timezone.now()
    cases = restrict_cases(
        Case.objects.select_related("region", "election", "assigned_to"), request.user
    )
    if overdue:
        cases = cases.filter(due_at__lt=now).order_by("due_at")
    if state:
        cases = cases.filter(state=state)
    limit, offset = max(1, min(limit, 500)), max(0, min(offset, 10_000_000))
    return [case_out(c, now) for c in cases[offset : offset + limit]]


@router.get("/cases/{case_id}", response={200: CaseDetailOut, 404: ErrorOut})
def get_case(request, case_id: int):
    return case_detail(case_for(request, case_id), request.user)


@router.post("/cases/{case_id}/transitions", response=CHANGE)
def transition_case(request, case_id: int, body: TransitionIn):
    """Take the next step. `version` must be the case's current version."""
    case = case_for(request, case_id)
    return run(
        request,
        case,
        lambda: actions.transition(
            request.user,
            case,
            body.target,
            version=body.version,
            reason=body.reason[:5000],
            reopen_to=body.reopen_to,
        ),
    )


@router.post("/cases/{case_id}/extension", response=CHANGE)
def extend_case(request, case_id: int, body: ExtensionIn):
    """The one extension of the decision period the election's rules allow."""
    case = case_for(request, case_id, "cases.open")
    return run(
        request,
        case,
        lambda: actions.extend_decision(
            request.user, case, version=body.version, reason=body.reason[:5000]
        ),
    )


@router.post("/cases", response={201: CaseDetailOut, 400: RefusalOut, 404: ErrorOut})
def open_finding(request, body: FindingIn):
    """Open a case from the officer's own finding (temuan) in a region they reach."""
    require(request.user, "cases.open")
    region = Region.objects.filter(code=body.region).exclude(level=Region.Level.DISTRICT).first()
    election = Election.objects.filter(code=body.election).first()
    if region is None or not region_in_scope(request.user, region):
        return refusal_status("unknown_region", _("Unknown region, or one outside your reach."))
    if election is None:
        return refusal_status("unknown_election", _("Unknown election."))
    if not body.summary.strip():
        return refusal_status("summary_required", _("Describe what was found."))
    case = actions.open_finding(
        request.user, election=election, region=region, summary=body.summary.strip()[:10_000]
    )
    return Status(201, case_detail(case, request.user))


@router.post("/reports/{submission_id}/case", response={201: CaseDetailOut, 404: ErrorOut})
def open_from_report(request, submission_id: int):
    """Open the case of a public report, or adopt anonymous information as a finding (temuan).
    Opening twice answers the same case."""
    require(request.user, "cases.open")
    submission = (
        restrict_reports(Submission.objects.select_related("region", "election"), request.user)
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        return api_status(404, "not_found")
    case = actions.open_case_from_submission(request.user, submission)
    return Status(201, case_detail(case, request.user))


@router.post("/cases/{case_id}/respondents", response=CHANGE)
def add_respondent(request, case_id: int, body: RespondentIn):
    """Name a reported person; a NIP found in the roster fills in the rest."""
    case = case_for(request, case_id, "cases.open")
    form = RespondentForm(body.dict(), case=case, user=request.user)
    if not form.is_valid():
        return refusal_status("invalid", form_errors(form))
    return run(
        request,
        case,
        lambda: actions.add_respondent(
            request.user, case, version=body.version, **form.cleaned_data
        ),
    )


@router.post("/cases/{case_id}/assignment", response=CHANGE)
def assign_case(request, case_id: int, body: AssignIn):
    case = case_for(request, case_id, "cases.open")
    officer = User.objects.filter(username=body.officer).first()
    if officer is None:
        return refusal("not_assignable", case)
    return run(
        request, case, lambda: actions.assign(request.user, case, officer, version=body.version)
    )


@router.post("/cases/{case_id}/notes", response=CHANGE)
def add_note(request, case_id: int, body: NoteIn):
    """An internal note; the reporter never sees it."""
    case = case_for(request, case_id, "cases.annotate")
    return run(request, case, lambda: actions.add_note(request.user, case, body.text[:20_000]))


@router.post("/cases/{case_id}/attachments", response=CHANGE)
def add_attachment(
    request, case_id: int, title: FormEx[str, P(max_length=200)], file: File[UploadedFile]
):
    """A photo, video or PDF (multipart); images lose their metadata."""
    case = case_for(request, case_id, "cases.annotate")
    if not title.strip():
        return refusal("attachment_incomplete", case)
    if file.size > settings.NETRA_EVIDENCE_MAX_BYTES:
        return refusal("decree_file_too_large", case)
    try:
        return run(
            request, case, lambda: actions.attach(request.user, case, title=title, data=file.read())
        )
    except EvidenceError:
        return refusal("attachment_type", case)


@router.post("/cases/{case_id}/merge", response=CHANGE)
def merge_case(request, case_id: int, body: MergeIn):
    """Close this case as a duplicate of case `into` (same office and election)."""
    case = case_for(request, case_id, "cases.open")
    into = case_for(request, body.into, "cases.open")
    return run(
        request,
        into,
        lambda: actions.merge(
            request.user, case, into, version=body.version, reason=body.reason[:5000]
        ),
    )


@router.post("/cases/{case_id}/hearings", response=CHANGE)
def schedule_hearing(request, case_id: int, body: HearingIn):
    case = case_for(request, case_id, "cases.open")
    if not (body.name.strip() and body.place.strip()) or not 2000 <= body.scheduled_at.year <= 2100:
        return refusal("hearing_incomplete", case)
    when = (
        body.scheduled_at
        if timezone.is_aware(body.scheduled_at)
        else timezone.make_aware(body.scheduled_at)
    )
    return run(
        request,
        case,
        lambda: actions.schedule_hearing(
            request.user,
            case,
            party=body.party,
            name=body.name.strip()[:200],
            scheduled_at=when,
            place=body.place.strip()[:200],
        ),
    )


@router.post("/cases/{case_id}/hearings/{hearing_id}/minutes", response=CHANGE)
def record_minutes(request, case_id: int, hearing_id: int, body: MinutesIn):
    case = case_for(request, case_id, "cases.open")
    hearing = get_object_or_404(Hearing, pk=hearing_id, case=case)
    if not body.minutes.strip():
        return refusal("hearing_incomplete", case)
    return run(
        request,
        case,
        lambda: actions.record_minutes(request.user, hearing, body.minutes.strip()[:50_000]),
    )


@router.post("/cases/{case_id}/documents", response=CHANGE)
def generate_letter(request, case_id: int, body: LetterIn):
    """Generate, store and hash a letter (PDF, Indonesian); download it at /kasus/dokumen/<id>/."""
    case = case_for(request, case_id, "cases.open")
    form = DocumentForm(body.dict())
    if not form.is_valid():
        return refusal_status("invalid", form_errors(form))
    return run(
        request,
        case,
        lambda: documents.generate(
            request.user,
            case,
            body.kind,
            documents.letter_details(case, request.user, form.cleaned_data),
        ),
    )

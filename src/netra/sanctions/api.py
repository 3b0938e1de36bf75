"""BKN's recommendation and the PPK's decree over JSON, with the case pages' rules."""

from datetime import date

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import File, Form, FormEx, P, Router, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from netra.accounts.access import may_answer_for, require, restrict_cases
from netra.cases import api as cases_api
from netra.cases.api import case_for
from netra.cases.models import Case
from netra.cases.schemas import CHANGE
from netra.common.forms import date_in_range
from netra.common.refusals import api_status, refusal_status
from netra.common.schemas import ErrorOut

from . import actions, rules
from .catalog import active_catalog, determination_dates
from .models import Decree, Recommendation
from .refusals import message_for, refusal_message
from .schemas import ProposalErrorOut, ProposalOut, ProposeIn, RecommendationIn, RecommendationOut

router = Router(auth=django_auth, tags=["sanctions"])


def refusal(code, case):
    return refusal_status(code, refusal_message(code, case))


def run(request, case, change):
    return cases_api.run(request, case, change, message_for)


@router.post("/sanctions/propose", response={200: ProposalOut, 400: ProposalErrorOut})
def propose(request, body: ProposeIn):
    """The rule engine's proposal: the same contract as `netra sanctions propose`."""
    try:
        request_args = rules.parse_request(body.dict(), determination_dates())
        return rules.propose(active_catalog(), **request_args).as_dict()
    except rules.ProposalError as error:
        return Status(400, {"detail": error.detail, "code": error.code})


@router.post("/cases/{case_id}/recommendation", response=CHANGE)
def recommend(request, case_id: int, body: RecommendationIn):
    """BKN's recommendation: for every reported person the proven conduct, the employment and
    the sanction (a sanction outside the proposal's options needs `deviation_reason`)."""
    case = case_for(request, case_id, "cases.recommend")
    respondents = {r.pk: r for r in case.respondents.all()}
    choices = {}
    for item in body.choices:
        if item.respondent not in respondents:
            return refusal("sanction_required", case)
        try:
            conduct = rules.parse_conduct([c.dict() for c in item.conduct])
        except rules.ProposalError as error:
            return refusal(f"proposal_{error.code}", case)
        if not all(date_in_range(c.date) for c in conduct):
            return refusal("proposal_date_range", case)
        choices[respondents[item.respondent]] = actions.Choice(
            employment=item.employment,
            conduct=tuple(conduct),
            sanction=item.sanction,
            deviation_reason=item.deviation_reason,
        )
    return run(
        request,
        case,
        lambda: actions.recommend(
            request.user,
            case,
            version=body.version,
            verification=body.verification[:20_000],
            note=body.note[:5_000],
            choices=choices,
        ),
    )


@router.get("/recommendations", response={200: list[RecommendationOut], 404: ErrorOut})
def list_recommendations(request, open_only: bool = False):
    """Recommendations on the cases in the caller's reach; `open_only` for those unanswered."""
    require(request.user, "cases.view")
    cases = restrict_cases(Case.objects.all(), request.user).values("pk")
    items = Recommendation.objects.filter(case__in=cases).select_related("respondent", "decree")
    if open_only:
        items = items.filter(decree__isnull=True)
    return [
        {
            "id": r.pk,
            "case_id": r.case_id,
            "respondent": str(r.respondent),
            "sanction": r.sanction,
            "due_at": r.due_at.isoformat(),
            "decree_outcome": r.decree.outcome if r.answered else None,
            "decree_number": r.decree.number if r.answered else None,
        }
        for r in items[:500]
    ]


@router.post("/recommendations/{recommendation_id}/decree", response=CHANGE)
def record_decree(
    request,
    recommendation_id: int,
    version: Form[int],
    outcome: Form[Decree.Outcome],
    number: FormEx[str, P(max_length=120)] = "",
    decided_on: Form[date | None] = None,
    sanction: FormEx[str, P(max_length=255)] = "",
    reason: Form[str] = "",
    file: File[UploadedFile | None] = None,
):
    """The PPK's decree (multipart: fields and the signed PDF), or the reason there is none."""
    recommendation = get_object_or_404(Recommendation, pk=recommendation_id)
    if not may_answer_for(request.user, recommendation.government_id):
        return api_status(404, "not_found")
    case = case_for(request, recommendation.case_id, "cases.decree")
    recommendation.case = case
    if file is not None and file.size > settings.NETRA_EVIDENCE_MAX_BYTES:
        return refusal("decree_file_too_large", case)
    return run(
        request,
        case,
        lambda: actions.record_decree(
            request.user,
            recommendation,
            version=version,
            outcome=outcome,
            number=number,
            decided_on=decided_on,
            sanction=sanction,
            reason=reason[:10_000],
            pdf=file.read() if file is not None else None,
        ),
    )

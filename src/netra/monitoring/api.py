"""Texts pushed by other tools, and the triage queue, over JSON."""

from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.security import django_auth

from netra.accounts.access import acting_region, get_or_404, require, restrict
from netra.common.forms import date_in_range
from netra.common.refusals import attempt, refusal_status
from netra.common.schemas import ErrorOut, RefusalOut
from netra.regions.models import Election
from netra.regions.schemas import ElectionCode, OfficeRegionCode, RegionCode

from . import actions, inputs
from .models import Flag, Source
from .refusals import message_for

router = Router(auth=django_auth, tags=["monitoring"])


class TextIn(Schema):
    id: str = Field(max_length=300)
    url: str = Field("", max_length=2000)
    author: str = Field("", max_length=200)
    published: datetime | None = None
    text: str


class PushIn(Schema):
    source: str = Field(max_length=200)
    # Code of the region the texts belong to, within the caller's reach; needed when the
    # caller's account has several regions (or none: a national role).
    region: OfficeRegionCode | None = None
    texts: list[TextIn]


class PushOut(Schema):
    new: int
    known: int
    duplicates: int
    flags: int
    suggestions: int


@router.post("/monitoring/texts", response={200: PushOut, 400: RefusalOut, 404: ErrorOut})
def push_texts(request, body: PushIn):
    """Posts from another tool (at most 5,000 per call) into a source of the caller's region;
    they are classified at once."""
    require(request.user, "monitoring.triage")
    if not body.source.strip() or not 0 < len(body.texts) <= 5_000:
        return refusal_status("texts_required", "Give a source name and 1 to 5,000 texts.")
    if any(not t.id.strip() or not t.text.strip() for t in body.texts):
        return refusal_status("text_incomplete", "Every text needs an id and a text.")
    if any(t.published and not date_in_range(t.published) for t in body.texts):
        # The year 1 or 9999 cannot even be turned into UTC (an OverflowError, a 500).
        return refusal_status("date_range", "Every published time must fall in 2000-2100.")
    code = (body.region or "").strip()
    region = acting_region(request.user, code)
    if region is None:
        if code:
            raise Http404  # a region outside the caller's reach does not exist for them
        return refusal_status("choose_region", message_for(actions.Refused("choose_region")))
    source = actions.source_for(request.user, region=region, name=body.source, kind=Source.Kind.API)
    items = [
        inputs.Item(
            t.id[:300],
            source.name,
            t.url[:2000],
            t.author[:200],
            t.published,
            t.text[: inputs.MAX_TEXT],
        )
        for t in body.texts
    ]
    return actions.ingest(source, items, actor=request.user)


class FlagOut(Schema):
    id: int
    text: str
    url: str
    author: str
    region_code: RegionCode | None
    score: float
    codes: list[str]
    evidence: list[list[int]]
    employee_nip: str | None


@router.get("/monitoring/flags", response={200: list[FlagOut], 404: ErrorOut})
def list_flags(request, limit: int = 100):
    """Open flags in the caller's reach, highest score first."""
    require(request.user, "monitoring.view")
    flags = (
        restrict(Flag.objects.filter(status=Flag.Status.OPEN), request.user)
        .select_related("text", "region", "employee")
        .order_by("-score", "-id")[: max(1, min(limit, 500))]
    )
    return [
        {
            "id": f.pk,
            "text": f.text.text,
            "url": f.text.url,
            "author": f.text.author,
            "region_code": f.region.code if f.region_id else None,
            "score": f.score,
            "codes": f.codes,
            "evidence": f.evidence,
            "employee_nip": f.employee.nip if f.employee_id else None,
        }
        for f in flags
    ]


class DismissIn(Schema):
    reason: str
    label: str = Field(max_length=20)  # neutrality_related | unrelated | partisan_support


class DecisionOut(Schema):
    id: int
    status: str
    case_id: int | None


def _flag_for(request, flag_id):
    require(request.user, "monitoring.triage")
    return get_or_404(Flag.objects.select_related("text", "region"), request.user, pk=flag_id)


def _decision(flag):
    flag.refresh_from_db()
    return {"id": flag.pk, "status": flag.status, "case_id": flag.case_id}


@router.post(
    "/monitoring/flags/{flag_id}/dismiss",
    response={200: DecisionOut, 400: RefusalOut, 404: ErrorOut},
)
def dismiss_flag(request, flag_id: int, body: DismissIn):
    """Not a violation: the reason, and the label the post deserves (kept for retraining)."""
    flag = _flag_for(request, flag_id)
    return attempt(
        request,
        lambda: actions.dismiss(request.user, flag, reason=body.reason[:2000], label=body.label),
        message_for,
        api=True,
        then=lambda: _decision(flag),
    )


class FlagFindingIn(Schema):
    election: ElectionCode | None = None


@router.post(
    "/monitoring/flags/{flag_id}/finding",
    response={200: DecisionOut, 400: RefusalOut, 404: ErrorOut},
)
def flag_to_finding(request, flag_id: int, body: FlagFindingIn):
    """Open a finding (temuan) case from the flag, with the post as evidence."""
    flag = _flag_for(request, flag_id)
    election = Election.objects.filter(code=body.election).first() if body.election else None
    return attempt(
        request,
        lambda: actions.make_finding(request.user, flag, election=election),
        message_for,
        api=True,
        then=lambda: _decision(flag),
    )

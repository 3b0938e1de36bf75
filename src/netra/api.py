"""The JSON API (OpenAPI schema at /api/v1/docs), over the same domain code as the pages."""

from typing import Literal

from csp.decorators import csp_update
from django.http import Http404
from ninja import NinjaAPI, Schema, Status
from ninja.security import django_auth

from netra.accounts.access import can
from netra.accounts.throttle import client_ip
from netra.cases.api import router as cases_router
from netra.common.schemas import ErrorOut
from netra.insights.api import router as insights_router
from netra.monitoring.api import router as monitoring_router
from netra.people.search import search_employees
from netra.regions.models import Election, Region
from netra.reports import actions as reports
from netra.reports.forms import SubmissionForm
from netra.reports.uploads import body_incomplete
from netra.reports.views import too_large
from netra.risk.api import router as risk_router
from netra.sanctions.api import router as sanctions_router
from netra.web.middleware import InputRefused, refusal_response

api = NinjaAPI(
    title="Netra API",
    version="1",
    urls_namespace="api",
    # Swagger UI's stylesheet draws its select arrows as data: images: its pages alone may
    # load images from data: URLs, every other page keeps img-src 'self'.
    docs_decorator=csp_update({"img-src": ["data:"]}),
)


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent_code: str | None
    timezone: str


class StageOut(Schema):
    code: str
    name_id: str
    name_en: str
    start: str
    end: str


class ElectionOut(Schema):
    code: str
    kind: str
    name_id: str
    name_en: str
    voting_date: str
    candidate_determination_date: str | None
    national: bool
    stages: list[StageOut]


class EmployeeOut(Schema):
    nip: str | None
    name: str
    employment_type: str
    position: str
    position_class: str
    agency: str | None
    region_code: str


def _region_out(region):
    return {
        "code": region.code,
        "name": region.name,
        "level": region.level,
        "parent_code": region.parent_code,
        "timezone": region.timezone,
    }


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


# A NUL in a multipart field is found when ninja parses the form, inside its own error handling.
api.add_exception_handler(InputRefused, lambda request, exc: refusal_response(request, exc))


@api.get("/regions", response={200: list[RegionOut], 404: ErrorOut}, tags=["reference"])
def list_regions(
    request,
    level: Literal["province", "regency", "city", "district"] | None = None,
    parent: str | None = None,
):
    """Kemendagri regions; filter by level and by the parent's code (e.g. parent=35)."""
    regions = Region.objects.all()
    if parent is not None:
        if not Region.objects.filter(code=parent).exists():
            return Status(404, {"detail": f"Unknown region code: {parent}"})
        regions = regions.filter(parent__code=parent)
    elif level is None:
        # The whole country without districts unless asked: 552 rows, not 7,837.
        regions = regions.exclude(level=Region.Level.DISTRICT)
    if level is not None:
        regions = regions.filter(level=level)
    return [_region_out(r) for r in regions]


@api.get("/regions/{code}", response={200: RegionOut, 404: ErrorOut}, tags=["reference"])
def get_region(request, code: str):
    region = Region.objects.filter(code=code).first()
    if region is None:
        return Status(404, {"detail": f"Unknown region code: {code}"})
    return _region_out(region)


@api.get("/elections", response=list[ElectionOut], tags=["reference"])
def list_elections(request):
    out = []
    for e in Election.objects.prefetch_related("stages"):
        out.append(
            {
                "code": e.code,
                "kind": e.kind,
                "name_id": e.name_id,
                "name_en": e.name_en,
                "voting_date": e.voting_date.isoformat(),
                "national": e.national,
                "candidate_determination_date": (
                    e.candidate_determination_date.isoformat()
                    if e.candidate_determination_date
                    else None
                ),
                "stages": [
                    {
                        "code": s.code,
                        "name_id": s.name_id,
                        "name_en": s.name_en,
                        "start": s.start.isoformat(),
                        "end": s.end.isoformat(),
                    }
                    for s in e.stages.all()
                ],
            }
        )
    return out


@api.get(
    "/employees",
    response={200: list[EmployeeOut], 404: ErrorOut},
    auth=django_auth,
    tags=["roster"],
)
def find_employees(request, q: str, limit: int = 20):
    """Employees in the caller's reach matching a NIP or a name (spelling-tolerant)."""
    if not can(request.user, "roster.view"):
        raise Http404
    found = search_employees(request.user, q, limit=max(1, min(limit, 100)))
    return [
        {
            "nip": e.nip,
            "name": e.name,
            "employment_type": e.employment_type,
            "position": e.position,
            "position_class": e.position_class,
            "agency": e.agency.name if e.agency else None,
            "region_code": e.region.code,
        }
        for e in found
    ]


class ReceiptIn(Schema):
    receipt: str


class ReceiptOut(Schema):
    receipt: str
    status: str
    kind: str


class ReportStatusOut(Schema):
    status: str
    kind: str
    submitted_at: str
    questions: list[str]


class FormErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]]


REPORT_FIELDS = {
    "description": "string",
    "incident_date": "string",
    "known_date": "string",
    "election": "string",
    "region": "string",
    "district": "string",
    "place": "string",
    "person_name": "string",
    "person_nip": "string",
    "person_agency": "string",
    "person_position": "string",
    "conduct": "array",
    "links": "string",
    "anonymous": "boolean",
    "reporter_name": "string",
    "reporter_address": "string",
    "reporter_nik": "string",
    "reporter_phone": "string",
    "reporter_email": "string",
    "evidence": "array",
}


def _report_body_schema():
    props = {}
    for name, kind in REPORT_FIELDS.items():
        if name == "evidence":
            props[name] = {"type": "array", "items": {"type": "string", "format": "binary"}}
        elif name == "conduct":
            props[name] = {"type": "array", "items": {"type": "string"}}
        else:
            props[name] = {"type": kind}
    return {
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": props,
                        "required": [
                            "description",
                            "incident_date",
                            "known_date",
                            "election",
                            "region",
                            "person_name",
                        ],
                    }
                }
            }
        }
    }


@api.post(
    "/reports",
    response={201: ReceiptOut, 400: FormErrorOut, 413: FormErrorOut, 429: ErrorOut},
    tags=["public reports"],
    openapi_extra=_report_body_schema(),
)
def file_report(request):
    """File a report (with identity) or anonymous information, with evidence files.

    Same rules as the /lapor/ form. The receipt code is in this answer only: keep it.
    """
    if too_large(request):
        return Status(
            413,
            {
                "detail": "The request is too large",
                "errors": {"evidence": ["The files together exceed the limit."]},
            },
        )
    if body_incomplete(request):
        return Status(
            400, {"detail": "The request did not arrive whole; nothing was saved.", "errors": {}}
        )
    address = client_ip(request)
    try:
        reports.count_attempt(address)  # before validation opens the files
    except reports.Throttled:
        return Status(429, {"detail": "Too many submissions from this address; try later."})
    form = SubmissionForm(request.POST, request.FILES)
    if not form.is_valid():
        if not form.opened_evidence:
            reports.give_back_attempt(address)
        status = 413 if form.too_large else 400
        return Status(
            status,
            {
                "detail": "Invalid submission",
                "errors": {k: [str(m) for m in v] for k, v in form.errors.items()},
            },
        )
    submission, code = reports.submit(form, client_ip=address, counted=True)
    return Status(201, {"receipt": code, "status": submission.status, "kind": submission.kind})


@api.post(
    "/reports/status",
    response={200: ReportStatusOut, 404: ErrorOut, 429: ErrorOut},
    tags=["public reports"],
)
def report_status(request, body: ReceiptIn):
    """The coarse status of a submission and the officers' questions, by receipt code."""
    try:
        submission = reports.find_by_receipt(body.receipt, client_ip=client_ip(request))
    except reports.Throttled:
        return Status(429, {"detail": "Too many attempts; try later."})
    if submission is None:
        return Status(404, {"detail": "Unknown receipt code"})
    questions = [m.body for m in submission.messages.filter(officer__isnull=False)]
    return {
        "status": submission.status,
        "kind": submission.kind,
        "submitted_at": submission.submitted_at.isoformat(),
        "questions": questions,
    }


# The apps' routers, assembled here and only here: no app imports this module.
api.add_router("", cases_router)
api.add_router("", sanctions_router)
api.add_router("", monitoring_router)
api.add_router("", insights_router)
api.add_router("", risk_router)

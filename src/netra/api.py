"""The JSON API (OpenAPI schema at /api/v1/docs), over the same domain code as the pages."""

from typing import Literal

from csp.decorators import csp_update
from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from netra.accounts.access import can
from netra.accounts.throttle import client_ip
from netra.cases.api import router as cases_router
from netra.common.refusals import api_answer, api_status
from netra.common.schemas import ErrorOut, RefusalOut, document_shared_answers
from netra.insights.api import router as insights_router
from netra.monitoring.api import router as monitoring_router
from netra.people.search import search_employees
from netra.regions.models import Election, Region
from netra.regions.schemas import (
    DISTRICT_CODE,
    ELECTION_CODES,
    REGENCY_CODE,
    REGION_HELP,
    RegionCode,
)
from netra.reports import actions as reports
from netra.reports.forms import SubmissionForm
from netra.reports.uploads import body_incomplete
from netra.reports.views import too_large
from netra.risk.api import router as risk_router
from netra.sanctions.api import router as sanctions_router
from netra.web.middleware import InputRefused, refusal_response


class NetraAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # The refusals any operation can answer with, documented on every one (common/schemas).
        doc = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_shared_answers(doc)


api = NetraAPI(
    title="Netra API",
    version="1",
    urls_namespace="api",
    description=(
        "Every refusal is JSON with a `code` for programs and a `detail` in the caller's "
        "language (Accept-Language: Bahasa Indonesia unless English is asked for): "
        "400 a refused request or change "
        "(the code says why), 401 not signed in (not_signed_in), 403 a change without the "
        "CSRF token (csrf_failed), 404 what does not exist or is outside the caller's reach, "
        "409 a change based on an old version, 422 input that does not match this schema "
        "(invalid_input, the issues in `errors`)."
    ),
    # Swagger UI's stylesheet draws its select arrows as data: images: its pages alone may
    # load images from data: URLs, every other page keeps img-src 'self'.
    docs_decorator=csp_update({"img-src": ["data:"]}),
)


class RegionOut(Schema):
    code: RegionCode
    name: str
    level: Literal["province", "regency", "city", "district"]
    parent_code: RegionCode | None
    timezone: Literal["WIB", "WITA", "WIT"]


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
    region_code: RegionCode


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
    return api.create_response(request, api_answer("not_found"), status=404)


@api.exception_handler(ValidationError)
def invalid_input(request, exc):
    """ninja's own check of the parameters and body: 422 with a code like every refusal."""
    issues = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type"))}
        for e in exc.errors
    ]
    body = {**api_answer("invalid_input"), "errors": issues}
    return api.create_response(request, body, status=422)


@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc):
    return api.create_response(request, api_answer("not_signed_in"), status=401)


#: ninja's own refusals: a body that is not JSON (400) and the CSRF check of a signed-in change.
HTTP_ERROR_CODES = {400: "unreadable_body", 403: "csrf_failed", 429: "throttled"}


@api.exception_handler(HttpError)
def refused(request, exc):
    code = HTTP_ERROR_CODES.get(exc.status_code, "refused")
    return api.create_response(request, api_answer(code), status=exc.status_code)


# A NUL in a multipart field is found when ninja parses the form, inside its own error handling.
api.add_exception_handler(InputRefused, lambda request, exc: refusal_response(request, exc))


@api.get("/regions", response={200: list[RegionOut], 404: ErrorOut}, tags=["reference"])
def list_regions(
    request,
    level: Literal["province", "regency", "city", "district"] | None = None,
    parent: RegionCode | None = None,
):
    """Kemendagri regions; filter by level and by the parent's code (e.g. parent=35)."""
    regions = Region.objects.all()
    if parent is not None:
        if not Region.objects.filter(code=parent).exists():
            return api_status(404, "unknown_region", code=parent)
        regions = regions.filter(parent__code=parent)
    elif level is None:
        # The whole country without districts unless asked: 552 rows, not 7,837.
        regions = regions.exclude(level=Region.Level.DISTRICT)
    if level is not None:
        regions = regions.filter(level=level)
    return [_region_out(r) for r in regions]


@api.get("/regions/{code}", response={200: RegionOut, 404: ErrorOut}, tags=["reference"])
def get_region(request, code: RegionCode):
    region = Region.objects.filter(code=code).first()
    if region is None:
        return api_status(404, "unknown_region", code=code)
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


# A refused report: `errors` gives each field's messages (code invalid_submission, or
# too_large with the evidence's); a request refused whole (a NUL character, a body cut short)
# has no `errors`.
class FormErrorOut(RefusalOut):
    errors: dict[str, list[str]] = {}


def _form_field_schema(name, field):
    """The multipart schema of one field of the public report form, from its own rules."""
    if name == "evidence":
        return {"type": "array", "items": {"type": "string", "format": "binary"}}
    if name == "election":
        return {"type": "string", "enum": ELECTION_CODES}
    if name == "region":
        return {"type": "string", "pattern": REGENCY_CODE, "description": REGION_HELP}
    if name == "district":
        return {"type": "string", "pattern": DISTRICT_CODE, "description": REGION_HELP}
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, forms.MultipleChoiceField):
        return {"type": "array", "items": {"type": "string", "enum": [c for c, _ in field.choices]}}
    out = {"type": "string"}
    if isinstance(field, forms.EmailField):
        out["format"] = "email"
    if getattr(field, "max_length", None):
        out["maxLength"] = field.max_length
    return out


def _report_body_schema():
    # The honeypot (`website`) is left out: a person never fills it in, and a tool must not.
    fields = {n: f for n, f in SubmissionForm.base_fields.items() if n != "website"}
    return {
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {n: _form_field_schema(n, f) for n, f in fields.items()},
                        "required": [n for n, f in fields.items() if f.required],
                    },
                    "encoding": {"evidence": {"contentType": "image/*, video/*, application/pdf"}},
                }
            },
            "required": True,
        }
    }


@api.post(
    "/reports",
    response={201: ReceiptOut, 400: FormErrorOut, 413: FormErrorOut, 429: RefusalOut},
    tags=["public reports"],
    openapi_extra=_report_body_schema(),
)
def file_report(request):
    """File a report (with identity) or anonymous information, with evidence files.

    Same rules as the /lapor/ form. The receipt code is in this answer only: keep it.
    """
    if too_large(request):
        errors = {"evidence": [str(_("The files together exceed the limit."))]}
        return Status(413, {**api_answer("too_large"), "errors": errors})
    if body_incomplete(request):
        return Status(400, {**api_answer("incomplete_body"), "errors": {}})
    address = client_ip(request)
    try:
        reports.count_attempt(address)  # before validation opens the files
    except reports.Throttled:
        return api_status(429, "throttled")
    form = SubmissionForm(request.POST, request.FILES)
    if not form.is_valid():
        if not form.opened_evidence:
            reports.give_back_attempt(address)
        status = 413 if form.too_large else 400
        return Status(
            status,
            {
                **api_answer("too_large" if form.too_large else "invalid_submission"),
                "errors": {k: [str(m) for m in v] for k, v in form.errors.items()},
            },
        )
    submission, code = reports.submit(form, client_ip=address, counted=True)
    return Status(201, {"receipt": code, "status": submission.status, "kind": submission.kind})


@api.post(
    "/reports/status",
    response={200: ReportStatusOut, 404: ErrorOut, 429: RefusalOut},
    tags=["public reports"],
)
def report_status(request, body: ReceiptIn):
    """The coarse status of a submission and the officers' questions, by receipt code."""
    try:
        submission = reports.find_by_receipt(body.receipt, client_ip=client_ip(request))
    except reports.Throttled:
        return api_status(429, "throttled")
    if submission is None:
        return api_status(404, "unknown_receipt")
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

"""The JSON API (OpenAPI schema at /api/v1/docs), over the same domain code as the pages."""

from typing import Literal

from django.http import Http404
from ninja import NinjaAPI, Schema, Status
from ninja.security import django_auth

from netra.accounts.access import can
from netra.people.search import search_employees
from netra.regions.models import Election, Region

api = NinjaAPI(title="Netra API", version="1", urls_namespace="api")


class ErrorOut(Schema):
    detail: str


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
    return {"code": region.code, "name": region.name, "level": region.level,
            "parent_code": region.parent_code, "timezone": region.timezone}


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.get("/regions", response={200: list[RegionOut], 404: ErrorOut}, tags=["reference"])
def list_regions(request, level: Literal["province", "regency", "city", "district"] | None = None,
                 parent: str | None = None):
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
        out.append({
            "code": e.code, "kind": e.kind, "name_id": e.name_id, "name_en": e.name_en,
            "voting_date": e.voting_date.isoformat(), "national": e.national,
            "candidate_determination_date": (e.candidate_determination_date.isoformat()
                                             if e.candidate_determination_date else None),
            "stages": [{"code": s.code, "name_id": s.name_id, "name_en": s.name_en,
                        "start": s.start.isoformat(), "end": s.end.isoformat()}
                       for s in e.stages.all()],
        })
    return out


@api.get("/employees", response={200: list[EmployeeOut], 404: ErrorOut}, auth=django_auth,
         tags=["roster"])
def find_employees(request, q: str, limit: int = 20):
    """Employees in the caller's reach matching a NIP or a name (spelling-tolerant)."""
    if not can(request.user, "roster.view"):
        raise Http404
    found = search_employees(request.user, q, limit=max(1, min(limit, 100)))
    return [{"nip": e.nip, "name": e.name, "employment_type": e.employment_type,
             "position": e.position, "position_class": e.position_class,
             "agency": e.agency.name if e.agency else None, "region_code": e.region.code}
            for e in found]

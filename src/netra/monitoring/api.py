"""Texts pushed by other tools, and the triage queue, over JSON."""

from datetime import datetime

from ninja import Router, Schema, Status
from ninja.security import django_auth

from netra.accounts.access import require, restrict
from netra.regions.models import Region

from . import actions, inputs
from .models import Flag, Source

router = Router(auth=django_auth, tags=["monitoring"])


class TextIn(Schema):
    id: str
    url: str = ""
    author: str = ""
    published: datetime | None = None
    text: str


class PushIn(Schema):
    source: str
    texts: list[TextIn]


class PushOut(Schema):
    new: int
    known: int
    duplicates: int
    flags: int
    suggestions: int


class ErrorOut(Schema):
    detail: str


@router.post("/monitoring/texts", response={200: PushOut, 400: ErrorOut})
def push_texts(request, body: PushIn):
    """Posts from another tool (at most 5,000 per call); they are classified at once."""
    require(request.user, "monitoring.triage")
    if not body.source.strip() or not 0 < len(body.texts) <= 5_000:
        return Status(400, {"detail": "Give a source name and 1 to 5,000 texts."})
    if any(not t.id.strip() or not t.text.strip() for t in body.texts):
        return Status(400, {"detail": "Every text needs an id and a text."})
    region = request.user.regions.exclude(level=Region.Level.DISTRICT).first()
    source, _created = Source.objects.get_or_create(
        name=body.source.strip()[:200], defaults={"kind": Source.Kind.API, "region": region})
    items = [inputs.Item(t.id[:300], source.name, t.url[:2000], t.author[:200], t.published,
                         t.text[:inputs.MAX_TEXT]) for t in body.texts]
    return actions.ingest(source, items, actor=request.user)


class FlagOut(Schema):
    id: int
    text: str
    url: str
    author: str
    region_code: str | None
    score: float
    codes: list[str]
    evidence: list[list[int]]
    employee_nip: str | None


@router.get("/monitoring/flags", response=list[FlagOut])
def list_flags(request, limit: int = 100):
    """Open flags in the caller's reach, highest score first."""
    require(request.user, "monitoring.view")
    flags = restrict(Flag.objects.filter(status=Flag.Status.OPEN), request.user).select_related(
        "text", "region", "employee").order_by("-score", "-id")[:max(1, min(limit, 500))]
    return [{"id": f.pk, "text": f.text.text, "url": f.text.url, "author": f.text.author,
             "region_code": f.region.code if f.region_id else None, "score": f.score,
             "codes": f.codes, "evidence": f.evidence,
             "employee_nip": f.employee.nip if f.employee_id else None} for f in flags]

"""The shapes of the case API's answers and inputs (see cases/api.py)."""

from datetime import datetime

from ninja import Field, Schema

from netra.common.schemas import ErrorOut, RefusalOut
from netra.regions.schemas import ElectionCode, OfficeRegionCode, RegionCode

from .models import CaseDocument, Hearing, SubjectType


class CaseOut(Schema):
    id: int
    number: str
    source: str
    state: str
    version: int
    region_code: RegionCode
    election: str
    received_at: str
    due_at: str | None
    overdue: bool
    extended: bool
    assigned_to: str | None
    merged_into: int | None


class CaseEventOut(Schema):
    at: str
    kind: str
    from_state: str
    to_state: str
    text: str
    actor: str | None


class RespondentOut(Schema):
    id: int
    name: str
    nip: str
    subject_type: str
    agency: str
    position: str
    government_code: RegionCode | None


class HearingOut(Schema):
    id: int
    party: str
    name: str
    scheduled_at: str
    place: str
    held_at: str | None
    minutes: str


class DocumentOut(Schema):
    id: int
    kind: str
    sha256: str
    created_at: str


class CaseDetailOut(CaseOut):
    summary: str
    next_states: list[str]
    respondents: list[RespondentOut]
    hearings: list[HearingOut]
    documents: list[DocumentOut]
    timeline: list[CaseEventOut]


#: The answers of every endpoint that changes a case.
CHANGE = {200: CaseDetailOut, 400: RefusalOut, 404: ErrorOut, 409: RefusalOut}


# ---- inputs ------------------------------------------------------------------------------


class TransitionIn(Schema):
    target: str
    version: int
    reason: str = ""
    reopen_to: str | None = None


class ExtensionIn(Schema):
    version: int
    reason: str


class FindingIn(Schema):
    election: ElectionCode
    region: OfficeRegionCode
    summary: str


class RespondentIn(Schema):
    version: int
    nip: str = ""
    name: str = ""
    subject_type: SubjectType = SubjectType.UNKNOWN
    agency: str = ""
    position: str = ""


class AssignIn(Schema):
    version: int
    officer: str  # username


class NoteIn(Schema):
    text: str


class MergeIn(Schema):
    version: int
    into: int
    reason: str


class HearingIn(Schema):
    party: Hearing.Party
    name: str = Field(max_length=200)
    scheduled_at: datetime
    place: str = Field(max_length=200)


class MinutesIn(Schema):
    minutes: str


class LetterIn(Schema):
    kind: CaseDocument.Kind
    recipient: str = ""
    capacity: str = ""
    when: str = ""
    place: str = ""

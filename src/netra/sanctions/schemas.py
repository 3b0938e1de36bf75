"""The shapes of the sanctions API's answers and inputs (see sanctions/api.py)."""

from ninja import Field, Schema

from netra.regions.schemas import ElectionCode


class ConductIn(Schema):
    kind: str
    date: str  # YYYY-MM-DD


class ProposeIn(Schema):
    election: ElectionCode
    subject: dict
    conduct: list[ConductIn]


class ProposalOut(Schema):
    track: str
    level: str | None
    codes: list[str]
    sanction_options: list[str]
    legal_basis: list[str]
    decided_by: str
    forward_to: str
    criminal_referral: bool


class ProposalErrorOut(Schema):
    detail: str
    code: str


class ChoiceIn(Schema):
    respondent: int
    employment: str = Field(max_length=20)
    conduct: list[ConductIn]
    sanction: str = Field(max_length=255)
    deviation_reason: str = ""


class RecommendationIn(Schema):
    version: int
    verification: str
    note: str = ""
    choices: list[ChoiceIn]


class RecommendationOut(Schema):
    id: int
    case_id: int
    respondent: str
    sanction: str
    due_at: str
    decree_outcome: str | None
    decree_number: str | None

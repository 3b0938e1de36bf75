"""The public statistics over JSON (/api/v1/statistics): the same suppressed figures as the
statistics pages and the open-data files (exports.py), with no sign-in.

An unknown election answers 404 and a level other than province or regency 422, both with a
`code` (`unknown_election`, `unknown_level`) like the other routers' refusals.
"""

from typing import Annotated, Literal

from ninja import Field, Query, Router, Schema
from pydantic import WithJsonSchema

from netra.common.refusals import api_status
from netra.common.schemas import RefusalOut, ValidationErrorOut
from netra.regions.schemas import ELECTION_CODES, OFFICE_REGION_CODE

from .exports import LEVELS, answer, election_or_none

router = Router(tags=["statistics"])

ELECTION_HELP = (
    "The election's code, one of those GET /api/v1/elections lists (e.g. pilkada-2024, "
    "pemilu-2024)."
)
LEVEL_HELP = "province: one row per province; regency: one row per regency and city."

# The level is read as text and checked here rather than by the schema, so that a wrong one
# answers 422 with a `code` like every refusal of the API; the OpenAPI document still lists
# its two values.
# The election too is read as text (an unknown one answers 404 with its code); the document
# lists the reference data's codes.
ElectionParam = Annotated[str, WithJsonSchema({"type": "string", "enum": ELECTION_CODES})]
LevelParam = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(LEVELS), "default": "province"})
]

# The default given through Query: written as a plain default beside Annotated[..., Query()],
# ninja would still mark the parameter required in the OpenAPI document.
LEVEL_QUERY = Query("province", description=LEVEL_HELP)


# One region's public figures. A count is null when it is suppressed (its name is then in
# `suppressed`: "<5" or hidden on the page) or when the region takes no part in the election
# (`in_election` false, every count null). (A comment, not a docstring: see RefusalOut.)
class StatisticsRowOut(Schema):
    code: str = Field(description="Kemendagri region code", pattern=OFFICE_REGION_CODE)
    name: str
    in_election: bool
    reports: int | None = Field(description="Cases received (reports and findings)")
    registered: int | None = Field(description="Cases registered")
    violations: int | None = Field(description="Cases found to break another law (ASN neutrality)")
    forwarded: int | None = Field(description="Cases forwarded to BKN")
    recommended: int | None = Field(description="Cases BKN recommended a sanction on")
    followed_up: int | None = Field(description="Cases the PPK decided (a decree)")
    sanctioned: int | None = Field(description="Cases with a sanction imposed")
    median_days_to_decree: int | None = Field(
        description="Median days from the recommendation to the decree (null under 5 cases)"
    )
    suppressed: list[str] = Field(description='Fields shown as "<5" or hidden ("x"); they are null')
    marks: dict[str, Literal["<5", "x"]] = Field(
        description='How the page writes each suppressed field: "<5" (1 to 4) or "x" (hidden '
        "so that a small count cannot be worked out from the totals)"
    )


class StatisticsOut(Schema):
    election: str = Field(description=ELECTION_HELP)
    level: Literal["province", "regency"]
    # Text rather than a datetime, so that the API and the JSON file write the same string.
    as_of: str | None = Field(
        description="When the figures were last brought up to date (ISO 8601, WIB offset)",
        json_schema_extra={"format": "date-time"},
    )
    has_figures: bool = Field(
        description="false: none of the election's cases has been handled in Netra yet, and "
        "every count is null (not zero)"
    )
    licence: str = Field(description="CC BY 4.0")
    rows: list[StatisticsRowOut]


@router.get(
    "/statistics",
    response={200: StatisticsOut, 404: RefusalOut, 422: ValidationErrorOut},
    auth=None,
    exclude_unset=True,  # a refused level has no `errors` (ninja's own 422 has them)
)
def statistics(
    request,
    election: Annotated[ElectionParam, Query(description=ELECTION_HELP)],
    level: LevelParam = LEVEL_QUERY,
):
    """The public figures of an election per province or per regency and city: counts of 1
    to 4 and the counts that would give them away are null and listed in `suppressed`.
    Licence CC BY 4.0 (cite "Netra, dari data penanganan pelanggaran Bawaslu")."""
    found = election_or_none(election)
    if found is None:
        return api_status(404, "unknown_election", code=election)
    if level not in LEVELS:
        return api_status(422, "unknown_level")
    return answer(found, level)

"""Each region's risk over JSON (/api/v1/risk), for staff: the same rows as the regions-to-watch
page, within the caller's reach.

Staff who follow the handling of cases (`insights.staff`) only: anyone else signed in gets 404,
as for a page their role cannot use. An unknown election answers 404 and a level other than
province or regency 422, both with a `code` (`unknown_election`, `unknown_level`).
"""

from typing import Annotated, Literal

from ninja import Field, Query, Router, Schema
from ninja.security import django_auth
from pydantic import WithJsonSchema

from netra.accounts.access import can
from netra.common.refusals import api_status
from netra.common.schemas import RefusalOut, ValidationErrorOut
from netra.regions.schemas import ELECTION_CODES, OFFICE_REGION_CODE

from . import weights
from .components import band
from .read import (
    LEVEL_NAMES,
    election_facts,
    election_or_none,
    ikp_release_of,
    ranked_rows,
    weights_of,
)

router = Router(auth=django_auth, tags=["early warning"])

ELECTION_HELP = (
    "The election's code, one of those GET /api/v1/elections lists (e.g. pilkada-2024, "
    "pemilu-2024)."
)
LEVEL_HELP = (
    "regency: one row per regency and city (the default); province: one row per province, "
    "its figures gathered from its regencies, cities and provincial office."
)
COMPONENT_HELP = "0 (least risk) to 100 (most); null: no data (never counted as 0)"
# The level is read as text and checked here, so that a wrong one answers 422 with a `code`
# like every refusal of the API; the OpenAPI document still lists its two values.
# The election too is read as text (an unknown one answers 404 with its code); the document
# lists the reference data's codes.
ElectionParam = Annotated[str, WithJsonSchema({"type": "string", "enum": ELECTION_CODES})]
LevelParam = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(LEVEL_NAMES), "default": "regency"})
]
LEVEL_QUERY = Query("regency", description=LEVEL_HELP)


class ComponentsOut(Schema):
    ikp: float | None = Field(description=f"Bawaslu's vulnerability index (IKP). {COMPONENT_HELP}")
    prevention: float | None = Field(
        description="Share of the region's civil servants that no outreach of the election "
        f"reached. {COMPONENT_HELP}"
    )
    flags: float | None = Field(
        description="Monitoring flags per 10,000 civil servants, as a percentile rank among the "
        f"regions of the same level (0: none recorded). {COMPONENT_HELP}"
    )
    reports: float | None = Field(
        description="Cases from the public (reports, information adopted as findings) per "
        f"10,000 civil servants, as a percentile rank (0: none recorded). {COMPONENT_HELP}"
    )
    overdue: float | None = Field(
        description="Handling steps past their deadline per case, as a percentile rank (0: "
        f"nothing overdue). {COMPONENT_HELP}"
    )
    ppk: float | None = Field(
        description="Share of BKN's recommendations to the region's PPK not yet answered "
        f"(a province: its own and its regencies' and cities' PPKs). {COMPONENT_HELP}"
    )


# One region's risk. (A comment, not a docstring: see RefusalOut.)
class RiskRowOut(Schema):
    code: str = Field(description="Kemendagri region code", pattern=OFFICE_REGION_CODE)
    name: str
    level: Literal["province", "regency", "city"]
    score: float | None = Field(
        description="0 to 100: the weighted mean of the components that have data; null when "
        "none has"
    )
    band: Literal["low", "medium", "high"] | None = Field(
        description="The score's third of the scale: low under 34, medium under 67, high"
    )
    components: ComponentsOut
    missing: list[str] = Field(
        description="The components with a weight but no data for this region, left out of "
        "the score"
    )


class IkpReleaseOut(Schema):
    source: str = Field(description="Who published the index, and where")
    published_on: str | None = Field(json_schema_extra={"format": "date"})
    fictional: bool = Field(description="true: made-up values (the demo), not Bawaslu's")


class RiskOut(Schema):
    election: str = Field(description=ELECTION_HELP)
    level: Literal["province", "regency"]
    computed_at: str | None = Field(
        description="When the risk was last computed (ISO 8601); null: not yet",
        json_schema_extra={"format": "date-time"},
    )
    weights: dict[str, float] = Field(description="The weight of each component in the score")
    ikp_release: IkpReleaseOut | None = Field(
        description="The IKP release the `ikp` component comes from; null: none imported"
    )
    rows: list[RiskRowOut] = Field(
        description="The regions within the caller's reach, highest score first (no score last)"
    )


@router.get(
    "/risk",
    response={200: RiskOut, 404: RefusalOut, 422: ValidationErrorOut},
    exclude_unset=True,  # a refused level has no `errors` (ninja's own 422 has them)
)
def risk(
    request,
    election: Annotated[ElectionParam, Query(description=ELECTION_HELP)],
    level: LevelParam = LEVEL_QUERY,
):
    """Each region's risk score in an election and its components, for staff who follow the
    handling of cases, limited to the regions within the caller's reach. A component without
    data is null and named in `missing`; it is never counted as 0."""
    if not can(request.user, "insights.staff"):
        return api_status(404, "not_found")
    found = election_or_none(election)
    if found is None:
        return api_status(404, "unknown_election", code=election)
    if level not in LEVEL_NAMES:
        return api_status(422, "unknown_level")
    rows = ranked_rows(request.user, found, LEVEL_NAMES[level])
    facts = election_facts(found) if rows else None
    return {
        "election": found.code,
        "level": level,
        "computed_at": max(row.computed_at for row in rows).isoformat() if rows else None,
        "weights": weights_of(facts) or weights.in_force().weights,
        "ikp_release": ikp_release_of(facts),
        "rows": [
            {
                "code": row.region.code,
                "name": row.region.name,
                "level": row.region.level,
                "score": row.score,
                "band": band(row.score),
                "components": row.components,
                "missing": row.missing,
            }
            for row in rows
        ],
    }

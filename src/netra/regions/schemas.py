"""The reference data's codes as the API documents them: an election's code is one of those
the reference data loads (an enum), a region's code has the shape of Kemendagri's codes (a
pattern). Used by the routers' inputs and answers (the OpenAPI document at /api/v1/docs)."""

from typing import Annotated

from pydantic import Field, WithJsonSchema

from .reference import read_dataset

#: The elections of the reference data (regions/data/elections.json), in its order.
ELECTION_CODES = [item["code"] for item in read_dataset("elections")["elections"]]

ELECTION_HELP = (
    "An election's code: one of the reference data's (GET /api/v1/elections lists them with "
    "their stages; a demo installation adds its own fictional election, demo-pilkada)."
)

# Read as text and checked against the database by the handler, so that an installation's
# other elections (the demo's) still work and an unknown code answers with the handler's own
# refusal; the document lists the reference data's codes.
ElectionCode = Annotated[
    str, WithJsonSchema({"type": "string", "enum": ELECTION_CODES, "description": ELECTION_HELP})
]

#: Kemendagri's codes: a province "35", a regency or city "35.09", a district "35.09.27".
REGION_CODE = r"^[1-9][0-9](\.[0-9]{2}(\.[0-9]{2})?)?$"
#: A province, a regency or a city (the levels that have a Bawaslu office).
OFFICE_REGION_CODE = r"^[1-9][0-9](\.[0-9]{2})?$"
#: A regency or a city.
REGENCY_CODE = r"^[1-9][0-9]\.[0-9]{2}$"
#: A district (kecamatan).
DISTRICT_CODE = r"^[1-9][0-9]\.[0-9]{2}\.[0-9]{2}$"

REGION_HELP = (
    'A Kemendagri region code: a province "35", a regency or city "35.09", a district "35.09.27".'
)

RegionCode = Annotated[str, Field(pattern=REGION_CODE, description=REGION_HELP)]
OfficeRegionCode = Annotated[
    str,
    Field(
        pattern=OFFICE_REGION_CODE,
        description='A Kemendagri code of a province ("35"), a regency or a city ("35.09").',
    ),
]

"""The OpenAPI document tells the truth about codes: an election's is one of the reference
data's (an enum), a region's has the shape of Kemendagri's (a pattern every code of the
reference data matches), and the report's multipart fields are typed (files as binary)."""

import json
import re

from netra.api import api
from netra.regions.reference import read_dataset
from netra.regions.schemas import REGION_CODE


def document():
    return api.get_openapi_schema()


def test_every_election_input_lists_the_reference_datas_codes():
    codes = [e["code"] for e in read_dataset("elections")["elections"]]
    doc = json.dumps(document())
    # Statistics, risk, findings (cases, flags), proposals and reports.
    assert doc.count(f'"enum": {json.dumps(codes)}') >= 6


def test_every_region_of_the_reference_data_matches_the_documented_pattern():
    items = read_dataset("regions")["items"]
    assert all(re.match(REGION_CODE, code) for code, *_ in items)
    assert not any(re.match(REGION_CODE, bad) for bad in ("3509", "35.9", "05", "35.09.271", ""))
    parameters = document()["paths"]["/api/v1/regions/{code}"]["get"]["parameters"]
    assert parameters[0]["schema"]["pattern"] == REGION_CODE


def test_the_reports_multipart_fields_are_typed_and_its_files_binary():
    body = document()["paths"]["/api/v1/reports"]["post"]["requestBody"]
    fields = body["content"]["multipart/form-data"]["schema"]["properties"]
    assert fields["evidence"] == {"type": "array", "items": {"type": "string", "format": "binary"}}
    assert fields["incident_date"] == {"type": "string", "format": "date"}
    assert fields["anonymous"] == {"type": "boolean"}
    assert fields["description"]["maxLength"] == 10_000
    assert "props" in fields["conduct"]["items"]["enum"]
    assert fields["region"]["pattern"]
    assert "website" not in fields

"""The OpenAPI document names every refusal an operation can answer with, and each 400 and 422
carries a `code` (found by schemathesis: 401, 403 and 422 were answered but undocumented)."""

import pytest

from netra.api import api

UNSAFE = {"post", "put", "patch", "delete"}


def operations():
    doc = api.get_openapi_schema()
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", method, operation, doc


def resolve(doc, schema):
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def body_schema(doc, operation, status):
    answer = operation["responses"][status]
    return resolve(doc, answer["content"]["application/json"]["schema"])


OPERATIONS = list(operations())


@pytest.mark.parametrize(
    ("name", "method", "operation", "doc"), OPERATIONS, ids=[o[0] for o in OPERATIONS]
)
def test_every_operation_documents_400_with_a_code_and_422_when_it_takes_input(
    name, method, operation, doc
):
    assert "code" in body_schema(doc, operation, 400)["required"], name
    if operation.get("parameters") or operation.get("requestBody"):
        assert {"code", "errors"} <= set(body_schema(doc, operation, 422)["properties"]), name


@pytest.mark.parametrize(
    ("name", "method", "operation", "doc"), OPERATIONS, ids=[o[0] for o in OPERATIONS]
)
def test_a_signed_in_operation_documents_401_and_a_change_403(name, method, operation, doc):
    responses = operation["responses"]
    if operation.get("security"):
        assert "code" in body_schema(doc, operation, 401)["required"], name
        if method in UNSAFE:
            assert "code" in body_schema(doc, operation, 403)["required"], name
    else:
        assert 401 not in responses and 403 not in responses, name


def test_every_operation_documents_the_servers_414_for_a_request_line_too_long():
    # Found by schemathesis: gunicorn answers 414 (no JSON) to a query string over 4,094 bytes.
    for name, _method, operation, _doc in OPERATIONS:
        assert "content" not in operation["responses"][414], name


def test_the_lists_a_role_cannot_use_document_their_404():
    documented = {name: op["responses"] for name, _m, op, _d in OPERATIONS}
    for name in (
        "GET /api/v1/cases",
        "GET /api/v1/recommendations",
        "GET /api/v1/monitoring/flags",
        "GET /api/v1/employees",
    ):
        assert 404 in documented[name], name


def test_two_bodies_of_the_same_name_do_not_share_one_documented_schema():
    # Found by schemathesis: monitoring's FindingIn (an election only) replaced the cases' in
    # the document, so POST /api/v1/cases was documented without its region and summary.
    doc = api.get_openapi_schema()
    operation = doc["paths"]["/api/v1/cases"]["post"]
    body = resolve(doc, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["required"]) == {"election", "region", "summary"}
    flag = doc["paths"]["/api/v1/monitoring/flags/{flag_id}/finding"]["post"]
    flag_body = resolve(doc, flag["requestBody"]["content"]["application/json"]["schema"])
    assert set(flag_body["properties"]) == {"election"}

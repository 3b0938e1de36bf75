"""The answers every API router shares (the routers of the apps and the assembly in netra.api),
and the refusals every operation can answer with, added to the OpenAPI document."""

from ninja import Field, Schema


# Not found (code not_found, or unknown_region, unknown_election, unknown_receipt): DETAIL in the
# caller's language, CODE for programs.
class ErrorOut(Schema):
    detail: str
    code: str


# A refused change: CODE names the reason, DETAIL says it in the caller's language; a request
# refused for a NUL character (code nul_byte) also names the `field` that holds it. (A comment,
# not a docstring: a docstring would become the schema's description in the OpenAPI document.)
class RefusalOut(Schema):
    detail: str
    code: str


class ValidationIssue(Schema):
    loc: list[str | int] = Field(description='Where: ["query", "limit"], ["body", "texts", 0]')
    msg: str
    type: str


# The request does not match the operation's parameters or body (a missing field, a number
# that is text, a value outside its enum or pattern): always 422 with the code invalid_input.
class ValidationErrorOut(Schema):
    detail: str
    code: str = Field(description="invalid_input")
    errors: list[ValidationIssue] = Field(
        [], description="Each issue; none for a value the handler checks (an unknown level)"
    )


#: The refusals the whole API shares, with the code each carries.
#: 400: a NUL character anywhere in the request (nul_byte), a body that is not JSON
#: (unreadable_body); 401: not signed in (not_signed_in); 403: a signed-in change without the
#: CSRF token (csrf_failed); 422: input that does not match the schema (invalid_input).
SHARED = {
    400: ("RefusalOut", RefusalOut, "Refused: `code` says why (nul_byte, unreadable_body, ...)"),
    401: ("RefusalOut", RefusalOut, "Not signed in (code not_signed_in)"),
    403: (
        "RefusalOut",
        RefusalOut,
        "A change sent with the session cookie but without the CSRF token (code csrf_failed)",
    ),
    422: (
        "ValidationErrorOut",
        ValidationErrorOut,
        "The input does not match the schema (code invalid_input)",
    ),
}

UNSAFE = {"post", "put", "patch", "delete"}


#: The server itself (gunicorn, before Netra reads the request) refuses a request line longer
#: than 4,094 bytes, without a JSON body (found by schemathesis: a long query string).
URI_TOO_LONG = "The request line (path and query) is over 4,094 bytes: refused by the server"


def _components(doc):
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, model, _text in SHARED.values():
        if name in schemas:
            continue
        body = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for inner, definition in body.pop("$defs", {}).items():
            schemas.setdefault(inner, definition)
        schemas[name] = body


def _answer(doc, responses, status):
    name, _model, text = SHARED[status]
    if status in responses or str(status) in responses:
        return
    responses.setdefault(
        status,
        {
            "description": text,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        },
    )


def document_shared_answers(doc):
    """Add to every operation of DOC (an OpenAPI document) the refusals it can answer with
    whatever its handler does: 400 always (a NUL character, refused before any handler), 414
    always (a request line the server will not read), 401
    when it needs a signed-in session, 403 when it also changes something (the CSRF check),
    422 when it takes parameters or a body."""
    _components(doc)
    for item in doc.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            _answer(doc, responses, 400)
            responses.setdefault(414, {"description": URI_TOO_LONG})
            if operation.get("security"):
                _answer(doc, responses, 401)
                if method in UNSAFE:
                    _answer(doc, responses, 403)
            if operation.get("parameters") or operation.get("requestBody"):
                _answer(doc, responses, 422)
    return doc

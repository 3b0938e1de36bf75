"""The answers every API router shares (the routers of the apps and the assembly in netra.api)."""

from ninja import Schema


class ErrorOut(Schema):
    detail: str


# A refused change: CODE names the reason, DETAIL says it in the caller's language. (A comment,
# not a docstring: a docstring would become the schema's description in the OpenAPI document.)
class RefusalOut(Schema):
    detail: str
    code: str

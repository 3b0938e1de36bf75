"""The table is generated from the routes, not the other way round: a route or an API
operation without an entry fails, and so does an entry whose route is gone."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from netra.api import api

from .routes import OPERATIONS, ROUTES

pytestmark = pytest.mark.matrix


def _patterns(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
            yield prefix + str(entry.pattern), name, entry.callback


def _is_operation(callback):
    # ninja serves its operations through its operation module's views; its own pages (the
    # schema, the docs, the root) are plain views and are routes like any other.
    return getattr(callback, "__module__", "") == "ninja.operation"


def route_keys():
    """Each route by its name, or by its pattern when it has none; API operations apart."""
    keys, api_paths = [], set()
    for pattern, name, callback in _patterns(get_resolver()):
        if _is_operation(callback):
            api_paths.add("/" + pattern)
            continue
        keys.append(name or pattern)
    return keys, api_paths


def operation_keys():
    schema = api.get_openapi_schema()
    return [
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
    ]


def test_every_route_of_the_urlconf_has_an_entry():
    keys, _ = route_keys()
    missing = sorted(set(keys) - set(ROUTES))
    assert not missing, f"routes without an entry in tests/matrix/routes.py: {missing}"


def test_every_entry_names_a_route_that_exists():
    keys, _ = route_keys()
    gone = sorted(set(ROUTES) - set(keys))
    assert not gone, f"entries in tests/matrix/routes.py whose route is gone: {gone}"


def test_every_api_operation_has_an_entry():
    missing = sorted(set(operation_keys()) - set(OPERATIONS))
    assert not missing, f"API operations without an entry in tests/matrix/routes.py: {missing}"


def test_every_api_entry_names_an_operation_that_exists():
    gone = sorted(set(OPERATIONS) - set(operation_keys()))
    assert not gone, f"entries in tests/matrix/routes.py whose API operation is gone: {gone}"


def test_every_api_address_in_the_urlconf_is_in_the_schema():
    """An operation left out of the schema (include_in_schema=False) is still a route."""
    _, api_paths = route_keys()
    documented = {key.split(" ", 1)[1] for key in operation_keys()}
    as_schema = {p.replace("<", "{").replace(">", "}") for p in api_paths}
    hidden = sorted(as_schema - documented)
    assert not hidden, f"API addresses that the schema does not list: {hidden}"


def test_no_key_is_both_a_route_and_an_operation():
    assert not set(ROUTES) & set(OPERATIONS)

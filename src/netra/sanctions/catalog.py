"""The catalog in use: the newest CatalogVersion, else the shipped data file; and the
elections' candidate-determination dates the rule engine needs."""

import json

from django.db import DatabaseError

from netra.regions.models import Election
from netra.regions.reference import DATA_DIR

from . import rules
from .models import CatalogVersion

_built = {}


def active_catalog():
    """The engine's Catalog for the newest version (built once per version per process)."""

    try:
        newest = CatalogVersion.objects.only("pk", "version").first()
    except DatabaseError:  # no database yet: the shipped file still answers
        newest = None
    if newest is None:
        return rules.shipped_catalog()
    if newest.pk not in _built:
        _built.clear()
        _built[newest.pk] = rules.Catalog(CatalogVersion.objects.get(pk=newest.pk).data)
    return _built[newest.pk]


def catalog_of_version(version):

    found = CatalogVersion.objects.filter(version=version).first()
    return rules.Catalog(found.data) if found else rules.shipped_catalog()


def determination_dates():
    """Election code -> candidate determination date (None where the election has none)."""

    try:
        found = dict(Election.objects.values_list("code", "candidate_determination_date"))
    except DatabaseError:
        found = {}
    if found:
        return found
    from datetime import date

    data = json.loads((DATA_DIR / "elections.json").read_text(encoding="utf-8"))
    return {
        e["code"]: date.fromisoformat(e["candidate_determination_date"])
        if e.get("candidate_determination_date")
        else None
        for e in data["elections"]
    }

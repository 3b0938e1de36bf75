"""Migration 0013 gives every case written before it its province in one statement over the
regions, on SQLite and PostgreSQL: a regency's or city's case its province, a provincial
case the province itself."""

import importlib
from types import SimpleNamespace

from django.db import connection

from netra.cases import actions
from netra.cases.models import Case
from netra.regions.models import Election, Region

migration = importlib.import_module("netra.cases.migrations.0013_case_province")


def test_the_backfill_sets_each_cases_province_from_its_region(alice, dewi, region):
    election = Election.objects.get(code="pilkada-2024")
    regency = actions.open_finding(alice, election=election, region=region("35.09"), summary="A")
    province = actions.open_finding(dewi, election=election, region=region("35"), summary="B")
    Case.objects.update(province=None)
    migration.backfill(None, SimpleNamespace(connection=connection))
    assert Case.objects.get(pk=regency.pk).province == region("35")
    assert Case.objects.get(pk=province.pk).province == region("35")
    assert not Case.objects.filter(province=None).exists()


def test_every_regency_and_city_is_a_child_of_its_province(reference):
    """Case.save takes a regency's province from its parent without a query."""
    for code, parent in Region.objects.filter(level__in=["regency", "city"]).values_list(
        "code", "parent__code"
    ):
        assert parent == code.partition(".")[0]

"""The suppression of an election's public table takes seconds on sparse figures. The refresh
that changes the figures stores the table (PublicTable), so the pages, the API and the files
read it ready-made: a request after a refresh never suppresses again, and it gets exactly the
table the suppression made. Figures changed without a refresh are never served stale."""

import pytest

from netra.cases import actions
from netra.insights import public, refresh, suppression
from netra.insights.models import PublicTable, RegionFigures
from netra.regions.models import Election, Region


def _findings(officer, code, count):
    election = Election.objects.get(code="pilkada-2020")
    region = Region.objects.get(code=code)
    for i in range(count):
        actions.open_finding(officer, election=election, region=region, summary=f"Temuan {i}")


@pytest.fixture
def figures(charlie, alice):
    _findings(charlie, "15.71", 7)
    _findings(alice, "35.09", 2)
    refresh.refresh_all()
    return Election.objects.get(code="pilkada-2020")


def _no_suppression(*_args, **_kwargs):
    raise AssertionError("a request suppressed the table again")


def test_a_request_after_the_refresh_reads_the_stored_table_without_suppressing(
    figures, client, monkeypatch
):
    public._stored.cache_clear()
    public._made.cache_clear()
    monkeypatch.setattr(suppression, "secure", _no_suppression)
    monkeypatch.setattr(public, "secure", _no_suppression)
    monkeypatch.setattr(public, "suppress", _no_suppression)
    answer = client.get("/api/v1/statistics", {"election": "pilkada-2020", "level": "regency"})
    assert answer.status_code == 200
    jambi = next(row for row in answer.json()["rows"] if row["code"] == "15.71")
    assert jambi["reports"] == 7
    assert client.get("/statistik/", {"pemilihan": "pilkada-2020"}).status_code == 200


def test_the_stored_table_is_the_one_the_suppression_makes(figures):
    stored = public.public_table(figures)
    made = public.build(figures)
    assert public.to_data(stored) == public.to_data(made)
    assert stored.as_of == public.as_of() is not None
    assert PublicTable.objects.filter(election_id=figures.pk).count() == 1


def test_every_election_gets_a_table_and_one_without_cases_says_it_has_no_figures(figures):
    empty = Election.objects.exclude(pk=figures.pk).first()
    assert PublicTable.objects.count() == Election.objects.count()
    assert public.public_table(figures).has_figures
    assert not public.public_table(empty).has_figures


def test_a_one_case_refresh_stores_the_new_table_of_its_election(figures, charlie):
    _findings(charlie, "15.71", 1)
    refresh.refresh()
    jambi = public.public_table(figures).row("15.71")
    assert jambi.cells["reports"].value == 8


def test_figures_changed_without_a_refresh_are_not_served_from_the_stale_table(figures):
    stored = PublicTable.objects.get(election_id=figures.pk).data
    for row in RegionFigures.objects.filter(election_id=figures.pk, code__in=("", "15", "15.71")):
        row.counts = {**row.counts, "received": row.counts["received"] + 2}
        row.refreshed_at = row.refreshed_at.replace(year=2099)
        row.save()
    served = public.to_data(public.public_table(figures))
    assert served == public.to_data(public.build(figures)) != stored
    assert public.public_table(figures).row("15.71").cells["reports"].value == 9

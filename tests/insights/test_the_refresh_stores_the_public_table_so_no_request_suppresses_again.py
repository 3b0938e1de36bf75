"""The suppression of an election's public table takes seconds on sparse figures. The refresh
that changes the figures stores the table (PublicTable), so the pages, the API and the files
read it ready-made: a request after a refresh never suppresses again, and it gets exactly the
table the suppression made. The table is made after the refresh's own transaction; meanwhile
the last one is served, dated as its figures are."""

import pytest

from netra.cases import actions
from netra.insights import public, refresh, suppression
from netra.insights.models import PublicTable
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


def test_while_a_new_table_is_made_the_last_one_is_served_with_its_own_date(
    figures, charlie, monkeypatch
):
    before = public.to_data(public.public_table(figures))
    made_for = PublicTable.objects.get(election_id=figures.pk).figures_at
    monkeypatch.setattr(public, "publish", lambda *_args: None)  # the worker stops here
    _findings(charlie, "15.71", 1)
    refresh.refresh()
    served = public.public_table(figures)
    assert public.to_data(served) == before
    assert served.as_of == made_for < public.as_of()


def test_the_next_refresh_makes_a_table_a_stopped_worker_left_unmade(figures, charlie):
    _findings(charlie, "15.71", 1)
    PublicTable.objects.filter(election_id=figures.pk).update(figures_at=None)
    assert public.stale() == [figures.pk]
    refresh.refresh()
    assert public.stale() == []
    assert public.public_table(figures).row("15.71").cells["reports"].value == 8


def test_an_older_table_is_never_stored_over_a_newer_one(figures, monkeypatch):
    stored = PublicTable.objects.get(election_id=figures.pk)
    older = stored.figures_at.replace(year=2000)
    monkeypatch.setattr(public, "_figures_at", lambda _election_id: older)
    assert public.publish(figures.pk, stored.made_at) is False
    assert PublicTable.objects.get(election_id=figures.pk).figures_at == stored.figures_at


def test_a_table_stored_by_an_earlier_version_is_made_again_rather_than_misread(figures):
    PublicTable.objects.filter(election_id=figures.pk).update(data={"nation": {}})
    public._stored.cache_clear()
    assert public.public_table(figures).row("15.71").cells["reports"].value == 7

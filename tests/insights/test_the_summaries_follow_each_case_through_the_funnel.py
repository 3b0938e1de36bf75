"""The statistics read summaries, not the case tables: the worker's refresh reads the audit
entries written since its last run and brings the facts of those cases, and the figures of
their regency, province and the nation, up to date."""

from django.utils import timezone

from netra.cases import actions
from netra.insights import funnel, refresh
from netra.insights.models import CaseFact, RefreshMark, RegionFigures
from netra.regions.models import Election, Region


def _figures(level, code, election):
    return RegionFigures.objects.get(election_id=election.pk, level=level, code=code)


def _open(officer, code, summary="Temuan"):
    election = Election.objects.get(code="pilkada-2024")
    region = Region.objects.get(code=code)
    return actions.open_finding(officer, election=election, region=region, summary=summary)


def test_it_counts_a_case_at_every_stage_it_reached_after_a_refresh(reported_case, walk_case):
    case = reported_case
    refresh.refresh()
    election = case.election
    assert _figures("regency", "35.09", election).counts["received"] == 1
    assert _figures("regency", "35.09", election).counts["registered"] == 0

    walk_case(case, "forwarded")
    # Nothing changes until the summaries are refreshed: pages read the summaries only.
    assert _figures("regency", "35.09", election).counts["forwarded"] == 0
    assert refresh.refresh() == 1
    for level, code in (("regency", "35.09"), ("province", "35"), ("national", "")):
        counts = _figures(level, code, election).counts
        assert counts["received"] == counts["registered"] == 1
        assert counts["violation"] == counts["forwarded"] == 1
        assert counts["recommended"] == 0


def test_a_refresh_with_nothing_new_reads_no_case(alice):
    _open(alice, "35.09")
    refresh.refresh()
    assert refresh.refresh() == 0
    assert RefreshMark.objects.get().refreshed_at is not None


def test_a_province_adds_up_its_regencies_and_its_own_office(alice, dewi):
    _open(alice, "35.09", "Di Jember")
    _open(alice, "35.09", "Lagi di Jember")
    _open(dewi, "35", "Temuan kantor provinsi")
    refresh.refresh()
    election = Election.objects.get(code="pilkada-2024")
    assert _figures("regency", "35.09", election).counts["received"] == 2
    assert _figures("province", "35", election).counts["received"] == 3
    assert _figures("national", "", election).counts["received"] == 3
    assert CaseFact.objects.filter(region_code="35").count() == 1


def test_medians_are_kept_as_day_histograms_that_merge_by_addition():
    first = {"registered": {"2": 1, "10": 1}}
    second = {"registered": {"3": 1}}
    merged = funnel.merged([{**funnel.empty(), "days": first}, {**funnel.empty(), "days": second}])
    assert merged["days"]["registered"] == {"2": 1, "10": 1, "3": 1}
    assert funnel.median(merged["days"]["registered"]) == 3
    assert funnel.median({}) is None


def test_a_deadline_that_runs_out_counts_as_overdue_without_an_audit_entry(alice, walk_case):
    case = walk_case(_open(alice, "35.09"), "initial_study")
    assert case.due_at is not None
    refresh.refresh()
    election = case.election
    assert _figures("regency", "35.09", election).overdue == {}
    later = case.due_at + timezone.timedelta(days=1)
    refresh.refresh(now=later)
    assert _figures("regency", "35.09", election).overdue == {case.state: 1}

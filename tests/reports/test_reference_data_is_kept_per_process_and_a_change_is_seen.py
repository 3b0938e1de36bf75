"""The elections, regions and clock rules a submission reads are kept per process
(reports/references.py); a change is seen at once in the process that saves it and, through
the reference tables' stamp, in every other process once it looks again (RECHECK_SECONDS)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netra.regions.models import ClockRule, Election, ReferenceDataset, Region
from netra.reports import references
from netra.reports.forms import SubmissionForm

from .helpers import report_data

pytestmark = pytest.mark.django_db


def form(**overrides):
    return SubmissionForm(report_data(**overrides), {})


def test_a_second_form_reads_no_election_region_or_clock_rule(monkeypatch):
    monkeypatch.setattr(references, "RECHECK_SECONDS", 3600)
    assert form().is_valid()
    with CaptureQueriesContext(connection) as queries:
        checked = form()
        assert checked.is_valid(), checked.errors
        references.clock_rules(checked.cleaned_data["election"].kind)
    read = " ".join(q["sql"] for q in queries)
    for table in ("regions_election", "regions_region", "regions_clockrule", "regions_holiday"):
        assert table not in read


def test_an_election_saved_in_this_process_is_offered_at_once():
    assert form().is_valid()  # the cache is filled
    Election.objects.create(
        code="pilkada-ulang",
        kind="pilkada",
        name_id="Pilkada Ulang",
        name_en="Repeat Pilkada",
        voting_date=date(2025, 8, 27),
    ).regions.add(Region.objects.get(code="35.09"))
    checked = form(election="pilkada-ulang")
    assert checked.is_valid(), checked.errors
    assert references.latest_election().code == "pilkada-ulang"
    # ...and its regions are those it takes part in.
    assert not form(election="pilkada-ulang", region="15.71", district="").is_valid()


def test_a_change_written_by_another_process_is_seen_when_the_stamp_is_read_again(monkeypatch):
    assert form().is_valid()
    # Another process loads elections (bulk writes and updates send no signal here).
    Election.objects.bulk_create(
        [
            Election(
                code="pilkada-lain",
                kind="pilkada",
                name_id="Pilkada Lain",
                name_en="Other Pilkada",
                voting_date=date(2025, 9, 1),
                national=True,
            )
        ]
    )
    monkeypatch.setattr(references, "RECHECK_SECONDS", 3600)
    assert not form(election="pilkada-lain").is_valid()  # not looked again yet
    monkeypatch.setattr(references, "RECHECK_SECONDS", 0)
    assert form(election="pilkada-lain").is_valid()


def test_a_new_version_of_a_data_file_changes_the_clock_rule_in_use(monkeypatch):
    monkeypatch.setattr(references, "RECHECK_SECONDS", 0)
    kind = Election.objects.get(code="pilkada-2024").kind
    window = references.clock_rules(kind).report_window_days
    # As reference.py loads a new version: rows updated in bulk, the dataset marked loaded.
    ClockRule.objects.filter(kind=kind).update(report_window_days=window + 5)
    ReferenceDataset.objects.filter(name="elections").update(
        loaded_at=timezone.now() + timedelta(seconds=1)
    )
    assert references.clock_rules(kind).report_window_days == window + 5

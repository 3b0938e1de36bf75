"""The worker draws last month's report of each region with activity (the office that handles
a case that moved, and its province), stores it, and never draws one twice: each is claimed
by inserting its row first, so a second worker or a re-run does nothing; a claim left by a
worker that died is taken over after its lease; the report page serves the stored file."""

from datetime import timedelta
from unittest import mock

from django.core.files.storage import default_storage

from netra.regions.models import Election, Region
from netra.risk import report
from netra.risk.models import PeriodicReport

from .digest_data import at, case_fact

NOW = at(2026, 12, 7)  # the reports of November 2026


def _activity():
    election = Election.objects.get(code="pilkada-2024")
    case_fact(election, "35.09", at(2026, 11, 3))
    case_fact(election, "15.71", at(2026, 10, 1), registered_at=at(2026, 11, 30, 20))
    case_fact(election, "32.73", at(2026, 10, 1))  # nothing moved in November


def _made():
    return sorted(
        (r.region.code, str(r.start), str(r.end))
        for r in PeriodicReport.objects.exclude(made_at=None)
    )


def test_each_region_with_activity_gets_one_report_stored(db):
    _activity()
    assert report.make_monthly_reports(NOW) == 4
    assert _made() == [
        (code, "2026-11-01", "2026-11-30") for code in ("15", "15.71", "35", "35.09")
    ]
    stored = PeriodicReport.objects.get(region__code="35.09")
    assert stored.file.name.startswith("risk-reports/2026-11/")
    assert default_storage.open(stored.file.name).read().startswith(b"%PDF-")
    assert stored.size > 0
    assert report.make_monthly_reports(NOW + timedelta(hours=1)) == 0
    assert len(_made()) == 4


def test_a_second_worker_draws_nothing_the_first_has_claimed(db):
    _activity()
    real_make = report.make
    other = []

    def make_then_let_another_worker_run(*args, **kwargs):
        if not other:
            other.append(None)
            other[0] = report.make_monthly_reports(NOW)
        return real_make(*args, **kwargs)

    with mock.patch.object(report, "make", side_effect=make_then_let_another_worker_run) as made:
        first = report.make_monthly_reports(NOW)
    assert first + other[0] == 4
    assert made.call_count == 4  # each report drawn once
    assert PeriodicReport.objects.count() == 4


def test_a_claim_left_by_a_dead_worker_is_taken_over_after_its_lease(db):
    _activity()
    jember = Region.objects.get(code="35.09")
    start, end = report.last_month(NOW)
    assert report.claim(jember, start, end, NOW, "dead") is True
    assert report.make_monthly_reports(NOW) == 3  # the claimed one is left alone
    later = NOW + report.LEASE + timedelta(minutes=1)
    assert report.make_monthly_reports(later) == 1
    assert PeriodicReport.objects.get(region=jember).made_at is not None


def test_a_report_that_fails_is_recorded_and_the_others_are_made(db):
    _activity()
    real_make = report.make

    def fail_for_jember(region, *args, **kwargs):
        if region.code == "35.09":
            raise ValueError("font missing")
        return real_make(region, *args, **kwargs)

    with mock.patch.object(report, "make", side_effect=fail_for_jember):
        assert report.make_monthly_reports(NOW) == 3
    failed = PeriodicReport.objects.get(region__code="35.09")
    assert failed.made_at is None and "font missing" in failed.error


def test_the_report_page_serves_the_month_the_worker_drew(client_for, alice):
    _activity()
    report.make_monthly_reports(NOW)
    stored = PeriodicReport.objects.get(region__code="35.09")
    with mock.patch.object(report, "make", side_effect=AssertionError("drawn again")):
        response = client_for(alice).get(
            "/staf/risiko/35.09/laporan/?dari=2026-11-01&sampai=2026-11-30"
        )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body == default_storage.open(stored.file.name).read()


def test_a_run_stops_at_its_budget_and_the_next_goes_on(db):
    _activity()
    assert report.make_monthly_reports(NOW, budget=timedelta(0)) == 1
    assert report.make_monthly_reports(NOW, budget=timedelta(0)) == 1
    assert report.make_monthly_reports(NOW) == 2

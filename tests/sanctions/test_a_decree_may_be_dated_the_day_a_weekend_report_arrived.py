"""A report sent on a Sunday reaches Bawaslu that Sunday, although its legal clock starts on
Monday morning. The PPK's decree is checked against the day it arrived, not the clock start:
before, every decree dated the day of a weekend report was refused as "before the case"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from netra.cases import actions as case_actions
from netra.reports.models import Submission

from ..reports.helpers import file_report
from ..sanctions_helpers import impose, recommend

SUNDAY_NIGHT = datetime(2024, 11, 10, 21, 30, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_a_decree_dated_the_sunday_the_report_arrived_is_accepted(
    client, alice, gita, hadi, reference, walk_case
):
    file_report(client)
    Submission.objects.update(submitted_at=SUNDAY_NIGHT)
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    assert case.received_at.astimezone(SUNDAY_NIGHT.tzinfo).date().isoformat() == "2024-11-11"
    assert case.arrived_at == SUNDAY_NIGHT
    case = recommend(gita, walk_case(case, "bkn_verification", officer=alice, bkn=gita))
    case = impose(hadi, case, SUNDAY_NIGHT.date())
    assert case.state == "followed_up"


def test_the_case_page_shows_the_real_arrival_and_when_the_legal_clock_starts(
    client, client_for, alice, reference
):
    file_report(client)
    Submission.objects.update(submitted_at=SUNDAY_NIGHT)
    case = case_actions.open_case_from_submission(alice, Submission.objects.get())
    page = client_for(alice).get(f"/kasus/{case.pk}/").content.decode()
    assert "Minggu, 10 November 2024 21:30" in page
    assert "Senin, 11 November 2024 08:00" in page

"""When no decree comes: the case goes to "PPK overdue" and BKN records the next steps."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_bkn_sees_the_overdue_case_and_records_blocking_the_personnel_data(page, signed_in):
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from netra.cases import actions as case_actions
    from netra.cases.models import Case
    from netra.reports.models import Submission
    from netra.sanctions.actions import mark_ppk_overdue
    from netra.sanctions.models import FollowUpStep, Recommendation

    from ..reports.helpers import file_report
    from ..sanctions_helpers import recommend

    bkn_user = signed_in("gita", "bkn", [])
    file_report(Client())
    from netra.accounts.models import User

    officer = User.objects.create_user("alice", role="bawaslu_regency")
    case = case_actions.open_case_from_submission(officer, Submission.objects.get())
    for target, actor in [
        ("initial_study", officer),
        ("registered", officer),
        ("study", officer),
        ("decided_other_law", officer),
        ("forwarded", officer),
        ("bkn_verification", bkn_user),
    ]:
        case = case_actions.transition(actor, case, target, version=case.version)
    case = recommend(bkn_user, case)
    # The PPK's period passes with no decree.
    past = timezone.now() - timedelta(days=1)
    Case.objects.filter(pk=case.pk).update(due_at=past)
    Recommendation.objects.filter(case=case).update(due_at=past)
    assert mark_ppk_overdue() == 1

    page.goto(page.base + "/sanksi/kepatuhan/")
    assert "Ahmad Fauzi" in page.locator("#overdue").inner_text()
    page.get_by_role("link", name=str(case)).click()
    page.locator("#case-state").wait_for()
    assert page.locator("#case-state").inner_text() == "PPK melewati batas waktu"
    step = FollowUpStep.objects.get(kind="block_personnel_data")
    page.get_by_label("Nomor surat atau catatan").first.fill("Surat BKN 77/2024")
    page.locator(f"form[action='/tindak-lanjut/{step.pk}/'] button").click()
    page.locator("#sanctions").get_by_text("Surat BKN 77/2024").wait_for()
    step.refresh_from_db()
    assert step.taken_at is not None

from datetime import timedelta

from django.core import mail

from netra.sanctions import actions
from netra.sanctions.models import FollowUpStep

from ..sanctions_helpers import recommend


def test_a_missed_period_proposes_next_steps_and_tells_bkn(
    client_for, gita, hadi, under_verification, django_capture_on_commit_callbacks
):
    gita.email = "gita@bkn.go.id"
    gita.save()
    case = recommend(gita, under_verification)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.mark_ppk_overdue(now=case.due_at + timedelta(minutes=1)) == 1
    case.refresh_from_db()
    assert case.state == "ppk_overdue"
    assert sorted(FollowUpStep.objects.values_list("kind", flat=True)) == [
        "block_personnel_data",
        "warn_ppk",
    ]
    assert mail.outbox[0].to == ["gita@bkn.go.id"]
    assert str(case) in mail.outbox[0].subject

    bkn = client_for(gita)
    page = bkn.get(f"/kasus/{case.pk}/").content.decode()
    assert "Pemblokiran data kepegawaian pegawai (SIASN)" in page
    step = FollowUpStep.objects.get(kind="block_personnel_data")
    bkn.post(f"/tindak-lanjut/{step.pk}/", {"note": "Surat BKN 1234/2024"})
    step.refresh_from_db()
    assert step.taken_by == gita and step.note == "Surat BKN 1234/2024"
    assert case.events.filter(kind="next_step_taken").exists()
    # The PPK cannot record BKN's steps.
    assert client_for(hadi).post(f"/tindak-lanjut/{step.pk}/").status_code == 404

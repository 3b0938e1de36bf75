"""A district supervisor (Panwascam) only reads a report once it is in the regency or city
office's hands (handed over by the district, or registered as a case): she may no longer
study, ask or hand it over (access.may_act_on_report). A transferred regency officer's such
reports must then not be offered to, nor moved to, the district's supervisor, who could do
nothing with them: they would sit assigned to someone who may not work them."""

import pytest
from django.test import Client
from django.utils import timezone

from netra.cases import transfer
from netra.lib.refusals import Refused
from netra.reports.models import Submission

from ..reports.helpers import file_report


def _report_handed_over_to(officer, district="35.09.27"):
    file_report(Client(), district=district)
    report = Submission.objects.get()
    Submission.objects.filter(pk=report.pk).update(
        handed_over_at=timezone.now(), assigned_to=officer
    )
    return report


def test_the_district_supervisor_is_not_offered_a_report_the_regency_office_holds(
    client_for, admin, alice, bob, wulan
):
    _report_handed_over_to(alice)
    page = client_for(admin).get(f"/akun/pengguna/{alice.pk}/mutasi/")
    assert page.status_code == 200
    offered = {u.username for u in page.context["successors"]}
    assert "bob" in offered
    assert "wulan" not in offered


def test_posting_the_district_supervisor_for_it_is_refused_and_nothing_moves(
    client_for, admin, alice, wulan
):
    report = _report_handed_over_to(alice)
    refused = client_for(admin).post(
        f"/akun/pengguna/{alice.pk}/mutasi/",
        {"do": "deactivate", "successor": wulan.pk, "reason": "Mutasi ke Surabaya"},
    )
    assert refused.status_code == 200
    report.refresh_from_db()
    alice.refresh_from_db()
    assert report.assigned_to == alice and alice.is_active


def test_the_move_itself_refuses_her_whatever_the_form_offered(alice, admin, wulan):
    report = _report_handed_over_to(alice)
    with pytest.raises(Refused):
        transfer.reassign_open_work(admin, alice, wulan, reason="Mutasi")
    report.refresh_from_db()
    assert report.assigned_to == alice

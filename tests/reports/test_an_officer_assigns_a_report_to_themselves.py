"""An officer who handles a report takes it on ("Assign to me"): the report is assigned to
them (audited) and the page names them; a reader, or an officer outside its region, cannot;
the district supervisor studies its reports without being assigned them."""

from netra.audit.models import AuditEntry
from netra.reports.models import Submission

from .helpers import file_report


def test_an_officer_takes_a_report_and_a_colleague_takes_it_over(client_for, client, alice, bob):
    file_report(client)
    submission = Submission.objects.get()
    page = client_for(alice).get(f"/laporan/{submission.pk}/").content.decode()
    assert f"/laporan/{submission.pk}/ambil/" in page
    response = client_for(alice).post(f"/laporan/{submission.pk}/ambil/", follow=True)
    assert "Laporan ini kini ditangani oleh Anda." in response.content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to == alice
    assert f"/laporan/{submission.pk}/ambil/" not in response.content.decode()
    client_for(bob).post(f"/laporan/{submission.pk}/ambil/")
    submission.refresh_from_db()
    assert submission.assigned_to == bob
    entries = AuditEntry.objects.filter(action="report.assigned").order_by("id")
    assert [(e.actor.username, e.data) for e in entries] == [
        ("alice", {"from": None, "to": alice.pk}),
        ("bob", {"from": alice.pk, "to": bob.pk}),
    ]


def test_readers_strangers_and_the_district_supervisor_cannot_take_it(
    client_for, client, make_user, charlie, wulan
):
    file_report(client, district="35.09.27")
    submission = Submission.objects.get()
    auditor = make_user("indah", "auditor", ["35.09"])
    for user in (auditor, charlie, wulan):
        assert client_for(user).post(f"/laporan/{submission.pk}/ambil/").status_code == 404
    assert "/ambil/" not in client_for(wulan).get(f"/laporan/{submission.pk}/").content.decode()
    submission.refresh_from_db()
    assert submission.assigned_to is None
    assert not AuditEntry.objects.filter(action="report.assigned").exists()

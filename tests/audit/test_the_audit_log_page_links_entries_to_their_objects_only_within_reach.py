"""Each entry links to its object (case, report, employee, account...) only where the viewer
may open that object's page: never a link that answers 404. A regional auditor reads the
entries of its own regions only."""

from django.urls import reverse
from django.utils import timezone

from netra.audit.log import record
from netra.cases.models import Case
from netra.prevention.models import Event

from ..web.dashboard_cases import make_case, make_report


def links(response):
    return {(row["entry"].action, row["link"]) for row in response.context["rows"]}


def test_an_auditor_gets_links_to_what_it_may_open_in_its_region(
    client_for, make_user, region, admin, employee_factory
):
    auditor = make_user("indah", "auditor", ["35.09"])
    jember, jambi = region("35.09"), region("15.71")
    case = make_case("study")
    report = make_report()
    employee = employee_factory("Siti Aminah", "199003152015032002")
    elsewhere = make_case("study", code="15.71")
    event = Event.objects.create(
        region=jember,
        title="Sosialisasi netralitas",
        kind="outreach",
        mode="in_person",
        starts_at=timezone.now(),
        organiser="Bawaslu Jember",
        created_by=admin,
    )
    record(admin, "prevention.event", event, region=jember)
    record(admin, "case.transition", case, region=jember)
    record(None, "report.submitted", report, region=jember)
    record(admin, "roster.imported", employee, region=jember)
    # An entry of Jember naming a case of Kota Jambi (a merge, say): shown, but not linked.
    record(admin, "case.merged", elsewhere, region=jember)
    record(admin, "case.transition", elsewhere, region=jambi)  # Kota Jambi's: not shown
    record(admin, "account.updated", auditor)  # no region: the administrators' business

    viewer = client_for(auditor)
    response = viewer.get(reverse("web:audit_log"))
    assert links(response) == {
        ("case.transition", f"/kasus/{case.pk}/"),
        ("report.submitted", f"/laporan/{report.pk}/"),
        ("roster.imported", f"/pegawai/{employee.pk}/"),
        ("prevention.event", f"/pencegahan/kegiatan/{event.pk}/"),
        ("case.merged", None),
    }
    for _action, link in links(response):
        if link:
            assert viewer.get(link).status_code == 200, link


def test_an_administrator_reads_every_entry_and_opens_accounts_and_cases_anywhere(
    client_for, admin, alice, region
):
    elsewhere = make_case("study", code="15.71")
    record(admin, "case.transition", elsewhere, region=region("15.71"))
    record(admin, "account.updated", alice)
    record(None, "case.transition", target=None)  # no object at all
    viewer = client_for(admin)
    response = viewer.get(reverse("web:audit_log"))
    assert links(response) == {
        ("case.transition", f"/kasus/{elsewhere.pk}/"),
        ("account.updated", f"/akun/pengguna/{alice.pk}/"),
        ("case.transition", None),
    }
    for _action, link in links(response):
        if link:
            assert viewer.get(link).status_code == 200, link


def test_an_object_deleted_since_is_named_but_not_linked(client_for, admin, region):
    case = make_case("study")
    record(admin, "case.transition", case, region=region("35.09"))
    Case.objects.filter(pk=case.pk).delete()
    response = client_for(admin).get(reverse("web:audit_log"))
    assert links(response) == {("case.transition", None)}
    assert f"Kasus {case.pk}" in response.content.decode()

"""The queue page lists only the sources (and their errors) and the known accounts of the
caller's reach; a known account names an employee only in the region that recorded it."""

from netra.monitoring import actions
from netra.monitoring.inputs import Item
from netra.monitoring.models import AuthorHandle, Flag, Source

PARTISAN = "Like dan share akun Bambang Sari ya, coblos nomor urut 2"


def test_it_lists_only_the_sources_and_errors_of_the_callers_reach(
    client_for, alice, charlie, region
):
    Source.objects.create(name="Patroli Jember", kind="api", region=region("35.09"))
    Source.objects.create(
        name="Berita Jambi",
        kind="feed",
        url="https://jambi.test/rss",
        region=region("15.71"),
        last_error="bad_feed",
    )
    jember_page = client_for(alice).get("/pemantauan/").content.decode()
    assert "Patroli Jember" in jember_page
    assert "Berita Jambi" not in jember_page and "RSS atau Atom yang terbaca" not in jember_page
    jambi_page = client_for(charlie).get("/pemantauan/").content.decode()
    assert "Berita Jambi" in jambi_page and "RSS atau Atom yang terbaca" in jambi_page
    assert "Patroli Jember" not in jambi_page


def test_a_known_account_names_its_employee_only_in_the_region_that_recorded_it(
    client_for, alice, charlie, region, employee_factory
):
    siti = employee_factory("Siti Aminah", nip="198001012005012002")
    actions.add_handle(alice, region=region("35.09"), handle="@SitiGuru", employee=siti)
    jambi = Source.objects.create(name="Patroli", kind="api", region=region("15.71"))
    actions.ingest(jambi, [Item("j1", "", "", "@sitiguru", None, PARTISAN)])
    assert Flag.objects.get(region__code="15.71").employee is None
    jember = Source.objects.create(name="Patroli", kind="api", region=region("35.09"))
    actions.ingest(jember, [Item("e1", "", "", "@sitiguru", None, PARTISAN + "!")])
    assert Flag.objects.get(region__code="35.09").employee == siti
    assert "@sitiguru · Siti Aminah" in client_for(alice).get("/pemantauan/").content.decode()
    assert "Siti Aminah" not in client_for(charlie).get("/pemantauan/").content.decode()


def test_recording_an_account_in_one_region_leaves_the_others_flags_and_accounts_alone(
    client_for, alice, charlie, region, employee_factory
):
    jambi_employee = employee_factory("Rudi Hartono", nip="198502022010011003", code="15.71")
    jambi = Source.objects.create(name="Patroli", kind="api", region=region("15.71"))
    actions.ingest(jambi, [Item("j1", "", "", "@guru", None, PARTISAN)])
    siti = employee_factory("Siti Aminah", nip="198001012005012002")
    client_for(alice).post("/pemantauan/akun/", {"handle": "guru", "nip": "198001012005012002"})
    assert Flag.objects.get().employee is None  # a Jambi post is not Jember's to name
    client_for(charlie).post("/pemantauan/akun/", {"handle": "guru", "nip": "198502022010011003"})
    assert sorted(AuthorHandle.objects.values_list("region__code", "employee")) == [
        ("15.71", jambi_employee.pk),
        ("35.09", siti.pk),
    ]
    assert Flag.objects.get().employee == jambi_employee

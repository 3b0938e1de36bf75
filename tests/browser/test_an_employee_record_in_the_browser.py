"""An officer opens an employee's page from the roster, at 390 px and 1366 px: the roster
entry, then the cases naming the employee, BKN's recommendations, the PPK's decisions, the
outreach attended and the pledges, each with its count and links; nothing scrolls sideways."""

import pytest
from django.utils import timezone

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def a_record(officer):
    from netra.accounts.models import User
    from netra.cases import actions
    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Agency, Employee
    from netra.prevention import actions as prevention
    from netra.prevention.models import Attendance, Pledge
    from netra.regions.models import Election, Region

    jember = Region.objects.get(code="35.09")
    agency = Agency.objects.create(region=jember, name="Dinas Pendidikan", name_key="dinas pend")
    ahmad = Employee.objects.create(
        nip="198501012010011001",
        name="Ahmad Fauzi Wicaksono Pranoto Hadiningrat",  # a long name must wrap, not widen
        name_key=name_key("Ahmad Fauzi"),
        name_phonetic=phonetic_index("Ahmad Fauzi"),
        employment_type="pns",
        agency=agency,
        region=jember,
        updated_at=timezone.now(),
    )
    election = Election.objects.get(code="pilkada-2024")
    for summary in ("Foto dua jari.", "Unggahan dukungan."):
        case = actions.open_finding(officer, election=election, region=jember, summary=summary)
        actions.add_respondent(officer, case, version=case.version, employee=ahmad)
    bkpsdm = User.objects.create_user("bkd", password="x" * 20, role="bkpsdm")
    bkpsdm.regions.set([jember])
    event = prevention.add_event(
        bkpsdm,
        region=jember,
        title="Sosialisasi Netralitas ASN Kecamatan Sumbersari dan Patrang bersama Bawaslu",
        kind="outreach",
        mode="in_person",
        organiser="BKPSDM Kabupaten Jember",
        audience=["asn"],
        starts_at=timezone.now() - timezone.timedelta(days=3),
    )
    Attendance.objects.create(event=event, name=ahmad.name, status="matched", employee=ahmad)
    Pledge.objects.create(employee=ahmad, method="online", reference="IKR-2024-000123")
    return ahmad


@pytest.mark.parametrize("width", [390, 1366])
def test_an_officer_reads_an_employees_record(page, signed_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    officer = signed_in("alice", "bawaslu_regency", ["35.09"])
    ahmad = a_record(officer)
    page.goto(page.base + "/pegawai/")
    page.get_by_role("link", name=ahmad.name).click()
    page.get_by_role("heading", name=ahmad.name).wait_for()
    for heading in (
        "Kasus yang menyebut pegawai ini (2)",
        "Rekomendasi BKN (0)",
        "Keputusan PPK (0)",
        "Kegiatan yang dihadiri (1)",
        "Ikrar netralitas (1)",
    ):
        assert page.get_by_role("heading", name=heading).is_visible(), heading
    cases = page.locator("#record-cases")
    assert cases.get_by_role("link").count() == 2
    assert page.locator("#record-pledges").get_by_text("IKR-2024-000123").is_visible()
    width_now = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width_now
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"employee-record-{width}.png"), full_page=True)
    page.locator("#record-attendance").get_by_role("link").click()
    page.get_by_role("heading", name="Sosialisasi Netralitas ASN", exact=False).first.wait_for()

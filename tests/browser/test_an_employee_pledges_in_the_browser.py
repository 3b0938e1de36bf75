"""An employee makes the neutrality pledge on a phone, confirming it with the e-mailed code."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_employee_completes_an_e_pledge(page):
    from django.core import mail
    from django.utils import timezone

    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Agency, Employee
    from netra.prevention.models import Pledge
    from netra.regions.models import Region
    from netra.regions.reference import load_reference_data

    load_reference_data()
    jember = Region.objects.get(code="35.09")
    agency = Agency.objects.create(
        name="Dinas Pendidikan", name_key="dinas pendidikan", region=jember
    )
    Employee.objects.create(
        nip="199001012015032005",
        name="Rina Kartika, S.Pd",
        name_key=name_key("Rina Kartika"),
        name_phonetic=phonetic_index("Rina Kartika"),
        employment_type="pns",
        agency=agency,
        region=jember,
        email="rina@jemberkab.go.id",
        updated_at=timezone.now(),
    )
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(page.base + "/wilayah/35.09/")
    page.get_by_role("link", name="Berikrar secara daring").click()
    page.get_by_label("NIP").fill("199001012015032005")
    page.get_by_role("button", name="Kirim kode").click()
    page.get_by_text("Jika NIP ini ada di daftar pegawai dengan alamat e-mail").wait_for()
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    page.get_by_label("Kode dari e-mail").fill(code)
    page.get_by_label("Saya berikrar menjaga netralitas dalam pemilihan ini.").check()
    page.get_by_role("button", name="Konfirmasi ikrar saya").click()
    confirmation = page.locator("#pledge-confirmation")
    confirmation.wait_for()
    pledge = Pledge.objects.get()
    assert pledge.reference in confirmation.inner_text()
    assert "Rina Kartika, S.Pd berikrar menjaga netralitas" in confirmation.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

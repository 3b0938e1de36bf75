import pytest
from PIL import Image

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(
        locale="id-ID",
        viewport={"width": 375, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reporter-on-a-phone.png"), full_page=True)
    context.close()


def test_a_reporter_files_a_report_with_a_photo_and_checks_its_status(phone, tmp_path):
    from netra.regions.reference import load_reference_data
    from netra.reports.models import Submission

    load_reference_data()
    photo = tmp_path / "bukti.jpg"
    Image.new("RGB", (120, 90), (200, 50, 50)).save(photo, format="JPEG")

    page = phone
    page.goto(page.base + "/lapor/")
    page.get_by_label("Apa yang terjadi?").fill(
        "Seorang guru ASN membagikan ajakan memilih calon nomor 2 di grup WhatsApp sekolah."
    )
    page.get_by_label("Kapan terjadinya?").fill("2024-11-20")
    page.get_by_label("Kapan Anda mengetahuinya?").fill("2024-11-21")
    # The region picker: typed, then chosen from its list.
    page.get_by_label("Kabupaten/kota tempat kejadian").fill("jember")
    page.get_by_role("option", name="Kabupaten Jember — Jawa Timur (35.09)").click()
    page.locator("#id_district option", has_text="Ajung").wait_for(state="attached")
    page.get_by_role("combobox", name="Kecamatan").fill("ajung")
    page.get_by_role("option", name="Ajung", exact=True).click()
    page.get_by_label("Nama ASN").fill("Budi Santoso")
    page.locator("#id_evidence").set_input_files(str(photo))
    page.get_by_label("Saya ingin tetap anonim").check()
    # The page's own requests (the name suggestions, the districts) end first: the test
    # database is SQLite in memory, where a second writer fails at once instead of waiting.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Kirim laporan").click()

    page.get_by_role("heading", name="Laporan Anda telah diterima").wait_for()
    code = page.locator("#receipt-code").inner_text()
    assert len(code.replace(" ", "")) == 20
    submission = Submission.objects.get()
    assert submission.kind == "information" and submission.district.name == "Ajung"
    assert submission.evidence.count() == 1

    page.get_by_role("link", name="Periksa status").click()
    page.get_by_label("Kode tanda terima").fill(code)
    page.get_by_role("button", name="Periksa").click()
    assert page.locator("#report-status").inner_text() == "Diterima Bawaslu"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

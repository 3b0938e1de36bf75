"""A district supervisor's day, at a desk and on a phone: she signs in, opens her queue (only her
district's report is in it), studies the report, hands it over to the regency office, and can
no longer act on it; the regency officer then sees it marked as handed over, with the study,
in the queue and on its page. Every link on her pages answers."""

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

STUDY = "Syarat formal dan materiel terpenuhi; saksi dua perangkat desa Kalisat."


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def links_answer(page):
    """Every link of this site on the page answers (the reporter's own links lead elsewhere)."""
    for href in page.eval_on_selector_all("a[href]", "e => e.map(a => a.href)"):
        if href.startswith(page.base) and "/i18n/" not in href and "/akun/keluar/" not in href:
            assert page.request.get(href).status < 400, href


@pytest.mark.parametrize("width", [1366, 390])
def test_a_district_supervisor_studies_and_hands_over_and_the_regency_officer_sees_it(
    page, signed_in, width
):
    from django.test import Client

    from netra.regions.reference import load_reference_data
    from netra.reports.models import Submission

    from ..reports.helpers import file_report

    load_reference_data()
    reporter = Client()
    file_report(reporter, district="35.09.27", person_name="Sugeng Peramban")
    file_report(reporter, district="35.09.01", person_name="Joni Peramban")
    page.set_viewport_size({"width": width, "height": 900})
    ARTIFACTS.mkdir(exist_ok=True)

    signed_in(f"wulan{width}", "panwascam", ["35.09.27"])
    nav = page.get_by_role("navigation", name="Menu utama").inner_text()
    assert "Laporan" in nav and "Kasus" not in nav and "Daftar pegawai" not in nav
    links_answer(page)
    page.get_by_role("link", name="Laporan", exact=True).click()
    queue = page.locator("main").inner_text()
    assert "Sugeng Peramban" in queue and "Joni Peramban" not in queue
    fits(page, width)
    page.screenshot(path=str(ARTIFACTS / f"panwascam-queue-{width}.png"), full_page=True)
    page.locator("table tbody tr", has_text="Sugeng Peramban").locator("a").first.click()

    page.get_by_label("Kajian Anda: syarat formal dan materiel, serta temuan Anda").fill(STUDY)
    page.get_by_role("button", name="Simpan kajian").click()
    page.get_by_text("Kajian Anda telah disimpan.").wait_for()
    assert "Buka kasus" not in page.locator("main").inner_text()
    fits(page, width)
    page.screenshot(path=str(ARTIFACTS / f"panwascam-studied-{width}.png"), full_page=True)
    page.get_by_role("button", name="Serahkan ke Bawaslu Kabupaten/Kota").click()
    page.get_by_text("Laporan telah diserahkan ke Bawaslu Kabupaten/Kota.").wait_for()
    text = page.locator("main").inner_text()
    assert "Diserahkan oleh kecamatan" in text and STUDY in text
    assert page.get_by_role("button", name="Serahkan ke Bawaslu Kabupaten/Kota").count() == 0
    assert page.get_by_role("button", name="Simpan kajian").count() == 0
    links_answer(page)
    fits(page, width)
    page.screenshot(path=str(ARTIFACTS / f"panwascam-handed-over-{width}.png"), full_page=True)
    handed = Submission.objects.get(persons__name="Sugeng Peramban")
    assert handed.handed_over_by.username == f"wulan{width}"

    page.context.clear_cookies()
    signed_in(f"alice{width}", "bawaslu_regency", ["35.09"])
    page.get_by_role("link", name="Laporan", exact=True).click()
    row = page.locator("table tbody tr", has_text="Sugeng Peramban")
    assert "diserahkan oleh kecamatan" in row.inner_text()
    other = page.locator("table tbody tr", has_text="Joni Peramban")
    assert "diserahkan oleh kecamatan" not in other.inner_text()
    fits(page, width)
    page.screenshot(path=str(ARTIFACTS / f"regency-sees-handed-over-{width}.png"), full_page=True)
    row.locator("a").first.click()
    text = page.locator("main").inner_text()
    assert "Diserahkan oleh kecamatan" in text and STUDY in text and f"Wulan{width}" in text
    assert page.get_by_role("button", name="Buka kasus").count() == 1
    fits(page, width)

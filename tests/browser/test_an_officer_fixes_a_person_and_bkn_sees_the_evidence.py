"""The case handlers' first week, at a desk and on a phone: the officer finds that the
reported person was typed with a slip, links the roster entry instead, and forwards the case;
BKN sees the reporter's photo (thumbnail and SHA-256, never the reporter) and recommends.
Before, the phantom person went into the letter and BKN saw a "laporan #1" link that 404ed."""

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def take_step(page, label):
    option = page.locator("#target option", has_text=label).first.inner_text()
    page.get_by_label("Tahap", exact=True).select_option(label=option)
    page.get_by_role("button", name="Catat tahap").click()
    page.locator("#case-state").wait_for()


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1366, 390])
def test_an_officer_fixes_the_person_forwards_and_bkn_sees_the_evidence_and_recommends(
    page, signed_in, employee_factory, width
):
    from django.test import Client

    from netra.cases.models import Case
    from netra.regions.reference import load_reference_data

    from ..reports.helpers import file_report, photo_with_gps

    load_reference_data()
    real = employee_factory("Ahmad Fauzi Rahman", "198501012010011001", agency="Dinas Pendidikan")
    reporter = Client()
    file_report(reporter, files=[photo_with_gps()], person_name="Ahmad Fauzy", person_nip="")
    page.set_viewport_size({"width": width, "height": 900})

    signed_in(f"alice{width}", "bawaslu_regency", ["35.09"])
    page.get_by_role("link", name="Laporan", exact=True).click()
    page.locator("table tbody tr a").first.click()
    page.get_by_role("button", name="Buka kasus").click()
    page.locator("#case-state").wait_for()
    case_url = page.url

    page.get_by_text("Koreksi atau hapus").first.click()
    page.get_by_label("Cari di daftar pegawai menurut nama").first.fill("Ahmad Fauzi")
    page.get_by_role("button", name="Cari", exact=True).first.click()
    page.get_by_role("button", name="Tautkan ke pegawai ini").first.click()
    page.locator("#respondents").wait_for()
    people = page.locator("#respondents").inner_text()
    assert "Ahmad Fauzi Rahman" in people and "198501012010011001" in people
    assert "Ahmad Fauzy" not in people
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"officer-fixed-person-{width}.png"), full_page=True)
    fits(page, width)

    for label in ["Kajian awal", "Diregistrasi", "Kajian", "pelanggaran hukum lainnya"]:
        take_step(page, label)
    take_step(page, "Diteruskan")
    assert Case.objects.get().respondents.get().employee_id == real.pk

    page.context.clear_cookies()
    signed_in(f"gita{width}", "bkn", [])
    page.goto(case_url)
    page.locator("#case-state").wait_for()
    evidence = page.locator("#evidence")
    evidence.wait_for()
    assert "SHA-256" in evidence.inner_text()
    thumbnail = evidence.locator("img").first
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth > 0")
    text = page.locator("main").inner_text()
    assert "Sri Wahyuningsih" not in text and "3509014501900002" not in text
    for href in page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)"):
        assert page.request.get(href).status < 400, href
    page.screenshot(path=str(ARTIFACTS / f"bkn-sees-evidence-{width}.png"), full_page=True)
    fits(page, width)

    take_step(page, "Verifikasi BKN")
    page.get_by_label("Hasil verifikasi").fill("Terbukti dari foto laporan.")
    page.get_by_label("Perbuatan yang terbukti 1").select_option(
        label="Mengunggah foto bersama calon dengan gestur berpihak"
    )
    page.get_by_label("Tanggal perbuatan 1").fill("2024-10-05")
    page.get_by_role("button", name="Lihat usulan").click()
    page.locator(".proposal").wait_for()
    page.get_by_label("Penurunan jabatan setingkat lebih rendah selama 12 bulan").check()
    page.get_by_role("button", name="Terbitkan rekomendasi").click()
    page.locator("#case-state").wait_for()
    assert page.locator("#case-state").inner_text() == "Rekomendasi sanksi"

"""The issue's "done when" in a real browser: Bawaslu, BKN and the PPK each take their part,
letters are generated, and the reporter sees the outcome through the receipt."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

SIGNED_DECREE = b"%PDF-1.4\n% keputusan bupati\n%%EOF\n"


def take_step(page, label):
    option = page.locator("#target option", has_text=label).first.inner_text()
    page.get_by_label("Tahap", exact=True).select_option(label=option)
    page.get_by_role("button", name="Catat tahap").click()
    page.locator("#case-state").wait_for()


def as_user(page, signed_in, username, role, codes, case_url):
    page.context.clear_cookies()
    signed_in(username, role, codes)
    page.goto(case_url)
    page.locator("#case-state").wait_for()


def test_a_report_is_taken_to_a_closed_case_by_bawaslu_bkn_and_the_ppk(page, signed_in):
    from django.test import Client

    from netra.cases.models import Case
    from netra.regions.reference import load_reference_data

    from ..reports.helpers import file_report, receipt_from

    load_reference_data()  # an earlier browser test may have emptied the database
    reporter = Client()
    receipt = receipt_from(reporter, file_report(reporter))

    signed_in("alice", "bawaslu_regency", ["35.09"])
    page.get_by_role("link", name="Laporan", exact=True).click()
    page.locator("table tbody tr a").first.click()
    page.get_by_role("button", name="Buka kasus").click()
    page.locator("#case-state").wait_for()
    case_url = page.url
    assert "Ahmad Fauzi" in page.locator("#respondents").inner_text()
    for label in [
        "Kajian awal",
        "Diregistrasi",
        "Kajian",
        "pelanggaran hukum lainnya",
        "Diteruskan",
    ]:
        take_step(page, label)
    page.get_by_text("Buat surat").click()
    page.locator("#letter_kind").select_option(label="Surat penerusan ke BKN")
    page.get_by_role("button", name="Buat PDF").click()
    page.get_by_role("link", name="Surat penerusan ke BKN").wait_for()

    as_user(page, signed_in, "gita", "bkn", [], case_url)
    take_step(page, "Verifikasi BKN")
    page.get_by_label("Hasil verifikasi").fill("Terbukti dari tangkapan layar dan klarifikasi.")
    page.get_by_label("Perbuatan yang terbukti 1").select_option(
        label="Mengunggah foto bersama calon dengan gestur berpihak"
    )
    page.get_by_label("Tanggal perbuatan 1").fill("2024-10-05")
    page.get_by_role("button", name="Lihat usulan").click()
    proposal = page.locator(".proposal")
    proposal.wait_for()
    assert "DIS-07" in proposal.inner_text()  # after the candidates were determined: berat
    page.get_by_label("Penurunan jabatan setingkat lebih rendah selama 12 bulan").check()
    page.get_by_role("button", name="Terbitkan rekomendasi").click()
    page.locator("#case-state").wait_for()
    assert page.locator("#case-state").inner_text() == "Rekomendasi sanksi"

    as_user(page, signed_in, "hadi", "ppk", ["35.09"], case_url)
    page.get_by_text("Catat keputusan PPK").click()
    page.get_by_label("Nomor keputusan").fill("800/123/35.09/2024")
    from django.utils import timezone

    page.get_by_label("Tanggal keputusan").fill(str(timezone.localdate()))
    page.get_by_label("Hukuman dalam keputusan").fill("Pemotongan tunjangan kinerja 25%")
    page.get_by_label("Keputusan (PDF)").set_input_files(
        files=[{"name": "sk.pdf", "mimeType": "application/pdf", "buffer": SIGNED_DECREE}]
    )
    page.get_by_role("button", name="Catat", exact=True).click()
    page.locator("#case-state").wait_for()
    assert page.locator("#case-state").inner_text() == "Ditindaklanjuti PPK"
    assert "800/123/35.09/2024" in page.locator("#sanctions").inner_text()

    as_user(page, signed_in, "gita2", "bkn", [], case_url)
    take_step(page, "Ditutup")
    assert page.locator("#case-state").inner_text() == "Ditutup"
    case = Case.objects.get()
    assert case.state == "closed"
    assert sorted(case.documents.values_list("kind", flat=True)) == [
        "forwarding_letter",
        "recommendation_letter",
    ]
    assert case.recommendations.get().decree.sha256

    page.context.clear_cookies()
    page.goto(page.base + "/lapor/status/")
    page.get_by_label("Kode tanda terima").fill(receipt)
    page.get_by_role("button", name="Periksa").click()
    assert page.locator("#report-status").inner_text() == "Ditutup"

"""The reporter's first week, at a desk and on a phone: a report with a photo, a form error
that keeps the photo, a receipt that survives a reload and a change of language, a question
by e-mail, an answer, and at last "closed" with the outcome. Each of these broke before: the
photo was lost with the error, the code with the language, and the reporter heard nothing."""

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=[(1366, 900), (390, 844)], ids=["desktop", "phone"])
def reporter(chromium, live_server, request):
    width, height = request.param
    context = chromium.new_context(
        locale="id-ID",
        viewport={"width": width, "height": height},
        is_mobile=width < 500,
        has_touch=width < 500,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    page.width = width
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reporter-week-{width}.png"), full_page=True)
    context.close()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"reporter-week-{page.width}-{name}.png"), full_page=True)


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width


def test_a_reporter_keeps_the_code_and_the_photo_and_hears_back_until_closed(
    reporter, tmp_path, alice, gita, hadi, walk_case
):
    from netra.cases import actions as case_actions
    from netra.regions.reference import load_reference_data
    from netra.reports import actions as report_actions
    from netra.reports.models import Submission

    from ..sanctions_helpers import impose, recommend

    load_reference_data()
    photo = tmp_path / "bukti.jpg"
    Image.new("RGB", (120, 90), (200, 50, 50)).save(photo, format="JPEG")
    page = reporter
    today = timezone.localdate()

    page.goto(page.base + "/lapor/")
    page.get_by_label("Apa yang terjadi?").fill(
        "Kepala dinas mengunggah foto bersama calon bupati dengan pose dua jari."
    )
    page.get_by_label("Kapan terjadinya?").fill(str(today))
    page.get_by_label("Kapan Anda mengetahuinya?").fill(str(today.replace(year=today.year - 1)))
    # The region picker: typed, then chosen from its list.
    page.get_by_label("Kabupaten/kota tempat kejadian").fill("jember")
    page.get_by_role("option", name="Kabupaten Jember — Jawa Timur (35.09)").click()
    page.get_by_label("Nama ASN").fill("Ahmad Fauzi")
    page.locator("#id_evidence").set_input_files(str(photo))
    page.locator("#id_reporter_name").fill("Sri Wahyuningsih")
    page.locator("#id_reporter_address").fill("Jl. Kenanga 5, Jember")
    page.locator("#id_reporter_nik").fill("3509014501900002")
    page.locator("#id_reporter_phone").fill("081234567890")
    page.locator("#id_reporter_email").fill("sri@contoh.id")
    # The page's own requests (the name suggestions, the districts) end first: the test
    # database is SQLite in memory, where a second writer fails at once instead of waiting.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Kirim laporan").click()

    # The dates contradict each other: the page says so, and the photo is kept.
    page.locator(".error").first.wait_for()
    page.locator("#kept-evidence").wait_for()
    shot(page, "1-form-error")
    fits(page)
    assert page.locator("#id_description").input_value().startswith("Kepala dinas")
    page.get_by_label("Kapan Anda mengetahuinya?").fill(str(today))
    # The page's own requests (the name suggestions, the districts) end first: the test
    # database is SQLite in memory, where a second writer fails at once instead of waiting.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Kirim laporan").click()

    page.get_by_role("heading", name="Laporan Anda telah diterima").wait_for()
    code = page.locator("#receipt-code").inner_text()
    submission = Submission.objects.get()
    assert submission.evidence.count() == 1
    page.reload()
    assert page.locator("#receipt-code").inner_text() == code
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Your submission has been received").wait_for()
    assert page.locator("#receipt-code").inner_text() == code
    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.get_by_role("heading", name="Laporan Anda telah diterima").wait_for()
    assert page.locator("#receipt-code").inner_text() == code
    assert page.get_by_role("button", name="Salin kode").is_visible()
    assert page.get_by_role("button", name="Cetak").is_visible()
    shot(page, "2-receipt")
    fits(page)

    # An officer asks; the reporter hears of it by e-mail, without any detail.
    mail.outbox.clear()
    report_actions.ask_reporter(alice, submission, "Kapan tepatnya foto itu diunggah?")
    (news,) = [m for m in mail.outbox if m.to == ["sri@contoh.id"]]
    assert "/lapor/status/" in news.body and "foto" not in news.body

    page.goto(page.base + "/lapor/status/")
    page.get_by_label("Kode tanda terima").fill(code)
    page.get_by_role("button", name="Periksa").click()
    page.get_by_text("Kapan tepatnya foto itu diunggah?").wait_for()
    page.locator("#id_body").fill("Diunggah pukul 20.15 pada hari yang sama.")
    page.get_by_role("button", name="Kirim").click()
    page.get_by_text("Diunggah pukul 20.15").wait_for()

    # The case runs its course through every hand; the reporter sees it closed, with why.
    case = case_actions.open_case_from_submission(alice, submission)
    case = recommend(gita, walk_case(case, "bkn_verification", bkn=gita))
    case = impose(hadi, case, timezone.localdate())
    case_actions.transition(gita, case, "closed", version=case.version, reason="Selesai.")
    page.reload()
    if page.locator("#reporter-timeline").count() == 0:  # the sign-in by code has lapsed
        page.get_by_label("Kode tanda terima").fill(code)
        page.get_by_role("button", name="Periksa").click()
    assert page.locator("#report-status").inner_text() == "Ditutup"
    timeline = page.locator("#reporter-timeline").inner_text()
    assert "Hukuman dijatuhkan" in timeline and "melanggar aturan netralitas ASN" in timeline
    shot(page, "3-closed")
    fits(page)


def test_reloading_after_an_answer_does_not_send_it_twice(reporter, client):
    """Seen in the walk above: the status page answered the reply's POST itself, so a reload
    sent the answer again."""
    from netra.regions.reference import load_reference_data
    from netra.reports.models import Message, Submission

    from ..reports.helpers import file_report, receipt_from

    load_reference_data()
    code = receipt_from(client, file_report(client))
    page = reporter
    page.goto(page.base + "/lapor/status/")
    page.get_by_label("Kode tanda terima").fill(code)
    page.get_by_role("button", name="Periksa").click()
    page.locator("#id_body").fill("Satu kali saja.")
    page.get_by_role("button", name="Kirim").click()
    page.get_by_text("Jawaban Anda telah dikirim").wait_for()
    page.reload()
    page.locator("#reporter-timeline").wait_for()
    assert Message.objects.filter(submission=Submission.objects.get(), officer=None).count() == 1

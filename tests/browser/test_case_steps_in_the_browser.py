import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_opens_a_case_from_a_report_and_takes_it_to_forwarding(page, signed_in):
    from django.test import Client

    from netra.cases.models import Case

    from ..reports.helpers import file_report

    signed_in("alice", "bawaslu_regency", ["35.09"])
    file_report(Client())
    page.get_by_role("link", name="Laporan", exact=True).click()
    page.locator("table tbody tr a").first.click()
    page.get_by_role("button", name="Buka kasus").click()
    page.locator("#case-state").wait_for()
    for label in [
        "Kajian awal",
        "Diregistrasi",
        "Kajian",
        "pelanggaran hukum lainnya",
        "Diteruskan",
    ]:
        page.get_by_label("Tahap", exact=True).select_option(
            label=page.locator("#target option", has_text=label).first.inner_text()
        )
        page.get_by_role("button", name="Catat tahap").click()
        page.locator("#case-state").wait_for()
    assert page.locator("#case-state").inner_text() == "Diteruskan"
    case = Case.objects.get()
    assert case.state == "forwarded" and case.number.startswith("001/Reg/LP/PB/Kab/35.09/")
    assert page.locator(".timeline li").count() == 6
    assert "Kajian awal → Diregistrasi" in page.locator(".timeline").inner_text()

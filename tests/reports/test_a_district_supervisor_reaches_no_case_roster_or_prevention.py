"""A district supervisor (Panwascam) works on the reports of its districts and nothing else: it
opens no case (the regency office registers and decides), and the cases, the follow-up, the
roster, prevention and monitoring do not exist for it (404), in the pages, the API and the
menu; its report's page links to none of them."""

import pytest

from netra.cases.models import Case
from netra.reports.models import Submission

from .helpers import file_report

NOT_THERE = [
    "/kasus/",
    "/kasus/temuan/",
    "/tindak-lanjut/",
    "/pegawai/",
    "/pegawai/impor/",
    "/pencegahan/",
    "/pencegahan/kegiatan/baru/",
    "/pemantauan/",
]


@pytest.fixture
def case_of_its_district(client, alice, employee_factory):
    from netra.cases import actions

    employee = employee_factory("Ahmad Fauzi", "198501012010011001")
    file_report(client, district="35.09.27")
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    return case, employee


def test_the_pages_of_cases_roster_prevention_and_monitoring_answer_404(
    client_for, wulan, case_of_its_district
):
    case, employee = case_of_its_district
    client = client_for(wulan)
    for url in [*NOT_THERE, f"/kasus/{case.pk}/", f"/pegawai/{employee.pk}/"]:
        assert client.get(url).status_code == 404, url


def test_the_api_gives_it_no_case_and_no_employee(client_for, wulan, case_of_its_district):
    case, _employee = case_of_its_district
    client = client_for(wulan)
    assert client.get("/api/v1/cases").status_code == 404
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404
    assert client.get("/api/v1/employees", {"q": "Ahmad"}).status_code == 404


def test_it_cannot_open_a_case_from_its_report(client_for, wulan, client):
    file_report(client, district="35.09.27")
    submission = Submission.objects.get()
    supervisor = client_for(wulan)
    page = supervisor.get(f"/laporan/{submission.pk}/").content.decode()
    assert "/buka-kasus/" not in page
    assert supervisor.post(f"/laporan/{submission.pk}/buka-kasus/").status_code == 404
    assert supervisor.post(f"/api/v1/reports/{submission.pk}/case").status_code == 404
    assert not Case.objects.exists()


def test_its_report_page_links_to_no_case_and_no_roster_entry(
    client_for, wulan, alice, case_of_its_district
):
    case, employee = case_of_its_district
    submission = Submission.objects.get()
    submission.persons.update(employee=employee)
    page = client_for(wulan).get(f"/laporan/{submission.pk}/").content.decode()
    assert f"/kasus/{case.pk}/" not in page and f"/pegawai/{employee.pk}/" not in page
    officer = client_for(alice).get(f"/laporan/{submission.pk}/").content.decode()
    assert f"/kasus/{case.pk}/" in officer and f"/pegawai/{employee.pk}/" in officer


def test_its_menu_offers_the_report_queue_and_nothing_that_answers_404(client_for, wulan):
    client = client_for(wulan)
    page = client.get("/dasbor/").content.decode()
    nav = page.split('aria-label="Menu utama"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/laporan/"' in nav
    for url in NOT_THERE:
        assert f'href="{url}"' not in nav, url
    for href in {h.split('"', 1)[0] for h in nav.split('href="')[1:]}:
        assert client.get(href).status_code == 200, href

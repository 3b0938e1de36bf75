"""Reports waiting for the offices that study them (a district supervisor its districts'),
forwarded cases waiting for BKN's recommendation, recommendations waiting for the PPK's
decree, and read-only figures for auditors and administrators."""

from django.urls import reverse

from .dashboard_cases import make_case, make_report


def test_new_reports_waiting_count_within_reach_and_link_to_the_queue(client_for, alice, charlie):
    make_report()
    make_report()
    make_report(status="in_review")  # being studied: no longer waiting
    make_report(code="15.71")

    response = client_for(alice).get(reverse("web:dashboard"))
    assert response.context["reports_waiting"] == 2
    assert 'href="/laporan/?state=received"' in response.content.decode()
    assert client_for(charlie).get(reverse("web:dashboard")).context["reports_waiting"] == 1


def test_a_district_supervisor_sees_the_reports_of_its_district_until_handed_over(
    client_for, make_user
):
    supervisor = make_user("panji", "panwascam", ["35.09.01"])
    make_report(district="35.09.01")
    make_report(district="35.09.01", handed_over=True)  # with the regency office now
    make_report(district="35.09.02")

    response = client_for(supervisor).get(reverse("web:dashboard"))
    assert response.context["reports_waiting"] == 1
    page = response.content.decode()
    assert 'href="/laporan/?state=received"' in page
    assert "open_cases" not in response.context  # a district supervisor opens no case


def test_bkn_sees_the_forwarded_cases_waiting_for_its_recommendation(client_for, gita):
    make_case("forwarded")
    make_case("forwarded", code="15.71")
    make_case("bkn_verification")
    make_case("study")  # still with Bawaslu: not BKN's

    response = client_for(gita).get(reverse("web:dashboard"))
    assert response.context["waiting_for_bkn"] == [
        ("forwarded", "Diteruskan", 2),
        ("bkn_verification", "Verifikasi BKN", 1),
    ]
    assert response.context["open_cases"] == 3
    page = response.content.decode()
    assert 'href="/kasus/?state=forwarded"' in page
    assert 'href="/kasus/?state=bkn_verification"' in page
    assert 'id="waiting-for-ppk"' not in page
    assert 'id="assigned-to-me"' not in page  # cases are assigned to Bawaslu officers


def test_the_ppk_sees_recommendations_waiting_for_its_decree_and_its_overdue_ones(
    client_for, hadi, fajar, region
):
    make_case("recommended")
    make_case("recommended")
    make_case("ppk_overdue")
    make_case("recommended", code="15.71")  # another government's staff
    make_case("forwarded")  # BKN has not recommended yet: not the PPK's

    for ppk in (hadi, fajar):
        response = client_for(ppk).get(reverse("web:dashboard"))
        assert response.context["waiting_for_ppk"] == [
            ("recommended", "Rekomendasi sanksi", 2),
            ("ppk_overdue", "PPK melewati batas waktu", 1),
        ]
        assert response.context["overdue_cases"] == 1
        page = response.content.decode()
        assert 'href="/kasus/?state=recommended"' in page
        assert 'href="/kasus/?state=ppk_overdue"' in page
        assert 'href="/kasus/?lewat=1"' in page


def test_an_auditor_reads_the_figures_with_nothing_assigned_to_work_on(client_for, make_user):
    auditor = make_user("indah", "auditor", ["35.09"])
    make_case("study")
    make_report()
    response = client_for(auditor).get(reverse("web:dashboard"))
    assert response.context["open_cases"] == 1 and response.context["reports_waiting"] == 1
    page = response.content.decode()
    assert 'id="assigned-to-me"' not in page
    assert 'id="waiting-for-bkn"' not in page and 'id="waiting-for-ppk"' not in page


def test_a_national_administrator_reads_every_regions_figures(client_for, admin):
    make_case("study")
    make_case("study", code="15.71")
    response = client_for(admin).get(reverse("web:dashboard"))
    assert response.context["open_cases"] == 2
    assert 'id="assigned-to-me"' not in response.content.decode()

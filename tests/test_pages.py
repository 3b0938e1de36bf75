from django.urls import reverse


def test_the_public_home_page_is_in_indonesian(client, reference):
    page = client.get("/").content.decode()
    assert '<html lang="id">' in page
    assert "ASN melayani semua, bukan calon tertentu." in page
    assert "Rabu, 27 November 2024" in page


def test_english_is_available(client, reference):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Civil servants serve everyone, not a candidate." in page


def test_the_dashboard_shows_the_officers_reach(client_for, alice, employee_factory):
    employee_factory("Siti Aminah", "199003152015032002")
    page = client_for(alice).get(reverse("web:dashboard")).content.decode()
    assert "Kabupaten Jember" in page


def test_unknown_pages_answer_404_in_indonesian(client, db):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_pages_load_no_asset_from_another_host(client, reference):
    page = client.get("/").content.decode()
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_the_dashboard_lists_the_elections_held_in_the_officers_regions(
    client_for, alice, make_user
):
    page = client_for(alice).get(reverse("web:dashboard")).content.decode()
    assert "Pemilihan Serentak 2024" in page and "Rabu, 27 November 2024" in page


def test_the_dashboard_counts_the_officers_open_and_overdue_cases(
    client_for, alice, charlie, reference
):
    from datetime import timedelta

    from django.utils import timezone

    from netra.cases import actions
    from netra.cases.models import Case
    from netra.regions.models import Election, Region

    election = Election.objects.get(code="pilkada-2024")
    for summary in ["satu", "dua"]:
        actions.open_finding(
            alice, election=election, region=Region.objects.get(code="35.09"), summary=summary
        )
    Case.objects.filter(summary="satu").update(due_at=timezone.now() - timedelta(hours=2))
    page = client_for(alice).get(reverse("web:dashboard"))
    assert (page.context["open_cases"], page.context["overdue_cases"]) == (2, 1)
    assert client_for(charlie).get(reverse("web:dashboard")).context["open_cases"] == 0

import pytest
from django.urls import reverse

from netra.accounts.access import restrict, scope_region_ids
from netra.people.models import Employee


@pytest.fixture
def siti(employee_factory):
    return employee_factory("Siti Aminah", "199003152015032002", code="35.09")


@pytest.fixture
def rahmat(employee_factory):
    return employee_factory("Rahmat Hidayat", "198501012010011001", code="15.71")


def test_an_officer_sees_an_employee_of_her_region(client_for, alice, siti):
    response = client_for(alice).get(reverse("people:employee", args=[siti.pk]))
    assert response.status_code == 200
    assert "Siti Aminah" in response.content.decode()


def test_an_officer_of_another_region_gets_404(client_for, charlie, siti):
    assert client_for(charlie).get(reverse("people:employee", args=[siti.pk])).status_code == 404


def test_an_officer_of_another_region_does_not_find_the_employee_by_nip(client_for, charlie, siti):
    response = client_for(charlie).get(reverse("people:roster"), {"q": siti.nip})
    assert response.context["results"] == []
    assert reverse("people:employee", args=[siti.pk]) not in response.content.decode()


def test_a_provincial_scope_includes_its_regencies_and_cities(dewi, siti, rahmat):
    visible = set(restrict(Employee.objects.all(), dewi).values_list("name", flat=True))
    assert visible == {"Siti Aminah"}


def test_national_roles_reach_every_region(gita, siti, rahmat):
    assert scope_region_ids(gita) is None
    assert restrict(Employee.objects.all(), gita).count() == 2


def test_an_account_without_regions_reaches_nothing(make_user, siti):
    lost = make_user("lost", "bawaslu_regency", [])
    assert restrict(Employee.objects.all(), lost).count() == 0


def test_a_stranger_is_sent_to_sign_in(client, siti):
    response = client.get(reverse("people:employee", args=[siti.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_employee_api_is_scoped_too(client_for, charlie, alice, siti):
    assert client_for(charlie).get("/api/v1/employees", {"q": "Siti"}).json() == []
    found = client_for(alice).get("/api/v1/employees", {"q": "Siti"}).json()
    assert [e["nip"] for e in found] == [siti.nip]


def test_the_employee_api_refuses_strangers(client, siti):
    assert client.get("/api/v1/employees", {"q": "Siti"}).status_code == 401


def test_a_provincial_scope_without_districts_is_the_province_and_its_regencies(dewi):
    from netra.regions.models import Region

    ids = scope_region_ids(dewi, districts=False)
    assert set(Region.objects.filter(id__in=ids).values_list("level", flat=True)) == {
        "province",
        "regency",
        "city",
    }
    assert len(ids) == 39
    assert len(scope_region_ids(dewi)) > 600  # with its districts


def test_a_district_supervisor_reaches_its_districts_and_no_roster(make_user, siti):
    from netra.regions.models import Region

    wulan = make_user("wulan", "panwascam", ["35.09.27", "35.09.28"])
    assert set(
        Region.objects.filter(id__in=scope_region_ids(wulan)).values_list("code", flat=True)
    ) == {
        "35.09.27",
        "35.09.28",
    }
    # Without districts nothing is left: no roster, no case, no prevention is a district's.
    assert scope_region_ids(wulan, districts=False) == frozenset()
    assert restrict(Employee.objects.all(), wulan).count() == 0

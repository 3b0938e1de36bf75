"""An administrator makes a district supervisor (Panwascam) account for one or more districts
(kecamatan), chosen from the same region list as every account; a district is refused for any
other role, and a regency for the district supervisor, each with a message by the field."""

from django.urls import reverse

from netra.accounts.access import scope_region_ids
from netra.accounts.models import User
from netra.regions.models import Region


def ids(*codes):
    return list(Region.objects.filter(code__in=codes).values_list("pk", flat=True))


def new_account(client, role, regions):
    return client.post(
        reverse("accounts:user_new"),
        {
            "username": "wulan",
            "full_name": "Wulan Sari",
            "email": "wulan@example.id",
            "role": role,
            "regions": regions,
        },
    )


def test_the_form_offers_the_districts(client_for, admin):
    page = client_for(admin).get(reverse("accounts:user_new")).content.decode()
    kalisat = Region.objects.get(code="35.09.27")
    assert f'value="{kalisat.pk}"' in page and "Kalisat" in page
    assert "Panwascam diberi kecamatan" in page  # the field says who takes districts
    # All 7,800 regions in the one select the type-ahead picker filters, a district named
    # with its regency.
    assert "Kalisat — Kabupaten Jember (35.09.27)" in page
    assert page.count("<option") > 7800


def test_a_district_supervisor_is_made_for_two_districts(client_for, admin):
    response = new_account(client_for(admin), "panwascam", ids("35.09.27", "35.09.28"))
    assert response.status_code == 200 and "password" in response.context
    wulan = User.objects.get(username="wulan")
    assert sorted(wulan.regions.values_list("code", flat=True)) == ["35.09.27", "35.09.28"]
    # Its reach: the two districts, and no province, regency or city (no roster, no cases).
    assert len(scope_region_ids(wulan)) == 2
    assert scope_region_ids(wulan, districts=False) == frozenset()


def test_a_district_supervisor_with_a_regency_is_refused(client_for, admin):
    response = new_account(client_for(admin), "panwascam", ids("35.09.27", "35.09"))
    assert "Panwascam" in str(response.context["form"].errors["regions"])
    assert not User.objects.filter(username="wulan").exists()


def test_a_district_is_refused_for_every_other_regional_role(client_for, admin):
    client = client_for(admin)
    for role in ("bawaslu_regency", "bawaslu_province", "bkpsdm", "ppk", "auditor"):
        response = new_account(client, role, ids("35.09.27"))
        assert response.status_code == 200, role
        assert "regions" in response.context["form"].errors, role
        assert not User.objects.filter(username="wulan").exists(), role

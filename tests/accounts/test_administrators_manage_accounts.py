from django.urls import reverse

from netra.accounts.models import User
from netra.audit.models import AuditEntry
from netra.regions.models import Region


def new_account(client, **overrides):
    data = {
        "username": "wati",
        "full_name": "Wati Susanti",
        "email": "wati@example.id",
        "role": "bawaslu_regency",
        "office": "Bawaslu Jember",
        "is_active": "on",
        "regions": [Region.objects.get(code="35.09").pk],
    }
    data.update(overrides)
    return client.post(reverse("accounts:user_new"), data)


def test_an_administrator_creates_an_account_with_a_role_and_regions(client_for, admin):
    response = new_account(client_for(admin))
    assert response.status_code == 200
    wati = User.objects.get(username="wati")
    assert wati.role == "bawaslu_regency" and wati.must_change_password
    assert list(wati.regions.values_list("code", flat=True)) == ["35.09"]
    assert wati.check_password(response.context["password"])
    assert AuditEntry.objects.filter(action="account.created", target_id=str(wati.pk)).exists()


def test_a_regional_role_without_a_region_is_refused(client_for, admin):
    response = new_account(client_for(admin), regions=[])
    assert response.status_code == 200
    assert "regions" in response.context["form"].errors
    assert not User.objects.filter(username="wati").exists()


def test_a_provincial_officer_gets_provinces_only(client_for, admin):
    response = new_account(client_for(admin), role="bawaslu_province")
    assert "regions" in response.context["form"].errors


def test_other_roles_do_not_see_account_management(client_for, alice):
    client = client_for(alice)
    assert client.get(reverse("accounts:users")).status_code == 404
    assert new_account(client).status_code == 404

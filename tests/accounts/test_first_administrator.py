from django.urls import reverse

from netra.accounts.actions import ensure_first_admin
from netra.accounts.models import User


def test_it_creates_the_first_administrator_once(reference):
    username, password = ensure_first_admin()
    assert ensure_first_admin() is None
    admin = User.objects.get(username=username)
    assert admin.role == "admin" and admin.must_change_password
    assert admin.check_password(password)


def test_a_one_time_password_must_be_changed_before_anything_else(client_for, reference):
    username, _password = ensure_first_admin()
    client = client_for(User.objects.get(username=username))
    response = client.get(reverse("people:roster"))
    assert response.url == reverse("accounts:password_change")

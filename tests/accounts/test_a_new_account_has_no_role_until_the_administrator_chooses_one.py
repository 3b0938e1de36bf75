"""The new-account form's role list had no blank entry, so it opened on Administrator: an
administrator who overlooked the field created another administrator."""

import re

from django.urls import reverse

from netra.accounts.models import User

from .test_administrators_manage_accounts import new_account


def role_options(html):
    select = re.search(r'<select name="role"[^>]*>(.*?)</select>', html, re.S)
    assert select, "the form has no role list"
    return re.findall(r"<option ([^>]*)>", select.group(1))


def test_the_role_list_opens_on_a_blank_entry_and_nothing_is_selected(client_for, admin):
    html = client_for(admin).get(reverse("accounts:user_new")).content.decode()
    options = role_options(html)
    assert options[0].startswith('value=""')
    assert not any("selected" in option for option in options[1:])
    assert re.search(r'<select name="role"[^>]*required', html)


def test_a_blank_role_is_refused_with_a_message_by_the_field(client_for, admin):
    response = new_account(client_for(admin), role="")
    assert response.status_code == 200
    assert not User.objects.filter(username="wati").exists()
    html = response.content.decode()
    field = re.search(r'<div class="field invalid">\s*<label for="id_role">.*?</div>', html, re.S)
    assert field and "Pilih peran akun." in field.group(0)
    assert 'value="Wati Susanti"' in html  # what was typed stays


def test_editing_an_account_still_shows_its_role(client_for, admin, alice):
    html = client_for(admin).get(reverse("accounts:user_edit", args=[alice.pk])).content.decode()
    assert 'value="bawaslu_regency" selected' in html

import re
from datetime import timedelta

import pyotp
from django.core import mail
from django.test import Client
from django.utils import timezone

from netra.accounts.models import EnrolmentLink, User
from netra.audit.models import AuditEntry

from .account_files import csv_file, upload

NEW_PASSWORD = "bunga-melati-di-jember"


def imported(client_for, admin, capture):
    rows = [["Wati Susanti", "wati@example.id", "bawaslu_regency", "35.09"]]
    upload(client_for(admin), csv_file(rows), capture)
    token = re.search(r"/akun/daftar/([^/\s]+)/", mail.outbox[-1].body).group(1)
    return User.objects.get(username="wati"), token


def choose(client, token, password=NEW_PASSWORD):
    return client.post(
        f"/akun/daftar/{token}/", {"new_password1": password, "new_password2": password}
    )


def test_the_link_sets_the_password_then_leads_to_the_authenticator(
    client_for, admin, django_capture_on_commit_callbacks
):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    client = Client()
    page = client.get(f"/akun/daftar/{token}/")
    assert page.status_code == 200 and "wati" in page.content.decode()
    response = choose(client, token)
    assert response.status_code == 302 and response["Location"] == "/akun/masuk/autentikator/"
    wati.refresh_from_db()
    assert wati.check_password(NEW_PASSWORD) and not wati.must_change_password
    assert AuditEntry.objects.filter(action="account.enrolled_by_link", actor=wati).exists()

    enroll = client.get("/akun/masuk/autentikator/")
    assert enroll.status_code == 200
    secret = client.session["enroll_secret"]
    done = client.post("/akun/masuk/autentikator/", {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 200 and "recovery" in done.templates[0].name
    wati.refresh_from_db()
    assert wati.has_second_factor
    assert client.get("/dasbor/").status_code == 200


def test_a_used_link_does_not_work_again(client_for, admin, django_capture_on_commit_callbacks):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    choose(Client(), token)
    again = choose(Client(), token, "kata-sandi-orang-lain-panjang")
    assert again.status_code == 410
    assert "sudah dipakai" in again.content.decode()
    wati.refresh_from_db()
    assert wati.check_password(NEW_PASSWORD)
    assert Client().get(f"/akun/daftar/{token}/").status_code == 410


def test_an_expired_link_says_so(client_for, admin, django_capture_on_commit_callbacks):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    EnrolmentLink.objects.filter(user=wati).update(expires_at=timezone.now() - timedelta(1))
    for response in (Client().get(f"/akun/daftar/{token}/"), choose(Client(), token)):
        assert response.status_code == 410
        assert "kedaluwarsa" in response.content.decode()
    wati.refresh_from_db()
    assert not wati.has_usable_password()


def test_a_forged_or_replaced_link_is_unknown(
    client_for, admin, django_capture_on_commit_callbacks
):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    for forged in ("a" * 43, token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 300):
        response = Client().get(f"/akun/daftar/{forged}/")
        assert response.status_code == 404
        assert "tidak berlaku" in response.content.decode()
    # A new link replaces the old one.
    with django_capture_on_commit_callbacks(execute=True):
        client_for(admin).post(f"/akun/pengguna/{wati.pk}/tautan/")
    assert len(mail.outbox) == 2
    assert Client().get(f"/akun/daftar/{token}/").status_code == 404
    fresh = re.search(r"/akun/daftar/([^/\s]+)/", mail.outbox[-1].body).group(1)
    assert choose(Client(), fresh).status_code == 302


def test_a_weak_password_is_refused_and_the_link_still_works(
    client_for, admin, django_capture_on_commit_callbacks
):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    response = choose(Client(), token, "12345")
    assert response.status_code == 200 and response.context["form"].errors
    assert choose(Client(), token).status_code == 302


def test_a_deactivated_accounts_link_does_not_work(
    client_for, admin, django_capture_on_commit_callbacks
):
    wati, token = imported(client_for, admin, django_capture_on_commit_callbacks)
    client_for(admin).post(f"/akun/pengguna/{wati.pk}/mutasi/", {"reason": "Salah input"})
    assert Client().get(f"/akun/daftar/{token}/").status_code == 404

"""The enrolment link's page carries a one-time secret in its address (/akun/daftar/<token>/),
and the authenticator page that follows shows the new account's TOTP secret. Neither may be
kept by a browser's or a proxy's cache (the back button on a shared office computer, a
caching proxy), and the enrolment page must not hand its address, token included, to the
next request as a Referer (stylesheets, scripts, the sign-in link): Referrer-Policy
strict-origin there, the site's address only. (Not no-referrer: a browser then sends the
form's POST with "Origin: null", which Django's CSRF check refuses.)"""

import re

from django.core import mail
from django.test import Client

from tests.accounts.account_files import csv_file, upload


def _token(client_for, admin, capture):
    rows = [["Wati Susanti", "wati@example.id", "bawaslu_regency", "35.09"]]
    upload(client_for(admin), csv_file(rows), capture)
    return re.search(r"/akun/daftar/([^/\s]+)/", mail.outbox[-1].body).group(1)


def _never_cached(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives and "private" in directives


def test_the_enrolment_page_is_never_cached_and_sends_only_its_origin_as_referer(
    client_for, admin, django_capture_on_commit_callbacks
):
    token = _token(client_for, admin, django_capture_on_commit_callbacks)
    page = Client().get(f"/akun/daftar/{token}/")
    assert page.status_code == 200
    assert _never_cached(page), page.get("Cache-Control")
    assert page["Referrer-Policy"] == "strict-origin"


def test_a_refused_enrolment_link_is_not_cached_either(db):
    page = Client().get("/akun/daftar/" + "x" * 43 + "/")
    assert page.status_code == 404
    assert _never_cached(page) and page["Referrer-Policy"] == "strict-origin"


def test_the_authenticator_page_that_shows_the_secret_is_never_cached(
    client_for, admin, django_capture_on_commit_callbacks
):
    token = _token(client_for, admin, django_capture_on_commit_callbacks)
    client = Client()
    password = "bunga-melati-di-jember"
    chosen = client.post(
        f"/akun/daftar/{token}/", {"new_password1": password, "new_password2": password}
    )
    assert chosen.status_code == 302
    enroll = client.get("/akun/masuk/autentikator/")
    assert enroll.status_code == 200 and client.session["enroll_secret"]
    assert _never_cached(enroll), enroll.get("Cache-Control")


def test_the_page_with_a_new_one_time_password_is_never_cached(admin, alice, client_for):
    page = client_for(admin).post(f"/akun/pengguna/{alice.pk}/reset/password/")
    assert page.status_code == 200 and "one_time_password" in page.templates[0].name
    assert _never_cached(page), page.get("Cache-Control")

"""Failures from one office's shared (NAT) address do not shut out a colleague who has the
right password and code; from that address, a password alone no longer tells anything."""

import re

import pyotp
from django.test import Client
from django.urls import reverse

from ..conftest import PASSWORD

OFFICE = "10.20.30.40"


def post(client, data):
    return client.post(reverse("accounts:login"), data, REMOTE_ADDR=OFFICE)


def without_csrf_token(response):
    # The masked CSRF token (64 characters) differs on every page, in the form and the headers.
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "", response.content.decode())


def fail_from_the_office(client, settings):
    for n in range(settings.NETRA_LOGIN_MAX_FAILURES_PER_ADDRESS):
        post(client, {"username": f"tamu{n}", "password": "salah"})


def test_fifty_failures_from_an_office_address_let_a_colleague_sign_in(client, bob, settings):
    fail_from_the_office(client, settings)
    asked = post(client, {"username": "bob", "password": PASSWORD})
    assert asked.status_code == 200 and 'name="code"' in asked.content.decode()
    response = post(
        client, {"username": "bob", "password": PASSWORD, "code": pyotp.TOTP(bob.totp_secret).now()}
    )
    assert response.url == reverse("web:dashboard")
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_from_that_address_a_right_password_with_a_wrong_code_reveals_nothing(
    client, bob, settings
):
    fail_from_the_office(client, settings)
    right = post(client, {"username": "bob", "password": PASSWORD, "code": "000000"})
    wrong = post(client, {"username": "bob", "password": "salah", "code": "000000"})
    assert right.status_code == wrong.status_code == 200
    assert "Nama pengguna, kata sandi atau kode salah." in right.content.decode()
    assert without_csrf_token(right) == without_csrf_token(wrong)
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_the_colleagues_own_limit_still_holds(client, bob, settings):
    fail_from_the_office(client, settings)
    for _ in range(settings.NETRA_LOGIN_MAX_FAILURES):
        post(client, {"username": "bob", "password": "salah", "code": "000000"})
    response = post(
        client, {"username": "bob", "password": PASSWORD, "code": pyotp.TOTP(bob.totp_secret).now()}
    )
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_colleague_already_at_the_code_step_finishes(client, bob, settings):
    assert post(client, {"username": "bob", "password": PASSWORD}).url == reverse(
        "accounts:second_factor"
    )
    fail_from_the_office(Client(), settings)  # others, meanwhile
    response = client.post(
        reverse("accounts:second_factor"),
        {"code": pyotp.TOTP(bob.totp_secret).now()},
        REMOTE_ADDR=OFFICE,
    )
    assert response.url == reverse("web:dashboard")

import pyotp
import pytest
from django.urls import reverse

from netra.accounts.models import RecoveryCode
from netra.accounts.secondfactor import recovery_digest

from ..conftest import PASSWORD


def password_step(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_correct_password_alone_does_not_sign_in(client, alice):
    response = password_step(client, "alice")
    assert response.url == reverse("accounts:second_factor")
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_the_totp_code_completes_the_sign_in(client, alice):
    password_step(client, "alice")
    code = pyotp.TOTP(alice.totp_secret).now()
    response = client.post(reverse("accounts:second_factor"), {"code": code})
    assert response.url == reverse("web:dashboard")
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_a_totp_code_cannot_be_used_twice(client, alice):
    code = pyotp.TOTP(alice.totp_secret).now()
    password_step(client, "alice")
    client.post(reverse("accounts:second_factor"), {"code": code})
    client.logout()
    password_step(client, "alice")
    response = client.post(reverse("accounts:second_factor"), {"code": code})
    assert response.status_code == 200
    assert "Kode tidak valid" in response.content.decode()


def test_a_wrong_code_keeps_the_user_signed_out(client, alice):
    password_step(client, "alice")
    response = client.post(reverse("accounts:second_factor"), {"code": "000000"})
    assert response.status_code == 200
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_a_recovery_code_works_once(client, alice):
    RecoveryCode.objects.create(user=alice, digest=recovery_digest("abcde-fghjk"))
    password_step(client, "alice")
    assert client.post(reverse("accounts:second_factor"), {"code": "ABCDE-FGHJK"}).url == reverse(
        "web:dashboard"
    )
    client.logout()
    password_step(client, "alice")
    assert (
        client.post(reverse("accounts:second_factor"), {"code": "abcde-fghjk"}).status_code == 200
    )


def test_a_new_account_enrols_an_authenticator_and_gets_recovery_codes(client, make_user):
    make_user("budi", "bkpsdm", ["35.09"], totp=False)
    assert password_step(client, "budi").url == reverse("accounts:enroll")
    page = client.get(reverse("accounts:enroll")).content.decode()
    assert "<svg" in page
    secret = client.session["enroll_secret"]
    response = client.post(reverse("accounts:enroll"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_a_wrong_password_is_refused_in_indonesian(client, alice):
    response = password_step(client, "alice", "salah")
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_it_never_redirects_off_site_after_sign_in(client, alice, next_url):
    client.post(
        reverse("accounts:login") + f"?next={next_url}",
        {"username": "alice", "password": PASSWORD, "next": next_url},
    )
    response = client.post(
        reverse("accounts:second_factor"), {"code": pyotp.TOTP(alice.totp_secret).now()}
    )
    assert response.url == reverse("web:dashboard")

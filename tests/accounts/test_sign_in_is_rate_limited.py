from django.urls import reverse

from ..conftest import PASSWORD


def test_it_blocks_a_username_after_five_failures_even_with_the_right_password(client, alice):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "alice", "password": "salah"})
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_it_counts_wrong_totp_codes_too(client, alice):
    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    for _ in range(5):
        client.post(reverse("accounts:second_factor"), {"code": "123456"})
    response = client.post(reverse("accounts:second_factor"), {"code": "123456"})
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_one_address_may_fail_more_often_than_one_account(client, alice, bob, settings):
    settings.NETRA_LOGIN_MAX_FAILURES_PER_ADDRESS = 8
    for name in ["x1", "x2", "x3", "x4", "x5", "x6", "x7"]:
        client.post(reverse("accounts:login"), {"username": name, "password": "salah"})
    response = client.post(reverse("accounts:login"), {"username": "bob", "password": PASSWORD})
    assert response.url == reverse("accounts:second_factor")
    client.post(reverse("accounts:login"), {"username": "x8", "password": "salah"})
    # Past the address's limit a password alone no longer signs in: the code comes with it
    # (the colleague's way in: test_lockout_spares_a_colleague_behind_the_same_address.py).
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200 and 'name="code"' in response.content.decode()
    assert client.get(reverse("web:dashboard")).status_code == 302

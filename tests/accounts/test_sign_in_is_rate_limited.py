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

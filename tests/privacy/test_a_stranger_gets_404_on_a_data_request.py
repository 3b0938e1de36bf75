"""A data request belongs to the office of its regency or city: its officers and those above
them (the province, Bawaslu RI, administrators) reach it; an officer of another region and the
roles without privacy.requests get 404 on it and do not see it in their queue."""

import pytest
from django.utils import timezone

from netra.privacy import actions
from netra.privacy.models import DataRequest


@pytest.fixture
def jember_request(region):
    return actions.register_request(
        kind="correction",
        relation="reported",
        region=region("35.09"),
        name="Ahmad Fauzi",
        contact="0812000111",
        text="Jabatan saya salah ditulis.",
        now=timezone.now(),
    )


def test_the_office_and_the_province_reach_the_request(jember_request, alice, dewi, client_for):
    for user in (alice, dewi):
        officer = client_for(user)
        assert jember_request.number in officer.get("/staf/privasi/permintaan/").content.decode()
        page = officer.get(f"/staf/privasi/permintaan/{jember_request.pk}/")
        assert page.status_code == 200 and "0812000111" in page.content.decode()


def test_a_stranger_gets_404_and_an_empty_queue(jember_request, charlie, client_for):
    stranger = client_for(charlie)
    url = f"/staf/privasi/permintaan/{jember_request.pk}/"
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, {"outcome": "answered", "version": 1}).status_code == 404
    assert jember_request.number not in stranger.get("/staf/privasi/permintaan/").content.decode()
    assert DataRequest.objects.get().status == "open"


def test_roles_without_the_capability_get_404(jember_request, gita, hadi, fajar, client_for):
    for user in (gita, hadi, fajar):
        signed_in = client_for(user)
        assert signed_in.get("/staf/privasi/permintaan/").status_code == 404
        assert signed_in.get(f"/staf/privasi/permintaan/{jember_request.pk}/").status_code == 404


def test_a_visitor_is_sent_to_sign_in(jember_request, client):
    response = client.get(f"/staf/privasi/permintaan/{jember_request.pk}/")
    assert response.status_code == 302 and "/akun/" in response.url

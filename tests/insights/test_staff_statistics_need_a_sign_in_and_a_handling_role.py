"""The staff statistics are behind the sign-in, and exist only for those who follow the
handling of cases: Bawaslu, auditors, administrators and BKN. The PPK and its BKPSDM (who
reach only their own employees' forwarded cases) and the district supervisors (who hold no
case) get 404, as for any page their role cannot use."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from .staff_page import PATH


def test_it_sends_a_stranger_to_the_sign_in(client, reference):
    response = client.get(PATH)

    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response.url


@pytest.mark.parametrize("persona", ["hadi", "fajar", "wulan"])
def test_it_does_not_exist_for_the_ppk_its_bkpsdm_or_a_district_supervisor(
    client_for, request, persona
):
    response = client_for(request.getfixturevalue(persona)).get(PATH)

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["alice", "dewi", "gita", "admin"])
def test_it_opens_for_bawaslu_bkn_and_the_administrator(client_for, request, persona):
    response = client_for(request.getfixturevalue(persona)).get(PATH)

    assert response.status_code == 200

"""/ikrar/ told anyone whether a NIP was on a roster ("This NIP is not on any regional roster",
"The roster has no e-mail address for this NIP", or the masked address of a real one). Every
NIP now gets the same answer: the same redirect, the same page, the same refusals after it."""

import re

import pytest
from django.core import mail

from netra.prevention.models import Pledge

ON_ROSTER_WITH_EMAIL = "199001012015032005"  # rina
ON_ROSTER_WITHOUT_EMAIL = "196805121994031005"  # soeharto
NOT_ON_ANY_ROSTER = "199912312020121001"

NEUTRAL = "Jika NIP ini ada di daftar pegawai dengan alamat e-mail, kode telah dikirim ke sana."


def answer(client, nip):
    """The status, the page shown after it, and what a wrong code gets, with the token taken
    out (it differs on every request, for every NIP alike)."""
    response = client.post("/ikrar/", {"nip": nip})
    assert response.status_code == 302
    location = re.sub(r"/ikrar/kode/[^/]+/", "/ikrar/kode/TOKEN/", response.url)
    page = client.get(response.url)
    wrong = client.post(response.url, {"code": "000000", "agree": "on"})
    strip = re.compile(
        r'name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"|/ikrar/kode/[^/"]+/'
    )
    return (
        location,
        page.status_code,
        strip.sub("", page.content.decode()),
        wrong.status_code,
        strip.sub("", wrong.content.decode()),
    )


@pytest.mark.parametrize("nip", [ON_ROSTER_WITHOUT_EMAIL, NOT_ON_ANY_ROSTER])
def test_a_nip_gets_the_same_answer_whether_or_not_it_is_on_a_roster_with_an_e_mail(
    client, jember_staff, nip
):
    real = answer(client, ON_ROSTER_WITH_EMAIL)
    client.cookies.clear()
    other = answer(client, nip)
    assert other == real
    assert NEUTRAL in real[2]
    assert "jemberkab.go.id" not in real[2]
    assert len(mail.outbox) == 1  # only the real employee's roster address got a code


def test_wrong_codes_count_down_alike_for_a_nip_not_on_any_roster(client, jember_staff):
    def six_wrong_codes(nip):
        url = client.post("/ikrar/", {"nip": nip}).url
        return [
            client.post(url, {"code": "000000", "agree": "on"}).context["form"].errors["code"]
            for _ in range(6)
        ]

    real = six_wrong_codes(ON_ROSTER_WITH_EMAIL)
    assert real[0] == ["Kode tidak benar. Sisa 4 percobaan."]
    assert "kedaluwarsa" in real[5][0]
    assert six_wrong_codes(NOT_ON_ANY_ROSTER) == real


def test_a_real_employee_still_pledges_with_the_code(client, jember_staff):
    url = client.post("/ikrar/", {"nip": ON_ROSTER_WITH_EMAIL}).url
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    done = client.post(url, {"code": code, "agree": "on"})
    assert done.status_code == 200
    assert Pledge.objects.get().employee == jember_staff["rina"]

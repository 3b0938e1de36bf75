import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from netra.prevention.models import Pledge, PledgeCode

from . import files


def ask_code(client, nip="199001012015032005"):
    return client.post("/ikrar/", {"nip": nip})


def code_from_mail():
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def test_an_employee_pledges_with_a_code_sent_to_the_roster_email(client, jember_staff):
    response = ask_code(client, "1990 0101 2015 0320 05")
    assert response.status_code == 302
    assert mail.outbox[0].to == ["rina.kartika@jemberkab.go.id"]
    page = client.get(response.url).content.decode()
    # The page names no address: it must read the same for a NIP that is on no roster.
    assert "kode telah dikirim ke sana" in page and "jemberkab.go.id" not in page
    done = client.post(response.url, {"code": code_from_mail(), "agree": "on"})
    pledge = Pledge.objects.get()
    assert pledge.employee == jember_staff["rina"] and pledge.method == "online"
    assert pledge.reference in done.content.decode()


def test_a_code_is_used_once_expires_and_allows_few_attempts(client, jember_staff):
    url = ask_code(client).url
    code = code_from_mail()
    wrong = client.post(
        url, {"code": "000000" if code != "000000" else "111111", "agree": "on"}
    ).content.decode()
    assert "Kode tidak benar" in wrong
    client.post(url, {"code": code, "agree": "on"})
    again = client.post(url, {"code": code, "agree": "on"}).content.decode()
    assert "sudah dipakai" in again
    url = ask_code(client).url
    PledgeCode.objects.filter(used_at=None).update(expires_at=timezone.now() - timedelta(1))
    assert (
        "kedaluwarsa"
        in client.post(url, {"code": code_from_mail(), "agree": "on"}).content.decode()
    )
    assert Pledge.objects.count() == 1


def test_codes_are_rate_limited_and_unknown_nips_are_told_what_to_do(
    client, jember_staff, settings
):
    # "What to do" is on the page every NIP gets alike (ask BKPSDM when no e-mail arrives);
    # telling an unknown NIP apart would tell anyone who is on a roster (issue 13, item 12).
    settings.NETRA_PLEDGE_CODES_PER_HOUR = 2
    for _ in range(2):
        ask_code(client)
    page = ask_code(client).content.decode()
    assert "Terlalu banyak" in page and len(mail.outbox) == 2
    for nip in ("199912312020121001", "196805121994031005"):
        client.cookies.clear()
        page = client.get(client.post("/ikrar/", {"nip": nip}).url).content.decode()
        assert "BKPSDM" in page and "kode telah dikirim ke sana" in page


def test_a_signed_pledge_list_records_the_rows_it_can_match(client_for, fajar, jember_staff):
    data = files.sheet_csv(
        [
            "Budi Santoso;199004042015031005;Dinas Kesehatan;Staf",
            "Dewi Lestari, S.Kep;;Dinas Kesehatan;Perawat",
            "Orang Lain;;Dinas Kesehatan;Staf",
        ]
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(fajar).post(
        "/pencegahan/ikrar-bertanda-tangan/",
        {"wilayah": "35.09", "file": SimpleUploadedFile("ikrar.csv", data)},
        follow=True,
    )
    assert set(Pledge.objects.values_list("employee__name", flat=True)) == {
        "Budi Santoso",
        "Dewi Lestari",
    }
    assert "Orang Lain" in response.content.decode()

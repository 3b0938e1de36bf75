"""Wrong receipt codes that share a real code's first digits do not lock that code out: a
20-digit random code cannot be guessed, so only the guesser's address is limited."""

import secrets

from ..reports.helpers import file_report, receipt_from


def test_ten_wrong_codes_with_a_real_codes_first_8_digits_do_not_lock_it_out(client, reference):
    code = receipt_from(client, file_report(client)).replace(" ", "")
    for n in range(10):
        wrong = code[:8] + "".join(secrets.choice("0123456789") for _ in range(12))
        client.post("/lapor/status/", {"receipt": wrong}, REMOTE_ADDR=f"10.9.0.{n + 1}")
    response = client.post("/lapor/status/", {"receipt": code}, REMOTE_ADDR="10.9.1.1")
    assert response.status_code == 200
    assert response.context["submission"] is not None


def test_one_address_guessing_codes_is_still_limited(client, reference, settings):
    code = receipt_from(client, file_report(client))
    for n in range(settings.NETRA_RECEIPT_MAX_FAILURES):
        client.post(
            "/lapor/status/", {"receipt": f"9999 9999 9999 9999 99{n:02d}"}, REMOTE_ADDR="10.9.2.2"
        )
    assert (
        client.post("/lapor/status/", {"receipt": code}, REMOTE_ADDR="10.9.2.2").status_code == 429
    )

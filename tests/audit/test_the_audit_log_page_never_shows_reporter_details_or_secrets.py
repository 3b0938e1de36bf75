"""An entry's data is shown field by field, escaped and cut to a bounded length; fields that
could name or reach a reporter, and any secret, are hidden whatever the entry."""

from django.urls import reverse

from netra.audit.log import record


def test_reporter_details_receipts_and_keys_are_hidden_and_the_rest_is_escaped(client_for, admin):
    record(
        None,
        "test.event",
        data={
            "reporter_name": "Budi Pelapor",
            "reporter_nik_hash": "a" * 64,
            "receipt": "NTR-1234-5678",
            "identity_sealed": "sealed-blob",
            "api_key": "sk-rahasia",
            "email": "pelapor@example.org",
            "address": "Jl. Mawar 1",
            "nested": {"phone": "08123", "kind": "x"},
            "codes": ["PP94-5a"],
            "note": "<script>alert(1)</script>",
            "long": "panjang " * 200,
        },
    )
    response = client_for(admin).get(reverse("web:audit_log"))
    page = response.content.decode()
    for secret in (
        "Budi Pelapor",
        "a" * 64,
        "NTR-1234-5678",
        "sealed-blob",
        "sk-rahasia",
        "pelapor@example.org",
        "Jl. Mawar 1",
        "08123",
    ):
        assert secret not in page, secret
    assert "PP94-5a" in page  # violation codes are not secret
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    data = dict(response.context["rows"][0]["data"])
    assert data["reporter_name"] is None and data["receipt"] is None
    assert len(data["long"]) == 160 and data["long"].endswith("…")
    assert "(disembunyikan)" in page


def test_an_entry_with_many_fields_shows_a_bounded_number_of_them(client_for, admin):
    record(None, "test.event", data={f"field{i:02d}": i for i in range(40)})
    rows = client_for(admin).get(reverse("web:audit_log")).context["rows"]
    assert len(rows[0]["data"]) == 13 and rows[0]["data"][-1] == ("…", "28")

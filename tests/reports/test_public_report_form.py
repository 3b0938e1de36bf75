import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netra.reports.models import Evidence, Submission

from .helpers import REPORTER_NAME, file_report, photo_with_gps, receipt_from


@pytest.fixture(autouse=True)
def roster(employee_factory):
    return employee_factory("Drs. Ahmad Fauzi", "198501012010011001")


def test_a_reporter_files_a_report_with_a_photo_and_gets_a_receipt(client, media_root):
    response = file_report(client, files=[photo_with_gps()])
    assert response.status_code == 302 and "receipt" not in response.url
    code = receipt_from(client, response)
    assert len(code.replace(" ", "")) == 20
    submission = Submission.objects.get()
    assert submission.kind == "report" and submission.status == "received"
    assert submission.receipt_hash != code.replace(" ", "")
    assert REPORTER_NAME not in submission.identity_sealed
    person = submission.persons.get()
    assert person.employee.name == "Drs. Ahmad Fauzi"
    stored = Evidence.objects.get()
    content = stored.file.read()
    assert b"SpyPhone" not in content
    assert dict(Image.open(io.BytesIO(content)).getexif()) == {}
    assert stored.metadata_removed


def test_the_receipt_is_shown_until_the_reporter_says_it_is_saved(client):
    response = file_report(client)
    assert receipt_from(client, response) == receipt_from(client, response)
    client.post(response.url, {"saved": "1"})
    assert client.get(response.url).url == "/lapor/status/"


def test_an_anonymous_submission_is_information_without_identity(client):
    file_report(
        client,
        anonymous="on",
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
    )
    submission = Submission.objects.get()
    assert submission.kind == "information"
    assert submission.identity_sealed == "" and submission.reporter_nik_hash == ""


def test_a_late_report_is_marked_possibly_expired(client):
    file_report(client, incident_date="2024-11-01", known_date="2024-11-02")
    assert Submission.objects.get().possibly_expired


def errors_of(response):
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"description": ""}, "description", "Bidang ini tidak boleh kosong."),
        ({"known_date": "2099-01-01"}, "known_date", "Tanggal ini ada di masa depan."),
        (
            {"incident_date": "2024-11-10", "known_date": "2024-11-05"},
            "incident_date",
            "Perbuatan tidak mungkin terjadi setelah Anda mengetahuinya.",
        ),
        ({"reporter_nik": "1234567890123456"}, "reporter_nik", None),
        ({"person_nip": "198513012010011001"}, "person_nip", None),
        ({"region": "34", "district": ""}, "region", "Pilih kabupaten atau kota dari daftar"),
        ({"reporter_name": ""}, "reporter_name", None),
        ({"district": "15.71.01"}, "district", None),
        ({"links": "javascript:alert(1)"}, "links", None),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(
    client, media_root, overrides, field, message
):
    response = file_report(client, files=[photo_with_gps()], **overrides)
    assert response.status_code == 200
    errors = errors_of(response)
    assert field in errors
    if message:
        assert any(message in e for e in errors[field]), errors[field]
    assert not Submission.objects.exists()
    # No evidence was stored; the checked photo is only kept for this session's next try
    # (reports/staging.py), and only when the photo itself was not what was refused.
    stored = [p for p in media_root.rglob("*") if p.is_file()]
    assert all(p.relative_to(media_root).parts[0] == "staging" for p in stored)
    assert len(stored) == (0 if field == "evidence" else 1)


@pytest.mark.parametrize(
    "upload, text",
    [
        (SimpleUploadedFile("palsu.jpg", b"\xff\xd8\xff" + b"bukan jpeg" * 50), "rusak"),
        (SimpleUploadedFile("kosong.jpg", b""), None),
        (SimpleUploadedFile("program.jpg", b"MZ\x90\x00" * 100), "bukan foto"),
    ],
)
def test_bad_evidence_is_refused_with_a_message_on_the_evidence_field(
    client, media_root, upload, text
):
    response = file_report(client, files=[upload])
    assert response.status_code == 200
    assert "evidence" in errors_of(response)
    if text:
        assert any(text in e for e in errors_of(response)["evidence"])
    assert not Submission.objects.exists()


def test_eleven_files_are_too_many(client):
    response = file_report(client, files=[photo_with_gps(f"f{i}.jpg") for i in range(11)])
    assert "Lampirkan paling banyak 10 berkas." in errors_of(response)["evidence"]


def test_a_bot_filling_the_hidden_field_is_refused(client):
    response = file_report(client, website="http://spam.example")
    assert response.status_code == 200 and not Submission.objects.exists()


def test_one_address_cannot_flood_the_form(client, settings):
    settings.NETRA_SUBMISSIONS_PER_HOUR = 2
    for _ in range(2):
        assert file_report(client).status_code == 302
    response = file_report(client)
    assert response.status_code == 429
    assert Submission.objects.count() == 2


def test_files_already_stored_are_removed_when_saving_fails(client, media_root, monkeypatch):
    from netra.reports import actions

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    # The audit entry, the transaction's last step, after the files were written.
    monkeypatch.setattr(actions, "record", broken)
    with pytest.raises(RuntimeError):
        file_report(client, files=[photo_with_gps(), photo_with_gps("b.jpg")])
    assert not Submission.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_an_oversized_request_is_refused_before_it_is_read(client, settings):
    settings.NETRA_EVIDENCE_MAX_FILES, settings.NETRA_EVIDENCE_MAX_BYTES = 1, 1000
    response = file_report(client, files=[photo_with_gps()], description="x" * 2_000_000)
    assert response.status_code == 413
    assert "terlalu besar" in response.content.decode()
    assert not Submission.objects.exists()

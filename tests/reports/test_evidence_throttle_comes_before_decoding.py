"""Finding 1: the rate limit comes before any heavy work. Before: the form opened (decoded)
every file while validating, and the submission limit was checked only after, so a refused
bomb never counted and a throttled address still had its files decoded."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.accounts import throttle
from netra.reports import decoding
from netra.reports.models import Submission

from .evidence_samples import gif_of_tiny_frames
from .helpers import file_report, photo_with_gps, receipt_from, report_data


@pytest.fixture
def decoded(monkeypatch):
    """The files the decoder pool was asked to open."""
    opened = []
    real = decoding.Pool.reencode

    def spy(pool, data, content_type, limits):
        opened.append(content_type)
        return real(pool, data, content_type, limits)

    monkeypatch.setattr(decoding.Pool, "reencode", spy)
    return opened


@pytest.fixture(autouse=True)
def _roster(employee_factory):
    employee_factory("Drs. Ahmad Fauzi", "198501012010011001")


def use_up_submissions(address="127.0.0.1"):
    for _ in range(settings.NETRA_SUBMISSIONS_PER_HOUR):
        throttle.hit(f"submit-ip:{address}", 3600)


def test_a_throttled_address_gets_429_before_its_files_are_opened(client, decoded):
    use_up_submissions()
    response = file_report(client, files=[photo_with_gps()])
    assert response.status_code == 429 and decoded == []
    assert "Terlalu banyak laporan dari koneksi ini" in response.content.decode()


def test_the_api_also_refuses_before_opening_files(client, decoded):
    use_up_submissions()
    response = client.post("/api/v1/reports", {**report_data(), "evidence": [photo_with_gps()]})
    assert response.status_code == 429 and decoded == []


def test_refused_files_count_against_the_address_and_a_typo_does_not(client, settings, decoded):
    settings.NETRA_SUBMISSIONS_PER_HOUR = 3
    for _ in range(5):  # forms with a mistake and no file: nothing opened, nothing counted
        assert file_report(client, description="").status_code == 200
    bomb = gif_of_tiny_frames(1500, 1500, 100)
    for _ in range(3):
        response = file_report(client, files=[SimpleUploadedFile("layar.gif", bomb)])
        assert response.status_code == 200
    assert len(decoded) == 3
    assert file_report(client, files=[SimpleUploadedFile("layar.gif", bomb)]).status_code == 429
    assert len(decoded) == 3 and not Submission.objects.exists()


def test_a_reporters_replies_with_files_are_limited_before_opening_them(client, settings, decoded):
    code = receipt_from(client, file_report(client))
    client.post("/lapor/status/", {"receipt": code.replace(" ", "")})
    use_up_submissions()
    response = client.post("/lapor/status/", {"body": "Foto lagi", "evidence": [photo_with_gps()]})
    assert response.status_code == 429 and decoded == []
    response = client.post("/lapor/status/", {"body": "Tanpa berkas, tetap boleh."})
    assert response.status_code == 302
    assert submission_messages() == ["Tanpa berkas, tetap boleh."]


def submission_messages():
    return [m.body for m in Submission.objects.get().messages.all()]


def test_case_attachments_are_limited_per_officer_before_opening_them(
    client_for, alice, reported_case, settings, decoded
):
    settings.NETRA_EVIDENCE_ATTACHMENTS_PER_HOUR = 2
    officer = client_for(alice)
    for _ in range(2):
        officer.post(
            f"/kasus/{reported_case.pk}/lampiran/", {"title": "Foto", "file": photo_with_gps()}
        )
    page = officer.post(
        f"/kasus/{reported_case.pk}/lampiran/",
        {"title": "Foto", "file": photo_with_gps()},
        follow=True,
    )
    assert "banyak berkas dalam satu jam terakhir" in page.content.decode()
    assert len(decoded) == 2 and reported_case.attachments.count() == 2

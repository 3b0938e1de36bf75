"""Finding 8: a report whose body stopped halfway through a photo was saved with no evidence
and no receipt (Django's parser returns the fields that arrived and drops the cut file). Now a
body shorter than its Content-Length is refused with a message, and nothing is saved."""

import io

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from netra.reports.models import Evidence, Message, Submission

from .helpers import file_report, photo_with_gps, receipt_from, report_data


def post_cut_short(client, path, data, photo):
    """POST DATA as multipart, the connection breaking halfway through PHOTO's bytes."""
    body = encode_multipart(BOUNDARY, data)
    photo_at = body.index(photo)
    arrived = body[: photo_at + len(photo) // 2]
    return client.generic(
        "POST",
        path,
        **{
            "CONTENT_TYPE": MULTIPART_CONTENT,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(arrived),
        },
    )


def test_a_report_cut_off_halfway_through_a_photo_saves_nothing(client, media_root):
    photo = photo_with_gps()
    content = photo.read()
    photo.seek(0)
    response = post_cut_short(client, "/lapor/", {**report_data(), "evidence": [photo]}, content)
    assert response.status_code == 400
    assert "tidak sampai utuh" in response.content.decode()
    assert not Submission.objects.exists() and not Evidence.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))
    assert client.get("/lapor/tanda-terima/").status_code == 302  # no receipt waiting either


def test_a_report_cut_off_through_the_api_saves_nothing(client, media_root):
    photo = photo_with_gps()
    content = photo.read()
    photo.seek(0)
    response = post_cut_short(
        client, "/api/v1/reports", {**report_data(), "evidence": [photo]}, content
    )
    assert response.status_code == 400
    assert response.json()["code"] == "incomplete_body"
    assert "tidak tiba utuh" in response.json()["detail"]
    assert not Submission.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_a_reporters_reply_cut_off_saves_nothing(client, media_root):
    code = receipt_from(client, file_report(client))
    client.post("/lapor/status/", {"receipt": code.replace(" ", "")})
    photo = photo_with_gps()
    content = photo.read()
    photo.seek(0)
    response = post_cut_short(
        client, "/lapor/status/", {"body": "Ini fotonya.", "evidence": [photo]}, content
    )
    assert response.status_code == 400
    assert not Message.objects.exists() and not Evidence.objects.exists()


def test_a_whole_body_still_goes_through(client):
    response = file_report(client, files=[photo_with_gps()])
    assert response.status_code == 302 and Evidence.objects.count() == 1


@pytest.fixture(autouse=True)
def _roster(employee_factory):
    employee_factory("Drs. Ahmad Fauzi", "198501012010011001")

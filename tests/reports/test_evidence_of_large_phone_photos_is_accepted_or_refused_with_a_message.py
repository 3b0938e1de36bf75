"""Phone photos of 89.5 to 200 megapixels: a JPEG is taken at a reduced size (decoded at 1/2,
1/4 or 1/8 of its sides, which costs little), a HEIC cannot be decoded reduced and is refused
with its size in the message. Before: both answered 500 (KeyError: 'width')."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from netra.reports import evidence
from netra.reports.models import Evidence, Submission

from .evidence_samples import big_jpeg, heic_declaring
from .helpers import file_report, report_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("width, height", [(11_001, 8_201), (16_320, 12_240)])  # odd sides too
def test_a_jpeg_of_90_or_200_megapixels_is_kept_at_a_reduced_size(client, width, height):
    response = file_report(client, files=[SimpleUploadedFile("foto.jpg", big_jpeg(width, height))])
    assert response.status_code == 302
    stored = Evidence.objects.get()
    image = Image.open(io.BytesIO(stored.file.read()))
    kept = image.size[0] * image.size[1]
    assert image.format == "JPEG" and 0 < kept <= evidence.Limits().max_pixels
    assert image.size[0] * 8 >= width and image.size[0] < width  # reduced, but not to nothing
    assert image.getextrema() == ((128, 128),) * 3


def test_a_200_megapixel_heic_is_refused_with_its_size_in_the_message(client):
    upload = SimpleUploadedFile("IMG_0001.HEIC", heic_declaring(16_320, 12_240))
    response = file_report(client, files=[upload])
    assert response.status_code == 200
    [message] = response.context["form"].errors["evidence"]
    assert message.startswith("IMG_0001.HEIC berukuran 16320 x 12240 piksel")
    assert "JPEG" in message
    assert not Submission.objects.exists()


def test_the_refusal_reads_in_english_too(client):
    upload = SimpleUploadedFile("IMG_0001.HEIC", heic_declaring(12_000, 9_000))
    with translation.override("en"):
        response = client.post(
            "/lapor/", {**report_data(), "evidence": [upload]}, HTTP_ACCEPT_LANGUAGE="en"
        )
    [message] = response.context["form"].errors["evidence"]
    assert message.startswith("IMG_0001.HEIC is 12000 x 9000 pixels")


def test_a_jpeg_too_large_even_at_an_eighth_of_its_sides_is_refused():
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(big_jpeg(9_000, 9_000), limits=evidence.Limits(max_pixels=1_000_000))
    assert caught.value.code == "too_big_image"
    assert caught.value.params["width"] == 9_000

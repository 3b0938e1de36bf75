"""Finding 2, last bullet: importing WeasyPrint sets Pillow's process-wide
ImageFile.LOAD_TRUNCATED_IMAGES to True, and a worker that had rendered a letter then accepted a
65-byte PNG that decodes to 88 megapixels (393 MB, 3.5 s). Before: accepted once the switch was
on. Now the checks give the same answer either way."""

import pytest
from PIL import Image, ImageFile

from netra.reports import evidence

from .evidence_samples import truncated_png

pytestmark = pytest.mark.django_db


def outcome(data):
    try:
        evidence.clean(data)
    except evidence.EvidenceError as refused:
        return refused.code, refused.params
    return "accepted", {}


@pytest.mark.parametrize("truncated_images_allowed", [False, True])
def test_a_truncated_png_declaring_88_megapixels_is_refused_whatever_the_process_did(
    monkeypatch, truncated_images_allowed
):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", truncated_images_allowed)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # another library's choice, too
    data = truncated_png(9_400, 9_400)
    assert len(data) == 65
    assert outcome(data) == ("too_big_image", {"width": 9400, "height": 9400, "max_mp": "50"})


@pytest.mark.parametrize("truncated_images_allowed", [False, True])
def test_a_truncated_png_within_the_budget_is_damaged_whatever_the_process_did(
    monkeypatch, truncated_images_allowed
):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", truncated_images_allowed)
    assert outcome(truncated_png(6_000, 6_000)) == ("damaged", {})


def test_the_decoders_set_pillows_switches_themselves(monkeypatch):
    from netra.reports import decoding

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    status = decoding.shared_pool().status()
    assert status["load_truncated_images"] is False
    assert status["pid"] != __import__("os").getpid()

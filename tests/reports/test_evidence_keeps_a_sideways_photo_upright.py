"""A photo the camera stored sideways (EXIF Orientation 6) is stored upright, its EXIF gone:
the orientation is applied in place, so an upright photo is never copied in the decoder."""

import io

import pytest
from PIL import Image

from netra.reports import evidence

pytestmark = pytest.mark.django_db


def test_a_photo_taken_sideways_is_stored_upright_without_its_exif():
    picture = Image.new("RGB", (60, 40), (200, 200, 200))
    picture.paste((200, 0, 0), (0, 0, 10, 40))  # a red band on the left as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to view
    exif[0x010F] = "SpyPhone Maker"
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif, quality=95)
    stored = Image.open(io.BytesIO(evidence.clean(out.getvalue()).content))
    assert stored.size == (40, 60)
    red, green, blue = stored.getpixel((20, 3))  # the band is now along the top
    assert red > 150 and green < 80 and blue < 80
    assert dict(stored.getexif()) == {}

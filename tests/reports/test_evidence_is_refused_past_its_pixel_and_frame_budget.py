"""Finding 1: a budget of decoded pixels over all frames, and a cap on frames, read from the
header before anything is decoded. Before: the 2 KB GIF of a 1500 x 1500 screen with 100
one-pixel frames was accepted, and took a worker from 176 MB to 1,089 MB."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageChops

from netra.reports import evidence

from .evidence_samples import gif_of_tiny_frames, photo, webp_of_tiny_frames
from .helpers import file_report

pytestmark = pytest.mark.django_db

LIMITS = evidence.Limits(max_pixels=50_000_000, max_frames=1000)


@pytest.fixture(autouse=True, scope="module")
def started_decoders():
    """The decoder processes start at first use; the timings below are of the checks alone."""
    evidence.clean(photo())


def refusal(data, limits=LIMITS):
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(data, limits=limits)
    return caught.value


def test_it_refuses_a_gif_whose_frames_exceed_the_pixel_budget():
    data = gif_of_tiny_frames(1500, 1500, 100)
    assert len(data) < 2500
    started = time.monotonic()
    error = refusal(data)
    assert error.code == "too_big_animation"
    assert error.params == {"width": 1500, "height": 1500, "frames": 100, "max_mp": "50"}
    assert time.monotonic() - started < 0.2  # read from the header, not decoded


def test_it_refuses_a_gif_with_more_frames_than_the_cap_without_counting_them_all():
    data = gif_of_tiny_frames(8, 8, 200_000)  # 3.8 MB, 12.8 megapixels in all
    started = time.monotonic()
    error = refusal(data)
    assert error.code == "too_many_frames" and error.params == {"max_frames": 1000}
    assert time.monotonic() - started < 0.2


def test_a_frame_larger_than_the_declared_screen_counts_at_its_own_size():
    # Decoders grow the screen to the largest frame: a 1 x 1 screen is no excuse.
    data = bytearray(gif_of_tiny_frames(1, 1, 3))
    descriptor = data.index(b"\x2c")
    data[descriptor + 5 : descriptor + 9] = (8000).to_bytes(2, "little") * 2
    error = refusal(bytes(data))
    assert error.code == "too_big_animation" and error.params["width"] == 8000


def test_it_refuses_an_animated_webp_whose_frames_exceed_the_pixel_budget():
    error = refusal(webp_of_tiny_frames(1500, 1500, 100))
    assert error.code == "too_big_animation" and error.params["frames"] == 100
    assert refusal(webp_of_tiny_frames(16, 16, 1500)).code == "too_many_frames"


def composed_frames(data):
    image = Image.open(io.BytesIO(data))
    frames = []
    for index in range(image.n_frames):
        image.seek(index)
        frames.append((image.convert("RGBA"), image.info.get("duration")))
    return frames


def test_an_animation_within_the_budget_keeps_every_frame_its_timing_and_transparency():
    base = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    frames, colours = [], [(255, 0, 0, 255), (0, 160, 0, 255), (0, 0, 255, 255)]
    for index, colour in enumerate(colours):
        frame = base.copy()
        frame.paste(colour, (index * 10, 5, index * 10 + 12, 20))
        frames.append(frame)
    out = io.BytesIO()
    frames[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[80, 120, 200],
        loop=0,
        disposal=2,
        comment=b"Dibuat di HP Budi",
    )
    original = out.getvalue()
    cleaned = evidence.clean(original, limits=LIMITS).content
    assert b"HP Budi" not in cleaned
    before, after = composed_frames(original), composed_frames(cleaned)
    assert [d for _, d in after] == [d for _, d in before] == [80, 120, 200]
    for (a, _), (b, _) in zip(before, after, strict=True):
        assert ImageChops.difference(a, b).getbbox() is None
    assert Image.open(io.BytesIO(cleaned)).info.get("loop") == 0


def test_a_webp_animation_within_the_budget_keeps_its_frames_and_loses_its_metadata():
    frames = [Image.new("RGB", (32, 32), colour) for colour in ("red", "lime", "blue")]
    out = io.BytesIO()
    frames[0].save(
        out,
        format="WEBP",
        save_all=True,
        append_images=frames[1:],
        duration=[50, 60, 70],
        lossless=True,
        xmp=b"<x:xmpmeta>GPS rahasia</x:xmpmeta>",
    )
    assert b"GPS rahasia" in out.getvalue()
    cleaned = evidence.clean(out.getvalue(), limits=LIMITS).content
    assert b"GPS rahasia" not in cleaned
    image = Image.open(io.BytesIO(cleaned))
    assert image.n_frames == 3
    image.seek(2)
    assert image.convert("RGB").getpixel((16, 16))[2] > 200


def test_the_form_says_why_in_indonesian(client):
    response = file_report(
        client, files=[SimpleUploadedFile("layar.gif", gif_of_tiny_frames(1500, 1500, 100))]
    )
    assert response.status_code == 200
    [message] = response.context["form"].errors["evidence"]
    assert message.startswith("layar.gif berisi 100 bingkai berukuran 1500 x 1500 piksel")

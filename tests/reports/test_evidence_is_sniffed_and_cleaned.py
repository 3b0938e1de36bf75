import io
import zlib

import pytest
from PIL import Image

from netra.reports import evidence


def jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SpyPhone Maker"  # Make
    exif[0x0110] = "Model X-Serial-998877"  # Model
    exif[0x8825] = {1: "S", 2: (8.0, 10.0, 12.0), 3: "E", 4: (113.0, 42.0, 1.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bytes(size=(10, 10)):
    out = io.BytesIO()
    Image.new("RGB", size).save(out, format="PNG")
    return out.getvalue()


def test_exif_gps_and_device_data_are_removed_from_a_photo():
    original = jpeg_with_gps()
    assert b"SpyPhone" in original
    cleaned = evidence.clean(original)
    assert cleaned.content_type == "image/jpeg" and cleaned.metadata_removed
    assert b"SpyPhone" not in cleaned.content and b"X-Serial" not in cleaned.content
    assert dict(Image.open(io.BytesIO(cleaned.content)).getexif()) == {}


def test_the_hash_of_the_original_bytes_is_kept():
    import hashlib

    original = jpeg_with_gps()
    assert evidence.clean(original).sha256_original == hashlib.sha256(original).hexdigest()


def test_the_type_comes_from_the_content_not_the_name():
    assert evidence.sniff(png_bytes()[:64]) == "image/png"
    assert evidence.sniff(b"%PDF-1.7\n...") == "application/pdf"
    assert evidence.sniff(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00") == "video/mp4"
    assert evidence.sniff(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00") == "image/heic"
    assert evidence.sniff(b"PK\x03\x04 a zip named photo.jpg") is None
    assert evidence.sniff(b"MZ\x90\x00 an exe") is None


def test_a_file_that_claims_to_be_a_jpeg_but_is_not_is_refused():
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(b"\xff\xd8\xff" + b"not really a jpeg" * 10)
    assert caught.value.code == "damaged"


def test_an_empty_or_unknown_file_is_refused():
    for data, code in [(b"", "empty"), (b"hello world", "type")]:
        with pytest.raises(evidence.EvidenceError) as caught:
            evidence.clean(data)
        assert caught.value.code == code


def test_a_file_over_the_limit_is_refused_before_decoding():
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(png_bytes(), max_bytes=10)
    assert caught.value.code == "too_large"


def test_a_decompression_bomb_is_refused_from_its_header():
    # A PNG that declares 100,000 x 100,000 pixels in a few hundred bytes.
    import struct

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(bomb)
    assert caught.value.code == "too_big_image"


def test_eleven_files_are_too_many():
    evidence.check_count(10)
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.check_count(11)
    assert caught.value.code == "too_many"


def test_videos_and_pdfs_are_kept_as_received():
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    cleaned = evidence.clean(pdf)
    assert cleaned.content == pdf and not cleaned.metadata_removed


def test_an_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (8, 8), c) for c in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=50)
    cleaned = evidence.clean(out.getvalue())
    assert Image.open(io.BytesIO(cleaned.content)).n_frames == 3


def test_an_iphone_heic_photo_becomes_a_jpeg_without_its_metadata():
    image = Image.new("RGB", (32, 32), (10, 20, 30))
    exif = Image.Exif()
    exif[0x010F] = "SpyPhone Maker"
    out = io.BytesIO()
    image.save(out, format="HEIF", exif=exif)
    original = out.getvalue()
    assert b"SpyPhone" in original
    cleaned = evidence.clean(original)
    assert (cleaned.content_type, cleaned.extension) == ("image/jpeg", "jpg")
    assert b"SpyPhone" not in cleaned.content

"""Crafted evidence files for the decoding limits: small on disk, large or many once decoded.

Each is built byte by byte (or from a tiny file Pillow wrote), so that the tests and
bench/evidence_limits.py can send a 200-megapixel photo or a GIF of a million frames without
ever holding those pixels themselves.
"""

import io
import struct
import zlib

from PIL import Image


def big_jpeg(width, height):
    """A valid baseline JPEG of a uniform grey picture of WIDTH x HEIGHT, about 4 bytes per
    16 x 16 pixels on disk.

    Pillow writes a tiny grey picture with the standard Huffman tables and 4:2:0 subsampling;
    its frame header gets the new size and its scan is replaced by one MCU repeated: four
    luminance blocks of "DC difference 0, end of block" (6 bits each) and two chrominance
    blocks of the same (4 bits each), 32 bits in all, so the bytes never need stuffing."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (128, 128, 128)).save(out, "JPEG", quality=75, subsampling=2)
    source = out.getvalue()
    position, head = 2, bytearray(b"\xff\xd8")
    while True:
        marker = source[position + 1]
        length = struct.unpack(">H", source[position + 2 : position + 4])[0]
        segment = bytearray(source[position : position + 2 + length])
        if marker == 0xC0:  # baseline frame header: precision, height, width
            segment[5:9] = struct.pack(">HH", height, width)
        head += segment
        position += 2 + length
        if marker == 0xDA:  # start of scan: the entropy-coded data follows
            break
    mcus = -(-width // 16) * -(-height // 16)
    return bytes(head) + b"\x28\xa2\x8a\x00" * mcus + b"\xff\xd9"


def heic_declaring(width, height):
    """A small real HEIC photo whose image-size properties claim WIDTH x HEIGHT: what a phone's
    header says is all that a budget may look at before decoding."""
    import pillow_heif

    out = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (64, 64), (90, 120, 150))).save(out, quality=50)
    data = bytearray(out.getvalue())
    start = 0
    while (found := data.find(b"ispe", start)) != -1:
        # box: size, "ispe", version and flags (4 bytes), width, height
        data[found + 8 : found + 16] = struct.pack(">II", width, height)
        start = found + 4
    return bytes(data)


def _png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def truncated_png(width, height, size=65):
    """SIZE bytes of a PNG that declares WIDTH x HEIGHT RGB pixels: a signature, a correct
    header and the start of a compressed stream of zero rows, cut off (no IEND)."""
    header = _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    room = size - 8 - len(header) - 12
    compressor = zlib.compressobj()
    stream = compressor.compress(b"\x00" * 65536) + compressor.flush(zlib.Z_SYNC_FLUSH)
    data = b"\x89PNG\r\n\x1a\n" + header + _png_chunk(b"IDAT", stream[:room])
    assert len(data) == size
    return data


# One pixel of colour 0, LZW-coded with a minimum code size of 2: clear, 0, end of information.
_ONE_PIXEL = b"\x02\x02\x44\x01\x00"


def gif_of_tiny_frames(width, height, frames, duration=2):
    """An animated GIF of a WIDTH x HEIGHT screen whose FRAMES frames each change one pixel:
    about 19 bytes a frame on disk, a whole screen each for a decoder that composes frames."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0)  # global table of 2 colours
    parts = [
        b"GIF89a",
        screen,
        b"\x00\x00\x00\xff\xff\xff",
        b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00",
    ]
    for index in range(frames):
        x, y = index % width, (index // width) % height
        control = b"\x21\xf9\x04\x04" + struct.pack("<H", duration) + b"\x00\x00"
        descriptor = b"\x2c" + struct.pack("<HHHHB", x, y, 1, 1, 0)
        parts += [control, descriptor, _ONE_PIXEL]
    parts.append(b"\x3b")
    return b"".join(parts)


def gif_of_full_frames(width, height, frames):
    """An animated GIF whose every frame repaints the whole screen in 256 colours (a diagonal
    gradient that moves): the most a decoder and an encoder can have to do per frame."""
    palette = []
    for index in range(256):
        palette += [index, (index * 7) % 256, 255 - index]
    row = bytes(range(256)) * (2 + width // 256)
    pictures = []
    for index in range(frames):
        data = b"".join(row[(y + index) % 256 : (y + index) % 256 + width] for y in range(height))
        picture = Image.frombytes("P", (width, height), data)
        picture.putpalette(palette)
        pictures.append(picture)
    out = io.BytesIO()
    pictures[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=pictures[1:],
        duration=40,
        loop=0,
        optimize=False,
    )
    return out.getvalue()


def _webp_chunk(kind, payload):
    return kind + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) % 2 else b"")


def webp_of_tiny_frames(width, height, frames, duration=20):
    """An animated WebP of a WIDTH x HEIGHT canvas with FRAMES frames of 2 x 2 pixels each."""
    out = io.BytesIO()
    Image.new("RGBA", (2, 2), (200, 10, 10, 255)).save(out, "WEBP", lossless=True)
    tiny = out.getvalue()
    bitstream = tiny[12:]  # the VP8L chunk of a still WebP: header and payload
    canvas = (
        struct.pack("<B3x", 0x12)
        + (width - 1).to_bytes(3, "little")
        + (height - 1).to_bytes(3, "little")
    )  # flags: animation and alpha
    body = [_webp_chunk(b"VP8X", canvas), _webp_chunk(b"ANIM", struct.pack("<IH", 0xFFFFFFFF, 0))]
    for index in range(frames):
        x = (index * 2) % max(width - 1, 1) // 2
        y = ((index * 2) // max(width - 1, 1) * 2) % max(height - 1, 1) // 2
        frame = (
            x.to_bytes(3, "little")
            + y.to_bytes(3, "little")
            + (1).to_bytes(3, "little")
            + (1).to_bytes(3, "little")
            + duration.to_bytes(3, "little")
            + b"\x00"
        )
        body.append(_webp_chunk(b"ANMF", frame + bitstream))
    payload = b"WEBP" + b"".join(body)
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def webp_of_full_frames(width, height, frames):
    """An animated WebP whose every frame repaints the whole canvas (a moving gradient)."""
    gradient = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    pictures = [
        Image.eval(gradient, lambda v, k=index: (v + 3 * k) % 256) for index in range(frames)
    ]
    out = io.BytesIO()
    pictures[0].save(
        out,
        format="WEBP",
        save_all=True,
        append_images=pictures[1:],
        duration=40,
        quality=50,
        method=0,
    )
    return out.getvalue()


def many_scan_jpeg(side=2000, scans=1000):
    """A progressive JPEG of a grey SIDE x SIDE picture with one of its AC scans sent SCANS more
    times: a few dozen bytes each, but a decoder walks every block of the picture for each one
    (38 KB and 3 s of CPU at the defaults)."""
    out = io.BytesIO()
    Image.new("RGB", (side, side), (128, 128, 128)).save(out, "JPEG", quality=90, progressive=True)
    data = out.getvalue()
    first, last = data.find(b"\xff\xda"), data.rfind(b"\xff\xd9")
    pieces, position = [], first
    while position < last:
        end = data.find(b"\xff\xda", position + 2)
        end = last if end == -1 else end
        pieces.append(data[position:end])
        position = end
    return data[:last] + min(pieces[1:], key=len) * scans + b"\xff\xd9"


def photo(size=(80, 60), fmt="JPEG"):
    out = io.BytesIO()
    Image.new("RGB", size, (120, 40, 40)).save(out, format=fmt)
    return out.getvalue()

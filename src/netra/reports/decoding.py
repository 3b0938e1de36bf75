"""Opening untrusted images within a budget, in child processes that cannot take the server down.

Two bounds, one before decoding and one around it:

- **A budget read from the header.** Every file gets a budget of decoded pixels, counting each
  frame of an animation at the size of its whole screen (that is what a decoder composes and
  holds), and a cap on frames. The frames of GIF and WebP animations and the scans of a JPEG are
  counted by walking the file's blocks without decoding any of them, so a 2 KB GIF that declares
  a 1500 x 1500 screen with a hundred frames is refused before a single frame is opened. A JPEG
  too large for the budget is decoded at 1/2, 1/4 or 1/8 of its sides, which libjpeg does from
  the compressed data at a fraction of the cost, so a 200-megapixel phone photo is kept at 50.

- **A bound on the work itself.** Decoding and encoding again run in a few pre-started child
  processes (no fork per file: a child serves file after file). For each file the child limits
  its own address space (RLIMIT_AS) to what it holds plus the file's memory allowance, and its
  CPU time with a profiling timer (fractions of a second; RLIMIT_CPU stays behind it as a
  backstop). A file that would pass either bound ends its child, not the server: the request
  gets a refusal and a fresh child takes the place of the old one. The parent also waits a
  bounded wall-clock time.

The children start from a fresh interpreter (not a fork), with an environment that holds no
secret, and talk to the parent in length-prefixed JSON and bytes, never pickle: a child that a
hostile file took over could not make the parent run anything. Pillow's process-wide switches
(ImageFile.LOAD_TRUNCATED_IMAGES, which importing WeasyPrint turns on, and MAX_IMAGE_PIXELS) are
set by the child before every file, so what else the server did never changes the checks.

Animations are re-encoded one frame at a time: a GIF is written frame by frame with each frame's
own rectangle, disposal and timing (Pillow's writer would keep every frame of the animation),
and a WebP animation goes frame by frame through libwebp's encoder. At no time does a child hold
more than a couple of screens.

Framework-free: the Django side passes the limits from settings.
"""

import atexit
import io
import json
import logging
import math
import os
import queue
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import asdict, dataclass

log = logging.getLogger(__name__)

#: A progressive JPEG has about ten scans (a multi-picture phone JPEG a few times that), and a
#: decoder works through every block for each one: a 40 KB file repeating one scan a thousand
#: times costs 3 s of CPU. Baseline photos have one, or two with an embedded thumbnail.
MAX_JPEG_SCANS = 64
#: Blocks walked while counting frames: a 20 MB GIF of 255-byte blocks has about 80,000.
MAX_BLOCKS = 400_000


@dataclass(frozen=True)
class Limits:
    """What one file may cost. MAX_PIXELS counts every decoded pixel of every frame."""

    max_pixels: int = 50_000_000  # a 48-megapixel phone photo decodes at full size
    max_frames: int = 1000
    memory_bytes: int = 512 * 1024 * 1024  # address space a child may add for one file
    cpu_seconds: float = 5.0

    @property
    def wall_seconds(self):
        # Two cores shared by several children and the web threads: allow queueing for CPU.
        return max(30.0, self.cpu_seconds * 6)


class Refused(Exception):
    """CODE is one of: damaged, too_big_image, too_big_animation, too_many_frames, too_heavy."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code, self.params = code, params


# ---- the budget, from the header -----------------------------------------------------------


def gif_layout(data, max_frames):
    """(width, height, frames) of a GIF without decoding it: the screen grown to the largest
    frame rectangle (as decoders do), and the frames counted up to MAX_FRAMES + 1."""
    if len(data) < 13:
        raise Refused("damaged")
    width, height, flags = struct.unpack("<HHB", data[6:11])
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = blocks = 0
    end = len(data)

    def skip_sub_blocks(position):
        nonlocal blocks
        while position < end:
            blocks += 1
            size = data[position]
            position += 1 + size
            if size == 0:
                return position
            if blocks > MAX_BLOCKS:
                raise Refused("too_heavy")
        return position

    while position < end:
        kind = data[position]
        if kind == 0x21:  # extension: label, then sub-blocks
            position = skip_sub_blocks(position + 2)
        elif kind == 0x2C:  # image descriptor
            if position + 10 > end:
                break
            left, top, w, h, local = struct.unpack("<HHHHB", data[position + 1 : position + 10])
            width, height = max(width, left + w), max(height, top + h)
            frames += 1
            if frames > max_frames:
                break
            position += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            position = skip_sub_blocks(position + 1)  # after the LZW minimum code size
        else:  # the trailer, or bytes no decoder reads
            break
    return width, height, frames


@dataclass
class WebpLayout:
    width: int = 0
    height: int = 0
    animated: bool = False
    frames: int = 0
    durations: list = None
    loop: int = 0


def webp_layout(data, max_frames):
    """The canvas, frame count and timing of a WebP from its RIFF chunks, without decoding."""
    layout = WebpLayout(durations=[])
    position, end, chunks = 12, len(data), 0
    while position + 8 <= end:
        kind = data[position : position + 4]
        size = struct.unpack("<I", data[position + 4 : position + 8])[0]
        payload = data[position + 8 : position + 8 + size]
        if kind == b"VP8X" and len(payload) >= 10:
            layout.animated = bool(payload[0] & 0x02)
            layout.width = 1 + int.from_bytes(payload[4:7], "little")
            layout.height = 1 + int.from_bytes(payload[7:10], "little")
        elif kind == b"ANIM" and len(payload) >= 6:
            layout.loop = struct.unpack("<H", payload[4:6])[0]
        elif kind == b"ANMF" and len(payload) >= 16:
            layout.frames += 1
            layout.durations.append(int.from_bytes(payload[12:15], "little"))
            if layout.frames > max_frames:
                break
        chunks += 1
        if chunks > max_frames + 64:
            raise Refused("too_heavy")
        position += 8 + size + (size & 1)
    return layout


def jpeg_scale(width, height, max_pixels):
    """The smallest of 1, 2, 4, 8 by which libjpeg may divide the sides to fit the budget."""
    for scale in (1, 2, 4, 8):
        if math.ceil(width / scale) * math.ceil(height / scale) <= max_pixels:
            return scale
    return None


def _megapixels(limits):
    return f"{limits.max_pixels / 1_000_000:g}"


def _check_animation(width, height, frames, limits):
    if frames > limits.max_frames:
        raise Refused("too_many_frames", max_frames=limits.max_frames)
    if width * height * max(frames, 1) > limits.max_pixels:
        raise Refused(
            "too_big_animation",
            width=width,
            height=height,
            frames=frames,
            max_mp=_megapixels(limits),
        )


def _check_still(width, height, limits):
    if width * height > limits.max_pixels:
        raise Refused("too_big_image", width=width, height=height, max_mp=_megapixels(limits))


# ---- decoding and encoding again (in the child) --------------------------------------------

OUTPUT_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/gif": "GIF",
    "image/heic": "JPEG",
}
#: What Pillow must find in a file whose first bytes said CONTENT_TYPE.
PILLOW_FORMATS = {
    "image/jpeg": {"JPEG", "MPO"},
    "image/png": {"PNG"},
    "image/webp": {"WEBP"},
    "image/gif": {"GIF"},
    "image/heic": {"HEIF"},
}


def _prepare_pillow():
    from PIL import Image, ImageFile

    # Process-wide switches that other code (WeasyPrint) turns: a truncated file is damaged, and
    # the budget above, not Pillow's warning at 89.5 megapixels, decides what is too large.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = None
    return Image


def reencode(data, content_type, limits):
    """DATA decoded and encoded again without metadata, within LIMITS; raise Refused."""
    Image = _prepare_pillow()
    from PIL import ImageOps

    gif = webp = None
    if content_type == "image/gif":
        gif = gif_layout(data, limits.max_frames)
        _check_animation(*gif, limits)
    elif content_type == "image/webp":
        webp = webp_layout(data, limits.max_frames)
        if webp.animated:
            _check_animation(webp.width, webp.height, webp.frames, limits)
        else:
            _check_still(webp.width, webp.height, limits)
    elif content_type == "image/jpeg" and data.count(b"\xff\xda") > MAX_JPEG_SCANS:
        raise Refused("too_heavy")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's notes on odd files; errors still raise
        image = Image.open(io.BytesIO(data))
        if image.format not in PILLOW_FORMATS[content_type]:
            raise Refused("damaged")
        width, height = image.size
        if content_type == "image/jpeg":
            scale = jpeg_scale(width, height, limits.max_pixels)
            if scale is None:
                raise Refused(
                    "too_big_image", width=width, height=height, max_mp=_megapixels(limits)
                )
            if scale > 1:
                # Pillow picks the largest scale the requested size allows: ask for the floor.
                image.draft(None, (max(1, width // scale), max(1, height // scale)))
            _check_still(*image.size, limits)
        elif gif is not None and gif[2] > 1:
            if width > gif[0] or height > gif[1]:  # the walk saw a smaller screen
                raise Refused("damaged")
            out = io.BytesIO()
            write_gif_animation(image, gif, out)
            return out.getvalue()
        elif webp is not None and webp.animated:
            if image.size != (webp.width, webp.height) or image.n_frames != webp.frames:
                raise Refused("damaged")
            return _webp_animation(image, webp)
        else:
            _check_still(width, height, limits)
        image.load()
        # Keep what the camera meant as "up"; in place, so an upright photo is not copied.
        ImageOps.exif_transpose(image, in_place=True)
    output = OUTPUT_FORMATS[content_type]
    if output == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    # No EXIF, XMP, comments or ICC text blocks travel on; which colour is transparent does.
    image.info = {k: v for k, v in image.info.items() if k == "transparency" and output != "JPEG"}
    out = io.BytesIO()
    options = {"quality": 90} if output in ("JPEG", "WEBP") else {}
    image.save(out, format=output, **options)
    return out.getvalue()


def _webp_animation(image, layout):
    out = io.BytesIO()
    # Pillow's WebP writer takes the frames one by one from the open file (seek, convert, add).
    image.info = {key: value for key, value in image.info.items() if key == "background"}
    image.save(
        out,
        format="WEBP",
        save_all=True,
        duration=layout.durations or 100,
        loop=layout.loop,
        quality=90,
        exif=b"",
        xmp=b"",
        icc_profile=None,
    )
    return out.getvalue()


def write_gif_animation(image, layout, out):
    """Write the open GIF IMAGE to OUT again, one frame at a time.

    Each frame keeps its own rectangle, disposal and duration, so a viewer composes the same
    pictures as from the original. Its pixels are the decoder's composed screen within that
    rectangle: where the original frame was transparent over earlier frames, the same earlier
    pixels are drawn again, which looks the same."""
    width, height, frames = layout
    out.write(b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0))
    if "loop" in image.info:
        out.write(
            b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", image.info["loop"]) + b"\x00"
        )
    for index in range(frames):
        try:
            image.seek(index)
        except EOFError:  # fewer frames than descriptors: the decoder's count is the one shown
            break
        x0, y0, x1, y1 = image.dispose_extent
        x1, y1 = min(x1, image.size[0]), min(y1, image.size[1])
        if x1 <= x0 or y1 <= y0:
            continue
        table, transparent, pixels = _gif_frame_data(image.crop((x0, y0, x1, y1)))
        delay = max(0, min(65535, round(image.info.get("duration", 100) / 10)))
        flags = ((image.disposal_method & 7) << 2) | (1 if transparent is not None else 0)
        out.write(
            b"\x21\xf9\x04"
            + bytes([flags])
            + struct.pack("<H", delay)
            + bytes([transparent or 0])
            + b"\x00"
        )
        size_bits = max(0, (len(table) // 3).bit_length() - 2)
        out.write(b"\x2c" + struct.pack("<HHHHB", x0, y0, x1 - x0, y1 - y0, 0x80 | size_bits))
        out.write(table + pixels)
    out.write(b"\x3b")


def _gif_frame_data(region):
    """(colour table, transparent index or None, LZW data) of REGION (a crop of the decoder's
    screen), from the single-frame GIF that Pillow writes of it."""
    from PIL import Image

    if region.mode == "RGB":  # Pillow's screen after the first frame, when nothing is clear
        rgb, has_clear = region, False
    else:
        region = region.convert("RGBA")
        clear = region.getchannel("A").point(lambda a: 255 if a < 128 else 0)
        has_clear = clear.getbbox() is not None
        rgb = region.convert("RGB")
    room = 255 if has_clear else 256
    colours = rgb.getcolors(room)
    if colours is not None:
        # A frame of a GIF has at most 256 colours: mapped onto exactly those, it stays exact
        # (and this costs a tenth of a median cut).
        flat = [value for _, colour in colours for value in colour]
        palette = Image.new("P", (1, 1))
        palette.putpalette(flat + [0] * (768 - len(flat)))
        indexed = rgb.quantize(palette=palette, dither=Image.Dither.NONE)
    else:  # more colours composed from earlier frames: approximated, quickly
        indexed = rgb.quantize(colors=room, method=Image.Quantize.FASTOCTREE)
    palette = indexed.getpalette()[:768]
    indexed.putpalette(palette + [0] * (768 - len(palette)))
    options = {"optimize": False, "interlace": False}  # the descriptor written is sequential
    if has_clear:
        indexed.paste(255, mask=clear)
        options["transparency"] = 255
    single = io.BytesIO()
    indexed.save(single, format="GIF", **options)
    data = single.getvalue()
    flags = data[10]
    position = 13
    table = b""
    if flags & 0x80:
        table = data[13 : 13 + (3 << ((flags & 7) + 1))]
        position += len(table)
    transparent = None
    while data[position] == 0x21:
        if data[position + 1] == 0xF9 and data[position + 3] & 1:
            transparent = data[position + 6]
        position += 2
        while data[position]:
            position += 1 + data[position]
        position += 1
    if data[position] != 0x2C:  # pragma: no cover - Pillow's own output
        raise Refused("damaged")
    local = data[position + 9]
    position += 10
    if local & 0x80:
        size = 3 << ((local & 7) + 1)
        table, position = data[position : position + size], position + size
    start = position
    position += 1
    while data[position]:
        position += 1 + data[position]
    return table, transparent, data[start : position + 1]


# ---- the child process ---------------------------------------------------------------------

_HEADER = struct.Struct(">II")


def _send(stream, header, payload=b""):
    encoded = json.dumps(header).encode()
    stream.write(_HEADER.pack(len(encoded), len(payload)) + encoded)
    stream.write(payload)
    stream.flush()


def _read_exactly(stream, size):
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _address_space():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _cpu_used():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _soft(value, hard):
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


def child_main():
    """Serve files until the parent closes the pipe; each one under its own bounds."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a killed child leaves no core file
    _prepare_pillow()
    try:  # HEIC photos from iPhones; the wheel bundles libheif
        import pillow_heif

        pillow_heif.register_heif_opener()
        # Only the primary picture is kept; one thread each, the pool gives the parallelism
        # (and the CPU timer counts every thread).
        pillow_heif.options.THUMBNAILS = False
        pillow_heif.options.DEPTH_IMAGES = False
        pillow_heif.options.AUX_IMAGES = False
        pillow_heif.options.DECODE_THREADS = 1
    except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
        pass
    _warm_up()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by a library may corrupt the replies
    _, memory_hard = resource.getrlimit(resource.RLIMIT_AS)
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    while True:
        sizes = _read_exactly(stdin, _HEADER.size)
        if sizes is None:
            return
        header_size, payload_size = _HEADER.unpack(sizes)
        header = json.loads(_read_exactly(stdin, header_size))
        data = _read_exactly(stdin, payload_size)
        if header.get("op") == "status":
            _send(stdout, _status())
            continue
        limits = Limits(**header["limits"])
        # The limits count from what the child holds now: each file gets the same allowance.
        resource.setrlimit(
            resource.RLIMIT_AS,
            (_soft(_address_space() + limits.memory_bytes, memory_hard), memory_hard),
        )
        resource.setrlimit(
            resource.RLIMIT_CPU,
            (_soft(math.ceil(_cpu_used() + limits.cpu_seconds) + 1, cpu_hard), cpu_hard),
        )
        # SIGPROF's default action ends the process: nothing of the file's work survives it.
        signal.setitimer(signal.ITIMER_PROF, limits.cpu_seconds)
        exit_after = False
        try:
            reply, payload = {"ok": True}, reencode(data, header["content_type"], limits)
        except Refused as refused:
            reply, payload = {"ok": False, "code": refused.code, "params": refused.params}, b""
        except MemoryError:
            # Memory may stay fragmented: answer, then make room for a fresh child.
            reply, payload, exit_after = {"ok": False, "code": "too_heavy", "params": {}}, b"", True
        except Exception:  # Pillow's many ways of saying a file is broken
            reply, payload = {"ok": False, "code": "damaged", "params": {}}, b""
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            resource.setrlimit(resource.RLIMIT_AS, (memory_hard, memory_hard))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_hard, cpu_hard))
            data = None
        reply["exiting"] = exit_after
        _send(stdout, reply, payload)
        if exit_after:
            return


def _warm_up():
    """Load every plugin and codec before the first file, so that a file's memory allowance
    is spent on the file, not on libraries being mapped in."""
    from PIL import Image

    Image.init()
    sample = Image.new("RGB", (16, 16), (1, 2, 3))
    for output in ("JPEG", "PNG", "WEBP", "GIF"):
        out = io.BytesIO()
        sample.save(out, format=output)
        Image.open(io.BytesIO(out.getvalue())).load()


def _status():
    from PIL import Image, ImageFile

    return {
        "pid": os.getpid(),
        "load_truncated_images": ImageFile.LOAD_TRUNCATED_IMAGES,
        "max_image_pixels": Image.MAX_IMAGE_PIXELS,
        "core_limit": resource.getrlimit(resource.RLIMIT_CORE)[0],
        "environment": sorted(os.environ),
    }


_BOOT = (
    "import sys, json; sys.path[:0] = json.loads(sys.argv[1]); "
    "from netra.reports.decoding import child_main; child_main()"
)


# ---- the pool (in the web process) ---------------------------------------------------------

NOT_SENT = object()


class _Child:
    def __init__(self):
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
        paths = [p for p in sys.path if p]
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOT, json.dumps(paths)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            close_fds=True,
        )

    def ask(self, header, payload, wall_seconds):
        """The child's (header, payload) answer, None if it died or ran out of time while
        working, or NOT_SENT if it was gone before it got the file."""
        try:
            _send(self.process.stdin, header, payload)
        except OSError:  # a broken pipe: the child had ended
            return NOT_SENT
        deadline = time.monotonic() + wall_seconds
        descriptor = self.process.stdout.fileno()

        def read(size):
            chunks, left = [], size
            while left:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                    return None
                chunk = os.read(descriptor, min(left, 1 << 20))
                if not chunk:
                    return None
                chunks.append(chunk)
                left -= len(chunk)
            return b"".join(chunks)

        sizes = read(_HEADER.size)
        if sizes is None:
            return None
        header_size, payload_size = _HEADER.unpack(sizes)
        answer, data = read(header_size), read(payload_size)
        if answer is None or data is None:
            return None
        return json.loads(answer), data

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:  # pragma: no cover
                pass


class Pool:
    """SIZE child processes, started together at first use and kept for file after file."""

    def __init__(self, size=2):
        self.size = max(1, size)
        self._idle = queue.LifoQueue()
        self._started = 0
        self._lock = threading.Lock()
        self.pid = os.getpid()

    def _take(self):
        with self._lock:
            if self._started == 0:
                for _ in range(self.size - 1):
                    self._idle.put(_Child())
                self._started = self.size
                return _Child()
            if self._started < self.size and self._idle.empty():
                self._started += 1
                return _Child()
        return self._idle.get()

    def _give_back(self, child):
        if child.alive():
            self._idle.put(child)
            return
        child.stop()
        with self._lock:
            self._started -= 1

    def ask(self, header, payload=b"", wall_seconds=30.0):
        for _ in range(2):  # a child found gone before it got the file is replaced once
            child = self._take()
            try:
                answer = child.ask(header, payload, wall_seconds)
                if answer is None:
                    how = child.process.poll()
                    child.stop()
                    log.warning(
                        "evidence decoder %s ended (%s) on a %s",
                        child.process.pid,
                        _ending(how),
                        header.get("content_type", header.get("op")),
                    )
                elif answer is NOT_SENT or answer[0].get("exiting"):
                    child.stop()
            finally:
                self._give_back(child)
            if answer is not NOT_SENT:
                return answer
        return None

    def reencode(self, data, content_type, limits):
        answer = self.ask(
            {"op": "reencode", "content_type": content_type, "limits": asdict(limits)},
            data,
            limits.wall_seconds,
        )
        if answer is None:
            raise Refused("too_heavy")
        reply, payload = answer
        if not reply["ok"]:
            raise Refused(reply["code"], **reply["params"])
        return payload

    def status(self):
        """What a child reports of itself (its pid, Pillow switches and limits)."""
        answer = self.ask({"op": "status"})
        return answer[0] if answer else None

    def stop(self):
        with self._lock:
            while not self._idle.empty():
                self._idle.get().stop()
            self._started = 0


def _ending(returncode):
    if returncode is None:
        return "out of time"
    if returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:  # pragma: no cover
            return f"signal {-returncode}"
    return f"exit {returncode}"


_pool = None
_pool_lock = threading.Lock()


def shared_pool(size=2):
    """This process's pool (a forked process gets its own: pipes are not shared)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool.pid != os.getpid():
            _pool = Pool(size)
            atexit.register(_pool.stop)  # children end with their parent, not after it
        return _pool


def _forget_pool_after_fork():
    global _pool
    _pool = None


os.register_at_fork(after_in_child=_forget_pool_after_fork)

"""What one anonymous submission with hostile (or just very large) evidence costs a worker.

    python bench/evidence_limits.py [--only CASE ...]

Each case runs in a fresh process of its own: Django set up on a copy of one prepared SQLite
database, one small photo submitted first (so the decoder processes have started and every
module is loaded), then the measured submission, posted anonymously to /lapor/ through the real
middleware, view and form with Django's test client. For the truncated PNG the process has
first imported WeasyPrint and rendered a small PDF, as a worker that made a letter has.

Measured for that one request:
- the web process: peak extra RSS (ru_maxrss after minus before, and the peak of VmRSS sampled
  every 2 ms minus the RSS before) and CPU seconds (user + system);
- the decoder processes (reports/decoding.py): peak extra RSS of each (VmHWM after minus VmRSS
  before; a child started during the request counts whole) and their CPU seconds, those of
  children that ended included (RUSAGE_CHILDREN).

Goals: under 128 MB of extra memory and under 2 s of CPU, web process and decoders together.

The files are crafted small on disk (tests/reports/evidence_samples.py): GIFs and WebPs of
one-pixel frames on a large screen, a JPEG of 200 megapixels whose scan repeats one 4-byte MCU,
a 65-byte PNG that declares 88 megapixels, a progressive JPEG whose AC scan is repeated. The
200-megapixel HEIC is a real one: pillow-heif encodes a uniform 16,320 x 12,240 picture as a
grid of 512-pixel tiles (x265 takes at most 142 megapixels in one image), 124 KB on disk; that
takes about two minutes and 2 GB once, and the file is kept in bench/out/evidence/.
"""

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

OUT = ROOT / "bench" / "out" / "evidence"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def heic_200mp():
    path = OUT / "200mp.heic"
    if not path.exists():
        import pillow_heif
        from PIL import Image

        print("encoding a real 200-megapixel HEIC once (about two minutes)...", flush=True)
        pillow_heif.options.GRID_TILE_SIZE = 512
        picture = Image.new("RGB", (16_320, 12_240), (90, 120, 150))
        out = io.BytesIO()
        pillow_heif.from_pillow(picture).save(out, quality=10)
        path.write_bytes(out.getvalue())
    return path.read_bytes()


def files_for(case):
    """[(file name, bytes)] of CASE."""
    from tests.reports import evidence_samples as s

    single = {
        "gif-100-frames": lambda: ("screen.gif", s.gif_of_tiny_frames(1500, 1500, 100)),
        "gif-5000-frames": lambda: ("screen.gif", s.gif_of_tiny_frames(1500, 1500, 5000)),
        "gif-850000-frames": lambda: ("screen.gif", s.gif_of_tiny_frames(1500, 1500, 850_000)),
        "gif-1000-full-frames-in-budget": lambda: (
            "clip.gif",
            s.gif_of_full_frames(250, 200, 1000),
        ),
        "webp-100-frames": lambda: ("sticker.webp", s.webp_of_tiny_frames(1500, 1500, 100)),
        "webp-5000-frames": lambda: ("sticker.webp", s.webp_of_tiny_frames(1500, 1500, 5000)),
        "webp-1000-full-frames-in-budget": lambda: (
            "clip.webp",
            s.webp_of_full_frames(250, 200, 1000),
        ),
        "heic-200mp": lambda: ("IMG_0001.HEIC", heic_200mp()),
        "jpeg-200mp": lambda: ("IMG_0002.jpg", s.big_jpeg(16_320, 12_240)),
        "jpeg-5000-scans": lambda: ("scan.jpg", s.many_scan_jpeg(2000, 5000)),
        "jpeg-60-scans-4000px": lambda: ("scan.jpg", s.many_scan_jpeg(4000, 50)),
        "png-truncated-after-letter": lambda: ("tiny.png", s.truncated_png(9_400, 9_400)),
    }
    if case in single:
        return [single[case]()]
    if case == "ten-hostile-files":
        names = [
            "gif-100-frames",
            "gif-5000-frames",
            "webp-100-frames",
            "webp-5000-frames",
            "heic-200mp",
            "jpeg-5000-scans",
            "png-truncated-after-letter",
            "gif-100-frames",
            "webp-100-frames",
            "png-truncated-after-letter",
        ]
        return [single[name]() for name in names]
    if case == "ten-jpegs-200mp":
        return [single["jpeg-200mp"]()] * 10
    raise SystemExit(f"unknown case {case}")


CASES = [
    "gif-100-frames",
    "gif-5000-frames",
    "gif-850000-frames",
    "gif-1000-full-frames-in-budget",
    "webp-100-frames",
    "webp-5000-frames",
    "webp-1000-full-frames-in-budget",
    "heic-200mp",
    "jpeg-200mp",
    "jpeg-5000-scans",
    "jpeg-60-scans-4000px",
    "png-truncated-after-letter",
    "ten-hostile-files",
    "ten-jpegs-200mp",
]
#: Hostile requests (the list of finding 1) that the goals apply to; the others are large but
#: legitimate photos, or the worst a budget admits, shown for what they cost.
HOSTILE = {
    "gif-100-frames",
    "gif-5000-frames",
    "gif-850000-frames",
    "webp-100-frames",
    "webp-5000-frames",
    "heic-200mp",
    "jpeg-5000-scans",
    "png-truncated-after-letter",
    "ten-hostile-files",
}


# ---- in the measured process ---------------------------------------------------------------


def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def child_stats(pid):
    """(VmRSS, VmHWM) in bytes and CPU seconds of process PID, or None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    values = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    kb = lambda name: int(values[name].split()[0]) * 1024  # noqa: E731
    return kb("VmRSS"), kb("VmHWM"), (int(fields[11]) + int(fields[12])) / TICKS


def decoder_pids():
    from netra.reports import decoding

    pool = decoding.shared_pool()
    return [child.process.pid for child in list(pool._idle.queue)]


def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def post(client, files):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.reports.helpers import report_data

    data = report_data(
        anonymous="on",
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
        person_nip="",
    )
    data["evidence"] = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post("/lapor/", data)


def measure(case):
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # responses keep their template context

    from tests.reports.evidence_samples import photo

    files = files_for(case)
    client = Client()
    warm = post(client, [("warm.jpg", photo((640, 480)))])
    assert warm.status_code == 302, warm.status_code
    if case == "png-truncated-after-letter":
        import weasyprint
        from PIL import ImageFile

        weasyprint.HTML(string="<h1>Surat</h1><p>Undangan klarifikasi.</p>").write_pdf()
        assert ImageFile.LOAD_TRUNCATED_IMAGES, "WeasyPrint no longer sets the switch"
    before_children = {pid: child_stats(pid) for pid in decoder_pids()}
    before_rss, before_max = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    before_cpu, before_dead = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    peak, done = [before_rss], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss())
            time.sleep(0.002)

    sampler = threading.Thread(target=sample)
    sampler.start()
    began = time.perf_counter()
    response = post(client, files)
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    web_cpu = cpu(resource.RUSAGE_SELF) - before_cpu
    after_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_memory, child_cpu = 0, cpu(resource.RUSAGE_CHILDREN) - before_dead
    for pid, before in before_children.items():
        after = child_stats(pid)
        if after is not None and before is not None:
            child_memory = max(child_memory, after[1] - before[0])
            child_cpu += after[2] - before[2]
    for pid in decoder_pids():  # started during the request: all of it is extra
        if pid not in before_children and (after := child_stats(pid)) is not None:
            child_memory = max(child_memory, after[1])
            child_cpu += after[2]
    outcome = "accepted" if response.status_code == 302 else "refused"
    if response.status_code == 200:
        from netra.reports.models import Submission

        assert Submission.objects.count() == 1  # only the warm-up
        errors = response.context["form"].errors.get("evidence", [])
        outcome = f"refused ({len(errors)} of {len(files)} files)"
    elif response.status_code != 302:
        outcome = f"HTTP {response.status_code}"
    return {
        "case": case,
        "bytes": sum(len(c) for _, c in files),
        "outcome": outcome,
        "web_maxrss": max(0, after_max - before_max),
        "web_sampled": peak[0] - before_rss,
        "web_cpu": web_cpu,
        "decoder_memory": child_memory,
        "decoder_cpu": child_cpu,
        "wall": wall,
    }


# ---- the driver ----------------------------------------------------------------------------


def prepare(directory):
    env = dict(os.environ, NETRA_DATA_DIR=str(directory), DJANGO_SETTINGS_MODULE="netra.settings")
    netra = [sys.executable, "-m", "netra.cli"]
    subprocess.run(netra + ["manage", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        netra + ["manage", "load_reference_data"],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def mb(value):
    return f"{value / 1024 / 1024:7.1f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=CASES)
    parser.add_argument("--case")  # internal: measure one case in this process
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure(args.case)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    if "heic-200mp" in args.only or "ten-hostile-files" in args.only:
        heic_200mp()
    prepared = Path(tempfile.mkdtemp(prefix="netra-evidence-bench-"))
    try:
        prepare(prepared)
        print(
            f"{'case':28s} {'file MB':>8s} {'outcome':22s} {'web maxrss':>10s} "
            f"{'web peak':>9s} {'decoders':>9s} {'web CPU':>8s} {'dec CPU':>8s} "
            f"{'wall':>6s}  goals"
        )
        for case in args.only:
            data_dir = Path(tempfile.mkdtemp(prefix=f"netra-{case}-"))
            try:
                shutil.copytree(prepared, data_dir, dirs_exist_ok=True)
                env = dict(
                    os.environ,
                    NETRA_DATA_DIR=str(data_dir),
                    DJANGO_SETTINGS_MODULE="netra.settings",
                    NETRA_ALLOWED_HOSTS="testserver",
                    NETRA_SUBMISSIONS_PER_HOUR="1000000",
                )
                run = subprocess.run(
                    [sys.executable, __file__, "--case", case],
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                if run.returncode:
                    print(f"{case:28s} failed:\n{run.stderr[-3000:]}")
                    continue
                row = json.loads(run.stdout.strip().splitlines()[-1])
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
            memory = max(row["web_maxrss"], row["web_sampled"]) + row["decoder_memory"]
            total_cpu = row["web_cpu"] + row["decoder_cpu"]
            met = memory < 128 * 1024 * 1024 and total_cpu < 2
            goal = ("met" if met else "MISSED") if case in HOSTILE else "(not a goal)"
            print(
                f"{case:28s} {row['bytes'] / 1024 / 1024:8.2f} {row['outcome']:22s} "
                f"{mb(row['web_maxrss'])}MB {mb(row['web_sampled'])}MB "
                f"{mb(row['decoder_memory'])}MB {row['web_cpu']:7.2f}s "
                f"{row['decoder_cpu']:7.2f}s {row['wall']:5.2f}s  {goal}",
                flush=True,
            )
    finally:
        shutil.rmtree(prepared, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Finding 1: decoding runs under a memory and CPU bound, in pre-started child processes that
serve file after file. A file that would pass a bound ends its child, not the server; the
request gets a refusal and the next file a fresh child."""

import io
import os
import threading

import pytest
from PIL import Image

from netra.reports import decoding, evidence

from .evidence_samples import many_scan_jpeg, photo

pytestmark = pytest.mark.django_db


def png(side):
    out = io.BytesIO()
    Image.new("RGB", (side, side), (30, 60, 90)).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def test_a_file_that_needs_more_memory_than_allowed_is_refused_and_the_next_one_is_served():
    tight = evidence.Limits(memory_bytes=8 * 1024 * 1024)  # a 2000 x 2000 picture needs 12 MB
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(png(2000), limits=tight)
    assert caught.value.code == "too_heavy"
    assert evidence.clean(photo(), limits=tight).content_type == "image/jpeg"


def test_a_file_that_needs_more_cpu_than_allowed_is_refused_and_the_next_one_is_served():
    slow = many_scan_jpeg(side=2000, scans=50)  # 60 scans, under the cap; 0.2 s to decode
    before = decoding.shared_pool().status()["pid"]
    with pytest.raises(evidence.EvidenceError) as caught:
        evidence.clean(slow, limits=evidence.Limits(cpu_seconds=0.05))
    assert caught.value.code == "too_heavy"
    assert evidence.clean(photo()).content_type == "image/jpeg"
    pids = {decoding.shared_pool().status()["pid"] for _ in range(4)}
    assert before not in pids or len(pids) > 1  # the child that ran out of time is gone


def test_children_are_reused_from_file_to_file():
    pool = decoding.Pool(1)
    try:
        first = pool.status()["pid"]
        for _ in range(3):
            pool.reencode(photo(), "image/jpeg", decoding.Limits())
        assert pool.status()["pid"] == first
    finally:
        pool.stop()


def test_a_child_holds_no_secret_of_the_server_and_leaves_no_core_file(monkeypatch):
    monkeypatch.setenv("NETRA_SECRET_KEY", "rahasia-server")
    pool = decoding.Pool(1)
    try:
        status = pool.status()
        assert "NETRA_SECRET_KEY" not in status["environment"]
        assert status["core_limit"] == 0 and status["pid"] != os.getpid()
    finally:
        pool.stop()


def test_parallel_requests_share_the_pool():
    results, errors = [], []

    def clean():
        try:
            results.append(evidence.clean(photo((640, 480))).content_type)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=clean) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and results == ["image/jpeg"] * 8

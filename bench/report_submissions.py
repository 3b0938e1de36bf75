"""Sustained public submissions per second through POST /api/v1/reports, and crash safety.

    python bench/report_submissions.py [--seconds 20] [--clients 16] [--workers 4]

For SQLite (embedded default) and PostgreSQL (database `netra_bench_reports`), it starts
`netra serve` in its own process group with a fresh data directory, then a load generator in
this (separate) process posts for a fixed time: text only, then text plus one 2 MB photo
(one thread and a selector over CLIENTS keep-alive connections, the requests built once).
It prints submissions/s and p50/p99 latency.

What one submission costs, beside the rate: the CPU time of the server's processes (the web
workers and their decoders, from /proc), of PostgreSQL's backends for the database and of the
load generator (this process, which shares the cores), each divided by the submissions of the
run; and, in a process of its own, the queries of one
text-only submission through the same API (Django's test client; its task row included).
With --with-worker, `netra worker` runs beside the server, as in production, so that the work
queued after each submission (duplicate search, e-mail) competes for the same cores; its CPU
time is counted apart.

Crash safety (PostgreSQL and SQLite): while photo submissions stream in, the server's whole
process group is killed with SIGKILL. Every receipt a client received must afterwards belong
to a stored submission with its evidence: the script counts the lost ones. Then the orphan-file
sweeper runs (with no grace period) and the script counts the files it removed and any left.
"""

import argparse
import io
import json
import os
import random
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from common import free_port, fresh_postgres, netra_env, wait_healthy

PG_DB = "netra_bench_reports"


def photo_bytes(target=2 * 1024 * 1024):
    from PIL import Image

    rng = random.Random(5)
    side = 900
    while True:
        noise = bytes(rng.getrandbits(8) for _ in range(side * side * 3))
        image = Image.frombytes("RGB", (side, side), noise)
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=95)
        if out.tell() >= target * 0.95:
            return out.getvalue()
        side += 100


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, filename, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


FIELDS = {
    "description": "ASN membagikan ajakan memilih calon nomor 2 di grup WhatsApp kantor.",
    "incident_date": "2024-11-20",
    "known_date": "2024-11-21",
    "election": "pilkada-2024",
    "region": "35.09",
    "person_name": "Budi Santoso",
    "person_agency": "Dinas Pendidikan",
    "reporter_name": "Pelapor Uji",
    "reporter_address": "Jl. Uji 1, Jember",
}


def cpu_seconds(pids):
    """{pid: user + system CPU seconds} of PIDS still alive (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / tick
    return found


def group_pids(pgid):
    """Every live process of process group PGID."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[2]) == pgid:
            pids.append(int(name))
    return pids


def backend_pids(database_url):
    """PostgreSQL's backend processes serving DATABASE_URL's database (None for SQLite)."""
    if not database_url:
        return []
    name = database_url.rsplit("/", 1)[1]
    done = subprocess.run(
        [
            "psql",
            database_url,
            "-Atc",
            f"SELECT pid FROM pg_stat_activity WHERE datname = '{name}' "
            "AND pid <> pg_backend_pid()",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return [int(line) for line in done.stdout.split()]


class CpuMeter:
    """CPU seconds the server (web and decoders), the worker, PostgreSQL and the load generator
    (this process) spend in a run."""

    def __init__(self, server):
        self.server = server

    def read(self):
        server = self.server
        return {
            "web": cpu_seconds(group_pids(server.process.pid)),
            "worker": cpu_seconds(group_pids(server.worker.pid)) if server.worker else {},
            "db": cpu_seconds(backend_pids(server.database_url)),
            "client": {0: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])},
        }

    @staticmethod
    def spent(before, after):
        return {
            part: sum(t - before[part].get(pid, 0.0) for pid, t in after[part].items())
            for part in after
        }


class Server:
    def __init__(self, data_dir, database_url, workers, with_worker=False):
        self.database_url = database_url
        self.port = free_port()
        self.env = netra_env(data_dir, database_url, NETRA_SUBMISSIONS_PER_HOUR="10000000")
        netra = [sys.executable, "-m", "netra.cli"]
        subprocess.run(netra + ["manage", "migrate", "-v0"], env=self.env, check=True)
        subprocess.run(
            netra + ["manage", "load_reference_data"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.process = subprocess.Popen(
            netra + ["serve", "--port", str(self.port), "--workers", str(workers)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.worker = None
        if with_worker:
            self.worker = subprocess.Popen(
                netra + ["worker", "--interval", "0.2"],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        wait_healthy(self.port, self.process)

    def kill(self, sig=signal.SIGKILL):
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)

    def stop_worker(self):
        if self.worker is not None:
            try:
                os.killpg(self.worker.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self.worker.wait(timeout=60)


class _Connection:
    """One keep-alive client connection of the load generator, driven by its selector."""

    def __init__(self, port, request):
        self.port, self.request = port, request
        self.sock = None

    def open(self):
        self.close()
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def start(self):
        self.out = memoryview(self.request)
        self.sent = 0
        self.got = bytearray()
        self.head = None  # (status, content length, keep-alive) once the headers arrived
        self.started = time.perf_counter()

    def send(self):
        """Send what the socket takes; return whether the whole request is out."""
        self.sent += self.sock.send(self.out[self.sent :])
        return self.sent == len(self.out)

    def receive(self):
        """Read what arrived; return (status, body, keep-alive) once the answer is whole, or
        None. Raise ConnectionError when the server closed the connection first."""
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise ConnectionError("closed by the server")
        self.got += chunk
        if self.head is None:
            end = self.got.find(b"\r\n\r\n")
            if end < 0:
                return None
            lines = bytes(self.got[:end]).decode("latin-1").split("\r\n")
            headers = dict(
                (k.strip().lower(), v.strip()) for k, _, v in (h.partition(":") for h in lines[1:])
            )
            self.head = (
                int(lines[0].split()[1]),
                int(headers.get("content-length", 0)),
                headers.get("connection", "").lower() != "close",
            )
            del self.got[: end + 4]
        status, length, keep_alive = self.head
        if len(self.got) < length:
            return None
        return status, bytes(self.got[:length]), keep_alive


def load(port, body, content_type, seconds, clients, receipts=None, stop=None):
    """CLIENTS connections posting BODY back to back for SECONDS, from one thread.

    One thread and a selector rather than a thread per client, the requests built once, the
    connections kept alive: the generator shares the cores with the server, so each request
    costs it as little as it can (its CPU is measured and printed beside the server's). Each
    latency runs from the request's first byte sent to its answer's last byte read."""
    request = (
        f"POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    latencies, errors = [], []
    deadline = time.monotonic() + seconds
    selector = selectors.DefaultSelector()

    def begin(conn, reconnect=False):
        while time.monotonic() < deadline and not (stop and stop.is_set()):
            try:
                if reconnect or conn.sock is None:
                    conn.open()
                conn.start()
                selector.register(conn.sock, selectors.EVENT_WRITE, conn)
                return
            except OSError as exc:
                errors.append(type(exc).__name__)
                conn.close()
                reconnect = True
                time.sleep(0.05)
        conn.close()

    def fail(conn, exc):
        errors.append(type(exc).__name__)
        selector.unregister(conn.sock)
        conn.close()
        begin(conn, reconnect=True)

    started = time.monotonic()
    for _ in range(clients):
        begin(_Connection(port, request))
    while selector.get_map():  # every answer received is counted, after a stop too
        for key, events in selector.select(timeout=1):
            conn = key.data
            try:
                if events & selectors.EVENT_WRITE:
                    if conn.send():
                        selector.modify(conn.sock, selectors.EVENT_READ, conn)
                    continue
                answer = conn.receive()
            except OSError as exc:
                fail(conn, exc)
                continue
            if answer is None:
                continue
            elapsed = time.perf_counter() - conn.started
            status, payload, keep_alive = answer
            if status == 201:
                latencies.append(elapsed)
                if receipts is not None:
                    receipts.append(json.loads(payload)["receipt"])
            else:
                errors.append(status)
            selector.unregister(conn.sock)
            begin(conn, reconnect=not keep_alive)
    for key in list(selector.get_map().values()):
        key.data.close()
    selector.close()
    return latencies, errors, time.monotonic() - started


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0


def report_line(label, latencies, errors, elapsed, spent=None):
    rate = len(latencies) / elapsed
    print(
        f"  {label:24s} {rate:7.1f} submissions/s  p50 {pct(latencies, 50) * 1000:6.1f} ms  "
        f"p99 {pct(latencies, 99) * 1000:7.1f} ms  ({len(latencies)} ok, {len(errors)} errors"
        f"{', e.g. ' + str(errors[0]) if errors else ''}; load {os.getloadavg()[0]:.2f})"
    )
    if spent and latencies:
        per = {part: seconds * 1000 / len(latencies) for part, seconds in spent.items()}
        print(
            f"  {'':24s} CPU per submission: web {per['web']:.1f} ms, "
            f"PostgreSQL {per['db']:.1f} ms, worker {per['worker']:.1f} ms; "
            f"load generator {per['client']:.1f} ms"
        )


def measured_load(server, body, args):
    meter = CpuMeter(server)
    before = meter.read()
    latencies, errors, elapsed = load(server.port, *body, args.seconds, args.clients)
    if server.worker is not None:
        time.sleep(2)  # the worker finishes what the run queued
    return latencies, errors, elapsed, meter.spent(before, meter.read())


def queries_per_submission(env, body, count=50):
    """In a fresh process against the same database: the queries and in-process CPU time of
    COUNT text-only submissions through the API (Django's test client, tasks queued as in
    production), per submission."""
    script = (
        "import json, sys, time, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "body, content_type, count = json.load(sys.stdin)\n"
        "client = Client(REMOTE_ADDR='10.9.9.9', HTTP_HOST='127.0.0.1')\n"
        "post = lambda: client.post('/api/v1/reports', body.encode('latin-1'),"
        " content_type=content_type)\n"
        "assert post().status_code == 201\n"
        "cpu = time.process_time()\n"
        "with CaptureQueriesContext(connection) as queries:\n"
        "    for _ in range(count): assert post().status_code == 201\n"
        "cpu = time.process_time() - cpu\n"
        "print(len(queries) / count, cpu * 1000 / count)\n"
    )
    env = env | {"DJANGO_SETTINGS_MODULE": "netra.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps([body[0].decode("latin-1"), body[1], count]),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    queries, cpu_ms = map(float, done.stdout.split())
    return queries, cpu_ms


def count_lost(env, receipts, with_evidence):
    """In a fresh process against the same database: receipts without their submission."""
    script = (
        "import json, sys, django; django.setup()\n"
        "from netra.reports.identity import receipt_hash\n"
        "from netra.reports.models import Submission\n"
        "receipts = json.load(sys.stdin); lost = 0\n"
        "for code in receipts:\n"
        "    s = Submission.objects.filter(receipt_hash=receipt_hash(code)).first()\n"
        f"    if s is None or ({with_evidence} and s.evidence.count() != 1): lost += 1\n"
        "from datetime import timedelta\n"
        "from netra.reports.orphans import sweep_orphan_files\n"
        "swept = len(sweep_orphan_files(older_than=timedelta(0)))\n"
        "left = len(sweep_orphan_files(older_than=timedelta(0)))\n"
        "print(lost, Submission.objects.count(), swept, left)\n"
    )
    env = env | {"DJANGO_SETTINGS_MODULE": "netra.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(receipts),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lost, stored, swept, left = map(int, done.stdout.split())
    return lost, stored, swept, left


def run(db, args, photo):
    print(f"{db}:")
    with tempfile.TemporaryDirectory() as data_dir:
        url = fresh_postgres(PG_DB) if db == "postgresql" else None
        server = Server(data_dir, url, args.workers, with_worker=args.with_worker)
        try:
            text_body = multipart(FIELDS, [])
            photo_body = multipart(FIELDS, [("evidence", "bukti.jpg", photo)])
            load(server.port, *text_body, 3, args.clients)  # warm-up
            report_line("text only", *measured_load(server, text_body, args))
            # Each web process starts its decoder children at its first photo (a fresh
            # interpreter each, Pillow loaded and warmed up): a one-off, kept out of the costs.
            load(server.port, *photo_body, 3, args.clients)
            report_line("text + 2 MB photo", *measured_load(server, photo_body, args))
            queries, cpu_ms = queries_per_submission(server.env, text_body)
            print(
                f"  {'one text-only submission':24s} {queries:.1f} queries, "
                f"{cpu_ms:.1f} ms CPU in process (test client included)"
            )
            server.stop_worker()
            receipts, stop = [], threading.Event()
            killer = threading.Timer(args.seconds / 2, lambda: (stop.set(), server.kill()))
            killer.start()
            load(server.port, *photo_body, args.seconds, args.clients, receipts, stop)
            killer.join()
        finally:
            server.kill()
            server.stop_worker()
        lost, stored, swept, left = count_lost(server.env, receipts, with_evidence=True)
        print(
            f"  kill -9 during photo load: {len(receipts)} receipts received, "
            f"{stored} submissions stored in all, lost = {lost}; orphan files of the crash "
            f"removed by the sweeper {swept}, left after it {left}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--with-worker", action="store_true", help="run `netra worker` beside")
    args = parser.parse_args()
    photo = photo_bytes()
    print(
        f"photo: {len(photo) / 2**20:.1f} MB JPEG; {args.clients} clients, "
        f"{args.workers} server workers, {args.seconds:.0f} s per run"
    )
    for db in ["postgresql", "sqlite"]:
        if not args.only or args.only == db:
            run(db, args, photo)


if __name__ == "__main__":
    main()

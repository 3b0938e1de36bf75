"""What the benchmark scripts share: a fresh PostgreSQL database, an environment for a netra
process of its own, a free port, and waiting for a server to answer."""

import os
import socket
import subprocess
import time
import urllib.request

PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def fresh_postgres(name):
    """Drop and create database NAME on the local server; return its URL."""
    subprocess.run(
        [
            "psql",
            f"{PG_SERVER}/postgres",
            "-qc",
            f"DROP DATABASE IF EXISTS {name}",
            "-qc",
            f"CREATE DATABASE {name}",
        ],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return f"{PG_SERVER}/{name}"


def postgres_database(name, reuse=False):
    """Database NAME's URL: with REUSE kept as an earlier run left it (created when missing),
    otherwise dropped and created afresh."""
    if not reuse:
        return fresh_postgres(name)
    found = subprocess.run(
        [
            "psql",
            f"{PG_SERVER}/postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not found:
        return fresh_postgres(name)
    return f"{PG_SERVER}/{name}"


def load():
    """The machine's load averages (1, 5, 15 minutes), to print beside a figure."""
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def netra_env(data_dir, database_url=None, **extra):
    """This process's environment for a netra process with its own data directory and database
    (SQLite in DATA_DIR unless DATABASE_URL is given)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NETRA_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port, process=None, seconds=120):
    """Block until /healthz answers; fail if PROCESS exits or SECONDS pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise SystemExit("the server exited before answering") from None
            time.sleep(0.05)
    raise SystemExit("the server did not answer in time")


def django_ready():
    """In a child process: Django set up, the database migrated, the reference data loaded."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    django.setup()
    from django.core.management import call_command

    from netra.regions.reference import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()


def signed_in_client(username, role, codes):
    """A Django test client signed in as a (re)used account with ROLE over region CODES."""
    from django.test import Client

    from netra.accounts.models import User
    from netra.regions.models import Region

    account = User.objects.filter(username=username).first() or User.objects.create_user(
        username, password="x" * 16, role=role
    )
    account.regions.set(Region.objects.filter(code__in=codes))
    client = Client()
    client.force_login(account)
    return client


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed_gets(client, requests, next_request):
    """Milliseconds of REQUESTS GETs; NEXT_REQUEST() gives (path, query) for each."""
    timings = []
    for _ in range(requests):
        path, query = next_request()
        began = time.perf_counter()
        response = client.get(path, query)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return timings


def latency_row(who, what, timings):
    return (
        f"{who:32s} {what:28s} {percentile(timings, 0.5):6.1f}ms "
        f"{percentile(timings, 0.95):6.1f}ms {max(timings):6.1f}ms"
    )

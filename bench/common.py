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
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}",
                    "-qc", f"CREATE DATABASE {name}"], check=True, stderr=subprocess.DEVNULL)
    return f"{PG_SERVER}/{name}"


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
                raise SystemExit("the server exited before answering")
            time.sleep(0.05)
    raise SystemExit("the server did not answer in time")

"""`netra backup` and `netra restore` on the demo data set, on SQLite and on PostgreSQL.

For each database: `netra demo` into a new data directory (and, for PostgreSQL, a new
database), `netra backup` three times (the archive's size and the command's wall time; the
archive step alone is what the command prints), `netra restore` into a new, empty
installation (its time, with the audit chain's check), then every table's row count and every
stored file's hash compared.

    python bench/backup_round_trip.py [--postgres postgres://postgres@127.0.0.1:5432]

The PostgreSQL server must let this user create databases; they are dropped at the end.
"""

import argparse
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def netra(env, *args):
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "netra.cli",
            *args,
            *(["--lang", "en"] if args[0] in ("backup", "restore") else []),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"netra {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout, time.perf_counter() - started


def counts(env):
    if "DATABASE_URL" in env:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn, conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = [t for (t,) in cursor.fetchall()]
            return {t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    conn = sqlite3.connect(Path(env["NETRA_DATA_DIR"]) / "netra.sqlite3")
    tables = [
        t
        for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def hashes(media):
    return {
        p.relative_to(media).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(media.rglob("*"))
        if p.is_file() and not p.relative_to(media).as_posix().startswith("staging/")
    }


def run(label, base, database_url=None):
    source, target = base / f"{label}-source", base / f"{label}-target"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETRA_", "DATABASE_URL"))}
    source_env = {**env, "NETRA_DATA_DIR": str(source)}
    target_env = {**env, "NETRA_DATA_DIR": str(target)}
    if database_url:
        import psycopg

        names = [f"netra_bench_backup_{os.getpid()}_{n}" for n in ("source", "target")]
        with psycopg.connect(f"{database_url}/postgres", autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                admin.execute(f'CREATE DATABASE "{name}"')
        source_env["DATABASE_URL"] = f"{database_url}/{names[0]}"
        target_env["DATABASE_URL"] = f"{database_url}/{names[1]}"
    try:
        _, seconds = netra(source_env, "demo")
        print(f"{label}: netra demo {seconds:.0f} s")
        for i in range(3):
            archive = base / f"{label}-{i}.tgz"
            out, seconds = netra(source_env, "backup", str(archive))
            step = re.search(r"in ([\d.]+) s\.", out).group(1)
            print(
                f"{label}: backup {archive.stat().st_size / 2**20:.2f} MB, archive step {step} s, "
                f"command {seconds:.1f} s (load {os.getloadavg()[0]:.1f})"
            )
        target.mkdir(mode=0o700)
        for key in ("vault.key", "audit.key"):
            shutil.copy(source / key, target / key)
        out, seconds = netra(target_env, "restore", str(archive))
        print(f"{label}: restore {seconds:.1f} s: {out.strip().splitlines()[1]}")
        rows_equal = counts(source_env) == counts(target_env)
        files_equal = hashes(source / "media") == hashes(target / "media")
        print(f"{label}: round trip: rows equal {rows_equal}, files equal {files_equal}")
    finally:
        if database_url:
            with psycopg.connect(f"{database_url}/postgres", autocommit=True) as admin:
                for name in names:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", help="server URL without a database name")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="netra-bench-backup-"))
    try:
        run("sqlite", base)
        if args.postgres:
            run("postgresql", base, args.postgres.rstrip("/"))
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

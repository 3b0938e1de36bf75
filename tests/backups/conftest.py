"""Archives to restore and alter, and empty installations to restore them into.

`sample_archive` is written once per run from the test database's committed reference data
and a few stored files; the tests that alter it copy it first. `empty_target` is a new,
empty installation of the suite's own database vendor: a data directory with a SQLite file
name, or a throwaway PostgreSQL database beside the test database.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from netra import backups

from .archives import MEDIA_SAMPLES


@pytest.fixture(scope="session")
def sample_archive(tmp_path_factory, django_db_setup, django_db_blocker, audit_key_file):
    folder = tmp_path_factory.mktemp("sample-archive")
    media_root = folder / "media"
    for name, content in {**MEDIA_SAMPLES, "staging/abc/kept.jpg": b"staged"}.items():
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    with django_db_blocker.unblock():
        written = backups.create(folder / "netra.backup", media_root=media_root)
    return written.path


@pytest.fixture
def audit_key():
    return backups.load_audit_key()


def _postgres(dbname="postgres"):
    import psycopg

    params = backups.pg_params({**connection.settings_dict, "NAME": dbname})
    return psycopg.connect(**params, autocommit=True)


@pytest.fixture
def empty_target(tmp_path):
    """(database settings, media root, environment for `netra`) of an empty installation."""
    data_dir = tmp_path / "restored"
    data_dir.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NETRA_"))}
    env.update(
        NETRA_DATA_DIR=str(data_dir),
        NETRA_AUDIT_KEY_FILE=str(settings.NETRA_AUDIT_KEY_FILE),
        NETRA_VAULT_KEY_FILE=str(settings.NETRA_VAULT_KEY_FILE),
    )
    if connection.vendor != "postgresql":
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": data_dir / "netra.sqlite3"}
        yield Target(database, data_dir / "media", env)
        return
    name = f"netra_backups_{secrets.token_hex(4)}"
    with _postgres() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = {**connection.settings_dict, "NAME": name}
    db = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"
        if db.get("PASSWORD")
        else f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    )
    try:
        yield Target(database, data_dir / "media", env)
    finally:
        with _postgres() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Target:
    def __init__(self, database, media_root, env):
        self.database, self.media_root, self.env = database, media_root, env

    @property
    def vendor(self):
        return backups.vendor_of(self.database)

    def counts(self):
        """Rows per table, as the manifest counts them."""
        if self.vendor == "sqlite":
            import sqlite3

            if not Path(self.database["NAME"]).exists():
                return {}
            conn = sqlite3.connect(self.database["NAME"])
            try:
                return backups._sqlite_counts(conn)
            finally:
                conn.close()
        with _postgres(self.database["NAME"]) as conn, conn.cursor() as cursor:
            return backups.pg_counts(cursor)

    def netra(self, *args):
        return subprocess.run(
            [sys.executable, "-m", "netra.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def media(self):
        return files_under(self.media_root)


def files_under(root):
    """{relative name: SHA-256} of every file under ROOT."""
    import hashlib

    root = Path(root)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }

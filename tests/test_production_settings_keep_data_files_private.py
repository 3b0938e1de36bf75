"""Data files are 0600 and directories 0700: the data directory, its keys, the database and
uploaded files are readable by the service account only."""

import os
import stat
import subprocess
import sys

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_embedded_data_directory_is_private(tmp_path):
    data = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NETRA_"))}
    env["NETRA_DATA_DIR"] = str(data)
    # Even under a permissive umask, as a service manager may set it.
    result = subprocess.run(
        [
            "sh",
            "-c",
            f"umask 000 && exec {sys.executable} -m netra.cli manage shell -c "
            '"from django.db import connection; connection.ensure_connection()"',
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert mode(data) == 0o700
    for name in ("secret_key", "vault.key", "netra.sqlite3"):
        assert mode(data / name) == 0o600, name


def test_uploaded_files_and_their_directories_are_private(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    old = os.umask(0o000)
    try:
        name = default_storage.save("bukti/2024/x.txt", ContentFile(b"isi"))
    finally:
        os.umask(old)
    path = tmp_path / "media" / name
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(tmp_path / "media") == 0o700

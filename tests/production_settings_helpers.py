"""A correct production environment in a temporary directory, for tests that start real
`netra` processes with NETRA_ENV=production and then break one thing at a time."""

import base64
import os
import secrets
import socket
import subprocess
import sys

HOST = "netra.example.go.id"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(tmp_path):
    """Everything production asks for: a long secret key, a vault and an audit key in private
    files, a private data directory, a named host with an https origin, a TLS proxy in front
    and SQLite chosen for a single office."""
    from netra.reports.vault import create_key_file

    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir(mode=0o700)
    key = secrets_dir / "secret_key"
    key.write_text(secrets.token_urlsafe(50))
    key.chmod(0o600)
    vault = create_key_file(secrets_dir / "vault.key")
    audit = secrets_dir / "audit.key"  # the audit chain's HMAC key: base64 of 32 random bytes
    audit.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
    audit.chmod(0o600)
    data = tmp_path / "var"
    data.mkdir(mode=0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "NETRA_", "DJANGO_"))
    }
    env.update(
        {
            "NETRA_ENV": "production",
            "NETRA_DATA_DIR": str(data),
            "NETRA_SECRET_KEY_FILE": str(key),
            "NETRA_VAULT_KEY_FILE": str(vault),
            "NETRA_AUDIT_KEY_FILE": str(audit),
            "NETRA_ALLOWED_HOSTS": HOST,
            "NETRA_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "NETRA_BEHIND_PROXY": "1",
            "NETRA_SQLITE_SINGLE_OFFICE": "1",
            "NETRA_BASE_URL": f"https://{HOST}",
        }
    )
    return env


def run(command, env, timeout=20):
    """Run COMMAND to its end; a process still running at TIMEOUT (it accepted the setup and
    started serving) is stopped and reported as such."""
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        out, err = process.communicate()
        raise AssertionError(
            f"{command[2:]} was not refused; it kept running:\n{out}{err}"
        ) from None
    return process.returncode, out, err


def netra(*args):
    return [sys.executable, "-m", "netra.cli", *args]

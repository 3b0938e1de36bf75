"""Several auditors (or several clicks) asking for a check of the chain at the same moment,
in several processes: one check is queued, and every request gets that one, on SQLite (a file
database, as installed) and on PostgreSQL."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings

from netra.audit.models import AuditEntry, AuditVerification

from .test_concurrent_writers_keep_one_unbroken_chain import database_url

pytestmark = pytest.mark.django_db(transaction=True)
ASKERS = 4
ASKER = """
import sys, django
django.setup()
from netra.audit.actions import request_verification
print("ready", flush=True)
sys.stdin.readline()  # every request at once
verification, new = request_verification(None)
print(verification.pk, new, flush=True)
"""


def test_four_requests_at_once_queue_one_check(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netra.settings",
        "DATABASE_URL": database_url(tmp_path),
        "NETRA_DATA_DIR": str(tmp_path / "var"),
        "NETRA_AUDIT_KEY_FILE": str(settings.NETRA_AUDIT_KEY_FILE),
        "NETRA_AUDIT_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
    }
    askers = [
        subprocess.Popen(
            [sys.executable, "-c", ASKER],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(ASKERS)
    ]
    for asker in askers:
        assert asker.stdout.readline().strip() == "ready", asker.stderr.read()
    for asker in askers:
        asker.stdin.write("go\n")
        asker.stdin.flush()
    answers = []
    for asker in askers:
        out, err = asker.communicate(timeout=60)
        assert asker.returncode == 0, err
        answers.append(out.split())
    assert len({pk for pk, _new in answers}) == 1
    assert sorted(new for _pk, new in answers) == ["False"] * (ASKERS - 1) + ["True"]
    assert counts(env["DATABASE_URL"]) == (1, 1)


def counts(url):
    """(checks, entries asking for one) in the database the askers wrote to."""
    if not url.startswith("sqlite:///"):
        return (
            AuditVerification.objects.count(),
            AuditEntry.objects.filter(action="audit.verification_requested").count(),
        )
    # On SQLite the askers wrote to a file copy of the test database.
    with sqlite3.connect(url.removeprefix("sqlite:///")) as copy:
        checks = copy.execute("SELECT count(*) FROM audit_auditverification").fetchone()[0]
        asked = copy.execute(
            "SELECT count(*) FROM audit_auditentry WHERE action = 'audit.verification_requested'"
        ).fetchone()[0]
    return checks, asked

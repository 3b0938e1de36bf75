"""The round trip: reports with evidence, a case walked through its first steps and their
audit entries, backed up and restored by `netra restore` into an empty installation of the
same database vendor (the suite runs on SQLite and again on PostgreSQL), give every table's
row count and every stored file's hash back, and the audit chain's check (the one of
`netra audit verify`) passes on the result. Evidence kept for a form with an error is left
out."""

import pytest

from netra import backups
from netra.cases import actions as case_actions
from netra.reports.models import Evidence, Submission

from ..reports.helpers import file_report, photo_with_gps
from .conftest import files_under

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def office_data(client, reference, alice, walk_case, media_root):
    """What an office holds after a few days: reports with photos, one of them a case."""
    for i in range(3):
        response = file_report(
            client, files=[photo_with_gps(f"foto-{i}.jpg"), photo_with_gps(f"b-{i}.jpg")]
        )
        assert response.status_code == 302
    case = case_actions.open_case_from_submission(alice, Submission.objects.first())
    walk_case(case, "registered")
    # A reporter's form that came back with an error: its photo is staged, nobody's yet.
    file_report(client, files=[photo_with_gps("staged.jpg")], description="")
    staged = [p for p in (media_root / "staging").rglob("*") if p.is_file()]
    assert Evidence.objects.count() == 6 and len(staged) == 1


def counts_now():
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return backups.pg_counts(cursor.connection.cursor())
        tables = connection.introspection.table_names(cursor)
        return {
            t: cursor.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if not t.startswith("sqlite_")
        }


def test_every_row_and_file_comes_back(office_data, media_root, empty_target, tmp_path):
    before = counts_now()
    written = backups.create(tmp_path / "netra.backup")
    assert written.manifest["tables"] == before
    assert before["reports_evidence"] == 6 and before["cases_case"] == 1

    # `netra restore` ends with the check `netra audit verify` makes (audit.log.verify) on
    # the restored database, and exits 1 at a break.
    done = empty_target.netra("restore", str(written.path))
    assert done.returncode == 0, done.stderr
    assert f"Jejak audit yang dipulihkan utuh: {before['audit_auditentry']} entri" in done.stdout

    assert empty_target.counts() == before
    kept = {k: v for k, v in files_under(media_root).items() if not k.startswith("staging/")}
    assert len(kept) == 6 and empty_target.media() == kept

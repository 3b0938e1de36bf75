"""Intake at national scale (issue 20): the reporter's identity is sealed with the
submission's id as the vault's context. On PostgreSQL the id is taken from the table's
sequence before the insert, so that the row is written once, identity and NIK hash in it (an
update after the insert wrote the row a second time and, with a NIK, every index of the table
again); elsewhere the identity follows the insert. Either way the identity opens again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.reports import identity
from netra.reports.models import Submission

from .helpers import REPORTER_NAME, REPORTER_NIK, report_data

pytestmark = pytest.mark.django_db


def test_a_report_with_an_identity_is_written_in_one_insert_on_postgresql(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/v1/reports", report_data())
    assert response.status_code == 201
    submission = Submission.objects.get()
    opened = identity.open_identity(submission)
    assert (opened["name"], opened["nik"]) == (REPORTER_NAME, REPORTER_NIK)
    assert submission.reporter_nik_hash == identity.nik_hash(REPORTER_NIK)
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(('INSERT INTO "reports_submission"', 'UPDATE "reports_submission"'))
    ]
    if connection.vendor == "postgresql":
        assert len(writes) == 1 and writes[0].startswith("INSERT"), writes
    else:
        assert [w.split()[0] for w in writes] == ["INSERT", "UPDATE"], writes

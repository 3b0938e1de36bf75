"""Intake at national scale (issue 20): every query of a public submission is a round trip
paid 100 times a second. One text-only submission through the API, as
bench/report_submissions.py sends it, with its task written to the task table as in
production, costs at most MAX_QUERIES: the throttle, the submission, its sealed identity and
its reported person, the audit entry and the task (21 before issue 20: the reference data is
now kept per process, the duplicate search is the worker's, the audit entry takes no
savepoint)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netra.reports.models import Submission

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

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def queued_in_the_database(settings):
    """Tasks are rows of the task table, as in production, rather than run at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_text_only_submission_costs_a_bounded_number_of_queries(
    client, queued_in_the_database, django_capture_on_commit_callbacks
):
    assert client.post("/api/v1/reports", FIELDS).status_code == 201  # an earlier one
    with CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/api/v1/reports", FIELDS)
    assert response.status_code == 201
    assert Submission.objects.count() == 2
    assert len(queries) <= MAX_QUERIES, "\n".join(q["sql"][:120] for q in queries)

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from netra.people.models import Employee, RosterImport

from .people.roster_files import HEADER, VALID_ROWS


# The worker commits and closes connections as in production, so no test transaction wraps it.
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_roster_import(client_for, fajar, region, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload = SimpleUploadedFile("pegawai.csv", (HEADER + "".join(VALID_ROWS)).encode())
    client_for(fajar).post(reverse("people:import"), {"region": region("35.09").pk, "file": upload})
    job = RosterImport.objects.get()
    assert job.status == "queued" and Employee.objects.count() == 0

    call_command("db_worker", batch=True, no_startup_delay=False, interval=0.01)

    job.refresh_from_db()
    assert job.status == "done"
    assert Employee.objects.count() == 4

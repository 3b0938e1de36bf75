import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netra.people.models import Employee, RosterImport

from .roster_files import HEADER, VALID_ROWS


def upload(client, jember, text, skip_invalid=False):
    data = {"region": jember.pk, "file": SimpleUploadedFile("pegawai.csv", text.encode())}
    if skip_invalid:
        data["skip_invalid"] = "on"
    return client.post(reverse("people:import"), data)


@pytest.fixture
def jember(region):
    return region("35.09")


def test_a_personnel_officer_uploads_a_roster_and_sees_the_outcome(
    client_for, fajar, jember, django_capture_on_commit_callbacks
):
    client = client_for(fajar)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, jember, HEADER + "".join(VALID_ROWS))
    job = RosterImport.objects.get()
    assert response.url == reverse("people:import_job", args=[job.pk])
    assert job.status == "done" and job.imported == 4
    assert Employee.objects.count() == 4
    page = client.get(response.url).content.decode()
    assert "Diimpor" in page


def test_errors_are_listed_and_downloadable_and_nothing_is_imported(
    client_for, fajar, jember, django_capture_on_commit_callbacks
):
    client = client_for(fajar)
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, jember, HEADER + VALID_ROWS[0] + bad)
    job = RosterImport.objects.get()
    assert job.status == "rejected" and Employee.objects.count() == 0
    page = client.get(response.url).content.decode()
    assert "Tanggal lahir pada NIP (digit 1-8) bukan tanggal yang benar." in page
    report = client.get(reverse("people:import_job_errors", args=[job.pk]))
    assert "3,NIP,198513012010011001" in report.content.decode("utf-8-sig")


def test_a_file_level_problem_is_shown_in_indonesian(
    client_for, fajar, jember, django_capture_on_commit_callbacks
):
    client = client_for(fajar)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, jember, "Nama,Jabatan\nSiti,Guru\n")
    assert (
        "Kolom wajib tidak ditemukan: NIP, Unit kerja." in client.get(response.url).content.decode()
    )


def test_the_uploaded_file_is_deleted_after_the_import(
    client_for, fajar, jember, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_for(fajar), jember, HEADER + "".join(VALID_ROWS))
    assert not any(tmp_path.rglob("upload*"))


def test_an_officer_cannot_import_into_a_region_outside_her_reach(client_for, fajar, region):
    response = upload(client_for(fajar), region("15.71"), HEADER + "".join(VALID_ROWS))
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not RosterImport.objects.exists()


def test_an_officer_cannot_take_over_an_employee_of_another_region(
    client_for, fajar, jember, employee_factory, django_capture_on_commit_callbacks
):
    employee_factory("Ahmad Fauzi", "198501012010011001", code="15.71")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_for(fajar), jember, HEADER + "".join(VALID_ROWS))
    job = RosterImport.objects.get()
    assert job.status == "rejected"
    assert [e[2] for e in job.errors] == ["nip_other_region"]
    assert Employee.objects.get(nip="198501012010011001").region.code == "15.71"


def test_bawaslu_officers_cannot_import(client_for, alice, jember):
    assert client_for(alice).get(reverse("people:import")).status_code == 404


def test_an_officer_of_another_region_cannot_see_the_import(
    client_for, fajar, make_user, jember, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_for(fajar), jember, HEADER + "".join(VALID_ROWS))
    job = RosterImport.objects.get()
    other = make_user("jambi_bkpsdm", "bkpsdm", ["15.71"])
    client = client_for(other)
    assert client.get(reverse("people:import_job", args=[job.pk])).status_code == 404
    assert client.get(reverse("people:import_job_errors", args=[job.pk])).status_code == 404

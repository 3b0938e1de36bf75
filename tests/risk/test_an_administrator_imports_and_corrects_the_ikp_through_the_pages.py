"""An administrator imports an IKP file on its page, sees the rows of the new version, and
corrects one value; a bad file lists its rows and keeps nothing; the pages do not exist for
anyone else."""

from django.core.files.uploadedfile import SimpleUploadedFile

from netra.audit.models import AuditEntry
from netra.regions.models import Election
from netra.risk import actions
from netra.risk.models import IkpRelease

from .ikp_files import csv_bytes


def _post(client, data, **fields):
    upload = SimpleUploadedFile("ikp.csv", data, content_type="text/csv")
    form = {"election": "pilkada-2020", "source": "Bawaslu RI", **fields, "file": upload}
    return client.post("/staf/ikp/", form)


def test_a_good_file_becomes_a_version_and_a_value_is_corrected(client_for, admin):
    client = client_for(admin)
    assert client.get("/staf/ikp/").status_code == 200
    data = csv_bytes([["15", "Jambi", "61", "tinggi"], ["15.71", "Kota Jambi", "72", "tinggi"]])
    response = _post(client, data, published_on="2020-02-25")
    release = IkpRelease.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staf/ikp/{release.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Kota Jambi" in page and "72,00" in page and "Bawaslu RI" in page

    score = release.scores.get(region__code="15.71")
    answer = client.post(
        f"/staf/ikp/{release.pk}/",
        {"score": score.pk, "field": "score", "value": "70,5", "reason": "Salah ketik"},
    )
    assert answer.status_code == 302
    score.refresh_from_db()
    assert str(score.score) == "70.50"
    assert AuditEntry.objects.filter(action="risk.ikp_corrected").count() == 1


def test_a_bad_file_lists_its_rows_and_keeps_nothing(client_for, admin):
    data = csv_bytes([["15", "", "61", "tinggi"], ["35.09", "Jember", "140", "tinggi"]])
    page = _post(client_for(admin), data).content.decode()
    assert "kode_wilayah" in page and "skor" in page and "tidak ikut dalam pemilihan ini" in page
    assert "Pilih berkas sekali lagi" in page  # the file must be chosen again; the rest is kept
    assert 'value="Bawaslu RI"' in page
    assert not IkpRelease.objects.exists()


def test_a_bad_correction_says_why_and_changes_nothing(client_for, admin):
    client = client_for(admin)
    _post(client, csv_bytes([["15", "", "61", "tinggi"]]))
    release = IkpRelease.objects.get()
    score = release.scores.get()
    page = client.post(
        f"/staf/ikp/{release.pk}/",
        {"score": score.pk, "field": "category", "value": "parah", "reason": "x"},
    )
    assert page.status_code == 200 and "tidak dikenal" in page.content.decode()
    score.refresh_from_db()
    assert score.category == "tinggi"


def test_the_pages_do_not_exist_for_other_roles(client_for, alice, make_user):
    for user in (alice, make_user("eko", "bawaslu_ri", [])):
        client = client_for(user)
        assert client.get("/staf/ikp/").status_code == 404
        assert client.get("/staf/risiko/bobot/").status_code == 404


def test_a_version_imported_from_the_command_line_shows_who_imported_it(client_for, admin):
    election = Election.objects.get(code="pilkada-2020")
    release = actions.import_ikp(
        None, election, csv_bytes([["15", "", "61", "tinggi"]]), source="B"
    )
    client = client_for(admin)
    for path in ("/staf/ikp/", f"/staf/ikp/{release.pk}/"):
        page = client.get(path)
        assert page.status_code == 200 and "baris perintah" in page.content.decode()

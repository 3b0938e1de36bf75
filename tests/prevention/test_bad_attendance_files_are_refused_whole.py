from django.core.files.uploadedfile import SimpleUploadedFile

from netra.prevention.models import Attendance, AttendanceUpload

from . import files


def post(client, event, name, data):
    return client.post(
        f"/pencegahan/kegiatan/{event.pk}/kehadiran/", {"files": [SimpleUploadedFile(name, data)]}
    )


def test_a_row_that_cannot_be_read_is_named_and_nothing_is_kept(client_for, fajar, outreach):
    data = files.zoom(
        [
            ["Rina K", "", "10/05/2024 09:00:00 AM", "10/05/2024 09:20:00 AM", "20", "No", "Yes"],
            ["Budi", "", "10/05/2024 09:00:00 AM", "jam sembilan", "20", "No", "Yes"],
        ]
    )
    response = post(client_for(fajar), outreach, "peserta.csv", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "jam sembilan" in page and "bukan waktu" in page and "<td>3</td>" in page
    assert not Attendance.objects.exists() and not AttendanceUpload.objects.exists()


def test_an_unknown_layout_or_encoding_is_refused_with_its_reason(client_for, fajar, outreach):
    officer = client_for(fajar)
    page = post(officer, outreach, "x.csv", b"Kolom A;Kolom B\n1;2\n").content.decode()
    assert "Kolom A" in page and "bukan susunan daftar hadir" in page
    latin = "Nama;NIP;OPD\nJos\xe9;;Dinas\n".encode("latin-1")
    page = post(officer, outreach, "x.csv", latin).content.decode()
    assert "CSV UTF-8" in page
    assert not Attendance.objects.exists()

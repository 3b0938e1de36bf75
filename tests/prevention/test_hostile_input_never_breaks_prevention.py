"""Odd files and form values give a message, never a 500 or a half-saved import."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.prevention.attendance import AttendanceFileError, parse
from netra.prevention.models import Attendance

from . import files


def test_a_classic_mac_csv_is_read():
    data = b"Nama;NIP;OPD\rRina Kartika;199001012015032005;Dinas Pendidikan\r"
    parsed = parse(data)
    assert [a.nip for a in parsed.attendees] == ["199001012015032005"]


def test_a_truncated_workbook_is_refused_as_unreadable():
    good = files.sheet_xlsx([(1, "Rina", "", "Dinas", "", "")])
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if "sheet1" in item.filename else data)
    with pytest.raises(AttendanceFileError) as refused:
        parse(broken.getvalue())
    assert refused.value.code == "unreadable_xlsx"


def test_absurd_durations_and_sessions_are_row_errors():
    parsed = parse(files.zoom_unique([["Rina", "", "9" * 400, "No"]]))
    assert [e.code for e in parsed.errors] == ["bad_duration"]
    parsed = parse(
        files.zoom(
            [["Rina", "", "10/05/2024 09:00:00 AM", "12/31/9999 11:00:00 PM", "1", "No", "Yes"]]
        )
    )
    assert [e.code for e in parsed.errors] == ["bad_time"]


def test_the_same_file_twice_is_refused(client_for, fajar, outreach):
    data = files.zoom(
        [["Rina K", "", "10/05/2024 09:00:00 AM", "10/05/2024 09:50:00 AM", "50", "No", "Yes"]]
    )
    officer = client_for(fajar)
    url = f"/pencegahan/kegiatan/{outreach.pk}/kehadiran/"
    officer.post(url, {"files": [SimpleUploadedFile("a.csv", data)]})
    again = officer.post(url, {"files": [SimpleUploadedFile("a.csv", data)]})
    assert again.status_code == 400 and "sudah diimpor" in again.content.decode()
    assert Attendance.objects.count() == 1


def test_odd_ids_in_forms_give_404_or_a_message(client_for, fajar, outreach):
    officer = client_for(fajar)
    review = f"/pencegahan/kegiatan/{outreach.pk}/tinjau/"
    assert officer.post(review, {"row": "abc", "employee": "²"}).status_code == 404
    response = officer.post(
        f"/pencegahan/kegiatan/{outreach.pk}/ikrar-bersama/",
        {"agencies": ["abc", "²"], "signatories": "Kepala"},
        follow=True,
    )
    assert response.status_code == 200


def test_an_account_without_regions_reaches_no_prevention_page(client_for, make_user, reference):
    nobody = make_user("tanpa", "bawaslu_regency", [])
    assert client_for(nobody).get("/pencegahan/").status_code == 404


def test_unknown_nips_count_against_the_pledge_limit(client, jember_staff, settings):
    settings.NETRA_PLEDGE_CODES_PER_HOUR = 1  # three per address
    for nip in ("199912312020121001", "199912312020121002", "199912312020121003"):
        client.post("/ikrar/", {"nip": nip})
    page = client.post("/ikrar/", {"nip": "199001012015032005"}).content.decode()
    assert "Terlalu banyak" in page

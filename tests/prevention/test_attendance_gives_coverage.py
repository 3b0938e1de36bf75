"""Events with real-looking attendance files produce the right coverage."""

from django.core.files.uploadedfile import SimpleUploadedFile

from netra.prevention.coverage import coverage
from netra.prevention.models import Attendance

from . import files


def zoom_export():
    return files.zoom(
        [
            [
                "Drs. H. Muhammad Suharto, M.Si",
                "",
                "10/05/2024 09:00:00 AM",
                "10/05/2024 10:30:00 AM",
                "90",
                "Yes",
                "Yes",
            ],
            [
                "iPhone (Wahyudi Joyo)",
                "",
                "10/05/2024 09:02:00 AM",
                "10/05/2024 09:40:00 AM",
                "38",
                "Yes",
                "Yes",
            ],
            ["Siti", "", "10/05/2024 09:05:00 AM", "10/05/2024 09:15:00 AM", "10", "Yes", "Yes"],
            [
                "Rina K",
                "rina.kartika@jemberkab.go.id",
                "10/05/2024 09:00:00 AM",
                "10/05/2024 09:20:00 AM",
                "20",
                "No",
                "Yes",
            ],
            [
                "Rina K",
                "rina.kartika@jemberkab.go.id",
                "10/05/2024 09:25:00 AM",
                "10/05/2024 09:45:00 AM",
                "20",
                "No",
                "Yes",
            ],
            [
                "Tamu Dari Kecamatan",
                "",
                "10/05/2024 09:00:00 AM",
                "10/05/2024 10:00:00 AM",
                "60",
                "Yes",
                "Yes",
            ],
        ]
    )


def upload(client, event, *named_files):
    return client.post(
        f"/pencegahan/kegiatan/{event.pk}/kehadiran/",
        {"files": [SimpleUploadedFile(name, data) for name, data in named_files]},
    )


def test_a_zoom_export_is_matched_and_counted_into_coverage(
    client_for, fajar, outreach, jember_staff, region
):
    response = upload(client_for(fajar), outreach, ("peserta.csv", zoom_export()))
    assert response.status_code == 302
    rows = {r.name: r for r in Attendance.objects.all()}
    assert rows["Drs. H. Muhammad Suharto, M.Si"].employee == jember_staff["soeharto"]
    assert rows["iPhone (Wahyudi Joyo)"].employee == jember_staff["wahyudi"]
    assert rows["Rina K"].employee == jember_staff["rina"] and rows["Rina K"].minutes == 40
    assert rows["Siti"].status == "unmatched" or not rows["Siti"].attended  # 10 minutes
    assert rows["Tamu Dari Kecamatan"].status == "unmatched"

    figures = coverage(region("35.09"))
    education = next(a for a in figures["agencies"] if a["agency"] == "Dinas Pendidikan")
    assert (education["total"], education["reached"], education["reached_pct"]) == (4, 3, 75)
    assert figures["unreached"] == ["Dinas Kesehatan"]
    types = {t["type"]: t for t in figures["types"]}
    assert (types["pppk"]["total"], types["pppk"]["reached"]) == (1, 1)
    assert (figures["total"]["total"], figures["total"]["reached"]) == (6, 3)


def test_a_sign_in_sheet_adds_people_by_nip_and_an_uncertain_name_waits_for_review(
    client_for, fajar, outreach, jember_staff, region, employee_factory
):
    employee_factory("Siti Aminah", nip="198202022006042003", agency="Dinas Pendidikan")
    sheet = files.sheet_xlsx(
        [
            (1, "Dra. Siti Aminah", "198001012005012002", "Dinas Pendidikan", "Guru", ""),
            (2, "Siti Aminah, S.Pd", "", "Dinas Pendidikan", "Guru", ""),
        ]
    )
    upload(client_for(fajar), outreach, ("daftar-hadir.xlsx", sheet))
    by_nip, by_name = Attendance.objects.order_by("id")
    assert by_nip.employee == jember_staff["siti"] and by_nip.method == "nip"
    assert by_name.status == "uncertain" and len(by_name.candidates) == 2
    assert coverage(region("35.09"))["total"]["reached"] == 1

    officer = client_for(fajar)
    page = officer.get(f"/pencegahan/kegiatan/{outreach.pk}/tinjau/").content.decode()
    assert "Siti Aminah, S.Pd" in page
    other = (
        by_name.candidates[0][0]
        if by_name.candidates[0][0] != jember_staff["siti"].pk
        else by_name.candidates[1][0]
    )
    officer.post(
        f"/pencegahan/kegiatan/{outreach.pk}/tinjau/", {"row": by_name.pk, "employee": other}
    )
    by_name.refresh_from_db()
    assert by_name.status == "confirmed" and by_name.employee_id == other
    assert coverage(region("35.09"))["total"]["reached"] == 2


def test_two_exports_of_one_meeting_count_a_person_once(client_for, fajar, outreach, region):
    first = files.zoom(
        [
            [
                "Rina K",
                "rina.kartika@jemberkab.go.id",
                "10/05/2024 09:00:00 AM",
                "10/05/2024 09:20:00 AM",
                "20",
                "No",
                "Yes",
            ]
        ]
    )
    second = files.zoom(
        [
            [
                "Rina K",
                "rina.kartika@jemberkab.go.id",
                "10/05/2024 09:15:00 AM",
                "10/05/2024 09:40:00 AM",
                "25",
                "No",
                "Yes",
            ]
        ]
    )
    upload(client_for(fajar), outreach, ("a.csv", first), ("b.csv", second))
    (row,) = Attendance.objects.all()
    assert row.minutes == 40 and row.attended  # 20 and 25 minutes, 5 of them shared
    assert coverage(region("35.09"))["total"]["reached"] == 1


def test_coverage_exports_as_xlsx_and_csv(client_for, fajar, outreach):
    upload(client_for(fajar), outreach, ("peserta.csv", zoom_export()))
    csv_text = (
        client_for(fajar)
        .get("/pencegahan/cakupan.csv", {"wilayah": "35.09"})
        .content.decode("utf-8-sig")
    )
    assert "Dinas Pendidikan,4,3,75,0,0" in csv_text
    xlsx = client_for(fajar).get("/pencegahan/cakupan.xlsx", {"wilayah": "35.09"})
    assert xlsx.content.startswith(b"PK")


def test_attending_a_pledge_ceremony_counts_as_pledged(client_for, fajar, region, jember_staff):
    from django.utils import timezone

    from netra.prevention import actions

    ceremony = actions.add_event(
        fajar,
        region=region("35.09"),
        title="Ikrar netralitas ASN",
        kind="pledge",
        mode="in_person",
        place="Alun-alun",
        organiser="Pemkab Jember",
        audience=["asn"],
        starts_at=timezone.now(),
    )
    sheet = files.sheet_csv(["Budi Santoso;199004042015031005;Dinas Kesehatan;Staf"])
    upload(client_for(fajar), ceremony, ("ikrar.csv", sheet))
    figures = coverage(region("35.09"))
    assert (figures["total"]["reached"], figures["total"]["pledged"]) == (1, 1)

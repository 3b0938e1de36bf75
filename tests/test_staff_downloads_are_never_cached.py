"""Every file staff download carries `Cache-Control: no-store`: letters, case attachments,
decrees, evidence, coverage exports and roster error reports hold personal data and must not
stay behind in a browser's, a proxy's or a shared machine's cache."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from netra.cases import actions
from netra.people.models import RosterImport
from netra.reports.models import Evidence, Submission

from .case_walk import walk
from .people.roster_files import HEADER, VALID_ROWS
from .reports.helpers import file_report, photo_with_gps

PDF = b"%PDF-1.7\n% keputusan\n%%EOF\n"


def staff_downloads(
    client, client_for, alice, gita, hadi, fajar, django_capture_on_commit_callbacks
):
    """(who, url) for one of every kind of staff download."""
    file_report(client, files=[photo_with_gps()])
    submission = Submission.objects.get()
    case = actions.open_case_from_submission(alice, submission)
    officer = client_for(alice)
    officer.post(
        f"/kasus/{case.pk}/lampiran/", {"title": "Tangkapan layar", "file": photo_with_gps()}
    )
    case = walk(case, "recommended", officer=alice, bkn=gita)  # writes the recommendation letter
    recommendation = case.recommendations.get()
    prefix = f"r{recommendation.pk}-"
    ppk = client_for(hadi)
    ppk.post(
        f"/rekomendasi/{recommendation.pk}/keputusan/",
        {
            "version": case.version,
            prefix + "outcome": "imposed",
            prefix + "number": "800/5/2024",
            prefix + "decided_on": str(timezone.localdate()),
            prefix + "sanction": "Teguran",
            prefix + "file": SimpleUploadedFile("sk.pdf", PDF, "application/pdf"),
        },
    )
    personnel = client_for(fajar)
    bad = "198513012010011001,Nama Salah,PNS,Staf,Pelaksana,Dinas Pendidikan,,,\n"
    with django_capture_on_commit_callbacks(execute=True):
        personnel.post(
            reverse("people:import"),
            {
                "region": case.region.pk,
                "file": SimpleUploadedFile("pegawai.csv", (HEADER + VALID_ROWS[0] + bad).encode()),
            },
        )
    return {
        "evidence": (officer, f"/laporan/bukti/{Evidence.objects.get().pk}/"),
        "case attachment": (officer, f"/kasus/lampiran/{case.attachments.get().pk}/"),
        "letter": (officer, f"/kasus/dokumen/{case.documents.get().pk}/"),
        "decree": (ppk, f"/rekomendasi/{recommendation.pk}/keputusan.pdf"),
        "coverage export (csv)": (personnel, "/pencegahan/cakupan.csv?wilayah=35.09"),
        "coverage export (xlsx)": (personnel, "/pencegahan/cakupan.xlsx?wilayah=35.09"),
        "roster import error report": (
            personnel,
            reverse("people:import_job_errors", args=[RosterImport.objects.get().pk]),
        ),
    }


def test_every_staff_download_says_no_store(
    client, client_for, alice, gita, hadi, fajar, django_capture_on_commit_callbacks
):
    downloads = staff_downloads(
        client, client_for, alice, gita, hadi, fajar, django_capture_on_commit_callbacks
    )
    cached = {}
    for kind, (who, url) in downloads.items():
        response = who.get(url)
        assert response.status_code == 200, kind
        assert response["Content-Disposition"].startswith("attachment"), kind
        if "no-store" not in response.get("Cache-Control", ""):
            cached[kind] = response.get("Cache-Control")
    assert cached == {}

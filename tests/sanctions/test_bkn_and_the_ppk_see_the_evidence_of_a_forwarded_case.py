"""Item 7 of issue 13: BKN and the PPK saw a "laporan #1" link that answered 404, and no
evidence, while the letter to BKN says the evidence is attached in Netra. Staff who may handle
a forwarded case see its evidence on the case page (names, hashes, thumbnails, a PDF preview)
through a case-scoped address, and never the reporter's identity."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.cases import actions
from netra.reports.models import Evidence, Submission

from ..conftest import _small_pdf
from ..reports.helpers import REPORTER_NAME, REPORTER_NIK, file_report, photo_with_gps


@pytest.fixture
def forwarded_with_evidence(client, alice, reference, walk_case):
    pdf = SimpleUploadedFile("surat-edaran.pdf", _small_pdf(), content_type="application/pdf")
    file_report(client, files=[photo_with_gps(), pdf])
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    return walk_case(case, "forwarded", officer=alice)


@pytest.fixture(params=["bkn", "ppk", "bkpsdm"])
def handler(request, forwarded_with_evidence, walk_case, make_user):
    """BKN on the forwarded case; the PPK of the reported person's government and its BKPSDM
    once BKN has recommended (before, the case is not theirs)."""
    case = forwarded_with_evidence
    if request.param == "bkn":
        return request.getfixturevalue("gita"), case
    case = walk_case(case, "recommended")
    return make_user(f"{request.param}-jember", request.param, ["35.09"]), case


def test_bkn_and_the_ppk_see_names_hashes_a_thumbnail_and_a_pdf_preview(handler, client_for):
    user, case = handler
    staff = client_for(user)
    page = staff.get(f"/kasus/{case.pk}/").content.decode()
    photo, pdf = Evidence.objects.order_by("pk")
    for item in (photo, pdf):
        assert item.sha256_original in page
        assert f"bukti-{item.pk}." in page
    assert re.search(rf'<img[^>]+src="/kasus/{case.pk}/bukti/{photo.pk}/\?lihat=1"', page)
    assert re.search(rf'<iframe[^>]+src="/kasus/{case.pk}/bukti/{pdf.pk}/\?lihat=1"', page)
    thumbnail = staff.get(f"/kasus/{case.pk}/bukti/{photo.pk}/?lihat=1")
    assert thumbnail.status_code == 200 and thumbnail["Content-Type"] == "image/jpeg"
    assert thumbnail["Content-Disposition"].startswith("inline")
    preview = staff.get(f"/kasus/{case.pk}/bukti/{pdf.pk}/?lihat=1")
    assert preview.status_code == 200 and preview["X-Frame-Options"] == "SAMEORIGIN"
    download = staff.get(f"/kasus/{case.pk}/bukti/{pdf.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert REPORTER_NAME not in page and REPORTER_NIK not in page


def test_no_link_on_their_case_page_leads_to_a_404(handler, client_for):
    user, case = handler
    staff = client_for(user)
    page = staff.get(f"/kasus/{case.pk}/").content.decode()
    assert f"/laporan/{case.submission_id}/" not in page
    for href in set(re.findall(r'href="(/[^"#]*)"', page)):
        assert staff.get(href.replace("&amp;", "&")).status_code != 404, href


def test_evidence_of_a_case_not_yet_forwarded_is_not_found_for_bkn(
    client, alice, gita, reference, client_for
):
    file_report(client, files=[photo_with_gps()])
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    photo = Evidence.objects.get()
    assert client_for(gita).get(f"/kasus/{case.pk}/bukti/{photo.pk}/").status_code == 404
    assert client_for(alice).get(f"/kasus/{case.pk}/bukti/{photo.pk}/").status_code == 200


def test_evidence_is_found_only_through_its_own_case(
    forwarded_with_evidence, client, alice, gita, client_for
):
    file_report(client, files=[photo_with_gps()], description="Laporan lain tentang foto.")
    other = actions.open_case_from_submission(alice, Submission.objects.order_by("pk").last())
    other_photo = Evidence.objects.get(submission=other.submission)
    case = forwarded_with_evidence
    assert client_for(gita).get(f"/kasus/{case.pk}/bukti/{other_photo.pk}/").status_code == 404

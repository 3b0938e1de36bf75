import hashlib

import pytest

from netra.audit.models import AuditEntry
from netra.cases.models import Case, CaseDocument
from netra.reports.models import Submission

from ..reports.helpers import file_report

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")


@pytest.fixture
def case(client, client_for, alice, reference):
    file_report(client)
    client_for(alice).post(f"/laporan/{Submission.objects.get().pk}/buka-kasus/")
    return Case.objects.get()


def test_an_invitation_is_generated_as_a_hashed_pdf_with_the_case(client_for, alice, case):
    officer = client_for(alice)
    response = officer.post(
        f"/kasus/{case.pk}/dokumen/",
        {
            "kind": "invitation",
            "recipient": "Ahmad Fauzi",
            "capacity": "terlapor",
            "when": "Senin, 25 November 2024, 09.00 WIB",
            "place": "Kantor Bawaslu Jember",
        },
    )
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    content = document.file.read()
    assert content.startswith(b"%PDF-")
    assert hashlib.sha256(content).hexdigest() == document.sha256
    assert case.events.filter(kind="document").exists()
    assert AuditEntry.objects.filter(action="case.document_generated").exists()
    download = officer.get(f"/kasus/dokumen/{document.pk}/")
    assert download["Content-Type"] == "application/pdf"


def test_an_invitation_without_its_details_is_refused(client_for, alice, case):
    client_for(alice).post(f"/kasus/{case.pk}/dokumen/", {"kind": "invitation"})
    assert not CaseDocument.objects.exists()


def test_every_letter_renders(client_for, alice, case):
    officer = client_for(alice)
    for kind in ["registration_notice", "forwarding_letter", "case_summary"]:
        officer.post(f"/kasus/{case.pk}/dokumen/", {"kind": kind})
    assert CaseDocument.objects.count() == 3


def test_an_officer_of_another_region_cannot_fetch_a_letter(client_for, alice, charlie, case):
    client_for(alice).post(f"/kasus/{case.pk}/dokumen/", {"kind": "case_summary"})
    document = CaseDocument.objects.get()
    assert client_for(charlie).get(f"/kasus/dokumen/{document.pk}/").status_code == 404
    assert (
        client_for(charlie).post(f"/kasus/{case.pk}/dokumen/", {"kind": "case_summary"}).status_code
        == 404
    )


def test_a_case_summary_names_the_system_for_its_own_steps(alice, case):
    """The worker's moves have no actor; the letter says Netra instead of failing."""
    from netra.cases import documents
    from netra.cases.models import CaseEvent

    CaseEvent.objects.create(
        case=case, actor=None, kind="transition", from_state="received", to_state="initial_study"
    )
    assert "Netra" in documents.letter_html(case, "case_summary", {})

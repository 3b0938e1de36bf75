import pytest

from netra.audit.models import AuditEntry
from netra.cases import documents, letters
from netra.cases.models import CaseDocument, LetterTemplate

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")


def test_an_administrator_edits_a_letter_and_new_letters_use_it(
    client_for, admin, alice, reported_case
):
    officer = client_for(alice)
    officer.post(f"/kasus/{reported_case.pk}/dokumen/", {"kind": "registration_notice"})
    before = CaseDocument.objects.get()
    admin = client_for(admin)
    page = admin.get("/templat-surat/registration_notice/").content.decode()
    assert "Pemberitahuan" in page  # the shipped body is offered for editing
    body = (
        letters.default_body("registration_notice")
        + "<p>Layanan informasi: 0331-123456 ({{ case.region.name }}).</p>"
    )
    response = admin.post("/templat-surat/registration_notice/", {"body": body})
    assert response.status_code == 302
    html = documents.letter_html(reported_case, "registration_notice", {})
    assert "Layanan informasi: 0331-123456 (Kabupaten Jember)." in html
    assert "BADAN PENGAWAS PEMILIHAN UMUM" in html  # the letterhead stays
    entry = AuditEntry.objects.get(action="letters.template_changed")
    assert entry.data["before_sha256"] != entry.data["after_sha256"]
    officer.post(f"/kasus/{reported_case.pk}/dokumen/", {"kind": "registration_notice"})
    first, second = CaseDocument.objects.order_by("pk")
    assert first.sha256 == before.sha256 and first.sha256 != second.sha256

    admin.post("/templat-surat/registration_notice/", {"reset": "1", "body": ""})
    assert not LetterTemplate.objects.exists()
    assert "0331-123456" not in documents.letter_html(reported_case, "registration_notice", {})


def test_a_broken_or_unsafe_template_is_refused_with_the_reason(client_for, admin, reference):
    admin = client_for(admin)
    for body, message in [
        ("{% if case.number %}tanpa penutup", "galat"),
        ('{% include "base.html" %}', "include"),
        ("{% load static %}", "load"),
    ]:
        page = admin.post("/templat-surat/invitation/", {"body": body}).content.decode()
        assert message in page, body
    assert not LetterTemplate.objects.exists()


def test_only_an_administrator_reaches_the_letter_templates(client_for, alice, reference):
    assert client_for(alice).get("/templat-surat/").status_code == 404
    assert client_for(alice).post("/templat-surat/invitation/", {"body": "x"}).status_code == 404


def test_a_tag_that_could_break_every_letter_is_refused(client_for, admin, reference):
    from netra.cases.models import LetterTemplate

    admin_client = client_for(admin)
    page = admin_client.post(
        "/templat-surat/invitation/", {"body": "{% url 'cases:list' %}"}
    ).content.decode()
    assert "url" in page
    page = admin_client.post(
        "/templat-surat/invitation/", {"body": "{{ case.assigned_to.password }}"}
    ).content.decode()
    assert "password" in page
    assert not LetterTemplate.objects.exists()

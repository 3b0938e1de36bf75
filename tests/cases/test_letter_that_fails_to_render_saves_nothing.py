"""A letter whose PDF cannot be made leaves no half-saved record: no document, no file, no
timeline line, no audit entry, and the officer reads why (issue 11, finding 12)."""

from pathlib import Path

import pytest

from netra.audit.models import AuditEntry
from netra.cases import documents
from netra.cases.models import CaseDocument

from ..letter_rendering import failing_renderer  # noqa: F401 - a fixture

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")


def test_a_letter_that_fails_to_render_saves_nothing(
    client_for,
    alice,
    reported_case,
    media_root,
    failing_renderer,  # noqa: F811
):
    audited = AuditEntry.objects.count()
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/dokumen/", {"kind": "case_summary"}, follow=True
    )
    assert response.status_code == 200
    assert "Surat tidak dapat dibuat; tidak ada yang disimpan." in response.content.decode()
    assert not CaseDocument.objects.exists()
    assert not reported_case.events.filter(kind="document").exists()
    assert AuditEntry.objects.count() == audited
    assert not list(Path(media_root).rglob("*.pdf"))


def test_the_api_refuses_it_with_a_reason(client_for, alice, reported_case, failing_renderer):  # noqa: F811
    response = client_for(alice).post(
        f"/api/v1/cases/{reported_case.pk}/documents",
        {"kind": "case_summary"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "letter_failed"
    assert not CaseDocument.objects.exists()


def test_a_letter_whose_record_fails_leaves_no_file_behind(
    alice, reported_case, media_root, monkeypatch
):
    """The PDF is written to storage inside the short transaction; when that transaction
    fails, the file goes with it."""

    def broken_audit(*args, **kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(documents, "record", broken_audit)
    with pytest.raises(RuntimeError):
        documents.generate(alice, reported_case, "case_summary", {})
    assert not CaseDocument.objects.exists()
    assert not list(Path(media_root).rglob("*.pdf"))

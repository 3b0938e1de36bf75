"""A letter is rendered before its transaction opens, so that the second it takes does not
hold the audit head that every audited write waits for (issue 11, finding 12)."""

import hashlib

import pytest

from netra.audit.models import AuditEntry
from netra.cases.models import CaseDocument

from ..letter_rendering import while_rendering  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_audited_write_elsewhere_does_not_wait_for_a_letter(
    client_for,
    alice,
    reported_case,
    while_rendering,  # noqa: F811
):
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/dokumen/", {"kind": "case_summary"}
    )
    assert response.status_code == 302
    assert while_rendering == [{"in_transaction": False, "write_elsewhere": {"ok": True}}]
    assert AuditEntry.objects.filter(action="test.write_while_a_pdf_renders").exists()
    document = CaseDocument.objects.get()
    assert hashlib.sha256(document.file.read()).hexdigest() == document.sha256
    entry = AuditEntry.objects.get(action="case.document_generated")
    assert entry.data["sha256"] == document.sha256 and entry.data["document"] == document.pk
    assert reported_case.events.filter(kind="document", text__contains=document.sha256[:16])

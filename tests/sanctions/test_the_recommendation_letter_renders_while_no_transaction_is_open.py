"""BKN's recommendation letter is rendered before the recommendation's transaction opens,
from the rows about to be saved, and kept with them and its hash (issue 11, finding 12)."""

import hashlib

import pytest

from netra.audit.models import AuditEntry
from netra.cases.models import CaseDocument
from netra.sanctions.models import Recommendation

from ..letter_rendering import while_rendering  # noqa: F401 - a fixture
from ..sanctions_helpers import DEMOTION, recommend

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_audited_write_elsewhere_does_not_wait_for_the_recommendation_letter(
    under_verification,
    gita,
    while_rendering,  # noqa: F811
):
    case = recommend(gita, under_verification)
    assert while_rendering == [{"in_transaction": False, "write_elsewhere": {"ok": True}}]
    assert case.state == "recommended"
    recommendation = Recommendation.objects.get()
    document = CaseDocument.objects.get(case=case, kind="recommendation_letter")
    pdf = document.file.read()
    assert hashlib.sha256(pdf).hexdigest() == document.sha256
    entry = AuditEntry.objects.get(action="case.document_generated")
    assert entry.data == {
        "kind": "recommendation_letter",
        "sha256": document.sha256,
        "document": document.pk,
    }
    assert recommendation.sanction == DEMOTION and recommendation.due_at == case.due_at

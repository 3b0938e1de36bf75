"""An administrator corrects one value of an imported IKP row (a typo in the published file):
the value changes, the audit entry keeps the old and new values and the reason; a bad value
or no reason is refused and changes nothing."""

from decimal import Decimal

import pytest

from netra.audit.models import AuditEntry
from netra.lib.refusals import Refused
from netra.regions.models import Election
from netra.risk import actions

from .ikp_files import csv_bytes


@pytest.fixture
def score(admin):
    election = Election.objects.get(code="pilkada-2020")
    release = actions.import_ikp(
        admin, election, csv_bytes([["15.71", "", "72", "tinggi"]]), source="Bawaslu RI"
    )
    return release.scores.get()


def test_the_value_changes_and_the_audit_keeps_both(admin, score):
    actions.correct_ikp(admin, score, field="score", value="27,5", reason="Salah ketik di berkas")
    score.refresh_from_db()
    assert score.score == Decimal("27.50")
    entry = AuditEntry.objects.get(action="risk.ikp_corrected")
    assert entry.data == {
        "field": "score",
        "before": "72.00",
        "after": "27.50",
        "reason": "Salah ketik di berkas",
    }
    assert entry.region_code == "15.71"


def test_a_bad_value_or_a_missing_reason_changes_nothing(admin, score):
    for field, value, reason, code in [
        ("score", "120", "x", "value_out_of_range"),
        ("category", "parah", "x", "value_category"),
        ("score", "50", "  ", "reason_required"),
        ("region", "35", "x", "unknown_field"),
    ]:
        with pytest.raises(Refused) as refused:
            actions.correct_ikp(admin, score, field=field, value=value, reason=reason)
        assert refused.value.code == code
    score.refresh_from_db()
    assert score.score == Decimal("72.00") and score.category == "tinggi"
    assert not AuditEntry.objects.filter(action="risk.ikp_corrected").exists()

"""The weights of the risk score are data: an administrator sets them, the newest are in
force, each change is audited, and bad weights are refused by name."""

import pytest

from netra.audit.models import AuditEntry
from netra.lib.refusals import Refused
from netra.risk import actions
from netra.risk.models import RiskWeights
from netra.risk.refusals import weight_problems_text


def test_new_weights_are_kept_and_audited(admin):
    actions.set_weights(admin, {"ikp": 1, "reports": 4}, note="Laporan lebih menentukan")
    kept = RiskWeights.objects.first()
    assert kept.weights == {"ikp": 1.0, "reports": 4.0} and kept.changed_by == admin
    entry = AuditEntry.objects.get(action="risk.weights_set")
    assert entry.data["weights"] == {"ikp": 1.0, "reports": 4.0}


def test_bad_weights_are_refused_by_name(admin):
    with pytest.raises(Refused) as refused:
        actions.set_weights(admin, {"ikp": -2, "luck": 1})
    assert refused.value.errors == [("ikp", "out_of_range"), ("luck", "unknown")]
    assert "luck" in weight_problems_text(refused.value.errors)
    assert not RiskWeights.objects.exists()

"""An imported index, a corrected value and new weights weigh at once: the regions' risk is
recomputed by the change itself, not at the worker's next round."""

from netra.regions.models import Election
from netra.risk import actions
from netra.risk.models import RegionRisk

from .ikp_files import csv_bytes


def _risk(election, code):
    return RegionRisk.objects.get(election=election, region__code=code)


def test_the_risk_follows_the_import_the_correction_and_the_weights(admin):
    election = Election.objects.get(code="pilkada-2020")
    release = actions.import_ikp(
        admin, election, csv_bytes([["15.71", "", "80", "tinggi"]]), source="Bawaslu RI"
    )
    assert _risk(election, "15.71").components["ikp"] == 80.0
    actions.correct_ikp(
        admin, release.scores.get(), field="score", value="20", reason="Salah ketik"
    )
    assert _risk(election, "15.71").components["ikp"] == 20.0
    actions.set_weights(admin, {"ikp": 0, "ppk": 1})
    assert "ikp" not in _risk(election, "15.71").facts or (
        _risk(election, "15.71").facts["ikp"]["weight"] == 0
    )

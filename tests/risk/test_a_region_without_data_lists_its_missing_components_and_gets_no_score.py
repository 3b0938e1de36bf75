"""A region's score is the weighted mean of the components that have data: those without are
listed as missing (and shown as no data), never counted as 0, and a region none of whose
components has data has no score at all. A component weighted 0 is not missing: it is not
weighed."""

from netra.risk import actions, refresh
from netra.risk.models import RegionRisk

from .risk_data import election, figures, ikp


def test_a_region_with_nothing_has_no_score_and_misses_every_component(reference):
    refresh.recompute(election())

    jambi = RegionRisk.objects.get(election=election(), region__code="15.71")
    assert jambi.score is None
    assert jambi.missing == ["ikp", "prevention", "flags", "reports", "overdue", "ppk"]
    assert set(jambi.components.values()) == {None}


def test_the_missing_components_are_left_out_not_taken_as_zero(admin):
    ikp(admin, [("35.09", "80", "tinggi")])
    figures("pilkada-2024", {"35.09": (10, 0), "35.10": (10, 5)}, compliance={"35.09": (2, 1)})

    refresh.recompute(election())

    jember = RegionRisk.objects.get(election=election(), region__code="35.09")
    # IKP 80 (weight 3), overdue 0 (weight 1), PPK 50 (weight 1): (240 + 0 + 50) / 5.
    assert jember.score == 58.0
    assert jember.missing == ["prevention", "flags", "reports"]
    assert jember.components["overdue"] == 0.0
    assert jember.components["prevention"] is None


def test_a_component_weighted_zero_is_not_missing(admin):
    actions.set_weights(
        admin, {"ikp": 1, "prevention": 0, "flags": 0, "reports": 0, "overdue": 0, "ppk": 0}
    )
    ikp(admin, [("35.09", "80", "tinggi")])

    refresh.recompute(election())

    jember = RegionRisk.objects.get(election=election(), region__code="35.09")
    assert (jember.score, jember.missing) == (80.0, [])

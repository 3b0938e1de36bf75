"""Recomputing an election's risk writes one row per region taking part (the provinces,
regencies and cities), with the weights in force at that moment and each component's weight
and points (which add up to the score); computing again updates the rows rather than adding
any, and a region that left the election loses its row."""

from netra.risk import actions, refresh
from netra.risk.components import regions_of
from netra.risk.models import RegionRisk

from .risk_data import election, figures, ikp


def test_every_region_gets_one_row_and_the_points_add_up_to_the_score(admin):
    ikp(admin, [("35.09", "70", "tinggi")])
    figures("pilkada-2024", {"35.09": (10, 5), "35.10": (10, 1)}, compliance={"35.09": (4, 1)})

    count = refresh.recompute(election())
    refresh.recompute(election())

    assert count == len(regions_of(election())) == 552
    assert RegionRisk.objects.filter(election=election()).count() == 552
    jember = RegionRisk.objects.get(election=election(), region__code="35.09")
    points = [fact["points"] for fact in jember.facts.values() if "points" in fact]
    assert abs(sum(points) - jember.score) < 0.2
    assert jember.facts["ikp"]["weight"] == 3


def test_new_weights_count_from_the_next_recompute(admin):
    ikp(admin, [("35.09", "70", "tinggi")])
    figures("pilkada-2024", {"35.09": (10, 5), "35.10": (10, 1)})
    refresh.recompute(election())
    before = RegionRisk.objects.get(election=election(), region__code="35.09").score

    actions.set_weights(
        admin, {"ikp": 1, "prevention": 1, "flags": 1, "reports": 1, "overdue": 9, "ppk": 1}
    )
    refresh.recompute(election())

    jember = RegionRisk.objects.get(election=election(), region__code="35.09")
    assert before == 77.5  # (3 * 70 + 100) / 4
    assert jember.score == 97.0  # (70 + 9 * 100) / 10
    assert jember.facts["overdue"]["weight"] == 9


def test_a_region_that_left_the_election_loses_its_row(reference):
    pilkada = election("pilkada-2020")
    refresh.recompute(pilkada)
    assert RegionRisk.objects.filter(election=pilkada, region__code="15").exists()

    pilkada.regions.remove(*pilkada.regions.filter(code="15"))
    refresh.recompute(pilkada)

    assert not RegionRisk.objects.filter(election=pilkada, region__code__startswith="15").exists()
    assert RegionRisk.objects.filter(election=pilkada).count() == len(regions_of(pilkada))

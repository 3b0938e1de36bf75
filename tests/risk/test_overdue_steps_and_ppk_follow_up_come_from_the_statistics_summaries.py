"""Overdue handling steps per case rank among the regions with cases; the PPK component is
the share of BKN's recommendations to the region's government still unanswered (a province:
its own government's and its regencies' and cities'). Without cases, or without
recommendations, there is no data."""

from .risk_data import computed, figures


def test_overdue_steps_per_case_rank_among_regions_with_cases(reference):
    figures("pilkada-2024", {"35.09": (10, 5), "35.10": (10, 1), "15.71": (4, 0)})

    regions = computed()

    assert regions["35.09"]["values"]["overdue"] == 100.0
    assert regions["35.10"]["values"]["overdue"] == 50.0
    assert regions["15.71"]["values"]["overdue"] == 0.0  # nothing overdue adds no risk
    facts = regions["35.09"]["facts"]["overdue"]
    assert (facts["overdue"], facts["cases"], facts["per_case"]) == (5, 10, 0.5)
    assert regions["35.78"]["values"]["overdue"] is None
    assert regions["35.78"]["facts"]["overdue"] == {"reason": "no_cases"}
    assert regions["35"]["facts"]["overdue"]["cases"] == 20  # ranked among the provinces


def test_the_ppk_component_is_the_share_of_recommendations_unanswered(reference):
    figures(
        "pilkada-2024",
        {"35.09": (10, 0), "35.10": (4, 0)},
        compliance={"35.09": (4, 1), "35.10": (2, 2), "35": (2, 0)},
    )

    regions = computed()

    assert regions["35.09"]["values"]["ppk"] == 75.0
    assert regions["35.09"]["facts"]["ppk"] == {"recommended": 4, "answered": 1}
    assert regions["35.10"]["values"]["ppk"] == 0.0
    assert regions["35"]["values"]["ppk"] == 62.5  # 5 of 8 unanswered over its PPKs
    assert regions["35"]["facts"]["ppk"]["governments"] == 3
    assert regions["35.78"]["facts"]["ppk"] == {"reason": "no_recommendations"}

"""The score is the weighted mean of the components that have data: a component without data
is listed as missing, never taken as 0; a region with no data at all has no score."""

from netra.risk.score import COMPONENTS, combine

WEIGHTS = {"ikp": 3, "prevention": 2, "flags": 1, "reports": 2, "overdue": 1, "ppk": 1}


def test_a_missing_component_is_left_out_of_the_mean_and_named():
    risk = combine({"ikp": 80, "reports": 20}, WEIGHTS)
    assert risk.score == round((80 * 3 + 20 * 2) / 5, 1) == 56.0
    assert risk.missing == ["prevention", "flags", "overdue", "ppk"]
    assert risk.components["prevention"] is None
    assert sum(risk.shares.values()) == risk.score


def test_a_region_without_any_data_has_no_score():
    risk = combine({}, WEIGHTS)
    assert risk.score is None and risk.missing == list(COMPONENTS)


def test_a_component_weighted_zero_is_neither_counted_nor_missing():
    risk = combine({"ikp": 40, "ppk": 100}, {**WEIGHTS, "ppk": 0})
    assert risk.score == 40.0 and "ppk" not in risk.missing


def test_values_outside_0_to_100_are_held_to_the_scale():
    assert combine({"ikp": 250, "reports": -5}, {"ikp": 1, "reports": 1}).score == 50.0

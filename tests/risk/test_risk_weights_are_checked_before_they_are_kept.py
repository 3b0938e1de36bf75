"""Weights come from an administrator: unknown components, non-numbers, values out of range
and a set of weights that are all zero are refused by name."""

from netra.risk.score import weight_problems


def test_good_weights_have_no_problem():
    assert weight_problems({"ikp": 3, "ppk": 0.5}) == []


def test_each_bad_weight_is_named():
    assert weight_problems({"ikp": -1, "luck": 2, "ppk": "high", "flags": True}) == [
        ("ikp", "out_of_range"),
        ("luck", "unknown"),
        ("ppk", "not_a_number"),
        ("flags", "not_a_number"),
    ]
    assert weight_problems({"ikp": float("nan")}) == [("ikp", "out_of_range")]
    assert weight_problems({"ikp": 101}) == [("ikp", "out_of_range")]


def test_weights_that_are_all_zero_are_refused():
    assert weight_problems({"ikp": 0, "ppk": 0}) == [(None, "all_zero")]

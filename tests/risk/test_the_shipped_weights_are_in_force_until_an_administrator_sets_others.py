"""Until an administrator sets weights, the shipped defaults (with their source) are in force,
and they are a valid set of weights."""

from netra.risk import actions, weights
from netra.risk.score import COMPONENTS, weight_problems


def test_the_shipped_weights_are_valid_and_name_their_source():
    shipped = weights.shipped()
    assert set(shipped.weights) == set(COMPONENTS)
    assert weight_problems(shipped.weights) == []
    assert shipped.note and shipped.version


def test_an_administrators_weights_replace_them(admin):
    assert weights.in_force() == weights.shipped()
    actions.set_weights(admin, {"ikp": 1}, note="Hanya IKP")
    current = weights.in_force()
    assert current.weights == {"ikp": 1.0} and current.note == "Hanya IKP"
    assert current.changed_by == admin

"""A province is a part of the nation and the total of its regencies and its office's own
cases; each sum alone can leave it several values and the two together only one. The nation's
10 is a hidden province (at least 5) and a "<5" one: the first is 6 to 9. Its own sum is a
regency's 5 shown and four regencies' "<5" (and its office's cases, at least none): 9 or
more. Together it is 9, and every "<5" is 1. Suppression takes the sums together and hides
more until none is pinned."""

from netra.insights.suppression import HIDDEN, SHOWN, secure, suppress
from tests.insights.attacker import model_of, pinned

GROUPS = [
    ("N", ["P1", "P2"], []),
    ("P1", ["R1", "R2", "R3", "R4", "R5"], ["O1"]),
    ("P2", ["R6"], ["O2"]),
]
CASES = {"R1": 5, "R2": 1, "R3": 1, "R4": 1, "R5": 1, "O1": 0, "R6": 1, "O2": 0}
VALUES = {"reports": {**CASES, "P1": 9, "P2": 1, "N": 10}}


def _one_sum_at_a_time():
    return {"reports": suppress(GROUPS, dict(VALUES["reports"]))}


def test_each_sum_alone_leaves_the_province_pinned():
    status = _one_sum_at_a_time()
    assert status["reports"]["P1"] == HIDDEN and status["reports"]["N"] == SHOWN
    model, suppressed = model_of(GROUPS, VALUES, status, [])
    assert "('reports', 'P1') = 9" in pinned(model, suppressed)


def test_the_sums_together_leave_nothing_pinned():
    status = secure(GROUPS, VALUES, _one_sum_at_a_time(), [])
    model, suppressed = model_of(GROUPS, VALUES, status, [])
    truth = {("reports", cell): value for cell, value in VALUES["reports"].items()}
    assert model.satisfied_by(truth) == []
    assert len(suppressed) >= 6
    assert pinned(model, suppressed) == []

"""A province whose only cases are its provincial office's own (taken by `suppress()` as known
exactly) has a total nothing can hide: it is its office's count. Suppression marks it hidden
and ends, rather than going round that group for ever; `secure()` then reads it as outsiders
do, the office's cases unpublished."""

from netra.insights.suppression import HIDDEN_TOTAL, secure, suppress
from tests.insights.attacker import model_of, pinned

GROUPS = [("N", ["P1", "P2"], []), ("P1", ["R1"], ["O1"]), ("P2", ["R2"], ["O2"])]
VALUES = {"reports": {"N": 9, "P1": 1, "R1": 0, "O1": 1, "P2": 8, "R2": 8, "O2": 0}}


def test_the_total_is_hidden_and_suppression_ends():
    status = {"reports": suppress(GROUPS, dict(VALUES["reports"]))}
    assert status["reports"]["P1"] == HIDDEN_TOTAL
    secure(GROUPS, VALUES, status, [])
    model, suppressed = model_of(GROUPS, VALUES, status, [])
    assert ("reports", "P1") in suppressed
    assert pinned(model, suppressed) == []

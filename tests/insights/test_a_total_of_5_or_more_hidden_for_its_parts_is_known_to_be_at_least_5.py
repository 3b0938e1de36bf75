"""A total of two "<5" regencies, 4 and 4, would pin them both (8 leaves each only 4): it is
hidden. It was not small, so it is hidden as a part is, at least 5 (data-status "hidden"), not
as a hidden total of at least 1: what its median tells (5 cases or more) is then no more than
what the table says, and the median can be given."""

from netra.insights.suppression import HIDDEN, SMALL, suppress
from tests.insights.attacker import model_of, pinned

GROUPS = [("P", ["A", "B"], ["O"])]


def test_the_total_is_hidden_as_at_least_5():
    status = suppress(GROUPS, {"P": 8, "A": 4, "B": 4, "O": 0})
    assert status == {"P": HIDDEN, "A": SMALL, "B": SMALL, "O": "shown"}
    model, suppressed = model_of(GROUPS, {"r": {"P": 8, "A": 4, "B": 4, "O": 0}}, {"r": status}, [])
    assert pinned(model, suppressed) == []

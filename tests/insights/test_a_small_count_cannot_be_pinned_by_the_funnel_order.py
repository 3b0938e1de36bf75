"""A small count safe in its own series can be pinned through the funnel's order (no stage
counts more cases than the one before it): two regencies' reports "<5" adding up to 3, beside
registrations of which two are "<5" adding up to 6. Each series alone leaves every cell more
than one value; together, the regency with 2 reports has at most 2 registrations, so exactly
2, and the other 4. Taken together, the series are suppressed until none is pinned."""

from netra.insights.suppression import SHOWN, secure, suppress
from tests.insights.attacker import model_of, pinned

GROUPS = [("P", ["A", "B", "C", "D"], [])]
ORDERS = [("reports", "registered")]


def _values():
    values = {
        "reports": {"A": 2, "B": 1, "C": 5, "D": 10},
        "registered": {"A": 2, "B": 0, "C": 4, "D": 7},
    }
    for cells in values.values():
        cells["P"] = sum(cells.values())
    return values


def _each_series_alone(values):
    return {series: suppress(GROUPS, cells) for series, cells in values.items()}


def test_the_series_one_at_a_time_leave_counts_pinned_by_the_order():
    values = _values()
    status = _each_series_alone(values)
    model, suppressed = model_of(GROUPS, values, status, ORDERS)
    assert "('registered', 'A') = 2" in pinned(model, suppressed)


def test_the_series_together_leave_no_count_pinned():
    values = _values()
    status = secure(GROUPS, values, _each_series_alone(values), ORDERS)
    model, suppressed = model_of(GROUPS, values, status, ORDERS)
    assert model.satisfied_by(_truth(values)) == []
    assert ("registered", "A") in suppressed
    assert pinned(model, suppressed) == []
    # It took hiding a count that was shown.
    assert any(status[s][c] != SHOWN and values[s][c] >= 5 for s, c in _cells(values))


def _cells(values):
    return [(series, cell) for series, cells in values.items() for cell in cells]


def _truth(values):
    return {(series, cell): values[series][cell] for series, cell in _cells(values)}

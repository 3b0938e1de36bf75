"""No conduct counts more cases than the region's reports: a regency with 5 reports shown and
its count of a conduct hidden (at least 5, hidden so that a "<5" beside it keeps its secret)
has exactly 5 cases of that conduct. Suppression takes the conduct's series together with the
reports and hides more until no count is pinned."""

from netra.insights.suppression import HIDDEN, secure, suppress
from tests.insights.attacker import model_of, pinned

GROUPS = [("N", ["P"], []), ("P", ["A", "B", "C"], ["O"])]
ORDERS = [("reports", "kind:partisan_photo")]


def _values():
    values = {
        "reports": {"A": 5, "B": 7, "C": 9, "O": 0},
        "kind:partisan_photo": {"A": 5, "B": 1, "C": 6, "O": 0},
    }
    for cells in values.values():
        cells["P"] = cells["N"] = sum(cells.values())
    return values


def _each_series_alone(values):
    return {series: suppress(GROUPS, cells) for series, cells in values.items()}


def test_the_conduct_alone_leaves_a_hidden_count_pinned_by_the_reports():
    values = _values()
    status = _each_series_alone(values)
    assert status["kind:partisan_photo"]["A"] == HIDDEN
    model, suppressed = model_of(GROUPS, values, status, ORDERS)
    assert "('kind:partisan_photo', 'A') = 5" in pinned(model, suppressed)


def test_with_the_reports_no_count_is_pinned():
    values = _values()
    status = secure(GROUPS, values, _each_series_alone(values), ORDERS)
    model, suppressed = model_of(GROUPS, values, status, ORDERS)
    truth = {(s, c): v for s, cells in values.items() for c, v in cells.items()}
    assert model.satisfied_by(truth) == []
    assert ("kind:partisan_photo", "A") in suppressed
    assert pinned(model, suppressed) == []

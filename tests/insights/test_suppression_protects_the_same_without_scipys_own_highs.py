"""`secure()` asks its linear programs of HiGHS through scipy's own binding of it, kept between
questions so that each starts where the last stopped; where scipy has none (older releases),
it asks `scipy.optimize.milp` anew each time. Either way every suppressed count of a sparse
table (most counts under 5, three provinces of five regencies, the funnel's order and a
conduct within the reports) keeps more than one value, and some were pinned until more was
hidden, which only the programs find."""

import random

import pytest
import scipy.optimize

from netra.insights import suppression
from netra.insights.suppression import SHOWN, secure, suppress
from tests.insights.attacker import model_of, pinned

ORDERS = [("reports", "registered"), ("registered", "violations"), ("reports", "kind:a")]


def _table(seed):
    rng = random.Random(seed)
    provinces = {f"P{p}": [f"R{p}{r}" for r in range(1, 6)] for p in range(1, 4)}
    groups = [("N", list(provinces), [])]
    groups += [(p, regencies, [f"O{p[1:]}"]) for p, regencies in provinces.items()]
    values = {series: {} for series in ("reports", "registered", "violations", "kind:a")}
    for province, regencies in provinces.items():
        for cell in [*regencies, f"O{province[1:]}"]:
            reports = rng.choice([0, 0, 1, 1, 2, 3, 5, 6, 9])
            registered = max(0, reports - rng.choice([0, 0, 1, 2]))
            values["reports"][cell] = reports
            values["registered"][cell] = registered
            values["violations"][cell] = max(0, registered - rng.choice([0, 1, 1, 3]))
            values["kind:a"][cell] = max(0, reports - rng.choice([0, 1, 4]))
    for cells in values.values():
        for province, regencies in provinces.items():
            cells[province] = sum(cells[c] for c in [*regencies, f"O{province[1:]}"])
        cells["N"] = sum(cells[province] for province in provinces)
    return groups, values


def _no_binding():
    raise ImportError("no binding of HiGHS in this scipy")


@pytest.mark.parametrize("binding", ["scipy's own HiGHS", "milp each time"])
def test_no_count_is_left_pinned(binding, monkeypatch):
    solved = []
    milp = scipy.optimize.milp
    monkeypatch.setattr(scipy.optimize, "milp", lambda *a, **k: solved.append(1) or milp(*a, **k))
    if binding == "milp each time":
        monkeypatch.setattr(suppression, "_core", _no_binding)
    hidden = 0
    for seed in (9, 13, 27):
        groups, values = _table(seed)
        before = {series: suppress(groups, cells) for series, cells in values.items()}
        status = secure(groups, values, {s: dict(c) for s, c in before.items()}, ORDERS)
        model, suppressed = model_of(groups, values, status, ORDERS)
        truth = {(s, c): v for s, cells in values.items() for c, v in cells.items()}
        assert model.satisfied_by(truth) == []
        assert pinned(model, suppressed) == [], seed
        hidden += sum(
            1
            for series, cells in status.items()
            for cell, state in cells.items()
            if state != SHOWN and before[series][cell] == SHOWN and cell[0] != "O"
        )
    assert hidden > 0
    if binding == "milp each time":
        assert solved  # the programs were asked, of `milp`

"""What an outsider can work out from published counts, as an integer program (scipy's
milp): the tests of suppression build one from what is published and ask, for every
suppressed cell, its least and greatest possible value."""

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

SHOWN, SMALL, HIDDEN, HIDDEN_TOTAL, NONE = "shown", "small", "hidden", "hidden_total", "none"
SUPPRESSED = (SMALL, HIDDEN, HIDDEN_TOTAL)
CAP = 10**6


class Model:
    """Integer variables with boxes and linear constraints (lower <= a.x <= upper)."""

    def __init__(self):
        self.index, self.low, self.high = {}, [], []
        self.rows, self.row_low, self.row_high = [], [], []

    def var(self, key, low=0, high=np.inf):
        if key not in self.index:
            self.index[key] = len(self.low)
            self.low.append(0)
            self.high.append(np.inf)
        at = self.index[key]
        self.low[at] = max(self.low[at], low)
        self.high[at] = min(self.high[at], high)
        return key

    def box(self, key, cell):
        status, value = cell
        low, high = {
            SHOWN: (value, value),
            SMALL: (1, 4),
            HIDDEN: (5, np.inf),
            HIDDEN_TOTAL: (1, np.inf),
            NONE: (0, np.inf),
        }[status]
        return self.var(key, low, high)

    def add(self, terms, low, high):
        """sum(coefficient * key for key, coefficient in TERMS) within [LOW, HIGH]."""
        for key, _coefficient in terms:
            self.var(key)
        self.rows.append(terms)
        self.row_low.append(low)
        self.row_high.append(high)

    def satisfied_by(self, truth):
        broken = [
            key for key, at in self.index.items() if not self.low[at] <= truth[key] <= self.high[at]
        ]
        for terms, low, high in zip(self.rows, self.row_low, self.row_high, strict=True):
            total = sum(c * truth[key] for key, c in terms)
            if not low <= total <= high:
                broken.append(terms)
        return broken

    def extremes(self, keys):
        """Each KEY's (least, greatest) value over every integer solution (the cells whose
        box is one value are put in as numbers first)."""
        free = [key for key, at in self.index.items() if self.low[at] < self.high[at]]
        column = {key: i for i, key in enumerate(free)}
        entries, low, high = [], [], []
        for terms, row_low, row_high in zip(self.rows, self.row_low, self.row_high, strict=True):
            known = sum(c * self.low[self.index[key]] for key, c in terms if key not in column)
            moving = [(column[key], c) for key, c in terms if key in column]
            if not moving:
                assert row_low <= known <= row_high, terms  # what is shown must add up
                continue
            entries += [(len(low), at, c) for at, c in moving]
            low.append(row_low - known)
            high.append(row_high - known)
        rows, columns, values = zip(*entries, strict=True)
        matrix = coo_array((values, (rows, columns)), shape=(len(low), len(free))).tocsr()
        constraint = LinearConstraint(matrix, low, high)
        at = [self.index[key] for key in free]
        # A cap far above any count stands for no upper bound (HiGHS cannot tell an unbounded
        # integer program from an infeasible one): a cell reaching it is not pinned.
        bounds = Bounds([self.low[i] for i in at], [min(self.high[i], CAP) for i in at])
        found = {}
        for key in keys:
            ends = []
            for sign in (1, -1):
                objective = np.zeros(len(free))
                objective[column[key]] = sign
                result = milp(
                    objective, constraints=constraint, bounds=bounds, integrality=np.ones(len(free))
                )
                assert result.success, (key, result.message)
                ends.append(round(result.x[column[key]]))
            found[key] = tuple(ends)
        return found


def pinned(model, keys):
    """The KEYS the model leaves one value, as "key = value" lines."""
    found = model.extremes(keys)
    return [f"{key} = {ends[0]}" for key, ends in found.items() if ends[0] >= ends[1]]


def model_of(groups, values, status, orders, known=()):
    """The model of a suppressed table as `suppression.secure` takes it: VALUES and STATUS
    series -> {cell: ...}, GROUPS and ORDERS as it takes them, a group's fixed cells unknown
    (at least 0) but for the (series, cell) pairs of KNOWN. Returns it and its suppressed
    cells."""
    model, suppressed = Model(), []
    fixed = {cell for _total, _parts, cells in groups for cell in cells}
    for series, statuses in status.items():
        for cell, state in statuses.items():
            if cell in fixed:
                value = values[series][cell]
                model.var((series, cell), *((value, value) if (series, cell) in known else (0,)))
                continue
            model.box((series, cell), (state, values[series][cell]))
            if state in SUPPRESSED:
                suppressed.append((series, cell))
        for total, parts, cells in groups:
            terms = [((series, total), 1), *(((series, c), -1) for c in [*parts, *cells])]
            model.add(terms, 0, 0)
    cells = {cell for statuses in status.values() for cell in statuses}
    for larger, smaller in orders:
        for cell in cells:
            model.add([((larger, cell), 1), ((smaller, cell), -1)], 0, np.inf)
    return model, suppressed

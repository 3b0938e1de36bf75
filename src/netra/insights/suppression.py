"""Safe suppression of public counts (pure): no reporter or reported person may be singled out
from the figures, alone or put together.

- A count from 1 to 4 is shown as "<5" (SMALL). Zero is shown: it singles out no one.
- A count is hidden (HIDDEN, shown "x") when, with the totals shown, the small counts beside
  it could be worked out by subtraction. Each total is the sum of its parts (the nation of its
  provinces, a province of its regencies and cities and its provincial office's own cases);
  for every such group the suppressed parts must each keep more than one possible value, given
  what is shown. `ranges()` is that test; `suppress()` hides the smallest shown parts until it
  holds, and hides the total itself when no part can.
- Groups taken one at a time are not enough: a province is a part of the nation and the total
  of its regencies, and the counts of one region are tied to each other (no stage of the
  funnel counts more cases than the stage before it, no conduct more cases than the reports).
  A regency with 5 reports and 5 proven violations shown has exactly 5 registrations, hidden
  or not. `secure()` takes every series at once, with those orders, and hides more until each
  suppressed cell has a witness: another table, agreeing with all that is shown, every sum
  and every order, in which that cell is different.
- Everything public reads one suppressed table, so the page, the API and the exports cannot
  be compared to recover a cell. Rankings put suppressed entries after the shown ones, in
  name order, so that their order tells nothing either.

A part known to be small lies in 1..4; a hidden part is at least 5 (it was not small) and has
no upper bound but its total. A total hidden because no part could be is hidden the same way
if it was not small (at least 5); if it was small, or that still pins a part (four regencies
with one case each under a province total of 4), it is a hidden total (HIDDEN_TOTAL), at
least 1, and whatever else would tell whether it is under 5 must not be given with it (the
public table leaves out its median). A provincial office's own cases are not published:
`suppress()` takes them as known, `secure()` as what the sums and orders leave them, but where
they are published elsewhere (its recommendations and decrees, in the PPK table).
"""

from itertools import islice

SHOWN, SMALL, HIDDEN, HIDDEN_TOTAL = "shown", "small", "hidden", "hidden_total"
UNPUBLISHED = "unpublished"  # a fixed cell of a group, in `secure()`: at least 0, no more
SMALL_MAX = 4
UNBOUNDED = float("inf")
CAP = 10**9  # stands in for no upper bound in the linear and integer programs
PATHS_TRIED = 40  # per cell and direction, nearest first, before the linear program
PUSHES = 4  # solutions moving every cell still without a witness, before one at a time
PUSHED = 8  # cells a push must show to differ to be worth another


def is_small(value):
    return 1 <= value <= SMALL_MAX


def box(value, status):
    """The values an outsider knows a cell may take: its value when shown."""
    if status == SHOWN:
        return (value, value)
    if status == SMALL:
        return (1, SMALL_MAX)
    if status == HIDDEN_TOTAL:
        return (1, UNBOUNDED)
    if status == UNPUBLISHED:
        return (0, UNBOUNDED)
    return (SMALL_MAX + 1, UNBOUNDED)


def ranges(total, parts):
    """For a group whose TOTAL ((value, status)) is the sum of PARTS ((value, status) pairs),
    the range each cell may take given the others' boxes: [(low, high)] for the total, then
    for each part, None for shown ones."""
    cells = [total, *parts]
    boxes = [box(value, status) for value, status in cells]
    # The total minus the parts is 0: each cell's range follows from the others' boxes.
    signs = [1] + [-1] * len(parts)
    low_sum = sum(b[0] if sign > 0 else -b[1] for b, sign in zip(boxes, signs, strict=True))
    high_sum = sum(b[1] if sign > 0 else -b[0] for b, sign in zip(boxes, signs, strict=True))
    found = []
    for (_value, status), (low, high), sign in zip(cells, boxes, signs, strict=True):
        if status == SHOWN:
            found.append(None)
            continue
        # sign * x + (the others' sum) = 0, the others' sum within [low_sum, high_sum] less
        # this cell's own share.
        others_low = low_sum - (low if sign > 0 else -high)
        others_high = high_sum - (high if sign > 0 else -low)
        if sign > 0:
            found.append((max(low, -others_high), min(high, -others_low)))
        else:
            found.append((max(low, others_low), min(high, others_high)))
    return found


def pinned(total, parts):
    """Whether some suppressed cell of the group can be worked out to one value."""
    return any(r is not None and r[0] >= r[1] for r in ranges(total, parts))


def suppress(groups, values):
    """The status of every cell. VALUES: cell -> count. GROUPS: [(total cell, [part cells],
    [fixed cells: not published, never hidden, taken here as known exactly])], e.g. the nation
    and its provinces. A cell may be the total of one group and a part of another."""
    status = {cell: SMALL if is_small(value) else SHOWN for cell, value in values.items()}
    changed = True
    while changed:
        changed = False
        for total, parts, fixed in groups:
            while True:
                members = [(values[c], status[c]) for c in parts]
                members += [(values[c], SHOWN) for c in fixed]
                if not pinned((values[total], status[total]), members):
                    break
                candidates = sorted(
                    (values[c], c) for c in parts if status[c] == SHOWN and values[c] > 0
                )
                if candidates:
                    status[candidates[0][1]] = HIDDEN
                elif status[total] == SHOWN:
                    status[total] = HIDDEN  # it was not small: it is at least 5
                elif status[total] != HIDDEN_TOTAL:
                    status[total] = HIDDEN_TOTAL
                else:
                    # Nothing more to hide here (a total that is its office's own cases alone,
                    # taken here as known): `secure()` reads it without that.
                    break
                changed = True
    return status


def ranked(entries):
    """ENTRIES ((name, value, status)) ranked for the public: shown ones by value, highest
    first, then suppressed ones by name."""
    shown = sorted((e for e in entries if e[2] == SHOWN), key=lambda e: (-e[1], e[0]))
    hidden = sorted((e for e in entries if e[2] != SHOWN), key=lambda e: e[0])
    return shown + hidden


def secure(groups, values, status, orders, known=()):
    """Hide more cells until every suppressed one has a witness (see the module's docstring).

    VALUES and STATUS: series -> {cell: count} and series -> {cell: status} (as `suppress()`
    gave it for each series; updated in place and returned). GROUPS: as for `suppress()`, the
    same cells in every series; their fixed cells (a provincial office's own cases) are not
    published, so they may take any value of at least 0 the sums and orders allow, except the
    (series, cell) pairs KNOWN gives a status (SHOWN or SMALL: as published elsewhere, in the
    PPK table).
    ORDERS: (larger, smaller) pairs of series that hold in every cell, e.g. ("reports",
    "registered").

    Most cells have a witness near them: one case moved between two cells of a series (or up
    to a hidden total), taking the same step in each series an order ties to it, every cell
    it changes suppressed and within what its status tells (1..4, at least 5, at least 1).
    The others are asked of one linear program over the whole table (every cell of every
    series within its box, every sum, every order), kept between questions so that each
    starts where the last stopped: first solutions that move all of them at once, then one
    cell at a time, each solution the least change that moves it. A solution is a witness
    once it is checked to be whole numbers that keep every box, sum and order (else the
    integer program is asked); a cell is pinned when the bounds that the boxes, sums and
    orders imply leave it one value, or the linear program has no solution that moves it
    (then neither has the integer one). For the pinned cells one program more lets every
    shown count be hidden (and a suppressed total be told as a hidden total) at a price and
    moves each of them: it hides the fewest cells, the smallest counts first, that give them
    all a witness at once, and its solution is that witness. A pinned cell that no hiding
    lets move (a count that is what the PPK table shows of an office's own cases) is left as
    it is: hiding more would only take figures away. Every witness found is a real one, so
    what is left suppressed is safe.
    """
    tree = _Tree(groups)
    known = dict(known)
    work = {}  # the statuses with the unpublished cells as outsiders see them
    for series, statuses in status.items():
        work[series] = dict(statuses)
        for cell in tree.unpublished:
            work[series][cell] = known.get((series, cell), UNPUBLISHED)
    pending = [
        (series, cell)
        for series, statuses in work.items()
        for cell, state in statuses.items()
        if state != SHOWN and cell in tree.published
    ]
    safe = set()
    for key in pending:
        if key not in safe:
            safe.update(_witness(tree, values, work, orders, *key) or ())
    left = [key for key in pending if key not in safe]
    if left:
        table = _Table(tree, values, work, orders)
        left = table.pinned(left)
        for flip in (False, False, True, True):
            if not left:
                break
            left = table.pinned(table.hide_for(left, flip))
    for series, statuses in status.items():
        for cell in statuses:
            if cell in tree.published:
                statuses[cell] = work[series][cell]
    return status


class _Tree:
    """The sums of GROUPS as a tree: each cell's total, and each total's parts (its fixed
    cells among them, unpublished)."""

    def __init__(self, groups):
        self.parts, self.total_of = {}, {}
        self.published, self.unpublished = set(), set()
        for total, parts, fixed in groups:
            self.parts[total] = [*parts, *fixed]
            self.published.update([total, *parts])
            self.unpublished.update(fixed)
            for part in [*parts, *fixed]:
                self.total_of[part] = total
        self.cells = self.published | self.unpublished

    def paths(self, cell, step, may):
        """Ways to change CELL by STEP and balance every sum: lists of (cell, step), each
        cell allowed by MAY(cell, step)."""
        for down in self._down(cell, step, may):
            for up in self._up(cell, step, may):
                yield [(cell, step), *down, *up]

    def _down(self, cell, step, may):
        parts = self.parts.get(cell)
        if parts is None:
            yield []
            return
        for part in parts:
            if may(part, step):
                for rest in self._down(part, step, may):
                    yield [(part, step), *rest]

    def _up(self, cell, step, may):
        total = self.total_of.get(cell)
        if total is None:
            yield []
            return
        for other in self.parts[total]:
            if other != cell and may(other, -step):
                for down in self._down(other, -step, may):
                    yield [(other, -step), *down]
        if may(total, step):
            for rest in self._up(total, step, may):
                yield [(total, step), *rest]


def _admits(value, state, step):
    """Whether a cell of VALUE and STATE may be VALUE + STEP, as far as its status tells."""
    if state == SHOWN:
        return False
    low, high = box(value, state)
    return low <= value + step <= high


def _witness(tree, values, status, orders, series, cell):
    """The cells a witness for (SERIES, CELL) changes, or None if none was found."""
    for sign in (1, -1):

        def may(other, step, _sign=sign):
            return _admits(values[series][other], status[series][other], step)

        for path in islice(tree.paths(cell, sign, may), PATHS_TRIED):
            moved = _along(path, values, status, orders, series)
            if moved is not None:
                return {(each, other) for each in moved for other, _step in path}
    return None


def _along(path, values, status, orders, series):
    """The series PATH must be taken in, from SERIES, for every order to hold; None if one
    of them cannot move."""
    moved = {series}
    while True:
        for each in moved:
            for cell, step in path:
                if not _admits(values[each][cell], status[each][cell], step):
                    return None
        more = set()
        for larger, smaller in orders:
            if (larger in moved) == (smaller in moved):
                continue
            for cell, step in path:
                high = values[larger][cell] + (step if larger in moved else 0)
                low = values[smaller][cell] + (step if smaller in moved else 0)
                if high < low:
                    more.add(smaller if larger in moved else larger)
        if not more:
            return moved
        moved |= more


HIDE_PRICE = 1.0  # of hiding a shown count, a step of it (up to 10% more for a larger one)
TOTAL_PRICE = 1.5  # of telling less of a suppressed total (a hidden total: at least 1)
MOVE_PRICE = 0.001  # of a step of a suppressed cell: the least change first
MISS_PRICE = 1000.0  # of a pinned cell left without a witness: far above any hiding


class _Table:
    """What outsiders know of every cell of every series, as linear constraints: each cell
    within its status's box, every sum of every series, every order in every cell, shown
    counts as they are. STATUS is read anew for each program (`hide_for` changes it)."""

    def __init__(self, tree, values, status, orders):
        import numpy as np
        from scipy.sparse import coo_array

        self.tree, self.status = tree, status
        cells = sorted(tree.cells)
        self.keys = [(series, cell) for series in status for cell in cells]
        self.index = {key: at for at, key in enumerate(self.keys)}
        self.x0 = np.array([values[series][cell] for series, cell in self.keys], float)
        rows, columns, coefficients, low, high = [], [], [], [], []
        for series in status:
            for total, parts in tree.parts.items():
                for cell, coefficient in [(total, 1), *((part, -1) for part in parts)]:
                    rows.append(len(low))
                    columns.append(self.index[(series, cell)])
                    coefficients.append(coefficient)
                low.append(0)
                high.append(0)
        for larger, smaller in orders:
            for cell in cells:
                rows += [len(low), len(low)]
                columns += [self.index[(larger, cell)], self.index[(smaller, cell)]]
                coefficients += [1, -1]
                low.append(0)
                high.append(UNBOUNDED)
        shape = (len(low), len(self.keys))
        self.matrix = coo_array((coefficients, (rows, columns)), shape=shape).tocsr()
        self.low, self.high = np.array(low, float), np.array(high, float)

    def _boxes(self):
        import numpy as np

        boxes = np.array(
            [box(v, self.status[s][c]) for (s, c), v in zip(self.keys, self.x0, strict=True)]
        )
        return boxes[:, 0], np.minimum(boxes[:, 1], CAP)

    def _program(self, value, constant, column_low, column_high, costs, rows=None):
        """The program over columns whose cell values are CONSTANT + VALUE @ columns (VALUE:
        cells x columns, sparse), with ROWS ((matrix over the columns, low, high)) besides
        the table's own."""
        import numpy as np
        from scipy.sparse import vstack

        matrix = (self.matrix @ value).tocsr()
        shift = self.matrix @ constant
        used = np.flatnonzero(np.diff(matrix.indptr))  # the rows without a column hold as they are
        matrix, low, high = (
            matrix[used],
            self.low[used] - shift[used],
            self.high[used] - shift[used],
        )
        if rows is not None:
            matrix = vstack([matrix, rows[0]]).tocsr()
            low, high = np.concatenate([low, rows[1]]), np.concatenate([high, rows[2]])
        return _Program(matrix, low, high, column_low, column_high, costs)

    def _moves(self, low, high, further=()):
        """The columns of a step up and a step down of each free cell (a witness is the least
        change that lets a cell differ), then the FURTHER ones ((cell, sign) each): the
        change of every cell from the columns (sparse), their bounds, and the free cells."""
        import numpy as np
        from scipy.sparse import coo_array

        free = np.flatnonzero(low < high)
        n = len(free)
        cells = np.r_[free, free, [cell for cell, _sign in further]].astype(int)
        signs = np.r_[np.ones(n), -np.ones(n), [sign for _cell, sign in further]]
        change = coo_array(
            (signs, (cells, np.arange(len(cells)))), shape=(len(self.keys), len(cells))
        ).tocsc()
        change.eliminate_zeros()  # a further column of no cell (a key's miss)
        return (
            change,
            np.zeros(2 * n),
            np.r_[high[free] - self.x0[free], self.x0[free] - low[free]],
            free,
        )

    def pinned(self, keys):
        """The KEYS that no solution lets differ; the others are shown to differ in one."""
        import numpy as np

        low, high = self._boxes()
        # What the boxes, sums and orders imply of each cell's bounds, bounds no solution in
        # whole numbers passes: a key they leave one value is pinned, and a way they close
        # need not be asked.
        least, most = _implied(self.matrix, self.low, self.high, low, high)
        rooms = {}
        pinned = []
        for key in keys:
            i = self.index[key]
            ways = [
                step
                for step, room in ((0, most[i] > self.x0[i]), (1, least[i] < self.x0[i]))
                if room
            ]
            if ways:
                rooms[key] = ways
            else:
                pinned.append(key)
        value, column_low, column_high, free = self._moves(low, high)
        n = len(free)
        program = self._program(value, self.x0, column_low, column_high, np.ones(2 * n))
        at = {int(cell): column for column, cell in enumerate(free)}
        differ = np.zeros(len(self.keys), bool)

        def seen(found):
            differ[free] |= found[:n] != found[n:]

        # First solutions rewarding a step of every key not yet seen to differ (up where it
        # may go up, then the other way), while they show enough; then one key at a time.
        # Each solution shows whatever else differs in it.
        for round_ in range(PUSHES):
            push, bounds = np.ones(2 * n), {}
            for key, ways in rooms.items():
                if not differ[self.index[key]]:
                    column, way = at[self.index[key]], ways[round_ % len(ways)]
                    push[column + way * n] = -2 * len(self.tree.cells)
                    bounds[column + way * n] = (0, 1)
                    bounds[column + (1 - way) * n] = (0, 0)
            if len(bounds) < 2 * PUSHED:
                break
            program.costs(push)
            before = differ.sum()
            found = program.solve(bounds)
            if found is not None:
                seen(found)
            if differ.sum() - before < PUSHED:
                break
        program.costs(np.ones(2 * n))
        for key, ways in rooms.items():
            i = self.index[key]
            if differ[i]:
                continue
            for way in ways:
                step, other = at[i] + way * n, at[i] + (1 - way) * n
                found = program.solve({step: (1, CAP), other: (0, 0)})
                if found is not None:
                    seen(found)
                    break
            else:
                pinned.append(key)
        return pinned

    def hide_for(self, keys, flip):
        """Hide the shown cells (or tell less of suppressed totals) that give KEYS a witness
        all at once, the fewest and smallest, each key moved up where it may (down if FLIP),
        or left at a price far above any hiding if nothing lets it move. Returns the KEYS
        still pinned after it."""
        import numpy as np
        from scipy.sparse import coo_array

        low, high = self._boxes()
        # The program's columns: the steps of each free cell; for a shown count (5 or more: a
        # smaller one is "<5") a step up and one down to no less than 5, either of which
        # hides it; for a suppressed total, a step beyond its box that makes it a hidden
        # total; then a miss for each key.
        steps = []  # (cell, sign, most, price, state)
        for i, (series, cell) in enumerate(self.keys):
            if cell not in self.tree.published:
                continue
            state, count = self.status[series][cell], self.x0[i]
            if state == SHOWN and count > SMALL_MAX:
                price = HIDE_PRICE * (1 + min(count, 10**4) / 10**5)
                steps.append((i, 1, CAP - count, price, HIDDEN))
                steps.append((i, -1, count - SMALL_MAX - 1, price, HIDDEN))
            elif cell in self.tree.parts and state == SMALL:
                steps.append((i, 1, CAP, TOTAL_PRICE, HIDDEN_TOTAL))
            elif cell in self.tree.parts and state == HIDDEN:
                steps.append((i, -1, SMALL_MAX, TOTAL_PRICE, HIDDEN_TOTAL))
        further = [(i, sign) for i, sign, *_rest in steps] + [(self.index[key], 0) for key in keys]
        value, column_low, column_high, free = self._moves(low, high, further)
        first = 2 * len(free)
        # Each key's own row: its value a step from what it is, or a miss.
        signs = [1 if not flip else -1] * len(keys)
        for n, key in enumerate(keys):
            i = self.index[key]
            if (signs[n] > 0 and self.x0[i] >= high[i]) or (signs[n] < 0 and self.x0[i] <= low[i]):
                signs[n] = -signs[n]
        rows = [self.index[key] for key in keys]
        misses = coo_array(
            (signs, (range(len(keys)), range(first + len(steps), value.shape[1]))),
            shape=(len(keys), value.shape[1]),
        )
        own = (value.tocsr()[rows] + misses).tocsr()
        positive = np.array(signs) > 0
        own_low = np.where(positive, 1, -UNBOUNDED)
        own_high = np.where(positive, UNBOUNDED, -1)
        column_low = np.r_[column_low, np.zeros(len(steps) + len(keys))]
        column_high = np.r_[
            column_high, [most for _i, _s, most, *_rest in steps], np.full(len(keys), CAP)
        ]
        costs = np.r_[
            np.full(first, MOVE_PRICE),
            [price for *_rest, price, _state in steps],
            np.full(len(keys), MISS_PRICE),
        ]
        program = self._program(
            value, self.x0, column_low, column_high, costs, (own, own_low, own_high)
        )
        found = program.solve()
        if found is None:
            return keys
        moved = self.x0 + value @ found
        for i, _sign, _most, _price, state in steps:
            series, cell = self.keys[i]
            low_i, high_i = box(self.x0[i], self.status[series][cell])
            if not low_i <= moved[i] <= high_i:
                self.status[series][cell] = state
        return [key for key in keys if moved[self.index[key]] == self.x0[self.index[key]]]


class _Program:
    """A linear program: LOW <= MATRIX @ x <= HIGH, COLUMN_LOW <= x <= COLUMN_HIGH, least
    COSTS @ x; solved with HiGHS, kept between solves so that each starts from the last
    (with `scipy.optimize.milp` anew each time where scipy has no binding of HiGHS to keep)."""

    def __init__(self, matrix, low, high, column_low, column_high, costs):
        self.matrix, self.low, self.high = matrix, low, high
        self.column_low, self.column_high = column_low.copy(), column_high.copy()
        self._costs = costs.copy()
        self.highs = _highs(matrix, low, high, column_low, column_high, costs)

    def costs(self, costs):
        import numpy as np

        self._costs = costs.copy()
        if self.highs is not None:
            n = len(costs)
            self.highs.changeColsCost(n, np.arange(n, dtype=np.int32), costs)

    def solve(self, bounds=None):
        """A solution in whole numbers, with the columns of BOUNDS ({column: (low, high)})
        kept to them; None if there is none. The linear program first: its solution, if
        whole and checked, is one; if it has none, neither has the integer program."""
        import numpy as np

        bounds = bounds or {}
        low, high = self.column_low.copy(), self.column_high.copy()
        for column, (lo, hi) in bounds.items():
            low[column], high[column] = max(low[column], lo), min(high[column], hi)
        if any(low[c] > high[c] for c in bounds):
            return None
        found = self._linear(bounds, low, high)
        if found is _NONE:
            return None
        if found is not None:
            whole_found = np.round(found)
            if self._holds(whole_found, low, high):
                return whole_found
        return self._integer(low, high)

    def _linear(self, bounds, low, high):
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp

        if self.highs is None:
            result = milp(
                self._costs,
                constraints=LinearConstraint(self.matrix, self.low, self.high),
                bounds=Bounds(low, high),
            )
            if result.status == 2:
                return _NONE
            return result.x if result.status == 0 else None
        highs = self.highs
        columns = np.array(list(bounds), dtype=np.int32)
        if len(columns):
            highs.changeColsBounds(len(columns), columns, low[columns], high[columns])
        try:
            highs.run()
            status = highs.getModelStatus()
            if status == _core().HighsModelStatus.kInfeasible:
                return _NONE
            if status != _core().HighsModelStatus.kOptimal:
                return None
            return np.array(highs.getSolution().col_value)
        finally:
            if len(columns):
                highs.changeColsBounds(
                    len(columns), columns, self.column_low[columns], self.column_high[columns]
                )

    def _integer(self, low, high):
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp

        result = milp(
            self._costs,
            constraints=LinearConstraint(self.matrix, self.low, self.high),
            bounds=Bounds(low, high),
            integrality=np.ones(len(low)),
            options={"time_limit": 10},
        )
        if result.x is None:
            return None
        found = np.round(result.x)
        return found if self._holds(found, low, high) else None

    def _holds(self, x, low, high):
        import numpy as np

        activity = self.matrix @ x
        return bool(
            np.all(low <= x)
            and np.all(x <= high)
            and np.all(self.low <= activity)
            and np.all(activity <= self.high)
        )


_NONE = object()  # the linear program has no solution: nor has the integer one


def _core():
    from scipy.optimize._highspy import _core

    return _core


def _highs(matrix, low, high, column_low, column_high, costs):
    """HiGHS with the program passed in, kept to be solved again from where it stopped
    (scipy's own binding of it, not a public one); None where scipy has none that takes it
    so, to solve with `milp` each time."""
    import numpy as np

    try:
        highs = _core()._Highs()
        highs.setOptionValue("output_flag", False)
        highs.addVars(len(column_low), column_low, column_high)
        if matrix.shape[0]:
            highs.addRows(
                matrix.shape[0],
                low,
                high,
                matrix.nnz,
                matrix.indptr[:-1].astype(np.int32),
                matrix.indices.astype(np.int32),
                matrix.data.astype(float),
            )
        n = len(costs)
        highs.changeColsCost(n, np.arange(n, dtype=np.int32), costs)
    except (ImportError, AttributeError, TypeError):
        return None
    return highs


def _implied(matrix, row_low, row_high, low, high, rounds=20):
    """Bounds of every cell implied by its box and the rows (ROW_LOW <= MATRIX @ x <=
    ROW_HIGH), as whole numbers: each row bounds each of its cells by the others' bounds,
    again while that tightens some (at most ROUNDS times). A bound CAP stands for none."""
    import numpy as np

    entries = matrix.tocoo()
    rows, cells, signs = entries.row, entries.col, entries.data
    count = matrix.shape[0]
    low = low.astype(float)
    high = np.where(high >= CAP, np.inf, high).astype(float)
    for _round in range(rounds):
        # Each entry's least and greatest share of its row, and the row's sums without it.
        least = np.where(signs > 0, signs * low[cells], signs * high[cells])
        greatest = np.where(signs > 0, signs * high[cells], signs * low[cells])
        rest_least = _without(rows, least, count, -np.inf)
        rest_greatest = _without(rows, greatest, count, np.inf)
        with np.errstate(invalid="ignore"):
            upper = (row_high[rows] - rest_least) / signs  # sign * x <= row_high - rest
            lower = (row_low[rows] - rest_greatest) / signs
        upper, lower = np.where(signs > 0, upper, lower), np.where(signs > 0, lower, upper)
        new_high = np.full(len(high), np.inf)
        np.minimum.at(new_high, cells, np.nan_to_num(upper, nan=np.inf))
        new_low = np.full(len(low), -np.inf)
        np.maximum.at(new_low, cells, np.nan_to_num(lower, nan=-np.inf))
        new_high = np.minimum(high, np.floor(new_high + 1e-9))
        new_low = np.maximum(low, np.ceil(new_low - 1e-9))
        if np.array_equal(new_high, high) and np.array_equal(new_low, low):
            break
        low, high = new_low, new_high
    return low, high


def _without(rows, shares, count, infinite):
    """Each entry's row sum of SHARES without its own share (INFINITE where another share
    is infinite)."""
    import numpy as np

    endless = np.isinf(shares)
    endless_in_row = np.bincount(rows, endless, count)
    total = np.bincount(rows, np.where(endless, 0, shares), count)
    others_endless = endless_in_row[rows] - endless > 0
    rest = total[rows] - np.where(endless, 0, shares)
    return np.where(others_endless, infinite, rest)

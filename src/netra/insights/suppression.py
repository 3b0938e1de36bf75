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

from collections import Counter
from itertools import islice

SHOWN, SMALL, HIDDEN, HIDDEN_TOTAL = "shown", "small", "hidden", "hidden_total"
UNPUBLISHED = "unpublished"  # a fixed cell of a group, in `secure()`: at least 0, no more
SMALL_MAX = 4
UNBOUNDED = float("inf")
CAP = 10**9  # stands in for no upper bound in the integer program
PATHS_TRIED = 40  # per cell and direction, nearest first, before the integer program
CHOICES_TRIED = 60  # cells to hide tried, nearest first, for one that gives a witness
CHOICES_SOLVED = 4  # and then with the integer program, when no path shows a witness
HIDES_FOR_ONE = 8  # cells hidden for one cell before it is left as it is


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
    For the others an integer program finds one among the cells near it (the nation, the
    provinces and their offices, and its own province's parts; the rest kept as they are) or
    finds none; then a shown cell beside it is hidden, the one that gives it a witness if any
    does, and the search goes on. Every witness found is a real one, so what is left
    suppressed is safe; a search that misses one only hides more. A cell still without one
    after HIDES_FOR_ONE cells were hidden for it is left as it is (a count that is what the
    PPK table gives of an office's own cases).
    """
    tree = _Tree(groups)
    known = dict(known)
    work = {}  # the statuses with the unpublished cells as outsiders see them
    for series, statuses in status.items():
        work[series] = dict(statuses)
        for cell in tree.unpublished:
            work[series][cell] = known.get((series, cell), UNPUBLISHED)
    safe, hides = set(), Counter()
    while True:
        pending = [
            (series, cell)
            for series, statuses in work.items()
            for cell, state in statuses.items()
            if state != SHOWN and (series, cell) not in safe and cell in tree.published
        ]
        for key in pending:
            if key not in safe:
                safe.update(_witness(tree, values, work, orders, *key) or ())
        pinned = []
        for regions, keys in _near(tree, [key for key in pending if key not in safe]).items():
            program = _Program(tree, values, work, orders, regions)
            safe |= program.cover(keys)
            for key in keys:
                if key not in safe:
                    moved = program.witness(key, [k for k in keys if k not in safe])
                    if moved is None:
                        pinned.append(key)
                    else:
                        safe |= moved
        if not pinned:
            break
        for key in pinned:
            moved = _witness(tree, values, work, orders, *key)
            if moved is not None:  # given one by what was hidden for another
                safe |= moved
                continue
            hides[key] += 1
            if hides[key] > HIDES_FOR_ONE or not _hide_beside(tree, values, work, orders, *key):
                # Nothing near it protects it (a count that is what the PPK table shows of
                # its office): hiding more would only take figures away.
                safe.add(key)
    for series, statuses in status.items():
        for cell in statuses:
            if cell in tree.published:
                statuses[cell] = work[series][cell]
    return status


def _near(tree, keys):
    """KEYS by the cells a witness for them is looked for among (the rest kept as they are):
    the nation, the provinces and their offices, and the parts of the cell's own province
    (for a regency's, its province's; for a province's, its own)."""
    found, top = {}, {}
    for series, cell in keys:
        province = cell if cell in tree.parts else tree.total_of.get(cell)
        root = province
        while tree.total_of.get(root) is not None:
            root = tree.total_of[root]
        if root not in top:
            provinces = tree.parts.get(root, [])
            offices = (o for p in provinces for o in tree.parts.get(p, []))
            top[root] = {root, *provinces, *(o for o in offices if o in tree.unpublished)}
        regions = frozenset({*top[root], province, *tree.parts.get(province, [])})
        found.setdefault(regions, []).append((series, cell))
    return found


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


def _hide_beside(tree, values, status, orders, series, cell):
    """Hide a shown cell near (SERIES, CELL), the first that gives it a witness: in its own
    series or the nearest ones by the orders, its own cell, its parts, the other parts of its
    total, then the total (as a hidden total); then the same around its total, and so on up.
    If none does, the first of them. False if there is nothing left to hide."""
    distance = _distances(orders, series)
    anchors, anchor = [], cell
    while anchor is not None:
        anchors.append(anchor)
        anchor = tree.total_of.get(anchor)
    first = None
    for anchor in anchors:
        choices = _choices(tree, values, status, distance, series, anchor)
        first = first or (choices[0] if choices else None)
        for each, other, state in choices[:CHOICES_TRIED]:
            before = status[each][other]
            status[each][other] = state
            if _witness(tree, values, status, orders, series, cell) is not None:
                return True
            status[each][other] = before
    # No path shows one: the integer program, for the nearest few (one program, each of them
    # in it as it is, then hidden in turn).
    nearest = [c for a in anchors for c in _choices(tree, values, status, distance, series, a)]
    nearest = nearest[:CHOICES_SOLVED]
    if nearest:
        (regions,) = _near(tree, [(series, cell)])
        extra = [(each, other) for each, other, _state in nearest]
        program = _Program(tree, values, status, orders, regions, extra)
        for each, other, state in nearest:
            before = status[each][other]
            status[each][other] = state
            if program.witness((series, cell)) is not None:
                return True
            status[each][other] = before
    if first is None:
        return False
    each, other, state = first
    status[each][other] = state
    return True


def _distances(orders, series):
    """Each series' distance from SERIES through the orders (1 for one an order ties to it)."""
    found, frontier = {series: 0}, [series]
    while frontier:
        nearer = []
        for each in frontier:
            for larger, smaller in orders:
                for a, b in ((larger, smaller), (smaller, larger)):
                    if a == each and b not in found:
                        found[b] = found[each] + 1
                        nearer.append(b)
        frontier = nearer
    return found


def _choices(tree, values, status, distance, series, anchor):
    """The published cells near ANCHOR that could be hidden, the nearest series and the
    smallest first: (series, cell, the status it would take)."""
    total = tree.total_of.get(anchor)
    near = [anchor, *tree.parts.get(anchor, [])]
    if total is not None:
        near += [other for other in tree.parts[total] if other != anchor]
    found = sorted(
        (far, values[each][other], each, other)
        for each, far in distance.items()
        for other in near
        if other in tree.published and status[each][other] == SHOWN and values[each][other] > 0
    )
    choices = [(each, other, HIDDEN) for *_order, each, other in found]
    if total is not None and values[series][total]:
        state = status[series][total]
        if state == SHOWN:
            choices.append((series, total, HIDDEN))
        elif state in (SMALL, HIDDEN):
            choices.append((series, total, HIDDEN_TOTAL))
    return choices


class _Program:
    """What outsiders know of the suppressed and unpublished cells, as integer constraints:
    each cell within its status's box, every sum of every series, every order in every cell,
    shown counts as they are. Solved one connected part at a time (scipy's HiGHS)."""

    def __init__(self, tree, values, status, orders, regions, extra=()):
        """REGIONS: the cells that may differ (in every series) if not shown; EXTRA: (series,
        cell) pairs to take as variables whatever their status (as it is when solved)."""
        self.values, self.status = values, status
        self.keys = [
            (series, cell)
            for series, statuses in status.items()
            for cell in regions
            if statuses[cell] != SHOWN
        ]
        have = set(self.keys)
        self.keys += [key for key in extra if key not in have]
        self.index = {key: at for at, key in enumerate(self.keys)}
        self.rows = []  # (terms [(variable, coefficient)], low, high)
        seen = set()
        for series, cell in self.keys:
            for total in {cell if cell in tree.parts else None, tree.total_of.get(cell)} - {None}:
                if (series, total) not in seen:
                    seen.add((series, total))
                    terms = [(total, 1), *((part, -1) for part in tree.parts[total])]
                    self._add(series, terms, 0, 0)
            for larger, smaller in orders:
                if series in (larger, smaller) and (cell, larger, smaller) not in seen:
                    seen.add((cell, larger, smaller))
                    self._add(None, [((larger, cell), 1), ((smaller, cell), -1)], 0, UNBOUNDED)
        self._components = {}
        self.part = list(range(len(self.keys)))  # union-find: the connected parts
        for terms, _low, _high in self.rows:
            for at, _coefficient in terms[1:]:
                self.part[self._find(at)] = self._find(terms[0][0])

    def _add(self, series, terms, low, high):
        found, constant = [], 0
        for key, coefficient in terms:
            key = (series, key) if series is not None else key
            at = self.index.get(key)
            if at is None:
                constant += coefficient * self.values[key[0]][key[1]]
            else:
                found.append((at, coefficient))
        if found:
            self.rows.append((found, low - constant, high - constant))

    def _find(self, at):
        while self.part[at] != at:
            self.part[at] = self.part[self.part[at]]
            at = self.part[at]
        return at

    def _component(self, at):
        """The variables of AT's connected part, and its constraint matrix and bounds."""
        root = self._find(at)
        if root not in self._components:
            members = [i for i in range(len(self.keys)) if self._find(i) == root]
            local = {i: n for n, i in enumerate(members)}
            entries, low, high = [], [], []
            for terms, row_low, row_high in self.rows:
                if self._find(terms[0][0]) == root:
                    entries += [(len(low), local[i], c) for i, c in terms]
                    low.append(row_low)
                    high.append(row_high)
            self._components[root] = (members, local, entries, low, high)
        return self._components[root]

    def _solve(self, at, objective, bound=None):
        """A solution of AT's part (cell key -> value) minimising OBJECTIVE ({key: weight}),
        with AT's own value kept to BOUND ((low, high)) if given; None if there is none."""
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_array

        members, local, entries, low, high = self._component(at)
        cells = [self.keys[i] for i in members]
        boxes = np.array([box(self.values[s][c], self.status[s][c]) for s, c in cells], float)
        lows, highs = boxes[:, 0], boxes[:, 1]
        if bound is not None:
            lows[local[at]] = max(lows[local[at]], bound[0])
            highs[local[at]] = min(highs[local[at]], bound[1])
            if lows[local[at]] > highs[local[at]]:
                return None
        weights = np.zeros(len(members))
        for key, weight in objective.items():
            weights[local[self.index[key]]] = weight
        constraints = ()
        if entries:
            rows, columns, coefficients = zip(*entries, strict=True)
            matrix = coo_array((coefficients, (rows, columns)), shape=(len(low), len(members)))
            constraints = LinearConstraint(matrix.tocsr(), low, high)
        # A cap far above any count stands in for no upper bound: HiGHS tells an unbounded
        # program from an infeasible one badly.
        result = milp(
            weights,
            constraints=constraints,
            bounds=Bounds(lows, np.minimum(highs, CAP)),
            integrality=np.ones(len(members)),
            options={"time_limit": 10},
        )
        if result.status != 0:
            return None
        return {cell: round(value) for cell, value in zip(cells, result.x, strict=True)}

    def _moved(self, solution):
        return {key for key, value in solution.items() if value != self.values[key[0]][key[1]]}

    def cover(self, keys):
        """The KEYS shown to differ in some solution, found with solutions of each part that
        push the ones not yet shown away from their values, up then down, while that finds
        more."""
        covered, roots = set(), {}
        for key in keys:
            roots.setdefault(self._find(self.index[key]), []).append(key)
        for members in roots.values():
            for sign in (-1, 1, -1, 1):
                left = [key for key in members if key not in covered]
                if not left:
                    break
                solution = self._solve(self.index[left[0]], dict.fromkeys(left, sign))
                found = self._moved(solution) if solution is not None else set()
                if not found & set(left):
                    break
                covered |= found
        return covered

    def witness(self, key, push=()):
        """The cells that differ in a solution where KEY differs, or None if there is none;
        the cells of PUSH pushed away from their values on the way, so that the solution
        shows more of them."""
        value = self.values[key[0]][key[1]]
        root = self._find(self.index[key])
        for bound, sign in (((value + 1, UNBOUNDED), -1), ((-UNBOUNDED, value - 1), 1)):
            objective = {k: sign for k in push if self._find(self.index[k]) == root}
            solution = self._solve(self.index[key], objective, bound)
            if solution is not None:
                return self._moved(solution)
        return None

"""Safe suppression of public counts (pure): no reporter or reported person may be singled out
from the figures, alone or put together.

- A count from 1 to 4 is shown as "<5" (SMALL). Zero is shown: it singles out no one.
- A count is hidden (HIDDEN, shown "x") when, with the totals shown, the small counts beside
  it could be worked out by subtraction. Each total is the sum of its parts (the nation of its
  provinces, a province of its regencies and cities and its provincial office's own cases);
  for every such group the suppressed parts must each keep more than one possible value, given
  what is shown. `ranges()` is that test; `suppress()` hides the smallest shown parts until it
  holds, and hides the total itself when no part can.
- Everything public reads one suppressed table, so the page, the API and the exports cannot
  be compared to recover a cell. Rankings put suppressed entries after the shown ones, in
  name order, so that their order tells nothing either.

A part known to be small lies in 1..4; a hidden part is at least 5 (it was not small) and has
no upper bound but its total; a hidden total (hidden because its small parts would otherwise
be pinned: four regencies with one case each under a province total of 4) is at least 1.
"""

SHOWN, SMALL, HIDDEN, HIDDEN_TOTAL = "shown", "small", "hidden", "hidden_total"
SMALL_MAX = 4
UNBOUNDED = float("inf")


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
    [cells outsiders may know exactly, never hidden])], e.g. the nation and its provinces.
    A cell may be the total of one group and a part of another."""
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
                changed = True
                candidates = sorted(
                    (values[c], c) for c in parts if status[c] == SHOWN and values[c] > 0
                )
                if candidates:
                    status[candidates[0][1]] = HIDDEN
                elif status[total] != HIDDEN_TOTAL:
                    status[total] = HIDDEN_TOTAL
                else:
                    break  # nothing more to hide here: the test of the tables reports it
    return status


def ranked(entries):
    """ENTRIES ((name, value, status)) ranked for the public: shown ones by value, highest
    first, then suppressed ones by name."""
    shown = sorted((e for e in entries if e[2] == SHOWN), key=lambda e: (-e[1], e[0]))
    hidden = sorted((e for e in entries if e[2] != SHOWN), key=lambda e: e[0])
    return shown + hidden

"""The risk score of a region (pure): its components, each from 0 (least risk) to 100 (most),
put together with weights, never counting a component without data as 0.

The components:
- ``ikp``: Bawaslu's vulnerability index of the region, as published (0 to 100);
- ``prevention``: the share of the region's civil servants that outreach did not reach;
- ``flags``: monitoring flags per 10,000 civil servants, as a percentile among the regions;
- ``reports``: public reports per 10,000 civil servants, as a percentile among the regions;
- ``overdue``: handling steps past their legal deadline per case, as a percentile;
- ``ppk``: the share of BKN's recommendations the PPK has not answered.

The score is the weighted mean of the components that have data; those without are listed
as missing, and a region none of whose components has data has no score.
"""

from dataclasses import dataclass, field

COMPONENTS = ("ikp", "prevention", "flags", "reports", "overdue", "ppk")
MAX_WEIGHT = 100


@dataclass
class Risk:
    score: float | None  # 0..100, None: no component had data
    components: dict  # component -> 0..100 or None (no data)
    missing: list  # components with a weight but no data
    shares: dict = field(default_factory=dict)  # component -> points of the score it gives


def combine(values, weights):
    """The Risk of VALUES (component -> 0..100 or None) with WEIGHTS (component -> weight)."""
    components = {name: _clamped(values.get(name)) for name in COMPONENTS}
    weighted = {name: weights.get(name, 0) for name in COMPONENTS if weights.get(name, 0) > 0}
    present = {name: w for name, w in weighted.items() if components[name] is not None}
    missing = [name for name in weighted if components[name] is None]
    total = sum(present.values())
    if not total:
        return Risk(None, components, missing)
    shares = {name: components[name] * w / total for name, w in present.items()}
    return Risk(round(sum(shares.values()), 1), components, missing, shares)


def _clamped(value):
    if value is None:
        return None
    return min(100.0, max(0.0, float(value)))


def percentiles(values):
    """VALUES (key -> number or None) as percentile ranks from 0 to 100 among the keys with a
    number (ties share their mean rank); None stays None. One key alone ranks 50."""
    known = sorted((v, k) for k, v in values.items() if v is not None)
    ranks = dict.fromkeys(values)
    if not known:
        return ranks
    if len(known) == 1:
        ranks[known[0][1]] = 50.0
        return ranks
    start = 0
    while start < len(known):
        end = start
        while end + 1 < len(known) and known[end + 1][0] == known[start][0]:
            end += 1
        rank = (start + end) / 2 / (len(known) - 1) * 100
        for index in range(start, end + 1):
            ranks[known[index][1]] = round(rank, 1)
        start = end + 1
    return ranks


def weight_problems(weights):
    """What is wrong with WEIGHTS as an administrator gave them: [(component, code)], codes
    ``unknown`` (no such component), ``not_a_number``, ``out_of_range`` (0 to MAX_WEIGHT) and,
    for the whole (component None), ``all_zero``."""
    problems = []
    for name, weight in weights.items():
        if name not in COMPONENTS:
            problems.append((name, "unknown"))
        elif isinstance(weight, bool) or not isinstance(weight, (int, float)):
            problems.append((name, "not_a_number"))
        elif not 0 <= weight <= MAX_WEIGHT or weight != weight:  # NaN is not a weight
            problems.append((name, "out_of_range"))
    if not problems and not any(weights.get(name, 0) > 0 for name in COMPONENTS):
        problems.append((None, "all_zero"))
    return problems

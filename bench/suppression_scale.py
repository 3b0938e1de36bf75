"""Suppression of a national table with every series at once (netra.insights.suppression):
`suppress()` per series, then `secure()` across series with the funnel's order, on synthetic
figures for 38 provinces and their regencies, from a sparse election to a busy one.

    python bench/suppression_scale.py [--cases 300 1000 3000 5000 30000 200000] [--kinds 15]

Prints, per number of cases, the time of each step and the suppressed cells before and after
`secure()` (scipy loaded first, as a server has it after its first table). The figures are
synthetic (no database): each region's cases follow a Pareto spread, each stage keeps a share
of the one before it, each conduct kind 15% of the reports.
"""

import argparse
import random
import sys
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from netra.insights.suppression import SHOWN, SMALL, is_small, secure, suppress  # noqa: E402

FIELDS = [
    "reports",
    "registered",
    "violations",
    "forwarded",
    "recommended",
    "followed_up",
    "sanctioned",
]
KEEP = [1, 0.8, 0.6, 0.5, 0.35, 0.6, 0.8]  # each stage's share of the one before it


def table(cases, kinds, seed=1):
    rng = random.Random(seed)
    provinces = {
        f"{p:02d}": [f"{p:02d}.{r:02d}" for r in range(1, rng.randint(5, 30))]
        for p in range(11, 49)
    }
    regions = [r for rs in provinces.values() for r in rs] + list(provinces)
    weights = {r: rng.paretovariate(1.2) for r in regions}
    total = sum(weights.values())
    counts = {}
    for region in regions:
        n = int(cases * weights[region] / total)
        row, left = [], n
        for keep in KEEP:
            left = sum(1 for _ in range(left) if rng.random() < keep)
            row.append(left)
        counts[region] = row + [
            sum(1 for _ in range(n) if rng.random() < 0.15) for _ in range(kinds)
        ]
    series = FIELDS + [f"kind:{i}" for i in range(kinds)]
    groups = [("N", [f"P{p}" for p in provinces], [])]
    groups += [(f"P{p}", [f"R{r}" for r in rs], [f"O{p}"]) for p, rs in provinces.items()]
    values = {}
    for i, name in enumerate(series):
        cells = {}
        for p, rs in provinces.items():
            cells[f"O{p}"] = counts[p][i]
            for r in rs:
                cells[f"R{r}"] = counts[r][i]
            cells[f"P{p}"] = cells[f"O{p}"] + sum(cells[f"R{r}"] for r in rs)
        cells["N"] = sum(cells[f"P{p}"] for p in provinces)
        values[name] = cells
    known = {
        (name, f"O{p}"): SMALL if is_small(values[name][f"O{p}"]) else SHOWN
        for name in ("recommended", "followed_up")
        for p in provinces
    }
    return series, groups, values, known


def suppressed(status):
    return sum(
        1 for cells in status.values() for c, s in cells.items() if s != SHOWN and c[0] != "O"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--cases", type=int, nargs="+", default=[300, 1000, 3000, 5000, 30000, 200000]
    )
    parser.add_argument("--kinds", type=int, default=15)
    args = parser.parse_args()
    import scipy.optimize  # noqa: F401  (its import is no part of the suppression's time)
    import scipy.sparse  # noqa: F401

    for cases in args.cases:
        series, groups, values, known = table(cases, args.kinds)
        start = time.perf_counter()
        status = {name: suppress(groups, values[name]) for name in series}
        middle = time.perf_counter()
        before = suppressed(status)
        orders = list(pairwise(FIELDS)) + [("reports", name) for name in series[len(FIELDS) :]]
        secure(groups, values, status, orders, known)
        end = time.perf_counter()
        print(
            f"{cases:>7} cases, {len(series)} series: suppress {middle - start:.2f} s, "
            f"secure {end - middle:.2f} s; suppressed cells {before} -> {suppressed(status)}"
        )


if __name__ == "__main__":
    main()

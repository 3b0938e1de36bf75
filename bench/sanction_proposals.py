"""Rule-engine throughput: proposals per second on one core, from the pure module.

    python bench/sanction_proposals.py [--requests 200000]

Requests are drawn at random (every employment type, one to three conducts on either side of
the Pilkada 2024 candidate determination) and built before the clock starts.
"""

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from netra.sanctions import rules  # noqa: E402  (pure module: no Django needed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200_000)
    args = parser.parse_args()
    rng = random.Random(2024)
    catalog = rules.shipped_catalog()
    determined = date(2024, 9, 22)
    requests = [
        (
            rng.choice(rules.EMPLOYMENT),
            [
                rules.Conduct(
                    rng.choice(rules.KINDS), determined + timedelta(days=rng.randint(-60, 60))
                )
                for _ in range(rng.randint(1, 3))
            ],
        )
        for _ in range(args.requests)
    ]
    best = 0
    for _ in range(3):
        started = time.perf_counter()
        for employment, conduct in requests:
            rules.propose(
                catalog, determination_date=determined, employment=employment, conduct=conduct
            )
        best = max(best, args.requests / (time.perf_counter() - started))
    print(f"{args.requests:,} proposals, best of 3: {best:,.0f} proposals/s on one core")


if __name__ == "__main__":
    main()

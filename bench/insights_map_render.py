"""Tile-map rendering time: the median of 50 renders of the province map (38 tiles), the
national regency map (514 tiles) and one province's regency map (Jawa Timur, 38 tiles), with
values, suppressed counts, gaps and a link on every tile. Pure Python, one core; goal for the
regency map: under 50 ms.

    python bench/insights_map_render.py [--runs 50]
"""

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from netra.insights.tilemap import load_layout, national_regency_cells, render

REGIONS = Path(__file__).resolve().parents[1] / "src/netra/regions/data/regions.json"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    items = json.loads(REGIONS.read_text(encoding="utf-8"))["items"]
    names = {code: name for code, name, level, _ in items if level != "district"}
    rng = random.Random(7)
    values = {}
    for code in names:
        roll = rng.random()
        values[code] = None if roll < 0.05 else "<5" if roll < 0.12 else rng.randint(0, 400)
    # The layout is cached after its first use, as in a running server.
    load_layout()
    national_regency_cells()
    views = (("province", None), ("regency", None), ("regency", "35"))
    for level, province in views:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            svg = render(
                level,
                values,
                names=names,
                href=lambda code: f"/wawasan/wilayah/{code}/",
                title="Laporan pelanggaran netralitas ASN",
                description="Jumlah laporan per wilayah, 2026",
                unit_label="laporan",
                legend_title="Jumlah laporan",
                province=province,
            )
            times.append(time.perf_counter() - start)
        what = f"{level}" + (f" (province {province})" if province else "")
        print(
            f"{what:26} median {statistics.median(times) * 1000:6.2f} ms  "
            f"max {max(times) * 1000:6.2f} ms  {len(svg) / 1024:6.1f} KiB"
        )


if __name__ == "__main__":
    main()

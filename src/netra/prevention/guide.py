"""The public "Boleh atau tidak?" guide: questions civil servants ask, answered from the rules
of docs/DOMAIN.md and tied to the catalog's codes (data/guide.json)."""

import json
from functools import lru_cache
from pathlib import Path

from netra.sanctions.rules import shipped_catalog

GUIDE_FILE = Path(__file__).resolve().parent / "data" / "guide.json"


@lru_cache(maxsize=1)
def load_guide():
    data = json.loads(GUIDE_FILE.read_text(encoding="utf-8"))
    codes = shipped_catalog().codes
    for item in data["items"]:
        item["code_titles"] = [
            (code, codes[code]["title_id"], codes[code]["level"]) for code in item["codes"]
        ]
    return data

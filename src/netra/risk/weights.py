"""The weights of the risk score in force: the newest an administrator set (RiskWeights), else
the shipped defaults (data/weights.json, with their source)."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .models import RiskWeights

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "weights.json"


@dataclass(frozen=True)
class Weights:
    weights: dict  # component -> weight
    note: str  # why they are so: the administrator's note, or the shipped file's source
    changed_at: object = None  # None for the shipped ones
    changed_by: object = None
    version: str = ""  # the shipped file's version


@cache
def shipped():
    data = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    return Weights(dict(data["weights"]), data["source"], version=data["version"])


def in_force():
    kept = RiskWeights.objects.select_related("changed_by").first()
    if kept is None:
        return shipped()
    return Weights(kept.weights, kept.note, kept.changed_at, kept.changed_by)

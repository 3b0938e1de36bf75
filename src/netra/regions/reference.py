"""Idempotent loading of the versioned reference data files in ``data/``.

Each file carries its dataset name, version and sources. A file whose version is already loaded
is skipped, so `netra up` stays fast on every start; a new version is merged by natural key
(region code, election code, holiday date) and never duplicates rows.
"""

import json
from collections import Counter
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import ClockRule, Election, ElectionStage, Holiday, ReferenceDataset, Region

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_dataset(name):
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _already_loaded(doc):
    return ReferenceDataset.objects.filter(name=doc["dataset"], version=doc["version"]).exists()


def _mark_loaded(doc):
    ReferenceDataset.objects.update_or_create(
        name=doc["dataset"], defaults={"version": doc["version"], "sources": doc.get("sources", [])}
    )


@transaction.atomic
def load_regions(doc):
    existing = {r.code: r for r in Region.objects.all()}
    by_depth = {}
    for code, name, level, tz in doc["items"]:
        by_depth.setdefault(code.count("."), []).append((code, name, level, tz))
    for depth in sorted(by_depth):
        new, changed = [], []
        for code, name, level, tz in by_depth[depth]:
            parent = existing[code.rpartition(".")[0]] if depth else None
            region = existing.get(code)
            if region is None:
                new.append(Region(code=code, name=name, level=level, timezone=tz, parent=parent))
            elif (region.name, region.level, region.timezone, region.parent_id) != (
                name,
                level,
                tz,
                parent.pk if parent else None,
            ):
                region.name, region.level, region.timezone, region.parent = name, level, tz, parent
                changed.append(region)
        Region.objects.bulk_create(new, batch_size=2000)
        Region.objects.bulk_update(
            changed, ["name", "level", "timezone", "parent"], batch_size=2000
        )
        if new:
            existing.update(
                {r.code: r for r in Region.objects.filter(code__in=[r.code for r in new])}
            )
    _mark_loaded(doc)


@transaction.atomic
def load_holidays(doc):
    for item in doc["items"]:
        Holiday.objects.update_or_create(
            date=date.fromisoformat(item["date"]),
            kind=item["kind"],
            defaults={"name_id": item["name_id"], "name_en": item["name_en"]},
        )
    _mark_loaded(doc)


@transaction.atomic
def load_elections(doc):
    rule_fields = [
        "day_kind",
        "report_window_days",
        "completion_days",
        "initial_study_days",
        "decision_days",
        "decision_extension_days",
        "legal_basis",
        "notes",
    ]
    for rule in doc["clock_rules"]:
        ClockRule.objects.update_or_create(
            kind=rule["kind"], defaults={f: rule.get(f, "") for f in rule_fields}
        )
    region_ids = dict(Region.objects.values_list("code", "id"))
    for item in doc["elections"]:
        regions = item.get("regions", [])
        national = regions == "all"
        election, _created = Election.objects.update_or_create(
            code=item["code"],
            defaults={
                "kind": item["kind"],
                "name_id": item["name_id"],
                "name_en": item["name_en"],
                "voting_date": date.fromisoformat(item["voting_date"]),
                "candidate_determination_date": (
                    date.fromisoformat(item["candidate_determination_date"])
                    if item.get("candidate_determination_date")
                    else None
                ),
                "legal_basis": item.get("legal_basis", ""),
                "national": national,
                "regions_complete": item.get("regions_complete", True),
                "ppk_follow_up_days": item.get("ppk_follow_up_days"),
            },
        )
        for stage in item.get("stages", []):
            ElectionStage.objects.update_or_create(
                election=election,
                code=stage["code"],
                defaults={
                    "name_id": stage["name_id"],
                    "name_en": stage["name_en"],
                    "start": date.fromisoformat(stage["start"]),
                    "end": date.fromisoformat(stage["end"]),
                },
            )
        if not national:
            unknown = [c for c in regions if c not in region_ids]
            if unknown:
                raise ValueError(f"{item['code']}: unknown region codes {unknown[:5]}")
            election.regions.set([region_ids[c] for c in regions])
    _mark_loaded(doc)


LOADERS = [("regions", load_regions), ("holidays", load_holidays), ("elections", load_elections)]


def load_reference_data(force=False):
    """Load every dataset whose version is not loaded yet; return what the database now holds."""
    for name, loader in LOADERS:
        doc = read_dataset(name)
        if force or not _already_loaded(doc):
            loader(doc)
    return reference_counts()


def reference_counts():
    levels = Region.objects.values_list("level", flat=True)
    per_level = Counter(levels)
    return {
        "provinces": per_level["province"],
        "regencies": per_level["regency"] + per_level["city"],
        "districts": per_level["district"],
        "elections": Election.objects.count(),
        "holidays": Holiday.objects.count(),
    }

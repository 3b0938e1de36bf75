"""Keeping each region's risk (RegionRisk): every region of an election recomputed at once,
from the components (components.py) and the weights in force (weights.py), in one
transaction.

`recompute(election)` runs after an IKP import or a change of the weights (risk/actions.py)
and `recompute_active()` in the worker's periodic round, after the statistics' summaries
(rounds.py: the job is claimed first, so one worker runs it). Two recomputes of one election
never interleave, whoever starts them: each locks the election's row first, then reads the
weights and the components, and writes every row with one upsert (a region that left the
election loses its row). Only this module writes RegionRisk.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from netra.insights.models import RegionFigures
from netra.regions.models import Election

from . import components, weights
from .models import IkpRelease, RegionRisk
from .score import combine

BATCH = 1000


def recompute(election, now=None):
    """Recompute the risk of every region of ELECTION; returns the number of regions."""
    now = now or timezone.now()
    with transaction.atomic():
        # The lock orders recomputes of one election (PostgreSQL; SQLite writes one at a time).
        Election.objects.select_for_update().filter(pk=election.pk).values_list("pk").first()
        in_force = weights.in_force().weights
        regions = components.regions_of(election)
        computed = components.compute(election, regions)
        rows = [
            rows_of(election, regions[code], item, in_force, now) for code, item in computed.items()
        ]
        RegionRisk.objects.filter(election=election).exclude(
            region_id__in=[row.region_id for row in rows]
        ).delete()
        RegionRisk.objects.bulk_create(
            rows,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["election", "region"],
            update_fields=["score", "components", "facts", "missing", "computed_at"],
        )
    return len(rows)


def rows_of(election, region, item, in_force, now):
    """The RegionRisk (unsaved) of REGION from its computed ITEM and the weights IN_FORCE; each
    component's facts get its weight and the points it gives the score."""
    risk = combine(item["values"], in_force)
    facts = {}
    for name, fact in item["facts"].items():
        fact = dict(fact, weight=in_force.get(name, 0))
        if name in risk.shares:
            fact["points"] = round(risk.shares[name], 1)
        facts[name] = fact
    return RegionRisk(
        election=election,
        region=region,
        score=risk.score,
        components={
            name: None if value is None else round(value, 1)
            for name, value in risk.components.items()
        },
        facts=facts,
        missing=risk.missing,
        computed_at=now,
    )


def active_elections():
    """The elections with something to weigh: figures of handled cases, an IKP release, or a
    risk computed before (which may need to be brought up to date)."""
    with_figures = RegionFigures.objects.values("election_id")
    return Election.objects.filter(
        Q(pk__in=with_figures)
        | Q(pk__in=IkpRelease.objects.values("election_id"))
        | Q(pk__in=RegionRisk.objects.values("election_id"))
    ).order_by("pk")


def recompute_active(now=None):
    """Recompute every active election (the worker's periodic job); returns the number of
    regions recomputed."""
    now = now or timezone.now()
    return sum(recompute(election, now) for election in active_elections())

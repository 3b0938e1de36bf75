"""Every change to the early-warning data, each with its audit entry in the same transaction:
importing an IKP file, correcting one of its values, setting the risk weights. A change that
cannot be made raises Refused with a code of refusals.REFUSALS (an IKP file with bad rows
raises importer.IkpFileError, which lists them)."""

import hashlib

from django.db import transaction
from django.utils import timezone

from netra.audit.log import record
from netra.lib.refusals import Refused

from . import importer, refresh
from .models import IkpRelease, IkpScore, RiskWeights
from .score import weight_problems

CORRECTABLE = {*importer.SCORES, "category", "asn_category"}
MAX_SOURCE = 300


def import_ikp(actor, election, data, *, source, published_on=None, file_name="", fictional=False):
    """Keep the IKP file DATA (bytes) for ELECTION as a new release, whole or not at all
    (importer.IkpFileError lists what is wrong). SOURCE says who published it and where."""
    source = " ".join((source or "").split())
    if not source:
        raise Refused("source_required")
    if len(source) > MAX_SOURCE:
        raise Refused("source_too_long", limit=MAX_SOURCE)
    if published_on is not None and published_on > timezone.localdate():
        raise Refused("published_in_future")
    rows = importer.check_file(data, election)
    with transaction.atomic():
        release = IkpRelease.objects.create(
            election=election,
            source=source,
            published_on=published_on,
            fictional=fictional,
            file_name=(file_name or "")[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            rows=len(rows),
            imported_by=actor,
            imported_at=timezone.now(),
        )
        IkpScore.objects.bulk_create(
            IkpScore(release=release, region=row.region, **row.values) for row in rows
        )
        record(
            actor,
            "risk.ikp_imported",
            release,
            data={
                "election": election.code,
                "source": source,
                "rows": len(rows),
                "sha256": release.sha256,
                "fictional": fictional,
            },
        )
    refresh.recompute(election)  # the new index weighs at once, not at the next round
    return release


def correct_ikp(actor, score, *, field, value, reason):
    """Correct one value of an imported IKP row (a typo in the published file, say); the old
    and new values and the reason go into the audit entry. VALUE is text as typed."""
    if field not in CORRECTABLE:
        raise Refused("unknown_field")
    reason = " ".join((reason or "").split())
    if not reason:
        raise Refused("reason_required")
    problems = []

    def fail(_row, _column, code, **params):
        problems.append((code, params))

    if field in ("category", "asn_category"):
        new = importer.category_value(0, field, value or "", fail, field == "category")
    else:
        new = importer.score_value(0, field, value or "", fail)
    if problems:
        code, params = problems[0]
        raise Refused(f"value_{code}", **params)
    with transaction.atomic():
        locked = IkpScore.objects.select_for_update().select_related("release").get(pk=score.pk)
        old = getattr(locked, field)
        setattr(locked, field, new)
        locked.save(update_fields=[field])
        record(
            actor,
            "risk.ikp_corrected",
            locked.release,
            region=locked.region,
            data={"field": field, "before": old, "after": new, "reason": reason[:500]},
        )
    refresh.recompute(locked.release.election)
    return locked


def set_weights(actor, weights, *, note=""):
    """Put WEIGHTS (component -> number) in force for the risk score; audited."""
    problems = weight_problems(weights)
    if problems:
        raise Refused("weights", errors=problems)
    with transaction.atomic():
        kept = RiskWeights.objects.create(
            weights={name: float(weight) for name, weight in weights.items()},
            note=" ".join((note or "").split())[:300],
            changed_by=actor,
            changed_at=timezone.now(),
        )
        record(actor, "risk.weights_set", kept, data={"weights": kept.weights, "note": kept.note})
    refresh.recompute_active()
    return kept

"""Writing the summaries' rows by hand, for tests of the public table that need exact counts
without walking cases there."""

from django.utils import timezone

from netra.insights import funnel
from netra.insights.models import RegionFigures


def _save(election, level, code, figures, at):
    RegionFigures.objects.create(
        election_id=election.pk, level=level, code=code, refreshed_at=at, **figures
    )


def province_and_nation(election, regencies, *, compliance=None):
    """The rows of REGENCIES ({code: (counts by stage, days by timed stage)}), and of their
    provinces and the nation, added up as the refresh adds them; COMPLIANCE (the PPK table)
    on the nation's row."""
    at = timezone.now()
    provinces = {}
    for code, (counts, days) in regencies.items():
        figures = funnel.empty()
        figures["counts"].update(counts)
        figures["days"].update(days)
        _save(election, "regency", code, figures, at)
        provinces.setdefault(code[:2], []).append(figures)
    totals = []
    for code, parts in provinces.items():
        totals.append(funnel.merged(parts))
        _save(election, "province", code, totals[-1], at)
    nation = funnel.merged(totals)
    nation["compliance"] = compliance or {}
    _save(election, "national", "", nation, at)

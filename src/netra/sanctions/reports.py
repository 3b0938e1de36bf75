"""Compliance and consistency figures over the recommendations a user reaches.

Everything starts from restrict_cases, so a regency officer sees their regency's figures, a
PPK their own government's, BKN the whole country.
"""

from collections import Counter, defaultdict

from django.db.models import Count, Q, Sum
from django.utils import timezone

from netra.accounts.access import restrict_by_case, restrict_case_tallies
from netra.regions.models import Region

from . import tally
from .models import FollowUpTally, Recommendation, RecommendationCode


def recommendations_for(user):
    return restrict_by_case(Recommendation.objects.all(), user)


def compliance(user, by="ppk"):
    """Per government (its PPK), or per province: recommendations, answered, imposed, the share
    followed up, the median days from recommendation to decree, and how many are overdue.

    Read from the counts tally keeps (a few thousand rows for the whole country) where the
    user's reach is a matter of the case's region and forwarding; a PPK's or BKPSDM's reach is
    by case, and their few recommendations are counted as they are."""
    now = timezone.now()
    tallies = restrict_case_tallies(FollowUpTally.objects.all(), user)
    figures = _fresh_figures(user, now) if tallies is None else _tallied_figures(user, tallies, now)
    return _grouped(figures, by)


def _empty():
    return {"total": 0, "answered": 0, "imposed": 0, "overdue": 0, "days": Counter()}


def _fresh_figures(user, now):
    """Per government id, the figures aggregated from the recommendations USER reaches."""
    scope = recommendations_for(user)
    figures = defaultdict(_empty)
    for row in (
        scope.values("government_id")
        .annotate(
            total=Count("id"),
            answered=Count("answered_at"),
            imposed=Count("decree", filter=Q(decree__outcome="imposed")),
            overdue=Count("id", filter=Q(answered_at__isnull=True, due_at__lt=now)),
        )
        .order_by()
    ):
        figures[row["government_id"]].update(
            {f: row[f] for f in ("total", "answered", "imposed", "overdue")}
        )
    for government, elapsed, times in (
        scope.filter(decree__days_to_decree__isnull=False)
        .values("government_id", "decree__days_to_decree")
        .annotate(times=Count("id"))
        .values_list("government_id", "decree__days_to_decree", "times")
        .order_by()
    ):
        figures[government]["days"][elapsed] += times
    return dict(figures)


def _tallied_figures(user, tallies, now):
    """Per government id, the same figures from the counts in TALLIES; the overdue are the
    open ones due on a day before today (UTC) from the counts, and those due today before NOW
    from the recommendations (a few, through the index of the open ones by due date)."""
    figures = defaultdict(_empty)
    for government, metric, value, count in (
        tallies.filter(metric__in=("total", "answered", "imposed", "days"))
        .values("government_id", "metric", "value")
        .annotate(n=Sum("count"))
        .values_list("government_id", "metric", "value", "n")
        .order_by()
    ):
        if metric == "days":
            if count:
                figures[government]["days"][value] += count
        else:
            figures[government][metric] += count
    today = tally.day_of(now)
    for government, count in (
        tallies.filter(metric="open", value__lt=today)
        .values("government_id")
        .annotate(n=Sum("count"))
        .values_list("government_id", "n")
        .order_by()
    ):
        figures[government]["overdue"] += count
    for government, count in (
        recommendations_for(user)
        .filter(answered_at__isnull=True, due_at__gte=tally.day_start(today), due_at__lt=now)
        .values("government_id")
        .annotate(n=Count("id"))
        .values_list("government_id", "n")
        .order_by()
    ):
        figures[government or 0]["overdue"] += count
    # A government with no recommendation in reach has no row, as in the fresh aggregation.
    return {(g or None): f for g, f in figures.items() if f["total"]}


def _median(days):
    """statistics.median of the days the histogram DAYS (days -> times) holds."""
    n = sum(days.values())
    if not n:
        return None
    wanted = [(n - 1) // 2, n // 2]
    found, seen = [], 0
    for value in sorted(days):
        times = days[value]
        while wanted and wanted[0] < seen + times:
            found.append(value)
            wanted.pop(0)
        seen += times
    return found[0] if n % 2 else (found[0] + found[1]) / 2


def _grouped(figures, by):
    regions = {
        r.pk: r
        for r in Region.objects.filter(pk__in=[g for g in figures if g]).only("code", "name")
    }
    groups = {}
    for government, row in figures.items():
        region = regions.get(government)
        code = region.code if region else "-"
        key = code.split(".")[0] if by == "province" else code
        group = groups.setdefault(
            key,
            {
                "code": key,
                "name": region.name if region else "-",
                "total": 0,
                "answered": 0,
                "imposed": 0,
                "overdue": 0,
                "days": Counter(),
            },
        )
        for field in ("total", "answered", "imposed", "overdue"):
            group[field] += row[field]
        group["days"].update(row["days"])
    if by == "province":
        names = dict(Region.objects.filter(code__in=groups).values_list("code", "name"))
        for key, group in groups.items():
            group["name"] = names.get(key, key)
    result = []
    for group in groups.values():
        group["share"] = group["answered"] / group["total"] if group["total"] else 0
        group["share_pct"] = round(100 * group["share"])
        group["median_days"] = _median(group["days"])
        del group["days"]
        result.append(group)
    return sorted(result, key=lambda g: (g["share"], -g["overdue"]))


def overdue(user, limit=100):
    """Recommendations past their period with no answer, the longest waiting first."""
    return (
        recommendations_for(user)
        .filter(answered_at__isnull=True, due_at__lt=timezone.now())
        .select_related("case", "respondent", "government")
        .order_by("due_at")[:limit]
    )


def consistency(user):
    """Per conduct code, the sanctions actually imposed and in how many regions: unequal
    treatment of the same conduct shows as several rows under one code."""
    rows = (
        RecommendationCode.objects.filter(
            recommendation__in=recommendations_for(user).values("pk"),
            recommendation__decree__outcome="imposed",
        )
        .values("code", "recommendation__decree__sanction")
        .annotate(cases=Count("id"), regions=Count("government", distinct=True))
        .order_by("code", "-cases")
    )
    codes = {}
    for row in rows:
        entry = codes.setdefault(row["code"], {"code": row["code"], "total": 0, "sanctions": []})
        entry["total"] += row["cases"]
        entry["sanctions"].append(
            {
                "sanction": row["recommendation__decree__sanction"],
                "cases": row["cases"],
                "regions": row["regions"],
            }
        )
    for entry in codes.values():
        for sanction in entry["sanctions"]:
            sanction["share_pct"] = round(100 * sanction["cases"] / entry["total"])
    return list(codes.values())


def history(user, nip, limit=500):
    """Recommendations about NIP in the user's reach, across regions, oldest first."""
    return (
        recommendations_for(user)
        .filter(respondent__nip=nip)
        .select_related("case__region", "respondent", "government", "decree")
        .order_by("issued_at")[:limit]
    )


def repeat_offenders(user, limit=50):
    """NIPs with more than one recommendation in the user's reach."""
    return (
        recommendations_for(user)
        .exclude(respondent__nip="")
        .values("respondent__nip")
        .annotate(times=Count("id"), regions=Count("government", distinct=True))
        .filter(times__gt=1)
        .order_by("-times", "respondent__nip")[:limit]
    )

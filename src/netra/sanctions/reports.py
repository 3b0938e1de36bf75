"""Compliance and consistency figures over the recommendations a user reaches.

Everything starts from restrict_cases, so a regency officer sees their regency's figures, a
PPK their own government's, BKN the whole country.
"""

from collections import defaultdict
from statistics import median

from django.db.models import Count, Q
from django.utils import timezone

from netra.accounts.access import restrict_by_case
from netra.regions.models import Region

from .models import Recommendation, RecommendationCode


def recommendations_for(user):
    return restrict_by_case(Recommendation.objects.all(), user)


def compliance(user, by="ppk"):
    """Per government (its PPK), or per province: recommendations, answered, imposed, the share
    followed up, the median days from recommendation to decree, and how many are overdue."""
    now = timezone.now()
    scope = recommendations_for(user)
    rows = list(
        scope.values("government_id")
        .annotate(
            total=Count("id"),
            answered=Count("answered_at"),
            imposed=Count("decree", filter=Q(decree__outcome="imposed")),
            overdue=Count("id", filter=Q(answered_at__isnull=True, due_at__lt=now)),
        )
        .order_by()
    )
    days = defaultdict(list)
    for government, elapsed in scope.filter(decree__days_to_decree__isnull=False).values_list(
        "government_id", "decree__days_to_decree"
    ):
        days[government].append(elapsed)
    regions = {
        r.pk: r
        for r in Region.objects.filter(pk__in=[row["government_id"] for row in rows]).only(
            "code", "name"
        )
    }
    groups = {}
    for row in rows:
        region = regions.get(row["government_id"])
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
                "days": [],
            },
        )
        for field in ("total", "answered", "imposed", "overdue"):
            group[field] += row[field]
        group["days"] += days.get(row["government_id"], [])
    if by == "province":
        names = dict(Region.objects.filter(code__in=groups).values_list("code", "name"))
        for key, group in groups.items():
            group["name"] = names.get(key, key)
    result = []
    for group in groups.values():
        group["share"] = group["answered"] / group["total"] if group["total"] else 0
        group["share_pct"] = round(100 * group["share"])
        group["median_days"] = median(group["days"]) if group["days"] else None
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

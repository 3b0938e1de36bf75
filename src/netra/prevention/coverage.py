"""Who prevention reached: per agency and employment type, the share of a region's employees
who attended at least one outreach event and the share who pledged."""

from django.db.models import Count, Q

from netra.people.models import Agency, EmploymentType
from netra.regions.models import Election

from .actions import region_employees
from .models import Attendance, Event, Pledge


def coverage(region, election=None):
    """{"agencies": [...], "types": [...], "total": {...}, "unreached": [agency names]}."""
    employees = region_employees(region)
    reached = Attendance.objects.filter(
        status__in=Attendance.COUNTED, attended=True, employee__isnull=False
    )
    pledged = Pledge.objects.all()
    if election is not None:
        reached = reached.filter(event__election=election)
        pledged = pledged.filter(election=election)
    # Those present at a pledge ceremony or a declaration pledged there.
    ceremonies = reached.filter(event__kind__in=[Event.Kind.PLEDGE, Event.Kind.DECLARATION])
    rows = list(
        employees.values("agency_id", "employment_type")
        .annotate(
            total=Count("id"),
            reached=Count("id", filter=Q(id__in=reached.values("employee_id"))),
            pledged=Count(
                "id",
                filter=Q(id__in=pledged.values("employee_id"))
                | Q(id__in=ceremonies.values("employee_id")),
            ),
        )
        .order_by()
    )
    names = dict(
        Agency.objects.filter(pk__in={r["agency_id"] for r in rows}).values_list("id", "name")
    )
    agencies, types = {}, {}
    for row in rows:
        for key, bucket in ((row["agency_id"], agencies), (row["employment_type"], types)):
            entry = bucket.setdefault(key, {"total": 0, "reached": 0, "pledged": 0})
            for field in ("total", "reached", "pledged"):
                entry[field] += row[field]
    total = {field: sum(r[field] for r in rows) for field in ("total", "reached", "pledged")}
    labels = dict(EmploymentType.choices)

    def shares(entry):
        entry["reached_pct"] = (
            round(100 * entry["reached"] / entry["total"]) if entry["total"] else 0
        )
        entry["pledged_pct"] = (
            round(100 * entry["pledged"] / entry["total"]) if entry["total"] else 0
        )
        return entry

    agency_rows = sorted(
        (shares(dict(v, agency=names.get(k, "-"), agency_id=k)) for k, v in agencies.items()),
        key=lambda e: (e["reached_pct"], e["agency"]),
    )
    return {
        "agencies": agency_rows,
        "types": [shares(dict(v, type=k, label=labels.get(k, k))) for k, v in types.items()],
        "total": shares(total),
        "unreached": [e["agency"] for e in agency_rows if e["reached"] == 0],
    }


def timeline(region, election=None):
    """The region's events and the election's stages in one list by date, so that prevention
    work shows against the campaign, the quiet days and voting day."""
    events = Event.objects.filter(region.within_q())
    if election is not None:
        events = events.filter(Q(election=election) | Q(election__isnull=True))
    calendar = (
        election
        or Election.objects.filter(Q(regions=region) | Q(national=True))
        .order_by("-voting_date")
        .first()
    )
    items = [{"date": e.starts_at.date(), "event": e} for e in events.order_by("starts_at")]
    if calendar is not None:
        items += [{"date": s.start, "stage": s} for s in calendar.stages.all()]
    items.sort(key=lambda item: (item["date"], "event" in item))
    # The stages are list items too, and would take numbers of their own: the events carry
    # theirs (1, 2, 3 ...) so that the numbering does not skip at every stage.
    events_seen = 0
    for item in items:
        if "event" in item:
            events_seen += 1
            item["number"] = events_seen
    return {"items": items, "election": calendar}

"""The staff statistics of case handling: the funnel of an office's reach in full (exact
counts, no suppression: staff see their own reach as it is), the days between the steps, where
cases stall (overdue by step and by office), the conduct most reported, the agencies and
positions reported (staff only) and the PPKs' follow-up, with two charts drawn on the server.

Read only from the summaries (RegionFigures, CaseFact) and the reference tables, never from the
case tables: the page costs the same whatever the number of cases. Reach is the access layer's:
national roles see the nation and any region, the others the regions on their account and
what lies inside them; a region outside reach answers 404.
"""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.shortcuts import render
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netra.accounts.access import can, is_national, region_in_scope
from netra.cases.models import STATE_LABELS
from netra.regions.models import Election, Region
from netra.sanctions.forms import kind_labels

from . import charts, funnel
from .models import CaseFact, RefreshMark, RegionFigures

OFFICE_LEVELS = (Region.Level.PROVINCE, Region.Level.REGENCY, Region.Level.CITY)
# The funnel's stages as the page names them (the workflow's own words where there are some).
STAGE_LABELS = {
    "received": gettext_lazy("Received"),
    "registered": gettext_lazy("Registered"),
    "violation": gettext_lazy("Decided: violation of other laws"),
    "forwarded": gettext_lazy("Forwarded"),
    "recommended": gettext_lazy("Sanction recommended"),
    "decided": gettext_lazy("Followed up by the PPK"),
    "sanctioned": gettext_lazy("Sanction imposed"),
    "closed": gettext_lazy("Closed"),
}
# The election calendar behind the weekly trend, in the order of the legend.
CALENDAR = ("campaign", "quiet_period", "voting")
MAX_OFFICES = 50  # offices listed under "by office", the most overdue first


def may_see(user):
    return can(user, "insights.staff")


def chosen_region(request):
    """The region the page is about (None: the nation): ?wilayah= within reach, else the
    user's first province, regency or city (the nation for national roles)."""
    code = request.GET.get("wilayah", "").strip()
    if code:
        region = Region.objects.filter(code=code, level__in=OFFICE_LEVELS).first()
        if region is None or not region_in_scope(request.user, region):
            raise Http404
        return region
    if is_national(request.user):
        return None
    own = request.user.regions.filter(level__in=OFFICE_LEVELS).order_by("code").first()
    if own is None:
        raise Http404  # an account without regions reaches nothing
    return own


def _level_and_code(region):
    if region is None:
        return RegionFigures.Level.NATIONAL, ""
    if region.level == Region.Level.PROVINCE:
        return RegionFigures.Level.PROVINCE, region.code
    return RegionFigures.Level.REGENCY, region.code


def _chosen_election(request, elections, level, code):
    """?pemilihan= (404 when no such election), else the latest election with figures for
    the region, else the latest election."""
    wanted = request.GET.get("pemilihan", "").strip()
    if wanted:
        for election in elections:
            if election.code == wanted:
                return election
        raise Http404
    with_figures = set(
        RegionFigures.objects.filter(level=level, code=code).values_list("election_id", flat=True)
    )
    return next((e for e in elections if e.pk in with_figures), elections[0] if elections else None)


def _figures_rows(election, level, code):
    """The figures of the region and of the offices inside it: {(level, code): row}."""
    rows = RegionFigures.objects.filter(election_id=election.pk)
    if level == RegionFigures.Level.PROVINCE:
        rows = rows.filter(
            Q(level=RegionFigures.Level.PROVINCE, code=code)
            | Q(level=RegionFigures.Level.REGENCY, code__startswith=code + ".")
        )
    elif level == RegionFigures.Level.REGENCY:
        rows = rows.filter(level=level, code=code)
    return {(row.level, row.code): row for row in rows}


def _facts(election, level, code):
    facts = CaseFact.objects.filter(election_id=election.pk)
    if level == RegionFigures.Level.PROVINCE:
        return facts.filter(province_code=code)
    if level == RegionFigures.Level.REGENCY:
        return facts.filter(region_code=code)
    return facts


def _figures(row):
    figures = funnel.empty()
    if row is not None:
        figures.update({key: getattr(row, key) for key in figures})
    return figures


def _number(value):
    return formats.number_format(value, force_grouping=True)


def _day(value):
    return formats.date_format(value, "j M Y")


def _month(value):
    return formats.date_format(value, "M Y")


def _percent(part, whole):
    return round(part * 100 / whole) if whole else None


def _funnel(figures):
    counts = figures["counts"]
    received = counts.get("received", 0)
    return [
        {
            "stage": stage,
            "label": STAGE_LABELS[stage],
            "count": counts.get(stage, 0),
            "percent": _percent(counts.get(stage, 0), received),
        }
        for stage in funnel.STAGE_NAMES
    ]


def _medians(figures):
    return [
        {
            "stage": stage,
            "label": f"{STAGE_LABELS[before]} → {STAGE_LABELS[stage]}",
            "median": funnel.median(figures["days"].get(stage, {})),
            "cases": funnel.cases_in(figures["days"].get(stage, {})),
        }
        for stage, before in funnel.TIMED
    ]


def _overdue_by_step(overdue):
    order = list(STATE_LABELS)
    return [
        {"state": state, "label": STATE_LABELS.get(state, state), "count": count}
        for state, count in sorted(
            overdue.items(),
            key=lambda item: (-item[1], order.index(item[0]) if item[0] in order else 99),
        )
        if count
    ]


def _ranked(counts, labels=None):
    labels = labels or {}
    return [
        {"key": key, "label": labels.get(key, key), "count": count}
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count
    ]


def _offices(rows, level, code, names):
    """The offices of the region (its regencies and cities, and a province's own office for
    its own cases), the most overdue first."""
    if level == RegionFigures.Level.REGENCY:
        return [], 0
    regencies = [row for (lvl, _code), row in rows.items() if lvl == RegionFigures.Level.REGENCY]
    provinces = [row for (lvl, _code), row in rows.items() if lvl == RegionFigures.Level.PROVINCE]
    offices = [
        (row.code, names.get(row.code, row.code), row.counts.get("received", 0), row.overdue)
        for row in regencies
    ]
    # A province's row adds up its regencies and its own office's cases: the rest is its own.
    for province in provinces:
        inside = [row for row in regencies if row.code.startswith(province.code + ".")]
        received = province.counts.get("received", 0) - sum(
            row.counts.get("received", 0) for row in inside
        )
        overdue = {
            state: count - sum(row.overdue.get(state, 0) for row in inside)
            for state, count in province.overdue.items()
        }
        overdue = {state: count for state, count in overdue.items() if count > 0}
        if received > 0 or overdue:
            name = _("%(name)s (provincial office)") % {
                "name": names.get(province.code, province.code)
            }
            offices.append((province.code, name, received, overdue))
    listed = []
    for office_code, name, received, overdue in offices:
        total = sum(overdue.values())
        if not received and not total:
            continue
        listed.append(
            {
                "code": office_code,
                "name": name,
                "received": received,
                "overdue": total,
                "steps": _overdue_by_step(overdue),
            }
        )
    listed.sort(key=lambda office: (-office["overdue"], -office["received"], office["code"]))
    return listed[:MAX_OFFICES], len(listed)


def _compliance(compliance, names):
    rows = []
    for government, row in compliance.items():
        rows.append(
            {
                "code": government,
                "name": names.get(government, government) or _("Unknown government"),
                "recommended": row["recommended"],
                "answered": row["answered"],
                "percent": _percent(row["answered"], row["recommended"]),
                "median": funnel.median(row["days"]),
                "unanswered": row["recommended"] - row["answered"],
            }
        )
    rows.sort(key=lambda row: (-row["unanswered"], -row["recommended"], row["name"]))
    return rows


def _calendar(election):
    """The bands of the election calendar: the campaign, the quiet days, voting day."""
    stages = {stage.code: stage for stage in election.stages.filter(code__in=CALENDAR)}
    bands = []
    for code in CALENDAR:
        stage = stages.get(code)
        if code == "voting":
            label = stage.name if stage else _("Voting day")
            bands.append(charts.Band(code, label, election.voting_date, election.voting_date))
        elif stage is not None:
            bands.append(charts.Band(code, stage.name, stage.start, stage.end))
    return bands


def _trend(facts, bands):
    weeks = facts.annotate(week=TruncWeek("received_at")).values("week").annotate(n=Count("id"))
    counts = {row["week"]: row["n"] for row in weeks.order_by()}
    series = charts.week_series(counts, bands)
    table = []
    for monday, count in series:
        sunday = monday + timedelta(days=6)
        during = [b.label for b in bands if b.start <= sunday and b.end >= monday]
        table.append({"week": monday, "count": count, "calendar": ", ".join(during)})
    total = sum(counts.values())
    svg = charts.weekly_trend(
        counts,
        bands=bands,
        title=_("Cases received per week"),
        desc=_(
            "Columns: the cases received in each week, %(total)s in all, in front of the "
            "election calendar (campaign, quiet period, voting day). The same figures are in "
            "the data table below the chart."
        )
        % {"total": _number(total)},
        series_label=_("Cases received per week"),
        empty_text=_("No case received yet."),
        ident="trend",
        number=_number,
        day_label=_day,
        month_label=_month,
    )
    return mark_safe(svg), table  # noqa: S308 (charts.py escapes every text it writes)


def _steps(facts):
    counts = dict(facts.values_list("state").annotate(n=Count("id")).order_by())
    rows = [
        {"state": state, "label": label, "count": counts[state]}
        for state, label in STATE_LABELS.items()
        if counts.get(state)
    ]
    svg = charts.bars(
        [(row["state"], row["label"], row["count"]) for row in rows],
        title=_("Cases per step"),
        desc=_(
            "Bars: the cases now at each step of handling, %(total)s in all. The same figures "
            "are in the data table below the chart."
        )
        % {"total": _number(sum(counts.values()))},
        empty_text=_("No case yet."),
        ident="steps",
        number=_number,
    )
    return mark_safe(svg), rows  # noqa: S308 (charts.py escapes every text it writes)


def _region_choices(user, region):
    """The regions offered in the selector: the nation and its provinces for national roles,
    else the regions on the account; the region shown is always among them."""
    if is_national(user):
        choices = [("", _("Indonesia"))] + list(
            Region.objects.filter(level=Region.Level.PROVINCE)
            .order_by("code")
            .values_list("code", "name")
        )
    else:
        choices = list(
            user.regions.filter(level__in=OFFICE_LEVELS)
            .order_by("code")
            .values_list("code", "name")
        )
    if region is not None and region.code not in {code for code, _name in choices}:
        choices.append((region.code, region.name))
    return choices


@login_required
def staff_statistics(request):
    if not may_see(request.user):
        raise Http404  # a page a role cannot use does not exist for it
    region = chosen_region(request)
    level, code = _level_and_code(region)
    elections = list(Election.objects.order_by("-voting_date"))
    election = _chosen_election(request, elections, level, code)
    context = {
        "region": region,
        "place": region.name if region else _("Indonesia"),
        "level": level,
        "elections": elections,
        "election": election,
        "regions": _region_choices(request.user, region),
        "as_of": RefreshMark.objects.filter(pk=1).values_list("refreshed_at", flat=True).first(),
    }
    if election is None:
        return render(request, "insights/staff/statistics.html", context)
    rows = _figures_rows(election, level, code)
    figures = _figures(rows.get((level, code)))
    names_wanted = {row_code for _lvl, row_code in rows} | set(figures["compliance"])
    names = dict(Region.objects.filter(code__in=names_wanted).values_list("code", "name"))
    offices, office_count = _offices(rows, level, code, names)
    facts = _facts(election, level, code)
    trend_svg, trend_table = _trend(facts, _calendar(election))
    steps_svg, steps_table = _steps(facts)
    context.update(
        {
            "has_figures": (level, code) in rows,
            "funnel": _funnel(figures),
            "medians": _medians(figures),
            "overdue_steps": _overdue_by_step(figures["overdue"]),
            "overdue_total": sum(figures["overdue"].values()),
            "offices": offices,
            "office_count": office_count,
            "kinds": _ranked(figures["kinds"], kind_labels()),
            "agencies": _ranked(figures["agencies"]),
            "positions": _ranked(figures["positions"]),
            "compliance": _compliance(figures["compliance"], names),
            "trend_svg": trend_svg,
            "trend_table": trend_table,
            "steps_svg": steps_svg,
            "steps_table": steps_table,
        }
    )
    return render(request, "insights/staff/statistics.html", context)

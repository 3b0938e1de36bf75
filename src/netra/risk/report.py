"""The periodic report of a region: one PDF (A4, in Indonesian) for a period, made on demand
from the staff pages (report_views.py) and monthly by the worker for each region with activity.

Per election the region took part in, with cases or a computed risk:
- the funnel: the cases received in the period and how far each has gone, beside the steps
  all the region's cases reached in the period;
- the map of the province's regencies and cities by risk score (the same tile map and classes
  as the regions-to-watch pages) with the same scores as a table;
- the weekly trend of cases received in the period, in front of the election calendar;
- the risk score and each component, with what it was made of ("Tidak ada data" for a
  component without data, never 0), and the agencies outreach never reached;
- the handling steps past their deadline and the PPKs' follow-up of BKN's recommendations.

Read from the summaries (CaseFact, RegionFigures) and RegionRisk only, never from the case
tables, and nothing that names a person: the facts hold none. Every text from data goes
through the template's escaping; the SVGs escape their own.

The monthly job (`make_monthly_reports`, in the worker's round) claims each report first by
inserting its row (unique region and period), so several workers never draw the same one;
a claim left by a worker that died is taken over after LEASE.
"""

import logging
import os
import socket
import time
import traceback
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netra.cases.models import STATE_LABELS
from netra.common import pdf
from netra.insights import charts, funnel, tilemap
from netra.insights.models import CaseFact, RegionFigures
from netra.insights.staff import STAGE_LABELS
from netra.insights.views import as_of_text
from netra.lib.calendar import format_date_id
from netra.regions.models import Election, Region

from .components import BANDS, LEVELS, band
from .forms import COMPONENT_LABELS
from .models import PeriodicReport, RegionRisk
from .score import COMPONENTS

logger = logging.getLogger("netra.risk")

MAX_DAYS = 366  # the longest period a report covers
FIRST_YEAR, LAST_YEAR = 2000, 2100
LEASE = timedelta(minutes=30)  # a claim older than this, with no file, is taken over
BUDGET = timedelta(minutes=2)  # what one run of the monthly job spends drawing PDFs
FOLDER = "risk-reports"
UNREACHED_SHOWN = 10
MAP_BREAKS = sorted(lowest for lowest, _band in BANDS)
MOMENTS = [column for _stage, column in funnel.STAGES]
FACT_COLUMNS = [*MOMENTS, "state", "due_at", "kinds", "agencies", "positions", "answers"]
CALENDAR = ("campaign", "quiet_period", "voting")
BAND_LABELS = {
    "high": gettext_lazy("High"),
    "medium": gettext_lazy("Medium"),
    "low": gettext_lazy("Low"),
}
REASONS = {
    "no_release": gettext_lazy("No vulnerability index imported for this election."),
    "not_in_release": gettext_lazy("Not in the imported vulnerability index."),
    "no_roster": gettext_lazy("No civil servant of the region on the roster in Netra."),
    "none_recorded": gettext_lazy("Recorded in no region of this election."),
    "no_cases": gettext_lazy("No case of this election handled here yet."),
    "no_recommendations": gettext_lazy("No recommendation from BKN to the PPK yet."),
}


class PeriodError(ValueError):
    """A period that cannot be read; the message says why, for the user."""


# Numbers and words, as both documents (this report and the weekly digest) write them.


def number(value, places=1):
    """VALUE as the active language writes it, with at most PLACES decimals (54,2; 100), or
    None for None."""
    if value is None:
        return None
    value = round(float(value), places)
    shown = next(p for p in range(places + 1) if round(value, p) == value)
    if not shown:
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=shown, force_grouping=True)


def count(value):
    return number_format(value or 0, force_grouping=True)


def day_text(day):
    return format_date_id(day, weekday=False)


def made_of(name, fact):
    """What component NAME was made of (its FACT in RegionRisk.facts), in a sentence; empty
    for a fact that lacks what the sentence needs."""
    try:
        return _made_of(name, fact)
    except (KeyError, TypeError, ValueError):
        return ""


def _made_of(name, fact):
    if "reason" in fact:
        return str(REASONS.get(fact["reason"], _("No data")))
    if name == "ikp":
        if "from_regions" in fact:
            return _("Mean IKP score of %(regions)s regencies and cities: %(score)s.") % {
                "regions": count(fact["from_regions"]),
                "score": number(fact["score"], 2),
            }
        return _("IKP score %(score)s (%(category)s).") % {
            "score": number(fact.get("score"), 2),
            "category": fact.get("category", ""),
        }
    if name == "prevention":
        text = _("%(reached)s of %(employees)s civil servants reached by outreach.") % {
            "reached": count(fact["reached"]),
            "employees": count(fact["employees"]),
        }
        if fact.get("unreached_agencies"):
            text += " " + ngettext(
                "%(agencies)s agency never reached.",
                "%(agencies)s agencies never reached.",
                fact["unreached_agencies"],
            ) % {"agencies": count(fact["unreached_agencies"])}
        return text
    if name == "flags":
        counted = ngettext("%(count)s flag", "%(count)s flags", fact["count"])
    elif name == "reports":
        counted = ngettext(
            "%(count)s case from the public", "%(count)s cases from the public", fact["count"]
        )
    if name in ("flags", "reports"):
        return (
            counted % {"count": count(fact["count"])}
            + ", "
            + _("%(rate)s per 10,000 civil servants.") % {"rate": number(fact["rate"], 2)}
        )
    if name == "overdue":
        return ngettext(
            "%(overdue)s step past its deadline in %(cases)s cases.",
            "%(overdue)s steps past their deadline in %(cases)s cases.",
            fact["overdue"],
        ) % {"overdue": count(fact["overdue"]), "cases": count(fact["cases"])}
    if name == "ppk":
        return _("%(answered)s of %(recommended)s recommendations answered.") % {
            "answered": count(fact["answered"]),
            "recommended": count(fact["recommended"]),
        }
    return ""


def explained(row):
    """The components of RegionRisk ROW: label, value text ("Tidak ada data" when missing),
    weight, points in the score and what it was made of."""
    out = []
    for name in COMPONENTS:
        value = row.components.get(name)
        fact = row.facts.get(name, {})
        out.append(
            {
                "name": name,
                "label": COMPONENT_LABELS[name],
                "value": value,
                "text": number(value) if value is not None else _("No data"),
                "missing": value is None,
                "weight": number(fact.get("weight", 0)),
                "points": number(fact.get("points")) if value is not None else None,
                "made_of": made_of(name, fact),
            }
        )
    return out


def unreached(row):
    """(agencies outreach never reached, named, largest first; how many in all)."""
    fact = row.facts.get("prevention", {}) if row is not None else {}
    return fact.get("unreached", []), fact.get("unreached_agencies", 0)


def ikp_fictional(rows):
    """Whether any of the RegionRisk ROWS was computed from fictional IKP values (the demo's)."""
    return any(row.facts.get("ikp", {}).get("fictional") for row in rows if row is not None)


def score_band(score):
    name = band(score)
    return {"name": name, "label": BAND_LABELS[name]} if name else None


def figures_key(region):
    """The (level, code) of REGION's RegionFigures row."""
    if region.level == Region.Level.PROVINCE:
        return RegionFigures.Level.PROVINCE, region.code
    return RegionFigures.Level.REGENCY, region.code


def overdue_steps(overdue):
    order = list(STATE_LABELS)
    return [
        {"state": state, "label": STATE_LABELS.get(state, state), "count": n}
        for state, n in sorted(
            overdue.items(),
            key=lambda item: (-item[1], order.index(item[0]) if item[0] in order else 99),
        )
        if n
    ]


def compliance_rows(compliance, names):
    """The PPKs' follow-up (RegionFigures.compliance), the most unanswered first."""
    rows = []
    for government, row in compliance.items():
        recommended, answered = row["recommended"], row["answered"]
        rows.append(
            {
                "code": government,
                "name": names.get(government) or _("Unknown government"),
                "recommended": recommended,
                "answered": answered,
                "unanswered": recommended - answered,
                "percent": round(answered * 100 / recommended) if recommended else None,
                "median": funnel.median(row.get("days", {})),
            }
        )
    rows.sort(key=lambda r: (-r["unanswered"], -r["recommended"], r["name"]))
    return rows


# The period.


def parse_period(start_text, end_text, today):
    """(start, end) from the ?dari= and ?sampai= texts (YYYY-MM-DD); both absent: this month
    up to TODAY. PeriodError, with the reason in the user's language, when they cannot be
    read or make no period a report covers."""
    start_text, end_text = (start_text or "").strip(), (end_text or "").strip()
    if not start_text and not end_text:
        return today.replace(day=1), today
    if not start_text or not end_text:
        raise PeriodError(_("Give both dates of the period: from (dari) and to (sampai)."))
    days = []
    for text in (start_text, end_text):
        try:
            day = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise PeriodError(
                _("“%(text)s” is not a date. Write dates as YYYY-MM-DD, e.g. 2024-11-01.")
                % {"text": text[:40]}
            )
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise PeriodError(
                _("Dates must lie between the years %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        days.append(day)
    start, end = days
    if start > end:
        raise PeriodError(_("The period must start on or before the day it ends."))
    if start > today:
        raise PeriodError(_("The period starts in the future: nothing has happened in it yet."))
    if (end - start).days + 1 > MAX_DAYS:
        raise PeriodError(
            _("A report covers at most %(days)s days; choose a shorter period.")
            % {"days": MAX_DAYS}
        )
    return start, end


def _moment(day):
    return datetime.combine(day, clock_time.min, tzinfo=timezone.get_current_timezone())


def _bounds(start, end):
    """The period from START's midnight to the midnight after END (TIME_ZONE)."""
    return _moment(start), _moment(end + timedelta(days=1))


def _region_facts(region):
    if region.level == Region.Level.PROVINCE:
        return CaseFact.objects.filter(province_code=region.code)
    return CaseFact.objects.filter(region_code=region.code)


def _active_q(low, high, prefix=""):
    """Facts with a moment of the funnel in [LOW, HIGH)."""
    where = Q()
    for column in MOMENTS:
        where |= Q(**{f"{prefix}{column}__gte": low, f"{prefix}{column}__lt": high})
    return where


def elections_of(region, start, end, wanted=None):
    """The elections the report of REGION for START..END covers: WANTED if given; else those
    with a case of the region that moved in the period, newest voting day first; else the
    newest election whose risk was computed for the region (the report still shows the risk)."""
    if wanted is not None:
        return [wanted]
    low, high = _bounds(start, end)
    ids = set(
        _region_facts(region)
        .filter(_active_q(low, high))
        .values_list("election_id", flat=True)
        .distinct()
    )
    if ids:
        return list(Election.objects.filter(pk__in=ids).order_by("-voting_date"))
    computed = RegionRisk.objects.filter(region=region).values("election_id")
    latest = Election.objects.filter(pk__in=computed).order_by("-voting_date").first()
    return [latest] if latest is not None else []


# The sections of one election.


def _funnel(cohort, moved):
    counts = funnel.of_cases(cohort, timezone.now())["counts"]
    received = counts.get("received", 0)
    return [
        {
            "stage": stage,
            "label": STAGE_LABELS[stage],
            "count": counts.get(stage, 0),
            "percent": round(counts.get(stage, 0) * 100 / received) if received else None,
            "moved": moved.get(stage, 0),
        }
        for stage in funnel.STAGE_NAMES
    ]


def _moved(facts, low, high):
    """Stage -> the region's cases (of any period) that reached it in [LOW, HIGH)."""
    out = {}
    for stage, column in funnel.STAGES:
        out[stage] = sum(1 for f in facts if f[column] is not None and low <= f[column] < high)
    return out


def _bands(election, start, end):
    stages = {s.code: s for s in election.stages.filter(code__in=CALENDAR)}
    bands = []
    for code in CALENDAR:
        stage = stages.get(code)
        if code == "voting":
            first = last = election.voting_date
            label = stage.name if stage else _("Voting day")
        elif stage is not None:
            first, last, label = stage.start, stage.end, stage.name
        else:
            continue
        if last >= start and first <= end:
            bands.append(charts.Band(code, label, max(first, start), min(last, end)))
    return bands


def _trend(cohort, election, start, end):
    counts = {start: 0, end: 0}  # the axis spans the whole period
    for fact in cohort:
        day = timezone.localtime(fact["received_at"]).date()
        counts[day] = counts.get(day, 0) + 1
    total = len(cohort)
    svg = charts.weekly_trend(
        counts,
        bands=_bands(election, start, end),
        title=_("Cases received per week"),
        desc=_("Columns: the cases received in each week of the period, %(total)s in all.")
        % {"total": count(total)},
        series_label=_("Cases received per week"),
        empty_text=_("No case received in the period."),
        ident=f"tren-{election.pk}",
        number=count,
        day_label=day_text,
        month_label=lambda day: formats.date_format(day, "M Y"),
    )
    return mark_safe(svg)  # noqa: S308 (charts.py escapes every text it writes)


def _map(region, election, names):
    """The province's regencies and cities by risk score: the SVG and the same scores as rows."""
    province = region.code[:2]
    rows = list(
        RegionRisk.objects.filter(election=election, region__code__startswith=province + ".")
        .exclude(region__level=Region.Level.DISTRICT)
        .select_related("region")
        .order_by("region__code")
    )
    values = {row.region.code: row.score for row in rows}
    place = names.get(province, province)
    svg = tilemap.render(
        "regency",
        values,
        names={code: name for code, name in names.items() if code.startswith(province + ".")},
        href=None,
        title=_("Map of %(place)s: risk score") % {"place": place},
        description=_(
            "One tile per regency and city; the darker the tile, the higher the risk score "
            "(0 to 100). The table beside the map gives the same scores."
        ),
        legend_title=_("Risk score"),
        province=province,
        no_data_label=_("No data"),
        breaks=MAP_BREAKS,
        number_format=number,
        id_prefix=f"laporan-{election.pk}-{province}",
    )
    table = [
        {
            "code": row.region.code,
            "name": row.region.name,
            "score": number(row.score),
            "here": row.region.code == region.code,
        }
        for row in sorted(rows, key=lambda r: (r.score is None, -(r.score or 0), r.region.code))
    ]
    return mark_safe(svg), table, place  # noqa: S308 (tilemap escapes every name and text)


def _section(region, election, start, end, facts, names):
    low, high = _bounds(start, end)
    cohort = [f for f in facts if low <= f["received_at"] < high]
    level, code = figures_key(region)
    figures = RegionFigures.objects.filter(election_id=election.pk, level=level, code=code).first()
    overdue = figures.overdue if figures else {}
    compliance = figures.compliance if figures else {}
    row = RegionRisk.objects.filter(election=election, region=region).first()
    map_svg, map_table, province = _map(region, election, names)
    agencies, unreached_count = unreached(row)
    return {
        "election": election,
        "received": len(cohort),
        "funnel": _funnel(cohort, _moved(facts, low, high)),
        "trend_svg": _trend(cohort, election, start, end),
        "map_svg": map_svg,
        "map_table": map_table,
        "province": province,
        "risk": row,
        "score": number(row.score) if row is not None else None,
        "band": score_band(row.score) if row is not None else None,
        "components": explained(row) if row is not None else [],
        "missing": [str(COMPONENT_LABELS[name]) for name in row.missing] if row is not None else [],
        "computed": as_of_text(row.computed_at) if row is not None else "",
        "fictional": ikp_fictional([row]),
        "unreached": agencies[:UNREACHED_SHOWN],
        "unreached_more": max(0, unreached_count - min(len(agencies), UNREACHED_SHOWN)),
        "has_figures": figures is not None,
        "overdue_steps": overdue_steps(overdue),
        "overdue_total": sum(overdue.values()),
        "cohort_overdue": sum(
            1
            for f in cohort
            if f["state"] == "ppk_overdue" or (f["due_at"] is not None and f["due_at"] < high)
        ),
        "compliance": compliance_rows(compliance, names),
    }


def context(region, start, end, *, election=None, now=None):
    """Everything the report of REGION for START..END shows (ELECTION: only that one)."""
    now = now or timezone.now()
    elections = elections_of(region, start, end, election)
    codes = {region.code, region.code[:2]}
    sections = []
    for chosen in elections:
        facts = list(_region_facts(region).filter(election_id=chosen.pk).values(*FACT_COLUMNS))
        figures = RegionFigures.objects.filter(election_id=chosen.pk, code__in=codes).values_list(
            "compliance", flat=True
        )
        governments = {g for compliance in figures for g in compliance}
        names = dict(
            Region.objects.filter(
                Q(code__in=codes | governments) | Q(code__startswith=region.code[:2] + ".")
            )
            .exclude(level=Region.Level.DISTRICT)
            .values_list("code", "name")
        )
        sections.append(_section(region, chosen, start, end, facts, names))
    return {
        "region": region,
        "level_label": region.get_level_display(),
        "start": day_text(start),
        "end": day_text(end),
        "made": as_of_text(now),
        "sections": sections,
        "fictional": any(section["fictional"] for section in sections),
    }


def html(region, start, end, *, election=None, now=None):
    """The report's HTML (a whole document), in Indonesian."""
    with translation.override("id"):
        data = context(region, start, end, election=election, now=now)
        return render_to_string("risk/report.html", data)


def make(region, start, end, *, election=None, now=None):
    """The report of REGION for START..END as PDF bytes. Render outside any transaction."""
    return pdf.render(html(region, start, end, election=election, now=now))


def filename(region, start, end):
    return f"laporan-risiko-{region.code}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"


# The monthly job.


def last_month(now):
    """(first day, last day) of the month before NOW's (TIME_ZONE)."""
    end = timezone.localdate(now).replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def active_regions(start, end):
    """The provinces, regencies and cities with a case that moved between START and END: the
    office that handles it, and its province."""
    low, high = _bounds(start, end)
    rows = (
        CaseFact.objects.filter(_active_q(low, high))
        .values_list("region_code", "province_code")
        .distinct()
    )
    codes = set()
    for office, province in rows:
        codes.update({office, province})
    return list(Region.objects.filter(code__in=codes, level__in=LEVELS).order_by("code"))


def _worker():
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def claim(region, start, end, now, worker=""):
    """True if this caller may draw the report of REGION for START..END: it inserted the
    report's row, or took over a claim older than LEASE whose file never came."""
    try:
        with transaction.atomic():
            PeriodicReport.objects.create(
                region=region, start=start, end=end, claimed_at=now, worker=worker
            )
        return True
    except IntegrityError:
        return bool(
            PeriodicReport.objects.filter(
                region=region,
                start=start,
                end=end,
                made_at__isnull=True,
                claimed_at__lt=now - LEASE,
            ).update(claimed_at=now, worker=worker)
        )


def _store(region, start, end, data, now, worker):
    name = default_storage.save(
        f"{FOLDER}/{start:%Y-%m}/{filename(region, start, end)}", ContentFile(data)
    )
    kept = PeriodicReport.objects.filter(
        region=region, start=start, end=end, made_at__isnull=True, worker=worker
    ).update(made_at=timezone.now(), file=name, size=len(data), error="")
    if not kept:  # another worker took the claim over meanwhile and stored its own
        default_storage.delete(name)
    return bool(kept)


def make_monthly_reports(now=None, budget=BUDGET):
    """Draw last month's report of each region with activity that has none yet, claiming
    each first, for about BUDGET (at least one report; the next run goes on); returns how many
    were made."""
    now = now or timezone.now()
    start, end = last_month(now)
    done = set(
        PeriodicReport.objects.filter(start=start, end=end, made_at__isnull=False).values_list(
            "region_id", flat=True
        )
    )
    worker = _worker()
    deadline = time.monotonic() + budget.total_seconds()
    made, tried = 0, False
    for region in active_regions(start, end):
        if region.pk in done:
            continue
        if tried and time.monotonic() > deadline:
            break  # the next run goes on
        if not claim(region, start, end, now, worker):
            continue
        tried = True
        try:
            data = make(region, start, end, now=now)
        except Exception as error:  # one region's failure must not stop the others
            logger.error("periodic report of %s failed: %s", region.code, error)
            # Kept claimed: tried again once the lease has run out.
            PeriodicReport.objects.filter(
                region=region, start=start, end=end, made_at__isnull=True, worker=worker
            ).update(error="".join(traceback.format_exception(error))[:10000])
            continue
        made += _store(region, start, end, data, now, worker)
    return made

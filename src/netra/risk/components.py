"""The components of each region's risk in an election: the raw fact each is made from and its
value from 0 (least risk) to 100 (most), for every regency and city of the election and for
every province (the province's figures gather its regencies', cities' and own office's).

- ``ikp``: the region's score in the election's newest IKP release (a province without a row
  of its own: the mean of its regencies' and cities' rows);
- ``prevention``: 100 x the share of the region's active civil servants that no outreach of
  the election reached (as prevention/coverage.py counts them), with the agencies never
  reached; none without a roster;
- ``flags``: monitoring flags not dismissed, of posts received during the election's stages,
  per 10,000 civil servants on the roster (RosterCount, as the statistics count them);
- ``reports``: cases that came from the public (a report, or information adopted as a
  finding: CaseFact's source) per 10,000 civil servants;
- ``overdue``: handling steps past their deadline per case (RegionFigures);
- ``ppk``: 100 x the share of BKN's recommendations to the region's PPK still unanswered.

The rates become percentile ranks among the regions of the same level (regencies and cities
together, provinces together), with two rules of this module: a region where nothing was
recorded (a rate of 0) ranks 0, not in the middle of the many others with none; and a rate
recorded nowhere in the election (no flag at all, say: monitoring is not running there) is
no data for every region, rather than the same rank for all.

Every component is one set-based query over the whole election (plus the reference look-ups),
whatever the number of regions: the case tables are never read, only the insights summaries.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db.models import Count, Max, Min
from django.utils import timezone

from netra.insights.models import CaseFact, RegionFigures, RosterCount
from netra.monitoring.models import Flag
from netra.people.models import Agency, Employee
from netra.prevention.models import Attendance
from netra.regions.models import Region

from .models import IkpRelease, IkpScore
from .score import COMPONENTS, percentiles

PER = 10_000  # rates per 10,000 civil servants on the roster
UNREACHED_NAMED = 10  # agencies never reached named in a region's explanation, largest first
PUBLIC_SOURCES = ("report", "adopted")  # Case.Source: a public report, public information
LEVELS = (Region.Level.PROVINCE, Region.Level.REGENCY, Region.Level.CITY)
#: Bands of the score, from the highest: (lowest score of the band, band). Roughly thirds of
#: the scale, in whole points, named as the IKP's own categories (rendah, sedang, tinggi).
BANDS = ((67, "high"), (34, "medium"), (0, "low"))


def band(score):
    """The band (high, medium, low) of a score, None for no score."""
    if score is None:
        return None
    return next(name for lowest, name in BANDS if score >= lowest)


def regions_of(election):
    """The provinces, regencies and cities taking part in ELECTION, by code: every one of a
    national election; else those it lists, the provinces around them and the regencies and
    cities inside a listed province (as the public statistics count membership)."""
    regions = Region.objects.filter(level__in=LEVELS).only("id", "code", "name", "level")
    if not election.national:
        listed = set(election.regions.values_list("code", flat=True))
        provinces = {code[:2] for code in listed}
        regions = [
            r for r in regions if r.code in listed or r.code in provinces or r.code[:2] in listed
        ]
    return {region.code: region for region in regions}


def _office(code):
    """The regency or city of a region code (a district's is its regency's); a province's own
    code for its provincial office."""
    return code[:5] if len(code) >= 5 else code


def _is_province(code):
    return len(code) == 2


def compute(election, regions=None):
    """{code: {"values": component -> 0..100 or None, "facts": component -> dict}} for every
    region of ELECTION (REGIONS: regions_of(election), if the caller has it). The facts are
    what the explanation says: the raw figures, or a `reason` where there is no data."""
    regions = regions_of(election) if regions is None else regions
    roster = dict(RosterCount.objects.values_list("code", "employees"))
    components = {
        "ikp": _ikp(election, regions),
        "prevention": _prevention(election, regions),
        "flags": _rate(regions, roster, _flag_counts(election)),
        "reports": _rate(regions, roster, _report_counts(election)),
        **_figures(election, regions),
    }
    return {
        code: {
            "values": {name: components[name][code][0] for name in COMPONENTS},
            "facts": {name: components[name][code][1] for name in COMPONENTS},
        }
        for code in regions
    }


# The IKP.


def _ikp(election, regions):
    release = IkpRelease.objects.filter(election=election).first()
    if release is None:
        return {code: (None, {"reason": "no_release"}) for code in regions}
    about = {
        "release": release.pk,
        "source": release.source,
        "published_on": release.published_on.isoformat() if release.published_on else None,
        "fictional": release.fictional,
    }
    scores = {
        code: (float(score), category)
        for code, score, category in IkpScore.objects.filter(release=release).values_list(
            "region__code", "score", "category"
        )
    }
    out = {}
    for code in regions:
        if code in scores:
            score, category = scores[code]
            out[code] = (score, {**about, "score": score, "category": category})
        elif _is_province(code):
            inside = [s for c, (s, _cat) in scores.items() if c.startswith(code + ".")]
            if inside:
                mean = round(sum(inside) / len(inside), 2)
                out[code] = (mean, {**about, "score": mean, "from_regions": len(inside)})
            else:
                out[code] = (None, {**about, "reason": "not_in_release"})
        else:
            out[code] = (None, {**about, "reason": "not_in_release"})
    return out


# Prevention.


def _prevention(election, regions):
    """Active employees per region and agency, and those an outreach event of the election
    reached (attended, matched or confirmed: coverage.py's rule), in two grouped queries. The
    reached ones are a semi-join in the WHERE clause: as a FILTER beside the total, PostgreSQL
    ran the attendance subquery once per employee (8 minutes and more at 5,000,000 employees
    and 2,500,000 attendance rows)."""
    reached = Attendance.objects.filter(
        status__in=Attendance.COUNTED,
        attended=True,
        employee__isnull=False,
        event__election=election,
    ).values("employee_id")
    active = Employee.objects.filter(active=True)
    code_of = dict(Region.objects.values_list("id", "code"))
    # (region code, agency id) -> [total, reached], for the regencies and for the provinces.
    groups = defaultdict(lambda: [0, 0])
    for index, queryset in enumerate((active, active.filter(id__in=reached))):
        counted = queryset.values("region_id", "agency_id").annotate(n=Count("id")).order_by()
        for row in counted:
            code = _office(code_of.get(row["region_id"], ""))
            for key in {code, code[:2]}:
                if key in regions:
                    groups[(key, row["agency_id"])][index] += row["n"]
    totals = defaultdict(lambda: [0, 0])
    unreached = defaultdict(list)
    agencies = defaultdict(int)
    for (code, agency), (total, got) in groups.items():
        totals[code][0] += total
        totals[code][1] += got
        if agency is not None:
            agencies[code] += 1
            if not got:
                unreached[code].append((total, agency))
    names = dict(Agency.objects.values_list("id", "name")) if unreached else {}
    out = {}
    for code in regions:
        total, got = totals.get(code, (0, 0))
        if not total:
            out[code] = (None, {"reason": "no_roster"})
            continue
        never = sorted(unreached.get(code, []), key=lambda item: (-item[0], names.get(item[1], "")))
        out[code] = (
            100 * (total - got) / total,
            {
                "employees": total,
                "reached": got,
                "agencies": agencies.get(code, 0),
                "unreached_agencies": len(never),
                "unreached_employees": sum(size for size, _agency in never),
                "unreached": [names.get(agency, "") for _size, agency in never[:UNREACHED_NAMED]],
            },
        )
    return out


# Flags and reports per 10,000 civil servants.


def _window(election):
    """The moments of the election's stages, from the first day of the first to the last day
    of the last (a year before voting to a month after where it has no stages)."""
    span = election.stages.aggregate(first=Min("start"), last=Max("end"))
    first = span["first"] or election.voting_date - timedelta(days=365)
    last = span["last"] or election.voting_date + timedelta(days=30)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone),
    )


def _flag_counts(election):
    """Flags not dismissed, of posts received during the election, per region code."""
    start, end = _window(election)
    counts = (
        Flag.objects.exclude(status=Flag.Status.DISMISSED)
        .filter(region__isnull=False, text__received_at__gte=start, text__received_at__lt=end)
        .values_list("region__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    return _by_office(counts)


def _report_counts(election):
    """Cases of the election that came from the public, per office."""
    counts = (
        CaseFact.objects.filter(election_id=election.pk, source__in=PUBLIC_SOURCES)
        .values_list("region_code")
        .annotate(n=Count("id"))
        .order_by()
    )
    return _by_office(counts)


def _by_office(counts):
    """COUNTS ((code, n) pairs) summed per regency or city and per province."""
    out = defaultdict(int)
    for code, n in counts:
        office = _office(code)
        out[office] += n
        if not _is_province(office):
            out[office[:2]] += n
    return out


def _rate(regions, roster, counts):
    rates, facts = {}, {}
    for code in regions:
        employees = roster.get(code, 0)
        if not employees:
            rates[code], facts[code] = None, {"reason": "no_roster"}
            continue
        count = counts.get(code, 0)
        rates[code] = count * PER / employees
        facts[code] = {"count": count, "employees": employees, "rate": round(rates[code], 2)}
    if not any(counts.get(code, 0) for code in regions if rates[code] is not None):
        # Recorded nowhere: nothing tells one region from another.
        return {
            code: (None, {"reason": "none_recorded"} if rates[code] is not None else facts[code])
            for code in regions
        }
    return _ranked(regions, rates, facts)


def _ranked(regions, rates, facts):
    """The values of RATES (code -> number or None) as percentile ranks within each level, a
    rate of 0 ranking 0; each fact gets `among`, how many regions of the level have a rate,
    `lower`, how many of them have a lower one, and `above`, that as a share of the others."""
    out = {}
    for provinces in (True, False):
        level = {c: r for c, r in rates.items() if _is_province(c) == provinces}
        ranks = percentiles(level)
        known = sorted(r for r in level.values() if r is not None)
        for code, rate in level.items():
            if rate is None:
                out[code] = (None, facts[code])
                continue
            lower = sum(1 for r in known if r < rate)
            fact = dict(facts[code], among=len(known), lower=lower)
            if len(known) > 1:
                fact["above"] = round(100 * lower / (len(known) - 1))
            out[code] = (0.0 if rate == 0 else ranks[code], fact)
    return {code: out[code] for code in regions}


# Overdue steps and PPK follow-up, from the statistics' summaries.


def _figures(election, regions):
    rows = RegionFigures.objects.filter(election_id=election.pk).values_list(
        "level", "code", "counts", "overdue", "compliance"
    )
    rates, facts = {}, {}
    compliance = {}
    for level, code, counts, overdue, answers in rows:
        if level == RegionFigures.Level.NATIONAL:
            compliance = answers
            continue
        cases = counts.get("received", 0)
        if code in regions and cases:
            late = sum(overdue.values())
            rates[code] = late / cases
            facts[code] = {"overdue": late, "cases": cases, "per_case": round(late / cases, 3)}
    for code in regions:
        if code not in rates:
            rates[code], facts[code] = None, {"reason": "no_cases"}
    return {"overdue": _ranked(regions, rates, facts), "ppk": _ppk(regions, compliance)}


def _ppk(regions, compliance):
    """From the nation's PPK table (government code -> recommended, answered): a regency's or
    city's own government, a province's government and those of its regencies and cities."""
    totals = defaultdict(lambda: [0, 0, 0])
    for government, row in compliance.items():
        if not government:
            continue
        for code in {government, government[:2]}:
            totals[code][0] += row["recommended"]
            totals[code][1] += row["answered"]
            totals[code][2] += 1
    out = {}
    for code in regions:
        recommended, answered, governments = totals.get(code, (0, 0, 0))
        if not recommended:
            out[code] = (None, {"reason": "no_recommendations"})
            continue
        fact = {"recommended": recommended, "answered": answered}
        if _is_province(code):
            fact["governments"] = governments
        out[code] = (100 * (recommended - answered) / recommended, fact)
    return out

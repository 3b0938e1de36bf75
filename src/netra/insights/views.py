"""The public statistics pages: an election's figures for the nation, a province and a regency
(the enforcement funnel, the days between its stages, a tile map with the same numbers as a
table, the conduct most reported and the PPKs' follow-up), the notice board of registered
reports and findings, and the data dictionary.

They read the suppressed public table (public.public_table, cached until the summaries
change) and CaseFact only, never the case tables: a page costs the same few queries whatever
the number of cases. The public table is shared by every request, so nothing here changes
its rows; the pages get their own dicts.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from netra.cases import workflow as wf
from netra.lib.calendar import TIMEZONES, format_date_en, format_date_id
from netra.regions.models import Election, ReferenceDataset, Region
from netra.sanctions.rules import shipped_catalog

from . import public, tilemap
from .exports import FORMATS
from .models import CaseFact, RefreshMark, RegionFigures
from .suppression import SHOWN, SMALL

#: The funnel's counts in order, by their public field names, with their labels.
FUNNEL = (
    ("reports", gettext_lazy("Reports and findings")),
    ("registered", gettext_lazy("Registered")),
    ("violations", gettext_lazy("Proven violations")),
    ("forwarded", gettext_lazy("Forwarded to BKN")),
    ("recommended", gettext_lazy("Recommended by BKN")),
    ("followed_up", gettext_lazy("Followed up by the PPK")),
    ("sanctioned", gettext_lazy("Sanction imposed")),
)
FUNNEL_LABELS = dict(FUNNEL)
DEFAULT_INDICATOR = "reports"
PER = "10000"  # ?per=10000: the map and its table per 10,000 civil servants on the roster
#: The days between two stages (funnel.TIMED), by the later stage.
MEDIANS = (
    ("registered", gettext_lazy("From receipt to registration")),
    ("violation", gettext_lazy("From registration to a proven violation")),
    ("forwarded", gettext_lazy("From a proven violation to forwarding to BKN")),
    ("recommended", gettext_lazy("From forwarding to BKN's recommendation")),
    ("decided", gettext_lazy("From BKN's recommendation to the PPK's decree")),
)
KINDS_SHOWN = 10
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LEVEL_LABELS = (
    ("province", gettext_lazy("Per province")),
    ("regency", gettext_lazy("Per regency and city")),
)

#: The notice board: rows per page, and how deep plain paging goes (narrow by region beyond).
BOARD_PAGE_SIZE = 50
BOARD_MAX_PAGES = 20
IN_PROGRESS = gettext_lazy("Being handled")
FORWARDED_NEUTRALITY = gettext_lazy("Civil servant neutrality violation, forwarded")
BOARD_STATUS = {
    wf.REGISTERED: IN_PROGRESS,
    wf.CLARIFICATION: IN_PROGRESS,
    wf.STUDY: IN_PROGRESS,
    wf.NO_VIOLATION: gettext_lazy("Not a violation"),
    wf.ELECTION_CRIME: gettext_lazy("Forwarded to Gakkumdu"),
    wf.ADMINISTRATIVE: gettext_lazy("Administrative violation"),
    wf.OTHER_LAW: FORWARDED_NEUTRALITY,
    wf.FORWARDED: FORWARDED_NEUTRALITY,
    wf.BKN_VERIFICATION: FORWARDED_NEUTRALITY,
    wf.RECOMMENDED: FORWARDED_NEUTRALITY,
    wf.FOLLOWED_UP: FORWARDED_NEUTRALITY,
    wf.PPK_OVERDUE: FORWARDED_NEUTRALITY,
    wf.CLOSED: gettext_lazy("Completed"),
}


def _english():
    return (get_language() or "id").startswith("en")


def _number(value):
    """A count or a rate as the language writes it (1.234 and 0,35; 1,234 and 0.35)."""
    if isinstance(value, float) and not value.is_integer():
        places = 1 if round(value, 1) == value else 2
        return number_format(value, decimal_pos=places, force_grouping=True)
    return number_format(int(value), force_grouping=True)


def _cell_text(cell):
    """What a page shows of a public cell: the count, "<5", "x", or that there is no data."""
    if cell is None or cell.status == "none":
        return _("No data")
    if cell.status == SHOWN:
        return _number(cell.value)
    return cell.text  # "<5" or "x": the same marks as the open data


def _cell(cell):
    return {
        "text": _cell_text(cell),
        "status": "none" if cell is None else cell.status,
        "value": cell.value if cell is not None and cell.status == SHOWN else None,
    }


def _median_text(cell):
    if cell is None or cell.status == "none":
        return _("No data")
    if cell.status == SMALL:
        return _("<5 cases")
    if cell.suppressed:
        return cell.text  # "x": hidden with the total beside it
    return ngettext("%(days)s day", "%(days)s days", cell.value) % {"days": _number(cell.value)}


def as_of_text(moment):
    """When the figures were made, as people write it: "Senin, 7 Desember 2026 10.15 WIB"
    (in English "Monday, 7 December 2026 10:15 WIB")."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    zone = next(
        (name for name, iana in TIMEZONES.items() if iana == str(local.tzinfo)),
        local.tzname() or "",
    )
    if _english():
        return f"{format_date_en(local.date())} {local:%H:%M} {zone}".strip()
    return f"{format_date_id(local.date())} {local:%H.%M} {zone}".strip()


def _kind_labels():
    key = "label_en" if _english() else "label_id"
    return {kind: entry[key] for kind, entry in shipped_catalog().kinds.items()}


def _elections_with_figures():
    """The elections that have figures, the most recent first (one query)."""
    return list(Election.objects.filter(pk__in=RegionFigures.objects.values("election_id")))


def _chosen(request):
    """(the elections to choose from, the chosen one or None, whether it has figures):
    ?pemilihan=<code>, else the most recent election with figures. An unknown code is a page
    that does not exist. An election none of whose cases has been summed yet has no figures:
    its pages say so rather than show zeros that would read as "no reports" (Netra knows only
    the cases handled in it)."""
    elections = _elections_with_figures()
    code = request.GET.get("pemilihan", "").strip()
    if not code:
        return elections, (elections[0] if elections else None), bool(elections)
    chosen = next((e for e in elections if e.code == code), None)
    if chosen is not None:
        return elections, chosen, True
    chosen = Election.objects.filter(code=code).first()
    if chosen is None:
        raise Http404
    return [*elections, chosen], chosen, False


def _options(request):
    """The map's indicator and whether it is per 10,000 civil servants."""
    indicator = request.GET.get("indikator", DEFAULT_INDICATOR)
    if indicator not in FUNNEL_LABELS:
        indicator = DEFAULT_INDICATOR
    return indicator, request.GET.get("per") == PER


def _query(election, indicator=DEFAULT_INDICATOR, per=False):
    params = {"pemilihan": election.code}
    if indicator != DEFAULT_INDICATOR:
        params["indikator"] = indicator
    if per:
        params["per"] = PER
    return "?" + urlencode(params)


def _region_url(code, query):
    return reverse("insights:region", args=[code]) + query


def _funnel(row):
    cells = [(name, label, row.cells.get(name)) for name, label in FUNNEL]
    top = max((c.value for _n, _l, c in cells if c is not None and c.status == SHOWN), default=0)
    steps = []
    for name, label, cell in cells:
        shown = _cell(cell)
        # Only a shown count gets a bar: a bar for "<5" or "x" would tell its size. The bar
        # is an SVG rect (an attribute, not an inline style, which the content policy forbids)
        # on a 0-100 scale, never written the Indonesian way (42,5).
        width = None
        if shown["value"] is not None and top:
            share = max(0.5, round(shown["value"] * 100 / top, 1)) if shown["value"] else 0
            width = f"{share:g}"
        steps.append({"field": name, "label": label, "width": width, **shown})
    return steps


def _medians(row):
    return [
        {"label": label, "text": _median_text(row.medians.get(stage)), "stage": stage}
        for stage, label in MEDIANS
    ]


def _kinds(row):
    labels = _kind_labels()
    return [
        {"label": labels.get(kind, label), **_cell(cell)}
        for kind, label, cell in row.kinds[:KINDS_SHOWN]
    ]


def _map_value(row, indicator, per):
    """A tile's value: the count (or its rate), "<5" or "x" for a suppressed count, None for
    no data. A rate is only given where the count itself is shown."""
    cell = row.cells.get(indicator)
    if cell is None or cell.status == "none":
        return None
    if cell.suppressed:
        return cell.text
    if per:
        return row.rate(indicator)
    return cell.value


def _map(rows, level, indicator, per, query, *, province=None, place, nonce):
    """The tile map (SVG, escaped by tilemap) and its rows as a table, the same numbers."""
    values = {row.code: _map_value(row, indicator, per) for row in rows}
    label = FUNNEL_LABELS[indicator]
    unit = _("per 10,000 civil servants") if per else _("cases")
    what = _("provinces") if level == "province" else _("regencies and cities")
    svg = tilemap.render(
        level,
        values,
        names={row.code: row.name for row in rows},
        href=lambda code: _region_url(code, query),
        title=_("Map of %(place)s: %(indicator)s") % {"place": place, "indicator": label},
        description=_(
            "One tile per %(what)s; the darker the tile, the higher the figure. The table "
            "beside the map gives the same figures."
        )
        % {"what": what},
        unit_label=unit,
        legend_title=_("Legend"),
        province=province,
        no_data_label=_("No data"),
        special_labels={
            public.SMALL_TEXT: _("<5: 1 to 4 cases"),
            public.HIDDEN_TEXT: _("x: hidden"),
        },
        number_format=_number,
        id_prefix=f"peta-{level}-{province or 'id'}",
        nonce=nonce,
    )
    table = []
    for row in rows:
        if not row.in_election:
            continue
        cell = row.cells.get(indicator)
        rate = row.rate(indicator) if per else None
        table.append(
            {
                "code": row.code,
                "name": row.name,
                "url": _region_url(row.code, query),
                "count": _cell(cell),
                "rate": _number(rate) if rate is not None else None,
            }
        )
    return mark_safe(svg), table  # noqa: S308  (tilemap escapes every name, text and link)


def _indicators():
    return [{"value": name, "label": label} for name, label in FUNNEL]


def _common(request, elections, election, table, indicator, per):
    return {
        "elections": elections,
        "election": election,
        "as_of": as_of_text(table.as_of),
        "as_of_iso": table.as_of.isoformat() if table.as_of else "",
        "indicator": indicator,
        "indicator_label": FUNNEL_LABELS[indicator],
        "indicators": _indicators(),
        "per": per,
        "query": _query(election, indicator, per) if election else "",
        "election_query": _query(election) if election else "",
        "levels": LEVEL_LABELS,
        "formats": FORMATS,
        "licence_url": _licence_url(),
        "min_median": public.MIN_CASES_FOR_MEDIAN,
    }


def _licence_url():
    return LICENCE_URL + ("deed.en" if _english() else "deed.id")


def statistics(request):
    """The national figures of an election, with the province map."""
    elections, election, figured = _chosen(request)
    indicator, per = _options(request)
    if not figured:
        return render(
            request,
            "insights/statistics.html",
            {"elections": elections, "election": election, "no_figures": election is not None},
        )
    table = public.public_table(election)
    context = _common(request, elections, election, table, indicator, per)
    nation = table.nation
    provinces = sorted(table.provinces.values(), key=lambda row: row.code)
    svg, rows = _map(
        provinces,
        "province",
        indicator,
        per,
        context["query"],
        place=_("Indonesia"),
        nonce=request.csp_nonce,
    )
    context.update(
        row=nation,
        funnel=_funnel(nation),
        medians=_medians(nation),
        kinds=_kinds(nation),
        map_svg=svg,
        map_rows=rows,
        map_rows_left_out=len(provinces) - len(rows),
        compliance=[
            {
                "name": entry.name,
                "url": _region_url(entry.code, context["query"]) if table.row(entry.code) else None,
                "recommended": _cell(entry.cells.get("recommended")),
                "answered": _cell(entry.cells.get("answered")),
                "median": _median_text(entry.median_days_to_decree),
            }
            for entry in table.compliance
        ],
    )
    return render(request, "insights/statistics.html", context)


def region(request, code):
    """A province's figures with its regencies' map, or a regency's figures."""
    elections, election, figured = _chosen(request)
    if not figured:
        # No figures yet (at all, or for this election): a real region's page says so (the
        # region pages link here).
        place = Region.objects.filter(code=code).exclude(level=Region.Level.DISTRICT).first()
        if place is None:
            raise Http404
        return render(
            request,
            "insights/region.html",
            {"elections": elections, "election": election, "row": place, "no_figures": True},
        )
    indicator, per = _options(request)
    table = public.public_table(election)
    row = table.row(code)
    if row is None:
        raise Http404
    context = _common(request, elections, election, table, indicator, per)
    province = table.row(code[:2]) if row.level == "regency" else None
    context.update(
        row=row,
        province=province,
        province_url=_region_url(province.code, context["query"]) if province else None,
        funnel=_funnel(row),
        medians=_medians(row),
        kinds=_kinds(row),
        public_region_url=reverse("prevention:public_region", args=[code]),
    )
    if row.level == "province":
        regencies = sorted(table.regencies.get(code, {}).values(), key=lambda r: r.code)
        if regencies:
            svg, rows = _map(
                regencies,
                "regency",
                indicator,
                per,
                context["query"],
                province=code,
                place=row.name,
                nonce=request.csp_nonce,
            )
            context.update(map_svg=svg, map_rows=rows, map_rows_left_out=len(regencies) - len(rows))
    compliance = next((entry for entry in table.compliance if entry.code == code), None)
    if compliance is not None:
        context["compliance"] = {
            "recommended": _cell(compliance.cells.get("recommended")),
            "answered": _cell(compliance.cells.get("answered")),
            "median": _median_text(compliance.median_days_to_decree),
        }
    return render(request, "insights/region.html", context)


def _board_regions(table):
    """The provinces, regencies and cities of the election, for the region filter."""
    choices = []
    for province in sorted(table.provinces.values(), key=lambda row: row.code):
        if not province.in_election:
            continue
        choices.append((province.code, province.name))
        for regency in sorted(
            table.regencies.get(province.code, {}).values(), key=lambda r: r.code
        ):
            if regency.in_election:
                choices.append((regency.code, f"{regency.name} — {province.name}"))
    return choices


def _page_number(request):
    try:
        number = int(request.GET.get("halaman", "1"))
    except ValueError:
        raise Http404 from None
    if not 1 <= number <= BOARD_MAX_PAGES:
        raise Http404
    return number


def notice_board(request):
    """The registered reports and findings of an election, newest first: register number,
    date, region, conduct and Bawaslu's status; never a name."""
    elections, election, _figured = _chosen(request)
    number = _page_number(request)
    context = {"elections": elections, "election": election, "page": number}
    if election is None:
        return render(request, "insights/notice_board.html", context)
    table = public.public_table(election)
    regions = _board_regions(table)
    known = dict(regions)
    prefix = request.GET.get("wilayah", "").strip()
    outside = prefix if prefix and prefix not in known else ""
    if outside:
        prefix = ""  # a region outside the election (or none): the whole election, said so
    facts = CaseFact.objects.filter(election_id=election.pk, registered_at__isnull=False).exclude(
        number=""
    )
    if len(prefix) == 2:
        facts = facts.filter(province_code=prefix)
    elif prefix:
        facts = facts.filter(region_code=prefix)
    start = (number - 1) * BOARD_PAGE_SIZE
    found = list(
        facts.order_by("-registered_at", "-case_id").values_list(
            "number", "registered_at", "region_code", "kinds", "state"
        )[start : start + BOARD_PAGE_SIZE + 1]
    )
    if number > 1 and not found:
        raise Http404  # past the last page: not "nothing registered"
    labels = _kind_labels()
    date = format_date_en if _english() else format_date_id
    entries = []
    for register_number, registered_at, code, kinds, state in found[:BOARD_PAGE_SIZE]:
        region_row = table.row(code)
        entries.append(
            {
                "number": register_number,
                "date": date(timezone.localdate(registered_at), weekday=False),
                "date_iso": timezone.localdate(registered_at).isoformat(),
                "region": region_row.name if region_row else code,
                "kinds": [labels.get(kind, kind) for kind in kinds],
                "status": BOARD_STATUS.get(state, IN_PROGRESS),
            }
        )

    def page_url(page):
        params = {"pemilihan": election.code, "halaman": page}
        if prefix:
            params["wilayah"] = prefix
        return reverse("insights:notice_board") + "?" + urlencode(params)

    more = len(found) > BOARD_PAGE_SIZE
    context.update(
        as_of=as_of_text(table.as_of),
        regions=regions,
        prefix=prefix,
        prefix_name=known.get(prefix, ""),
        outside=outside,
        entries=entries,
        previous_url=page_url(number - 1) if number > 1 else None,
        next_url=page_url(number + 1) if more and number < BOARD_MAX_PAGES else None,
        capped=more and number == BOARD_MAX_PAGES,
        listed=BOARD_PAGE_SIZE * BOARD_MAX_PAGES,
        election_query=_query(election),
    )
    return render(request, "insights/notice_board.html", context)


#: The fields of the public figures, by the names the API and the open data give them.
DICTIONARY = (
    (
        "code",
        gettext_lazy(
            "The region's Kemendagri code: two digits for a province, "
            "then a dot and two digits for a regency or city; empty for the nation."
        ),
    ),
    ("name", gettext_lazy("The region's name.")),
    (
        "in_election",
        gettext_lazy(
            "Whether the election is held in the region; where it is not, every count is empty."
        ),
    ),
    (
        "reports",
        gettext_lazy("Reports from the public and Bawaslu's own findings that became a case."),
    ),
    ("registered", gettext_lazy("Reports and findings registered for handling.")),
    (
        "violations",
        gettext_lazy("Cases Bawaslu found to be a violation of civil servant neutrality."),
    ),
    ("forwarded", gettext_lazy("Violations forwarded to BKN.")),
    ("recommended", gettext_lazy("Cases in which BKN recommended a sanction to the PPK.")),
    ("followed_up", gettext_lazy("Recommendations the PPK answered with a decree.")),
    ("sanctioned", gettext_lazy("Cases in which the PPK's decree imposed a sanction.")),
    (
        "median_days_to_decree",
        gettext_lazy(
            "The median number of days from BKN's recommendation to the PPK's decree, over the "
            "decrees made; not given over fewer than 5 cases."
        ),
    ),
    (
        "has_figures",
        gettext_lazy(
            "False when none of the election's cases has been handled in Netra yet: every count "
            "is then empty (null), not zero (API and JSON)."
        ),
    ),
    (
        "suppressed",
        gettext_lazy("The fields of the row whose counts are not given: shown as “<5” or “x”."),
    ),
    (
        "marks",
        gettext_lazy(
            "For each field of “suppressed”, how the page writes it: “<5” for a count from 1 "
            "to 4, “x” for a count hidden so that a small one cannot be worked out (API and JSON)."
        ),
    ),
)


#: What the pages show beyond the fields of the files.
ON_THE_PAGES = (
    (
        gettext_lazy("Days between steps"),
        gettext_lazy(
            "The median number of calendar days from one step to the next, over the cases "
            "that took both steps; not given over fewer than 5 cases."
        ),
    ),
    (
        gettext_lazy("Per 10,000 civil servants"),
        gettext_lazy(
            "A count divided by the civil servants of the region on the roster kept in Netra, "
            "times 10,000; given only where the count itself is shown."
        ),
    ),
    (
        gettext_lazy("Most reported conduct"),
        gettext_lazy(
            "The kinds of conduct of the violation catalog named by reports and cases; a case "
            "may name several, so they do not add up to the number of cases."
        ),
    ),
)


def _board_statuses():
    """The notice board's statuses, each once, in the order of the handling."""
    return list(dict.fromkeys(str(status) for status in BOARD_STATUS.values()))


def dictionary(request):
    """What each public field means, how small counts are protected, the licence and sources."""
    dataset = ReferenceDataset.objects.filter(name="regions").values_list("sources", flat=True)
    sources = [s.get("title", "") for s in (dataset.first() or []) if isinstance(s, dict)]
    # The election chosen on the page it was opened from, kept in its links (an unknown code
    # is simply not kept: this page is the same for every election).
    code = request.GET.get("pemilihan", "").strip()
    election = Election.objects.filter(code=code).first() if code else None
    # Each full refresh recounts the roster.
    counted = RefreshMark.objects.filter(pk=1).values_list("full_at", flat=True).first()
    return render(
        request,
        "insights/dictionary.html",
        {
            "fields": [{"name": name, "meaning": meaning} for name, meaning in DICTIONARY],
            "on_the_pages": ON_THE_PAGES,
            "board_statuses": _board_statuses(),
            "as_of": as_of_text(public.as_of()),
            "sources": [s for s in sources if s],
            "licence_url": _licence_url(),
            "min_median": public.MIN_CASES_FOR_MEDIAN,
            "election_query": _query(election) if election else "",
            "roster_counted": as_of_text(counted),
        },
    )

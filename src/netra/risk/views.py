"""The early-warning pages for staff: the regions to watch, ranked by their risk score with
each component beside it and the score as a map, and one region's explanation (each
component's value, what it was made from, its weight and its points in the score).

For those who follow the handling of cases (`insights.staff`); everyone else gets 404, as
does a region outside the user's reach. They read the computed RegionRisk rows only (one
query for the list), never the figures they were made from.
"""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netra.accounts.access import can, is_national, region_in_scope, require
from netra.insights import tilemap
from netra.insights.staff import chosen_region
from netra.insights.views import as_of_text
from netra.regions.models import Election, Region

from . import weights
from .components import BANDS, LEVELS, band
from .forms import COMPONENT_LABELS
from .models import IkpCategory, RegionRisk
from .read import LEVEL_NAMES, election_facts, ikp_release_of, ranked_rows, risk_rows
from .score import COMPONENTS

#: The components' names in the list's narrow columns.
SHORT_LABELS = {
    "ikp": gettext_lazy("IKP"),
    "prevention": gettext_lazy("Not reached"),
    "flags": gettext_lazy("Flags"),
    "reports": gettext_lazy("Reports"),
    "overdue": gettext_lazy("Overdue"),
    "ppk": gettext_lazy("PPK"),
}
BAND_LABELS = {
    "high": gettext_lazy("High"),
    "medium": gettext_lazy("Medium"),
    "low": gettext_lazy("Low"),
}
LEVEL_LABELS = (
    ("regency", gettext_lazy("Regencies and cities")),
    ("province", gettext_lazy("Provinces")),
)
#: The map's classes: the bands' lower bounds, so that a tile's shade is its band.
MAP_BREAKS = sorted(lowest for lowest, _band in BANDS)


def _number(value, places=1):
    """VALUE as the language writes it, with at most PLACES decimals (54,2; 78,6; 100)."""
    if value is None:
        return None
    value = round(float(value), places)
    shown = next(p for p in range(places + 1) if round(value, p) == value)
    if not shown:
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=shown, force_grouping=True)


def _count(value):
    return number_format(value, force_grouping=True)


def _chosen_election(request, elections):
    """?pemilihan= (404 when there is no such election), else the latest election whose risk
    was computed, else the latest."""
    wanted = request.GET.get("pemilihan", "").strip()
    if wanted:
        for election in elections:
            if election.code == wanted:
                return election
        raise Http404
    computed = set(RegionRisk.objects.values_list("election_id", flat=True).distinct())
    return next((e for e in elections if e.pk in computed), elections[0] if elections else None)


def _region_choices(user, region):
    if is_national(user):
        choices = [("", _("Indonesia"))] + list(
            Region.objects.filter(level=Region.Level.PROVINCE)
            .order_by("code")
            .values_list("code", "name")
        )
    else:
        choices = list(
            user.regions.filter(level__in=LEVELS).order_by("code").values_list("code", "name")
        )
    if region is not None and region.code not in {code for code, _name in choices}:
        choices.append((region.code, region.name))
    return choices


def _explanation_url(code, election):
    return reverse("risk:region", args=[code]) + "?" + urlencode({"pemilihan": election.code})


class _Numbers:
    """A fast writer of the list's numbers (0 to 100, one decimal) in the active language:
    the list writes thousands of them, and number_format looks the format up each time."""

    def __init__(self):
        self.separator = formats.get_format("DECIMAL_SEPARATOR")

    def __call__(self, value):
        if value is None:
            return None
        text = f"{float(value):.1f}"
        if text.endswith(".0"):
            return text[:-2]
        return text.replace(".", self.separator)


def _table_rows(rows, election):
    """The list's rows as HTML: each region's rank and name (a link to its explanation), its
    score, band and components ("No data" for a missing one), or one cell saying it has no
    data at all. Written here rather than in the template: the nation's 514 rows of ten cells
    cost the template engine 150 ms; names are escaped, everything else is made here."""
    number = _Numbers()
    no_data = escape(_("No data"))
    nothing = escape(_("No data for any component: no score."))
    score_label, band_label = escape(_("Score")), escape(_("Band"))
    bands = {name: escape(label) for name, label in BAND_LABELS.items()}
    labels = {name: escape(SHORT_LABELS[name]) for name in COMPONENTS}
    prefix, query = reverse("risk:watch"), urlencode({"pemilihan": election.code})
    out = []
    for rank, row in enumerate(rows, start=1):
        code = escape(row.region.code)
        head = (
            f'<tr data-region="{code}"><th scope="row">'
            + (f'<span class="muted">{rank}.</span> ' if row.score is not None else "")
            + f'<a href="{prefix}{code}/?{query}">{escape(row.region.name)}</a> '
            f'<span class="muted">{code}</span></th>'
        )
        if row.score is None:
            out.append(
                f'{head}<td class="muted" colspan="{len(COMPONENTS) + 2}" data-score>'
                f"{nothing}</td></tr>"
            )
            continue
        name = band(row.score)
        cells = []
        for component in COMPONENTS:
            value = number(row.components.get(component))
            muted = " muted" if value is None else ""
            cells.append(
                f'<td class="num{muted}" data-component="{component}" '
                f'data-label="{labels[component]}">{value or no_data}</td>'
            )
        warn = " warn" if name == "high" else ""
        out.append(
            f'{head}<td class="num" data-score data-label="{score_label}"><strong>'
            f"{number(row.score)}</strong></td>"
            f'<td data-label="{band_label}"><span class="tag{warn}">{bands[name]}</span></td>'
            + "".join(cells)
            + "</tr>"
        )
    return mark_safe("".join(out))  # noqa: S308  (every text above is escaped or made here)


def _summary(row, election):
    if row is None:
        return None
    name = band(row.score)
    return {
        "name": row.region.name,
        "url": _explanation_url(row.region.code, election),
        "score": _number(row.score),
        "band_label": BAND_LABELS.get(name, ""),
    }


def _map(rows, election, level, province, place, nonce):
    values = {row.region.code: row.score for row in rows}
    prefix, query = reverse("risk:watch"), urlencode({"pemilihan": election.code})
    what = _("provinces") if level == "province" else _("regencies and cities")
    svg = tilemap.render(
        level,
        values,
        names={row.region.code: row.region.name for row in rows},
        href=lambda code: f"{prefix}{code}/?{query}" if code in values else None,
        title=_("Map of %(place)s: risk score") % {"place": place},
        description=_(
            "One tile per %(what)s; the darker the tile, the higher the risk score (0 to 100). "
            "The table beside the map gives the same scores."
        )
        % {"what": what},
        legend_title=_("Risk score"),
        province=province,
        no_data_label=_("No data"),
        breaks=MAP_BREAKS,
        number_format=_number,
        id_prefix=f"risiko-{level}-{province or 'id'}",
        nonce=nonce,
    )
    return mark_safe(svg)  # noqa: S308  (tilemap escapes every name, text and link)


def _weights_note():
    """How the weights in force were chosen, in the user's language: the shipped defaults'
    reasons (their source in data/weights.json says the same in English), or when and by whom
    an administrator set them, with the administrator's note."""
    in_force = weights.in_force()
    if in_force.changed_at is None:
        return _(
            "Netra's defaults (no official weighting exists): the vulnerability index, "
            "Bawaslu's own measure, weighs most; then what Netra sees of the election itself "
            "(reports and flags per 10,000 civil servants, outreach that never reached); then "
            "how handling and follow-up lag (overdue steps, the PPK's unanswered "
            "recommendations)."
        )
    who = in_force.changed_by
    text = _("Set on %(day)s by %(who)s.") % {
        "day": formats.date_format(timezone.localtime(in_force.changed_at), "j F Y"),
        "who": (who.get_full_name() or who.username) if who else "-",
    }
    return f"{text} {in_force.note}".strip()


def _release(release):
    """The IKP release as the pages show it: its publication day as a date."""
    if release and release.get("published_on"):
        release = dict(release, published_on=date.fromisoformat(release["published_on"]))
    return release


def _common(request, elections, election):
    return {
        "elections": elections,
        "election": election,
        "labels": [(name, COMPONENT_LABELS[name], SHORT_LABELS[name]) for name in COMPONENTS],
        "weights_note": _weights_note(),
        "may_set_weights": can(request.user, "risk.manage"),
    }


@login_required
def watch(request):
    """The regions to watch: the regions of the chosen view (the nation's regencies and cities
    or provinces, a province's regencies and cities, one's own regency), ranked by score."""
    require(request.user, "insights.staff")
    region = chosen_region(request)
    elections = list(Election.objects.order_by("-voting_date"))
    election = _chosen_election(request, elections)
    level = request.GET.get("tingkat", "regency")
    if level not in LEVEL_NAMES:
        level = "regency"
    context = {
        "region": region,
        "place": region.name if region else _("Indonesia"),
        "regions": _region_choices(request.user, region),
        "level": level,
        "level_labels": LEVEL_LABELS,
        **_common(request, elections, election),
    }
    if election is None:
        return render(request, "risk/watch.html", context)
    summary = None
    if region is None:
        rows = ranked_rows(request.user, election, LEVEL_NAMES[level])
        map_level, province = level, None
    elif region.level == Region.Level.PROVINCE:
        rows = ranked_rows(request.user, election, LEVEL_NAMES["regency"], within=region.code)
        summary = risk_rows(request.user, election).filter(region=region).first()
        map_level, province = "regency", region.code
    else:
        rows = list(risk_rows(request.user, election).filter(region=region))
        map_level, province = None, None
    release = ikp_release_of(election_facts(election)) if rows or summary else None
    computed = [row.computed_at for row in rows]
    context.update(
        {
            "rows_html": _table_rows(rows, election),
            "has_rows": bool(rows),
            "summary": _summary(summary, election),
            "map_svg": _map(
                rows, election, map_level, province, context["place"], request.csp_nonce
            )
            if map_level and len(rows) > 1
            else None,
            "as_of": as_of_text(max(computed)) if computed else "",
            "ikp_release": _release(release),
        }
    )
    return render(request, "risk/watch.html", context)


# One region's explanation.

REASONS = {
    "no_release": gettext_lazy("No vulnerability index has been imported for this election."),
    "not_in_release": gettext_lazy("The region is not in the imported vulnerability index."),
    "no_roster": gettext_lazy("No civil servant of this region is on the roster in Netra."),
    "none_recorded": gettext_lazy(
        "Nothing of this kind has been recorded anywhere in this election yet, so it tells "
        "no region from another."
    ),
    "no_cases": gettext_lazy("No case of this election has been handled here yet."),
    "no_recommendations": gettext_lazy("BKN has made no recommendation to this region's PPK yet."),
}


def _compared(fact):
    """The phrase "higher than 80% of the other regions", or why there is no comparison."""
    among = fact.get("among", 0)
    if among < 2:
        return _("no other region has a figure to compare with")
    if fact["lower"] == among - 1:
        return _("the highest of the %(n)s regions with a figure") % {"n": _count(among)}
    if fact["lower"] == 0:
        return _("higher than no other region")
    return _("higher than %(percent)s%% of the other regions") % {"percent": fact["above"]}


def _made_of_ikp(fact):
    category = dict(IkpCategory.choices).get(fact.get("category"), "")
    if "from_regions" in fact:
        return ngettext(
            "No score of its own in the index: the mean of its %(n)s regency or city in it.",
            "No score of its own in the index: the mean of its %(n)s regencies and cities in it.",
            fact["from_regions"],
        ) % {"n": _count(fact["from_regions"])}
    return _("Score %(score)s (%(category)s) in the vulnerability index.") % {
        "score": _number(fact["score"], 2),
        "category": category.lower() if category else "-",
    }


def _made_of_prevention(fact):
    parts = [
        _("%(reached)s of %(employees)s civil servants reached by outreach (%(percent)s%%).")
        % {
            "reached": _count(fact["reached"]),
            "employees": _count(fact["employees"]),
            "percent": round(100 * fact["reached"] / fact["employees"]),
        }
    ]
    never = fact.get("unreached_agencies", 0)
    if never:
        # Semicolons: agency names hold commas ("Pemerintah Desa, Kecamatan Puger").
        names = "; ".join(fact.get("unreached", []))
        more = never - len(fact.get("unreached", []))
        text = ngettext(
            "%(never)s of %(agencies)s agency never reached: %(names)s",
            "%(never)s of %(agencies)s agencies never reached: %(names)s",
            fact["agencies"],
        ) % {"never": _count(never), "agencies": _count(fact["agencies"]), "names": names}
        if more > 0:
            text += " " + ngettext("and %(more)s more", "and %(more)s more", more) % {
                "more": _count(more)
            }
        parts.append(text + ".")
    elif fact.get("agencies"):
        parts.append(_("Every agency has been reached at least once."))
    return " ".join(parts)


def _made_of_rate(fact, counted):
    """COUNTED: the count and rate as a phrase (an ngettext call of the caller's, so that
    makemessages finds both forms)."""
    if not fact["count"]:
        return _("None in this region: it adds no risk.")
    values = {"count": _count(fact["count"]), "rate": _number(fact["rate"], 2)}
    return counted(fact["count"]) % values + ", " + _compared(fact) + "."


def _made_of_flags(fact):
    return _made_of_rate(
        fact,
        lambda n: ngettext(
            "%(count)s monitoring flag during the election (%(rate)s per 10,000 civil servants)",
            "%(count)s monitoring flags during the election (%(rate)s per 10,000 civil servants)",
            n,
        ),
    )


def _made_of_reports(fact):
    return _made_of_rate(
        fact,
        lambda n: ngettext(
            "%(count)s case from the public (%(rate)s per 10,000 civil servants)",
            "%(count)s cases from the public (%(rate)s per 10,000 civil servants)",
            n,
        ),
    )


def _made_of_overdue(fact):
    if not fact["overdue"]:
        return ngettext(
            "No step overdue over %(cases)s case: it adds no risk.",
            "No step overdue over %(cases)s cases: it adds no risk.",
            fact["cases"],
        ) % {"cases": _count(fact["cases"])}
    return (
        ngettext(
            "%(overdue)s handling step past its deadline over %(cases)s cases (%(per)s per case)",
            "%(overdue)s handling steps past their deadline over %(cases)s cases "
            "(%(per)s per case)",
            fact["overdue"],
        )
        % {
            "overdue": _count(fact["overdue"]),
            "cases": _count(fact["cases"]),
            "per": _number(fact["per_case"], 2),
        }
        + ", "
        + _compared(fact)
        + "."
    )


def _made_of_ppk(fact):
    unanswered = fact["recommended"] - fact["answered"]
    values = {"unanswered": _count(unanswered), "recommended": _count(fact["recommended"])}
    if "governments" in fact:
        return (
            ngettext(
                "%(unanswered)s of %(recommended)s recommendation of BKN not yet answered by the "
                "PPKs of the province.",
                "%(unanswered)s of %(recommended)s recommendations of BKN not yet answered by the "
                "PPKs of the province.",
                fact["recommended"],
            )
            % values
        )
    return (
        ngettext(
            "%(unanswered)s of %(recommended)s recommendation of BKN not yet answered by the PPK.",
            "%(unanswered)s of %(recommended)s recommendations of BKN not yet answered by the PPK.",
            fact["recommended"],
        )
        % values
    )


MADE_OF = {
    "ikp": _made_of_ikp,
    "prevention": _made_of_prevention,
    "flags": _made_of_flags,
    "reports": _made_of_reports,
    "overdue": _made_of_overdue,
    "ppk": _made_of_ppk,
}


def _explained(row):
    components = []
    for name in COMPONENTS:
        fact = row.facts.get(name, {})
        value = row.components.get(name)
        weight = fact.get("weight", 0)
        if value is None:
            made_of = str(REASONS.get(fact.get("reason"), _("No data.")))
        else:
            made_of = MADE_OF[name](fact)
        components.append(
            {
                "name": name,
                "label": COMPONENT_LABELS[name],
                "value": _number(value),
                "made_of": made_of,
                "weight": _number(weight, 2),
                "weighed": weight > 0,
                "points": _number(fact.get("points")) if value is not None else None,
                "unreached": fact.get("unreached", []) if name == "prevention" else [],
            }
        )
    return components


@login_required
def region(request, code):
    """One region's risk and what it is made of."""
    require(request.user, "insights.staff")
    place = Region.objects.filter(code=code, level__in=LEVELS).first()
    if place is None or not region_in_scope(request.user, place):
        raise Http404
    elections = list(Election.objects.order_by("-voting_date"))
    election = _chosen_election(request, elections)
    row = (
        risk_rows(request.user, election).filter(region=place).first()
        if election is not None
        else None
    )
    context = {
        "place": place,
        "row": row,
        "list_url": reverse("risk:watch")
        + "?"
        + urlencode(
            {"pemilihan": election.code if election else "", "wilayah": place.code}
            if place.level == Region.Level.PROVINCE
            else {"pemilihan": election.code if election else ""}
        ),
        "statistics_url": reverse("insights:staff")
        + "?"
        + urlencode({"wilayah": place.code, "pemilihan": election.code if election else ""}),
        **_common(request, elections, election),
    }
    if row is not None:
        score_band = band(row.score)
        context.update(
            {
                "score": _number(row.score),
                "band": score_band,
                "band_label": BAND_LABELS.get(score_band, ""),
                "components": _explained(row),
                "missing": [COMPONENT_LABELS[name] for name in row.missing],
                "as_of": as_of_text(row.computed_at),
                "ikp_release": _release(ikp_release_of(row.facts)),
            }
        )
    return render(request, "risk/region.html", context)

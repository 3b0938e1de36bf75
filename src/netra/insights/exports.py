"""Open data: the public figures of an election, per province or per regency and city, as CSV,
XLSX and JSON, and the rows the statistics API answers with.

Every format reads the one suppressed public table (public.public_table, cached), so that a
file and the API and the page cannot be compared to recover a cell, and nothing here queries
per row. The rows carry the same fields in all of them:

- ``code`` (the Kemendagri code), ``name``, ``in_election`` (false: the region takes no part
  in the election, and every count is empty/null);
- the counts of public.FIELDS and ``median_days_to_decree``: in JSON a number, or null when
  suppressed or without data; in CSV and XLSX a number, "<5" (a count of 1 to 4, or a median
  over fewer than 5 cases), "x" (hidden so that a small count cannot be worked out from the
  totals) or an empty cell (no data);
- an election none of whose cases has been handled in Netra yet has every count empty/null,
  not zero (``has_figures`` false in JSON, "Cakupan" in the XLSX notes);
- in JSON, ``suppressed``: the fields shown as "<5" or "x" (the CSV and XLSX cells say it in
  place).

Where the metadata goes (licence, source, generation and as-of times, the codes): the CSV is
the header and the rows only, so that any CSV reader takes it as it is (the election, the
level and the date are in its file name); the XLSX has a second sheet, "Keterangan"; the JSON
a "meta" object beside the API's fields.
"""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from netra.lib.tables import XLSX_CONTENT_TYPE, csv_text, xlsx_bytes
from netra.regions.models import Election

from .public import FIELD_NAMES, public_table

LEVELS = ("province", "regency")
FORMATS = ("csv", "xlsx", "json")
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"
#: The columns of the CSV and XLSX data sheet, in order; the JSON rows have these and
#: "suppressed".
COLUMNS = ("code", "name", "in_election", *FIELD_NAMES, "median_days_to_decree")
DATA_SHEET, NOTES_SHEET = "Data", "Keterangan"  # fixed: readers look sheets up by name


class UnknownLevel(ValueError):
    pass


def election_or_none(code):
    return Election.objects.filter(code=code).first() if code else None


def _cells(row):
    return [*(row.cells[name] for name in FIELD_NAMES), row.median_days_to_decree]


def api_rows(table, level):
    """The rows of LEVEL as the API and the JSON file give them."""
    if level not in LEVELS:
        raise UnknownLevel(level)
    out = []
    names = (*FIELD_NAMES, "median_days_to_decree")
    for row in table.rows(level):
        cells = dict(zip(names, _cells(row), strict=True))
        out.append(
            {
                "code": row.code,
                "name": row.name,
                "in_election": row.in_election,
                **{name: cell.value for name, cell in cells.items()},
                "suppressed": row.suppressed,
                "marks": {name: cell.text for name, cell in cells.items() if cell.suppressed},
            }
        )
    return out


def answer(election, level, table=None):
    """The statistics API's answer (and the JSON file's, without its "meta")."""
    table = table or public_table(election)
    return {
        "election": election.code,
        "level": level,
        "as_of": _local(table.as_of),
        "has_figures": table.has_figures,
        "licence": LICENCE,
        "rows": api_rows(table, level),
    }


def _sheet_value(cell):
    """A cell as the page shows it, but a shown count as a plain number (no separators)."""
    if cell.status == "shown" and cell.value is not None:
        return cell.value
    return cell.text


def table_rows(table, level, *, text_booleans=False):
    """The header and the rows of LEVEL for the CSV (TEXT_BOOLEANS: "true"/"false", as JSON
    writes them, rather than Python's "True") and the XLSX data sheet (a boolean cell)."""
    if level not in LEVELS:
        raise UnknownLevel(level)
    yield list(COLUMNS)
    for row in table.rows(level):
        member = ("true" if row.in_election else "false") if text_booleans else row.in_election
        yield [row.code, row.name, member, *(_sheet_value(c) for c in _cells(row))]


def _local(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def meta(election, level, table, generated_at):
    """What every file says of itself (the JSON "meta", the XLSX "Keterangan" sheet)."""
    english = (get_language() or "id").startswith("en")
    return {
        "election": election.code,
        "election_name": election.name_en if english else election.name_id,
        "level": level,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source": _("Netra, from Bawaslu's case-handling data"),
        "region_codes": _("Region codes are Kemendagri codes."),
        "suppression": _(
            '"<5": a count of 1 to 4, or a median over fewer than 5 cases; "x": a count hidden '
            "so that a small count cannot be worked out from the totals; empty: no data (the "
            "region takes no part in the election)."
        ),
        "coverage": _coverage(table),
        "generated_at": _local(generated_at),
        "as_of": _local(table.as_of),
    }


def _coverage(table):
    if table.has_figures:
        return _("The cases handled in Netra.")
    return _(
        "None of this election's cases has been handled in Netra yet: the counts are empty, "
        "not zero."
    )


def notes_rows(info):
    labels = {
        "election": _("Election"),
        "election_name": _("Election name"),
        "level": _("Level"),
        "licence": _("Licence"),
        "licence_url": _("Licence text"),
        "source": _("Source"),
        "region_codes": _("Region codes"),
        "suppression": _("Suppressed figures"),
        "coverage": _("Coverage"),
        "generated_at": _("File generated at"),
        "as_of": _("Figures as of"),
    }
    level_names = {"province": _("Province"), "regency": _("Regency or city")}
    rows = []
    for key, label in labels.items():
        value = info[key]
        if key == "level":
            value = level_names[value]
        rows.append([label, value if value is not None else ""])
    return rows


def filename(election, level, generated_at, fmt):
    day = timezone.localtime(generated_at).strftime("%Y%m%d")
    return f"netra-statistik-{election.code}-{level}-{day}.{fmt}"


def _attachment(body, content_type, name):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def download(request, fmt):
    """/statistik/unduh/<fmt>/?pemilihan=CODE&tingkat=province|regency: the open-data file.
    An unknown format or election is a 404 page; an unknown level a 422 with the page that
    says the request was not understood (the download links never make one)."""
    if fmt not in FORMATS:
        raise Http404
    election = election_or_none(request.GET.get("pemilihan", ""))
    if election is None:
        raise Http404
    level = request.GET.get("tingkat", "province")
    if level not in LEVELS:
        return render(request, "400.html", status=422)
    table = public_table(election)
    now = timezone.now()
    name = filename(election, level, now, fmt)
    if fmt == "csv":
        # No byte-order mark: every name is ASCII, and a mark would stick to the first header
        # in plain CSV readers.
        body = csv_text(table_rows(table, level, text_booleans=True))
        return _attachment(body.encode("utf-8"), "text/csv; charset=utf-8", name)
    info = meta(election, level, table, now)
    if fmt == "xlsx":
        body = xlsx_bytes([(DATA_SHEET, table_rows(table, level)), (NOTES_SHEET, notes_rows(info))])
        return _attachment(body, XLSX_CONTENT_TYPE, name)
    document = {**answer(election, level, table), "meta": info}
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return _attachment(body.encode("utf-8"), "application/json; charset=utf-8", name)

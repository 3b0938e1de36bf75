"""Work lists (the report queue, the case list): one implementation of what they share.

- ``ListFilter``: a filter form whose invalid fields are reported beside it and dropped, while
  the valid ones still apply; it carries the search words, a date range and the sort.
- ``search_words`` and ``TextMatch``: words of a search, matched as word prefixes through a
  full-text index on PostgreSQL (``to_tsvector('simple', ...)``, made by the apps' migrations
  over the same columns) and through LIKE on SQLite, which holds one office's data.
- ``JsonListHasAny``: a JSON list column holding any of some values (conduct keys).
- ``Sorting``: the whitelist of sortable columns (``urut=key`` / ``urut=-key``) and the column
  headers as links that keep the other filters, with their ``aria-sort``.
- ``count_total`` and ``page_and_total``: the total stated exactly up to the
  ``NETRA_EXACT_COUNT_LIMIT`` setting (a count that stops there); above it, on PostgreSQL, the
  planner's estimate, marked as such (SQLite, which holds one office's data, is counted
  exactly). Fixed pages of ``PAGE_SIZE``; a page past the end shows the last. Under an
  estimate a page offers the next while rows remain after it (one row is read ahead), and a
  page past the real end is counted exactly and shows the last page with a message.
- ``export_response``: exactly the listed rows as streamed CSV or as XLSX written row by row
  to a temporary file (memory stays flat), formula-safe through netra.lib.tables, never cached.

Scope is the caller's: every list starts from the access layer's queryset, and the export
takes the same queryset as the page. Framework-level only: no domain app is imported here.
"""

import json
import re
from dataclasses import dataclass
from itertools import chain

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import BooleanField, Expression, F
from django.http import FileResponse, StreamingHttpResponse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from netra.lib.tables import XLSX_CONTENT_TYPE, csv_lines, xlsx_file

from .forms import validate_date_range

PAGE_SIZE = 50
#: An export holds at most this many rows; a larger one is refused with a message.
EXPORT_LIMIT = 100_000
#: Rows an export reads from the database at a time.
EXPORT_CHUNK = 2_000
SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 5
EXPORT_FORMATS = ("csv", "xlsx")

_WORD = re.compile(r"[^\W_]+")


# ---- the filter form -------------------------------------------------------------------------


class ListFilter(forms.Form):
    """The filters every work list has; a list's own form adds its fields. Bound to the query
    string; ``chosen()`` gives the valid values only, ``problems()`` what was dropped and why."""

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX_LENGTH)
    dari = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=["%Y-%m-%d"],
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Give the date as YYYY-MM-DD.")},
    )
    sampai = forms.DateField(
        label=_("Until"),
        required=False,
        input_formats=["%Y-%m-%d"],
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Give the date as YYYY-MM-DD.")},
    )
    urut = forms.ChoiceField(label=_("Sort by"), required=False)

    #: The list's Sorting; set by the subclass.
    sorting = None

    def __init__(self, data=None, **kwargs):
        super().__init__(data or None, **kwargs)
        self.fields["urut"].choices = [("", _("Open work first, newest first"))] + list(
            self.sorting.choices()
        )
        self.fields["urut"].error_messages["invalid_choice"] = _("This list cannot be sorted so.")

    def clean_q(self):
        query = self.cleaned_data.get("q", "").strip()
        if query and "/" not in query and not search_words(query):
            raise forms.ValidationError(_("Search with a word of two letters or digits at least."))
        return query

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", _("The end of the period comes before its start."))
        return data

    def chosen(self):
        """The valid values (an invalid field is dropped on its own; the others apply)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "", False, [])}

    def problems(self):
        """(label, message) for every value that was dropped."""
        if not self.is_bound:
            return []
        self.is_valid()
        return [
            (self.fields[name].label if name in self.fields else "", message)
            for name, messages in self.errors.items()
            for message in messages
        ]


def day_range_start(day):
    """The first moment of DAY in the current time zone, for a "from" date."""
    from datetime import datetime, time

    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time.min))


def day_after(day):
    """The first moment after DAY in the current time zone, for an "until" date (exclusive)."""
    from datetime import timedelta

    return day_range_start(day + timedelta(days=1))


# ---- search ----------------------------------------------------------------------------------


def search_words(text):
    """The words of a search (letters and digits only, lower case), at most SEARCH_MAX_WORDS;
    one-letter words are dropped (they would match nearly everything)."""
    words = [w.lower() for w in _WORD.findall(text or "") if len(w) > 1]
    return list(dict.fromkeys(words))[:SEARCH_MAX_WORDS]


def union_of(first, *rest):
    """One subquery of the ids the querysets (each .values() of one id column) give together:
    for ``pk__in``, so that each part is answered by its own index."""
    return first.order_by().union(*(qs.order_by() for qs in rest))


class TextMatch(Expression):
    """True where the text of FIELDS (joined by spaces) holds a word starting with WORD (with
    WHOLE, the word WORD itself, in a column of space-padded terms such as a phonetic index).

    PostgreSQL: ``to_tsvector('simple', a || ' ' || b) @@ 'word':*``, which the GIN index of
    the same expression answers (the migrations of the apps make them). SQLite: LIKE on each
    field. WORD comes from ``search_words``: letters and digits only."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, fields, word, *, whole=False):
        super().__init__()
        self.fields = [F(f) if isinstance(f, str) else f for f in fields]
        self.word = word
        self.whole = whole

    def get_source_expressions(self):
        return self.fields

    def set_source_expressions(self, exprs):
        self.fields = list(exprs)

    def _compiled(self, compiler, connection):
        parts, params = [], []
        for field in self.fields:
            sql, field_params = compiler.compile(field)
            parts.append(sql)
            params.extend(field_params)
        return parts, params

    def as_sql(self, compiler, connection):
        parts, params = self._compiled(compiler, connection)
        ors = " OR ".join(f"{sql} LIKE %s" for sql in parts)
        pattern = f"% {self.word} %" if self.whole else f"%{self.word}%"
        return f"({ors})", [*params, *([pattern] * len(parts))]

    def as_postgresql(self, compiler, connection):
        parts, params = self._compiled(compiler, connection)
        document = " || ' ' || ".join(parts)
        return (
            f"to_tsvector('simple', {document}) @@ to_tsquery('simple', %s)",
            [*params, f"'{self.word}'" if self.whole else f"'{self.word}':*"],
        )


class JsonListHasAny(Expression):
    """True where FIELD (a JSON list of strings) holds any of VALUES."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, field, values):
        super().__init__()
        self.column = F(field) if isinstance(field, str) else field
        self.values = list(values)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        marks = ", ".join(["%s"] * len(self.values)) or "NULL"
        return (
            f"EXISTS (SELECT 1 FROM json_each({sql}) WHERE json_each.value IN ({marks}))",
            [*params, *self.values],
        )

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        marks = ", ".join(["%s"] * len(self.values)) or "NULL"
        return f"({sql} ?| ARRAY[{marks}]::text[])", [*params, *self.values]


# ---- sorting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # as in ?urut=key
    label: object
    fields: tuple  # the model fields it sorts by, ascending


class Sorting:
    """The sortable columns of a list (a whitelist) and its default order."""

    def __init__(self, columns, default):
        self.columns = {c.key: c for c in columns}
        self.default = default  # a callable: queryset -> ordered queryset

    def choices(self):
        for column in self.columns.values():
            yield column.key, f"{column.label} ↑"
            yield f"-{column.key}", f"{column.label} ↓"

    def parse(self, value):
        """(column key, descending) for a valid VALUE, else None."""
        value = value or ""
        key = value.removeprefix("-")
        return (key, value.startswith("-")) if key in self.columns else None

    def order(self, queryset, value):
        chosen = self.parse(value)
        if chosen is None:
            return self.default(queryset)
        key, descending = chosen
        order = []
        for name in (*self.columns[key].fields, "id"):
            field = F(name)
            order.append(field.desc(nulls_last=True) if descending else field.asc(nulls_last=True))
        return queryset.order_by(*order)

    def headers(self, query, value):
        """The column headers: for each, a link sorting by it (ascending, or descending when
        it is the ascending sort already) that keeps QUERY's other values, and aria-sort."""
        chosen = self.parse(value)
        headers = {}
        for key, column in self.columns.items():
            here = chosen is not None and chosen[0] == key
            descending = here and chosen[1]
            link = query.copy()
            link.pop("page", None)
            link["urut"] = f"-{key}" if here and not descending else key
            headers[key] = {
                "label": column.label,
                "url": "?" + link.urlencode(),
                "aria": ("descending" if descending else "ascending") if here else "none",
                "arrow": ("↓" if descending else "↑") if here else "",
            }
        return headers


# ---- totals and pages ------------------------------------------------------------------------


@dataclass(frozen=True)
class Total:
    count: int
    kind: str  # "exact", or "about" (the planner's estimate)

    @property
    def exact(self):
        return self.kind == "exact"

    @property
    def shown(self):
        return number_format(self.count, force_grouping=True)


def _rounded(n):
    """N to two significant digits: an estimate should not look precise."""
    digits = len(str(n))
    if digits <= 2:
        return n
    scale = 10 ** (digits - 2)
    return round(n / scale) * scale


def planner_estimate(queryset):
    """PostgreSQL's estimate of the rows QUERYSET yields (EXPLAIN, nothing is run)."""
    sql, params = queryset.order_by().query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def exact_count_limit():
    """Up to this many rows a list is counted exactly (NETRA_EXACT_COUNT_LIMIT)."""
    return settings.NETRA_EXACT_COUNT_LIMIT


def count_total(queryset, limit=None):
    """The number of rows of QUERYSET as a Total: exact up to LIMIT (exact_count_limit()),
    above it PostgreSQL's planner estimate (never below LIMIT + 1), counting no further than
    LIMIT + 1 rows. SQLite, which holds one office's data, is counted exactly."""
    if connections[queryset.db].vendor != "postgresql":
        return Total(queryset.order_by().count(), "exact")
    limit = exact_count_limit() if limit is None else limit
    counted = queryset.order_by().values("pk")[: limit + 1].count()
    if counted <= limit:
        return Total(counted, "exact")
    return Total(max(_rounded(planner_estimate(queryset)), limit + 1), "about")


class _CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, total):
        super().__init__(object_list, per_page)
        self._total = total

    @property
    def count(self):
        return self._total.count


class EstimatedPage(Page):
    """A page of a list whose total is an estimate: it has a next page when a row was read
    after it, whatever the estimate says, and at least as many pages as it has seen."""

    def __init__(self, rows, number, paginator):
        self.more = len(rows) > paginator.per_page
        super().__init__(rows[: paginator.per_page], number, paginator)
        seen = (number - 1) * paginator.per_page + len(self.object_list) + self.more
        if seen > paginator.count:
            paginator._total = Total(seen, paginator._total.kind)
            paginator.__dict__.pop("num_pages", None)

    def has_next(self):
        return self.more

    def next_page_number(self):
        return self.number + 1

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


def rows_of(queryset, start, stop):
    """The objects of QUERYSET from START to STOP in its order: the ids are sorted alone (a
    narrow sort, whatever the select_related joins and wide columns), then only those rows
    are read whole, with QUERYSET's joins and prefetches."""
    ids = list(queryset.values_list("pk", flat=True)[start:stop])
    if not ids:
        return []
    found = {item.pk: item for item in queryset.order_by().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def paginate(queryset, page, total):
    """Page PAGE (any text; a bad or too high number gives the first or the last page) of
    QUERYSET, PAGE_SIZE rows, with TOTAL (from count_total) as its size."""
    paginator = _CountedPaginator(queryset, PAGE_SIZE, total)
    try:
        number = paginator.validate_number(page)
    except PageNotAnInteger:
        number = 1
    except EmptyPage:
        number = paginator.num_pages
    start = (number - 1) * PAGE_SIZE
    return Page(rows_of(queryset, start, start + PAGE_SIZE), number, paginator)


def page_and_total(queryset, page, limit=None):
    """(page, total) of QUERYSET for the page number PAGE (any text). The first page is read
    first: when it holds fewer than PAGE_SIZE rows (a search, say) they are the total, and
    the list is not counted at all; otherwise as count_total says. Under an estimate the
    page is read with one row more (is there a next page?); a page past the real end (the
    estimate was too high) is counted exactly and gives the last page, with page.past_end
    holding the number asked for."""
    number = page if isinstance(page, int) else None
    if number is None:
        text = (page or "").strip()
        number = int(text) if text.isascii() and text.isdigit() and len(text) < 10 else 1
    number = max(number, 1)
    if number == 1:
        rows = rows_of(queryset, 0, PAGE_SIZE + 1)
        if len(rows) <= PAGE_SIZE:
            total = Total(len(rows), "exact")
            return Page(rows, 1, _CountedPaginator(queryset, PAGE_SIZE, total)), total
        total = count_total(queryset, limit)
        if total.exact:
            return Page(rows[:PAGE_SIZE], 1, _CountedPaginator(queryset, PAGE_SIZE, total)), total
        paginator = _CountedPaginator(queryset, PAGE_SIZE, total)
        return EstimatedPage(rows, 1, paginator), paginator._total
    total = count_total(queryset, limit)
    if total.exact:
        return paginate(queryset, number, total), total
    start = (number - 1) * PAGE_SIZE
    rows = rows_of(queryset, start, start + PAGE_SIZE + 1)
    if not rows:  # the estimate was too high: the real end, counted, and its last page
        total = Total(queryset.order_by().count(), "exact")
        shown = paginate(queryset, number, total)
        shown.past_end = number
        return shown, total
    paginator = _CountedPaginator(queryset, PAGE_SIZE, total)
    return EstimatedPage(rows, number, paginator), paginator._total


def page_query(query):
    """QUERY (a QueryDict) without its page and export format: the filters a page link keeps."""
    kept = query.copy()
    for name in ("page", "format"):
        kept.pop(name, None)
    return kept.urlencode()


# ---- export ----------------------------------------------------------------------------------


def export_format(query):
    """The export asked for ("csv", "xlsx"), "" for the page, None for an unknown format."""
    value = query.get("format", "")
    if not value:
        return ""
    return value if value in EXPORT_FORMATS else None


def export_rows(queryset, row, chunk=EXPORT_CHUNK):
    """ROW(object) for every object of QUERYSET, read CHUNK at a time (prefetches included)."""
    return (row(item) for item in queryset.iterator(chunk_size=chunk))


def export_response(fmt, filename, title, header, rows):
    """ROWS (an iterator) under HEADER as a download: CSV streamed line by line, or an XLSX
    workbook written row by row to a temporary file and streamed from it."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(chain([header], rows)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    else:
        response = FileResponse(
            xlsx_file(title, chain([header], rows)),
            as_attachment=True,
            filename=f"{filename}.xlsx",
            content_type=XLSX_CONTENT_TYPE,
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def answer_export(queryset, query, *, record, filename, title, header, row):
    """A work list's answer to ?format= in QUERY: (response, problems). The response is the
    download of QUERYSET (after RECORD(rows, fmt) has written its audit entry), or None for the
    page, with the problem to show beside its filters: an unknown format, or more rows than an
    export holds (then nothing is recorded)."""
    fmt = export_format(query)
    if fmt is None:
        return None, [(_("Export"), _("A list can be exported as CSV or XLSX."))]
    if not fmt:
        return None, []
    rows = queryset.order_by().values("pk")[: EXPORT_LIMIT + 1].count()
    if rows > EXPORT_LIMIT:
        too_many = _("An export holds at most %(n)s rows. Narrow the list with the filters first.")
        return None, [
            (_("Export"), too_many % {"n": number_format(EXPORT_LIMIT, force_grouping=True)})
        ]
    record(rows, fmt)
    return export_response(fmt, filename, title, header, export_rows(queryset, row)), []


def described_filters(chosen):
    """The chosen filters as plain JSON-able values, for the export's audit entry: dates as
    ISO text, a region or an election by its code."""

    def plain(value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return getattr(value, "code", value)

    return {k: plain(v) for k, v in chosen.items()}

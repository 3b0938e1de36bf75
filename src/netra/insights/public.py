"""The public figures of an election: one suppressed table that the statistics pages, the API
and the open-data exports all read, so that no two of them can be compared to recover a cell.

Staff read the same summaries unsuppressed (`staff_figures`), within their reach.
"""

from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from django.db import transaction
from django.db.models import Max, OuterRef, Subquery

from netra.regions.models import Election, Region
from netra.sanctions.rules import shipped_catalog

from . import funnel
from .models import PublicTable, RefreshMark, RegionFigures, RosterCount
from .suppression import HIDDEN, HIDDEN_TOTAL, SHOWN, SMALL, is_small, ranked, secure, suppress

#: The public counts, by the names the API gives them, and the funnel stage each reads.
FIELDS = (
    ("reports", "received"),
    ("registered", "registered"),
    ("violations", "violation"),
    ("forwarded", "forwarded"),
    ("recommended", "recommended"),
    ("followed_up", "decided"),
    ("sanctioned", "sanctioned"),
)
FIELD_NAMES = tuple(name for name, _stage in FIELDS)
FIELD_OF_STAGE = {stage: name for name, stage in FIELDS}
DATA_FORMAT = 2  # of a stored table (to_data); a table stored in another is not read
MIN_CASES_FOR_MEDIAN = 5  # a median over fewer cases tells of the cases themselves
SMALL_TEXT, HIDDEN_TEXT = "<5", "x"


@dataclass
class Cell:
    value: int | None  # None: suppressed or no data
    status: str = SHOWN  # suppression status, or "none" for no data

    @property
    def text(self):
        if self.status == "none":
            return ""
        if self.status == SMALL:
            return SMALL_TEXT
        if self.status in (HIDDEN, HIDDEN_TOTAL):
            return HIDDEN_TEXT
        return f"{self.value:,}".replace(",", ".")

    @property
    def suppressed(self):
        return self.status in (SMALL, HIDDEN, HIDDEN_TOTAL)


@dataclass
class Row:
    code: str
    name: str
    level: str
    cells: dict = field(default_factory=dict)  # field name -> Cell
    median_days_to_decree: Cell = None
    medians: dict = field(default_factory=dict)  # timed stage -> Cell (days)
    kinds: list = field(default_factory=list)  # [(kind, label, Cell)], ranked
    employees: int | None = None
    in_election: bool = True

    @property
    def suppressed(self):
        names = [name for name, cell in self.cells.items() if cell.suppressed]
        if self.median_days_to_decree is not None and self.median_days_to_decree.suppressed:
            names.append("median_days_to_decree")
        return names

    def rate(self, name):
        """Cases per 10,000 civil servants on the roster, or None (suppressed, no roster)."""
        cell = self.cells.get(name)
        if cell is None or cell.status != SHOWN or not self.employees:
            return None
        return round(cell.value * 10_000 / self.employees, 2)


@dataclass
class Table:
    election: Election
    as_of: object
    nation: Row
    provinces: dict  # code -> Row
    regencies: dict  # province code -> {code -> Row}
    compliance: list  # [Row] per PPK government, cells "recommended", "answered"
    # False for an election none of whose cases has been summed: its zeros are not "no
    # reports" (Netra knows only the cases handled in it).
    has_figures: bool = True

    def rows(self, level):
        if level == "national":
            return [self.nation]
        if level == "province":
            return list(self.provinces.values())
        return [row for rows in self.regencies.values() for row in rows.values()]

    def row(self, code):
        if not code:
            return self.nation
        if len(code) == 2:
            return self.provinces.get(code)
        return self.regencies.get(code[:2], {}).get(code)


def as_of():
    return RefreshMark.objects.filter(pk=1).values_list("refreshed_at", flat=True).first()


def public_table(election):
    """The suppressed public table of ELECTION: the one stored by the last refresh that changed
    its figures; made here only when none has been stored yet. Cached per process until a new
    one is stored. While a refresh is making a new one, the last one is served with its own
    date: `as_of` is the last refresh's when the table holds the current figures (an election
    whose cases did not change is as current as the others), else the figures' own."""
    newest = (
        RegionFigures.objects.filter(election_id=OuterRef("election_id"))
        .order_by("-refreshed_at")
        .values("refreshed_at")[:1]
    )
    stored = (
        PublicTable.objects.filter(election_id=election.pk)
        .annotate(stamp=Subquery(newest))
        .values_list("figures_at", "made_at", "stamp")
        .first()
    )
    if stored is None:
        return replace(_made(election.pk, _figures_at(election.pk)), as_of=as_of())
    figures_at, made_at, stamp = stored
    current = figures_at == stamp
    return replace(_stored(election.pk, made_at), as_of=as_of() if current else figures_at)


def publish(election_id, now):
    """Make and store the public table of ELECTION_ID's figures, unless the stored one holds
    them already. The refresh calls it for each election whose figures it changed, after its
    own transaction: on sparse figures the suppression takes seconds, and neither the refresh's
    lock nor a write transaction is held meanwhile. Two at once store the newer figures' table.
    Returns whether it stored one."""
    stamp = _figures_at(election_id)
    stored = PublicTable.objects.filter(election_id=election_id)
    if stored.filter(figures_at=stamp).exists() or (stamp is None and stored.exists()):
        return False
    table = build(Election.objects.get(pk=election_id))
    with transaction.atomic():
        row = stored.select_for_update().first()
        if row is not None and row.figures_at and stamp and row.figures_at >= stamp:
            return False  # another worker stored these figures' table, or newer ones
        PublicTable.objects.update_or_create(
            election_id=election_id,
            defaults={"figures_at": stamp, "data": to_data(table), "made_at": now},
        )
    return True


def stale():
    """The elections whose figures are newer than their stored table (or have none): those
    the refresh just changed, and any whose table a stopped worker left unmade."""
    stored = dict(PublicTable.objects.values_list("election_id", "figures_at"))
    newest = RegionFigures.objects.values("election_id").annotate(stamp=Max("refreshed_at"))
    return sorted(
        row["election_id"]
        for row in newest.order_by()
        if row["election_id"] not in stored or stored[row["election_id"]] != row["stamp"]
    )


def _figures_at(election_id):
    return RegionFigures.objects.filter(election_id=election_id).aggregate(
        last=Max("refreshed_at")
    )["last"]


@lru_cache(maxsize=16)
def _stored(election_id, _made_at):
    data = PublicTable.objects.values_list("data", flat=True).get(election_id=election_id)
    election = Election.objects.get(pk=election_id)
    if data.get("format") != DATA_FORMAT:  # stored by an earlier version: made again here
        return build(election)
    return from_data(election, data)


@lru_cache(maxsize=16)
def _made(election_id, _stamp):
    return build(Election.objects.get(pk=election_id))


def build(election):
    """The suppressed public table of ELECTION's figures as they are now (`as_of` unset)."""
    election_id = election.pk
    figures = {
        (row.level, row.code): row for row in RegionFigures.objects.filter(election_id=election_id)
    }
    regions = Region.objects.filter(level__in=("province", "regency", "city")).order_by("code")
    in_election = _regions_in(election)
    employees = dict(RosterCount.objects.values_list("code", "employees"))
    labels = _kind_labels()

    nation = Row(
        "",
        "Indonesia",
        "national",
        employees=sum(employees.get(r.code, 0) for r in regions if r.level == "province"),
    )
    provinces, regencies = {}, {}
    for region in regions:
        member = in_election(region.code)
        row = Row(
            region.code,
            region.name,
            "province" if region.level == "province" else "regency",
            employees=employees.get(region.code),
            in_election=member,
        )
        if region.level == "province":
            provinces[region.code] = row
            regencies.setdefault(region.code, {})
        else:
            regencies.setdefault(region.code[:2], {})[region.code] = row
    # The values of every count, then their statuses, one series per field and kind: each
    # series on its own, then all of them together with the funnel's order (no stage above
    # the one before it, no conduct above the reports).
    series = [(name, stage, None) for name, stage in FIELDS]
    kinds = sorted({kind for row in figures.values() for kind in row.kinds})
    series += [(f"kind:{kind}", None, kind) for kind in kinds]
    groups = [("N", [f"P{code}" for code in regencies], [])]
    groups += [
        (f"P{code}", [f"R{regency}" for regency in rows], [f"O{code}"])
        for code, rows in regencies.items()
    ]
    values_of, status_of = {}, {}
    for name, stage, kind in series:
        values = {}

        def value(level, code, _stage=stage, _kind=kind):
            row = figures.get((level, code))
            if row is None:
                return 0
            return row.counts.get(_stage, 0) if _kind is None else row.kinds.get(_kind, 0)

        values["N"] = value("national", "")
        for code, rows in regencies.items():
            values[f"P{code}"] = value("province", code)
            for regency in rows:
                values[f"R{regency}"] = value("regency", regency)
            values[f"O{code}"] = values[f"P{code}"] - sum(values[f"R{r}"] for r in rows)
        values_of[name], status_of[name] = values, suppress(groups, values)
    orders = list(pairwise(FIELD_NAMES))
    orders += [("reports", f"kind:{kind}") for kind in kinds]
    # A provincial office's own recommendations and decrees are its government's row of the
    # PPK table: outsiders may know them, or that they are under 5.
    known = {
        (name, f"O{code}"): SMALL if is_small(values_of[name][f"O{code}"]) else SHOWN
        for name in COMPLIANCE_FIELDS.values()
        for code in regencies
    }
    secure(groups, values_of, status_of, orders, known)
    # An election none of whose cases has been summed has no figures: its cells are empty,
    # not zeros that would read as "no reports".
    has_figures = bool(figures)
    for name, _stage, kind in series:
        cell = _cells(values_of[name], status_of[name], has_figures)
        if kind is None:
            nation.cells[name] = cell("N")
        else:
            nation.kinds.append((kind, labels.get(kind, kind), cell("N")))
        for code, row in provinces.items():
            target = cell(f"P{code}", row.in_election)
            if kind is None:
                row.cells[name] = target
            else:
                row.kinds.append((kind, labels.get(kind, kind), target))
            for regency, regency_row in regencies[code].items():
                target = cell(f"R{regency}", regency_row.in_election)
                if kind is None:
                    regency_row.cells[name] = target
                else:
                    regency_row.kinds.append((kind, labels.get(kind, kind), target))
    every_regency = [row for rows in regencies.values() for row in rows.values()]
    for row in [nation, *provinces.values(), *every_regency]:
        row.kinds = [
            (kind, label, cell)
            for kind, label, cell in _ranked_kinds(row.kinds)
            if cell.status != "none" and (cell.value or cell.suppressed)
        ]
        level = "national" if row.level == "national" else row.level
        source = figures.get((level, row.code))
        row.medians = {
            stage: _median(source.days.get(stage, {}) if source else {}, row.in_election)
            for stage, _before in funnel.TIMED
        }
        for stage in row.medians:
            # A median tells whether its cases are under 5, which a hidden total must not:
            # it is hidden too ("x", as the count beside it).
            if row.cells[FIELD_OF_STAGE[stage]].status == HIDDEN_TOTAL:
                row.medians[stage] = Cell(None, HIDDEN)
    compliance = _compliance(figures.get(("national", "")), regions, regencies)
    nation.median_days_to_decree = nation.medians.get("decided")
    for row in [*provinces.values(), *every_regency]:
        row.median_days_to_decree = row.medians.get("decided")
    return Table(election, None, nation, provinces, regencies, compliance, has_figures=has_figures)


def _cells(values, status, has_figures):
    """A function of (cell key, whether the region takes part) to its public Cell."""

    def cell(key, member=True):
        if not (member and has_figures):
            return Cell(None, "none")
        shown = status[key] == SHOWN
        return Cell(values[key] if shown else None, status[key])

    return cell


def _ranked_kinds(entries):
    order = ranked([(label, cell.value or 0, cell.status) for _kind, label, cell in entries])
    by_label = {label: (kind, label, cell) for kind, label, cell in entries}
    return [by_label[label] for label, _value, _status in order]


def _median(histogram, member):
    if not member:
        return Cell(None, "none")
    cases = funnel.cases_in(histogram)
    if cases == 0:
        return Cell(None, "none")
    if cases < MIN_CASES_FOR_MEDIAN:
        return Cell(None, SMALL)
    return Cell(funnel.median(histogram))


#: The counts of the PPK table, by the count of the region table they are when every
#: recommendation of a regency's cases goes to its own government (one reported person each,
#: of that government): the usual case, so outsiders may take them for each other.
COMPLIANCE_FIELDS = {"recommended": "recommended", "answered": "followed_up"}


def _compliance(nation, regions, regencies):
    """Per PPK (the government its recommendations went to): recommendations, answered, and
    the median days to the decree. A count of 1 to 4 is "<5"; a count is hidden where the
    same count of the government's regency or city is suppressed in the region table (no
    totals are shown of these, so none can be subtracted)."""
    if nation is None:
        return []
    names = {region.code: region.name for region in regions}
    rows = []
    for code in sorted(nation.compliance):
        answers = nation.compliance[code]
        row = Row(code, names.get(code, code), "ppk")
        region_row = regencies.get(code[:2], {}).get(code)
        for name, field_name in COMPLIANCE_FIELDS.items():
            count = answers[name]
            region_cell = region_row.cells.get(field_name) if region_row else None
            if is_small(count):
                row.cells[name] = Cell(None, SMALL)
            elif region_cell is not None and region_cell.suppressed:
                row.cells[name] = Cell(None, HIDDEN)
            else:
                row.cells[name] = Cell(count)
        row.median_days_to_decree = _median(answers["days"], True)
        rows.append(row)
    return rows


def _regions_in(election):
    """Whether a region code takes part in ELECTION: every region in a national one; else the
    regions it lists, the provinces around them and the regencies inside them."""
    if election.national:
        return lambda code: True
    codes = set(election.regions.values_list("code", flat=True))
    provinces = {code[:2] for code in codes}

    def member(code):
        return code in codes or (len(code) == 2 and code in provinces) or code[:2] in codes

    return member


def _kind_labels():
    return {kind: entry["label_id"] for kind, entry in shipped_catalog().kinds.items()}


def to_data(table):
    """TABLE as JSON data (what PublicTable stores); `from_data` reads it back."""
    return {
        "nation": _row_data(table.nation),
        "provinces": [_row_data(row) for row in table.provinces.values()],
        "regencies": [_row_data(row) for rows in table.regencies.values() for row in rows.values()],
        "compliance": [_row_data(row) for row in table.compliance],
        "has_figures": table.has_figures,
        "format": DATA_FORMAT,
    }


def from_data(election, data):
    labels = _kind_labels()
    provinces = {row["code"]: _row_of(row, labels) for row in data["provinces"]}
    regencies = {code: {} for code in provinces}
    for item in data["regencies"]:
        row = _row_of(item, labels)
        regencies.setdefault(row.code[:2], {})[row.code] = row
    return Table(
        election,
        None,
        _row_of(data["nation"], labels),
        provinces,
        regencies,
        [_row_of(row, labels) for row in data["compliance"]],
        has_figures=data["has_figures"],
    )


def _cell_data(cell):
    return None if cell is None else [cell.value, cell.status]


def _cell_of(data):
    return None if data is None else Cell(data[0], data[1])


def _row_data(row):
    return {
        "code": row.code,
        "name": row.name,
        "level": row.level,
        "cells": {name: _cell_data(cell) for name, cell in row.cells.items()},
        "median_days_to_decree": _cell_data(row.median_days_to_decree),
        "medians": {stage: _cell_data(cell) for stage, cell in row.medians.items()},
        # The kinds' labels are the catalog's, put back on reading: a table holds thousands.
        "kinds": [[kind, _cell_data(cell)] for kind, _label, cell in row.kinds],
        "employees": row.employees,
        "in_election": row.in_election,
    }


def _row_of(data, labels):
    return Row(
        data["code"],
        data["name"],
        data["level"],
        cells={name: _cell_of(cell) for name, cell in data["cells"].items()},
        median_days_to_decree=_cell_of(data["median_days_to_decree"]),
        medians={stage: _cell_of(cell) for stage, cell in data["medians"].items()},
        kinds=[(kind, labels.get(kind, kind), _cell_of(cell)) for kind, cell in data["kinds"]],
        employees=data["employees"],
        in_election=data["in_election"],
    )

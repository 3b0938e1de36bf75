"""The roster import on PostgreSQL, set-based: the file is streamed into a staging table with
COPY, checked there in one pass, and merged with one INSERT ... ON CONFLICT.

Python still reads the file (CSV or XLSX, netra/lib/tables.py) and tidies what only it can
(spaces in names, the agency's name key), but checks no row itself on the way in. SQL passes a
row as *certainly valid* only when every check of ``importer.row_checker`` would pass it, and
is stricter where it cannot be sure (a cell outside printable ASCII, a NIP seen twice): every
other row goes through ``row_checker`` itself, in file order, so that the error report (codes,
columns, line numbers, messages) is the one the SQLite path gives. Those rows are the invalid
ones and a few oddities, not the file.

Names get their search keys (name_key, name_phonetic) in Python, once per distinct name, and
only for rows that are new or whose name changed: an unchanged row keeps the keys it has.

When the rows to write are most of the table (a first load, a national re-load), the secondary
indexes, the NIP's unique constraint and the foreign keys are dropped, the new rows inserted
without ON CONFLICT and the changed ones updated by id, the indexes and the unique constraint
built again, and the keys added back NOT VALID and validated in one set-based pass each. Their
values were already checked by the staging query's joins. All of it is inside the caller's
transaction, so a refused or failed file leaves the table, its indexes and its keys as they
were. A re-import that changes few rows writes only those, through the indexes as they are.
"""

import codecs
import csv
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

import psycopg
from django.db import connection

from netra.lib.names import PAIR_JOIN, name_key, phonetic_index
from netra.lib.nip import _SEPARATORS as NIP_SEPARATORS
from netra.lib.tables import SNIFF_BYTES, encoding_of, kind_of, sniff_delimiter

from .importer import (
    ACTIVE_VALUES,
    EMPLOYMENT_TYPES,
    POSITION_CLASSES,
    CleanRow,
    ErrorList,
    RosterFileError,
    RowError,
    compact,
    read_header,
    row_checker,
)
from .models import Agency, Employee, NameCode
from .writer import CHANGING, ensure_agencies, write_rows_without_nip

TABLE = Employee._meta.db_table
AGENCY_TABLE = Agency._meta.db_table
CODES_TABLE = NameCode._meta.db_table

# Below this many rows to write, the indexes are maintained as rows go in: dropping them takes
# the table's strongest lock and rebuilding costs a pass over every row.
BULK_MIN_ROWS = 50_000

RAW_FIELDS = [
    "nip",
    "name",
    "employment_type",
    "position",
    "position_class",
    "agency",
    "agency_code",
    "district",
    "email",
    "active",
]
VALUE_COLUMNS = {
    "type": "employment_type",
    "class": "position_class",
    "district": "district",
    "active": "active",
}
STAGE_COLUMNS = (
    "line, nip, name, employment_type, position, position_class, agency_name, agency_key, "
    "agency_code, district, email, active, forced"
)
TEMP_TABLES = ["roster_values", "roster_checked", "roster_fixed", "roster_merge", "roster_keys"]
TEMP_TABLES += ["roster_file", "roster_agencies", "roster_tidy"]
RAW_NAMES = {f: "agency_name" if f == "agency" else f for f in RAW_FIELDS}

ASN = "('pns', 'cpns', 'pppk')"
DIGITS = "digits boolean GENERATED ALWAYS AS (nip ~ '^[0-9]*$') STORED"

# One pass over the staged rows. Each level is fenced with OFFSET 0 so that what it computes is
# computed once a row, not again at each use above it; whether the NIP is digits only is a
# column of the staged row, computed as COPY writes it. The coded columns (type, position
# class, district, active) are looked up together, in one join, by their raw texts in
# roster_values, which Python fills from the file's distinct combinations of them with the
# importer's own rules (_value_rows).
CHECK_SQL = f"""
CREATE TEMP TABLE roster_checked ON COMMIT DROP AS
SELECT line, nip, name, employment_type, position, position_class, agency_name, agency_key,
       agency_code, district_id, email, active, same_nip, certain AS ok
FROM (
  SELECT q.line, q.name, q.position, q.agency_name, q.agency_key, q.agency_code, q.same_nip,
         q.nip, q.employment_type, q.position_class, q.district_id, q.email, q.active,
         NOT q.forced
         AND q.type_ok AND q.class_ok AND q.district_ok AND q.active_ok AND q.code_plain
         AND length(q.name) BETWEEN 1 AND 255
         AND length(q.position) <= 255
         AND q.agency_key <> '' AND length(q.agency_name) <= 255
         AND q.nip_plain
         AND (q.nip IS NULL OR (
               q.digits18
               AND q.by >= 1940
               AND q.bm BETWEEN 1 AND 12
               AND q.bd BETWEEN 1 AND CASE
                 WHEN q.bm = 2 THEN
                   CASE WHEN (q.by %% 4 = 0 AND q.by %% 100 <> 0) OR q.by %% 400 = 0
                   THEN 29 ELSE 28 END
                 WHEN q.bm IN (4, 6, 9, 11) THEN 30 ELSE 31 END
               AND CASE
                 WHEN q.am = 21 THEN q.ay - q.by >= 18 AND q.ay <= %(last_year)s
                 WHEN q.am BETWEEN 1 AND 12 THEN
                   q.ay * 12 + q.am >= (q.by + 18) * 12 + q.bm
                   AND q.ay * 12 + q.am <= %(last_month)s
                 ELSE false END
               AND substr(q.nip, 15, 1) IN ('1', '2')
               AND right(q.nip, 3) <> '000'))
         AND NOT (coalesce(q.am = 21, false) AND q.employment_type IN ('pns', 'cpns'))
         AND NOT (q.employment_type IN {ASN} AND q.nip IS NULL)
         AND (q.email = ''
              OR (q.email_plain AND length(q.email) <= 254
                  AND q.email ~ '^[^@ ]+@[^@ ]+\\.[^@ ]+$')) AS certain
  FROM (
    SELECT p.*,
           CASE WHEN p.type_value = '' THEN CASE WHEN p.am = 21 THEN 'pppk' ELSE 'pns' END
                ELSE p.type_value END AS employment_type
    FROM (
      SELECT n.*,
             CASE WHEN n.digits18 THEN substr(n.nip, 1, 4)::int END AS by,
             CASE WHEN n.digits18 THEN substr(n.nip, 5, 2)::int END AS bm,
             CASE WHEN n.digits18 THEN substr(n.nip, 7, 2)::int END AS bd,
             CASE WHEN n.digits18 THEN substr(n.nip, 9, 4)::int END AS ay,
             CASE WHEN n.digits18 THEN substr(n.nip, 13, 2)::int END AS am
      FROM (
        SELECT m.*,
               -- digits, spaces, dots and dashes only, and not separators alone
               m.rest = '' AND (m.blank OR m.nip <> '') AS nip_plain,
               m.rest = '' AND length(m.nip) = 18 AS digits18
        FROM (
          SELECT r.line, r.forced, r.name, r.position, r.agency_name, r.agency_key,
                 left(btrim(r.agency_code, ' '), 40) AS agency_code,
                 r.agency_code = '' OR r.agency_code ~ '^[ -~]*$' AS code_plain,
                 -- NIPs as the rules of lib/nip.py normalise them, to find those seen twice;
                 -- the common case, digits only, spared the slower functions
                 CASE WHEN r.digits THEN nullif(r.nip, '')
                      ELSE nullif(translate(r.nip, %(separators)s, ''), '') END AS same_nip,
                 r.nip = '' OR btrim(r.nip, ' ') = '' AS blank,
                 CASE WHEN r.digits THEN nullif(r.nip, '')
                      WHEN btrim(r.nip, ' ') <> '' THEN translate(r.nip, ' .-', '') END AS nip,
                 CASE WHEN r.digits THEN '' ELSE translate(r.nip, '0123456789 .-', '') END
                   AS rest,
                 v.type_value, v.type_value IS NOT NULL AS type_ok,
                 v.class_value AS position_class, v.class_value IS NOT NULL AS class_ok,
                 nullif(v.district_value, '')::bigint AS district_id,
                 v.district_value IS NOT NULL AS district_ok,
                 v.active_value::boolean AS active, v.active_value IS NOT NULL AS active_ok,
                 btrim(r.email, ' ') AS email, r.email = '' OR r.email ~ '^[ -~]*$' AS email_plain
          FROM roster_raw r
          LEFT JOIN roster_values v ON v.type_raw = r.employment_type
            AND v.class_raw = r.position_class AND v.district_raw = r.district
            AND v.active_raw = r.active
          OFFSET 0
        ) m
        OFFSET 0
      ) n
      OFFSET 0
    ) p
    OFFSET 0
  ) q
) checked
"""


def _value_rows(kind, raws, district_codes, district_ids):
    """(kind, raw text, value) for each distinct raw text of a coded column, by the rules of
    importer.row_checker: "" for the type's default (set from the NIP) and for no class or
    district; no row for a text the checks refuse."""
    for raw in raws:
        text = raw.strip()
        if kind == "type":
            value = EMPLOYMENT_TYPES.get(compact(text)) if text else ""
        elif kind == "class":
            value = POSITION_CLASSES.get(compact(raw)) if text else ""
        elif kind == "district":
            code = (district_codes.get(text) or district_codes.get(compact(text))) if text else ""
            value = "" if not text else (str(district_ids[code]) if code else None)
        else:
            value = ACTIVE_VALUES.get(compact(raw))
            value = None if value is None else str(value).lower()
        if value is not None:
            yield kind, raw, str(value)


def _keys_of(names, stop):
    """tidy name -> (name key, phonetic index) for NAMES (raw or tidy), unless STOP is set on
    the way."""
    keys = {}
    for count, name in enumerate(names):
        if count % 10_000 == 0 and stop.is_set():
            return keys
        name = " ".join(name.split())
        if name not in keys:
            keys[name] = (name_key(name), phonetic_index(name))
    return keys


def _keys_of_file(path, delimiter, column, stop):
    """_keys_of the names in COLUMN of the plain CSV file PATH, read here with Python's csv
    module (in a thread, while COPY and the check keep the server busy)."""
    names = set()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader, None)
        for count, row in enumerate(reader):
            if count % 10_000 == 0 and stop.is_set():
                return {}
            if len(row) > column:
                names.add(row[column])
    return _keys_of(names, stop)


def _stream(cursor, path, limit_bytes, progress, names=None):
    """COPY the file's rows into roster_raw; return (data rows, labels, rows COPY could not
    carry as they are: row -> raw cells)."""
    rows, estimate, mapping, labels = read_header(path, limit_bytes)
    cursor.execute(
        "CREATE TEMP TABLE roster_raw (line int, nip text, name text, employment_type text, "
        "position text, position_class text, agency_name text, agency_key text, "
        f"agency_code text, district text, email text, active text, forced boolean, {DIGITS}) "
        "ON COMMIT DROP"
    )
    # A column the file lacks reads as the empty cell past the last known one.
    width = max(mapping.values()) + 2
    pick = itemgetter(*[mapping.get(f, width - 1) for f in RAW_FIELDS])
    agency_keys = {}  # raw agency text -> (name, key): a file names the same few many times
    forced = {}
    row_number, data_rows = 1, 0
    with cursor.copy(f"COPY roster_raw ({STAGE_COLUMNS}) FROM STDIN") as copy:
        write = copy.write_row
        for values in rows:
            row_number += 1
            joined = "".join(values)
            if not joined.strip():
                continue
            if len(values) < width:
                values = values + [""] * (width - len(values))
            else:
                values[width - 1] = ""
            data_rows += 1
            if progress and data_rows % 20_000 == 0:
                progress(data_rows, max(estimate, data_rows))
            nip, name, kind, position, position_class, agency, code, district, email, active = pick(
                values
            )
            known = agency_keys.get(agency)
            if known is None:
                tidy = " ".join(agency.split())
                known = agency_keys[agency] = (tidy, name_key(tidy) if tidy else "")
            name = " ".join(name.split())
            if names is not None:
                names.add(name)
            cells = (
                row_number,
                nip,
                name,
                kind,
                " ".join(position.split()),
                position_class,
                *known,
                code,
                district,
                email,
                active,
            )
            if "\x00" in joined:  # text columns cannot hold NUL: Python checks the row
                forced[row_number] = list(pick(values))
                write([c.replace("\x00", "") if isinstance(c, str) else c for c in cells] + [True])
            else:
                write((*cells, False))
    if data_rows == 0:
        raise RosterFileError("no_rows")
    if progress:
        progress(data_rows, data_rows)
    return data_rows, labels, forced


# A quoted cell as Python's csv module and PostgreSQL's COPY both read it: opened right after a
# delimiter or at a line's start, inner quotes doubled, closed right before a delimiter or the
# line's end, no line break inside. A file whose every quote is in such a cell, with no bare
# carriage return, blank line, end-of-data marker or over-long line, reads the same in both.
QUOTED = r'"(?<![^{d}\n]")[^"\r\n]*(?:""[^"\r\n]*)*"(?=[{d}]|\r?\n|\Z)'
PRINTABLE_OR_NEWLINE = bytes(range(32, 127)) + b"\r\n"


def _tidy_sql(column):
    """SQL for " ".join(column.split()) on a printable ASCII value (spaces its only blanks)."""
    return (
        f"CASE WHEN strpos({column}, '  ') > 0 "
        f"THEN regexp_replace(btrim({column}, ' '), ' {{2,}}', ' ', 'g') "
        f"ELSE btrim({column}, ' ') END"
    )


def _plain_csv(path):
    """(file's bytes without a byte-order mark, delimiter, all printable ASCII) when COPY can
    read PATH as Python's csv module does; else None."""
    with open(path, "rb") as fh:
        head = fh.read(8)
        if kind_of(head) != "csv" or encoding_of(head) != "utf-8-sig":
            return None
        data = head + fh.read()
    data = data.removeprefix(codecs.BOM_UTF8)
    sample = data[: 4 * SNIFF_BYTES].decode("utf-8", "ignore")[:SNIFF_BYTES]
    delimiter = sniff_delimiter(sample.splitlines()).encode()
    d = re.escape(delimiter)
    lines = data.count(b"\n")
    returns = data.count(b"\r")
    if returns and not (returns == data.count(b"\r\n") == lines):
        return None
    last = data[data.rfind(b"\n") + 1 :]
    blank = re.compile(rb'[ "' + d + rb"]*\r?")
    if (
        re.search(rb'\n[ "' + d + rb"]*\r?\n", data)
        or (last and blank.fullmatch(last))
        or re.search(rb"(?:^|\n)\\\.\r?(?:\n|$)", data)
        or max(map(len, data.split(b"\n"))) >= csv.field_size_limit()
    ):
        return None
    if b'"' in data and b'"' in re.sub(QUOTED.format(d=d).encode(), b"", data):
        return None
    return data, delimiter.decode(), not data.translate(None, PRINTABLE_OR_NEWLINE)


def _stream_plain(cur, path, limit_bytes, progress, read_names=None):
    """_stream's work done by COPY itself, for a plain CSV file (_plain_csv): the file's bytes
    go to roster_file as they are, and the view roster_raw tidies them as _stream does (spaces
    in SQL for printable ASCII values, in Python for the rest, agencies' keys in Python once per
    distinct text). Returns what _stream does, or None (nothing left behind) when the file is
    not plain or COPY reads it otherwise than Python would. READ_NAMES(delimiter, name column)
    is called once the file is known plain, before COPY."""
    _rows, _estimate, mapping, labels = read_header(path, limit_bytes)
    plain = _plain_csv(path)
    if plain is None:
        return None
    data, delimiter, printable = plain
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh, delimiter=delimiter), [])
    if len(header) < 2:
        return None
    by_index = {index: field for field, index in mapping.items()}
    columns = [RAW_NAMES.get(by_index.get(i), f"extra_{i}") for i in range(len(header))]
    missing = [RAW_NAMES[f] for f in RAW_FIELDS if f not in mapping]
    if read_names is not None:
        read_names(delimiter, mapping["name"])
    cur.execute("SAVEPOINT roster_plain")
    try:
        cur.execute(
            "CREATE TEMP TABLE roster_file (line int GENERATED ALWAYS AS IDENTITY "
            "(START WITH 2 CACHE 10000), "
            + ", ".join(f"{c} text" for c in columns)
            + "".join(f", {c} text NOT NULL DEFAULT ''" for c in missing)
            + f", forced boolean NOT NULL DEFAULT false, {DIGITS}) ON COMMIT DROP"
        )
        listed = ", ".join(columns)
        total, step = max(data.count(b"\n"), 1), 1 << 20
        with cur.copy(
            f"COPY roster_file ({listed}) FROM STDIN WITH (FORMAT csv, HEADER true, "
            f"DELIMITER '{delimiter}', FORCE_NOT_NULL ({listed}))"
        ) as copy:
            view = memoryview(data)
            for start in range(0, len(data), step):
                copy.write(view[start : start + step])
                if progress:
                    progress(data.count(b"\n", 0, start + step), total)
        data_rows = cur.rowcount
        records = data.count(b"\n") + (0 if data.endswith(b"\n") else 1) - 1
        if data_rows != records:
            raise _NotPlain
        tidy = {}
        if not printable:
            cur.execute(
                f"SELECT line, {listed} FROM roster_file WHERE concat({listed}) !~ '^[ -~]*$'"
            )
            for line, *cells in cur.fetchall():
                if not "".join(cells).strip():
                    raise _NotPlain  # a blank row the bytes did not show: Python skips it
                tidy[line] = cells
        _plain_view(cur, mapping, tidy)
    except (_NotPlain, psycopg.errors.DataError):
        cur.execute("ROLLBACK TO SAVEPOINT roster_plain")
        return None
    cur.execute("RELEASE SAVEPOINT roster_plain")
    if data_rows == 0:
        raise RosterFileError("no_rows")
    if progress:
        progress(data_rows, data_rows)
    return data_rows, labels, {}


class _NotPlain(Exception):
    """COPY did not read the file as Python's csv module would."""


def _plain_view(cur, mapping, odd):
    """roster_raw as a view of roster_file: names and positions tidied (in Python for the ODD
    rows, line -> cells), agencies tidied and keyed in Python once per distinct text."""
    cur.execute("SELECT DISTINCT agency_name FROM roster_file")
    agencies = [raw for (raw,) in cur.fetchall()]
    cur.execute(
        "CREATE TEMP TABLE roster_agencies (raw text PRIMARY KEY, name text, key text) "
        "ON COMMIT DROP"
    )
    with cur.copy("COPY roster_agencies FROM STDIN") as copy:
        for raw in agencies:
            tidy = " ".join(raw.split())
            copy.write_row((raw, tidy, name_key(tidy) if tidy else ""))
    name = _tidy_sql("f.name")
    position = _tidy_sql("f.position")
    joins = ""
    if odd:
        cur.execute(
            "CREATE TEMP TABLE roster_tidy (line int PRIMARY KEY, name text, position text) "
            "ON COMMIT DROP"
        )
        name_at = mapping["name"]
        position_at = mapping.get("position")
        with cur.copy("COPY roster_tidy FROM STDIN") as copy:
            for line, cells in odd.items():
                position_cell = cells[position_at] if position_at is not None else ""
                copy.write_row(
                    (line, " ".join(cells[name_at].split()), " ".join(position_cell.split()))
                )
        name, position = f"coalesce(t.name, {name})", f"coalesce(t.position, {position})"
        joins = " LEFT JOIN roster_tidy t ON t.line = f.line"
    cur.execute(
        "CREATE TEMP VIEW roster_raw AS SELECT f.line, f.nip, "
        f"{name} AS name, f.employment_type, {position} AS position, f.position_class, "
        "a.name AS agency_name, a.key AS agency_key, f.agency_code, f.district, f.email, "
        "f.active, f.forced, f.digits "
        f"FROM roster_file f JOIN roster_agencies a ON a.raw = f.agency_name{joins}"
    )


class StagedImport:
    """One file's import into REGION's roster, inside the caller's transaction."""

    def __init__(self, region, district_codes, district_ids, allowed):
        self.region, self.allowed = region, allowed
        self.district_codes, self.district_ids = district_codes, district_ids
        connection.ensure_connection()
        self.raw = connection.connection
        self.cursor = self.raw.cursor()
        self.codes = set()
        self.timings = {}
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.stop = threading.Event()
        self.keys_ahead = None
        self.plain = False

    def close(self):
        self.stop.set()
        self.pool.shutdown(wait=True)
        self.cursor.close()

    def run(self, path, *, limit_bytes, progress, skip_invalid):
        """Check PATH; write it unless it is refused. Returns a dict for actions.py."""
        cur, phase = self.cursor, self._phase
        self._create_tables()
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE} WHERE region_id = %s)", [self.region.pk])
        names = None if cur.fetchone()[0] else set()

        def read_names(delimiter, column):
            # A first load: every name needs its keys. A thread makes them from the file
            # while COPY and the check keep the server busy (the connection waits without
            # holding the GIL).
            self.keys_ahead = self.pool.submit(_keys_of_file, path, delimiter, column, self.stop)

        with phase("stream"):
            streamed = _stream_plain(
                cur, path, limit_bytes, progress, read_names if names is not None else None
            )
            self.plain = streamed is not None
            # the file's own cells: roster_raw, a view on a plain file, tidies them
            self.source = "roster_file" if self.plain else "roster_raw"
            if streamed is None:
                streamed = _stream(cur, path, limit_bytes, progress, names)
            total, labels, forced = streamed
        if names and self.keys_ahead is None:
            # The same from the names the Python stream collected, while the server checks.
            self.keys_ahead = self.pool.submit(_keys_of, names, self.stop)
        with phase("check"):
            self._values()
            today = date.today()
            cur.execute(
                CHECK_SQL,
                {
                    "separators": "".join(map(chr, NIP_SEPARATORS)),
                    "last_year": today.year + 1,
                    "last_month": (today.year + 1) * 12 + today.month,
                },
            )
            # A NIP seen twice (as lib/nip.py normalises it): Python tells which row is first
            # valid. A hashed count of a narrow column, not a sort of the whole rows.
            cur.execute(
                "UPDATE roster_checked SET ok = false WHERE ok AND same_nip IN ("
                "SELECT same_nip FROM roster_checked WHERE same_nip IS NOT NULL "
                "GROUP BY same_nip HAVING count(*) > 1)"
            )
        errors = ErrorList(labels)
        with phase("recheck"):
            agencies = self._recheck(errors, forced)
            foreign = self._foreign()
        error_count = errors.count + len(foreign)
        outcome = {
            "total_rows": total,
            "errors": errors.errors,
            "error_count": error_count,
            "foreign": foreign,
            "labels": labels,
            "rejected": bool(error_count) and not skip_invalid,
        }
        if outcome["rejected"]:
            return outcome
        agency_ids = ensure_agencies(self.region, agencies)
        outcome.update(self._write(agency_ids, total))
        self._drop_tables()
        return outcome

    @contextmanager
    def _phase(self, name):
        """Where the time goes (bench/roster_import.py reads it)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0) + time.perf_counter() - start

    # ---- checking ----------------------------------------------------------------------------

    def _create_tables(self):
        cur = self.cursor
        cur.execute("SET LOCAL work_mem = '256MB'")
        cur.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cur.execute("SET LOCAL jit = off")  # compiling the check costs more than it saves

    def _values(self):
        """roster_values: what each distinct combination of raw texts of the coded columns
        stands for (NULL for a text the checks refuse)."""
        cur = self.cursor
        columns = ", ".join(VALUE_COLUMNS.values())
        cur.execute(
            "CREATE TEMP TABLE roster_values (type_raw text, class_raw text, district_raw text, "
            "active_raw text, type_value text, class_value text, district_value text, "
            "active_value text) ON COMMIT DROP"
        )
        cur.execute(f"SELECT DISTINCT {columns} FROM {self.source}")
        combinations = cur.fetchall()
        values = {}  # (kind, raw) -> value
        for kind, index in zip(VALUE_COLUMNS, range(len(VALUE_COLUMNS)), strict=True):
            raws = {combination[index] for combination in combinations}
            found = {
                raw: value
                for _k, raw, value in _value_rows(
                    kind, raws, self.district_codes, self.district_ids
                )
            }
            values.update(((kind, raw), found.get(raw)) for raw in raws)
        with cur.copy("COPY roster_values FROM STDIN") as copy:
            for combination in combinations:
                copy.write_row(
                    (
                        *combination,
                        *(
                            values[kind, raw]
                            for kind, raw in zip(VALUE_COLUMNS, combination, strict=True)
                        ),
                    )
                )
        cur.execute("ANALYZE roster_values")

    def _recheck(self, errors, forced):
        """Run row_checker over the rows SQL did not pass, in file order; mark the valid ones
        ok with their values. Returns the agencies of the valid rows: key -> (name, code)."""
        cur = self.cursor
        check = row_checker(self.district_codes, errors.label, errors.fail)
        seen_nips, agency_keys = {}, {}
        cur.execute(
            "SELECT r.line, r.nip, r.name, r.employment_type, r.position, r.position_class, "
            "r.agency_name, r.agency_code, r.district, r.email, r.active "
            f"FROM {self.source} r WHERE r.line IN (SELECT line FROM roster_checked WHERE NOT ok) "
            "ORDER BY r.line"
        )
        fixed, agencies = [], {}
        for row, *cells in cur.fetchall():
            checked = check(row, *forced.get(row, cells), seen_nips, agency_keys)
            if checked is not None:
                clean, agency = checked
                fixed.append(clean)
                agencies.setdefault(clean.agency_key, (row, agency))
        # Each agency as its first valid row names it: the first rows found by a hashed
        # aggregate, then read, rather than a sort of the whole file.
        cur.execute(
            "SELECT c.agency_key, c.line, c.agency_name, c.agency_code FROM roster_checked c "
            "WHERE c.line = ANY(ARRAY(SELECT min(line) FROM roster_checked WHERE ok "
            "GROUP BY agency_key))"
        )
        for key, row, name, code in cur.fetchall():
            if key not in agencies or agencies[key][0] > row:
                agencies[key] = (row, (name, code))
        if fixed:
            cur.execute(
                "CREATE TEMP TABLE roster_fixed (line int, nip text, employment_type text, "
                "position_class text, district_id bigint, email text, active boolean) "
                "ON COMMIT DROP"
            )
            with cur.copy("COPY roster_fixed FROM STDIN") as copy:
                for r in fixed:
                    district = self.district_ids[r.district_code] if r.district_code else None
                    copy.write_row(
                        (r.row, r.nip, r.employment_type, r.position_class, district, r.email)
                        + (r.active,)
                    )
            cur.execute(
                "UPDATE roster_checked c SET ok = true, nip = f.nip, "
                "employment_type = f.employment_type, position_class = f.position_class, "
                "district_id = f.district_id, email = f.email, active = f.active "
                "FROM roster_fixed f WHERE f.line = c.line"
            )
        return {key: agency for key, (_row, agency) in agencies.items()}

    def _foreign(self):
        """(row, NIP) of the valid rows whose NIP belongs to a region outside the actor's
        reach; those rows are no longer ok."""
        if self.allowed is None:
            return []
        cur = self.cursor
        cur.execute(
            f"UPDATE roster_checked c SET ok = false FROM {TABLE} e "
            "WHERE c.ok AND e.nip = c.nip AND NOT (e.region_id = ANY(%s)) RETURNING c.line, c.nip",
            [list(self.allowed)],
        )
        return sorted(cur.fetchall())

    # ---- writing -----------------------------------------------------------------------------

    def _write(self, agency_ids, total):
        cur, region_id, phase = self.cursor, self.region.pk, self._phase
        differs = " OR ".join(
            f"e.{c} IS DISTINCT FROM m.{c}"
            for c in CHANGING
            if c not in ("name_key", "name_phonetic")
        )
        with phase("compare"):
            # The planner looks each checked row up in the NIP's index even when they are a
            # large part of the roster: a million probes (about 10 s at load 7), where one hash
            # join of the two does it in half the time.
            many = self._many(total)
            if many:
                cur.execute("SET LOCAL enable_nestloop = off")
            cur.execute(
                "CREATE TEMP TABLE roster_merge ON COMMIT DROP AS "
                "SELECT m.*, e.id AS old_id, "
                "e.id IS NULL OR e.name IS DISTINCT FROM m.name AS new_name, "
                "e.name_key AS old_key, e.name_phonetic AS old_phonetic "
                "FROM (SELECT c.nip, c.name, c.employment_type, c.position, c.position_class, "
                "a.id AS agency_id, %(region)s::bigint AS region_id, c.district_id, c.email, "
                "c.active "
                f"FROM roster_checked c JOIN {AGENCY_TABLE} a "
                "ON a.region_id = %(region)s AND a.name_key = c.agency_key "
                "WHERE c.ok AND c.nip <> '') m "
                f"LEFT JOIN {TABLE} e ON e.nip = m.nip WHERE e.id IS NULL OR {differs}",
                {"region": region_id},
            )
            to_write = cur.rowcount
            if many:
                cur.execute("SET LOCAL enable_nestloop TO DEFAULT")
            cur.execute("SELECT count(*) FROM roster_checked WHERE ok AND nip <> ''")
            with_nip = cur.fetchone()[0]
        with phase("name_keys"):
            self._name_keys()
        with phase("drop_indexes"):
            bulk = self._bulk(to_write)
        created = updated = 0
        if to_write:
            with phase("merge"):
                if bulk is None:
                    created, updated = self._merge()
                else:
                    created, updated = self._bulk_merge()
        if bulk is not None:
            with phase("rebuild"):
                self._rebuild(*bulk)
        with phase("without_nip"):
            without = self._rows_without_nip(agency_ids)
        if self.codes:
            cur.execute(
                f"INSERT INTO {CODES_TABLE} (code) SELECT unnest(%s::text[]) "
                "ON CONFLICT DO NOTHING",
                [sorted(self.codes)],
            )
        return {
            "imported": with_nip + without[0],
            "created": created + without[1],
            "updated": updated + without[2],
            "bulk": bulk is not None,
            "timings": self.timings,
        }

    def _many(self, rows):
        """Are ROWS (checked rows) a large part of the roster? Then they are compared with it in
        one hash join."""
        if rows < BULK_MIN_ROWS:
            return False
        self.cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
        return rows >= self.cursor.fetchone()[0] / 5

    def _name_keys(self):
        """Search keys for each distinct name that is new or changed, made once."""
        cur = self.cursor
        cur.execute(
            "CREATE TEMP TABLE roster_keys (name text, key text, phonetic text) ON COMMIT DROP"
        )
        cur.execute("SELECT DISTINCT name FROM roster_merge WHERE new_name")
        names = cur.fetchall()
        ahead = self.keys_ahead.result() if self.keys_ahead is not None else {}
        codes = set()
        with cur.copy("COPY roster_keys FROM STDIN") as keys:
            write = keys.write_row
            for (name,) in names:
                key, phonetic = ahead.get(name) or (name_key(name), phonetic_index(name))
                codes.update(phonetic.split())
                write((name, key, phonetic))
        self.codes.update(c for c in codes if PAIR_JOIN not in c)

    def _merge(self):
        cols = "nip, name, name_key, name_phonetic, " + ", ".join(
            c for c in CHANGING if c not in ("name", "name_key", "name_phonetic")
        )
        picked = ", ".join(
            f"m.{c}" for c in CHANGING if c not in ("name", "name_key", "name_phonetic")
        )
        sets = ", ".join(f"{c} = excluded.{c}" for c in CHANGING + ["updated_at"])
        same = " AND ".join(f"{TABLE}.{c} IS NOT DISTINCT FROM excluded.{c}" for c in CHANGING)
        # Ordered by NIP so that concurrent imports lock rows in the same order.
        order = "ORDER BY m.nip "
        self.cursor.execute(
            f"WITH up AS (INSERT INTO {TABLE} ({cols}, updated_at) "
            "SELECT m.nip, m.name, CASE WHEN m.new_name THEN k.key ELSE m.old_key END, "
            f"CASE WHEN m.new_name THEN k.phonetic ELSE m.old_phonetic END, {picked}, now() "
            "FROM roster_merge m LEFT JOIN roster_keys k ON m.new_name AND k.name = m.name "
            f"{order}ON CONFLICT (nip) DO UPDATE SET {sets} WHERE NOT ({same}) "
            "RETURNING (xmax = 0) AS inserted) "
            "SELECT count(*) FILTER (WHERE inserted), count(*) FROM up"
        )
        created, written = self.cursor.fetchone()
        return created, written - created

    def _bulk_merge(self):
        """The merge of a bulk load: the table's exclusive lock is held (its indexes were
        dropped) and roster_merge holds only rows that differ, so the new rows are inserted
        as they are, without ON CONFLICT, and the others updated by id."""
        cur = self.cursor
        changing = [c for c in CHANGING if c not in ("name", "name_key", "name_phonetic")]
        keys = (
            "CASE WHEN m.new_name THEN k.key ELSE m.old_key END, "
            "CASE WHEN m.new_name THEN k.phonetic ELSE m.old_phonetic END"
        )
        joined = "roster_merge m LEFT JOIN roster_keys k ON m.new_name AND k.name = m.name"
        cur.execute(
            f"UPDATE {TABLE} e SET (name, name_key, name_phonetic, {', '.join(changing)}, "
            f"updated_at) = ROW(m.name, {keys}, {', '.join(f'm.{c}' for c in changing)}, "
            f"now()) FROM {joined} WHERE m.old_id IS NOT NULL AND e.id = m.old_id"
        )
        updated = cur.rowcount
        cur.execute(
            f"INSERT INTO {TABLE} (nip, name, name_key, name_phonetic, {', '.join(changing)}, "
            f"updated_at) SELECT m.nip, m.name, {keys}, {', '.join(f'm.{c}' for c in changing)}, "
            f"now() FROM {joined} WHERE m.old_id IS NULL"
        )
        return cur.rowcount, updated

    def _bulk(self, to_write):
        """When the rows to write are most of the table, drop its secondary indexes and its
        foreign keys; return what to build again, or None."""
        cur = self.cursor
        if to_write < BULK_MIN_ROWS:
            return None
        cur.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
        estimate = cur.fetchone()[0]
        if estimate > 0 and to_write < estimate / 2:
            return None
        cur.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid "
            "AND c.conrelid = x.indrelid) ORDER BY i.relname",
            [TABLE],
        )
        indexes = cur.fetchall()
        cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
            [TABLE],
        )
        keys = cur.fetchall()
        # The NIP's unique constraint too: building it once, sorted, costs far less than a
        # million inserts into it at random places. The merge no longer needs it (it inserts
        # only rows the compare found no NIP for), and adding it back checks the NIPs again.
        cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u' AND NOT condeferrable "
            "ORDER BY conname",
            [TABLE],
        )
        unique = cur.fetchall()
        # Checks this transaction still owes the table must run before its keys go.
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, _definition in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        if keys or unique:
            cur.execute(
                f"ALTER TABLE {TABLE} "
                + ", ".join(f'DROP CONSTRAINT "{n}"' for n, _d in keys + unique)
            )
        indexes = [
            (name, f'ALTER TABLE {TABLE} ADD CONSTRAINT "{name}" {definition}')
            for name, definition in unique
        ] + indexes
        cur.execute("SET CONSTRAINTS ALL DEFERRED")
        return indexes, keys

    def _rebuild(self, indexes, keys):
        cur, phase = self.cursor, self._phase
        for name, definition in indexes:
            with phase(f"index {name}"):
                cur.execute(definition)
        if keys:
            with phase("foreign keys"):
                cur.execute(
                    f"ALTER TABLE {TABLE} "
                    + ", ".join(f'ADD CONSTRAINT "{n}" {d} NOT VALID' for n, d in keys)
                )
                for name, _definition in keys:
                    cur.execute(f'ALTER TABLE {TABLE} VALIDATE CONSTRAINT "{name}"')
        with phase("analyze"):
            cur.execute(f"ANALYZE {TABLE}")

    def _rows_without_nip(self, agency_ids):
        """Rows without a NIP are matched on agency and name, in Python (writer.py): they are
        the non-ASN staff and village officials, a small part of a roster."""
        cur = self.cursor
        cur.execute(
            "SELECT line, nip, name, employment_type, position, position_class, agency_key, "
            "district_id, email, active FROM roster_checked "
            "WHERE ok AND (nip IS NULL OR nip = '') ORDER BY line"
        )
        rows = []
        for (
            row,
            nip,
            name,
            kind,
            position,
            position_class,
            agency,
            district,
            email,
            active,
        ) in cur.fetchall():
            phonetic = phonetic_index(name)
            self.codes.update(c for c in phonetic.split() if PAIR_JOIN not in c)
            rows.append(
                CleanRow(
                    row,
                    nip,
                    name,
                    name_key(name),
                    phonetic,
                    kind,
                    position,
                    position_class,
                    agency,
                    district,
                    email,
                    active,
                )
            )
        if not rows:
            return 0, 0, 0
        ids = {r.district_code: r.district_code for r in rows if r.district_code}
        created, updated = write_rows_without_nip(rows, self.region, agency_ids, ids)
        return len(rows), created, updated

    def _drop_tables(self):
        # ON COMMIT DROP is not enough: a test, or a caller, may import twice in one
        # transaction.
        cur = self.cursor
        if self.plain:
            cur.execute("DROP VIEW roster_raw")
        tables = TEMP_TABLES if self.plain else ["roster_raw", *TEMP_TABLES]
        cur.execute("DROP TABLE IF EXISTS " + ", ".join(tables))


def import_file(
    path, *, region, district_codes, district_ids, allowed, skip_invalid, progress, limit_bytes
):
    """Import PATH into REGION's roster (PostgreSQL). Returns the outcome dict of
    StagedImport.run, with the errors as RowError objects sorted by row."""
    job = StagedImport(region, district_codes, district_ids, allowed)
    try:
        outcome = job.run(
            path, limit_bytes=limit_bytes, progress=progress, skip_invalid=skip_invalid
        )
    finally:
        job.close()
    if outcome["foreign"]:
        nip_label = outcome["labels"].get("nip", "NIP")
        outcome["errors"] = sorted(
            outcome["errors"]
            + [
                RowError(row, nip_label, "nip_other_region", nip) for row, nip in outcome["foreign"]
            ],
            key=lambda e: e.row,
        )
    return outcome

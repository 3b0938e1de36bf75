"""Writing checked roster rows: an upsert by NIP, in bulk, on SQLite and PostgreSQL.

PostgreSQL streams each chunk with COPY into a temporary table and merges it with one
INSERT ... ON CONFLICT; SQLite uses executemany with the same upsert. Rows whose content did not
change are left alone, so re-importing an unchanged file writes nothing. Rows without NIP
(non-ASN staff, village officials) are matched on agency and normalised name instead.
"""

from concurrent.futures import ThreadPoolExecutor, wait

from django.db import connection
from django.utils import timezone

from netra.lib.names import PAIR_JOIN

from .models import Agency, Employee, NameCode

FIELDS = [
    "nip",
    "name",
    "name_key",
    "name_phonetic",
    "employment_type",
    "position",
    "position_class",
    "agency_id",
    "region_id",
    "district_id",
    "email",
    "active",
]
CHANGING = [f for f in FIELDS if f != "nip"]
TABLE = Employee._meta.db_table
CODES_TABLE = NameCode._meta.db_table


def ensure_agencies(region, agencies):
    """agency key -> id for REGION, creating the agencies the file names for the first time."""
    existing = dict(Agency.objects.filter(region=region).values_list("name_key", "id"))
    new = [
        Agency(region=region, name=name[:255], name_key=key[:255], code=code)
        for key, (name, code) in agencies.items()
        if key not in existing
    ]
    if new:
        Agency.objects.bulk_create(new, batch_size=1000)
        existing = dict(Agency.objects.filter(region=region).values_list("name_key", "id"))
    return existing


def _tuples(rows, region_id, agency_ids, district_ids):
    for r in rows:
        yield (
            r.nip,
            r.name,
            r.name_key,
            r.name_phonetic,
            r.employment_type,
            r.position,
            r.position_class,
            agency_ids[r.agency_key],
            region_id,
            district_ids.get(r.district_code) if r.district_code else None,
            r.email,
            r.active,
        )


def _upsert_sql(placeholders_from):
    cols = ", ".join(FIELDS + ["updated_at"])
    sets = ", ".join(f"{c} = excluded.{c}" for c in CHANGING + ["updated_at"])
    # Unchanged rows are skipped: written as NOT (a IS b AND ...), which both databases accept.
    same = " AND ".join(f"{TABLE}.{c} IS excluded.{c}" for c in CHANGING)
    if connection.vendor == "postgresql":
        same = " AND ".join(f"{TABLE}.{c} IS NOT DISTINCT FROM excluded.{c}" for c in CHANGING)
    return (
        f"INSERT INTO {TABLE} ({cols}) {placeholders_from} "
        f"ON CONFLICT (nip) DO UPDATE SET {sets} WHERE NOT ({same})"
    )


def _name_codes(rows):
    return sorted({term for r in rows for term in r.name_phonetic.split() if PAIR_JOIN not in term})


def _postgres_chunk(raw_connection, tuples, codes):
    """COPY one chunk into the staging table and merge it; return (created, updated)."""
    copied = ", ".join(FIELDS)
    with raw_connection.cursor() as raw:
        raw.execute(
            f"INSERT INTO {CODES_TABLE} (code) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
            [codes],
        )
        with raw.copy(f"COPY roster_stage ({copied}) FROM STDIN") as copy:
            for t in tuples:
                copy.write_row(t)
        # Ordered by NIP so that concurrent imports lock rows in the same order.
        sql = _upsert_sql(f"SELECT {copied}, updated_at FROM roster_stage ORDER BY nip")
        raw.execute(
            f"WITH up AS ({sql} RETURNING (xmax = 0) AS inserted) "
            "SELECT count(*) FILTER (WHERE inserted), count(*) FROM up"
        )
        created, written = raw.fetchone()
        raw.execute("TRUNCATE roster_stage")
    return created, written - created


class RosterWriter:
    """Upserts checked rows into one region's roster, chunk by chunk, inside the caller's
    transaction.

    On PostgreSQL each chunk is merged by a helper thread over the same connection (and so the
    same transaction) while the caller checks the next chunk, so the checker and the database
    work on two cores at once. Between `add` calls the caller must leave the connection alone
    unless it calls `wait` first.
    """

    def __init__(self, region, district_ids):
        self.region, self.district_ids = region, district_ids
        self.agency_ids = {}
        self.without_nip = []
        self.created = self.updated = 0
        self.pending = None
        self.now = timezone.now()
        self.postgres = connection.vendor == "postgresql"
        self.pool = ThreadPoolExecutor(max_workers=1) if self.postgres else None
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute("SET LOCAL work_mem = '256MB'")
                cursor.execute(
                    "CREATE TEMP TABLE roster_stage ("
                    "nip varchar(18), name varchar(255), name_key varchar(255), "
                    "name_phonetic varchar(255), employment_type varchar(20), "
                    "position varchar(255), position_class varchar(20), agency_id bigint, "
                    "region_id bigint, district_id bigint, email varchar(254), active boolean, "
                    "updated_at timestamptz DEFAULT now()) ON COMMIT DROP"
                )
            else:
                cursor.execute(f"SELECT count(*) FROM {TABLE}")
                self.count_before = cursor.fetchone()[0]
        self.raw = connection.connection

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        # Never leave a thread writing on a connection the caller is about to roll back.
        if self.pending is not None:
            wait([self.pending])
        if self.pool is not None:
            self.pool.shutdown()
        return False

    def wait(self):
        if self.pending is not None:
            pending, self.pending = self.pending, None
            created, updated = pending.result()
            self.created += created
            self.updated += updated

    def add(self, rows, agencies):
        self.wait()
        missing = agencies.keys() - self.agency_ids.keys()
        if missing:
            self.agency_ids = ensure_agencies(self.region, {k: agencies[k] for k in missing})
        with_nip = []
        for r in rows:
            (with_nip if r.nip else self.without_nip).append(r)
        tuples = list(_tuples(with_nip, self.region.pk, self.agency_ids, self.district_ids))
        codes = _name_codes(rows)
        if self.postgres:
            self.pending = self.pool.submit(_postgres_chunk, self.raw, tuples, codes)
        else:
            self.updated += self._sqlite_chunk(tuples, codes)

    def _sqlite_chunk(self, tuples, codes):
        markers = ", ".join(["%s"] * (len(FIELDS) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT OR IGNORE INTO {CODES_TABLE} (code) VALUES (%s)", [(c,) for c in codes]
            )
            cursor.executemany(_upsert_sql(f"VALUES ({markers})"), [(*t, self.now) for t in tuples])
            return cursor.rowcount  # inserted + changed; told apart in finish()

    def finish(self):
        """Write what is left; return (created, updated) for the whole import."""
        self.wait()
        created, updated = write_rows_without_nip(
            self.without_nip, self.region, self.agency_ids, self.district_ids, self.now
        )
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute("DROP TABLE roster_stage")
            else:
                cursor.execute(f"SELECT count(*) FROM {TABLE}")
                inserted = cursor.fetchone()[0] - self.count_before - created
                self.created, self.updated = inserted, self.updated - inserted
        return self.created + created, self.updated + updated


def write_rows_without_nip(rows, region, agency_ids, district_ids, now=None):
    """Upsert rows without a NIP, matched on agency and normalised name; (created, updated)."""
    now = now or timezone.now()
    existing = {
        (v[FIELDS.index("agency_id")], v[FIELDS.index("name_key")]): (pk, v)
        for pk, *v in Employee.objects.filter(region=region, nip=None).values_list("id", *FIELDS)
    }
    new, changed = [], []
    for t in _tuples(rows, region.pk, agency_ids, district_ids):
        values = dict(zip(FIELDS, t, strict=True))
        match = existing.get((values["agency_id"], values["name_key"]))
        if match is None:
            new.append(Employee(updated_at=now, **values))
        elif tuple(match[1]) != t:
            changed.append(Employee(pk=match[0], updated_at=now, **values))
    Employee.objects.bulk_create(new, batch_size=2000)
    Employee.objects.bulk_update(changed, CHANGING + ["updated_at"], batch_size=2000)
    return len(new), len(changed)


def write_rows(rows, *, region, agencies, district_ids):
    """Upsert ROWS (checked CleanRow objects) in one go; return (created, updated)."""
    with RosterWriter(region, district_ids) as writer:
        writer.add(rows, agencies)
        return writer.finish()


def nips_outside(nips, allowed_region_ids):
    """The NIPs among NIPS already registered to a region outside ALLOWED_REGION_IDS."""
    found = set()
    nips = list(nips)
    for start in range(0, len(nips), 5000):
        chunk = nips[start : start + 5000]
        found.update(
            Employee.objects.filter(nip__in=chunk)
            .exclude(region_id__in=allowed_region_ids)
            .values_list("nip", flat=True)
        )
    return found

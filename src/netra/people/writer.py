"""Writing checked roster rows: an upsert by NIP, in bulk, on SQLite and PostgreSQL.

PostgreSQL streams the rows with COPY into a temporary table and merges them with one
INSERT ... ON CONFLICT; SQLite uses executemany with the same upsert. Rows whose content did not
change are left alone, so re-importing an unchanged file writes nothing. Rows without NIP
(non-ASN staff, village officials) are matched on agency and normalised name instead.
"""

from django.db import connection
from django.utils import timezone

from .models import Agency, Employee

CHUNK = 50_000
FIELDS = ["nip", "name", "name_key", "name_phonetic", "employment_type", "position",
          "position_class", "agency_id", "region_id", "district_id", "email", "active"]
CHANGING = [f for f in FIELDS if f != "nip"]
TABLE = Employee._meta.db_table


def ensure_agencies(region, agencies):
    """agency key -> id for REGION, creating the agencies the file names for the first time."""
    existing = dict(Agency.objects.filter(region=region).values_list("name_key", "id"))
    new = [Agency(region=region, name=name[:255], name_key=key[:255], code=code)
           for key, (name, code) in agencies.items() if key not in existing]
    if new:
        Agency.objects.bulk_create(new, batch_size=1000)
        existing = dict(Agency.objects.filter(region=region).values_list("name_key", "id"))
    return existing


def _tuples(rows, region_id, agency_ids, district_ids):
    for r in rows:
        yield (r.nip, r.name, r.name_key, r.name_phonetic, r.employment_type, r.position,
               r.position_class, agency_ids[r.agency_key], region_id,
               district_ids.get(r.district_code) if r.district_code else None, r.email, r.active)


def _upsert_sql(placeholders_from):
    cols = ", ".join(FIELDS + ["updated_at"])
    sets = ", ".join(f"{c} = excluded.{c}" for c in CHANGING + ["updated_at"])
    # Unchanged rows are skipped: written as NOT (a IS b AND ...), which both databases accept.
    same = " AND ".join(f"{TABLE}.{c} IS excluded.{c}" for c in CHANGING)
    if connection.vendor == "postgresql":
        same = " AND ".join(f"{TABLE}.{c} IS NOT DISTINCT FROM excluded.{c}" for c in CHANGING)
    return (f"INSERT INTO {TABLE} ({cols}) {placeholders_from} "
            f"ON CONFLICT (nip) DO UPDATE SET {sets} WHERE NOT ({same})")


def _write_nip_rows_postgres(tuples, count, now, progress):
    columns = ", ".join(FIELDS + ["updated_at"])
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute(
            "CREATE TEMP TABLE roster_stage ("
            "nip varchar(18), name varchar(255), name_key varchar(255), "
            "name_phonetic varchar(255), employment_type varchar(20), position varchar(255), "
            "position_class varchar(20), agency_id bigint, region_id bigint, "
            "district_id bigint, email varchar(254), active boolean, updated_at timestamptz"
            ") ON COMMIT DROP")
        done = 0
        with raw.copy(f"COPY roster_stage ({columns}) FROM STDIN") as copy:
            for t in tuples:
                copy.write_row((*t, now))
                done += 1
                if progress and done % CHUNK == 0:
                    progress(done, count)
        # Ordered by NIP so that concurrent imports lock rows in the same order.
        sql = _upsert_sql(f"SELECT {columns} FROM roster_stage ORDER BY nip")
        raw.execute(f"WITH up AS ({sql} RETURNING (xmax = 0) AS inserted) "
                    "SELECT count(*) FILTER (WHERE inserted), count(*) FROM up")
        created, written = raw.fetchone()
        raw.execute("DROP TABLE roster_stage")
    return created, written - created


def _write_nip_rows_sqlite(tuples, count, now, progress):
    placeholders = ", ".join(["%s"] * (len(FIELDS) + 1))
    sql = _upsert_sql(f"VALUES ({placeholders})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        before = cursor.fetchone()[0]
        written = done = 0
        batch = []
        for t in tuples:
            batch.append((*t, now))
            if len(batch) == CHUNK:
                cursor.executemany(sql, batch)
                written += cursor.rowcount
                done += len(batch)
                batch = []
                if progress:
                    progress(done, count)
        if batch:
            cursor.executemany(sql, batch)
            written += cursor.rowcount
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        created = cursor.fetchone()[0] - before
    return created, written - created


def _write_rows_without_nip(rows, region, agency_ids, district_ids, now):
    existing = {(v[FIELDS.index("agency_id")], v[FIELDS.index("name_key")]): (pk, v)
                for pk, *v in Employee.objects.filter(region=region, nip=None)
                .values_list("id", *FIELDS)}
    new, changed = [], []
    for t in _tuples(rows, region.pk, agency_ids, district_ids):
        values = dict(zip(FIELDS, t))
        match = existing.get((values["agency_id"], values["name_key"]))
        if match is None:
            new.append(Employee(updated_at=now, **values))
        elif tuple(match[1]) != t:
            changed.append(Employee(pk=match[0], updated_at=now, **values))
    Employee.objects.bulk_create(new, batch_size=2000)
    Employee.objects.bulk_update(changed, CHANGING + ["updated_at"], batch_size=2000)
    return len(new), len(changed)


def write_rows(rows, *, region, agencies, district_ids, progress=None):
    """Upsert ROWS (checked CleanRow objects) into REGION's roster; return (created, updated).

    Call inside a transaction: the caller decides whether the import is all-or-nothing.
    """
    agency_ids = ensure_agencies(region, agencies)
    now = timezone.now()
    with_nip = [r for r in rows if r.nip]
    without_nip = [r for r in rows if not r.nip]
    tuples = _tuples(with_nip, region.pk, agency_ids, district_ids)
    if connection.vendor == "postgresql":
        created, updated = _write_nip_rows_postgres(tuples, len(with_nip), now, progress)
    else:
        created, updated = _write_nip_rows_sqlite(tuples, len(with_nip), now, progress)
    c2, u2 = _write_rows_without_nip(without_nip, region, agency_ids, district_ids, now)
    if progress:
        progress(len(rows), len(rows))
    return created + c2, updated + u2


def nips_outside(nips, allowed_region_ids):
    """The NIPs among NIPS already registered to a region outside ALLOWED_REGION_IDS."""
    found = set()
    nips = list(nips)
    for start in range(0, len(nips), 5000):
        chunk = nips[start:start + 5000]
        found.update(Employee.objects.filter(nip__in=chunk)
                     .exclude(region_id__in=allowed_region_ids).values_list("nip", flat=True))
    return found



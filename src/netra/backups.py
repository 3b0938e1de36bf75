"""`netra backup FILE` and `netra restore FILE`: one archive that restores, or is refused.

The archive is a gzip-compressed tar (ustar) whose members come in this order:

- `manifest.json`: format version, Netra version, database vendor, applied migrations, time
  written, row counts per table, and the size and SHA-256 of every part below;
- `manifest.hmac`: HMAC-SHA256 of the manifest's exact bytes, keyed with a key derived from
  the audit key (`manifest_key`);
- the database: `database.sqlite3` (SQLite's online backup API, a consistent copy even while
  Netra writes) or `database.pgdump` (`pg_dump` custom format, taken in the same exported
  snapshot as the row counts);
- `media/<name>`: every stored file under MEDIA_ROOT except the folders in LEFT_OUT (uploads
  kept for a form that came back with an error: they are nobody's data yet).

A SHA-256 list alone can be rewritten by whoever alters a part, so the manifest is
authenticated: only a holder of the audit key can write one that passes. The vault key and
the audit key are never in the archive; `netra backup` prints where they are instead.

Restoring reads the archive twice. The first pass writes nothing: it authenticates the
manifest, checks that the declared sizes fit the disk, and reads every member, refusing
unsafe names, links and devices, members the manifest does not list, a size other than the
declared one (before reading its bytes) and a hash that differs. Reading is capped at what the
manifest declares, so a small archive cannot expand without bound. The second pass extracts
into a temporary directory beside the target, checking every hash again, and only then moves
the files into place: a failure leaves the target as empty as it was.
"""

import gzip
import hashlib
import hmac
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from netra.audit import chain

FORMAT = "netra-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.hmac"
SQLITE_PART = "database.sqlite3"
POSTGRES_PART = "database.pgdump"
DATABASE_PARTS = {"sqlite": SQLITE_PART, "postgresql": POSTGRES_PART}
MEDIA = "media/"
# Top folders of MEDIA_ROOT left out: evidence kept for a report form with an error
# (reports/staging.py), erased by the worker within 30 minutes and never anyone's record.
LEFT_OUT = ("staging",)
MAC_TAG = b"netra-backup-manifest-1"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_NAME = 255  # what ustar holds (prefix and name)
BLOCK = 512
CHUNK = 1024 * 1024
# Room the restore leaves on the disk beyond the archive's declared size.
SPARE_BYTES = 64 * 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; CODE says why (the tests read it), the message
    is for the operator."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def manifest_key(audit_key):
    """The manifest's HMAC key: derived from the audit key, so that it signs nothing else."""
    return hmac.digest(audit_key, MAC_TAG, "sha256")


def sign(audit_key, manifest_bytes):
    return hmac.digest(manifest_key(audit_key), manifest_bytes, "sha256").hex()


def load_audit_key(path=None):
    path = Path(path or settings.NETRA_AUDIT_KEY_FILE)
    if not path.is_file():
        raise BackupError(
            "audit_key_missing",
            _(
                "The audit key is not at %(path)s. Backups are signed and checked with it: "
                "put the installation's audit key there first (NETRA_AUDIT_KEY_FILE)."
            )
            % {"path": path},
        )
    try:
        return chain.load_key(str(path))
    except chain.AuditKeyError as error:
        raise BackupError("audit_key_missing", str(error)) from None


def netra_version():
    try:
        return package_version("netra")
    except PackageNotFoundError:
        return "unknown"


def vendor_of(database):
    engine = database["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return "sqlite"
    if engine.startswith("django.db.backends.postgresql"):
        return "postgresql"
    raise BackupError("unsupported_database", _("Only SQLite and PostgreSQL can be backed up."))


def keys_to_keep():
    """(label, path) of what is not in the archive and must be kept apart from it."""
    return [
        (_("vault key (NETRA_VAULT_KEY_FILE)"), Path(settings.NETRA_VAULT_KEY_FILE)),
        (_("audit key (NETRA_AUDIT_KEY_FILE)"), Path(settings.NETRA_AUDIT_KEY_FILE)),
        (
            _("signed audit checkpoints (NETRA_AUDIT_CHECKPOINT_DIR)"),
            Path(settings.NETRA_AUDIT_CHECKPOINT_DIR),
        ),
    ]


# Writing -----------------------------------------------------------------------------------


@dataclass
class Written:
    path: Path
    manifest: dict
    size: int
    seconds: float


def _sha256_file(path):
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _sqlite_counts(conn):
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _sqlite_migrations(conn):
    try:
        rows = conn.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in rows]
    except sqlite3.OperationalError:
        return []


def _snapshot_sqlite(workdir):
    """Copy the database with SQLite's online backup API (one step, under one read
    transaction: a consistent copy while the app and the worker write)."""
    connection = connections["default"]
    if connection.in_atomic_block:
        # The online backup waits for the open transaction's lock, for ever.
        raise BackupError("in_transaction", "a backup cannot run inside a transaction")
    connection.ensure_connection()
    target = workdir / SQLITE_PART
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        # The copy stands alone: no write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        counts, migrations = _sqlite_counts(copy), _sqlite_migrations(copy)
    finally:
        copy.close()
    return target, counts, migrations


def pg_params(database):
    """psycopg keyword arguments for DATABASE (Django's settings dict)."""
    params = {"dbname": database["NAME"]}
    for key, name in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host")):
        if database.get(key):
            params[name] = database[key]
    if database.get("PORT"):
        params["port"] = str(database["PORT"])
    for option in ("sslmode", "sslrootcert", "sslcert", "sslkey", "options", "service"):
        if option in database.get("OPTIONS", {}):
            params[option] = database["OPTIONS"][option]
    return params


def _pg_env(params):
    """pg_dump and pg_restore read the connection from the environment: the password never
    appears on a command line."""
    names = {
        "dbname": "PGDATABASE",
        "user": "PGUSER",
        "password": "PGPASSWORD",
        "host": "PGHOST",
        "port": "PGPORT",
        "sslmode": "PGSSLMODE",
        "sslrootcert": "PGSSLROOTCERT",
        "sslcert": "PGSSLCERT",
        "sslkey": "PGSSLKEY",
        "options": "PGOPTIONS",
        "service": "PGSERVICE",
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update({names[k]: str(v) for k, v in params.items()})
    return env


def _pg_tables(cursor):
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY schemaname, tablename"
    )
    return cursor.fetchall()


def pg_counts(cursor):
    from psycopg import sql

    counts = {}
    for schema, table in _pg_tables(cursor):
        cursor.execute(
            sql.SQL("SELECT COUNT(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        )
        label = table if schema == "public" else f"{schema}.{table}"
        counts[label] = cursor.fetchone()[0]
    return counts


def _tool_failed(tool, completed):
    lines = (completed.stderr or "").strip().splitlines()
    return BackupError(
        "database_tool_failed",
        _("%(tool)s failed: %(reason)s")
        % {"tool": tool, "reason": lines[-1] if lines else completed.returncode},
    )


def _snapshot_postgres(database, workdir):
    """pg_dump (custom format) in a snapshot exported by a repeatable-read transaction that
    also counts the rows and reads the migrations: all three see the same moment."""
    import psycopg

    params = pg_params(database)
    target = workdir / POSTGRES_PART
    with psycopg.connect(**params) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = pg_counts(cursor)
            migrations = []
            if "django_migrations" in counts:
                cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
                migrations = [list(row) for row in cursor.fetchall()]
            try:
                completed = subprocess.run(
                    [
                        "pg_dump",
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                    ],
                    env=_pg_env(params),
                    capture_output=True,
                    text=True,
                )
            except FileNotFoundError:
                raise BackupError(
                    "database_tool_missing",
                    _("pg_dump is not installed (Debian: apt-get install postgresql-client)."),
                ) from None
        conn.rollback()
    if completed.returncode:
        raise _tool_failed("pg_dump", completed)
    return target, counts, migrations


def _left_out(media_root, path):
    """Whether PATH (under MEDIA_ROOT) stays out: a staging folder, or a key file that an
    unusual setup put under the media root."""
    relative = path.relative_to(media_root).parts
    if relative and relative[0] in LEFT_OUT:
        return True
    secrets_ = {
        Path(settings.NETRA_VAULT_KEY_FILE).resolve(),
        Path(settings.NETRA_AUDIT_KEY_FILE).resolve(),
        Path(settings.SECRET_KEY_FILE).resolve(),
    }
    return path.resolve() in secrets_


def media_files(media_root):
    """(name in the archive, path) of every regular file under MEDIA_ROOT that is kept, in a
    stable order; links are not followed (the storage never writes them)."""
    media_root = Path(media_root)
    if not media_root.is_dir():
        return []
    found = []
    for directory, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        here = Path(directory)
        for filename in sorted(filenames):
            path = here / filename
            if path.is_symlink() or not path.is_file() or _left_out(media_root, path):
                continue
            name = MEDIA + path.relative_to(media_root).as_posix()
            if safe_name(name):
                found.append((name, path))
    return found


class _Hashing(io.RawIOBase):
    """Reads FH, hashing what passes, for tarfile.addfile."""

    def __init__(self, fh):
        self.fh, self.digest, self.size = fh, hashlib.sha256(), 0

    def readable(self):
        return True

    def read(self, n=-1):
        data = self.fh.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data


def _member(name, size):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, 0
    return info


def create(path, *, media_root=None, audit_key=None):
    """Write the archive to PATH (refusing to overwrite one); return a Written."""
    started = time.perf_counter()
    path = Path(path).absolute()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if path.exists():
        raise BackupError("exists", _("%(path)s already exists; name a new file.") % {"path": path})
    if not path.parent.is_dir():
        raise BackupError(
            "no_folder", _("The folder %(path)s does not exist.") % {"path": path.parent}
        )
    audit_key = audit_key or load_audit_key()
    database = settings.DATABASES["default"]
    vendor = vendor_of(database)
    if vendor == "sqlite" and not str(database["NAME"]).startswith("file:"):
        if not Path(database["NAME"]).is_file():
            raise BackupError(
                "no_database",
                _("There is no database at %(path)s to back up.") % {"path": database["NAME"]},
            )
    workdir = Path(tempfile.mkdtemp(prefix=".netra-backup-", dir=path.parent))
    try:
        if vendor == "sqlite":
            db_file, counts, migrations = _snapshot_sqlite(workdir)
        else:
            db_file, counts, migrations = _snapshot_postgres(database, workdir)
        if not migrations:
            raise BackupError(
                "no_database", _("The database holds no Netra installation to back up.")
            )
        # The database first, then the files: a row in the copy was committed after its file
        # was written, so its file is there when the files are read.
        size, sha = _sha256_file(db_file)
        parts = [{"name": DATABASE_PARTS[vendor], "size": size, "sha256": sha}]
        files = media_files(media_root)
        paths = {DATABASE_PARTS[vendor]: db_file}
        for name, file_path in files:
            size, sha = _sha256_file(file_path)
            parts.append({"name": name, "size": size, "sha256": sha})
            paths[name] = file_path
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "netra_version": netra_version(),
            "database_vendor": vendor,
            "migrations": migrations,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "tables": counts,
            "parts": parts,
        }
        body = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False).encode()
        if len(body) > MAX_MANIFEST_BYTES:
            raise BackupError("too_large", _("Too many files for one archive."))
        signature = (sign(audit_key, body) + "\n").encode()
        partial = workdir / "archive"
        with open(partial, "wb") as raw:
            # No file name and no time in the gzip header: nothing in the archive that the
            # reader does not check.
            with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz:
                with tarfile.open(fileobj=gz, mode="w|", format=tarfile.USTAR_FORMAT) as tar:
                    tar.addfile(_member(MANIFEST, len(body)), io.BytesIO(body))
                    tar.addfile(_member(SIGNATURE, len(signature)), io.BytesIO(signature))
                    for part in parts:
                        _add_part(tar, part, paths[part["name"]])
            raw.flush()
            os.fsync(raw.fileno())
        try:
            os.link(partial, path)  # never over a file that appeared meanwhile
        except FileExistsError:
            raise BackupError(
                "exists", _("%(path)s already exists; name a new file.") % {"path": path}
            ) from None
        _fsync_dir(path.parent)
        return Written(path, manifest, path.stat().st_size, time.perf_counter() - started)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _add_part(tar, part, file_path):
    changed = BackupError(
        "changed",
        _("A file changed while it was being backed up (%(name)s); run the backup again.")
        % {"name": part["name"]},
    )
    try:
        with open(file_path, "rb") as fh:
            reader = _Hashing(fh)
            tar.addfile(_member(part["name"], part["size"]), reader)
    except (OSError, tarfile.TarError):
        raise changed from None
    if reader.size != part["size"] or reader.digest.hexdigest() != part["sha256"]:
        raise changed


def _fsync_dir(directory):
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Reading -----------------------------------------------------------------------------------


def safe_name(name):
    """Whether NAME may be a member: relative, no `..`, `.` or empty parts, no backslash or
    control characters, within ustar's length, and one of the archive's own kinds."""
    if not isinstance(name, str) or not name or len(name.encode()) > MAX_NAME:
        return False
    if name.startswith("/") or "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return False
    if any(part in ("", ".", "..") for part in name.split("/")):
        return False
    return (
        name in (MANIFEST, SIGNATURE)
        or name in DATABASE_PARTS.values()
        or (name.startswith(MEDIA) and len(name) > len(MEDIA))
    )


class _Capped(io.RawIOBase):
    """The decompressed stream, refusing to give more than LIMIT bytes in all."""

    def __init__(self, fh, limit):
        self.fh, self.limit, self.count = fh, limit, 0

    def readable(self):
        return True

    def read(self, n=-1):
        room = self.limit - self.count
        if n is None or n < 0:
            n = room + 1
        try:
            data = self.fh.read(min(n, room + 1))
        except (OSError, EOFError, zlib.error):
            raise _refuse("damaged") from None
        self.count += len(data)
        if self.count > self.limit:
            raise BackupError("too_large", _("The archive holds more than its manifest declares."))
        return data

    def exactly(self, n):
        chunks, left = [], n
        while left:
            block = self.read(min(left, CHUNK))
            if not block:
                raise _refuse("damaged")
            chunks.append(block)
            left -= len(block)
        return b"".join(chunks)


def _refuse(code):
    messages = {
        "damaged": _("The archive is damaged or incomplete."),
        "not_archive": _("This file is not a Netra backup."),
        "not_authentic": _(
            "The archive's manifest is not signed with this installation's audit key: it was "
            "altered, or it comes from an installation with another audit key."
        ),
        "unsafe_member": _(
            "The archive holds a member with an unsafe name or type (an absolute path, '..', a "
            "link or a device)."
        ),
        "unexpected_member": _("The archive holds a member its manifest does not list."),
        "size_mismatch": _("A member of the archive is not the size its manifest declares."),
        "hash_mismatch": _("A member of the archive does not match its manifest's SHA-256."),
        "missing_part": _("The archive lacks a part its manifest lists (cut short?)."),
        "format": _("This archive was written in a format this version of Netra does not read."),
    }
    return BackupError(code, messages[code])


def _valid_manifest(manifest):
    """The parts of MANIFEST, checked for shape (it is authentic, but may still be from a
    newer format or a careless hand)."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse("not_archive")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise _refuse("format")
    parts = manifest.get("parts")
    vendor = manifest.get("database_vendor")
    if (
        vendor not in DATABASE_PARTS
        or not isinstance(parts, list)
        or not isinstance(manifest.get("tables"), dict)
        or not isinstance(manifest.get("migrations"), list)
    ):
        raise _refuse("format")
    names = set()
    for part in parts:
        if (
            not isinstance(part, dict)
            or not safe_name(part.get("name"))
            or part["name"] in (MANIFEST, SIGNATURE)
            or part["name"] in names
            or not isinstance(part.get("size"), int)
            or isinstance(part.get("size"), bool)
            or part["size"] < 0
            or not isinstance(part.get("sha256"), str)
            or len(part["sha256"]) != 64
        ):
            raise _refuse("format")
        names.add(part["name"])
    databases = [p for p in parts if p["name"] in DATABASE_PARTS.values()]
    if len(databases) != 1 or databases[0]["name"] != DATABASE_PARTS[vendor]:
        raise _refuse("format")
    return parts


def _header(name, size):
    """The exact ustar header `create` writes for a member: the reader compares every byte
    of each header with it, so no field (time, owner, mode, type, link) can be slipped in."""
    return _member(name, size).tobuf(tarfile.USTAR_FORMAT, "utf-8", "surrogateescape")


def _next_member(stream):
    """(name, size) of the next member, or None at the end of the archive.

    The header is read by hand rather than by tarfile, which would follow pax and GNU
    extensions and accept links and devices: a member is a regular file whose header is
    exactly `_header(name, size)`."""
    block = stream.exactly(BLOCK)
    if block.count(0) == BLOCK:
        return None
    if block[156:157] not in (b"0", b"\0"):
        raise _refuse("unsafe_member")  # a link, a device, a folder, a pax or GNU extension
    try:
        name = block[0:100].split(b"\0", 1)[0].decode()
        prefix = block[345:500].split(b"\0", 1)[0].decode()
        size = tarfile.nti(block[124:136])
    except (UnicodeDecodeError, tarfile.TarError, ValueError):
        raise _refuse("unsafe_member") from None
    name = f"{prefix}/{name}" if prefix else name
    if not safe_name(name):
        raise _refuse("unsafe_member")
    return name, size, block


def _check_header(block, name, size):
    if block != _header(name, size):
        raise _refuse("damaged")


def _read_data(stream, size, sink=None):
    """SIZE bytes of a member (then tar's zero padding), streamed into SINK; their SHA-256."""
    digest, left = hashlib.sha256(), size
    while left:
        block = stream.exactly(min(CHUNK, left))
        left -= len(block)
        digest.update(block)
        if sink is not None:
            sink(block)
    padding = stream.exactly(-size % BLOCK)
    if padding.count(0) != len(padding):
        raise _refuse("damaged")
    return digest.hexdigest()


def _small(stream, expected_name, limit):
    found = _next_member(stream)
    if found is None or found[0] != expected_name or not 0 < found[1] <= limit:
        raise _refuse("not_archive")
    name, size, block = found
    _check_header(block, name, size)
    chunks = []
    _read_data(stream, size, chunks.append)
    return b"".join(chunks)


def read_archive(path, audit_key, *, before_parts=None, open_part=None):
    """Check the archive at PATH byte by byte; return its manifest.

    BEFORE_PARTS(manifest) runs once the manifest is authentic, before any part is read (the
    restore checks the disk there). OPEN_PART(part) may return a writable file for the part's
    bytes; it is closed after them. Raises BackupError at the first thing wrong.
    """
    try:
        raw = open(path, "rb")
    except OSError as error:
        raise BackupError(
            "unreadable",
            _("%(path)s cannot be read (%(reason)s).") % {"path": path, "reason": error.strerror},
        ) from None
    with raw:
        stream = _Capped(gzip.GzipFile(fileobj=raw, mode="rb"), MAX_MANIFEST_BYTES + 64 * 1024)
        try:
            body = _small(stream, MANIFEST, MAX_MANIFEST_BYTES)
        except BackupError as error:
            raise _refuse("not_archive") if error.code == "damaged" else error from None
        signature = _small(stream, SIGNATURE, 1024)
        if not hmac.compare_digest(signature, (sign(audit_key, body) + "\n").encode()):
            raise _refuse("not_authentic")
        try:
            manifest = json.loads(body)
        except ValueError:
            raise _refuse("format") from None
        parts = _valid_manifest(manifest)
        # From here on the stream may hold the declared parts, their headers and padding, and
        # the end of the archive (tar pads it to 10 kB); not a byte more.
        stream.limit = (
            stream.count + sum(p["size"] for p in parts) + (len(parts) + 1) * 2 * BLOCK + 20 * BLOCK
        )
        if before_parts is not None:
            before_parts(manifest)
        expected = {p["name"]: p for p in parts}
        seen = set()
        while (found := _next_member(stream)) is not None:
            name, size, block = found
            part = expected.get(name)
            if part is None or name in seen:
                raise _refuse("unexpected_member")
            if size != part["size"]:
                raise _refuse("size_mismatch")  # before a byte of it is read
            _check_header(block, name, size)
            out = open_part(part) if open_part is not None else None
            try:
                sha = _read_data(stream, size, out.write if out is not None else None)
            finally:
                if out is not None:
                    out.close()
            if sha != part["sha256"]:
                raise _refuse("hash_mismatch")
            seen.add(name)
        if seen != set(expected):
            raise _refuse("missing_part")
        _nothing_after(stream)
    return manifest


def _nothing_after(stream):
    """After the end-of-archive block comes only tar's zero padding, then the end of the
    gzip stream (its checksum checked): nothing appended, nothing cut off."""
    while block := stream.read(CHUNK):
        if block.count(0) != len(block):
            raise _refuse("unexpected_member")


# Restoring ---------------------------------------------------------------------------------


@dataclass
class Restored:
    manifest: dict
    seconds: float


def _not_empty(what):
    return BackupError(
        "not_empty",
        _(
            "%(what)s is not empty. Netra restores only into an empty installation: a new data "
            "directory, or a new, empty database and media folder. Nothing was changed."
        )
        % {"what": what},
    )


def _sqlite_target(database):
    name = str(database["NAME"])
    if name.startswith("file:") or name == ":memory:":
        raise BackupError(
            "unsupported_database", _("An in-memory database cannot be restored into.")
        )
    return Path(name)


def _check_sqlite_empty(target):
    wal = target.with_name(target.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise _not_empty(_("The database %(path)s") % {"path": target})
    if not target.exists() or target.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        tables = 1  # not a database we may overwrite
    if tables:
        raise _not_empty(_("The database %(path)s") % {"path": target})


def _check_postgres_empty(database):
    import psycopg

    try:
        with psycopg.connect(**pg_params(database)) as conn:
            count = conn.execute(
                "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg_toast%%' AND n.nspname NOT LIKE 'pg_temp%%'"
            ).fetchone()[0]
    except psycopg.Error as error:
        raise BackupError(
            "database_unreachable",
            _("The database cannot be reached: %(reason)s")
            % {"reason": str(error).strip().splitlines()[0] if str(error).strip() else ""},
        ) from None
    if count:
        raise _not_empty(_("The database %(name)s") % {"name": database["NAME"]})


def _check_media_empty(media_root):
    if media_root.is_symlink() or (media_root.exists() and not media_root.is_dir()):
        raise _not_empty(_("The media folder %(path)s") % {"path": media_root})
    if media_root.is_dir() and any(p for p in media_root.rglob("*") if not p.is_dir()):
        raise _not_empty(_("The media folder %(path)s") % {"path": media_root})


def _unknown_migrations(applied):
    """Migrations the archive's database has applied that this code does not have: those of
    a newer Netra. Rows of apps without migrations here, and of migrations a squash replaced,
    are not counted (django_migrations keeps them after an upgrade)."""
    from django.db.migrations.loader import MigrationLoader

    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    known = set(on_disk)
    for migration in on_disk.values():
        known.update(migration.replaces)
    apps = {app for app, _ in on_disk}
    return [m for m in applied if m[0] in apps and tuple(m) not in known]


def _check_fits(manifest, vendor, directories):
    if manifest["database_vendor"] != vendor:
        raise BackupError(
            "wrong_database",
            _(
                "The archive holds a %(archived)s database, but this installation is set up "
                "for %(configured)s (DATABASE_URL). Restore it into the kind it came from."
            )
            % {"archived": manifest["database_vendor"], "configured": vendor},
        )
    if _unknown_migrations(manifest["migrations"]):
        raise BackupError(
            "newer_version",
            _(
                "The archive comes from a newer Netra (%(version)s) whose database this "
                "version does not know; install that version first."
            )
            % {"version": manifest.get("netra_version", "?")},
        )
    needed = sum(p["size"] for p in manifest["parts"]) + SPARE_BYTES
    for directory in directories:
        free = shutil.disk_usage(directory).free
        if needed > free:
            raise BackupError(
                "too_large",
                _(
                    "The archive declares %(needed)s MB, more than the %(free)s MB free in "
                    "%(path)s. Nothing was written."
                )
                % {"needed": needed // 2**20, "free": free // 2**20, "path": directory},
            )


def _existing_parent(path):
    path = Path(path).absolute()
    while not path.exists():
        path = path.parent
    return path


def verify_only(path, audit_key=None):
    """Read the archive at PATH through, writing nothing; its manifest."""
    return read_archive(path, audit_key or load_audit_key())


def restore(path, *, database=None, media_root=None, audit_key=None):
    """Restore the archive at PATH into the configured (or the given) empty database and
    media folder."""
    started = time.perf_counter()
    audit_key = audit_key or load_audit_key()
    check_vault_key()
    database = database or settings.DATABASES["default"]
    vendor = vendor_of(database)
    media_root = Path(media_root or settings.MEDIA_ROOT).absolute()
    sqlite_target = _sqlite_target(database) if vendor == "sqlite" else None

    def check_targets():
        _check_media_empty(media_root)
        if vendor == "sqlite":
            _check_sqlite_empty(sqlite_target)
        else:
            _check_postgres_empty(database)

    check_targets()
    media_parent = _existing_parent(media_root.parent)
    directories = {media_parent}
    if sqlite_target is not None:
        directories.add(_existing_parent(sqlite_target.parent))
    # First pass: everything checked, nothing written.
    manifest = read_archive(
        path, audit_key, before_parts=lambda m: _check_fits(m, vendor, directories)
    )
    media_root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sqlite_target is not None:
        sqlite_target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=".netra-restore-", dir=media_root.parent))
    staged_media = workdir / "media"
    staged_media.mkdir(mode=0o700)
    db_file = None
    try:
        if sqlite_target is not None:
            fd, name = tempfile.mkstemp(
                prefix=".netra-restore-", suffix=".sqlite3", dir=sqlite_target.parent
            )
            os.close(fd)
            db_file = Path(name)
        else:
            db_file = workdir / POSTGRES_PART

        def open_part(part):
            if part["name"] in DATABASE_PARTS.values():
                return open(db_file, "wb")
            target = staged_media / part["name"][len(MEDIA) :]
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            return open(target, "xb")

        # Second pass: extracted beside the target, every hash checked again on the way.
        read_archive(path, audit_key, open_part=open_part)
        if sqlite_target is not None:
            _check_sqlite_copy(db_file, manifest)
        check_targets()  # still empty, after the time the checks took
        _place(staged_media, media_root)
        try:
            if sqlite_target is not None:
                os.replace(db_file, sqlite_target)
                db_file = None
            else:
                _pg_restore(database, db_file)
        except BaseException:
            # Nothing half-restored: the files go back out of the media folder.
            if media_root.is_dir():
                os.rename(media_root, workdir / "undone")
            raise
        _fsync_dir(media_root.parent)
        return Restored(manifest, time.perf_counter() - started)
    finally:
        if db_file is not None:
            Path(db_file).unlink(missing_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)


def _check_sqlite_copy(db_file, manifest):
    try:
        conn = sqlite3.connect(db_file)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts = _sqlite_counts(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ok, counts = False, None
    if not ok or counts != manifest["tables"]:
        raise _refuse("damaged")


def _place(staged_media, media_root):
    """Move the extracted files into place in one rename (over an empty folder, if any)."""
    if media_root.is_dir():
        media_root.rmdir()  # empty: checked twice; rmdir refuses otherwise
    os.rename(staged_media, media_root)


def _pg_restore(database, dump):
    """pg_restore in one transaction: on any error the database stays as empty as it was."""
    params = pg_params(database)
    try:
        completed = subprocess.run(
            [
                "pg_restore",
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                f"--dbname={params['dbname']}",
                str(dump),
            ],
            env=_pg_env({k: v for k, v in params.items() if k != "dbname"}),
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        raise BackupError(
            "database_tool_missing",
            _("pg_restore is not installed (Debian: apt-get install postgresql-client)."),
        ) from None
    if completed.returncode:
        raise _tool_failed("pg_restore", completed)


def check_vault_key():
    """The restored identities are sealed with the vault key: without it they stay closed."""
    path = Path(settings.NETRA_VAULT_KEY_FILE)
    if not path.is_file():
        raise BackupError(
            "vault_key_missing",
            _(
                "The vault key is not at %(path)s. Put the installation's vault key there "
                "first (NETRA_VAULT_KEY_FILE): without it the reporters' identities in the "
                "archive cannot be opened."
            )
            % {"path": path},
        )


# What the commands print -------------------------------------------------------------------


def _megabytes(size):
    return f"{size / 2**20:.1f}"


def backup_lines(written):
    manifest = written.manifest
    files = len(manifest["parts"]) - 1
    lines = [
        _(
            "Backup written to %(path)s: %(size)s MB, the %(vendor)s database (%(rows)s rows "
            "in %(tables)s tables) and %(files)s files, in %(seconds).1f s."
        )
        % {
            "path": written.path,
            "size": _megabytes(written.size),
            "vendor": manifest["database_vendor"],
            "rows": sum(manifest["tables"].values()),
            "tables": len(manifest["tables"]),
            "files": files,
            "seconds": written.seconds,
        },
        _(
            "Not in the archive, on purpose: back these up separately, and never beside the "
            "archive (whoever holds both can read the reporters' identities and sign "
            "archives):"
        ),
    ]
    lines += [f"  {label}: {path}" for label, path in keys_to_keep()]
    lines.append(_("A restore needs the audit key: it checks the archive's signature with it."))
    return lines


def restore_lines(restored):
    manifest = restored.manifest
    return [
        _(
            "Restored from an archive of %(created)s (Netra %(version)s): %(rows)s rows in "
            "%(tables)s tables and %(files)s files, in %(seconds).1f s."
        )
        % {
            "created": manifest["created_at"],
            "version": manifest["netra_version"],
            "rows": sum(manifest["tables"].values()),
            "tables": len(manifest["tables"]),
            "files": len(manifest["parts"]) - 1,
            "seconds": restored.seconds,
        }
    ]


def verified_lines(entries):
    return [
        _("The restored audit log is intact: %(entries)s entries checked.") % {"entries": entries},
        _("Next: `netra up` (it brings the database up to this version's migrations)."),
    ]

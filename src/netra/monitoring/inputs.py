"""Reading texts to monitor (pure): JSONL or CSV files and RSS/Atom feeds (through feedparser).

Every item becomes {"id", "source", "url", "author", "published", "text"}; a file with a line
that cannot be read is refused whole, naming the line.
"""

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from netra.common.forms import date_in_range

FIELDS = ("id", "source", "url", "author", "published", "text")
MAX_TEXT = 100_000


class InputError(Exception):
    def __init__(self, code, line=0, detail=""):
        super().__init__(code)
        self.code, self.line, self.detail = code, line, detail


@dataclass(frozen=True)
class Item:
    id: str
    source: str
    url: str
    author: str
    published: datetime | None
    text: str


def _when(value):
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)  # RFC 822, as RSS writes it
        except (TypeError, ValueError):
            raise ValueError(value) from None
    if not date_in_range(parsed):
        # Year 1 or 9999 overflows once moved into a local zone; no post is that old or new.
        raise ValueError(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _clean(value):
    """VALUE as a string without NUL characters, which no database text column takes
    (PostgreSQL refuses them): a file or a feed may carry them, and the text loses nothing."""
    return str(value or "").replace("\x00", "")


def _item(record, line):
    text = _clean(record.get("text")).strip()
    if not _clean(record.get("id")).strip() or not text:
        raise InputError("missing_field", line, "id, text")
    try:
        published = _when(_clean(record.get("published")))
    except ValueError:
        raise InputError("bad_time", line, _clean(record.get("published"))[:100]) from None
    return Item(
        _clean(record["id"])[:300],
        _clean(record.get("source"))[:200],
        _clean(record.get("url"))[:2000],
        _clean(record.get("author"))[:200],
        published,
        text[:MAX_TEXT],
    )


def read_file(data):
    """Items of a JSONL or CSV file (UTF-8)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeError:
        raise InputError("encoding") from None
    stripped = text.lstrip()
    if not stripped:
        raise InputError("empty")
    items = []
    if stripped.startswith("{"):
        for line, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                raise InputError("bad_json", line) from None
            if not isinstance(record, dict):
                raise InputError("bad_json", line)
            items.append(_item(record, line))
        return items
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for line, record in enumerate(reader, start=2):
            items.append(_item({k.strip().lower(): v for k, v in record.items() if k}, line))
    except csv.Error:
        raise InputError("bad_csv") from None
    if reader.fieldnames is None or not {"id", "text"} <= {
        f.strip().lower() for f in reader.fieldnames
    }:
        raise InputError("missing_field", 1, "id, text")
    return items


_TAGS = re.compile(r"<[^>]+>")
MAX_FEED_BYTES = 5 * 1024 * 1024


def _plain(value):
    return html.unescape(_TAGS.sub(" ", value or "")).strip()


def read_feed(data, source_name="", content_type=""):
    """Items of an RSS or Atom feed (feedparser: RSS 0.9x-2.0, Atom, their encodings and
    dates): the title on the first line, then the content or summary as plain text.

    DATA is the body already fetched (fetch.py): it is handed to feedparser as a stream, since
    feedparser fetches a string that looks like an address and opens one that names a file."""
    import feedparser  # here: only the worker reads feeds, and importing it takes 70 ms

    if len(data) > MAX_FEED_BYTES:
        raise InputError("too_large")
    parsed = feedparser.parse(
        io.BytesIO(data),
        sanitize_html=True,
        resolve_relative_uris=False,
        response_headers={"content-type": content_type} if content_type else {},
    )
    if not parsed.get("version") and not parsed.entries:
        raise InputError("bad_feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        content = entry.get("content") or []
        body = content[0].get("value", "") if content else entry.get("summary", "")
        items.append(
            _feed_item(
                entry.get("id") or link,
                link,
                entry.get("title"),
                body,
                entry.get("published_parsed") or entry.get("updated_parsed"),
                entry.get("author") or "",
                source_name,
            )
        )
    return [item for item in items if item is not None]


def _feed_item(identifier, link, title, body, published, author, source_name):
    text = _clean(f"{_plain(title)}\n{_plain(body)}").strip()
    identifier = _clean(identifier).strip()
    if not identifier or not text:
        return None
    try:
        when = datetime(*published[:6], tzinfo=timezone.utc) if published else None
    except (TypeError, ValueError, OverflowError):
        when = None  # a date feedparser could not make sense of: the text still counts
    if when is not None and not date_in_range(when):
        when = None
    return Item(
        identifier[:300],
        source_name,
        _clean(link).strip()[:2000],
        _clean(author)[:200],
        when,
        text[:MAX_TEXT],
    )

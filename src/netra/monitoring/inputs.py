"""Reading texts to monitor (pure): JSONL or CSV files and RSS/Atom feeds.

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
from xml.etree import ElementTree

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
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _item(record, line):
    text = str(record.get("text") or "").strip()
    if not record.get("id") or not text:
        raise InputError("missing_field", line, "id, text")
    try:
        published = _when(record.get("published"))
    except ValueError:
        raise InputError("bad_time", line, str(record.get("published"))) from None
    return Item(str(record["id"])[:300], str(record.get("source") or "")[:200],
                str(record.get("url") or "")[:2000], str(record.get("author") or "")[:200],
                published, text[:MAX_TEXT])


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
    if reader.fieldnames is None or not {"id", "text"} <= {f.strip().lower()
                                                           for f in reader.fieldnames}:
        raise InputError("missing_field", 1, "id, text")
    return items


_TAGS = re.compile(r"<[^>]+>")
ATOM = "{http://www.w3.org/2005/Atom}"


def _plain(value):
    return html.unescape(_TAGS.sub(" ", value or "")).strip()


def read_feed(data, source_name=""):
    """Items of an RSS 2.0 or Atom feed: the title on the first line, then the summary."""
    if len(data) > 5 * 1024 * 1024:
        raise InputError("too_large")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise InputError("bad_feed") from None
    items = []
    for entry in root.iter("item"):
        link = entry.findtext("link") or ""
        items.append(_feed_item(entry.findtext("guid") or link, link, entry.findtext("title"),
                                entry.findtext("description"), entry.findtext("pubDate"),
                                entry.findtext("author") or "", source_name))
    for entry in root.iter(f"{ATOM}entry"):
        link_element = entry.find(f"{ATOM}link")
        link = link_element.get("href", "") if link_element is not None else ""
        items.append(_feed_item(entry.findtext(f"{ATOM}id") or link, link,
                                entry.findtext(f"{ATOM}title"),
                                entry.findtext(f"{ATOM}content") or
                                entry.findtext(f"{ATOM}summary"),
                                entry.findtext(f"{ATOM}published") or
                                entry.findtext(f"{ATOM}updated"),
                                entry.findtext(f"{ATOM}author/{ATOM}name") or "", source_name))
    return [item for item in items if item is not None]


def _feed_item(identifier, link, title, body, published, author, source_name):
    text = f"{_plain(title)}\n{_plain(body)}".strip()
    if not identifier or not text:
        return None
    try:
        when = _when(published)
    except ValueError:
        when = None
    return Item(identifier.strip()[:300], source_name, link.strip()[:2000], author[:200], when,
                text[:MAX_TEXT])

"""HTML to PDF, for every document Netra makes (letters, monitoring snapshots).

WeasyPrint fetches whatever the HTML names (images, stylesheets, fonts, ``<link
rel="attachment">``), and its own fetcher reads ``file://``, ``data:`` and the network: an
administrator's letter body could carry the vault key or ``/proc/self/environ`` out inside a
PDF. Here the only fetcher serves the app's own static files, looked up through the
staticfiles finders, and refuses everything else; the page's base URL is a host that never
resolves, so that ``/static/...`` links work and nothing else can.

Rendering takes about a second: call ``render`` before opening a transaction, never inside
one that holds a lock others wait for (the audit head, say).
"""

import functools
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

#: Where a page's relative links point. ".invalid" never resolves (RFC 6761), so even a fetch
#: that slipped past ``static_file`` could reach no server.
ORIGIN = "https://netra.invalid"
BASE_URL = ORIGIN + "/"
#: What a document may take from the static files, with the type WeasyPrint is told.
TYPES = {
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}
MAX_ASSET_BYTES = 2 * 1024 * 1024


class Refused(ValueError):
    """A document named something other than one of the app's static files."""


def _static_roots():
    """The folders the staticfiles finders serve from, resolved (symlinks followed)."""
    from django.contrib.staticfiles import finders

    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(Path(storage.location).resolve())
    return roots


def static_file(url):
    """The file of the app's static assets that URL names, or Refused."""
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != ("https", "netra.invalid"):
        raise Refused(f"not one of the app's static files: {url[:200]}")
    prefix = urlsplit(settings.STATIC_URL).path
    path = unquote(parts.path)
    if not path.startswith(prefix):
        raise Refused(f"not under {prefix}: {url[:200]}")
    relative = path[len(prefix) :]
    segments = relative.split("/")
    if (
        "\0" in relative
        or "\\" in relative
        or not relative
        or any(s in ("", ".", "..") for s in segments)
        or posixpath.normpath(relative) != relative
    ):
        raise Refused(f"not a plain static path: {url[:200]}")
    suffix = posixpath.splitext(relative)[1].lower()
    if suffix not in TYPES:
        raise Refused(f"not a type a document uses: {url[:200]}")
    from django.contrib.staticfiles import finders

    found = finders.find(relative)
    if not found:
        raise Refused(f"no such static file: {url[:200]}")
    real = Path(found).resolve()
    if not any(real.is_relative_to(root) for root in _static_roots()):
        raise Refused(f"outside the static folders: {url[:200]}")  # a symlink out, say
    if not real.is_file() or real.stat().st_size > MAX_ASSET_BYTES:
        raise Refused(f"not a small regular file: {url[:200]}")
    return real, TYPES[suffix]


@functools.cache
def _fetcher_class():
    # WeasyPrint is imported only when a PDF is made: importing it is slow and changes
    # Pillow's globals for the whole process.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """WeasyPrint's fetcher, answering only with the app's own static files."""

        def fetch(self, url, headers=None):
            path, content_type = static_file(url)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return StaticOnlyFetcher


def fetcher():
    return _fetcher_class()()


def render(html):
    """HTML (a complete document) as PDF bytes; it can name nothing but static files."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher()).write_pdf()

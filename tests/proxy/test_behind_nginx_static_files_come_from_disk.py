"""Behind the shipped nginx configuration, collected static files are served by nginx from
disk, byte for byte and without reaching the app; a file not collected (before
`collectstatic`, say) and every page still come from the app."""

import urllib.request

import pytest

from .servers import HTTPS_PORT, tls_context

pytestmark = pytest.mark.proxy


def fetch(path):
    url = f"https://127.0.0.1:{HTTPS_PORT}{path}"
    with urllib.request.urlopen(url, timeout=10, context=tls_context()) as response:
        return response.status, response.headers, response.read()


def test_collected_static_files_are_served_by_nginx_and_pages_by_the_app(nginx, netra_app):
    collected = netra_app.static_parent / "static" / "netra" / "netra.css"
    logged_before = len(netra_app.requests_logged())

    status, headers, body = fetch("/static/netra/netra.css")

    assert (status, body) == (200, collected.read_bytes())
    assert headers["Content-Type"].startswith("text/css")
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _, page = fetch("/")
    assert status == 200 and b"Netra" in page
    reached_app = netra_app.logged_since(
        logged_before, lambda lines: any('"GET / ' in line for line in lines)
    )
    assert any('"GET / ' in line for line in reached_app), reached_app
    assert [line for line in reached_app if "/static/" in line] == []


def test_a_static_file_not_collected_is_served_by_the_app(nginx, netra_app):
    collected = netra_app.static_parent / "static" / "netra" / "receipt.js"
    content = collected.read_bytes()
    collected.unlink()
    logged_before = len(netra_app.requests_logged())

    status, _, body = fetch("/static/netra/receipt.js")

    assert (status, body) == (200, content)
    reached_app = netra_app.logged_since(
        logged_before, lambda lines: any("GET /static/netra/receipt.js" in x for x in lines)
    )
    assert any("GET /static/netra/receipt.js" in line for line in reached_app), reached_app

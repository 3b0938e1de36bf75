"""The fetcher follows redirects itself, checking each hop, at most MAX_REDIRECTS of them, and
gives up past MAX_BYTES or TIMEOUT_SECONDS. The server is a local thread, which only
`allowing_for_tests` lets the fetcher reach."""

import http.server
import threading

import pytest

from netra.monitoring import actions, fetch
from netra.monitoring.models import Source

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title></channel></rss>'


@pytest.fixture
def server():
    """A local server whose answers the test sets per path; `hits` counts the requests."""
    routes, hits, release = {}, [], threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            hits.append(self.path)
            status, headers, body = routes[self.path]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body == "hang":
                self.wfile.write(b"<rss")
                self.wfile.flush()
                release.wait(5)  # until the test ends: the client must give up first
                return
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    with fetch.allowing_for_tests("127.0.0.1/32"):
        yield base, routes, hits
    release.set()
    httpd.shutdown()
    httpd.server_close()


def test_it_follows_a_redirect_to_a_public_feed(server):
    base, routes, hits = server
    routes["/old"] = (301, {"Location": "/new"}, b"")
    routes["/new"] = (200, {"Content-Type": "application/rss+xml"}, RSS)
    fetched = fetch.fetch(f"{base}/old")
    assert fetched.data == RSS and fetched.url == f"{base}/new" and hits == ["/old", "/new"]


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://10.0.0.1/",
        "http://127.0.0.2:6379/",
        "file:///etc/passwd",
    ],
)
def test_it_refuses_a_redirect_inside_even_from_an_allowed_server(server, location):
    base, routes, hits = server
    routes["/rss"] = (302, {"Location": location}, b"")
    with pytest.raises(fetch.Refused) as refused:
        fetch.fetch(f"{base}/rss")
    assert refused.value.code in ("private_address", "bad_url")


def test_it_stops_after_five_redirects(server):
    base, routes, hits = server
    for n in range(10):
        routes[f"/{n}"] = (307, {"Location": f"/{n + 1}"}, b"")
    with pytest.raises(fetch.Refused) as refused:
        fetch.fetch(f"{base}/0")
    assert refused.value.code == "too_many_redirects"
    assert len(hits) == fetch.MAX_REDIRECTS + 1


def test_it_refuses_a_feed_larger_than_the_limit_declared_or_not(server, monkeypatch):
    base, routes, hits = server
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    routes["/declared"] = (200, {"Content-Length": "1001"}, b"x" * 1001)
    routes["/undeclared"] = (200, {}, b"x" * 5000)
    for path in ("/declared", "/undeclared"):
        with pytest.raises(fetch.Refused) as refused:
            fetch.fetch(base + path)
        assert refused.value.code == "too_large"


def test_it_gives_up_on_a_server_that_stops_answering(server, monkeypatch):
    base, routes, hits = server
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.3)
    routes["/slow"] = (200, {"Content-Length": "100000"}, "hang")
    with pytest.raises(fetch.Refused) as refused:
        fetch.fetch(f"{base}/slow")
    assert refused.value.code == "timeout"


def test_the_worker_notes_each_refusal_on_the_source(server, region, client_for, alice):
    base, routes, hits = server
    routes["/moved"] = (302, {"Location": "http://169.254.169.254/"}, b"")
    routes["/gone"] = (404, {}, b"")
    for name in ("moved", "gone"):
        Source.objects.create(name=name, kind="feed", url=f"{base}/{name}", region=region("35.09"))
    assert actions.poll_feeds() == 0
    errors = dict(Source.objects.values_list("name", "last_error"))
    assert errors == {"moved": "private_address", "gone": "http_status:404"}
    page = client_for(alice).get("/pemantauan/").content.decode()
    assert "status HTTP 404" in page and "jaringan privat atau internal" in page

"""A feed address may lead only to a public host: when an officer saves it, and every time the
worker reads it (after DNS resolution, so that a public-looking name pointing inside is caught).
No test here uses the network: the resolver is replaced, or the feed is a local thread."""

import http.server
import threading

import pytest

from netra.monitoring import actions, fetch
from netra.monitoring.models import Source, Text

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title>
<item><title>Rapat koordinasi netralitas ASN</title><guid>b-1</guid>
<description>Pemerintah kabupaten mengingatkan ASN.</description></item></channel></rss>"""

REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "169.254.10.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
    "2002:a00:1::1",
]


def resolving(monkeypatch, *addresses):
    seen = []

    def resolve(host, port):
        seen.append(host)
        return list(addresses)

    monkeypatch.setattr(fetch, "resolve", resolve)
    return seen


@pytest.mark.parametrize("address", REFUSED)
def test_it_refuses_to_save_a_feed_whose_host_resolves_inside(
    address, client_for, alice, monkeypatch
):
    resolving(monkeypatch, address)
    page = client_for(alice).post(
        "/pemantauan/sumber/",
        {"name": "Berita", "url": "https://berita-jember.test/rss"},
        follow=True,
    )
    assert page.status_code == 200
    assert "jaringan privat atau internal" in page.content.decode()
    assert not Source.objects.exists()


def test_it_refuses_a_host_with_one_inside_address_among_public_ones(
    client_for, alice, monkeypatch
):
    resolving(monkeypatch, "93.184.216.34", "10.0.0.7")
    client_for(alice).post(
        "/pemantauan/sumber/", {"name": "Berita", "url": "https://berita-jember.test/rss"}
    )
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://[::1]:8000/",
        "http://2130706433/",
        "http://0x7f.1/",
        "file:///etc/passwd",
        "gopher://berita.test/",
        "http://user:pw@berita.test/",
        "http://berita.test:99999/",
        "berita.test/rss",
    ],
)
def test_it_refuses_addresses_and_schemes_that_lead_nowhere_public(url, alice, region):
    # Literal and numeric hosts are resolved without any network.
    with pytest.raises(actions.Refused) as refused:
        actions.add_feed(alice, region=region("35.09"), name="Berita", url=url)
    assert refused.value.code in ("private_address", "bad_url")
    assert not Source.objects.exists()


def test_it_saves_a_feed_on_a_public_host(client_for, alice, monkeypatch):
    seen = resolving(monkeypatch, "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
    page = client_for(alice).post(
        "/pemantauan/sumber/",
        {"name": "Berita", "url": "https://berita-jember.test/rss"},
        follow=True,
    )
    assert "Mulai sekarang umpan ini dibaca secara otomatis" in page.content.decode()
    assert Source.objects.get().url == "https://berita-jember.test/rss"
    assert seen == ["berita-jember.test"]


@pytest.fixture
def local_feed():
    """A feed served by a thread on 127.0.0.1; REQUESTS counts what reached it."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(RSS)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/rss.xml", requests
    server.shutdown()
    server.server_close()


def test_the_worker_refuses_a_local_feed_as_loopback_and_reads_it_only_when_a_test_allows_it(
    local_feed, client_for, alice, region
):
    url, requests = local_feed
    page = (
        client_for(alice)
        .post("/pemantauan/sumber/", {"name": "Lokal", "url": url}, follow=True)
        .content.decode()
    )
    assert "jaringan privat atau internal" in page and not Source.objects.exists()
    # A source saved before the check existed is refused by the worker too.
    source = Source.objects.create(name="Lokal", kind="feed", url=url, region=region("35.09"))
    assert actions.poll_feeds() == 0
    source.refresh_from_db()
    assert source.last_error.startswith("private_address") and requests == []
    assert "jaringan privat atau internal" in client_for(alice).get("/pemantauan/").content.decode()
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    with fetch.allowing_for_tests("127.0.0.1/32"):
        assert actions.poll_feeds() == 1
    source.refresh_from_db()
    assert source.last_error == "" and requests == ["/rss.xml"]
    assert Text.objects.get().text.startswith("Rapat koordinasi netralitas ASN")


def test_the_worker_refuses_a_saved_feed_whose_name_now_resolves_inside(alice, region, monkeypatch):
    resolving(monkeypatch, "93.184.216.34")
    source = actions.add_feed(
        alice, region=region("35.09"), name="Berita", url="http://berita-jember.test/rss"
    )
    resolving(monkeypatch, "10.20.30.40")
    connections = []
    monkeypatch.setattr(fetch, "connect", lambda *args: connections.append(args))
    assert actions.poll_feeds() == 0
    source.refresh_from_db()
    assert source.last_error.startswith("private_address") and connections == []

"""Feeds are read with feedparser (RSS 0.9x-2.0, RSS 1.0, Atom; encodings; dates), from the
bytes the fetcher got and nothing else: a body that names a file or an address is not opened."""

from datetime import datetime, timezone

import pytest

from netra.monitoring.inputs import InputError, read_feed

RSS1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://berita.test/"><title>Berita</title></channel>
<item rdf:about="https://berita.test/1">
<title>Sosialisasi netralitas di Kecamatan Patrang</title><link>https://berita.test/1</link>
<description>Camat &amp; jajaran hadir. Caf\xe9 desa.</description>
<dc:date>2024-10-16T10:00:00+07:00</dc:date><dc:creator>Redaksi</dc:creator></item>
</rdf:RDF>""".encode("latin-1")

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Kabar</title><id>urn:kabar</id><updated>2024-10-16T03:00:00Z</updated>
<entry><id>urn:kabar:7</id><title type="html">Apel &lt;b&gt;netralitas&lt;/b&gt;</title>
<link href="https://kabar.test/7"/><updated>2024-10-16T03:00:00Z</updated>
<author><name>Humas</name></author>
<content type="html">&lt;p&gt;ASN diminta netral.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;
</content>
</entry></feed>"""


def test_it_reads_rss_1_in_its_own_encoding_with_its_dates():
    (item,) = read_feed(RSS1, "Berita")
    assert item.id == "https://berita.test/1" and item.url == "https://berita.test/1"
    assert (
        item.text == "Sosialisasi netralitas di Kecamatan Patrang\nCamat & jajaran hadir. "
        "Caf\u00e9 desa."
    )
    assert item.published == datetime(2024, 10, 16, 3, 0, tzinfo=timezone.utc)
    assert (item.author, item.source) == ("Redaksi", "Berita")


def test_it_reads_atom_content_as_plain_text_without_scripts():
    (item,) = read_feed(ATOM, "Kabar", "application/atom+xml")
    assert item.id == "urn:kabar:7" and item.author == "Humas"
    assert item.text == "Apel  netralitas\nASN diminta netral."
    assert item.published == datetime(2024, 10, 16, 3, 0, tzinfo=timezone.utc)


def test_a_body_naming_a_local_file_is_not_read_from_disk(tmp_path):
    secret = tmp_path / "feed.xml"
    secret.write_bytes(ATOM)  # a file that would parse as a feed, were it opened
    with pytest.raises(InputError) as refused:
        read_feed(str(secret).encode())
    assert refused.value.code == "bad_feed"


def test_a_body_naming_an_address_is_not_fetched(monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("feedparser tried to fetch")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    with pytest.raises(InputError):
        read_feed(b"http://169.254.169.254/latest/meta-data/")


def test_it_refuses_what_is_not_a_feed():
    for body in (b"", b"<html><body>Bukan umpan</body></html>", b"\x00\x01\x02"):
        with pytest.raises(InputError) as refused:
            read_feed(body)
        assert refused.value.code == "bad_feed"

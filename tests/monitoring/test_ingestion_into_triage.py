"""Texts arrive by file, by the API and from a feed, and end in the triage queue or as
suggested prevention records."""

import http.server
import json
import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from netra.monitoring import actions, fetch
from netra.monitoring.models import AuthorHandle, Flag, NewsSuggestion, Source, Text
from netra.prevention.models import Circular, Event

ARTICLE = (Path(__file__).resolve().parent / "articles" / "jember-sosialisasi.txt").read_text()


def jsonl(*posts):
    return "\n".join(json.dumps(p, ensure_ascii=False) for p in posts).encode()


def test_a_file_import_flags_the_partisan_post_once_and_groups_its_copies(
    client_for, alice, django_capture_on_commit_callbacks
):
    partisan = "Ayo coblos nomor urut 2 bersama Pak Bambang, salam dua jari! Share ke grup kantor"
    data = jsonl(
        {
            "id": "1",
            "text": partisan,
            "author": "@guru_jember",
            "url": "https://x.test/1",
            "published": "2024-10-05T09:00:00+07:00",
        },
        {"id": "2", "text": partisan + " ya", "author": "@akun_lain"},
        {"id": "3", "text": "ASN jangan ikut-ikutan dukung paslon, jaga netralitas"},
        {"id": "4", "text": "Makan rawon dulu sebelum rapat"},
    )
    with django_capture_on_commit_callbacks(execute=True):  # the worker's turn
        response = client_for(alice).post(
            "/pemantauan/impor/",
            {"source": "Patroli siber Jember", "file": SimpleUploadedFile("posts.jsonl", data)},
        )
    assert response.status_code == 302
    (flag,) = Flag.objects.all()
    assert flag.text.external_id == "1" and flag.region.code == "35.09"
    # One family per post (docs/monitoring/labels.md): the post campaigns and asks for shares;
    # a ballot-number gesture in words is no photo.
    assert flag.codes in (["DIS-02"], ["DIS-06"]) and flag.evidence
    assert Text.objects.get(external_id="2").duplicate_of == flag.text
    assert Text.objects.get(external_id="3").label == "neutrality_related"
    page = client_for(alice).get("/pemantauan/").content.decode()
    assert "<mark>" in page and "nomor urut 2" in page


def test_a_bad_line_refuses_the_file(client_for, alice):
    page = (
        client_for(alice)
        .post(
            "/pemantauan/impor/",
            {"file": SimpleUploadedFile("posts.jsonl", b'{"id": "1", "text": "x"}\nnot json\n')},
            follow=True,
        )
        .content.decode()
    )
    assert "Baris 2" in page and not Text.objects.exists()


def test_a_post_pushed_by_the_api_names_the_known_employee(
    client_for, alice, employee_factory, region
):
    employee = employee_factory("Siti Aminah", nip="198001012005012002")
    actions.add_handle(alice, region=region("35.09"), handle="@SitiGuru", employee=employee)
    response = client_for(alice).post(
        "/api/v1/monitoring/texts",
        {
            "source": "Alat patroli",
            "texts": [
                {"id": "p1", "author": "sitiguru", "text": "Like dan share akun Bambang Sari ya"}
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["flags"] == 1
    flags = client_for(alice).get("/api/v1/monitoring/flags").json()
    assert flags[0]["employee_nip"] == "198001012005012002"
    assert AuthorHandle.objects.get().handle == "sitiguru"


@pytest.fixture
def feed_server():
    rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
    <title>Berita Jember</title>
    <item><title>{ARTICLE.splitlines()[0]}</title><link>https://berita.test/1</link>
    <guid>berita-1</guid><pubDate>Wed, 16 Oct 2024 10:00:00 +0700</pubDate>
    <description><![CDATA[<p>{"</p><p>".join(ARTICLE.splitlines()[1:])}</p>]]></description>
    </item>
    <item><title>Unggahan warga</title><link>https://sosial.test/2</link><guid>post-2</guid>
    <description>Kepala dinas foto bareng Pak Bambang pose dua jari, ayo coblos nomor urut 2!
    </description></item></channel></rss>""".encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(rss)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/rss.xml"
    server.shutdown()


def test_a_feed_read_by_the_worker_fills_the_queue_and_suggests_prevention_records(
    feed_server, client_for, fajar, region
):
    from netra.rounds import tick

    Source.objects.create(
        name="Berita Jember", kind="feed", url=feed_server, region=region("35.09")
    )
    with fetch.allowing_for_tests("127.0.0.1/32"):  # the feed is served by a local thread
        assert tick()["feed_texts"] == 2
        assert tick()["feed_texts"] == 0  # read again only after NETRA_FEED_MINUTES
    (flag,) = Flag.objects.all()  # the partisan post reaches the triage queue
    assert flag.text.external_id == "post-2" and flag.region.code == "35.09"
    suggestion = NewsSuggestion.objects.get()
    assert suggestion.region.code == "35.09"
    officer = client_for(fajar)
    assert "800/6516/35.09/2024" in officer.get("/pemantauan/berita/").content.decode()
    officer.post(f"/pemantauan/berita/{suggestion.pk}/", {"confirm": "1"})
    suggestion.refresh_from_db()
    assert suggestion.status == "confirmed"
    assert Circular.objects.get().number == "800/6516/35.09/2024"
    assert {e.kind for e in Event.objects.all()} == {"outreach", "rally", "declaration"}

"""An administrator's letter body is HTML that WeasyPrint renders: whatever it links to is
fetched while the PDF is made. Only the app's own static files may be (issue 11, finding 2)."""

import base64
import http.server
import threading
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from netra.cases import letters
from netra.cases.models import CaseDocument

from ..pdf_streams import page_sizes, payload

# Letters are checked as WeasyPrint renders them (tests/conftest.py stubs PDFs elsewhere).
pytestmark = pytest.mark.usefixtures("real_pdf")

STATIC = Path(settings.BASE_DIR) / "static"
A4 = (595, 842)


@pytest.fixture
def letter_with(client_for, admin, alice, reported_case):
    """The case summary PDF after an administrator appended HTML to its body."""
    administrator, officer = client_for(admin), client_for(alice)

    def render(html):
        body = letters.default_body("case_summary") + html
        saved = administrator.post("/templat-surat/case_summary/", {"body": body})
        assert saved.status_code == 302  # the body passes the template checks
        officer.post(f"/kasus/{reported_case.pk}/dokumen/", {"kind": "case_summary"})
        return CaseDocument.objects.latest("pk").file.read()

    return render


def test_a_static_file_of_the_app_can_still_be_attached(letter_with):
    """The control: an attachment the fetcher allows is found in the PDF's streams, so the
    tests below that find no secret are looking in the right place."""
    favicon = (STATIC / "netra" / "favicon.svg").read_bytes()
    pdf = letter_with('<link rel="attachment" href="/static/netra/favicon.svg">')
    assert favicon in payload(pdf)


def test_the_vault_key_cannot_be_attached(letter_with):
    key_file = Path(settings.NETRA_VAULT_KEY_FILE)
    pdf = payload(
        letter_with(
            f'<link rel="attachment" href="file://{key_file}">'
            f'<link rel="attachment" href="{key_file}">'
        )
    )
    # Counted, not compared, so that a failure does not print the key.
    assert sum(part in pdf for part in key_file.read_bytes().split()) == 0


def test_the_process_environment_and_the_secret_key_cannot_be_attached(letter_with):
    environ = [v for v in Path("/proc/self/environ").read_bytes().split(b"\0") if len(v) > 12]
    pdf = payload(
        letter_with(
            '<link rel="attachment" href="file:///proc/self/environ">'
            '<img src="file:///proc/self/environ">'
            '<link rel="attachment" href="file:///etc/passwd">'
        )
    )
    assert environ
    assert sum(value in pdf for value in environ) == 0  # not printed when it fails
    assert (settings.SECRET_KEY.encode() in pdf) is False
    assert b"root:x:0:0" not in pdf


def test_an_image_outside_the_static_files_is_not_embedded(letter_with, tmp_path):
    Image.new("RGB", (40, 30), (200, 0, 0)).save(tmp_path / "foto.png")
    pdf = letter_with(
        f'<img src="file://{tmp_path / "foto.png"}">'
        '<img src="/static/../../../../../../etc/hostname">'
        '<img src="/static/%2e%2e/%2e%2e/settings.py">'
    )
    assert b"/Subtype /Image" not in payload(pdf)


def test_a_stylesheet_outside_the_static_files_is_not_applied(letter_with, tmp_path):
    """A file: stylesheet that, were it read, would shrink the page; /etc/passwd alike."""
    (tmp_path / "kecil.css").write_text("@page { size: 100mm 100mm !important }")
    pdf = letter_with(
        f'<link rel="stylesheet" href="file://{tmp_path / "kecil.css"}">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
        f'<style>@import url("file://{tmp_path / "kecil.css"}");</style>'
    )
    assert set(page_sizes(pdf)) == {A4}


def test_no_request_leaves_the_server_while_a_letter_is_made(letter_with):
    seen = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        letter_with(
            f'<img src="{url}/gambar.png"><link rel="stylesheet" href="{url}/a.css">'
            f'<link rel="attachment" href="{url}/lampiran">'
            f'<style>@font-face {{ font-family: X; src: url("{url}/f.woff") }}</style>'
            f'<base href="{url}/"><img src="relatif.png">'
        )
    finally:
        server.shutdown()
        server.server_close()
    assert seen == []


def test_a_data_url_is_not_attached_either(letter_with):
    """Nothing a letter needs comes as a data: URL; its content (base64 here, so that only a
    fetch could put the words in the PDF) stays out."""
    marker = b"PENANDA-DATA-URL"
    pdf = letter_with(
        f'<link rel="attachment" href="data:text/plain;base64,{base64.b64encode(marker).decode()}">'
    )
    assert marker not in payload(pdf)

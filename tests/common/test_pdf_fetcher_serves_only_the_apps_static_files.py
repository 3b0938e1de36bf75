"""netra.common.pdf: the one place HTML becomes PDF, with a fetcher that serves the app's own
static files and nothing else (issue 11, finding 2)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from netra.common import pdf

SRC = Path(pdf.__file__).resolve().parent.parent


def test_a_static_file_of_the_app_is_served_with_its_type():
    response = pdf.fetcher().fetch(pdf.BASE_URL + "static/netra/netra.css")
    assert response.read() == (Path(settings.BASE_DIR) / "static/netra/netra.css").read_bytes()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///proc/self/environ",
        f"file://{Path(settings.BASE_DIR) / 'static/netra/netra.css'}",  # static, but as a file
        "http://127.0.0.1:8000/static/netra/netra.css",
        "https://netra.invalid.example.com/static/netra/netra.css",
        "https://169.254.169.254/latest/meta-data/",
        "data:text/css,body{}",
        "ftp://netra.invalid/static/netra/netra.css",
        "https://netra.invalid/media/case-documents/x.pdf",
        "https://netra.invalid/static/../settings.py",
        "https://netra.invalid/static/%2e%2e/%2e%2e/settings.py",
        "https://netra.invalid/static/netra/%2e%2e/%2e%2e/settings.py",
        "https://netra.invalid/static//etc/passwd",
        "https://netra.invalid/static/netra/..%5c..%5csettings.py",
        "https://netra.invalid/static/netra/htmx.min.js",  # a static file, not a document's type
        "https://netra.invalid/static/netra/tidak-ada.png",
        "https://netra.invalid/static/netra/netra.css%00.png",
    ],
)
def test_anything_else_is_refused(url):
    with pytest.raises(pdf.Refused):
        pdf.fetcher().fetch(url)


def test_a_symlink_out_of_the_static_folder_is_refused(tmp_path, settings):
    (tmp_path / "static").mkdir()
    (tmp_path / "rahasia.css").write_text("body { color: red }")
    (tmp_path / "static" / "tautan.css").symlink_to(tmp_path / "rahasia.css")
    settings.STATICFILES_DIRS = [tmp_path / "static"]  # Django drops its cached finders
    with pytest.raises(pdf.Refused, match="outside the static folders"):
        pdf.fetcher().fetch(pdf.BASE_URL + "static/tautan.css")


def test_every_pdf_of_the_product_is_made_here():
    """WeasyPrint is imported nowhere else, so no PDF bypasses the fetcher."""
    users = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if re.search(r"\bweasyprint\b", path.read_text(encoding="utf-8"))
    ]
    assert users == ["common/pdf.py"]

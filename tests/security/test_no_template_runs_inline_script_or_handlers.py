"""No template holds an inline script, an inline event handler or a javascript: URL (issue 19):
the content policy would refuse them, so a page relying on one would silently stop working.
Behaviour lives in static files under netra/static/netra/.

Templates never served as a page (e-mails, and letters and reports rendered to PDF) may keep
their own <style> and style="" attributes: no browser applies the policy to them."""

import re
from pathlib import Path

import netra

ROOT = Path(netra.__file__).parent
NOT_PAGES = ("cases/letters/", "risk/report.html", "risk/digest.html", "monitoring/snapshot.html")

HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.DOTALL)
JAVASCRIPT_URL = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
STYLE_TAG = re.compile(r"<style\b", re.I)
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*\sstyle\s*=""", re.DOTALL)


def _templates():
    for path in sorted(ROOT.rglob("templates/**/*.html")):
        yield path.relative_to(ROOT).as_posix().split("templates/", 1)[1], path.read_text()


def test_the_scan_sees_the_templates():
    names = [name for name, _ in _templates()]
    assert "base.html" in names and len(names) > 50


def test_no_template_has_an_inline_event_handler_or_a_javascript_url():
    found = [
        f"{name}: {m.group(0)[:80]}"
        for name, text in _templates()
        for m in [*HANDLER.finditer(text), *JAVASCRIPT_URL.finditer(text)]
    ]
    assert not found, "\n".join(found)


def test_every_script_of_a_template_is_a_static_file_or_data():
    found = [
        f"{name}: <script{attrs}>"
        for name, text in _templates()
        for attrs in SCRIPT.findall(text)
        # A JSON data block is never executed, so the policy need not allow it.
        if "src=" not in attrs and 'type="application/json"' not in attrs
    ]
    assert not found, "\n".join(found)


def test_no_page_template_has_its_own_style_block_or_style_attribute():
    found = [
        f"{name}: {m.group(0)[:80]}"
        for name, text in _templates()
        if not name.startswith(NOT_PAGES)
        for m in [*STYLE_TAG.finditer(text), *STYLE_ATTRIBUTE.finditer(text)]
    ]
    assert not found, "\n".join(found)


def test_the_scan_catches_what_it_looks_for():
    assert HANDLER.search('<button type="button" onclick="history.back()">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')
    assert SCRIPT.findall("<script>alert(1)</script>") == [""]
    assert STYLE_ATTRIBUTE.search('<p class="x" style="color:red">')
    assert not HANDLER.search('<input name="onboarding" data-once="1">')

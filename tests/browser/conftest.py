"""Browser tests: Playwright driving Debian's Chromium against a live Netra server.

They skip with a clear message where Chromium is not installed, and fail instead when
NETRA_REQUIRE_BROWSER is set (CI sets it, so a missing browser can never pass silently).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NETRA_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (creating users) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    ours = [item for item in items if "tests/browser/" in str(item.fspath)]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    # A plain `pytest` (the README's test command) leaves them to their own step, as CI runs
    # them (`pytest -m browser`): they are the slowest part of the suite and would take it past
    # its five minutes. Naming the marker, or a browser test's file, runs them.
    named = "browser" in (config.option.markexpr or "") or any(
        "tests/browser" in str(arg) for arg in config.args
    )
    if ours and not named:
        config.hook.pytest_deselected(items=ours)
        kept = set(map(id, ours))
        items[:] = [item for item in items if id(item) not in kept]


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("NETRA_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, request):
    context = chromium.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def signed_in(page):
    """Sign a new staff account in through the real pages, password then TOTP code."""
    import pyotp
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.regions.models import Region
    from netra.regions.reference import load_reference_data

    def sign_in(username, role, codes):
        load_reference_data()
        secret = pyotp.random_base32()
        user = User.objects.create_user(
            username,
            password="kata-sandi-uji-panjang",
            role=role,
            first_name=username.title(),
            totp_secret=secret,
            totp_confirmed_at=timezone.now(),
        )
        user.regions.set(Region.objects.filter(code__in=codes))
        page.goto(page.base + "/akun/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Kata sandi").fill("kata-sandi-uji-panjang")
        page.get_by_role("button", name="Lanjut").click()
        page.get_by_label("Kode dari aplikasi autentikator").fill(pyotp.TOTP(secret).now())
        page.get_by_role("button", name="Masuk").click()
        page.get_by_role("heading", name="Dasbor").wait_for()
        return user

    return sign_in

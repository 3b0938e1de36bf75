"""The crawl and axe checks (issue 13): every persona walks every page it can reach in the demo.

They run only when asked for (`pytest -m crawl`, `pytest -m axe`): the demo and the walk take
minutes, and the README's `pytest` must stay short. Under NETRA_REQUIRE_BROWSER (CI) a skip is
a failure, so a missing browser or axe-core can never pass silently.
"""

import os

import pytest

from tests.browser.conftest import chromium  # noqa: F401  the same Chromium launch

MARKERS = ("crawl", "axe")

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _ours(item):
    return "tests/crawl/" in str(item.fspath)


def pytest_collection_modifyitems(config, items):
    # Deselected unless the -m expression names their marker: `pytest`, `pytest -m browser`
    # and `pytest -m "not browser"` leave them out.
    expression = config.option.markexpr or ""
    keep, drop = [], []
    for item in items:
        if _ours(item) and not any(m in expression and item.get_closest_marker(m) for m in MARKERS):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _ours(item) and report.skipped and os.environ.get("NETRA_REQUIRE_BROWSER"):
        report.outcome = "failed"
        report.longrepr = f"skipped under NETRA_REQUIRE_BROWSER: {report.longrepr}"


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """The demo's files (letters, decrees, evidence) live as long as the demo's rows."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


def _load_demo_unless_loaded(demo_media):
    from django.conf import settings
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.demo import load_demo
    from netra.regions.reference import load_reference_data

    settings.MEDIA_ROOT = demo_media
    if not User.objects.filter(username="alice").exists():
        load_reference_data()  # gone too when a live-server test has emptied the database
        load_demo(employees=300, cases_per_state=2)
    if not User.objects.filter(username="root").exists():
        User.objects.create_user("root", password="kata-sandi-uji-panjang", role="admin")
    User.objects.update(must_change_password=False, totp_confirmed_at=timezone.now())


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker, demo_media):
    """The demo, small, loaded once; the personas' accounts ready to use without a first
    password change. Every persona of issue 13 plus an administrator, and the public."""
    with django_db_blocker.unblock():
        _load_demo_unless_loaded(demo_media)
    return True


@pytest.fixture
def live_demo(demo, demo_media):
    """The demo for a test that drives the live server: such a test ends by emptying the
    database (tests/conftest.py runs it last), so the next one loads the demo again."""
    _load_demo_unless_loaded(demo_media)
    return True

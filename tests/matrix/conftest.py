"""The authorization matrix (issue 19): the demo, loaded once, and the personas that walk it.

Region A is Kabupaten Jember (35.09) and its province Jawa Timur (35): the demo puts its own
staff there, and everything the matrix opens is taken from there. Each persona that works
in region A is an owner; the same role elsewhere (Kota Jambi, 15.71, and its province Jambi,
15) is a stranger, who must get 404 on region A's objects.
"""

import pytest

# username -> (role, region codes); None: an account of the demo itself (people/demo.py).
PERSONAS = {
    "admin": ("admin", ()),
    "eko": None,  # Bawaslu RI, national
    "dewi": None,  # Bawaslu province, Jawa Timur (in)
    "prov_out": ("bawaslu_province", ("15",)),  # Bawaslu province, Jambi (out)
    "alice": None,  # Bawaslu regency, Jember (in)
    "charlie": None,  # Bawaslu city, Kota Jambi (out)
    "wulan": None,  # district supervisor, Kalisat 35.09.27 (in)
    "panwas_out": ("panwascam", ("15.71.01",)),  # district supervisor in Kota Jambi (out)
    "fajar": None,  # BKPSDM Jember (in)
    "bkpsdm_out": ("bkpsdm", ("15.71",)),  # BKPSDM Kota Jambi (out)
    "gita": None,  # BKN, national
    "hadi": None,  # PPK Jember (in)
    "joko": None,  # PPK Kota Jambi (out)
    "indah": None,  # auditor, Jember (in)
    "auditor_out": ("auditor", ("15.71",)),  # auditor, Kota Jambi (out)
}
ANONYMOUS = "anonymous"


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """The demo's files (letters, decrees, evidence) live as long as the demo's rows."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="session")
def world(django_db_setup, django_db_blocker, demo_media):
    """The small demo, loaded once and committed, with the personas the demo lacks."""
    from django.conf import settings
    from django.utils import timezone

    from netra.accounts.models import User
    from netra.demo import load_demo
    from netra.regions.models import Region

    from .objects import add_missing

    settings.MEDIA_ROOT = demo_media
    with django_db_blocker.unblock():
        if not User.objects.filter(username="alice").exists():
            load_demo(employees=300, cases_per_state=2)
        for username, made in PERSONAS.items():
            if made is None or User.objects.filter(username=username).exists():
                continue
            role, codes = made
            user = User.objects.create_user(username, password="kata-sandi-uji-panjang", role=role)
            user.regions.set(Region.objects.filter(code__in=codes))
        User.objects.update(must_change_password=False, totp_confirmed_at=timezone.now())
        add_missing()
        missing = set(PERSONAS) - set(User.objects.values_list("username", flat=True))
        assert not missing, f"personas without an account: {sorted(missing)}"
    return True


@pytest.fixture(scope="session")
def sessions(world, django_db_blocker):
    """A signed-in session per persona, committed once: each cell's client carries its key."""
    from django.conf import settings
    from django.test import Client

    from netra.accounts.models import User

    keys = {}
    with django_db_blocker.unblock():
        for username in PERSONAS:
            client = Client()
            client.force_login(User.objects.get(username=username))
            keys[username] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def pytest_terminal_summary(terminalreporter):
    from .cells import TALLY

    if not TALLY.routes:
        return
    write = terminalreporter.write_line
    write("")
    write(
        f"authorization matrix: {TALLY.routes} routes and operations, "
        f"{TALLY.cells} cells (route x persona x object x method) on staff routes, "
        f"{TALLY.public} public checks"
    )
    write(f"  leaks: {len(TALLY.leaks)}")
    for cell in TALLY.leaks:
        write(f"    {cell}")
    write(f"  positive controls failing: {len(TALLY.controls)}")
    for cell in TALLY.controls:
        write(f"    {cell}")
    write(f"  other wrong answers: {len(TALLY.wrong)}")
    for cell in TALLY.wrong[:50]:
        write(f"    {cell}")

"""Shared fixtures: reference data and the personas of DESIGN.md.

alice and bob: Bawaslu officers of Kabupaten Jember (35.09); charlie: Bawaslu officer of Kota
Jambi (15.71); dewi: provincial Bawaslu officer of Jawa Timur (35); fajar: BKPSDM officer of
Jember; gita: BKN officer (national); hadi: PPK of Jember; admin: administrator.
"""

import pyotp
import pytest
from django.conf import settings

# Argon2 is for production; tests hash thousands of times and need no protection.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Receipt hashing at production strength costs 20 ms a call; the tests check behaviour, not cost.
settings.NETRA_RECEIPT_HASH_MEMORY_KIB = 1024
settings.NETRA_RECEIPT_HASH_TIME_COST = 1

PASSWORD = "kata-sandi-uji-panjang"


@pytest.fixture(scope="session", autouse=True)
def vault_key_file(tmp_path_factory):
    """A vault key file of the test run's own, never one in the working tree."""
    from netra.reports import identity, vault

    path = vault.create_key_file(tmp_path_factory.mktemp("vault") / "vault.key")
    settings.NETRA_VAULT_KEY_FILE = path
    identity.keys.cache_clear()
    return path


@pytest.fixture(scope="session", autouse=True)
def audit_key_file(tmp_path_factory):
    """The audit chain's key of the test run's own, never one in the working tree."""
    from netra.audit import chain

    path = chain.create_key_file(tmp_path_factory.mktemp("audit") / "audit.key")
    settings.NETRA_AUDIT_KEY_FILE = path
    return path


@pytest.fixture(autouse=True)
def audit_checkpoint_dir(settings, tmp_path):
    """Checkpoints per test: one test's checkpoint must not outlive its rolled-back entries."""
    settings.NETRA_AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.NETRA_AUDIT_CHECKPOINT_DIR


@pytest.fixture(autouse=True)
def fresh_reference_cache():
    """The reference data a submission reads is kept per process (reports/references.py): a
    test's rolled-back changes send no signal, so each test starts without it."""
    from netra.reports import references

    references.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded files go to a fresh directory per test, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference data is loaded once per test database, outside every test's transaction."""
    from netra.regions.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in item.fixturenames


# Long suites that CI runs as steps of their own: left out of `pytest` and `pytest -m "not
# browser"` unless the -m expression names their marker.
ONLY_WHEN_NAMED = ("schema", "matrix", "proxy")


def pytest_collection_modifyitems(config, items):
    expression = config.option.markexpr or ""
    dropped = [
        item
        for item in items
        if any(item.get_closest_marker(m) and m not in expression for m in ONLY_WHEN_NAMED)
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        gone = set(map(id, dropped))
        items[:] = [item for item in items if id(item) not in gone]
    # Tests that commit end by emptying the database, reference data included; running them
    # last keeps the once-loaded reference data for everything else. Under pytest-xdist each
    # worker has a database of its own and is handed tests from the front of this order, so
    # in every worker the flushing tests still come after all the others.
    items.sort(key=_flushes_the_database)


def _small_pdf():
    """A valid one-page PDF of a few hundred bytes (objects, cross-reference table, trailer)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


SMALL_PDF = _small_pdf()


@pytest.fixture
def real_pdf():
    """Request it (or use it through a fixture that does) to render PDFs with WeasyPrint: the
    letter tests, and any test that reads a PDF's content or watches it being rendered."""


@pytest.fixture(autouse=True)
def stub_pdf_rendering(request, monkeypatch):
    """Every PDF (netra/common/pdf.py renders them all) is SMALL_PDF unless the test asks for
    real_pdf: WeasyPrint takes about a second a document."""
    if "real_pdf" in request.fixturenames:
        return
    from netra.common import pdf

    monkeypatch.setattr(pdf, "render", lambda html: SMALL_PDF)


@pytest.fixture
def reference(db):
    """All regions, elections and holidays (already loaded, unless a flushing test ran)."""
    from netra.regions.reference import load_reference_data

    return load_reference_data()


@pytest.fixture
def region(reference):
    from netra.regions.models import Region

    return lambda code: Region.objects.get(code=code)


@pytest.fixture
def make_user(reference):
    from netra.accounts.models import User
    from netra.regions.models import Region

    def make(username, role, codes=(), totp=True):
        user = User.objects.create_user(
            username=username, password=PASSWORD, role=role, first_name=username.title()
        )
        user.regions.set(Region.objects.filter(code__in=codes))
        if totp:
            user.totp_secret = pyotp.random_base32()
            from django.utils import timezone

            user.totp_confirmed_at = timezone.now()
            user.save()
        return user

    return make


@pytest.fixture
def alice(make_user):
    return make_user("alice", "bawaslu_regency", ["35.09"])


@pytest.fixture
def bob(make_user):
    return make_user("bob", "bawaslu_regency", ["35.09"])


@pytest.fixture
def charlie(make_user):
    return make_user("charlie", "bawaslu_regency", ["15.71"])


@pytest.fixture
def dewi(make_user):
    return make_user("dewi", "bawaslu_province", ["35"])


@pytest.fixture
def fajar(make_user):
    return make_user("fajar", "bkpsdm", ["35.09"])


@pytest.fixture
def gita(make_user):
    return make_user("gita", "bkn")


@pytest.fixture
def hadi(make_user):
    return make_user("hadi", "ppk", ["35.09"])


@pytest.fixture
def admin(make_user):
    return make_user("admin", "admin")


@pytest.fixture
def client_for(db):
    """A new test client signed in as the given user (the second factor is tested elsewhere)."""
    from django.test import Client

    def sign_in(user):
        signed_in = Client()
        signed_in.force_login(user)
        return signed_in

    return sign_in


@pytest.fixture
def employee_factory(reference):
    from django.utils import timezone

    from netra.lib.names import name_key, phonetic_index
    from netra.people.models import Agency, Employee
    from netra.regions.models import Region

    def make(name, nip=None, code="35.09", agency="Dinas Pendidikan", employment_type="pns"):
        region = Region.objects.get(code=code)
        agency_obj, _ = Agency.objects.get_or_create(
            region=region, name_key=name_key(agency), defaults={"name": agency}
        )
        return Employee.objects.create(
            nip=nip,
            name=name,
            name_key=name_key(name),
            name_phonetic=phonetic_index(name),
            employment_type=employment_type,
            agency=agency_obj,
            region=region,
            updated_at=timezone.now(),
        )

    return make


@pytest.fixture
def walk_case(request):
    """walk_case(case, "forwarded"): the case taken there through the real actions, by alice
    (Bawaslu) and gita (BKN) unless OFFICER and BKN say who (tests/case_walk.py)."""
    from .case_walk import walk

    def walk_case(case, target, *, officer=None, bkn=None):
        officer = officer or request.getfixturevalue("alice")
        if bkn is None and target in ("bkn_verification", "recommended", "closed"):
            bkn = request.getfixturevalue("gita")
        return walk(case, target, officer=officer, bkn=bkn)

    return walk_case


@pytest.fixture
def reported_case(client, alice, reference):
    """A public report about one Jember employee, opened as a case by alice."""
    from netra.cases import actions
    from netra.reports.models import Submission

    from .reports.helpers import file_report

    file_report(client)
    return actions.open_case_from_submission(alice, Submission.objects.get())


@pytest.fixture
def wulan(make_user):
    """A district supervisor (Panwascam) of Kalisat (35.09.27), a district of Jember: she
    receives and studies the reports of her district and hands them to alice's office."""
    return make_user("wulan", "panwascam", ["35.09.27"])

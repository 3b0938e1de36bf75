"""axe-core finds no serious or critical violation on the public pages and the main staff
pages, at 1366 px and at 390 px (issue 13, accessibility).

axe-core comes from the npm registry, installed by .ci/run into tools/axe, its path in
NETRA_AXE_JS; nothing is downloaded while the test runs.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

pytestmark = [pytest.mark.axe, pytest.mark.django_db(transaction=True)]

VIEWPORTS = (1366, 390)
PUBLIC = [
    "/",
    "/lapor/",
    "/lapor/status/",
    "/boleh-atau-tidak/",
    "/wilayah/35/",
    "/wilayah/35.09/",
    "/ikrar/",
    "/akun/masuk/",
    "/statistik/",
    "/statistik/35/",
    "/statistik/35.09/",
    "/statistik/papan-pengumuman/",
    "/statistik/kamus-data/",
]


def _staff_pages():
    """(username, url): the main staff pages, each seen by someone who uses it every day."""
    from netra.cases import workflow
    from netra.cases.models import Case
    from netra.monitoring.models import Flag  # noqa: F401  the queue must have something
    from netra.people.models import Employee
    from netra.prevention.models import Event
    from netra.reports.models import Submission
    from netra.sanctions.models import Recommendation

    jember = Case.objects.filter(region__code__startswith="35.09")
    case = jember.filter(state=workflow.REGISTERED).first() or jember.first()
    verifying = Case.objects.filter(state=workflow.BKN_VERIFICATION).first()
    waiting = Recommendation.objects.filter(decree__isnull=True, case__in=jember).first()
    # The demo holds events of regions alice does not reach: one of her own.
    jember_event = Event.objects.filter(region__code__startswith="35.09").order_by("pk").first()
    pages = [
        ("alice", "/dasbor/"),
        ("alice", "/laporan/"),
        ("alice", f"/laporan/{Submission.objects.order_by('pk').first().pk}/"),
        ("alice", "/kasus/"),
        ("alice", f"/kasus/{case.pk}/"),
        ("alice", "/pegawai/"),
        ("alice", f"/pegawai/{Employee.objects.filter(region__code='35.09').first().pk}/"),
        ("alice", "/pencegahan/"),
        ("alice", f"/pencegahan/kegiatan/{jember_event.pk}/"),
        ("alice", "/pemantauan/"),
        ("alice", "/akun/kata-sandi/"),
        ("alice", "/staf/statistik/"),
        ("eko", "/staf/statistik/"),
        ("root", "/akun/pengguna/"),
        ("root", "/akun/pengguna/baru/"),
    ]
    # The district supervisor's study and hand-over forms, and the page of the one she handed.
    kalisat = Submission.objects.filter(district__code="35.09.27")
    studied = kalisat.filter(handed_over_at=None).order_by("pk").first()
    pages += [("wulan", "/laporan/"), ("wulan", f"/laporan/{studied.pk}/")]
    handed = kalisat.exclude(handed_over_at=None).first()
    pages.append(("alice", f"/laporan/{handed.pk}/"))
    # The recommendation and decree forms live on the case page of the one who fills them.
    if verifying:
        pages.append(("gita", f"/kasus/{verifying.pk}/"))
    if waiting:
        pages.append(("hadi", f"/kasus/{waiting.case_id}/"))
    return pages


def _describe(url, width, violation):
    nodes = "\n".join(
        f"      {', '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1]}"
        for node in violation["nodes"][:5]
    )
    return (
        f"{url} at {width} px: [{violation['impact']}] {violation['id']}: "
        f"{violation['help']} ({len(violation['nodes'])} element(s))\n{nodes}"
    )


@pytest.fixture
def axe():
    """Asked for first, so that a missing axe-core skips before the demo is loaded."""
    path = os.environ.get("NETRA_AXE_JS")
    if not path or not Path(path).is_file():
        pytest.skip("NETRA_AXE_JS does not name axe.min.js (.ci/run installs it in tools/axe)")
    return path


def test_axe_finds_no_serious_or_critical_violation(axe, live_demo, chromium, live_server):
    from netra.accounts.models import User

    visits = [(None, url) for url in PUBLIC] + _staff_pages()
    problems, checked = [], 0
    for width in VIEWPORTS:
        contexts = {}
        for username, url in visits:
            if username not in contexts:
                # Injected axe is a script Netra's own CSP would rightly refuse.
                context = chromium.new_context(
                    locale="id-ID", viewport={"width": width, "height": 900}, bypass_csp=True
                )
                if username:
                    client = Client()
                    client.force_login(User.objects.get(username=username))
                    context.add_cookies(
                        [
                            {
                                "name": "sessionid",
                                "value": client.cookies["sessionid"].value,
                                "url": live_server.url,
                            }
                        ]
                    )
                contexts[username] = context.new_page()
            page = contexts[username]
            response = page.goto(live_server.url + url)
            if response.status != 200:
                problems.append(f"{username or 'public'}: {url} answers {response.status}")
                continue
            if urlsplit(page.url).path != urlsplit(url).path:
                # Checking the sign-in page in place of the staff page would prove nothing.
                problems.append(f"{username or 'public'}: {url} led to {page.url}")
                continue
            page.add_script_tag(path=axe)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            assert result["testEngine"]["name"] == "axe-core"
            checked += 1
            problems.extend(
                _describe(url, width, v)
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            )
        for page in contexts.values():
            page.context.close()
    assert checked, "axe-core checked no page"
    assert not problems, "\n".join(problems)

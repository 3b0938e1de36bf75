"""An officer works the case list on a phone (390 px) and a laptop (1366 px): searches for a
reported person, filters by step, sorts by a column, exports the list (a real download, the
filtered rows only) and opens the case from the list; neither page scrolls sideways."""

import csv
import io

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1366])
def test_an_officer_searches_filters_sorts_exports_and_opens_a_case(page, signed_in, width):
    from netra.cases import actions
    from netra.cases.models import Case, Respondent
    from netra.regions.models import Election, Region

    page.set_viewport_size({"width": width, "height": 900})
    officer = signed_in("alice", "bawaslu_regency", ["35.09"])
    election = Election.objects.get(code="pilkada-2024")
    jember = Region.objects.get(code="35.09")
    wanted = None
    for i, (name, agency) in enumerate(
        [("Ahmad Fauzi", "Dinas Pendidikan"), ("Sri Rahayu", "Dinas Kesehatan")] * 3
    ):
        case = actions.open_finding(
            officer, election=election, region=jember, summary=f"Temuan baliho {i}"
        )
        Respondent.objects.create(case=case, name=name, agency=agency)
        Case.objects.filter(pk=case.pk).update(number=f"00{i}/Reg/LP/PB/Kab/16.09/XI/2024")
        if i == 2:
            wanted = actions.transition(officer, case, "initial_study", version=case.version)

    page.goto(page.base + "/kasus/")
    assert no_sideways_scroll(page)
    page.get_by_role("searchbox", name="Cari").fill("Fauzi")
    page.get_by_label("Tahap", exact=True).select_option("initial_study")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url("**/kasus/?*q=Fauzi*")
    assert "1 kasus dalam daftar" in page.locator("#list-total").inner_text()
    assert no_sideways_scroll(page)

    # Sorting keeps the search and the step.
    page.get_by_label("Urutkan").select_option("-diterima")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url("**urut=-diterima*")
    assert "q=Fauzi" in page.url and "state=initial_study" in page.url
    if width >= 1366:  # the headers are links on a wide screen (a phone stacks the rows)
        header = page.locator("th[aria-sort='descending']")
        assert header.count() == 1

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:]] == [wanted.number]

    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename == "kasus-netra.xlsx"

    page.screenshot(path=str(ARTIFACTS / f"case-list-searched-{width}.png"), full_page=True)
    page.get_by_role("link", name=wanted.number).click()
    page.wait_for_url(f"**/kasus/{wanted.pk}/")
    assert no_sideways_scroll(page)


@pytest.mark.parametrize("width", [390, 1366])
def test_the_report_queue_fits_and_filters(page, signed_in, width):
    import secrets

    from django.utils import timezone

    from netra.regions.models import Election, Region
    from netra.reports.models import ReportedPerson, Submission

    page.set_viewport_size({"width": width, "height": 900})
    signed_in("alice", "bawaslu_regency", ["35.09"])
    today = timezone.localdate()
    for name in ("Ahmad Fauzi", "Sri Rahayu"):
        submission = Submission.objects.create(
            kind="report",
            receipt_hash=secrets.token_hex(32),
            election=Election.objects.get(code="pilkada-2024"),
            region=Region.objects.get(code="35.09"),
            incident_date=today,
            known_date=today,
            description="Memasang baliho calon di kantor dinas.",
            conduct=["props"],
        )
        ReportedPerson.objects.create(submission=submission, name=name, agency="Dinas")
    page.goto(page.base + "/laporan/?q=Rahayu&conduct=DIS-01")
    assert "1 laporan dalam daftar" in page.locator("#list-total").inner_text()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(ARTIFACTS / f"report-queue-searched-{width}.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.reader(open(download.value.path(), encoding="utf-8-sig")))
    assert [r[rows[0].index("Terlapor")] for r in rows[1:]] == ["Sri Rahayu"]

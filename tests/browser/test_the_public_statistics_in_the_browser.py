"""A member of the public opens /statistik/ on a laptop and on a phone, reads the funnel, clicks
from the province map into Jawa Timur and from its regencies' map into Jember, and switches
the page to English without losing the region. The province map's tiles stay large enough to
tap on the phone."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1366, 390)


@pytest.fixture
def figures(make_user):
    from netra.cases import actions
    from netra.insights import refresh
    from netra.regions.models import Election, Region
    from netra.regions.reference import load_reference_data

    load_reference_data()
    election = Election.objects.get(code="pilkada-2024")
    for username, code, count in (("alice", "35.09", 7), ("charlie", "15.71", 2)):
        officer = make_user(username, "bawaslu_regency", [code])
        region = Region.objects.get(code=code)
        for number in range(count):
            actions.open_finding(
                officer, election=election, region=region, summary=f"Temuan {number}"
            )
    refresh.refresh_all()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_leads_from_the_nation_to_a_province_and_a_regency(
    chromium, live_server, figures, width
):
    from .conftest import ARTIFACTS

    context = chromium.new_context(locale="id-ID", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/")
        page.locator('main a[href="/statistik/"]').click()
        page.wait_for_url("**/statistik/")
        assert page.locator("#funnel [data-field=reports]").inner_text() == "9"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Every province tile is large enough to tap (WCAG 2.2: 24 px), on a phone too, where
        # the map scrolls sideways in its own box.
        tile = page.locator('svg.netra-tilemap g[data-code="35"] rect').first.bounding_box()
        assert tile["width"] >= 24 and tile["height"] >= 24, tile

        page.locator('svg.netra-tilemap a:has(g[data-code="35"])').click()
        page.wait_for_url("**/statistik/35/**")
        assert "Jawa Timur" in page.locator("h1").inner_text()
        assert page.locator('svg.netra-tilemap g[data-code="35.09"]').count() == 1

        page.locator('svg.netra-tilemap a:has(g[data-code="35.09"])').click()
        page.wait_for_url("**/statistik/35.09/**")
        assert "Jember" in page.locator("h1").inner_text()
        assert page.locator("#funnel [data-field=reports]").inner_text() == "7"
        assert page.evaluate("document.documentElement.scrollWidth") <= width

        page.go_back()
        page.wait_for_url("**/statistik/35/**")
        page.get_by_role("button", name="English").click()
        page.wait_for_url("**/statistik/35/**")
        assert page.get_by_role("heading", name="From report to sanction").count() == 1
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"public-statistics-{width}.png"), full_page=True)
        context.close()

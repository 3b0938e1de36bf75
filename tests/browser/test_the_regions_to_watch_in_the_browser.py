"""A provincial Bawaslu officer of Jawa Timur opens the regions to watch from the staff menu on
a laptop and on a phone: the ranked list with each component beside the score ("Tidak ada
data" where one is missing), the map of the province's regencies and cities, then Jember's
explanation from its row, with each component's weight and points and the note that the demo
index is fictional. Neither page scrolls sideways at 390 px."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (1366, 390)


@pytest.fixture
def risk(make_user):
    from netra.regions.models import Election
    from netra.regions.reference import load_reference_data
    from netra.risk import actions, refresh

    from ..risk.risk_data import employees, figures, outreach, roster

    load_reference_data()
    admin = make_user("admin", "admin")
    election = Election.objects.get(code="pilkada-2024")
    rows = "\n".join(
        f"{code},{score},{category}"
        for code, score, category in (
            ("35.09", "78.5", "tinggi"),
            ("35.10", "45", "sedang"),
            ("35.78", "30", "rendah"),
        )
    )
    actions.import_ikp(
        admin,
        election,
        f"kode_wilayah,skor,kategori\n{rows}\n".encode(),
        source="Data demo, fiktif",
        fictional=True,
    )
    staff = employees("35.09", "Dinas Pendidikan", 6)
    employees("35.09", "Sekretariat Daerah, Kabupaten Jember", 4)
    outreach(admin, staff)
    roster({"35.09": 10, "35.10": 20, "35": 30})
    figures("pilkada-2024", {"35.09": (12, 3), "35.10": (5, 0)}, compliance={"35.09": (4, 1)})
    refresh.recompute(election)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_list_and_a_regions_explanation_on_a_laptop_and_a_phone(page, signed_in, risk, width):
    from .conftest import ARTIFACTS

    page.set_viewport_size({"width": width, "height": 900})
    signed_in("dewi", "bawaslu_province", ["35"])
    try:
        page.locator('nav a[href="/staf/risiko/"]').click()
        page.wait_for_url("**/staf/risiko/")
        assert "Wilayah yang perlu diawasi" in page.locator("h1").inner_text()
        jember = page.locator('tr[data-region="35.09"]')
        assert jember.locator('[data-component="ikp"]').inner_text() == "78,5"
        assert jember.locator('[data-component="flags"]').inner_text() == "Tidak ada data"
        assert page.locator("#fictional-ikp").is_visible()
        assert page.locator('svg.netra-tilemap g[data-code="35.09"]').count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"regions-to-watch-{width}.png"), full_page=True)

        jember.get_by_role("link", name="Kabupaten Jember").click()
        page.wait_for_url("**/staf/risiko/35.09/**")
        assert "Kabupaten Jember" in page.locator("h1").inner_text()
        prevention = page.locator('#components tr[data-component="prevention"]')
        assert "Sekretariat Daerah, Kabupaten Jember" in prevention.inner_text()
        assert page.locator('#components tr[data-component="flags"] [data-value]').inner_text() == (
            "Tidak ada data"
        )
        assert page.locator("#missing").is_visible()
        assert page.locator("#fictional-ikp").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"region-risk-{width}.png"), full_page=True)

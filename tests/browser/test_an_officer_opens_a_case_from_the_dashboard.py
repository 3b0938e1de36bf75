"""An officer finds tomorrow's deadline on the dashboard's calendar, follows the day to the
list below it and opens the case; on a phone and on a desktop, without sideways scrolling."""

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [390, 1366])
def test_an_officer_opens_a_case_due_tomorrow_from_the_dashboard(page, signed_in, width):
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from ..web.dashboard_cases import make_case

    page.set_viewport_size({"width": width, "height": 900})
    officer = signed_in("alice", "bawaslu_regency", ["35.09"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    due = datetime.combine(tomorrow, time(10), tzinfo=timezone.get_current_timezone())
    case = make_case("study", due_at=due, assigned_to=officer)
    make_case("received")
    page.reload()

    calendar = page.locator("table.calendar")
    day = calendar.get_by_role("link", name="Tenggat pada", exact=False)  # days with some
    assert day.count() == 1 and day.inner_text() == "1"
    day.click()
    assert page.url.endswith(f"#tenggat-{tomorrow.isoformat()}")
    heading = page.locator(f"#tenggat-{tomorrow.isoformat()}")
    assert heading.is_visible()
    listed = page.locator("ul.deadlines li").first
    assert "Kajian" in listed.inner_text() and "10:00 WIB" in listed.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{width}.png"), full_page=True)

    listed.get_by_role("link", name=str(case)).click()
    page.wait_for_url(f"**/kasus/{case.pk}/")
    assert page.locator("#case-state").inner_text() == "Kajian"

    page.go_back()
    page.locator("#steps").get_by_role("link", name="Kasus terbuka pada tahap Diterima: 1").click()
    page.wait_for_url("**/kasus/?state=received")

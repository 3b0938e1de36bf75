"""/boleh-atau-tidak/ (and other pages) scrolled sideways on a 320 px phone. No public page
and no main staff page may be wider than the screen."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC = ["/", "/lapor/", "/lapor/status/", "/boleh-atau-tidak/", "/wilayah/35.09/", "/ikrar/"]
STAFF = ["/dasbor/", "/laporan/", "/kasus/", "/pencegahan/", "/pegawai/", "/pemantauan/"]
STAFF += ["/sanksi/kepatuhan/", "/sanksi/konsistensi/", "/sanksi/riwayat/", "/sanksi/katalog/"]

# The elements past the right edge, by their path from the body, to name the culprit.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5)
  .map(e => {
    const path = [];
    for (let n = e; n && n !== document.body; n = n.parentElement) {
      path.unshift(n.tagName + (n.className ? '.' + n.className : ''));
    }
    const text = (e.textContent || '').trim().slice(0, 40);
    return path.join('>') + ' ' + text + ' ' + Math.round(e.getBoundingClientRect().right);
  })"""


def too_wide(page, paths):
    found = {}
    for path in paths:
        page.goto(page.base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            found[path] = (width, page.evaluate(WIDEST))
    return found


def test_no_public_page_scrolls_sideways_at_320_px(page):
    from netra.regions.reference import load_reference_data

    load_reference_data()
    page.set_viewport_size({"width": 320, "height": 640})
    assert too_wide(page, PUBLIC) == {}


def test_no_main_staff_page_scrolls_sideways_at_320_px(page, signed_in):
    signed_in("admin320", "admin", ["35.09"])
    page.set_viewport_size({"width": 320, "height": 640})
    assert too_wide(page, STAFF) == {}


def test_a_case_page_does_not_scroll_sideways_at_320_px(page, signed_in, reported_case):
    signed_in("officer320", "bawaslu_regency", ["35.09"])
    page.set_viewport_size({"width": 320, "height": 640})
    assert too_wide(page, [f"/kasus/{reported_case.pk}/", f"/laporan/{reported_case.pk}/"]) == {}


def test_a_registered_case_with_its_long_number_does_not_scroll_sideways(
    page, signed_in, reported_case, walk_case
):
    """Seen walking the demo at 390 px: the heading "Kasus 102/Reg/LP/PB/Kab/35.09/XII/2026"
    did not break and made the case page 514 px wide."""
    officer = signed_in("officer320r", "bawaslu_regency", ["35.09"])
    case = walk_case(reported_case, "registered", officer=officer)
    assert "/Reg/" in case.number
    page.set_viewport_size({"width": 320, "height": 640})
    assert too_wide(page, [f"/kasus/{case.pk}/"]) == {}

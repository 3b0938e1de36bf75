"""The region picker in Chromium at 390 px and 1366 px: a reporter types "jemb" into the
regency field of the report form, chooses with the keyboard, and the real select holds the
code the form submits (and the districts of Jember arrive); Escape puts back the choice; an
administrator adds and removes an account's regions; without JavaScript the plain select
still works. No page scrolls sideways."""

import pytest

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

JEMBER = "Kabupaten Jember — Jawa Timur (35.09)"


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("width", [390, 1366])
def test_a_reporter_types_jemb_and_chooses_with_the_keyboard(page, width):
    from netra.regions.reference import load_reference_data

    load_reference_data()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base + "/lapor/")
    regency = page.get_by_role("combobox", name="Kabupaten/kota tempat kejadian")
    assert not page.locator("#id_region").is_visible()  # the real select, enhanced
    regency.fill("jemb")
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name=JEMBER).wait_for()
    assert regency.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.all_inner_texts() == [JEMBER, "Kabupaten Jembrana — Bali (51.01)"]
    assert options.first.get_attribute("aria-selected") == "true"  # the first match active
    shot(page, f"region-picker-typed-{width}")
    no_sideways_scroll(page)
    regency.press("ArrowDown")
    assert regency.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    regency.press("ArrowUp")
    regency.press("Enter")
    assert page.locator("#id_region").input_value() == "35.09"
    assert regency.input_value() == JEMBER
    assert regency.get_attribute("aria-expanded") == "false"

    # The districts follow the regency (htmx, on the select's change); they have a picker too.
    page.locator("#id_district option", has_text="Ajung").wait_for(state="attached")
    district = page.get_by_role("combobox", name="Kecamatan")
    district.fill("AJUNG")
    district.press("Enter")
    assert page.locator("#id_district").input_value() == "35.09.17"

    # Escape closes the list and puts back the region chosen; accents and case do not matter.
    regency.fill("jawa timur")
    regency.press("ArrowDown")
    regency.press("Escape")
    assert page.get_by_role("listbox").first.is_hidden()
    assert regency.input_value() == JEMBER
    assert page.locator("#id_region").input_value() == "35.09"
    regency.fill("kota")
    regency.press("ArrowDown")
    assert "lainnya" in page.locator(".region-picker-note").first.inner_text()  # more to narrow
    regency.fill("35.78")
    regency.press("Enter")
    assert page.locator("#id_region").input_value() == "35.78"
    no_sideways_scroll(page)
    shot(page, f"region-picker-chosen-{width}")


def test_without_javascript_the_plain_select_works(chromium, live_server):
    from netra.regions.reference import load_reference_data

    load_reference_data()
    context = chromium.new_context(locale="id-ID", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/lapor/")
    page.get_by_label("Kabupaten/kota tempat kejadian").select_option(label=JEMBER)
    assert page.locator("#id_region").input_value() == "35.09"
    assert page.locator(".region-picker").count() == 0
    context.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_an_administrator_adds_and_removes_an_accounts_regions(page, signed_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    signed_in("admin", "admin", [])
    page.goto(page.base + "/akun/pengguna/baru/")
    regions = page.get_by_role("combobox", name="Wilayah")
    for typed, label in (("jember", JEMBER), ("kota jambi", "Kota Jambi — Jambi (15.71)")):
        regions.fill(typed)
        page.get_by_role("option", name=label).click()
    chosen = page.get_by_role("list", name="Wilayah terpilih")
    assert chosen.get_by_role("listitem").count() == 2
    selected = "[...document.querySelector('#id_regions').selectedOptions].map(o => o.text)"
    assert sorted(page.evaluate(selected)) == sorted([JEMBER, "Kota Jambi — Jambi (15.71)"])
    shot(page, f"region-picker-account-{width}")
    no_sideways_scroll(page)
    chosen.get_by_role("button", name=f"Hapus {JEMBER}").click()
    assert page.evaluate(selected) == ["Kota Jambi — Jambi (15.71)"]
    # A chosen region is not offered again.
    regions.fill("kota jambi")
    assert page.get_by_role("option", name="Kota Jambi — Jambi (15.71)").count() == 0

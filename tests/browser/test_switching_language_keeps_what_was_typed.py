"""The language menu submitted itself on change: an arrow key on it reloaded /lapor/ in the
other language and wiped the report being typed. The switch is now a button, and what was
typed comes back after the reload."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_reporter_switches_language_halfway_through_a_report_and_keeps_it(
    chromium, live_server, width
):
    from netra.regions.reference import load_reference_data

    load_reference_data()
    context = chromium.new_context(locale="id-ID", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/lapor/")
        story = "Kepala sekolah ASN mengajak guru memilih calon nomor 2 saat rapat dinas."
        page.get_by_label("Apa yang terjadi?").fill(story)
        page.get_by_label("Kapan terjadinya?").fill("2024-11-20")
        # The region picker: typed, then chosen from its list.
        page.get_by_label("Kabupaten/kota tempat kejadian").fill("jember")
        page.get_by_role("option", name="Kabupaten Jember — Jawa Timur (35.09)").click()
        page.locator("#id_district option", has_text="Ajung").wait_for(state="attached")
        page.get_by_role("combobox", name="Kecamatan").fill("ajung")
        page.get_by_role("option", name="Ajung", exact=True).click()
        page.get_by_label("Nama ASN").fill("Budi Santoso")
        page.get_by_label("Saya ingin tetap anonim").check()

        # Arrow keys on the switch do nothing: it is a button, not a menu.
        page.get_by_role("button", name="English").focus()
        page.keyboard.press("ArrowDown")
        assert page.locator("html").get_attribute("lang") == "id"

        page.get_by_role("button", name="English").click()
        page.wait_for_function("document.documentElement.lang === 'en'")
        page.locator("#id_district option", has_text="Ajung").wait_for(state="attached")
        page.wait_for_function(
            "document.querySelector('#id_district').selectedOptions[0].text === 'Ajung'"
        )
        assert page.get_by_label("What happened?").input_value() == story
        assert page.locator("#id_incident_date").input_value() == "2024-11-20"
        jember = "Kabupaten Jember — Jawa Timur (35.09)"
        assert page.locator("#id_region option:checked").inner_text() == jember
        # The region pickers show what the restored selects hold.
        assert page.locator("#id_region-picker").input_value() == jember
        page.wait_for_function("document.querySelector('#id_district-picker').value === 'Ajung'")
        assert page.locator("#id_person_name").input_value() == "Budi Santoso"
        assert page.locator("#id_anonymous").is_checked()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()

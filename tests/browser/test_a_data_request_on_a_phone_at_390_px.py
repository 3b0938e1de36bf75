"""A reported person on a 390 px phone asks for their data: the form fits the screen (nothing
scrolls sideways), a mistake is told in Indonesian beside its field, and the request is
registered with its number shown."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(
        locale="id-ID",
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "data-request-on-a-phone.png"), full_page=True)
    context.close()


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_a_reported_person_asks_for_their_data_on_a_phone(phone):
    from netra.privacy.models import DataRequest
    from netra.regions.reference import load_reference_data

    load_reference_data()
    page = phone
    page.goto(page.base + "/")
    page.get_by_role("link", name="Minta melihat atau memperbaiki data Anda").click()
    page.get_by_role("heading", name="Minta melihat atau memperbaiki data Anda").wait_for()
    assert not scrolls_sideways(page)

    page.get_by_label("Melihat data tentang saya yang disimpan Netra").check()
    page.get_by_label("Apa yang ingin Anda lihat atau perbaiki?").fill(
        "Saya ingin tahu data apa yang dicatat tentang saya."
    )
    page.get_by_label("Saya dilaporkan").check()
    page.get_by_label("Kabupaten atau kota yang dilaporkan").fill("jember")
    page.get_by_role("option", name="Kabupaten Jember — Jawa Timur (35.09)").click()
    page.get_by_label("Nama Anda").fill("Ahmad Fauzi")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Kirim permintaan").click()

    # The contact was left out: said in Indonesian, beside its field, and what was typed stays.
    page.get_by_text("Tulis alamat e-mail atau nomor telepon.").wait_for()
    assert not scrolls_sideways(page)
    assert page.get_by_label("Nama Anda").input_value() == "Ahmad Fauzi"
    page.get_by_label("Ke mana kami menjawab (e-mail atau nomor telepon)").fill("0812000111")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Kirim permintaan").click()

    page.get_by_role("heading", name="Permintaan Anda telah diterima").wait_for()
    number = page.locator("#request-number").inner_text()
    assert number == DataRequest.objects.get().number
    assert not scrolls_sideways(page)

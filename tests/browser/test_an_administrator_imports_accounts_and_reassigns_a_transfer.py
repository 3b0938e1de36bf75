"""An administrator's first week, in the browser at a phone's width and a desktop's: a file
of accounts is refused whole for one bad row, then imported, each new account mailed its
enrolment link; a transferred officer's open cases go to a colleague of the same reach as the
account is deactivated, and the case's timeline says so."""

import re

import pytest
from django.core import mail

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "nama,surel,peran,wilayah\n"
GOOD = HEADER + (
    "Wati Susanti,wati@bawaslu-jember.go.id,Petugas Bawaslu Kabupaten/Kota,35.09\n"
    "Sari Dewi,sari@panwascam.id,panwascam,35.09.01 35.09.02\n"
)
BAD = GOOD + "Andi,andi@example.id,bawaslu_regency,35\n"


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def upload(page, tmp_path, text):
    path = tmp_path / "akun.csv"
    path.write_text(text, encoding="utf-8")
    page.get_by_label("Berkas akun (CSV atau XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="Periksa dan buat akun").click()


@pytest.mark.parametrize("width", [390, 1366])
def test_an_administrator_imports_accounts_and_moves_a_transferred_officers_cases(
    page, signed_in, tmp_path, width
):
    from netra.accounts.models import User
    from netra.cases import actions
    from netra.cases.models import Case
    from netra.regions.models import Election, Region

    page.set_viewport_size({"width": width, "height": 900})
    signed_in("root", "admin", [])
    jember = Region.objects.get(code="35.09")
    election = Election.objects.get(code="pilkada-2024")
    wahyu = User.objects.create_user("wahyu", role="bawaslu_regency", first_name="Wahyu")
    wahyu.regions.set([jember])
    bayu = User.objects.create_user("bayu", role="bawaslu_regency", first_name="Bayu")
    bayu.regions.set([jember])
    citra = User.objects.create_user("citra", role="bawaslu_regency", first_name="Citra")
    citra.regions.set(Region.objects.filter(code="15.71"))  # Kota Jambi: another reach
    cases = [
        actions.open_finding(wahyu, election=election, region=jember, summary=f"Temuan {i}")
        for i in range(2)
    ]

    # The import: one bad row refuses the file, with its row, column and reason.
    page.get_by_role("link", name="Akun", exact=True).first.click()
    page.get_by_role("link", name="Impor akun").click()
    fits(page)
    upload(page, tmp_path, BAD)
    page.get_by_role("heading", name=re.compile("Tidak ada yang dibuat")).wait_for()
    row = page.locator("table tbody tr").first
    assert row.locator("td").nth(0).inner_text() == "4"
    assert "wilayah" in row.locator("td").nth(1).inner_text()
    assert "kabupaten atau kota" in row.inner_text()
    assert not User.objects.filter(username="wati").exists()
    fits(page)
    shot(page, f"account-import-refused-{width}")

    upload(page, tmp_path, GOOD)
    page.get_by_text("2 akun dibuat").wait_for()
    assert {"wati", "sari"} <= {u.username for u in User.objects.all()}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "sari@panwascam.id",
        "wati@bawaslu-jember.go.id",
    ]
    assert page.get_by_role("link", name="wati", exact=True).is_visible()
    fits(page)
    shot(page, f"account-import-done-{width}")

    # Wati follows her link (in a browser of her own): a password, then the authenticator.
    letter = next(m for m in mail.outbox if m.to == ["wati@bawaslu-jember.go.id"])
    link = re.search(r"http\S+(/akun/daftar/\S+/)", letter.body).group(1)
    wati = page.context.browser.new_context(
        locale="id-ID", viewport={"width": width, "height": 900}
    )
    own = wati.new_page()
    own.goto(page.base + link)
    own.get_by_label(re.compile("^Sandi baru")).fill("cempaka-putih-sembilan")
    own.get_by_label("Konfirmasi sandi baru").fill("cempaka-putih-sembilan")
    fits(own)
    shot(own, f"account-enrolment-link-{width}")
    own.get_by_role("button", name="Simpan kata sandi dan lanjutkan").click()
    own.get_by_role("heading", name="Atur aplikasi autentikator").wait_for()
    fits(own)
    wati.close()

    # The transfer: Wahyu's open cases go to Bayu, who reaches Jember; Citra is not offered.
    page.get_by_role("link", name="Semua akun").click()
    page.get_by_role("link", name="wahyu", exact=True).click()
    page.get_by_role("link", name="Nonaktifkan").click()
    page.locator("#work-count").filter(has_text="2 kasus terbuka").wait_for()
    picker = page.get_by_label("Siapa yang mengambil alih pekerjaan terbuka")
    options = picker.locator("option").all_inner_texts()
    assert any(o.startswith("Bayu") for o in options)
    assert not any(o.startswith("Citra") for o in options)
    picker.select_option(label=next(o for o in options if o.startswith("Bayu")))
    page.get_by_label("Alasan").fill("Mutasi ke Bawaslu Kota Surabaya")
    fits(page)
    shot(page, f"account-transfer-form-{width}")
    page.get_by_role("button", name="Pindahkan pekerjaan dan nonaktifkan").click()
    page.get_by_text("2 kasus dan 0 laporan dipindahkan ke Bayu").wait_for()
    wahyu.refresh_from_db()
    assert not wahyu.is_active
    assert set(Case.objects.values_list("assigned_to", flat=True)) == {bayu.pk}
    fits(page)

    page.goto(f"{page.base}/kasus/{cases[0].pk}/")
    page.get_by_text("dari Wahyu ke Bayu (mutasi)").wait_for()
    fits(page)

import pyotp
import pytest
from django.utils import timezone

from netra.accounts.models import User
from netra.regions.models import Region
from netra.regions.reference import load_reference_data

PASSWORD = "kata-sandi-uji-panjang"

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in_with_password(page, username, password):
    page.goto(page.base + "/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Lanjut").click()


def test_an_officer_signs_in_with_a_totp_code_and_sees_the_dashboard(page):
    load_reference_data()
    secret = pyotp.random_base32()
    alice = User.objects.create_user(
        "alice",
        password=PASSWORD,
        role="bawaslu_regency",
        first_name="Alice",
        totp_secret=secret,
        totp_confirmed_at=timezone.now(),
    )
    alice.regions.set([Region.objects.get(code="35.09")])

    sign_in_with_password(page, "alice", PASSWORD)
    page.get_by_role("heading", name="Kode verifikasi").wait_for()
    page.get_by_label("Kode dari aplikasi autentikator").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Masuk").click()

    page.get_by_role("heading", name="Dasbor").wait_for()
    assert "Kabupaten Jember" in page.content()
    assert page.get_by_role("link", name="Data pegawai", exact=True).is_visible()


def test_the_first_administrator_sets_up_totp_then_replaces_the_one_time_password(page):
    load_reference_data()
    from netra.accounts.actions import ensure_first_admin

    username, one_time = ensure_first_admin()
    sign_in_with_password(page, username, one_time)

    page.get_by_role("heading", name="Atur aplikasi autentikator").wait_for()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Kode dari aplikasi autentikator").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Aktifkan").click()

    page.get_by_role("heading", name="Kode pemulihan Anda").wait_for()
    assert page.locator(".codes li").count() == 10
    page.get_by_role("link", name="Lanjut").first.click()

    # The one-time password must be replaced before anything else opens.
    page.get_by_role("heading", name="Ubah kata sandi").wait_for()
    page.get_by_label("Sandi lama").fill(one_time)
    page.locator("#id_new_password1").fill("Bawaslu-Jember-2024!")
    page.get_by_label("Konfirmasi sandi baru").fill("Bawaslu-Jember-2024!")
    page.get_by_role("button", name="Simpan kata sandi").click()
    page.get_by_role("heading", name="Dasbor").wait_for()
    assert page.get_by_role("link", name="Akun", exact=True).is_visible()

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "NIP,Nama,Jenis Pegawai,Unit Kerja\n"


def upload(page, tmp_path, text, skip_invalid=False):
    path = tmp_path / "pegawai.csv"
    path.write_text(text, encoding="utf-8")
    page.get_by_role("link", name="Impor data pegawai").click()
    page.get_by_label("Berkas data pegawai").set_input_files(str(path))
    if skip_invalid:
        page.get_by_label("Impor baris yang valid").check()
    page.get_by_role("button", name="Periksa dan impor").click()


def test_an_officer_sees_which_rows_are_wrong_and_nothing_is_imported(page, signed_in, tmp_path):
    from netra.people.models import Employee

    signed_in("fajar", "bkpsdm", ["35.09"])
    upload(
        page,
        tmp_path,
        HEADER + "198501012010011001,Ahmad Fauzi,PNS,Dinas Pendidikan\n"
        "198513012010011001,Nama Salah,PNS,Dinas Pendidikan\n",
    )
    page.get_by_role("alert").filter(has_text="Tidak ada yang diimpor").wait_for()
    row = page.locator("table tbody tr").first
    assert row.locator("td").nth(0).inner_text() == "3"
    assert "Tanggal lahir pada NIP" in row.inner_text()
    assert Employee.objects.count() == 0


def test_an_officer_imports_the_valid_rows_and_finds_them_by_name(page, signed_in, tmp_path):
    signed_in("fajar", "bkpsdm", ["35.09"])
    upload(
        page,
        tmp_path,
        HEADER + "198501012010011001,Drs. Ahmad Fauzi,PNS,Dinas Pendidikan\n"
        "bukan-nip,Nama Salah,PNS,Dinas Pendidikan\n",
        skip_invalid=True,
    )
    page.get_by_text("Diimpor", exact=False).first.wait_for()
    page.get_by_role("link", name="Data pegawai", exact=True).click()
    page.get_by_label("Cari berdasarkan NIP atau nama").fill("ahmad fausi")
    page.get_by_role("link", name="Drs. Ahmad Fauzi").wait_for()

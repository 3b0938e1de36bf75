"""`netra demo` prints every account with its office, role and region, e.g. "alice: Bawaslu
Kabupaten Jember" (before: "akun alice (bawaslu_regency)", no region)."""

from netra.demo import load_demo
from netra.people.demo import STAFF


def test_the_printed_accounts_name_their_role_and_region(reference):
    lines = load_demo(employees=200, cases_per_state=1)
    printed = {line.split(":")[0]: line for line in lines if "kata sandi sekali pakai" in line}
    assert set(printed) == {username for username, _n, _r, _c in STAFF}
    assert printed["alice"].startswith("alice: Bawaslu Kabupaten Jember (Petugas Bawaslu")
    assert printed["charlie"].startswith("charlie: Bawaslu Kota Jambi")
    assert printed["dewi"].startswith("dewi: Bawaslu Provinsi Jawa Timur")
    assert printed["hadi"].startswith("hadi: PPK Kabupaten Jember (Pejabat Pembina Kepegawaian")
    assert printed["gita"].startswith("gita: BKN (Petugas BKN)")
    assert printed["wulan"].startswith(
        "wulan: Panwaslu Kecamatan Kalisat, Kabupaten Jember (Pengawas kecamatan (Panwascam))"
    )

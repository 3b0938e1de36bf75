import pytest

from netra.lib.names import name_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Drs. H. Ahmad Fauzi, M.Si", "ahmad fauzi"),
        ("  SITI   aminah ", "siti aminah"),
        ("Ma'ruf Amin", "maruf amin"),
        ("Ma\u2019ruf Amin", "maruf amin"),
        ("José Rizal", "jose rizal"),
        ("Siti Nur-Aini", "siti nur aini"),
        ("Moh. Hatta", "muhammad hatta"),
        ("Moch. Rizky Ramadhan", "muhammad rizky ramadhan"),
        ("Muh. Ali", "muhammad ali"),
        ("Mhd. Yusuf", "muhammad yusuf"),
        ("M. Nasir", "muhammad nasir"),
        ("M.Nasir", "muhammad nasir"),
        ("H.M. Yusuf Kalla", "muhammad yusuf kalla"),
        ("Abd. Rahman", "abdul rahman"),
        ("Siti Abd. Rahim", "siti abdul rahim"),
        ("", ""),
        ("...", ""),
    ],
)
def test_it_normalises_a_written_name_to_a_search_key(written, key):
    assert name_key(written) == key


def test_it_expands_muhammad_abbreviations_only_as_the_first_name():
    assert name_key("Ahmad M. Nasir") == "ahmad m nasir"

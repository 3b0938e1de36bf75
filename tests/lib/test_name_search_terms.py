from netra.lib.names import PAIR_JOIN, phonetic_index, phonetic_key, phonetic_pair


def test_the_index_holds_each_code_and_the_pairs_at_most_two_apart():
    terms = phonetic_index("Siti Nur Aminah Lubis").split()
    codes = phonetic_key("Siti Nur Aminah Lubis").split()
    assert terms[:4] == codes
    st, nr, amn, lbs = codes
    assert terms[4:] == [
        phonetic_pair(st, nr),
        phonetic_pair(st, amn),
        phonetic_pair(nr, amn),
        phonetic_pair(nr, lbs),
        phonetic_pair(amn, lbs),
    ]


def test_the_index_is_space_padded_for_substring_matching():
    index = phonetic_index("Budi")
    assert index.startswith(" ") and index.endswith(" ")
    assert index.split() == [phonetic_key("Budi")]


def test_no_code_contains_the_pair_separator():
    for name in ["Xaverius Maximilian", "Felix Alexander", "Yohanes Pattimura", "Ma'ruf Amin"]:
        assert all(PAIR_JOIN not in code for code in phonetic_key(name).split())

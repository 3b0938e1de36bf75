import pytest

from netra.lib.names import name_similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Drs. Soeharto", "Suharto"),
        ("Siti Aminah", "Siti Aminah Lubis"),
        ("Moch. Rizky Ramadhan", "Muhammad Rizki Ramadan"),
        ("Achmad Fauzy, S.Pd", "Ahmad Fauzi"),
        ("Fauzi Ahmad", "Ahmad Fauzi"),
    ],
)
def test_it_scores_the_same_person_high(a, b):
    assert name_similarity(a, b) >= 0.85


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Budi Santoso", "Bambang Susilo"),
        ("Siti Aminah", "Dewi Lestari"),
        ("Agus Salim", "Andi Saputra"),
    ],
)
def test_it_scores_different_people_low(a, b):
    assert name_similarity(a, b) < 0.6


def test_it_scores_identical_names_after_normalisation_as_one():
    assert name_similarity("Hj. SITI AMINAH, S.Pd.", "siti aminah") == 1.0


def test_it_ranks_a_full_match_above_a_partial_one():
    assert name_similarity("Siti Aminah", "Siti Aminah") > name_similarity("Siti", "Siti Aminah")


def test_it_scores_an_empty_name_as_zero():
    assert name_similarity("", "Siti") == 0.0
    assert name_similarity("", "") == 0.0


def test_it_is_symmetric():
    assert name_similarity("Djoko Susilo", "Joko Susilo, S.H.") == name_similarity(
        "Joko Susilo, S.H.", "Djoko Susilo"
    )

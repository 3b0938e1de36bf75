import pytest

from netra.lib.names import strip_titles

CASES = [
    ("Drs. H. Ahmad Fauzi, M.Si", "Ahmad Fauzi"),
    ("dr. Siti Aminah, Sp.A", "Siti Aminah"),
    ("dr. Andi Wijaya, Sp.PD (K)", "Andi Wijaya"),
    ("Hj. Sri Wahyuni, S.Pd., M.Pd.", "Sri Wahyuni"),
    ("Ir. Bambang S., M.T.", "Bambang S."),
    ("Prof. Dr. Ir. H. Joko Widodo, M.Sc.", "Joko Widodo"),
    ("Dr. (H.C.) Ir. Soekarno", "Soekarno"),
    ("Budi Santoso, S.H., M.H.", "Budi Santoso"),
    ("Rina Marlina, A.Md.Kep", "Rina Marlina"),
    ("Rina Marlina A.Md.Kep", "Rina Marlina"),
    ("Dedi Kurniawan S.Kom", "Dedi Kurniawan"),
    ("Agus Salim, S.E.", "Agus Salim"),
    ("AGUS SALIM, SE, MM", "AGUS SALIM"),
    ("Agus Salim SE", "Agus Salim"),
    ("Tono Sutono S.T", "Tono Sutono"),
    ("Asep Saepudin, S.Sos", "Asep Saepudin"),
    ("Yayan Sopyan, S.IP", "Yayan Sopyan"),
    ("Ujang Hidayat, S.Ag", "Ujang Hidayat"),
    ("Neneng Rohaeni, S.Kep., Ns.", "Neneng Rohaeni"),
    ("Dodi Irawan, M.M.", "Dodi Irawan"),
    ("Dodi Irawan MM", "Dodi Irawan"),
    ("Lina Marlina, M.Kes", "Lina Marlina"),
    ("Ade Irawan, S.Sos., M.A.P", "Ade Irawan"),
    ("Ade Irawan, Amd", "Ade Irawan"),
    ("Ahmad Fauzi, S.Pd.I", "Ahmad Fauzi"),
    ("Ahmad Fauzi, S.Pd., Gr.", "Ahmad Fauzi"),
    ("Ir Sutrisno", "Sutrisno"),
    ("KH Ma'ruf Amin", "Ma'ruf Amin"),
    ("K.H. Ma'ruf Amin", "Ma'ruf Amin"),
    ("Tgk. Abdullah Puteh", "Abdullah Puteh"),
    ("Drs.H.Ahmad Fauzi,M.Si", "Ahmad Fauzi"),
    ("H.M. Yusuf Kalla", "M. Yusuf Kalla"),
    ("Fauzi, Drs. H. Ahmad", "Fauzi Ahmad"),
]


@pytest.mark.parametrize(("written", "bare"), CASES)
def test_it_removes_degrees_and_honorifics_wherever_they_are_written(written, bare):
    assert strip_titles(written) == bare


@pytest.mark.parametrize(
    "name",
    [
        "Ade Rahmawati",
        "Dra Siti",  # "Dra" without a dot may be a given name
        "H Ahmad",  # "H" without a dot may be an initial
        "Siti Mei",  # Mei is a name, and a degree (M.E.I.) only with dots
        "Bambang S.",
        "R. Soeprapto",  # nobility and initials stay: they are on the KTP
        "Raden Ajeng Kartini",
        "Andi Mallarangeng",
        "St. Aminah",
    ],
)
def test_it_keeps_tokens_that_may_be_real_names(name):
    assert strip_titles(name) == name


def test_it_strips_an_ambiguous_bare_degree_after_a_comma():
    assert strip_titles("Ahmad Fauzi, Lc, MA") == "Ahmad Fauzi"


def test_it_never_strips_a_name_down_to_nothing():
    assert strip_titles("Dr.") == "Dr."
    assert strip_titles("Ir Hj") == "Hj"


def test_it_returns_an_empty_string_for_an_empty_name():
    assert strip_titles("") == ""

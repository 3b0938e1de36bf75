import pytest

from netra.lib.names import phonetic_key

SAME_PERSON = [
    ("Soeharto", "Suharto"),  # old spelling oe
    ("Soekarno", "Sukarno"),
    ("Oemar", "Umar"),
    ("Djoko", "Joko"),  # old dj
    ("Tjahjo", "Cahyo"),  # old tj and j
    ("Jusuf", "Yusuf"),  # old j is today's y
    ("Johannes", "Yohanes"),
    ("Wahjudi", "Wahyudi"),
    ("Nurhajati", "Nurhayati"),
    ("Njoman", "Nyoman"),
    ("Sjahrir", "Syahrir"),
    ("Mochammad", "Muhammad"),
    ("Mohammad", "Muhamad"),
    ("Muhammad", "Mohamad"),
    ("Khairul", "Hairul"),
    ("Chairul", "Khairul"),
    ("Rachmat", "Rahmat"),
    ("Achmad", "Ahmad"),
    ("Christina", "Kristina"),
    ("Aminah", "Amina"),
    ("Fatimah", "Fatima"),
    ("Ekko", "Eko"),
    ("Eddy", "Edi"),
    ("Rizky", "Rizki"),
    ("Hendry", "Hendri"),
    ("Dewy", "Dewi"),
    ("Taufiq", "Taufik"),
    ("Yusup", "Yusuf"),  # Sundanese p for f
    ("Saepul", "Syaiful"),
    ("Faizal", "Faisal"),
    ("Dzulkifli", "Zulkifli"),
    ("Ramadhan", "Ramadan"),
    ("Fadhli", "Fadli"),
    ("Philip", "Filip"),
    ("Drs. Soeharto, M.Si", "Suharto"),
    ("Moch. Rizky Ramadhan", "Muhammad Rizki Ramadan"),
]

DIFFERENT_PEOPLE = [
    ("Budi", "Bambang"),
    ("Santoso", "Susilo"),
    ("Umar", "Amir"),
    ("Siti", "Sri"),
    ("Agus", "Andi"),
    ("Dewi", "Dedi"),
    ("Hadi", "Hari"),
    ("Wahyudi", "Wahyuni"),
    ("Budi Santoso", "Bambang Susilo"),
    ("Siti Aminah", "Aminah Siti"),  # token order is kept
]


@pytest.mark.parametrize(("a", "b"), SAME_PERSON)
def test_it_gives_spelling_variants_the_same_code(a, b):
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PEOPLE)
def test_it_keeps_different_names_apart(a, b):
    assert phonetic_key(a) != phonetic_key(b)


def test_it_gives_one_non_empty_code_per_token():
    for name in ["Ai", "Ia", "Eo Hh", "Y", "H. Ahmad S.", "Oe", "Siti Nur Aini"]:
        codes = phonetic_key(name).split(" ")
        assert len(codes) == len(name.replace("H. ", "").split())
        assert all(codes)


def test_it_returns_an_empty_key_for_an_empty_name():
    assert phonetic_key("") == ""

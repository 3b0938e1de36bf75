"""People in news articles: the officials behind long titles, the people quotes are
attributed to, names without honorifics and degrees, and no word, place or institution
taken for a person."""

import pytest

from netra.monitoring.nlp.news import extract
from netra.monitoring.nlp.people import find_people

from .news_dev_articles import PEOPLE, extracted


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_each_dev_article_names_exactly_its_people_with_their_full_titles(name):
    people = [(p["name"], p["title"]) for p in extracted(name)["people"]]
    assert people == PEOPLE[name]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Pj Bupati Banyuwangi H. M. Yusuf membuka apel.", "M. Yusuf"),
        ("Kepala Kantor Regional VII BKN B. Santoso hadir.", "B. Santoso"),
        ("Sekda Bondowoso Drs. H. Ahmad Subiyanto, M.Si membuka acara.", "Ahmad Subiyanto"),
        ("Pj Wali Kota Probolinggo dr. Rina Kartikasari hadir.", "Rina Kartikasari"),
        ("Camat Manyar Hendra Wijaya, S.Sos., M.AP mengatakan", "Hendra Wijaya"),
        ("Ketua Bawaslu Jember Sanda Aditiya Arta, S.H., M.H. hadir.", "Sanda Aditiya Arta"),
        (
            "Kepala BKPSDM Kota Malang, Dr. Alifia Mahardika, S.STP., M.Si, hadir.",
            "Alifia Mahardika",
        ),
    ],
)
def test_honorifics_and_degrees_are_dropped_but_initials_kept(text, name):
    assert [p.name for p in find_people(text)] == [name]


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Wakil Ketua DPRD Situbondo Janur Sasra Ananda juga hadir.",
            "Janur Sasra Ananda",
            "Wakil Ketua DPRD Situbondo",
        ),
        (
            "Kepala Sekolah SMAN 1 Situbondo, Siti Aminah, S.Pd., M.Pd., menyebut guru netral.",
            "Siti Aminah",
            "Kepala Sekolah SMAN 1 Situbondo",
        ),
        (
            "Ketua Panwascam Panji Ahmad Rofiq mengatakan pihaknya siap.",
            "Ahmad Rofiq",
            "Ketua Panwascam Panji",
        ),
        (
            "Ketua Komisi I DPRD Situbondo Hadi Prianto hadir.",
            "Hadi Prianto",
            "Ketua Komisi I DPRD Situbondo",
        ),
    ],
)
def test_acronyms_numbers_and_districts_inside_a_title_stay_in_it(text, name, title):
    assert [(p.name, p.title) for p in find_people(text)] == [(name, title)]


def test_two_names_after_one_title_are_two_people_of_that_office():
    text = "Anggota Bawaslu Situbondo Siti Aminah dan Ahmad Fauzi Rahman hadir."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Siti Aminah", "Anggota Bawaslu Situbondo"),
        ("Ahmad Fauzi Rahman", "Anggota Bawaslu Situbondo"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pengamat politik Universitas Jember, Rudi Santoso, menilai ASN rentan.",
        "Narasumber kegiatan, Dr. Rudi Santoso, M.Si, memaparkan materi.",
        "Pengamat politik, Rudi Santoso, S.IP., M.Si., menilai ASN rentan.",
    ],
)
def test_a_name_between_commas_before_a_speech_verb_is_a_person(text):
    assert [p["name"] for p in extract("Judul\n" + text)["people"]] == ["Rudi Santoso"]


def test_a_month_that_is_a_given_name_stays_in_the_name():
    text = "Kepala BKPSDM Situbondo Juli Astuti hadir pada Juli 2024."
    assert [p.name for p in find_people(text)] == ["Juli Astuti"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kepala Seksi Kurikulum Dinas Pendidikan Situbondo Rina Yuliani hadir.", "Rina Yuliani"),
        (
            "Kepala Bidang Penegakan Perundang-undangan Satpol PP Situbondo Agus Priyanto hadir.",
            "Agus Priyanto",
        ),
        ("Kepala Bagian Organisasi Setdakab Situbondo Lestari hadir.", "Lestari"),
        ("Kepala Puskesmas Panji Sri Wulandari hadir.", "Sri Wulandari"),
        ("Kepala SMPN 1 Panji Heri Susanto hadir.", "Heri Susanto"),
        (
            "Direktur RSUD dr. Abdoer Rahem Situbondo dr. Roekmy Prabarini hadir.",
            "Roekmy Prabarini",
        ),
    ],
)
def test_institution_words_unknown_by_name_stay_in_the_title(text, name):
    assert [p.name for p in find_people(text)] == [name]


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            '"Kami siap," kata kepala desa setempat, Ahmad Fauzi.',
            "Ahmad Fauzi",
            "kepala desa setempat",
        ),
        ('"Kami siap," ujar salah seorang ASN, Nur Hasanah.', "Nur Hasanah", "salah seorang ASN"),
        (
            "Menurut warga setempat, Budi Hartono, ASN ikut kampanye.",
            "Budi Hartono",
            "warga setempat",
        ),
    ],
)
def test_a_quote_attributed_after_a_lowercase_description_names_its_speaker(text, name, title):
    assert [(p.name, p.title) for p in find_people(text)] == [(name, title)]


def test_an_official_named_inside_a_circulars_name_is_a_person():
    text = "Surat Edaran (SE) Pj Bupati Situbondo Tjahjo Widodo Nomor 100/1/2024 terbit."
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Tjahjo Widodo", "Pj Bupati Situbondo")
    ]


def test_a_passive_attribution_names_its_speaker():
    text = "Hal itu disampaikan Rudi Hartono saat ditemui di kantornya."
    assert [p.name for p in find_people(text)] == ["Rudi Hartono"]


def test_police_and_army_ranks_belong_to_neither_the_title_nor_the_name():
    text = (
        "Hadir Kapolres Situbondo AKBP Rezi Dharmawan dan Dandim 0823/Situbondo Letkol Inf Ahmad."
    )
    assert [(p.name, p.title) for p in find_people(text)] == [
        ("Rezi Dharmawan", "Kapolres Situbondo"),
        ("Ahmad", "Dandim 0823/Situbondo"),
    ]
    text = "Tampak hadir Wakapolres Situbondo Kompol Nur Hadi."
    assert [(p.name, p.title) for p in find_people(text)] == [("Nur Hadi", "Wakapolres Situbondo")]


def test_a_name_linked_to_its_title_by_selaku_is_found():
    text = "Acara dipimpin Nanang Hermawan, S.Sos., M.Si., selaku Sekretaris Daerah Bondowoso."
    (person,) = find_people(text)
    assert (person.name, person.title) == ("Nanang Hermawan", "Sekretaris Daerah Bondowoso")


def test_a_name_before_its_title_between_commas_is_found():
    text = "Sugirah, Kepala BKPSDM Kabupaten Banyuwangi, mengatakan tim telah siap."
    (person,) = find_people(text)
    assert (person.name, person.title) == ("Sugirah", "Kepala BKPSDM Kabupaten Banyuwangi")


@pytest.mark.parametrize(
    "text",
    [
        'Warga diminta melapor. "ASN harus netral," ujar Bambang Sutejo.',
        'Warga diminta melapor. "ASN harus netral," tegas Bambang Sutejo kepada wartawan.',
        "Menurut Bambang Sutejo, pelanggaran paling banyak terjadi di media sosial.",
        'Warga diminta melapor. "Kami siap," pungkas Bambang Sutejo.',
    ],
)
def test_the_person_a_quote_is_attributed_to_is_found(text):
    assert [p.name for p in find_people(text)] == ["Bambang Sutejo"]


def test_a_name_opening_a_clause_before_a_speech_verb_is_a_person():
    text = "Sementara itu, Bambang Sutejo juga menegaskan hal serupa."
    assert [p.name for p in find_people(text)] == ["Bambang Sutejo"]


def test_a_word_the_article_also_writes_in_lowercase_is_no_name():
    text = 'Pemkab menerbitkan edaran. "ASN wajib netral," kata Edaran Bupati itu.'
    assert find_people(text) == []


def test_a_short_form_or_a_pronoun_after_a_quote_adds_nobody():
    text = (
        "Judul\nKepala BKPSDM Kabupaten Situbondo Rudi Hartono membuka acara. "
        '"ASN harus netral," ujar Rudi. "Kami memantau media sosial," katanya. '
        "Menurut Rudi, laporan akan ditindaklanjuti."
    )
    assert [p["name"] for p in extract(text)["people"]] == ["Rudi Hartono"]


@pytest.mark.parametrize(
    "text",
    [
        "Bupati menerbitkan Surat Edaran Bupati Nomor 000.1.5/123/2024 tentang netralitas.",
        "Pemkab Situbondo mengimbau ASN menjaga netralitas.",
        "Bawaslu Kota Jambi menegaskan akan menindak pelanggaran.",
        "Apel digelar di halaman Kantor Bupati Situbondo, Senin (7/10/2024).",
        "Surat itu ditujukan kepada Kepala BKN, Ketua KASN dan Ketua Bawaslu.",
        'Usai apel, para ASN berfoto. "Netral itu wajib," kata Sekda.',
        "Edaran itu menyatakan ASN dilarang hadir dalam kampanye.",
        "Pihak BKPSDM menyatakan siap menindaklanjuti rekomendasi Bawaslu.",
        "Sambutan disampaikan Ketua Tim Penggerak PKK Kabupaten Bondowoso.",
        "Korpri menyatakan siap mendukung netralitas.",
        "Apel digelar di depan Kantor Bupati Situbondo Jalan Basuki Rahmat.",
        "Peserta berkumpul di Pendopo Bupati Bondowoso Sabha Bina Praja.",
        "Karang Taruna Situbondo menyatakan dukungannya.",
        "Gerakan Pemuda Ansor Situbondo mengatakan siap membantu.",
        '"Kami siap," bebernya. Hal itu diungkapkan oleh Bupati Situbondo.',
        "Apel pagi.\nBupati Situbondo Ajak ASN Jaga Netralitas\nPeserta hadir.",
        '"Kami siap," katanya, Senin (7/10).',
        '"Kami siap," ujar dia di kantornya, Jalan Basuki Rahmat.',
        '"Kami siap," ungkap warga asal Panji, Situbondo.',
        "Menurut Survei Indikator, ASN rentan. Menurut Catatan Bawaslu, ada 5 kasus.",
        "Surat Edaran Bupati Situbondo Tentang Netralitas Aparatur Sipil Negara",
        "Peraturan Bupati Situbondo Nomor 12 Tahun 2024 mengatur hal itu.",
    ],
)
def test_words_places_and_institutions_are_not_taken_for_people(text):
    assert find_people(text) == []


def test_a_subheading_in_title_case_gives_no_person():
    text = (
        "Judul\nApel digelar pagi ini.\nBupati Situbondo Karna Suswandi Pimpin Apel Pagi\n"
        "Wakil Bupati Situbondo Khoirani hadir."
    )
    assert [p["name"] for p in extract(text)["people"]] == ["Khoirani"]


def test_the_headline_in_title_case_gives_no_person():
    text = "Bupati Situbondo Terbitkan SE Netralitas\nPemkab menerbitkan edaran baru."
    assert extract(text)["people"] == []

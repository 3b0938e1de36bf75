"""Deterministic synthetic roster data for the benchmarks (fictional people only)."""

import random

COMMON_FIRST = [
    "Siti",
    "Sri",
    "Dewi",
    "Nur",
    "Ahmad",
    "Muhammad",
    "Mochammad",
    "Budi",
    "Agus",
    "Eko",
    "Joko",
    "Djoko",
    "Bambang",
    "Wahyu",
    "Rina",
    "Yuli",
    "Endang",
    "Hendra",
    "Rudi",
    "Dian",
    "Indah",
    "Fitri",
    "Rahmat",
    "Achmad",
    "Slamet",
    "Suharto",
    "Soeharto",
    "Yusuf",
    "Ika",
    "Dwi",
    "Tri",
    "Andi",
    "Fajar",
    "Putri",
    "Ratna",
    "Heru",
    "Imam",
    "Lilik",
    "Nanik",
    "Teguh",
    "Made",
    "Nyoman",
    "Ketut",
    "Wayan",
    "Yohanes",
    "Maria",
    "Fransiskus",
    "Abdul",
    "Ismail",
    "Hasan",
]
COMMON_LAST = [
    "Aminah",
    "Wahyuni",
    "Rahayu",
    "Santoso",
    "Hidayat",
    "Prasetyo",
    "Susanto",
    "Kurniawan",
    "Setiawan",
    "Lestari",
    "Handayani",
    "Saputra",
    "Nugroho",
    "Fauzi",
    "Hasanah",
    "Wibowo",
    "Syahputra",
    "Siregar",
    "Lubis",
    "Harahap",
    "Nasution",
    "Hakim",
    "Ramadhan",
    "Maulana",
    "Purnomo",
    "Sulistyo",
    "Utami",
    "Anggraini",
    "Firmansyah",
    "Hermawan",
    "Simanjuntak",
    "Pattikawa",
    "Manurung",
    "Sitompul",
]
SYLLABLES = [
    "ba",
    "di",
    "ra",
    "ti",
    "na",
    "wa",
    "ya",
    "su",
    "ko",
    "ha",
    "mi",
    "an",
    "ar",
    "in",
    "sa",
    "ri",
    "to",
    "no",
    "gu",
    "la",
    "ma",
    "de",
    "pu",
    "se",
    "lu",
    "jo",
    "ka",
    "ni",
]
TITLES_BEFORE = ["", "", "", "", "", "Drs. ", "H. ", "Hj. ", "dr. ", "Ir. "]
TITLES_AFTER = ["", "", "", "", ", S.Pd.", ", S.E.", ", S.H.", ", S.Kom.", ", M.Si.", ", A.Md."]
AGENCIES = [
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "RSUD",
    "Sekretariat Daerah",
    "Inspektorat",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pertanian",
    "Satuan Polisi Pamong Praja",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Kecamatan Kota",
]
TYPES = ["PNS"] * 7 + ["PPPK"] * 2 + ["CPNS"]
CLASSES = [
    ("Fungsional", "Guru Ahli Muda"),
    ("Pelaksana", "Pengolah Data"),
    ("Pengawas", "Kepala Seksi"),
    ("Administrator", "Kepala Bidang"),
    ("Fungsional", "Perawat Terampil"),
]


def synthetic_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()


def person_name(rng):
    first = rng.choice(COMMON_FIRST) if rng.random() < 0.7 else synthetic_word(rng)
    last = rng.choice(COMMON_LAST) if rng.random() < 0.6 else synthetic_word(rng)
    middle = (" " + synthetic_word(rng)) if rng.random() < 0.3 else ""
    return rng.choice(TITLES_BEFORE) + first + middle + " " + last + rng.choice(TITLES_AFTER)


def nip_for(index, employment_type):
    """A structurally valid NIP, unique for 0 <= INDEX < 22.8 million."""
    seq = index % 999 + 1
    rest = index // 999
    day = rest % 28 + 1
    rest //= 28
    month = rest % 12 + 1
    rest //= 12
    year = 1966 + rest % 34
    gender = 1 + (rest // 34) % 2
    appointment_year = year + 22
    appointment_month = "21" if employment_type == "PPPK" else f"{month:02d}"
    return f"{year}{month:02d}{day:02d}{appointment_year}{appointment_month}{gender}{seq:03d}"


def roster_rows(count, seed=2024):
    rng = random.Random(seed)
    for i in range(count):
        employment_type = rng.choice(TYPES)
        position_class, position = rng.choice(CLASSES)
        yield [
            nip_for(i, employment_type),
            person_name(rng),
            employment_type,
            position,
            position_class,
            rng.choice(AGENCIES),
            "Ya",
        ]


HEADER = ["NIP", "Nama", "Jenis Pegawai", "Jabatan", "Jenis Jabatan", "Unit Kerja", "Aktif"]

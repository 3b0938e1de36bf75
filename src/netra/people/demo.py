"""A realistic, entirely fictional demo data set: agencies, employees and staff accounts.

Deterministic (fixed seed), so running `netra demo` again updates the same people instead of
adding new ones. No name, NIP or account here belongs to a real person.
"""

import random
from datetime import date

from django.db import transaction

from netra.accounts.actions import create_staff_user
from netra.accounts.models import Role, User
from netra.lib.names import name_key, phonetic_index
from netra.regions.models import Region

from .importer import CleanRow
from .models import EmploymentType, PositionClass
from .writer import write_rows

DEMO_REGIONS = {"35.09": 0.55, "15.71": 0.25, "35.78": 0.20}  # share of the employees
#: Roster e-mail domains (the reserved .test top-level domain: no mail ever leaves for them).
DEMO_DOMAINS = {
    "35.09": "jember.demo.test",
    "15.71": "jambi.demo.test",
    "35.78": "surabaya.demo.test",
}
EMAIL_SHARE = 0.6  # of ASN employees; the rest have none, as on real rosters

AGENCIES = [
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat Daerah",
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "RSUD",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Perhubungan",
    "Dinas Lingkungan Hidup",
    "Dinas Pertanian",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Komunikasi dan Informatika",
    "Satuan Polisi Pamong Praja",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelola Keuangan dan Aset Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penanggulangan Bencana Daerah",
]
FIRST = [
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
]
LAST = [
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
]
TITLES_BEFORE = ["", "", "", "", "Drs. ", "H. ", "Hj. ", "dr. ", "Ir. "]
TITLES_AFTER = [
    "",
    "",
    "",
    ", S.Pd.",
    ", S.E.",
    ", S.H.",
    ", S.Kom.",
    ", M.Si.",
    ", S.Sos., M.M.",
    ", A.Md.",
    ", S.Kep., Ns.",
]
POSITIONS = {
    PositionClass.JPT: ["Kepala Dinas", "Kepala Badan", "Sekretaris Daerah", "Inspektur"],
    PositionClass.ADMINISTRATOR: ["Sekretaris Dinas", "Kepala Bidang", "Camat"],
    PositionClass.PENGAWAS: ["Kepala Seksi", "Kepala Subbagian", "Lurah"],
    PositionClass.FUNGSIONAL: [
        "Guru Ahli Pertama",
        "Guru Ahli Muda",
        "Perawat Terampil",
        "Dokter Ahli Pertama",
        "Analis Kebijakan",
        "Pranata Komputer",
        "Penyuluh Pertanian",
        "Bidan Terampil",
    ],
    PositionClass.PELAKSANA: [
        "Pengadministrasi Umum",
        "Pengolah Data",
        "Pengemudi",
        "Petugas Keamanan",
        "Operator Layanan",
    ],
}
CLASS_WEIGHTS = [
    (PositionClass.JPT, 1),
    (PositionClass.ADMINISTRATOR, 4),
    (PositionClass.PENGAWAS, 10),
    (PositionClass.FUNGSIONAL, 55),
    (PositionClass.PELAKSANA, 30),
]
TYPE_WEIGHTS = [
    (EmploymentType.PNS, 68),
    (EmploymentType.PPPK, 20),
    (EmploymentType.CPNS, 4),
    (EmploymentType.NON_ASN, 5),
    (EmploymentType.VILLAGE_HEAD, 1),
    (EmploymentType.VILLAGE_OFFICIAL, 2),
]

STAFF = [
    # username, full name, role, region codes
    ("alice", "Alice Rahmawati", Role.BAWASLU_REGENCY, ["35.09"]),
    ("bob", "Bobby Kurniawan", Role.BAWASLU_REGENCY, ["35.09"]),
    ("charlie", "Charlie Siregar", Role.BAWASLU_REGENCY, ["15.71"]),
    ("dewi", "Dewi Anggraini", Role.BAWASLU_PROVINCE, ["35"]),
    ("eko", "Eko Prasetyo", Role.BAWASLU_RI, []),
    ("fajar", "Fajar Nugroho", Role.BKPSDM, ["35.09"]),
    ("gita", "Gita Lestari", Role.BKN, []),
    ("hadi", "Hadi Santoso", Role.PPK, ["35.09"]),
    ("joko", "Joko Harahap", Role.PPK, ["15.71"]),
    ("indah", "Indah Permata", Role.AUDITOR, ["35.09"]),
    # A district supervisor: the reports of Kalisat, a district of Jember, handed to alice's office.
    ("wulan", "Wulan Sari", Role.PANWASCAM, ["35.09.27"]),
]


def _pick(rng, weighted):
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def _nip(rng, employment_type, sequence):
    birth = date(rng.randint(1966, 2000), rng.randint(1, 12), rng.randint(1, 28))
    year = rng.randint(max(birth.year + 21, 1990), 2024)
    month = "21" if employment_type == EmploymentType.PPPK else f"{rng.randint(1, 12):02d}"
    gender = rng.choice("12")
    return f"{birth:%Y%m%d}{year}{month}{gender}{sequence % 999 + 1:03d}"


def _email(name, sequence, domain):
    """A roster address for NAME: its first two words without titles, and a number."""
    words = [w for w in name.split(",")[0].replace(".", " ").split() if w.isalpha()]
    words = [w for w in words if w.lower() not in {"drs", "h", "hj", "dr", "ir"}]
    return f"{'.'.join(words[:2]).lower()}.{sequence}@{domain}"


def demo_rows(count, rng, districts, domain="demo.test"):
    """COUNT fictional employees, and the agencies they work for (key -> (name, code))."""
    rows, seen, agencies = [], set(), {}
    sequence = 0
    while len(rows) < count:
        sequence += 1
        employment_type = _pick(rng, TYPE_WEIGHTS)
        name = (
            rng.choice(TITLES_BEFORE)
            + rng.choice(FIRST)
            + " "
            + rng.choice(LAST)
            + rng.choice(TITLES_AFTER)
        )
        if employment_type in (EmploymentType.VILLAGE_HEAD, EmploymentType.VILLAGE_OFFICIAL):
            district = rng.choice(districts) if districts else None
            agency = f"Pemerintah Desa, Kecamatan {district.name}" if district else AGENCIES[0]
            position = (
                "Kepala Desa"
                if employment_type == EmploymentType.VILLAGE_HEAD
                else "Sekretaris Desa"
            )
            nip, position_class = None, ""
            name = f"{name} {sequence}"  # keeps non-NIP demo people distinct
        else:
            district = None
            agency = rng.choice(AGENCIES)
            # Honorer staff hold executor posts only; structural posts are for ASN.
            position_class = (
                PositionClass.PELAKSANA
                if employment_type == EmploymentType.NON_ASN
                else _pick(rng, CLASS_WEIGHTS)
            )
            position = rng.choice(POSITIONS[position_class])
            nip = None
            if employment_type != EmploymentType.NON_ASN:
                nip = _nip(rng, employment_type, sequence)
                if nip in seen:
                    continue
                seen.add(nip)
        rows.append(
            CleanRow(
                len(rows) + 2,
                nip,
                name,
                name_key(name),
                phonetic_index(name),
                employment_type,
                position,
                position_class,
                name_key(agency),
                district.code if district else None,
                _email(name, sequence, domain) if nip and rng.random() < EMAIL_SHARE else "",
                rng.random() > 0.02,
            )
        )
        agencies.setdefault(name_key(agency), (agency, ""))
    return rows, agencies


def load_demo_people(employees=10_000):
    """The agencies, employees and staff accounts of the demo (netra/demo.py adds the rest)."""
    rng = random.Random(2024)
    report = []
    with transaction.atomic():
        for code, share in DEMO_REGIONS.items():
            region = Region.objects.get(code=code)
            districts = list(Region.objects.filter(parent=region))
            rows, agencies = demo_rows(int(employees * share), rng, districts, DEMO_DOMAINS[code])
            district_ids = {d.code: d.pk for d in districts}
            created, updated = write_rows(
                rows, region=region, agencies=agencies, district_ids=district_ids
            )
            report.append(
                f"{region.name}: {len(rows)} pegawai ({created} baru), {len(agencies)} unit kerja"
            )
        for username, full_name, role, codes in STAFF:
            if User.objects.filter(username=username).exists():
                report.append(f"akun {username}: sudah ada")
                continue
            regions = list(Region.objects.filter(code__in=codes))
            _user, password = create_staff_user(
                None,
                username=username,
                full_name=full_name,
                email=f"{username}@demo.netra.test",
                role=role,
                regions=regions,
            )
            report.append(
                f"{username}: {office(role, regions)} ({Role(role).label}), "
                f"kata sandi sekali pakai {password}"
            )
    return report


#: How each role's office is called before the name of its region.
OFFICES = {
    Role.BAWASLU_RI: "Bawaslu RI",
    Role.BAWASLU_PROVINCE: "Bawaslu Provinsi",
    Role.BAWASLU_REGENCY: "Bawaslu",
    Role.PANWASCAM: "Panwaslu Kecamatan",
    Role.BKPSDM: "BKPSDM",
    Role.BKN: "BKN",
    Role.PPK: "PPK",
    Role.AUDITOR: "Auditor",
    Role.ADMIN: "Administrator",
}


def office(role, regions):
    """The office an account works for, e.g. "Bawaslu Kabupaten Jember", or "Panwaslu
    Kecamatan Kalisat, Kabupaten Jember" for a district; national: no region."""
    if not regions:
        return (
            OFFICES[role] if role in (Role.BAWASLU_RI, Role.BKN) else f"{OFFICES[role]}, nasional"
        )
    return ", ".join(
        f"{OFFICES[role]} {region.name}"
        + (f", {region.parent.name}" if region.level == Region.Level.DISTRICT else "")
        for region in regions
    )

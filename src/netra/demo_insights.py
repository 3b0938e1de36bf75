"""Where the demo's cases happen, so that the statistics, the map, the charts and the funnel
have something to say: a third of each state's cases in Jember and a sixth in Kota Jambi (the
offices whose accounts the demo prints), the rest spread over regencies and cities of many
provinces, some with many cases and some with one to four (so that suppression shows).

Outside the demo's own offices a case is handled by the Bawaslu office that reaches it (the
East Java province office, else Bawaslu RI); its reported person is typed by name where the
demo has no roster, and its decree is recorded by that government's own PPK, whose account
the demo makes before the election's calendar begins (its password is never printed: nobody
signs in as it). The figures are summed once the timeline has run (`refresh_figures`).
"""

import random
from datetime import datetime, time

from django.utils import timezone

from netra.accounts.actions import create_staff_user
from netra.accounts.models import Role
from netra.insights.models import CaseFact
from netra.insights.refresh import refresh_all
from netra.people.demo import AGENCIES, FIRST, LAST, POSITIONS, TITLES_AFTER
from netra.people.models import EmploymentType, PositionClass

JEMBER, JAMBI, SURABAYA = "35.09", "15.71", "35.78"
#: The regions of the demo roster (people/demo.py): their cases name roster employees.
ROSTER = (JEMBER, JAMBI, SURABAYA)
#: Cases of the spread part (per 18 cases of a state, 9 go here: 144 in all), by region.
SPREAD = {
    SURABAYA: 15,
    "35.73": 8,  # Kota Malang
    "35.07": 6,  # Kabupaten Malang
    "35.10": 5,  # Banyuwangi
    "35.11": 3,  # Bondowoso
    "35.12": 2,  # Situbondo
    "35.25": 1,  # Gresik
    "15.05": 6,  # Muaro Jambi
    "15.01": 3,  # Kerinci
    "15.04": 2,  # Batanghari
    "15.08": 1,  # Bungo
    "32.01": 9,  # Kabupaten Bogor
    "32.73": 8,  # Kota Bandung
    "32.04": 4,  # Kabupaten Bandung
    "33.74": 7,  # Kota Semarang
    "33.72": 3,  # Kota Surakarta
    "34.04": 5,  # Sleman
    "34.71": 2,  # Kota Yogyakarta
    "12.71": 8,  # Kota Medan
    "12.07": 3,  # Deli Serdang
    "73.71": 7,  # Kota Makassar
    "73.06": 2,  # Gowa
    "11.71": 3,  # Kota Banda Aceh
    "11.06": 1,  # Aceh Besar
    "13.71": 4,  # Kota Padang
    "16.71": 5,  # Kota Palembang
    "18.71": 3,  # Kota Bandar Lampung
    "51.71": 4,  # Kota Denpasar
    "51.04": 1,  # Gianyar
    "52.71": 2,  # Kota Mataram
    "64.72": 3,  # Kota Samarinda
    "64.71": 2,  # Kota Balikpapan
    "61.71": 2,  # Kota Pontianak
    "71.71": 2,  # Kota Manado
    "81.71": 1,  # Kota Ambon
    "91.71": 1,  # Kota Jayapura
}
#: Every regency and city with demo cases: the demo election's regions.
REGIONS = [JEMBER, JAMBI, *SPREAD]
#: The demo's own offices: (Bawaslu officer, PPK) by username.
OFFICES = {JEMBER: ("alice", "hadi"), JAMBI: ("charlie", "joko")}
PROVINCE_OFFICES = {"35": "dewi"}  # Bawaslu Provinsi Jawa Timur
NATIONAL_OFFICE = "eko"  # Bawaslu RI reaches every region
#: Named reported persons outside the roster: ASN mostly, some honorer staff.
NAMED_TYPES = [
    (EmploymentType.PNS, 70),
    (EmploymentType.PPPK, 20),
    (EmploymentType.CPNS, 4),
    (EmploymentType.NON_ASN, 6),
]
NAMED_CLASSES = [
    (PositionClass.ADMINISTRATOR, 5),
    (PositionClass.PENGAWAS, 15),
    (PositionClass.FUNGSIONAL, 55),
    (PositionClass.PELAKSANA, 25),
]


class Spread:
    """The region of each demo case, by its state and its number among that state's cases:
    numbers 0, 3, 6, ... in Jember, 1, 7, 13, ... in Kota Jambi (so that even a small demo
    gives the printed accounts a case of every state), the rest taken in turn from SPREAD
    shuffled once (the same order every run), so a region's cases sit in several states."""

    def __init__(self):
        self._order = [code for code, cases in SPREAD.items() for _ in range(cases)]
        random.Random(2025).shuffle(self._order)
        self._taken = 0

    def region(self, index):
        if index % 3 == 0:
            return JEMBER
        if index % 6 == 1:
            return JAMBI
        code = self._order[self._taken % len(self._order)]
        self._taken += 1
        return code


def officer_for(code):
    """The username of the Bawaslu officer who handles a case of region CODE."""
    if code in OFFICES:
        return OFFICES[code][0]
    return PROVINCE_OFFICES.get(code[:2], NATIONAL_OFFICE)


def ppk_for(code):
    """The username of the PPK of region CODE's government (made by plan_ppk_accounts)."""
    return OFFICES[code][1] if code in OFFICES else f"ppk{code.replace('.', '')}"


def plan_ppk_accounts(timeline, codes, regions, *, at):
    """Put the accounts of the PPKs of CODES (regions outside the demo's offices that answer
    a recommendation) on TIMELINE at AT, before any case; returns the report lines."""
    codes = sorted(code for code in codes if code not in OFFICES)
    if not codes:
        return []
    rng = random.Random(2026)

    def make():
        for code in codes:
            create_staff_user(
                None,
                username=ppk_for(code),
                full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                email=f"{ppk_for(code)}@demo.netra.test",
                role=Role.PPK,
                regions=[regions[code]],
            )

    timeline.at(at, make)
    return [
        f"akun PPK daerah lain: {len(codes)} (mis. {ppk_for(codes[0])}, "
        f"PPK {regions[codes[0]].name}; kata sandinya tidak dicetak)"
    ]


def calendar_start(election):
    """The first moment of ELECTION's calendar (its first stage's first day, 08:00)."""
    first = election.stages.order_by("start").values_list("start", flat=True).first()
    if first is None:
        return None
    return datetime.combine(first, time(8), tzinfo=timezone.get_current_timezone())


def _pick(rng, weighted):
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def named_person(rng):
    """A fictional reported person typed by name (no roster here): name, agency, position."""
    subject_type = _pick(rng, NAMED_TYPES)
    position_class = (
        PositionClass.PELAKSANA
        if subject_type == EmploymentType.NON_ASN
        else _pick(rng, NAMED_CLASSES)
    )
    return {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.choice(TITLES_AFTER)}",
        "agency": rng.choice(AGENCIES),
        "position": rng.choice(POSITIONS[position_class]),
        "subject_type": subject_type,
    }


def refresh_figures():
    """Sum the demo into the statistics' summaries at once (the worker would, at its next
    round); returns the report line."""
    cases = refresh_all()
    offices = CaseFact.objects.values_list("region_code", flat=True).distinct()
    regencies = {code for code in offices if len(code) == 5}
    provinces = {code[:2] for code in offices}
    return [
        f"statistik demo: {cases} kasus diringkas, di {len(regencies)} kabupaten/kota "
        f"dan {len(provinces)} provinsi"
    ]

"""The digest gives the risk score then and now and the components that moved, with what each
is made of; the cases received since the last digest (and how many from the public), the steps
past their deadline, the PPKs' unanswered recommendations and the agencies never reached; in
plain text and HTML, with full links to the pages, and without a person's name."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from netra.insights import funnel
from netra.insights.models import RegionFigures
from netra.regions.models import Election
from netra.risk import digest

from .digest_data import case_fact, risk, with_address

FACTS = {
    "ikp": {"weight": 30, "score": 70.0, "category": "tinggi", "fictional": False, "points": 30},
    "reports": {"weight": 20, "count": 4, "employees": 9000, "rate": 4.44, "points": 12.1},
    "prevention": {
        "weight": 20,
        "employees": 9000,
        "reached": 3000,
        "agencies": 12,
        "unreached_agencies": 2,
        "unreached_employees": 800,
        "unreached": ["Dinas Perhubungan", "Dinas Pertanian <Timur>"],
        "points": 10,
    },
}


def _figures(election, overdue, compliance):
    row = funnel.empty()
    row["counts"]["received"] = 9
    row["overdue"] = overdue
    row["compliance"] = {
        code: {"recommended": r, "answered": a, "days": {}} for code, (r, a) in compliance.items()
    }
    RegionFigures.objects.update_or_create(
        election_id=election.pk,
        level="regency",
        code="35.09",
        defaults={**row, "refreshed_at": timezone.now()},
    )


def test_the_second_digest_compares_with_the_first(alice, settings):
    settings.NETRA_BASE_URL = "https://netra.bawaslu.example"
    with_address(alice)
    election = Election.objects.get(code="pilkada-2024")
    now = timezone.now()
    risk(election, "35.09", 50.0, {"ikp": 70, "reports": 40, "prevention": 66.7}, facts=FACTS)
    _figures(election, {"study": 1}, {"35.09": (3, 3)})
    case_fact(election, "35.09", now - timedelta(days=2), agencies=["Dinas Rahasia"])

    assert digest.send_digests(now) == 1
    first = mail.outbox[0].body
    assert "Ringkasan pertama: belum ada pembanding." in first
    assert "Kasus baru sejak ringkasan terakhir: 1 (1 dari masyarakat)" in first

    later = now + timedelta(days=7)
    risk(election, "35.09", 62.5, {"ikp": 70, "reports": 77.5, "prevention": 66.7}, facts=FACTS)
    _figures(election, {"study": 2, "ppk_overdue": 1}, {"35.09": (5, 3), "35": (1, 0)})
    case_fact(election, "35.09", later - timedelta(days=1), source="finding")
    case_fact(election, "35.09", later - timedelta(days=1))
    case_fact(election, "35.10", later - timedelta(days=1))  # another regency's

    assert digest.send_digests(later) == 1
    message = mail.outbox[1]
    text = message.body
    assert "Skor risiko: 62,5 (Sedang)" in text
    assert "Ringkasan terakhir: 50." in text and "+12,5 poin" in text
    assert "Laporan masyarakat per 10.000 ASN: 40 → 77,5." in text
    assert "Indeks kerawanan (IKP)" not in text.split("Komponen yang bergerak:")[1].split("\n\n")[0]
    assert "Kasus baru sejak ringkasan terakhir: 2 (1 dari masyarakat)" in text
    assert "Tahap yang lewat tenggat: 3 (ringkasan terakhir: 1)" in text
    assert "Rekomendasi yang belum dijawab PPK: 3 (ringkasan terakhir: 0)" in text
    assert "Kabupaten Jember: 2" in text and "Jawa Timur: 1" in text
    assert "Dinas Perhubungan; Dinas Pertanian <Timur>" in text
    assert "https://netra.bawaslu.example/staf/risiko/35.09/?pemilihan=pilkada-2024" in text
    assert "https://netra.bawaslu.example/staf/statistik/?wilayah=35.09" in text
    assert "https://netra.bawaslu.example/staf/risiko/35.09/laporan/?dari=" in text
    assert "Dinas Rahasia" not in text  # the agency of a reported employee

    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "Dinas Pertanian &lt;Timur&gt;" in html and "<Timur>" not in html
    assert 'href="https://netra.bawaslu.example/staf/risiko/35.09/?pemilihan=pilkada-2024"' in html


def test_a_component_without_data_says_so_never_zero(alice):
    with_address(alice)
    election = Election.objects.get(code="pilkada-2024")
    now = timezone.now()
    risk(election, "35.09", 50.0, {"ikp": 50, "flags": 20})
    digest.send_digests(now)
    risk(election, "35.09", 50.0, {"ikp": 50})
    digest.send_digests(now + timedelta(days=7))
    text = mail.outbox[1].body
    assert "Tanda pemantauan per 10.000 ASN: 20 → Tidak ada data." in text
    assert "Tanda pemantauan per 10.000 ASN" in text.split("tidak ada data:")[1]


def test_a_province_digest_names_its_regencies_with_the_highest_scores(dewi):
    with_address(dewi)
    election = Election.objects.get(code="pilkada-2024")
    risk(election, "35", 45.0, {"ikp": 45})
    for code, score in (("35.09", 70.0), ("35.10", 20.0), ("35.78", 55.0)):
        risk(election, code, score, {"ikp": score})
    now = timezone.now()
    digest.send_digests(now)
    risk(election, "35.10", 26.0, {"ikp": 26})
    digest.send_digests(now + timedelta(days=7))
    text = mail.outbox[1].body
    listed = text.split("skor risiko tertinggi:")[1]
    assert listed.index("Kabupaten Jember: 70") < listed.index("Kota Surabaya: 55")
    assert "Kabupaten Banyuwangi: 26 (+6)" in listed

"""An IKP file for an election becomes a release with its source and one row per region,
from CSV or XLSX, headers in Indonesian or English, decimal commas or points; the dimensions
and the ASN-neutrality index are kept where given; the import is audited."""

from datetime import date
from decimal import Decimal

from netra.audit.models import AuditEntry
from netra.regions.models import Election
from netra.risk import actions
from netra.risk.models import IkpRelease

from .ikp_files import csv_bytes, xlsx_bytes

SOURCE = "Bawaslu RI, Indeks Kerawanan Pemilu Pilkada 2020"


def test_a_csv_file_becomes_a_release_with_every_row(admin):
    election = Election.objects.get(code="pilkada-2020")
    header = [
        "Kode Wilayah",
        "Nama Wilayah",
        "Skor",
        "Kategori",
        "Konteks Sosial Politik",
        "Kontestasi",
        "Skor ASN",
        "Kategori ASN",
    ]
    rows = [
        ["15", "Jambi", "61,5", "Tinggi", "70", "55.25", "80", "tinggi"],
        ["15.71", "Kota Jambi", "72.10", "tinggi", "", "", "", ""],
        ["15.03", "Kabupaten Sarolangun", "48", "sedang", "", "", "", ""],
    ]
    release = actions.import_ikp(
        admin,
        election,
        csv_bytes(rows, header, delimiter=";"),
        source=SOURCE,
        published_on=date(2020, 2, 25),
        file_name="ikp.csv",
    )
    assert (release.rows, release.source, release.fictional) == (3, SOURCE, False)
    scores = {s.region.code: s for s in release.scores.select_related("region")}
    assert scores["15"].score == Decimal("61.50") and scores["15"].category == "tinggi"
    assert scores["15"].social_political == Decimal("70.00")
    assert scores["15"].contestation == Decimal("55.25")
    assert scores["15"].asn_score == Decimal("80.00") and scores["15"].asn_category == "tinggi"
    assert scores["15.71"].social_political is None and scores["15.71"].asn_category == ""
    entry = AuditEntry.objects.get(action="risk.ikp_imported")
    assert entry.data["rows"] == 3 and entry.data["source"] == SOURCE
    assert entry.actor == admin


def test_an_xlsx_file_with_english_headers_is_read_the_same(admin):
    election = Election.objects.get(code="pilkada-2020")
    data = xlsx_bytes([["15.71", 72.1, "High"]], ["region code", "score", "category"])
    release = actions.import_ikp(admin, election, data, source=SOURCE)
    (score,) = release.scores.all()
    assert (score.score, score.category) == (Decimal("72.10"), "tinggi")


def test_every_release_is_kept_and_the_newest_comes_first(admin):
    election = Election.objects.get(code="pilkada-2020")
    first = actions.import_ikp(admin, election, csv_bytes([["15", "", "40", "sedang"]]), source="A")
    second = actions.import_ikp(
        admin, election, csv_bytes([["15", "", "60", "tinggi"]]), source="B"
    )
    assert list(IkpRelease.objects.filter(election=election)) == [second, first]

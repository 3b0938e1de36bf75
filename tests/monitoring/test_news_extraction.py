"""Prevention activity from news articles (pure), and the `netra news extract` contract."""

import json
from datetime import date
from pathlib import Path

import pytest

from netra.monitoring.nlp.news import extract

ARTICLES = Path(__file__).resolve().parent / "articles"


def read(name):
    return (ARTICLES / name).read_text(encoding="utf-8")


def test_a_regency_article_gives_its_region_activities_rules_and_officials():
    found = extract(read("jember-sosialisasi.txt"), date(2024, 10, 16))
    assert found["regions"] == [{"code": "35.09", "name": "Kabupaten Jember"}]
    assert found["activities"] == [
        {
            "type": "outreach",
            "date_start": "2024-10-15",
            "date_end": "2024-10-15",
            "mode": "online",
            "reference": None,
        },
        {
            "type": "circular",
            "date_start": "2024-09-02",
            "date_end": "2024-09-02",
            "mode": None,
            "reference": "800/6516/35.09/2024",
        },
        {
            "type": "rally",
            "date_start": "2024-10-09",
            "date_end": "2024-10-10",
            "mode": "offline",
            "reference": None,
        },
        {
            "type": "declaration",
            "date_start": "2024-10-21",
            "date_end": "2024-10-21",
            "mode": None,
            "reference": None,
        },
    ]
    assert [(r["kind"], r["number"], r["year"]) for r in found["regulations"]] == [
        ("PP", "94", 2021),
        ("UU", "20", 2023),
        ("Perbawaslu", "9", 2024),
    ]
    assert found["people"] == [
        {"name": "Hendy Siswanto", "title": "Pj Bupati Jember"},
        {"name": "Sukowinarno", "title": "Kepala BKPSDM Kabupaten Jember"},
        {"name": "Sanda Aditiya Arta", "title": "Ketua Bawaslu Jember"},
    ]


def test_a_city_article_reads_hybrid_mode_month_only_dates_and_odd_circular_numbers():
    found = extract(read("jambi-webinar.txt"), date(2024, 11, 22))
    assert found["regions"] == [{"code": "15.71", "name": "Kota Jambi"}]
    by_type = {a["type"]: a for a in found["activities"]}
    assert by_type["outreach"]["mode"] == "hybrid"
    assert by_type["outreach"]["date_start"] == "2024-11-22"
    assert by_type["circular"]["reference"] == "HKM.05/12/EDR/IX/HKU/2024"
    assert by_type["circular"]["date_start"] == "2024-07"  # only the month is known
    assert by_type["rally"]["date_start"] == "2024-11-21"  # "kemarin"
    assert ("PKPU", "2", 2024) in [
        (r["kind"], r["number"], r["year"]) for r in found["regulations"]
    ]
    assert {"name": "Sri Purwaningsih", "title": "Pj Wali Kota Jambi"} in found["people"]
    assert {"name": "Fahrul Rozi", "title": "Ketua Bawaslu Kota Jambi"} in found["people"]


def test_village_heads_camat_and_a_bare_pemkab_are_understood():
    found = extract(read("lumajang-deklarasi.txt"), date(2020, 11, 20))
    assert found["regions"] == [{"code": "35.08", "name": "Kabupaten Lumajang"}]
    by_type = {a["type"]: a for a in found["activities"]}
    assert by_type["declaration"]["date_start"] == "2020-11-20"
    assert by_type["outreach"] == {
        "type": "outreach",
        "date_start": "2020-11-23",
        "date_end": "2020-11-23",
        "mode": "online",
        "reference": None,
    }
    # The name without its honorific and degree ("Drs. Agus Salim, M.Si" in the text).
    assert {"name": "Agus Salim", "title": "Camat Sukodono"} in found["people"]
    assert {"name": "Ahmad Fauzi", "title": "Kepala Desa Klakah"} in found["people"]
    assert ("UU", "6", 2014) in [(r["kind"], r["number"], r["year"]) for r in found["regulations"]]


def test_the_command_prints_one_object_per_file(capsys):
    from netra.cli import main

    files = [str(ARTICLES / "jember-sosialisasi.txt"), str(ARTICLES / "jambi-webinar.txt")]
    assert main(["news", "extract", *files, "--published", "2024-10-16"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [item["file"] for item in printed] == files
    assert set(printed[0]) == {"file", "regions", "activities", "regulations", "people"}


@pytest.mark.parametrize(
    "argv, says",
    [
        (["--published", "16-10-2024"], "YYYY-MM-DD"),
        ([], "cannot read"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, says):
    from netra.cli import main

    assert main(["news", "extract", "/nonexistent/article.txt", *argv]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1

"""No suppressed count can be worked out to one value from everything the public is given.

An election with many small counts is built through the real actions (findings opened in
several regencies and cities of two provinces and at a provincial office, walked to every
stage of the funnel, some recommended by BKN and decided by their PPK), and the summaries are
refreshed. Then everything an outsider sees is collected, as served: the statistics pages of
the nation, the provinces and the regencies and cities (the funnel, the days between steps,
the map's table for every figure, the conduct ranking, the PPK follow-up), the statistics API
and the CSV, XLSX and JSON files. The three outlets must agree cell by cell.

What an attacker knows is then written as integer constraints: each cell's box ("<5": 1 to 4;
"x": at least 5, or at least 1 for a hidden total; shown: exact), every sum (the nation of its
provinces, a province of its regencies and cities and its provincial office's own cases, which
are not published: at least 0, in the funnel's order), the funnel's order in every region (no
stage counts more cases than the one before it), a conduct's cases within the region's
reports, the cases a median is taken over (the cases that took that step: none, under 5 or at
least 5), and the PPK table read as the region table (every recommendation here goes to the
government of the case's own region, as it does when the reported person is not on the
roster: a government's recommendations and decrees are its regency's `recommended` and
`followed_up`, a province's own government's those of its office). The true figures must
satisfy the model; then every suppressed cell is minimised and maximised, and must keep more
than one value.

The data set holds a cell pinned by each way round the per-series sums that suppression.py
once missed: the funnel's order (Batanghari's 5 reports and 5 proven violations leave its
hidden registrations 5), the PPK table (Kota Malang's 5 recommendations, hidden in the region
table), and the median beside a hidden total (Jambi's 4 forwarded cases, one in each of four
regencies and cities: "<5 cases" would say the total is 4).
"""

import csv
import io
import json
import re
from collections import defaultdict
from datetime import date
from html import unescape
from itertools import pairwise

import numpy as np
import pytest
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import load_workbook

from netra.cases import actions
from netra.insights import refresh
from netra.insights.models import RegionFigures
from netra.regions.models import Election, Region
from netra.sanctions import actions as sanctions
from netra.sanctions import rules
from tests.case_walk import walk
from tests.insights.attacker import (
    HIDDEN,
    HIDDEN_TOTAL,
    NONE,
    SHOWN,
    SMALL,
    SUPPRESSED,
    Model,
    pinned,
)
from tests.sanctions_helpers import DECREE_PDF, recommend

ELECTION = "pilkada-2024"
FIELDS = (
    "reports",
    "registered",
    "violations",
    "forwarded",
    "recommended",
    "followed_up",
    "sanctioned",
)
STAGE_OF_FIELD = {
    "reports": "received",
    "registered": "registered",
    "violations": "violation",
    "forwarded": "forwarded",
    "recommended": "recommended",
    "followed_up": "decided",
    "sanctioned": "sanctioned",
}
#: The page's medians (data-median) by the count of the cases each is taken over.
MEDIAN_FIELD = {
    "registered": "registered",
    "violation": "violations",
    "forwarded": "forwarded",
    "recommended": "recommended",
    "decided": "followed_up",
}
KINDS = ("partisan_photo", "social_media_campaign", "attend_declaration")
#: Per office, how many of its cases stop at each step: received only, registered, a proven
#: violation, forwarded to BKN, recommended, decided without a sanction, sanctioned.
PLAN = {
    "35.09": (2, 3, 1, 2, 3, 1, 2),  # Kabupaten Jember: 14 cases
    "35.10": (1, 1, 0, 1, 1, 0, 1),  # Banyuwangi: 5
    "35.11": (0, 2, 0, 0, 0, 0, 0),  # Bondowoso: 2
    "35.12": (1, 0, 0, 0, 0, 0, 0),  # Situbondo: 1
    "35.78": (3, 2, 2, 3, 0, 0, 0),  # Kota Surabaya: 10, none recommended yet
    "35.07": (0, 5, 0, 0, 0, 0, 0),  # Kabupaten Malang: 5, all registered
    "35.73": (0, 0, 0, 0, 3, 1, 1),  # Kota Malang: 5, all recommended
    "35": (1, 1, 0, 1, 1, 0, 0),  # Bawaslu Provinsi Jawa Timur's own: 4
    # Jambi: one case forwarded in each of four regencies and cities, and none by the
    # province (a province total of 4, which would pin them all); Batanghari's 5 reports and
    # 5 proven violations leave its registrations no room.
    "15.71": (1, 1, 5, 1, 0, 0, 0),  # Kota Jambi: 8
    "15.05": (0, 0, 4, 1, 0, 0, 0),  # Muaro Jambi: 5
    "15.01": (3, 1, 0, 1, 0, 0, 0),  # Kerinci: 5
    "15.04": (0, 0, 4, 1, 0, 0, 0),  # Batanghari: 5
    "15": (0, 1, 0, 0, 0, 0, 0),  # Bawaslu Provinsi Jambi's own: 1
}
# Where a case that stops at a step is left (the first of a step's states, then the next...).
STOPS = (
    ("received", "initial_study"),
    ("registered", "study"),
    ("decided_other_law",),
    ("forwarded", "bkn_verification"),
    ("recommended",),
    ("recommended",),
    ("recommended",),
)
NOT_IMPOSED, IMPOSED = 5, 6


def _build(make_user, gita):
    election = Election.objects.get(code=ELECTION)
    regions = {r.code: r for r in Region.objects.filter(code__in=PLAN)}
    made = 0
    for code, stops in PLAN.items():
        role = "bawaslu_province" if len(code) == 2 else "bawaslu_regency"
        officer = make_user(f"bawaslu{code.replace('.', '')}", role, [code])
        ppk = make_user(f"ppk{code.replace('.', '')}", "ppk", [code])
        for step, count in enumerate(stops):
            for n in range(count):
                case = actions.open_finding(
                    officer, election=election, region=regions[code], summary=f"Temuan {made}"
                )
                actions.add_respondent(
                    officer, case, version=case.version, name=f"Pegawai {made}", agency="Dinas"
                )
                case.refresh_from_db()
                target = STOPS[step][n % len(STOPS[step])]
                if target == "recommended":
                    case = walk(case, "bkn_verification", officer=officer, bkn=gita)
                    conduct = (rules.Conduct(KINDS[made % len(KINDS)], date(2024, 10, 5)),)
                    case = recommend(gita, case, conduct=conduct, deviation_reason="Uji.")
                elif target != "received":
                    case = walk(case, target, officer=officer, bkn=gita)
                if step in (NOT_IMPOSED, IMPOSED):
                    _decide(ppk, case, imposed=step == IMPOSED)
                made += 1
    refresh.refresh_all()
    return election


def _decide(ppk, case, *, imposed):
    (recommendation,) = case.recommendations.all()
    if imposed:
        extra = {
            "number": "800/1/2024",
            "decided_on": timezone.localdate(),
            "sanction": "Teguran tertulis",
            "pdf": DECREE_PDF,
        }
    else:  # dated, as the letter is: the follow-up table counts dated decrees as answered
        extra = {"reason": "Tidak cukup bukti.", "decided_on": timezone.localdate()}
    sanctions.record_decree(
        ppk,
        recommendation,
        version=case.version,
        outcome="imposed" if imposed else "not_imposed",
        **extra,
    )


# What the outlets show -------------------------------------------------------------------


def _number(text):
    return int(text.replace(".", "").replace(",", ""))


def _page_cell(status, text):
    """(status, value) of a count as a page shows it (data-status and the text)."""
    text = unescape(text).strip()
    if status == SHOWN:
        return (SHOWN, _number(text))
    assert text == {SMALL: "<5", HIDDEN: "x", HIDDEN_TOTAL: "x"}.get(status, text), (status, text)
    return (status, None)


def _sheet_cell(text):
    """(status, value) of a CSV or XLSX cell: a number, "<5", "x" (hidden) or empty."""
    if text in (None, ""):
        return (NONE, None)
    if text == "<5":
        return (SMALL, None)
    if text == "x":
        return ("x", None)
    return (SHOWN, int(text))


def _same(page, sheet):
    """Whether a page's cell and a file's say the same (the files write both hidden as "x")."""
    if sheet[0] == "x":
        return page[0] in (HIDDEN, HIDDEN_TOTAL)
    return page == sheet


def _median_status(text):
    text = unescape(text).strip()
    if text == gettext("No data"):
        return NONE
    if text == gettext("<5 cases"):
        return SMALL
    if text == "x":
        return HIDDEN
    assert re.search(r"\d", text), text
    return SHOWN


def _section(html, anchor):
    found = re.search(rf'id="{anchor}".*?</(?:article|section)>', html, re.S)
    return found.group(0) if found else ""


def _read_page(html):
    """The funnel, medians, conduct ranking, map table and PPK follow-up of one page."""
    funnel = {
        field: _page_cell(status, text)
        for field, status, text in re.findall(
            r'data-field="(\w+)" data-status="(\w+)"[^>]*>([^<]*)<', html
        )
    }
    medians = {
        stage: _median_status(text)
        for stage, text in re.findall(r'data-median="(\w+)">([^<]*)<', html)
    }
    kinds = [
        (unescape(label).strip(), _page_cell(status, text))
        for label, status, text in re.findall(
            r'<tr><td>([^<]*)</td><td class="num" data-status="(\w+)"[^>]*>([^<]*)<',
            _section(html, "kinds"),
        )
    ]
    regions = {
        code: _page_cell(status, text)
        for code, status, text in re.findall(
            r'<tr data-region="([\d.]+)">.*?data-status="(\w+)"[^>]*>([^<]*)<', html
        )
    }
    compliance = _section(html, "compliance")
    table = {}
    for code, rec_status, rec, ans_status, ans, median in re.findall(
        r'<tr><td><a href="/statistik/([\d.]+)/[^"]*">[^<]*</a></td>'
        r'<td class="num" data-status="(\w+)"[^>]*>([^<]*)</td>'
        r'<td class="num" data-status="(\w+)"[^>]*>([^<]*)</td><td class="num"[^>]*>([^<]*)</td>',
        compliance,
    ):
        table[code] = {
            "recommended": _page_cell(rec_status, rec),
            "answered": _page_cell(ans_status, ans),
            "median": _median_status(median),
        }
    own = re.search(
        r'<dd data-status="(\w+)"[^>]*>([^<]*)</dd>.*?<dd data-status="(\w+)"[^>]*>([^<]*)</dd>'
        r".*?<dd>([^<]*)</dd>",
        compliance,
        re.S,
    )
    if own:
        table["own"] = {
            "recommended": _page_cell(own.group(1), own.group(2)),
            "answered": _page_cell(own.group(3), own.group(4)),
            "median": _median_status(own.group(5)),
        }
    return {
        "funnel": funnel,
        "medians": medians,
        "kinds": kinds,
        "regions": regions,
        "compliance": table,
    }


def _get(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response


def _pages(client, url, *, with_map=True):
    """A page, read with its map on each figure in turn (WITH_MAP: the nation's and a
    province's; a regency's has none)."""
    first = None
    regions = defaultdict(dict)
    for field in FIELDS if with_map else FIELDS[:1]:
        html = _get(client, url, {"pemilihan": ELECTION, "indikator": field}).content.decode()
        seen = _read_page(html)
        first = first or seen
        assert seen["funnel"] == first["funnel"]
        for code, cell in seen["regions"].items():
            regions[code][field] = cell
    return first, regions


def _files(client, level):
    """The API rows, and the CSV, XLSX and JSON files' rows, of LEVEL, by region code."""
    api = _get(client, "/api/v1/statistics", {"election": ELECTION, "level": level}).json()
    params = {"pemilihan": ELECTION, "tingkat": level}
    document = json.loads(_get(client, "/statistik/unduh/json/", params).content)
    assert {k: v for k, v in document.items() if k != "meta"} == api
    text = _get(client, "/statistik/unduh/csv/", params).content.decode()
    lines = list(csv.reader(io.StringIO(text)))
    book = load_workbook(io.BytesIO(_get(client, "/statistik/unduh/xlsx/", params).content))
    sheet = [[cell.value for cell in row] for row in book["Data"].iter_rows()]
    assert lines[0] == sheet[0]
    columns = lines[0]
    rows = {}
    for row, line, cells in zip(api["rows"], lines[1:], sheet[1:], strict=True):
        assert line[0] == cells[0] == row["code"]
        found = {}
        for name in (*FIELDS, "median_days_to_decree"):
            at = columns.index(name)
            from_csv, from_xlsx = _sheet_cell(line[at]), _sheet_cell(cells[at])
            assert from_csv == from_xlsx, (row["code"], name)
            value = row[name]
            if value is not None:
                assert name not in row["suppressed"] and from_csv == (SHOWN, value)
            elif name in row["suppressed"]:
                assert from_csv[0] in (SMALL, "x"), (row["code"], name)
                assert row["marks"][name] == {SMALL: "<5"}.get(from_csv[0], "x"), row["code"]
            else:  # no data: outside the election, or a median over no case
                assert from_csv == (NONE, None)
                assert not row["in_election"] or name == "median_days_to_decree"
            found[name] = from_csv
        rows[row["code"]] = (row["in_election"], found)
    return rows


def _published(client):
    """Everything an outsider is given, checked to agree across the outlets."""
    files = {**_files(client, "province"), **_files(client, "regency")}
    nation, province_map = _pages(client, "/statistik/")
    cells = {("", field): nation["funnel"][field] for field in FIELDS}
    pages = {"": nation}
    maps = dict(province_map)
    # Every region with a case (its reports not a shown 0) is read on its own page too.
    read = sorted(
        code for code, (member, row) in files.items() if member and row["reports"] != (SHOWN, 0)
    )
    for code in read:
        page, regency_map = _pages(client, f"/statistik/{code}/", with_map=len(code) == 2)
        pages[code] = page
        maps.update(regency_map)
    for code, (member, row) in files.items():
        for field in FIELDS:
            on_map = maps.get(code, {}).get(field)
            on_page = pages[code]["funnel"][field] if code in pages else None
            for seen in (on_map, on_page):
                assert seen is None or _same(seen, row[field]), (code, field, seen, row[field])
            assert on_map is None or on_page is None or on_map == on_page, (code, field)
            # The page's data-status tells a hidden part ("x", at least 5) from a hidden
            # total ("x", at least 1): a file's "x" is taken as the page gives it.
            cell = on_map or on_page or row[field]
            assert cell[0] != "x" and member == (cell[0] != NONE), (code, field)
            cells[(code, field)] = cell
        if code in pages:
            assert pages[code]["medians"]["decided"] == row["median_days_to_decree"][0], code
    compliance = pages[""]["compliance"]
    for code, page in pages.items():
        own = page["compliance"].get("own")
        if code and own is not None:
            assert own == compliance[code], code
        elif code:
            assert code not in compliance
    medians = {code: page["medians"] for code, page in pages.items()}
    for code, (_member, row) in files.items():
        medians.setdefault(code, {})["decided"] = row["median_days_to_decree"][0]
    kinds = {code: page["kinds"] for code, page in pages.items()}
    for ranking in kinds.values():
        _ranked_as_promised(ranking)
    return cells, medians, kinds, compliance


def _ranked_as_promised(ranking):
    """Shown counts first, the highest first; then the suppressed ones by name, so that their
    place tells nothing of their size."""
    shown = [(label, cell) for label, cell in ranking if cell[0] == SHOWN]
    hidden = [(label, cell) for label, cell in ranking if cell[0] != SHOWN]
    assert ranking == shown + hidden
    assert [cell[1] for _label, cell in shown] == sorted((c[1] for _l, c in shown), reverse=True)
    assert [label for label, _cell in hidden] == sorted(label for label, _cell in hidden)


# The attacker's model ----------------------------------------------------------------------


def _truth(election):
    """The true figures (the staff's), by (code, field), (code, kind), ("ppk", government,
    count) and ("own", province, field or kind) for a provincial office's own cases."""
    truth = defaultdict(int)
    for row in RegionFigures.objects.filter(election_id=election.pk):
        for field in FIELDS:
            truth[(row.code, field)] = row.counts.get(STAGE_OF_FIELD[field], 0)
        for kind, count in row.kinds.items():
            truth[(row.code, f"kind:{kind}")] = count
        if row.level == "national":
            for government, answers in row.compliance.items():
                truth[("ppk", government, "recommended")] = answers["recommended"]
                truth[("ppk", government, "answered")] = answers["answered"]
    for key, count in list(truth.items()):
        if len(key) == 2 and key[0]:  # a province's or a regency's count
            code, series = key
            truth[("own", code[:2], series)] += count if len(code) == 2 else -count
    return truth


def _median_box(model, key, status):
    """The cases a median is taken over: none, under 5 (the page says so) or at least 5."""
    low, high = {NONE: (0, 0), SMALL: (1, 4), SHOWN: (5, np.inf), HIDDEN: (0, np.inf)}[status]
    model.add([(key, 1)], low, high)


def _model(seen):
    """The attacker's model, and the suppressed cells in it. A provincial office's own cases
    are not published: they are what the sums and orders leave them (and, for its
    recommendations and decrees, what its government's row of the PPK table says)."""
    cells, medians, kinds, compliance = seen
    model, suppressed = Model(), []
    regions = sorted({code for code, _field in cells})
    provinces = defaultdict(list)
    for code in regions:
        if len(code) == 5:
            provinces[code[:2]].append(code)
    labels = {entry["label_id"]: kind for kind, entry in rules.shipped_catalog().kinds.items()}
    names = sorted({f"kind:{labels[label]}" for ranking in kinds.values() for label, _ in ranking})
    series_all = (*FIELDS, *names)

    for key, cell in cells.items():
        model.box(key, cell)
        if cell[0] in SUPPRESSED:
            suppressed.append(key)
    for code, ranking in kinds.items():
        listed = {f"kind:{labels[label]}": cell for label, cell in ranking}
        assert len(listed) < 10  # the page lists them all: the missing ones are 0
        for name in names:
            cell = listed.get(name, (SHOWN, 0))
            model.box((code, name), cell)
            if cell[0] in SUPPRESSED:
                suppressed.append((code, name))

    for series in series_all:
        # The nation is its provinces; a province its regencies and its office's own cases.
        model.add([(("", series), 1), *(((p, series), -1) for p in provinces)], 0, 0)
        for province, regencies in provinces.items():
            terms = [((province, series), 1), *(((r, series), -1) for r in regencies)]
            model.add([*terms, (model.var(("own", province, series)), -1)], 0, 0)
    # No stage counts more cases than the one before it, no conduct more than the reports.
    for code in regions:
        _orders(model, {s: (code, s) for s in series_all}, names)
    for province in provinces:
        _orders(model, {s: ("own", province, s) for s in series_all}, names)
    for code in regions:
        for stage, status in medians.get(code, {}).items():
            count = cells[(code, MEDIAN_FIELD[stage])][0]
            if status == NONE and count == HIDDEN_TOTAL:
                continue  # left out beside a hidden total: the count says there are cases
            _median_box(model, (code, MEDIAN_FIELD[stage]), status)
    # The PPK table is the region table's recommended and followed_up of the government's
    # region (a province's own government: its office's own cases).
    for government, row in compliance.items():
        for name, field in (("recommended", "recommended"), ("answered", "followed_up")):
            key = model.box(("ppk", government, name), row[name])
            if row[name][0] in SUPPRESSED:
                suppressed.append(key)
            if field == "followed_up":
                _median_box(model, key, row["median"])
            region = (government, field) if len(government) == 5 else ("own", government, field)
            model.add([(key, 1), (region, -1)], 0, 0)
    # A regency or city missing from the PPK table had no recommendation.
    for code in regions:
        if len(code) == 5 and code not in compliance:
            model.add([((code, "recommended"), 1)], 0, 0)
    return model, suppressed


def _orders(model, keys, kinds):
    for before, after in pairwise(FIELDS):
        model.add([(keys[before], 1), (keys[after], -1)], 0, np.inf)
    for name in kinds:
        model.add([(keys["reports"], 1), (keys[name], -1)], 0, np.inf)


@pytest.mark.django_db
def test_no_suppressed_count_can_be_pinned_from_the_pages_the_api_and_the_files(
    client, make_user, gita
):
    election = _build(make_user, gita)
    cells, medians, kinds, compliance = _published(client)
    truth = _truth(election)
    # Every kind of cell is there: shown, "<5", hidden, a hidden total; and in the PPK table
    # "<5", and hidden where the region table hides the same count.
    assert {SHOWN, SMALL, HIDDEN, HIDDEN_TOTAL} <= {status for status, _value in cells.values()}
    assert {row["recommended"][0] for row in compliance.values()} >= {SMALL, HIDDEN}
    model, suppressed = _model((cells, medians, kinds, compliance))
    assert model.satisfied_by(truth) == []
    found = pinned(model, suppressed)
    assert found == [], "\n".join(found)

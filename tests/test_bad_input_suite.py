"""The bad-input suite: hostile and broken values at every public and staff form and API
operation answer 4xx or the form again with a message, never 5xx, and save nothing.

Each case is one request from the public or from one of the personas of tests/conftest.py
(alice: Bawaslu Jember; gita: BKN; hadi: PPK Jember; fajar: BKPSDM Jember; admin). The
request must not answer 5xx; a case marked `shown` must also show why it was refused (a 4xx, a
field error or message on the page, or an error message queued before a redirect); and no row
of any table of the project may appear or disappear (throttle counters and the worker's
heartbeat aside: counting a failed attempt is the point of a throttle).

The world the requests act on (a case just received, one under BKN verification with a
recommendation, a hearing, a monitoring flag, an outreach event) is built once for the file and
rolled back at its end; every case runs in its own rolled-back transaction inside it. The
suite runs on SQLite and PostgreSQL (CI runs both).
"""

import io
import json
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

import pyotp
import pytest
from django.apps import apps
from django.contrib.messages import constants, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from PIL import Image

from .conftest import PASSWORD
from .reports.helpers import report_data

HUGE = "9" * 40  # past every integer column (and SQLite's 64 bits)
NUL = "\x00"
IGNORED_TABLES = {"accounts.AttemptCount", "worker.Heartbeat", "worker.PeriodicJob"}


@dataclass(frozen=True)
class Probe:
    id: str
    who: str  # "public" or a persona
    method: str  # "get" or "post"
    path: str  # may name {case}, {bkn_case}, {hearing}, {submission}, {flag}, {event}, ...
    data: object = None  # form fields, a JSON value (with kind="json"), or raw bytes
    kind: str = "form"  # form | json | raw
    content_type: str = ""  # for kind="raw"
    shown: bool = True  # the refusal must be visible, not only harmless


def png(size=(8, 8)):
    out = io.BytesIO()
    Image.new("RGB", size, (10, 10, 10)).save(out, format="PNG")
    return out.getvalue()


def program(name="foto.jpg"):
    return SimpleUploadedFile(name, b"MZ\x90\x00" * 100, content_type="image/jpeg")


def report(**overrides):
    return lambda w: report_data(**overrides)


def valid_reply_for(w):
    return {"body": "Saksi tambahan: Pak RT."}


# ---- the probes ----------------------------------------------------------------------------

PUBLIC_FORM = [
    ("nul-in-description", report(description=f"Foto{NUL} bersama")),
    ("nul-in-name", report(person_name=NUL)),
    ("description-10001", report(description="x" * 10_001)),
    ("description-blank", report(description="   ")),
    ("place-256", report(place="x" * 256)),
    ("person-name-256", report(person_name="x" * 256)),
    ("person-name-empty", report(person_name="")),
    ("nip-31", report(person_nip="1" * 31)),
    ("nip-letters", report(person_nip="abcdefghijklmnopqr")),
    ("nip-month-13", report(person_nip="198513012010011001")),
    ("agency-256", report(person_agency="x" * 256)),
    ("position-256", report(person_position="x" * 256)),
    ("reporter-name-256", report(reporter_name="x" * 256)),
    ("reporter-address-501", report(reporter_address="x" * 501)),
    ("nik-short", report(reporter_nik="12345")),
    ("nik-21", report(reporter_nik="1" * 21)),
    ("nik-letters", report(reporter_nik="35090145019000AB")),
    ("nik-unknown-district", report(reporter_nik="9999014501900002")),
    ("phone-31", report(reporter_phone="0" * 31)),
    ("email-bad", report(reporter_email="pelapor@")),
    ("email-321", report(reporter_email="a" * 311 + "@contoh.id")),
    ("incident-0001-01-01", report(incident_date="0001-01-01", known_date="0001-01-01")),
    ("incident-9999-12-31", report(incident_date="9999-12-31")),
    ("incident-2024-02-30", report(incident_date="2024-02-30")),
    ("incident-words", report(incident_date="kemarin sore")),
    ("incident-empty", report(incident_date="")),
    ("incident-five-digit-year", report(incident_date="99999-01-01")),
    ("known-9999-12-31", report(known_date="9999-12-31")),
    ("known-before-incident", report(known_date="2020-01-01")),
    ("election-unknown", report(election="pemilu-1800")),
    ("election-empty", report(election="")),
    ("election-huge", report(election=HUGE)),
    ("region-unknown", report(region="99.99")),
    ("region-empty", report(region="")),
    ("region-is-a-district", report(region="35.09.01")),
    ("district-of-another-region", report(district="15.71.01")),
    ("district-junk", report(district="abc")),
    ("conduct-unknown-choice", report(conduct=["bukan_pilihan"])),
    ("link-javascript", report(links="javascript:alert(1)")),
    ("link-ftp", report(links="ftp://contoh.id/berkas")),
    ("links-eleven", report(links="\n".join(f"https://contoh.id/{i}" for i in range(11)))),
    ("link-2049", report(links="https://contoh.id/" + "a" * 2031)),
    ("honeypot-filled", report(website="http://spam.example")),
    ("formal-report-without-name", report(reporter_name="", reporter_address="")),
    ("empty-form", lambda w: {}),
    ("evidence-a-program", report(evidence=[program()])),
    ("evidence-empty-file", report(evidence=[SimpleUploadedFile("kosong.jpg", b"")])),
    (
        "evidence-eleven-files",
        report(evidence=[SimpleUploadedFile(f"f{i}.png", png(), "image/png") for i in range(11)]),
    ),
    (
        "evidence-truncated-png",
        report(evidence=[SimpleUploadedFile("potong.png", png((64, 64))[:60], "image/png")]),
    ),
]

PUBLIC_API_REPORT = [
    ("nul-in-place", report(place=f"Balai{NUL}")),
    ("description-10001", report(description="x" * 10_001)),
    ("incident-0001-01-01", report(incident_date="0001-01-01", known_date="0001-01-01")),
    ("incident-2024-02-30", report(incident_date="2024-02-30")),
    ("known-9999-12-31", report(known_date="9999-12-31")),
    ("election-unknown", report(election="pemilu-1800")),
    ("region-unknown", report(region="99.99")),
    ("nik-short", report(reporter_nik="12345")),
    ("email-bad", report(reporter_email="pelapor@")),
    ("link-2049", report(links="https://contoh.id/" + "a" * 2031)),
    ("conduct-unknown-choice", report(conduct=["bukan_pilihan"])),
    ("evidence-a-program", report(evidence=[program()])),
    ("empty-form", lambda w: {}),
]

RAW_REPORT = {
    "description": "Foto bersama calon",
    "incident_date": "2024-11-01",
    "known_date": "2024-11-01",
    "election": "pilkada-2024",
    "person_name": "Ahmad",
    "reporter_name": "Sri",
    "reporter_address": "Jember",
}


def urlencoded_with_bad_utf8_region():
    from urllib.parse import urlencode

    return (urlencode(RAW_REPORT) + "&region=%FF%FE35.09").encode()


PROBES = [
    # An empty POST is read as "nothing answered yet": the blank form again, no message.
    *(
        Probe(f"report-form-{name}", "public", "post", "/lapor/", data, shown=name != "empty-form")
        for name, data in PUBLIC_FORM
    ),
    *(
        Probe(f"report-api-{name}", "public", "post", "/api/v1/reports", data)
        for name, data in PUBLIC_API_REPORT
    ),
    Probe(
        "report-form-bad-utf8-region",
        "public",
        "post",
        "/lapor/",
        urlencoded_with_bad_utf8_region(),
        "raw",
        "application/x-www-form-urlencoded",
    ),
    Probe(
        "report-form-multipart-without-boundary",
        "public",
        "post",
        "/lapor/",
        b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        "raw",
        "multipart/form-data",
    ),
    Probe(
        "report-form-multipart-garbage",
        "public",
        "post",
        "/lapor/",
        b"\x00\xff garbage without a single boundary",
        "raw",
        "multipart/form-data; boundary=grens",
        shown=False,
    ),
    Probe("report-form-json-body", "public", "post", "/lapor/", RAW_REPORT, "json", shown=False),
    Probe(
        "report-form-empty-body",
        "public",
        "post",
        "/lapor/",
        b"",
        "raw",
        "application/x-www-form-urlencoded",
        shown=False,
    ),
    Probe(
        "report-api-multipart-without-boundary",
        "public",
        "post",
        "/api/v1/reports",
        b"--x\r\n\r\n--x--\r\n",
        "raw",
        "multipart/form-data",
    ),
    Probe("report-api-json-body", "public", "post", "/api/v1/reports", RAW_REPORT, "json"),
    # The status page (receipt codes) and its API.
    Probe("status-receipt-letters", "public", "post", "/lapor/status/", {"receipt": "abcd"}),
    Probe("status-receipt-41", "public", "post", "/lapor/status/", {"receipt": "1" * 41}),
    Probe("status-receipt-short", "public", "post", "/lapor/status/", {"receipt": "123"}),
    Probe("status-receipt-unknown", "public", "post", "/lapor/status/", {"receipt": "0" * 20}),
    Probe("status-receipt-empty", "public", "post", "/lapor/status/", {"receipt": ""}),
    Probe("status-receipt-nul", "public", "post", "/lapor/status/", {"receipt": "1" * 19 + NUL}),
    Probe(
        "status-receipt-bad-utf8",
        "public",
        "post",
        "/lapor/status/",
        b"receipt=%FF%FE%FD",
        "raw",
        "application/x-www-form-urlencoded",
    ),
    Probe(
        "status-reply-without-a-code",
        "public",
        "post",
        "/lapor/status/",
        valid_reply_for,
        shown=False,
    ),
    Probe(
        "status-api-receipt-number",
        "public",
        "post",
        "/api/v1/reports/status",
        {"receipt": 12345},
        "json",
    ),
    Probe(
        "status-api-receipt-list",
        "public",
        "post",
        "/api/v1/reports/status",
        {"receipt": ["1"]},
        "json",
    ),
    Probe(
        "status-api-receipt-null",
        "public",
        "post",
        "/api/v1/reports/status",
        {"receipt": None},
        "json",
    ),
    Probe("status-api-missing-field", "public", "post", "/api/v1/reports/status", {}, "json"),
    Probe("status-api-array-body", "public", "post", "/api/v1/reports/status", [], "json"),
    Probe("status-api-string-body", "public", "post", "/api/v1/reports/status", "kode", "json"),
    Probe(
        "status-api-broken-json",
        "public",
        "post",
        "/api/v1/reports/status",
        b'{"receipt":',
        "raw",
        "application/json",
    ),
    Probe(
        "status-api-bad-utf8",
        "public",
        "post",
        "/api/v1/reports/status",
        b'{"receipt": "\xff\xfe"}',
        "raw",
        "application/json",
    ),
    Probe(
        "status-api-empty-body",
        "public",
        "post",
        "/api/v1/reports/status",
        b"",
        "raw",
        "application/json",
    ),
    Probe(
        "status-api-infinite-number",
        "public",
        "post",
        "/api/v1/reports/status",
        b'{"receipt": 1e400}',
        "raw",
        "application/json",
    ),
    Probe(
        "status-api-deep-nesting",
        "public",
        "post",
        "/api/v1/reports/status",
        b"[" * 100_000,
        "raw",
        "application/json",
    ),
    Probe(
        "status-api-escaped-nul",
        "public",
        "post",
        "/api/v1/reports/status",
        {"receipt": "\u0000"},
        "json",
    ),
    Probe(
        "status-api-unknown-code",
        "public",
        "post",
        "/api/v1/reports/status",
        {"receipt": "0" * 20},
        "json",
    ),
    # Public pages with odd values in the address.
    Probe(
        "districts-of-an-unknown-region",
        "public",
        "get",
        "/lapor/kecamatan/?region=99.99",
        shown=False,
    ),
    Probe("districts-nul", "public", "get", "/lapor/kecamatan/?region=%00"),
    Probe(
        "districts-5000-digits",
        "public",
        "get",
        "/lapor/kecamatan/?region=" + "9" * 5000,
        shown=False,
    ),
    Probe(
        "suggestions-10000-characters",
        "public",
        "get",
        "/lapor/pegawai/?region=35.09&person_name=" + "a" * 10_000,
        shown=False,
    ),
    Probe(
        "suggestions-bad-utf8",
        "public",
        "get",
        "/lapor/pegawai/?region=35.09&person_name=%FF%FE",
        shown=False,
    ),
    Probe("public-region-unknown", "public", "get", "/wilayah/99.99/"),
    Probe("public-region-300-digits", "public", "get", "/wilayah/" + "9" * 300 + "/"),
    Probe("public-circular-huge-id", "public", "get", f"/wilayah/surat-edaran/{HUGE}.pdf"),
    Probe("api-regions-unknown-level", "public", "get", "/api/v1/regions?level=planet"),
    Probe("api-regions-unknown-parent", "public", "get", "/api/v1/regions?parent=99"),
    Probe("api-region-unknown", "public", "get", "/api/v1/regions/99.99"),
    Probe("api-region-nul", "public", "get", "/api/v1/regions/%00"),
    # The code form, for a token that leads nowhere (the POST below is refused).
    Probe("pledge-token-unknown", "public", "get", "/ikrar/kode/bukan-token/", shown=False),
    Probe("pledge-token-500", "public", "get", "/ikrar/kode/" + "a" * 500 + "/", shown=False),
    # The e-pledge and the staff sign-in.
    Probe("pledge-nip-short", "public", "post", "/ikrar/", {"nip": "123"}),
    Probe("pledge-nip-letters", "public", "post", "/ikrar/", {"nip": "abc"}),
    Probe("pledge-nip-31", "public", "post", "/ikrar/", {"nip": "1" * 31}),
    # Answered like a NIP on the roster, on purpose: the page must not tell who is on it.
    Probe(
        "pledge-nip-unknown",
        "public",
        "post",
        "/ikrar/",
        {"nip": "199912312020121001"},
        shown=False,
    ),
    Probe(
        "pledge-code-for-an-unknown-token",
        "public",
        "post",
        "/ikrar/kode/bukan-token/",
        {"code": "abc", "agree": "on"},
    ),
    Probe(
        "login-username-151",
        "public",
        "post",
        "/akun/masuk/",
        {"username": "a" * 151, "password": "x"},
    ),
    Probe(
        "login-username-10000",
        "public",
        "post",
        "/akun/masuk/",
        {"username": "a" * 10_000, "password": "x"},
    ),
    Probe("login-empty", "public", "post", "/akun/masuk/", {}, shown=False),
    Probe(
        "login-nul", "public", "post", "/akun/masuk/", {"username": f"alice{NUL}", "password": "x"}
    ),
    Probe(
        "login-wrong-password",
        "public",
        "post",
        "/akun/masuk/",
        {"username": "alice", "password": "salah"},
    ),
]


def case_form(**fields):
    return lambda w: {"version": w.case.version, **fields}


def hearing(**overrides):
    fields = {
        "party": "reporter",
        "name": "Sri",
        "scheduled_at": "2025-01-10T10:00",
        "place": "Kantor Bawaslu",
    }
    return lambda w: dict(fields, **overrides)


def respondent(**fields):
    return lambda w: {"version": w.case.version, "subject_type": "unknown", **fields}


def finding(**overrides):
    return lambda w: dict(
        {"election": w.election.pk, "region": w.jember.pk, "summary": "Temuan patroli"}, **overrides
    )


def recommendation(**overrides):
    def build(w):
        r = w.verify_respondent.pk
        data = {
            "version": w.verify_case.version,
            "verification": "Terbukti.",
            "issue": "1",
            f"employment_{r}": "PNS",
            f"kind_{r}_0": "partisan_photo",
            f"date_{r}_0": "2024-10-02",
            f"sanction_{r}": "Teguran",
        }
        data.update({k.format(r=r): v for k, v in overrides.items()})
        return data

    return build


def decree(**overrides):
    def build(w):
        p = f"r{w.recommendation.pk}-"
        data = {
            "version": w.bkn_case.version,
            p + "outcome": "imposed",
            p + "number": "800/5",
            p + "decided_on": "2024-12-01",
            p + "sanction": "Teguran",
            p + "file": SimpleUploadedFile("sk.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf"),
        }
        data.update({p + k: v for k, v in overrides.items()})
        return data

    return build


STAFF_PAGES = [
    # Case notes, steps and the extension.
    Probe("note-nul", "alice", "post", "/kasus/{case}/catatan/", {"text": f"Saksi{NUL}"}),
    Probe("note-blank", "alice", "post", "/kasus/{case}/catatan/", {"text": "   "}),
    Probe("step-unknown", "alice", "post", "/kasus/{case}/langkah/", case_form(target="terbang")),
    Probe("step-none", "alice", "post", "/kasus/{case}/langkah/", case_form()),
    Probe(
        "step-version-letters",
        "alice",
        "post",
        "/kasus/{case}/langkah/",
        {"target": "initial_study", "version": "abc"},
    ),
    Probe(
        "step-version-huge",
        "alice",
        "post",
        "/kasus/{case}/langkah/",
        {"target": "initial_study", "version": HUGE},
    ),
    Probe(
        "step-version-negative",
        "alice",
        "post",
        "/kasus/{case}/langkah/",
        {"target": "initial_study", "version": "-5"},
    ),
    Probe(
        "step-reopen-to-junk",
        "alice",
        "post",
        "/kasus/{case}/langkah/",
        case_form(target="reopen", reopen_to="junk"),
    ),
    Probe("extend-without-reason", "alice", "post", "/kasus/{case}/perpanjang/", case_form()),
    Probe(
        "extend-version-huge",
        "alice",
        "post",
        "/kasus/{case}/perpanjang/",
        {"version": HUGE, "reason": "x"},
    ),
    # Hearings and minutes.
    Probe(
        "hearing-unknown-party",
        "alice",
        "post",
        "/kasus/{case}/klarifikasi/",
        hearing(party="alien"),
    ),
    Probe(
        "hearing-0001-01-01",
        "alice",
        "post",
        "/kasus/{case}/klarifikasi/",
        hearing(scheduled_at="0001-01-01T00:00"),
    ),
    Probe(
        "hearing-9999-12-31",
        "alice",
        "post",
        "/kasus/{case}/klarifikasi/",
        hearing(scheduled_at="9999-12-31T23:59"),
    ),
    Probe(
        "hearing-2024-02-30",
        "alice",
        "post",
        "/kasus/{case}/klarifikasi/",
        hearing(scheduled_at="2024-02-30T10:00"),
    ),
    Probe(
        "hearing-when-in-words",
        "alice",
        "post",
        "/kasus/{case}/klarifikasi/",
        hearing(scheduled_at="besok pagi"),
    ),
    Probe(
        "hearing-name-201", "alice", "post", "/kasus/{case}/klarifikasi/", hearing(name="x" * 201)
    ),
    Probe(
        "hearing-place-201", "alice", "post", "/kasus/{case}/klarifikasi/", hearing(place="x" * 201)
    ),
    Probe("hearing-name-empty", "alice", "post", "/kasus/{case}/klarifikasi/", hearing(name="")),
    Probe(
        "hearing-nul", "alice", "post", "/kasus/{case}/klarifikasi/", hearing(place=f"Kantor{NUL}")
    ),
    Probe(
        "minutes-blank",
        "alice",
        "post",
        "/kasus/klarifikasi/{hearing}/berita-acara/",
        {"minutes": "  "},
    ),
    Probe(
        "minutes-nul",
        "alice",
        "post",
        "/kasus/klarifikasi/{hearing}/berita-acara/",
        {"minutes": f"Hadir{NUL}"},
    ),
    Probe(
        "minutes-of-a-huge-hearing-id",
        "alice",
        "post",
        f"/kasus/klarifikasi/{HUGE}/berita-acara/",
        {"minutes": "Hadir"},
    ),
    # Reported persons, assignment, merging, letters, attachments.
    Probe(
        "respondent-nip-letters",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(nip="abc", name="Ahmad"),
    ),
    Probe(
        "respondent-nip-25",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(nip="1" * 25, name="Ahmad"),
    ),
    Probe(
        "respondent-nip-17",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(nip="1" * 17, name="Ahmad"),
    ),
    Probe("respondent-nothing", "alice", "post", "/kasus/{case}/terlapor/", respondent()),
    Probe(
        "respondent-unknown-type",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(name="Ahmad", subject_type="alien"),
    ),
    Probe(
        "respondent-name-256",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(name="x" * 256),
    ),
    Probe(
        "respondent-agency-256",
        "alice",
        "post",
        "/kasus/{case}/terlapor/",
        respondent(name="Ahmad", agency="x" * 256),
    ),
    Probe(
        "assign-officer-letters",
        "alice",
        "post",
        "/kasus/{case}/penanggung-jawab/",
        case_form(officer="abc"),
    ),
    Probe(
        "assign-officer-huge",
        "alice",
        "post",
        "/kasus/{case}/penanggung-jawab/",
        case_form(officer=HUGE),
    ),
    Probe(
        "assign-officer-negative",
        "alice",
        "post",
        "/kasus/{case}/penanggung-jawab/",
        case_form(officer="-1"),
    ),
    Probe(
        "assign-officer-superscript",
        "alice",
        "post",
        "/kasus/{case}/penanggung-jawab/",
        case_form(officer="²"),
    ),
    Probe(
        "assign-officer-unknown",
        "alice",
        "post",
        "/kasus/{case}/penanggung-jawab/",
        case_form(officer="987654"),
    ),
    Probe(
        "merge-into-letters",
        "alice",
        "post",
        "/kasus/{case}/gabung/",
        case_form(into="abc", reason="sama"),
    ),
    Probe(
        "merge-into-huge",
        "alice",
        "post",
        "/kasus/{case}/gabung/",
        case_form(into=HUGE, reason="sama"),
    ),
    Probe(
        "merge-into-itself",
        "alice",
        "post",
        "/kasus/{case}/gabung/",
        lambda w: {"version": w.case.version, "into": w.case.pk, "reason": "sama"},
    ),
    Probe(
        "letter-unknown-kind", "alice", "post", "/kasus/{case}/dokumen/", {"kind": "surat_cinta"}
    ),
    Probe(
        "letter-invitation-without-details",
        "alice",
        "post",
        "/kasus/{case}/dokumen/",
        {"kind": "invitation"},
    ),
    Probe(
        "letter-recipient-201",
        "alice",
        "post",
        "/kasus/{case}/dokumen/",
        {
            "kind": "invitation",
            "recipient": "x" * 201,
            "when": "Senin",
            "place": "Kantor",
            "capacity": "saksi",
        },
    ),
    Probe("attachment-without-file", "alice", "post", "/kasus/{case}/lampiran/", {"title": "Foto"}),
    Probe(
        "attachment-a-program",
        "alice",
        "post",
        "/kasus/{case}/lampiran/",
        lambda w: {"title": "Foto", "file": program("foto.pdf")},
    ),
    Probe(
        "attachment-without-title",
        "alice",
        "post",
        "/kasus/{case}/lampiran/",
        lambda w: {"title": " ", "file": SimpleUploadedFile("a.png", png(), "image/png")},
    ),
    Probe("open-case-of-a-huge-submission-id", "alice", "post", f"/laporan/{HUGE}/buka-kasus/"),
    Probe(
        "ask-nothing",
        "alice",
        "post",
        "/laporan/{submission}/tanya/",
        {"question": " "},
        shown=False,
    ),
    Probe(
        "duplicate-decision-without-a-duplicate",
        "alice",
        "post",
        "/laporan/{submission}/duplikat/",
        {"confirmed": "maybe"},
        shown=False,
    ),
    # The district supervisor's study and hand-over, and taking a report on.
    Probe("study-empty", "wulan", "post", "/laporan/{unstudied}/kajian/", {"study": "  "}),
    Probe("study-5001", "wulan", "post", "/laporan/{unstudied}/kajian/", {"study": "x" * 5001}),
    Probe("study-nul", "wulan", "post", "/laporan/{unstudied}/kajian/", {"study": "a" + NUL}),
    Probe("study-of-a-registered-report", "wulan", "post", "/laporan/{submission}/kajian/"),
    Probe("study-by-the-regency-officer", "alice", "post", "/laporan/{submission}/kajian/"),
    Probe("hand-over-by-the-regency-officer", "alice", "post", "/laporan/{submission}/serahkan/"),
    Probe("hand-over-huge-id", "wulan", "post", f"/laporan/{HUGE}/serahkan/"),
    Probe("take-by-the-district-supervisor", "wulan", "post", "/laporan/{submission}/ambil/"),
    Probe("take-by-bkn", "gita", "post", "/laporan/{submission}/ambil/"),
    # Finding form.
    Probe("finding-unknown-region", "alice", "post", "/kasus/temuan/", finding(region="abc")),
    Probe("finding-huge-election", "alice", "post", "/kasus/temuan/", finding(election=HUGE)),
    Probe(
        "finding-summary-10001", "alice", "post", "/kasus/temuan/", finding(summary="x" * 10_001)
    ),
    Probe(
        "finding-region-out-of-reach",
        "alice",
        "post",
        "/kasus/temuan/",
        lambda w: finding(region=w.jambi.pk)(w),
    ),
    Probe("finding-empty", "alice", "post", "/kasus/temuan/", {}, shown=False),
    # Pages and lists reached with odd ids and filters.
    Probe("case-huge-id", "alice", "get", f"/kasus/{HUGE}/"),
    Probe("submission-huge-id", "alice", "get", f"/laporan/{HUGE}/"),
    Probe("evidence-huge-id", "alice", "get", f"/laporan/bukti/{HUGE}/"),
    Probe("case-document-huge-id", "alice", "get", f"/kasus/dokumen/{HUGE}/"),
    Probe("case-list-page-letters", "alice", "get", "/kasus/?page=abc", shown=False),
    Probe("case-list-page-huge", "alice", "get", f"/kasus/?page={HUGE}", shown=False),
    Probe("case-list-unknown-step", "alice", "get", "/kasus/?state=terbang", shown=False),
    Probe("case-list-number-500", "alice", "get", "/kasus/?q=" + "x" * 500, shown=False),
    # The work lists' filters (issue 14): each bad value is named beside the form.
    Probe("case-list-search-500", "alice", "get", "/kasus/?q=" + "x" * 500),
    Probe("case-list-due-within-huge", "alice", "get", f"/kasus/?tenggat={HUGE}"),
    Probe("case-list-assignee-huge", "alice", "get", f"/kasus/?petugas={HUGE}"),
    Probe("case-list-region-unknown", "alice", "get", "/kasus/?region=99.99.99"),
    Probe("case-list-date-0001", "alice", "get", "/kasus/?dari=0001-01-01"),
    Probe("case-list-sort-unknown", "alice", "get", "/kasus/?urut=password"),
    Probe("case-list-export-unknown", "alice", "get", "/kasus/?format=exe"),
    Probe("report-queue-search-nul", "alice", "get", "/laporan/?q=%00"),
    Probe(
        "report-queue-dates-reversed", "alice", "get", "/laporan/?dari=2024-12-02&sampai=2024-12-01"
    ),
    Probe("report-queue-conduct-unknown", "alice", "get", "/laporan/?conduct=" + "x" * 300),
    Probe("report-queue-page-huge", "alice", "get", f"/laporan/?page={HUGE}", shown=False),
    Probe("roster-query-2000", "alice", "get", "/pegawai/?q=" + "x" * 2000, shown=False),
    Probe("roster-page-letters", "alice", "get", "/pegawai/?page=abc", shown=False),
    Probe("employee-huge-id", "alice", "get", f"/pegawai/{HUGE}/"),
    Probe(
        "sanction-history-nip-1000",
        "gita",
        "get",
        "/sanksi/riwayat/?nip=" + "1" * 1000,
        shown=False,
    ),
    Probe("compliance-odd-grouping", "gita", "get", "/sanksi/kepatuhan/?per=planet", shown=False),
    # BKN's recommendation and the PPK's decree.
    Probe(
        "recommendation-0001-01-01",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"date_{r}_0": "0001-01-01"}),
    ),
    Probe(
        "recommendation-9999-12-31",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"date_{r}_0": "9999-12-31"}),
    ),
    Probe(
        "recommendation-2024-02-30",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"date_{r}_0": "2024-02-30"}),
    ),
    Probe(
        "recommendation-unknown-conduct",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"kind_{r}_0": "terbang"}),
    ),
    Probe(
        "recommendation-unknown-employment",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"employment_{r}": "ALIEN"}),
    ),
    Probe(
        "recommendation-no-conduct",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"kind_{r}_0": ""}),
    ),
    Probe(
        "recommendation-sanction-256",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(**{"sanction_{r}": "x" * 256}),
    ),
    Probe(
        "recommendation-no-verification",
        "gita",
        "post",
        "/kasus/{verify_case}/rekomendasi/",
        recommendation(verification=""),
    ),
    Probe(
        "decree-unknown-outcome",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(outcome="bebas"),
    ),
    Probe(
        "decree-0001-01-01",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(decided_on="0001-01-01"),
    ),
    Probe(
        "decree-2024-02-30",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(decided_on="2024-02-30"),
    ),
    Probe(
        "decree-number-121",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(number="x" * 121),
    ),
    Probe(
        "decree-sanction-256",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(sanction="x" * 256),
    ),
    Probe(
        "decree-imposed-without-number",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(number=""),
    ),
    Probe(
        "decree-file-not-a-pdf",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        decree(file=program("sk.pdf")),
    ),
    Probe(
        "decree-version-letters",
        "hadi",
        "post",
        "/rekomendasi/{recommendation}/keputusan/",
        lambda w: dict(decree()(w), version="abc"),
    ),
    Probe(
        "decree-of-a-huge-recommendation-id",
        "hadi",
        "post",
        f"/rekomendasi/{HUGE}/keputusan/",
        {"version": "1"},
    ),
    Probe("follow-up-step-huge-id", "gita", "post", f"/tindak-lanjut/{HUGE}/", {"note": "x"}),
    # Monitoring pages.
    Probe(
        "monitoring-upload-without-file",
        "alice",
        "post",
        "/pemantauan/impor/",
        {"source": "Patroli"},
    ),
    Probe(
        "monitoring-upload-not-utf8",
        "alice",
        "post",
        "/pemantauan/impor/",
        lambda w: {"file": SimpleUploadedFile("a.jsonl", b'\xff\xfe{"id": 1}')},
    ),
    Probe(
        "monitoring-upload-broken-json-line",
        "alice",
        "post",
        "/pemantauan/impor/",
        lambda w: {"file": SimpleUploadedFile("a.jsonl", b'{"id": "1", "text": \n')},
    ),
    Probe(
        "monitoring-upload-without-text",
        "alice",
        "post",
        "/pemantauan/impor/",
        lambda w: {"file": SimpleUploadedFile("a.csv", b"id,author\n1,guru\n")},
    ),
    Probe(
        "monitoring-feed-ftp",
        "alice",
        "post",
        "/pemantauan/sumber/",
        {"url": "ftp://contoh.id/rss", "name": "Berita"},
    ),
    Probe(
        "monitoring-feed-without-name",
        "alice",
        "post",
        "/pemantauan/sumber/",
        {"url": "https://contoh.id/rss", "name": ""},
    ),
    Probe(
        "monitoring-handle-unknown-nip",
        "alice",
        "post",
        "/pemantauan/akun/",
        {"nip": "1" * 40, "handle": "guru"},
    ),
    Probe(
        "monitoring-dismiss-without-reason",
        "alice",
        "post",
        "/pemantauan/tanda/{flag}/abaikan/",
        {"reason": "", "label": "unrelated"},
    ),
    Probe(
        "monitoring-dismiss-unknown-label",
        "alice",
        "post",
        "/pemantauan/tanda/{flag}/abaikan/",
        {"reason": "lama", "label": "bogus"},
    ),
    Probe(
        "monitoring-finding-huge-flag-id",
        "alice",
        "post",
        f"/pemantauan/tanda/{HUGE}/temuan/",
        {"election": "pilkada-2024"},
    ),
    Probe(
        "monitoring-suggestion-huge-id",
        "fajar",
        "post",
        f"/pemantauan/berita/{HUGE}/",
        {"confirm": "1"},
    ),
    Probe(
        "monitoring-gazetteer-bad-pattern",
        "admin",
        "post",
        "/pemantauan/gazetir/pilkada-2024/",
        {"ballot_patterns": "nomor ("},
    ),
    Probe("monitoring-gazetteer-unknown-election", "admin", "get", "/pemantauan/gazetir/bukan/"),
    # Prevention pages.
    Probe(
        "event-0001-01-01",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, starts_at="0001-01-01T00:00"),
    ),
    Probe(
        "event-ends-before-it-starts",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, ends_at="2024-10-04T09:00"),
    ),
    Probe(
        "event-negative-minutes",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, min_minutes="-5"),
    ),
    Probe(
        "event-huge-minutes",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, min_minutes=HUGE),
    ),
    Probe(
        "event-minutes-in-words",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, min_minutes="tiga puluh"),
    ),
    Probe(
        "event-unknown-kind",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, kind="pesta"),
    ),
    Probe(
        "event-region-out-of-reach",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, region=w.jambi.pk),
    ),
    Probe(
        "event-title-301",
        "fajar",
        "post",
        "/pencegahan/kegiatan/baru/",
        lambda w: event_form(w, title="x" * 301),
    ),
    Probe(
        "circular-2024-02-30",
        "fajar",
        "post",
        "/pencegahan/surat-edaran/baru/",
        lambda w: circular_form(w, issued_on="2024-02-30"),
    ),
    Probe(
        "circular-number-121",
        "fajar",
        "post",
        "/pencegahan/surat-edaran/baru/",
        lambda w: circular_form(w, number="x" * 121),
    ),
    Probe(
        "circular-pdf-a-program",
        "fajar",
        "post",
        "/pencegahan/surat-edaran/baru/",
        lambda w: circular_form(w, pdf=program("se.pdf")),
    ),
    Probe(
        "attendance-review-row-letters",
        "fajar",
        "post",
        "/pencegahan/kegiatan/{event}/tinjau/",
        {"row": "abc", "employee": "²"},
    ),
    Probe(
        "attendance-review-row-huge",
        "fajar",
        "post",
        "/pencegahan/kegiatan/{event}/tinjau/",
        {"row": HUGE},
    ),
    Probe(
        "attendance-upload-without-files",
        "fajar",
        "post",
        "/pencegahan/kegiatan/{event}/kehadiran/",
        {},
    ),
    Probe(
        "attendance-upload-a-program",
        "fajar",
        "post",
        "/pencegahan/kegiatan/{event}/kehadiran/",
        lambda w: {"files": [program("a.csv")]},
    ),
    Probe("event-huge-id", "fajar", "get", f"/pencegahan/kegiatan/{HUGE}/"),
    Probe("coverage-unknown-format", "fajar", "get", "/pencegahan/cakupan.exe"),
    Probe(
        "prevention-odd-region-and-election",
        "fajar",
        "get",
        "/pencegahan/?wilayah=%FF%FE&pemilihan=" + "x" * 500,
        shown=False,
    ),
    # Accounts and the roster import.
    Probe(
        "account-username-with-space",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(username="a b"),
    ),
    Probe(
        "account-username-151",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(username="a" * 151),
    ),
    Probe(
        "account-email-255",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(email="a" * 243 + "@contoh.id"),
    ),
    Probe(
        "account-unknown-role",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(role="raja"),
    ),
    Probe(
        "account-region-junk",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(regions=["abc"]),
    ),
    Probe(
        "account-office-201",
        "admin",
        "post",
        "/akun/pengguna/baru/",
        lambda w: account_form(office="x" * 201),
    ),
    Probe("account-huge-id", "admin", "get", f"/akun/pengguna/{HUGE}/"),
    Probe(
        "account-reset-of-something-unknown", "admin", "post", "/akun/pengguna/{alice}/reset/kunci/"
    ),
    Probe(
        "roster-import-without-file",
        "fajar",
        "post",
        "/pegawai/impor/",
        lambda w: {"region": w.jember.pk},
    ),
    Probe(
        "roster-import-empty-file",
        "fajar",
        "post",
        "/pegawai/impor/",
        lambda w: {"region": w.jember.pk, "file": SimpleUploadedFile("a.csv", b"")},
    ),
    Probe(
        "roster-import-region-out-of-reach",
        "fajar",
        "post",
        "/pegawai/impor/",
        lambda w: {"region": w.jambi.pk, "file": SimpleUploadedFile("a.csv", b"nip\n1\n")},
    ),
    Probe("roster-import-job-huge-id", "fajar", "get", f"/pegawai/impor/{HUGE}/"),
    # Account import, enrolment links and a transferred officer's work.
    Probe("account-import-without-file", "admin", "post", "/akun/pengguna/impor/", {}),
    Probe(
        "account-import-binary-junk",
        "admin",
        "post",
        "/akun/pengguna/impor/",
        lambda w: {"file": SimpleUploadedFile("akun.xlsx", b"PK\x03\x04" + b"\xff" * 200)},
    ),
    Probe(
        "account-import-utf16-without-columns",
        "admin",
        "post",
        "/akun/pengguna/impor/",
        lambda w: {"file": SimpleUploadedFile("akun.csv", "a;b\n1;2\n".encode("utf-16"))},
    ),
    Probe("enrolment-link-forged", "public", "get", "/akun/daftar/" + "Z" * 43 + "/"),
    Probe("enrolment-link-absurdly-long", "public", "post", "/akun/daftar/" + "Z" * 2000 + "/"),
    Probe(
        "transfer-reason-501",
        "admin",
        "post",
        "/akun/pengguna/{alice}/mutasi/",
        {"do": "deactivate", "reason": "x" * 501},
    ),
    Probe("letter-template-unknown-kind", "admin", "get", "/templat-surat/bukan/"),
    Probe(
        "letter-template-with-a-forbidden-tag",
        "admin",
        "post",
        "/templat-surat/invitation/",
        {"body": "{% load static %}{% debug %}"},
    ),
    Probe(
        "letter-template-100001",
        "admin",
        "post",
        "/templat-surat/invitation/",
        {"body": "x" * 100_001},
    ),
    Probe("letter-template-empty", "admin", "post", "/templat-surat/invitation/", {"body": ""}),
    Probe("catalog-unknown-code", "admin", "get", "/sanksi/katalog/ZZZ-99/"),
    Probe(
        "catalog-unknown-level",
        "admin",
        "post",
        "/sanksi/katalog/DIS-07/",
        {
            "title_id": "x",
            "title_en": "x",
            "level": "ringan sekali",
            "legal_basis": "x",
            "note": "x",
        },
    ),
    Probe(
        "catalog-without-a-note",
        "admin",
        "post",
        "/sanksi/katalog/DIS-07/",
        {"title_id": "x", "title_en": "x", "level": "ringan", "legal_basis": "x", "note": ""},
    ),
]


def event_form(w, **overrides):
    fields = {
        "region": w.jember.pk,
        "title": "Sosialisasi",
        "kind": "outreach",
        "mode": "online",
        "starts_at": "2024-10-05T09:00",
        "ends_at": "",
        "organiser": "BKPSDM",
        "audience": ["asn"],
        "min_minutes": "30",
    }
    return dict(fields, **overrides)


def circular_form(w, **overrides):
    fields = {
        "region": w.jember.pk,
        "number": "800/1/2024",
        "issued_on": "2024-09-01",
        "issuer": "Bupati Jember",
        "subject": "Netralitas ASN",
    }
    return dict(fields, **overrides)


def account_form(**overrides):
    fields = {
        "username": "baru",
        "full_name": "Pegawai Baru",
        "email": "baru@contoh.id",
        "office": "Bawaslu",
        "role": "auditor",
        "regions": [],
        "is_active": "on",
    }
    return dict(fields, **overrides)


def api_case(**fields):
    return lambda w: {"version": w.case.version, **fields}


def api_hearing(**overrides):
    fields = {
        "party": "reporter",
        "name": "Sri",
        "scheduled_at": "2025-01-10T10:00:00",
        "place": "Kantor",
    }
    return lambda w: dict(fields, **overrides)


def push(**text):
    return lambda w: {"source": "Patroli", "texts": [dict({"id": "t1", "text": "Halo"}, **text)]}


def propose(**overrides):
    body = {
        "election": "pilkada-2024",
        "subject": {"employment": "PNS"},
        "conduct": [{"kind": "partisan_photo", "date": "2024-10-02"}],
    }
    return dict(body, **overrides)


def api_choice(**overrides):
    def build(w):
        choice = {
            "respondent": w.verify_respondent.pk,
            "employment": "PNS",
            "conduct": [{"kind": "partisan_photo", "date": "2024-10-02"}],
            "sanction": "Teguran",
        }
        choice.update(overrides)
        return {"version": w.verify_case.version, "verification": "Terbukti.", "choices": [choice]}

    return build


def api_decree(**overrides):
    def build(w):
        return dict(
            {
                "version": str(w.bkn_case.version),
                "outcome": "imposed",
                "number": "800/5",
                "decided_on": "2024-12-01",
                "sanction": "Teguran",
                "file": SimpleUploadedFile("sk.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf"),
            },
            **overrides,
        )

    return build


API = [
    # Case handling.
    Probe(
        "api-step-version-string",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        {"target": "initial_study", "version": "abc"},
        "json",
    ),
    Probe(
        "api-step-version-huge",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        {"target": "initial_study", "version": 10**30},
        "json",
    ),
    Probe(
        "api-step-version-negative",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        {"target": "initial_study", "version": -1},
        "json",
    ),
    Probe(
        "api-step-without-version",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        {"target": "initial_study"},
        "json",
    ),
    Probe(
        "api-step-target-a-number",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        api_case(target=5),
        "json",
    ),
    Probe(
        "api-step-unknown-target",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        api_case(target="terbang"),
        "json",
    ),
    Probe("api-step-array-body", "alice", "post", "/api/v1/cases/{case}/transitions", [], "json"),
    Probe(
        "api-step-broken-json",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        b'{"target": ',
        "raw",
        "application/json",
    ),
    Probe(
        "api-step-empty-body",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        b"",
        "raw",
        "application/json",
    ),
    Probe(
        "api-step-form-body",
        "alice",
        "post",
        "/api/v1/cases/{case}/transitions",
        {"target": "initial_study", "version": "1"},
    ),
    Probe(
        "api-extension-without-reason",
        "alice",
        "post",
        "/api/v1/cases/{case}/extension",
        api_case(),
        "json",
    ),
    Probe("api-note-a-number", "alice", "post", "/api/v1/cases/{case}/notes", {"text": 5}, "json"),
    Probe("api-note-null", "alice", "post", "/api/v1/cases/{case}/notes", {"text": None}, "json"),
    Probe("api-note-blank", "alice", "post", "/api/v1/cases/{case}/notes", {"text": "  "}, "json"),
    Probe(
        "api-note-escaped-nul",
        "alice",
        "post",
        "/api/v1/cases/{case}/notes",
        {"text": "a\u0000b"},
        "json",
    ),
    Probe(
        "api-note-bad-utf8",
        "alice",
        "post",
        "/api/v1/cases/{case}/notes",
        b'{"text": "\xc3\x28"}',
        "raw",
        "application/json",
    ),
    Probe("api-case-huge-id", "alice", "get", f"/api/v1/cases/{HUGE}"),
    Probe("api-case-id-letters", "alice", "get", "/api/v1/cases/abc"),
    Probe("api-case-id-negative", "alice", "get", "/api/v1/cases/-1"),
    Probe(
        "api-cases-limit-huge",
        "alice",
        "get",
        f"/api/v1/cases?limit={HUGE}&offset={HUGE}",
        shown=False,
    ),
    Probe("api-cases-limit-letters", "alice", "get", "/api/v1/cases?limit=abc"),
    Probe("api-cases-offset-negative", "alice", "get", "/api/v1/cases?offset=-5", shown=False),
    Probe("api-cases-overdue-perhaps", "alice", "get", "/api/v1/cases?overdue=perhaps"),
    Probe(
        "api-respondent-unknown-type",
        "alice",
        "post",
        "/api/v1/cases/{case}/respondents",
        api_case(name="Ahmad", subject_type="alien"),
        "json",
    ),
    Probe(
        "api-respondent-nip-letters",
        "alice",
        "post",
        "/api/v1/cases/{case}/respondents",
        api_case(nip="abc", name="Ahmad"),
        "json",
    ),
    Probe(
        "api-respondent-name-10000",
        "alice",
        "post",
        "/api/v1/cases/{case}/respondents",
        api_case(name="x" * 10_000),
        "json",
    ),
    Probe(
        "api-assign-unknown-officer",
        "alice",
        "post",
        "/api/v1/cases/{case}/assignment",
        api_case(officer="nobody"),
        "json",
    ),
    Probe(
        "api-assign-officer-a-list",
        "alice",
        "post",
        "/api/v1/cases/{case}/assignment",
        api_case(officer=["alice"]),
        "json",
    ),
    Probe(
        "api-merge-into-huge",
        "alice",
        "post",
        "/api/v1/cases/{case}/merge",
        api_case(into=10**30, reason="sama"),
        "json",
    ),
    Probe(
        "api-merge-into-letters",
        "alice",
        "post",
        "/api/v1/cases/{case}/merge",
        api_case(into="abc", reason="sama"),
        "json",
    ),
    Probe(
        "api-hearing-0001-01-01",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings",
        api_hearing(scheduled_at="0001-01-01T00:00:00"),
        "json",
    ),
    Probe(
        "api-hearing-9999-12-31",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings",
        api_hearing(scheduled_at="9999-12-31T23:59:59+07:00"),
        "json",
    ),
    Probe(
        "api-hearing-2024-02-30",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings",
        api_hearing(scheduled_at="2024-02-30T10:00:00"),
        "json",
    ),
    Probe(
        "api-hearing-unknown-party",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings",
        api_hearing(party="alien"),
        "json",
    ),
    Probe(
        "api-hearing-name-201",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings",
        api_hearing(name="x" * 201),
        "json",
    ),
    Probe(
        "api-minutes-of-a-huge-hearing-id",
        "alice",
        "post",
        f"/api/v1/cases/{{case}}/hearings/{HUGE}/minutes",
        {"minutes": "Hadir"},
        "json",
    ),
    Probe(
        "api-minutes-blank",
        "alice",
        "post",
        "/api/v1/cases/{case}/hearings/{hearing}/minutes",
        {"minutes": " "},
        "json",
    ),
    Probe(
        "api-letter-unknown-kind",
        "alice",
        "post",
        "/api/v1/cases/{case}/documents",
        {"kind": "surat_cinta"},
        "json",
    ),
    Probe(
        "api-letter-invitation-without-details",
        "alice",
        "post",
        "/api/v1/cases/{case}/documents",
        {"kind": "invitation"},
        "json",
    ),
    Probe(
        "api-finding-unknown-region",
        "alice",
        "post",
        "/api/v1/cases",
        {"election": "pilkada-2024", "region": "99", "summary": "x"},
        "json",
    ),
    Probe(
        "api-finding-blank-summary",
        "alice",
        "post",
        "/api/v1/cases",
        {"election": "pilkada-2024", "region": "35.09", "summary": " "},
        "json",
    ),
    Probe(
        "api-finding-unknown-election",
        "alice",
        "post",
        "/api/v1/cases",
        {"election": "pemilu-1800", "region": "35.09", "summary": "x"},
        "json",
    ),
    Probe(
        "api-finding-numbers-for-strings",
        "alice",
        "post",
        "/api/v1/cases",
        {"election": 1, "region": 2, "summary": 3},
        "json",
    ),
    Probe("api-open-case-of-a-huge-report-id", "alice", "post", f"/api/v1/reports/{HUGE}/case"),
    Probe(
        "api-attachment-without-file",
        "alice",
        "post",
        "/api/v1/cases/{case}/attachments",
        {"title": "Foto"},
    ),
    Probe(
        "api-attachment-title-201",
        "alice",
        "post",
        "/api/v1/cases/{case}/attachments",
        lambda w: {"title": "x" * 201, "file": SimpleUploadedFile("a.png", png(), "image/png")},
    ),
    Probe(
        "api-attachment-a-program",
        "alice",
        "post",
        "/api/v1/cases/{case}/attachments",
        lambda w: {"title": "Foto", "file": program()},
    ),
    # Sanctions.
    Probe("api-propose-empty", "gita", "post", "/api/v1/sanctions/propose", {}, "json"),
    Probe(
        "api-propose-2024-02-30",
        "gita",
        "post",
        "/api/v1/sanctions/propose",
        propose(conduct=[{"kind": "partisan_photo", "date": "2024-02-30"}]),
        "json",
    ),
    Probe(
        "api-propose-unknown-conduct",
        "gita",
        "post",
        "/api/v1/sanctions/propose",
        propose(conduct=[{"kind": "terbang", "date": "2024-10-02"}]),
        "json",
    ),
    Probe(
        "api-propose-subject-a-list",
        "gita",
        "post",
        "/api/v1/sanctions/propose",
        propose(subject=[]),
        "json",
    ),
    Probe(
        "api-propose-unknown-election",
        "gita",
        "post",
        "/api/v1/sanctions/propose",
        propose(election="pemilu-1800"),
        "json",
    ),
    Probe(
        "api-propose-unknown-employment",
        "gita",
        "post",
        "/api/v1/sanctions/propose",
        propose(subject={"employment": "ALIEN"}),
        "json",
    ),
    Probe(
        "api-recommend-unknown-respondent",
        "gita",
        "post",
        "/api/v1/cases/{verify_case}/recommendation",
        api_choice(respondent=10**30),
        "json",
    ),
    Probe(
        "api-recommend-choices-not-a-list",
        "gita",
        "post",
        "/api/v1/cases/{verify_case}/recommendation",
        {"version": 1, "verification": "x", "choices": "semua"},
        "json",
    ),
    Probe(
        "api-recommend-0001-01-01",
        "gita",
        "post",
        "/api/v1/cases/{verify_case}/recommendation",
        api_choice(conduct=[{"kind": "partisan_photo", "date": "0001-01-01"}]),
        "json",
    ),
    Probe(
        "api-recommend-employment-21",
        "gita",
        "post",
        "/api/v1/cases/{verify_case}/recommendation",
        api_choice(employment="X" * 21),
        "json",
    ),
    Probe(
        "api-decree-unknown-outcome",
        "hadi",
        "post",
        "/api/v1/recommendations/{recommendation}/decree",
        api_decree(outcome="bebas"),
    ),
    Probe(
        "api-decree-version-letters",
        "hadi",
        "post",
        "/api/v1/recommendations/{recommendation}/decree",
        api_decree(version="abc"),
    ),
    Probe(
        "api-decree-2024-02-30",
        "hadi",
        "post",
        "/api/v1/recommendations/{recommendation}/decree",
        api_decree(decided_on="2024-02-30"),
    ),
    Probe(
        "api-decree-number-121",
        "hadi",
        "post",
        "/api/v1/recommendations/{recommendation}/decree",
        api_decree(number="x" * 121),
    ),
    Probe(
        "api-decree-of-a-huge-recommendation-id",
        "hadi",
        "post",
        f"/api/v1/recommendations/{HUGE}/decree",
        api_decree(),
    ),
    Probe(
        "api-recommendations-open-only-perhaps",
        "gita",
        "get",
        "/api/v1/recommendations?open_only=perhaps",
    ),
    # Monitoring.
    Probe(
        "api-push-no-texts",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        {"source": "Patroli", "texts": []},
        "json",
    ),
    Probe(
        "api-push-no-source",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        {"texts": [{"id": "1", "text": "x"}]},
        "json",
    ),
    Probe(
        "api-push-numbers-for-strings",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(id=1, text=2),
        "json",
    ),
    Probe(
        "api-push-published-in-words",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(published="kemarin"),
        "json",
    ),
    Probe(
        "api-push-published-0001-01-01",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(published="0001-01-01T00:00:00+07:00"),
        "json",
    ),
    Probe(
        "api-push-published-9999-12-31",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(published="9999-12-31T23:59:59-07:00"),
        "json",
    ),
    Probe(
        "api-push-unknown-region",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        lambda w: dict(push()(w), region="99"),
        "json",
    ),
    Probe(
        "api-push-escaped-nul",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(text="Dukung\u0000 paslon"),
        "json",
    ),
    Probe(
        "api-push-url-2001",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        push(url="https://contoh.id/" + "a" * 1983),
        "json",
    ),
    Probe(
        "api-push-5001-texts",
        "alice",
        "post",
        "/api/v1/monitoring/texts",
        {"source": "Patroli", "texts": [{"id": str(i), "text": "x"} for i in range(5001)]},
        "json",
    ),
    Probe("api-flags-limit-letters", "alice", "get", "/api/v1/monitoring/flags?limit=abc"),
    Probe(
        "api-flags-limit-huge",
        "alice",
        "get",
        f"/api/v1/monitoring/flags?limit={HUGE}",
        shown=False,
    ),
    Probe(
        "api-dismiss-unknown-label",
        "alice",
        "post",
        "/api/v1/monitoring/flags/{flag}/dismiss",
        {"reason": "lama", "label": "bogus"},
        "json",
    ),
    Probe(
        "api-dismiss-blank-reason",
        "alice",
        "post",
        "/api/v1/monitoring/flags/{flag}/dismiss",
        {"reason": "", "label": "unrelated"},
        "json",
    ),
    Probe(
        "api-dismiss-huge-flag-id",
        "alice",
        "post",
        f"/api/v1/monitoring/flags/{HUGE}/dismiss",
        {"reason": "x", "label": "unrelated"},
        "json",
    ),
    Probe(
        "api-finding-election-a-number",
        "alice",
        "post",
        "/api/v1/monitoring/flags/{flag}/finding",
        {"election": 5},
        "json",
    ),
    Probe(
        "api-employees-query-2000", "alice", "get", "/api/v1/employees?q=" + "x" * 2000, shown=False
    ),
    Probe("api-employees-limit-letters", "alice", "get", "/api/v1/employees?q=a&limit=abc"),
]

# The audit-log page's filters and pages (a GET changes nothing: the message is the point).
STAFF_PAGES += [
    Probe("audit-log-date-nonsense", "admin", "get", "/audit/?dari=2024-13-45"),
    Probe("audit-log-date-1850", "admin", "get", "/audit/?sampai=1850-01-01"),
    Probe("audit-log-dates-reversed", "admin", "get", "/audit/?dari=2024-12-02&sampai=2024-12-01"),
    Probe("audit-log-object-without-kind", "admin", "get", "/audit/?objek=12"),
    Probe("audit-log-unknown-action", "admin", "get", "/audit/?aksi=terbang"),
    Probe("audit-log-actor-151", "admin", "get", "/audit/?pelaku=" + "p" * 151),
    Probe("audit-log-page-huge", "admin", "get", f"/audit/?sebelum={HUGE}"),
    Probe("audit-log-page-letters", "admin", "get", "/audit/?sebelum=abc"),
    Probe("audit-check-huge", "admin", "get", f"/audit/periksa/{HUGE}/"),
]

ALL = PROBES + STAFF_PAGES + API


# ---- the world ---------------------------------------------------------------------------

PERSONAS = {  # as in tests/conftest.py
    "alice": ("bawaslu_regency", ["35.09"]),
    "gita": ("bkn", []),
    "hadi": ("ppk", ["35.09"]),
    "fajar": ("bkpsdm", ["35.09"]),
    "admin": ("admin", []),
    "wulan": ("panwascam", ["35.09.01"]),  # the district of the reports below
}


def _persona(name):
    from netra.accounts.models import User
    from netra.regions.models import Region

    role, codes = PERSONAS[name]
    user = User.objects.create_user(
        username=name, password=PASSWORD, role=role, first_name=name.title()
    )
    user.regions.set(Region.objects.filter(code__in=codes))
    user.totp_secret, user.totp_confirmed_at = pyotp.random_base32(), timezone.now()
    user.save()
    return user


def _under_verification(users, submission):
    """A case of SUBMISSION decided, forwarded to BKN and under its verification."""
    from netra.cases import actions as cases

    from .case_walk import walk

    case = cases.open_case_from_submission(users["alice"], submission)
    return walk(case, "bkn_verification", officer=users["alice"], bkn=users["gita"])


def _world():
    from netra.cases import actions as cases
    from netra.monitoring import actions as monitoring
    from netra.monitoring.inputs import Item
    from netra.monitoring.models import Flag, Source
    from netra.prevention import actions as prevention
    from netra.regions.models import Election, Region
    from netra.reports.models import Submission

    from .sanctions_helpers import recommend

    users = {name: _persona(name) for name in PERSONAS}
    public = Client()
    public.post("/lapor/", report_data())
    public.post("/lapor/", report_data(person_name="Budi Santoso", person_nip=""))
    public.post("/lapor/", report_data(person_name="Siti Aminah", person_nip=""))
    first, second, third = Submission.objects.order_by("pk")
    case = cases.open_case_from_submission(users["alice"], first)
    hearing = cases.schedule_hearing(
        users["alice"],
        case,
        party="reporter",
        name="Sri",
        scheduled_at=timezone.make_aware(datetime(2025, 1, 10, 10)),
        place="Kantor",
    )
    bkn_case = recommend(users["gita"], _under_verification(users, second))
    verify_case = _under_verification(users, third)
    jember = Region.objects.get(code="35.09")
    source = Source.objects.create(name="Patroli", kind="file", region=jember)
    monitoring.ingest(
        source,
        [
            Item(
                "1",
                "Patroli",
                "https://x.test/1",
                "@guru",
                None,
                "Foto bareng Pak Bambang pose dua jari, coblos nomor 2!",
            )
        ],
    )
    event = prevention.add_event(
        users["fajar"],
        region=jember,
        title="Sosialisasi Netralitas ASN",
        kind="outreach",
        mode="online",
        place="Zoom",
        organiser="BKPSDM Kabupaten Jember",
        partners=["bawaslu"],
        audience=["asn"],
        min_minutes=30,
        starts_at=timezone.make_aware(datetime(2024, 10, 5, 9)),
    )
    # A report of the district supervisor's district that no case holds yet: hers to study.
    public.post("/lapor/", report_data(person_name="Wati Belum Dikaji", person_nip=""))
    unstudied = Submission.objects.order_by("pk").last()
    case.refresh_from_db()
    return SimpleNamespace(
        users=users,
        unstudied=unstudied,
        case=case,
        hearing=hearing,
        submission=first,
        bkn_case=bkn_case,
        verify_case=verify_case,
        verify_respondent=verify_case.respondents.get(),
        recommendation=bkn_case.recommendations.get(),
        flag=Flag.objects.get(),
        event=event,
        jember=jember,
        jambi=Region.objects.get(code="15.71"),
        election=Election.objects.get(code="pilkada-2024"),
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the file inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield _world()
            transaction.set_rollback(True)


def _tables():
    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label
        in {c.label for c in apps.get_app_configs() if c.name.startswith("netra.")}
        or m._meta.app_label == "django_tasks_database"
    ]
    return {m._meta.label: m._meta.db_table for m in models if m._meta.label not in IGNORED_TABLES}


def row_counts():
    """Rows of every table of the project, in one query."""
    tables = _tables()
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{label}', COUNT(*) FROM {quote(table)}" for label, table in sorted(tables.items())
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def _send(probe, w):
    client = Client()
    if probe.who != "public":
        client.force_login(w.users[probe.who])
    ids = {
        "case": w.case.pk,
        "bkn_case": w.bkn_case.pk,
        "verify_case": w.verify_case.pk,
        "hearing": w.hearing.pk,
        "submission": w.submission.pk,
        "unstudied": w.unstudied.pk,
        "flag": w.flag.pk,
        "event": w.event.pk,
        "recommendation": w.recommendation.pk,
        "alice": w.users["alice"].pk,
    }
    path = probe.path.format(**ids)
    data = probe.data(w) if callable(probe.data) else probe.data
    if probe.method == "get":
        return client.get(path)
    if probe.kind == "json":
        return client.post(path, json.dumps(data), content_type="application/json")
    if probe.kind == "raw":
        return client.post(path, data, content_type=probe.content_type)
    return client.post(path, data if data is not None else {})


def refusal_shown(response):
    if 400 <= response.status_code < 500:
        return True
    if response.status_code in (301, 302):
        return any(m.level == constants.ERROR for m in get_messages(response.wsgi_request))
    page = response.content.decode(errors="replace")
    # Field errors and form-wide errors (the worker banner of administrators is neither).
    return 'class="error" role="alert"' in page or 'class="msg error" role="alert"' in page


@pytest.mark.parametrize("probe", ALL, ids=[p.id for p in ALL])
def test_bad_input_is_refused_without_a_5xx_or_a_half_saved_change(probe, world, db):
    before = row_counts()
    response = _send(probe, world)
    assert response.status_code < 500, response.content[:300]
    if probe.shown:
        assert refusal_shown(response), (response.status_code, response.content[-600:])
    assert row_counts() == before


def test_the_suite_has_at_least_150_cases_with_distinct_names():
    assert len(ALL) >= 150 and len({p.id for p in ALL}) == len(ALL)

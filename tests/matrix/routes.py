"""The one table of the authorization matrix: every route of the URL configuration and every
operation of the API, classified as public, sign-in flow or staff.

A staff entry names the kind of object its URL arguments point at (objects.GETTERS, all in
region A), the HTTP methods tried, and REACH: the personas that must succeed. Every other
signed-in persona must get 404, the anonymous visitor the sign-in page (401 from the API).
For a list, SEES is who must find the object's marker on it; the rest of REACH get the list
without it. The sets restate docs/DOMAIN.md's rules by hand, so that a change in
accounts/access.py that widens or narrows a reach shows here as a failing cell.

A route in the URLconf without an entry here, or an entry without its route, fails
test_every_route_has_an_entry.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from .conftest import PERSONAS

ROLE = {
    "admin": "admin",
    "eko": "bawaslu_ri",
    "dewi": "bawaslu_province",
    "prov_out": "bawaslu_province",
    "alice": "bawaslu_regency",
    "charlie": "bawaslu_regency",
    "wulan": "panwascam",
    "panwas_out": "panwascam",
    "fajar": "bkpsdm",
    "bkpsdm_out": "bkpsdm",
    "gita": "bkn",
    "hadi": "ppk",
    "joko": "ppk",
    "indah": "auditor",
    "auditor_out": "auditor",
}
assert set(ROLE) == set(PERSONAS)
STAFF_PERSONAS = frozenset(ROLE)


def holders(*roles):
    """The personas of ROLES, in region A or not: for pages that show no one object."""
    return frozenset(p for p, role in ROLE.items() if role in roles)


def but(*roles):
    return STAFF_PERSONAS - holders(*roles)


# Who reaches each kind of region A's objects.
BAWASLU_A = frozenset({"eko", "dewi", "alice"})
#: a forwarded case, recommended by BKN, of a Jember employee (objects.case)
CASE_A = BAWASLU_A | {"admin", "indah", "gita", "hadi", "fajar"}
#: a case of region A still with Bawaslu (not forwarded)
CASE_A_BAWASLU = BAWASLU_A | {"admin", "indah"}
#: notes and attachments: who works on the case, auditors and administrators only read
ANNOTATE_A = CASE_A - {"admin", "indah"}
REPORT_A = BAWASLU_A | {"admin", "indah", "wulan"}
HANDLE_REPORT_A = BAWASLU_A | {"wulan"}
ROSTER_A = BAWASLU_A | {"admin", "indah", "gita", "hadi", "fajar"}
PREVENTION_A = BAWASLU_A | {"admin", "indah", "hadi", "fajar"}
MONITORING_A = BAWASLU_A | {"admin", "indah"}
ADMIN = frozenset({"admin"})

#: the case at BKN, not yet recommended: not the PPK's
CASE_AT_BKN = CASE_A_BAWASLU | {"gita"}
#: a report of Jember naming no district: not the district supervisor's
REPORT_A_REGENCY = REPORT_A - {"wulan"}
NO_ONE = frozenset()
ON_CASES = (("case_in_study", CASE_A_BAWASLU), ("case_at_bkn", CASE_AT_BKN))
REGION_A_READERS = CASE_A
#: who may learn who reported (cases.see_reporter) among those who reach objects.case
SEE_REPORTER_A = CASE_A - {"gita", "hadi", "fajar"}  # who reaches region A's figures and follow-up

# Who holds a capability at all (pages without an object).
CASE_VIEW = but("panwascam")
CASE_OPEN = holders("bawaslu_ri", "bawaslu_province", "bawaslu_regency")
REPORTS_VIEW = holders(
    "admin", "bawaslu_ri", "bawaslu_province", "bawaslu_regency", "panwascam", "auditor"
)
AUDIT_VIEW = holders("admin", "auditor")
INSIGHTS_STAFF = holders(
    "admin", "bawaslu_ri", "bawaslu_province", "bawaslu_regency", "bkn", "auditor"
)
PREVENTION_VIEW = but("panwascam", "bkn")
MONITORING_VIEW = holders("admin", "auditor", "bawaslu_ri", "bawaslu_province", "bawaslu_regency")
MONITORING_TRIAGE = CASE_OPEN
#: data-subject requests and legal holds: the Bawaslu offices holding the data, administrators
PRIVACY = holders("admin", "bawaslu_ri", "bawaslu_province", "bawaslu_regency")
PRIVACY_A = BAWASLU_A | {"admin"}
#: region A's staff figures: those of INSIGHTS_STAFF who reach it
INSIGHTS_A = INSIGHTS_STAFF & (CASE_A | {"eko"})


@dataclass(frozen=True)
class Public:
    """Open to everyone. GET answers OK (None: not requested, e.g. a POST-only form that
    files a report; the public tests cover those)."""

    ok: tuple | None = (200,)
    query: str = ""
    kind: str = ""

    category = "public"


@dataclass(frozen=True)
class SignIn(Public):
    """The sign-in flow: open before signing in, by design."""

    category = "sign-in"


@dataclass(frozen=True)
class Staff:
    kind: str  # objects.GETTERS key, "" for none
    methods: tuple
    reach: frozenset
    sees: frozenset | None = None  # lists: who finds the object's marker
    ok: tuple = (200,)  # GET success codes of the route
    query: str = ""  # added to the URL (a list's search for the object)
    body: object = None  # callable(target) -> a JSON body, ("form", dict) or ("multipart", dict)
    refused: tuple = (404,)  # what those outside REACH get
    variants: tuple = ()  # (kind, reach[, shows]): other objects tried the same way
    post_reach: frozenset | None = None  # who may POST, when fewer than may GET
    shows: tuple = ()  # (marker kind, who): on the page, that marker is shown to WHO only
    category = "staff"

    def __post_init__(self):
        unknown = set(self.reach) - STAFF_PERSONAS
        assert not unknown, unknown


GET, POST = ("GET",), ("POST",)


ROUTES = {
    # --- web
    "web:home": Public(ok=(200, 302)),
    "web:dashboard": Staff("", GET, STAFF_PERSONAS),
    "web:healthz": Public(),
    "web:audit_log": Staff("region_a_code", GET, AUDIT_VIEW, sees=frozenset({"admin", "indah"})),
    "web:audit_verify": Staff("", POST, AUDIT_VIEW),
    "web:audit_verification": Staff("verification", GET, AUDIT_VIEW),
    "set_language": Public(ok=None),
    # --- public reports
    "reports:form": Public(),
    "reports:receipt": Public(ok=(200, 302)),
    "reports:receipt_note": Public(ok=(200, 302, 404)),
    "reports:end_session": Public(ok=None),
    "reports:status": Public(),
    "reports:districts": Public(query="?region=35.09", ok=(200,)),
    "reports:suggestions": Public(ok=(200,)),
    # --- reports (staff)
    "reports:queue": Staff(
        "report", GET, REPORTS_VIEW, sees=REPORT_A, variants=(("reports_as_csv", REPORTS_VIEW),)
    ),
    "reports:detail": Staff(
        "report",
        GET,
        REPORT_A,
        variants=(("report_elsewhere_in_a", REPORT_A_REGENCY), ("handed_over_report", REPORT_A)),
    ),
    "reports:reveal_identity": Staff(
        "report", POST, HANDLE_REPORT_A, variants=(("report_elsewhere_in_a", BAWASLU_A),)
    ),
    "reports:ask": Staff(
        "report", POST, HANDLE_REPORT_A, variants=(("report_elsewhere_in_a", BAWASLU_A),)
    ),
    "reports:duplicate": Staff("report", POST, HANDLE_REPORT_A),
    "reports:study": Staff("report", POST, frozenset({"wulan"})),
    "reports:hand_over": Staff("report", POST, frozenset({"wulan"})),
    "reports:take": Staff("report", POST, BAWASLU_A, variants=(("handed_over_report", BAWASLU_A),)),
    "reports:evidence": Staff("evidence", GET, REPORT_A),
    # --- cases
    "cases:list": Staff(
        "case",
        GET,
        CASE_VIEW,
        sees=CASE_A,
        variants=(("case_as_csv", CASE_VIEW), ("case_searched", CASE_VIEW)),
    ),
    "cases:new_finding": Staff("", GET + POST, CASE_OPEN),
    "cases:detail": Staff(
        "case", GET, CASE_A, variants=ON_CASES, shows=(("reporter_name", SEE_REPORTER_A),)
    ),
    "cases:transition": Staff("case", POST, CASE_A, variants=ON_CASES),
    "cases:extend": Staff("case", POST, CASE_A),
    "cases:document": Staff("case", POST, BAWASLU_A),
    "cases:hearing": Staff("case", POST, BAWASLU_A),
    "cases:minutes": Staff("hearing", POST, BAWASLU_A),
    "cases:respondent": Staff("case", POST, BAWASLU_A),
    "cases:respondent_edit": Staff(
        "respondent", POST, BAWASLU_A, variants=(("respondent_under_foreign_case", NO_ONE),)
    ),
    "cases:respondent_remove": Staff(
        "respondent", POST, BAWASLU_A, variants=(("respondent_under_foreign_case", NO_ONE),)
    ),
    "cases:assign": Staff("case", POST, BAWASLU_A),
    "cases:note": Staff(
        "case",
        POST,
        ANNOTATE_A,
        variants=(("case_in_study", BAWASLU_A), ("case_at_bkn", BAWASLU_A | {"gita"})),
    ),
    "cases:attach": Staff("case", POST, ANNOTATE_A),
    "cases:merge": Staff("case", POST, BAWASLU_A),
    "cases:evidence_file": Staff(
        "case_evidence", GET, CASE_A_BAWASLU, variants=(("evidence_under_foreign_case", NO_ONE),)
    ),
    "cases:attachment_file": Staff("attachment", GET, CASE_A),
    "cases:letter_templates": Staff("", GET, ADMIN),
    "cases:letter_template": Staff("letter_kind", GET + POST, ADMIN),
    "cases:transfer": Staff("account", GET + POST, ADMIN),
    "cases:document_file": Staff(
        "document", GET, CASE_A, variants=(("reporter_letter", SEE_REPORTER_A),)
    ),
    "cases:open_from_submission": Staff("report", POST, BAWASLU_A),
    # --- sanctions
    "sanctions:recommend": Staff("case", POST, frozenset({"gita"})),
    "sanctions:decree": Staff("recommendation", POST, frozenset({"hadi", "fajar"})),
    "sanctions:decree_file": Staff("decided_recommendation", GET, CASE_A),
    "sanctions:take_step": Staff("step", POST, frozenset({"gita"})),
    "sanctions:compliance": Staff("region_a_name", GET, CASE_VIEW, sees=REGION_A_READERS),
    "sanctions:consistency": Staff("", GET, CASE_VIEW),
    "sanctions:history": Staff("history_by_nip", GET, CASE_VIEW, sees=CASE_A),
    "sanctions:catalog": Staff("", GET, CASE_VIEW),
    "sanctions:catalog_code": Staff("catalog_code", GET + POST, ADMIN),
    # --- prevention
    "prevention:home": Staff(
        "event",
        GET,
        PREVENTION_VIEW,
        sees=PREVENTION_A,
        variants=(("region_a_chosen", PREVENTION_A),),
    ),
    "prevention:new_circular": Staff("", GET + POST, holders("bkpsdm")),
    "prevention:new_event": Staff("", GET + POST, holders("bkpsdm")),
    "prevention:event": Staff("event", GET, PREVENTION_A),
    "prevention:upload": Staff("event", POST, frozenset({"fajar"})),
    "prevention:review": Staff(
        "event",
        GET + POST,
        PREVENTION_A,
        post_reach=frozenset({"fajar"}),
        body=lambda t: ("form", {"row": t.extra["row"]}),
    ),
    "prevention:collective_pledge": Staff("event", POST, frozenset({"fajar"})),
    "prevention:signed_pledges": Staff("", POST, holders("bkpsdm")),
    "prevention:export": Staff(
        "csv", GET, PREVENTION_VIEW, variants=(("csv_of_region_a", PREVENTION_A),)
    ),
    "prevention:public_region": Public(kind="region_a"),
    "prevention:public_circular": Public(kind="circular"),
    "prevention:guide": Public(),
    "prevention:pledge": Public(),
    "prevention:pledge_confirm": SignIn(ok=None),
    # --- monitoring
    "monitoring:queue": Staff("flag", GET, MONITORING_VIEW, sees=MONITORING_A),
    "monitoring:dismiss": Staff("flag", POST, BAWASLU_A),
    "monitoring:finding": Staff("flag", POST, BAWASLU_A),
    "monitoring:upload": Staff("", POST, MONITORING_TRIAGE),
    "monitoring:add_feed": Staff("", POST, MONITORING_TRIAGE),
    "monitoring:add_handle": Staff("", POST, MONITORING_TRIAGE),
    "monitoring:suggestions": Staff("region_a_name", GET, PREVENTION_VIEW, sees=PREVENTION_A),
    "monitoring:decide_suggestion": Staff("suggestion", POST, frozenset({"fajar"})),
    "monitoring:gazetteer": Staff("election", GET + POST, ADMIN),
    # --- insights
    "insights:statistics": Public(),
    "insights:notice_board": Public(),
    "insights:dictionary": Public(),
    "insights:open_data": Public(kind="csv", query="?pemilihan={election}"),
    "insights:region": Public(kind="region_a"),
    "insights:staff": Staff(
        "region_a_name",
        GET,
        INSIGHTS_STAFF,
        sees=INSIGHTS_A,
        variants=(("region_a_chosen", INSIGHTS_A),),
    ),
    # --- risk
    "risk:ikp": Staff("", GET + POST, ADMIN),
    "risk:ikp_release": Staff("ikp_release", GET, ADMIN),
    "risk:weights": Staff("", GET + POST, ADMIN),
    "risk:watch": Staff("", GET, INSIGHTS_STAFF),
    "risk:region": Staff("region_a", GET, BAWASLU_A | {"admin", "indah", "gita"}),
    "risk:report": Staff("region_a", GET, BAWASLU_A | {"admin", "indah", "gita"}),
    # --- personal data (UU 27/2022): the public's requests, staff queue, legal holds
    "privacy:notice": Public(),
    "privacy:request": Public(),
    "privacy:request_received": Public(ok=(200, 302)),
    "privacy:queue": Staff("data_request", GET, PRIVACY, sees=PRIVACY_A),
    "privacy:request_detail": Staff("data_request", GET + POST, PRIVACY_A),
    "privacy:holds": Staff("", GET, PRIVACY),
    "privacy:hold": Staff("case", GET + POST, PRIVACY_A, variants=(("case_in_study", PRIVACY_A),)),
    # --- accounts
    "accounts:login": SignIn(),
    "accounts:second_factor": SignIn(ok=(200, 302)),
    "accounts:enroll": SignIn(ok=(200, 302)),
    "accounts:logout": SignIn(ok=None),
    "accounts:password_change": Staff("", GET, STAFF_PERSONAS),
    "accounts:users": Staff("", GET, ADMIN),
    "accounts:user_new": Staff("", GET + POST, ADMIN),
    "accounts:user_import": Staff("", GET + POST, ADMIN),
    "accounts:enrol": SignIn(ok=None),
    "accounts:user_reactivate": Staff("account", POST, ADMIN),
    "accounts:user_send_link": Staff("account", POST, ADMIN),
    "accounts:user_edit": Staff("account", GET + POST, ADMIN),
    "accounts:user_reset": Staff("account_reset", POST, ADMIN),
    # --- people (the record, served by the web layer, answers people:employee's address)
    "pegawai/<int:employee_id>/": Staff(
        "employee",
        GET,
        ROSTER_A,
        variants=(("employee_of_case_in_study", ROSTER_A, (("case_in_study", CASE_A_BAWASLU),)),),
    ),
    "people:employee": Staff("employee", GET, ROSTER_A),
    "people:roster": Staff(
        "employee",
        GET,
        holders(*set(ROLE.values()) - {"panwascam"}),
        sees=ROSTER_A,
        query="?q={nip}",
    ),
    "people:import": Staff("", GET + POST, holders("admin", "bkpsdm")),
    "people:import_job": Staff("import_job", GET, frozenset({"admin", "fajar"})),
    "people:import_job_errors": Staff("import_job", GET, frozenset({"admin", "fajar"})),
    # --- the API's own pages (its operations are in OPERATIONS)
    "api:openapi-json": Public(),
    "api:openapi-view": Public(),
    "api:api-root": Public(ok=(200, 404)),
}


def _election():
    from netra.demo_election import CODE

    return CODE


def _soon():
    return (timezone.now() + timedelta(days=3)).isoformat()


def _png():
    from .objects import SMALL_PNG

    return SMALL_PNG


OPERATIONS = {
    # reference data and public figures: open by design
    "GET /api/v1/regions": Public(),
    "GET /api/v1/regions/{code}": Public(kind="region_a"),
    "GET /api/v1/elections": Public(),
    "GET /api/v1/statistics": Public(query="?election={election}"),
    # the public's own reports (filing is throttled; tests/reports covers it)
    "POST /api/v1/reports": Public(ok=None),
    "POST /api/v1/reports/status": Public(ok=None),
    # staff
    "GET /api/v1/employees": Staff(
        "employee",
        GET,
        holders(*set(ROLE.values()) - {"panwascam"}),
        sees=ROSTER_A,
        query="?q={nip}",
    ),
    "GET /api/v1/cases": Staff("case", GET, CASE_VIEW, sees=CASE_A, query="?limit=200"),
    # A region outside reach is refused like an unknown one, 400 with its code: regions are
    # public reference data, so the answer tells nothing that the region list does not.
    "POST /api/v1/cases": Staff(
        "region_a",
        POST,
        BAWASLU_A,
        refused=(400, 404),
        body=lambda t: {"election": _election(), "region": "35.09", "summary": "Temuan"},
    ),
    "GET /api/v1/cases/{case_id}": Staff(
        "case", GET, CASE_A, variants=ON_CASES, shows=(("reporter_name", SEE_REPORTER_A),)
    ),
    "POST /api/v1/cases/{case_id}/transitions": Staff(
        "case", POST, CASE_A, body=lambda t: {"target": "closed", "version": t.extra["version"]}
    ),
    "POST /api/v1/cases/{case_id}/extension": Staff(
        "case", POST, BAWASLU_A, body=lambda t: {"version": t.extra["version"], "reason": "Alasan"}
    ),
    "POST /api/v1/reports/{submission_id}/case": Staff(
        "report", POST, BAWASLU_A, variants=(("report_elsewhere_in_a", BAWASLU_A),)
    ),
    "POST /api/v1/cases/{case_id}/respondents": Staff(
        "case", POST, BAWASLU_A, body=lambda t: {"version": t.extra["version"], "name": "Budi"}
    ),
    "POST /api/v1/cases/{case_id}/assignment": Staff(
        "case", POST, BAWASLU_A, body=lambda t: {"version": t.extra["version"], "officer": "bob"}
    ),
    "POST /api/v1/cases/{case_id}/notes": Staff(
        "case", POST, ANNOTATE_A, body=lambda t: {"text": "Catatan"}
    ),
    "POST /api/v1/cases/{case_id}/attachments": Staff(
        "case",
        POST,
        ANNOTATE_A,
        body=lambda t: ("multipart", {"title": "Foto", "file": ("a.png", _png())}),
    ),
    "POST /api/v1/cases/{case_id}/merge": Staff(
        "case",
        POST,
        BAWASLU_A,
        body=lambda t: {"version": t.extra["version"], "into": t.extra["other"], "reason": "Sama"},
    ),
    "POST /api/v1/cases/{case_id}/hearings": Staff(
        "case",
        POST,
        BAWASLU_A,
        body=lambda t: {
            "party": "witness",
            "name": "Saksi",
            "scheduled_at": _soon(),
            "place": "Kantor",
        },
    ),
    "POST /api/v1/cases/{case_id}/hearings/{hearing_id}/minutes": Staff(
        "case_hearing",
        POST,
        BAWASLU_A,
        body=lambda t: {"minutes": "Berita acara"},
        variants=(("hearing_under_foreign_case", NO_ONE),),
    ),
    "POST /api/v1/cases/{case_id}/documents": Staff(
        "case", POST, BAWASLU_A, body=lambda t: {"kind": "invitation"}
    ),
    "POST /api/v1/sanctions/propose": Staff(
        "",
        POST,
        STAFF_PERSONAS,
        body=lambda t: {"election": "x", "subject": {}, "conduct": []},
    ),
    "POST /api/v1/cases/{case_id}/recommendation": Staff(
        "case",
        POST,
        frozenset({"gita"}),
        body=lambda t: {"version": t.extra["version"], "verification": "verified", "choices": []},
    ),
    "GET /api/v1/recommendations": Staff("recommendation", GET, CASE_VIEW, sees=CASE_A),
    "POST /api/v1/recommendations/{recommendation_id}/decree": Staff(
        "recommendation",
        POST,
        frozenset({"hadi", "fajar"}),
        body=lambda t: ("multipart", {"version": t.extra["version"], "outcome": "not_imposed"}),
    ),
    "POST /api/v1/monitoring/texts": Staff(
        "region_a",
        POST,
        BAWASLU_A,
        body=lambda t: {"source": "Uji", "region": "35.09", "texts": [{"id": "1", "text": "Halo"}]},
    ),
    "GET /api/v1/monitoring/flags": Staff("flag", GET, MONITORING_VIEW, sees=MONITORING_A),
    "POST /api/v1/monitoring/flags/{flag_id}/dismiss": Staff(
        "flag", POST, BAWASLU_A, body=lambda t: {"reason": "Bukan", "label": "not_asn"}
    ),
    "POST /api/v1/monitoring/flags/{flag_id}/finding": Staff(
        "flag", POST, BAWASLU_A, body=lambda t: {}
    ),
    "GET /api/v1/risk": Staff("", GET, INSIGHTS_STAFF, query="?election={election}"),
}

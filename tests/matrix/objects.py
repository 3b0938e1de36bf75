"""The objects the matrix opens: one of each kind, all in region A (Kabupaten Jember, 35.09).

Most come from the demo; what the demo does not make (evidence, a hearing, an attachment, a
roster import, a news suggestion, an audit verification) is made once by add_missing, in
region A, through the real actions where they are cheap.

Each kind's getter returns a Target: the URL arguments, the row whose values a refused POST
must leave as they were, and a marker (a text only a reader of the object sees on a list).
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

REGION_A = "35.09"
DISTRICT_A = "35.09.27"  # Kalisat, wulan's district


def _small_png():
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


SMALL_PNG = _small_png()
#: The reporter's name on a clarification of objects.case: BKN, the PPK and its BKPSDM reach
#: the case but never learn who reported (cases.see_reporter).
REPORTER = "Pelapor Matriks Rahasia"
SMALL_PDF = b"%PDF-1.4\n% matriks\n%%EOF\n"


@dataclass
class Target:
    kwargs: dict
    row: object = None  # a model instance, compared before and after a refused POST
    marker: str = ""  # shown on a list page to those who reach the object, to no one else
    api_marker: tuple = ()  # (field, value) of the object's item in an API list
    extra: dict = field(default_factory=dict)  # what a request body needs (version, ...)


def _case():
    """Forwarded, recommended by BKN, its reported person employed by Jember: every case role
    of region A reaches it (Bawaslu, BKN, the PPK of Jember and its BKPSDM, the auditor)."""
    from netra.cases.models import Case

    return (
        Case.objects.filter(region__code=REGION_A, state="recommended", forwarded=True)
        .order_by("pk")
        .first()
    )


def _report():
    """A public report about Kalisat, not yet handed over: wulan studies it, alice's office
    and everyone above it read it."""
    from netra.reports.models import Submission

    return (
        Submission.objects.filter(
            region__code=REGION_A, district__code=DISTRICT_A, handed_over_at=None, case=None
        )
        .exclude(evidence__isnull=False)
        .order_by("pk")
        .first()
    )


def case():
    c = _case()
    return Target(
        {"case_id": c.pk},
        c,
        c.number,
        ("number", c.number),
        {"version": c.version, "other": _other_case().pk},
    )


def _other_case():
    """Another case of region A, to merge into."""
    from netra.cases.models import Case

    return Case.objects.filter(region__code=REGION_A, state="clarification").order_by("pk").first()


def case_in_study():
    """A case of region A not forwarded: Bawaslu's and the auditor's only."""
    c = _other_case()
    return Target({"case_id": c.pk}, c, c.number, ("number", c.number), {"version": c.version})


def case_at_bkn():
    """Forwarded, BKN verifying it: BKN reaches it, the PPK not yet."""
    from netra.cases.models import Case

    c = Case.objects.filter(region__code=REGION_A, state="forwarded").order_by("pk").first()
    return Target({"case_id": c.pk}, c, c.number, ("number", c.number), {"version": c.version})


def _foreign_case():
    """A case of Kota Jambi (15.71): an outsider's own, to pair with region A's things."""
    from netra.cases.models import Case

    return Case.objects.filter(region__code="15.71", state="recommended").order_by("pk").first()


def respondent_under_foreign_case():
    """Region A's reported person at the address of a Kota Jambi case: no one's."""
    target = respondent()
    c = _foreign_case()
    return Target(
        {"case_id": c.pk, "respondent_id": target.row.pk}, target.row, extra={"version": c.version}
    )


def evidence_under_foreign_case():
    target = evidence()
    return Target({"case_id": _foreign_case().pk, "evidence_id": target.row.pk}, target.row)


def hearing_under_foreign_case():
    target = hearing()
    return Target({"case_id": _foreign_case().pk, "hearing_id": target.row.pk}, target.row)


def report_elsewhere_in_a():
    """A report about Jember with no district named: not the district supervisor's."""
    from netra.reports.models import Submission

    s = (
        Submission.objects.filter(region__code=REGION_A, district=None, case=None)
        .order_by("pk")
        .first()
    )
    return Target({"submission_id": s.pk}, s, f"/laporan/{s.pk}/")


def handed_over_report():
    """A Kalisat report handed to the regency office: wulan reads it, no longer acts on it."""
    from netra.reports.models import Submission

    s = (
        Submission.objects.filter(region__code=REGION_A, handed_over_at__isnull=False)
        .order_by("pk")
        .first()
    )
    return Target({"submission_id": s.pk}, s, f"/laporan/{s.pk}/")


def region_a_name():
    """Region-wide pages (figures, follow-up, suggestions) name Jember to its readers only."""
    return Target({}, marker="Jember")


def region_a_chosen():
    """Region A asked for by name (?wilayah=35.09) on a page that shows one region."""
    return Target({}, marker="Jember", extra={"query": "?wilayah=35.09"})


def csv_of_region_a():
    return Target({"fmt": "csv"}, extra={"query": "?wilayah=35.09"})


def case_as_csv():
    """The case list exported (?format=csv): the same scope as the page."""
    c = _case()
    return Target({}, c, c.number, extra={"query": "?format=csv"})


def case_searched():
    """The case list searched for the case's register number."""
    from urllib.parse import quote

    c = _case()
    # The search box repeats the number asked for: the marker is the link to the case.
    return Target({}, c, f"/kasus/{c.pk}/", extra={"query": f"?q={quote(c.number)}"})


def history_by_nip():
    """The sanctions history asked for the NIP of objects.case's reported person."""
    c = _case()
    nip = c.respondents.exclude(nip="").order_by("pk").first().nip
    return Target({}, c, c.number, extra={"query": f"?nip={nip}"})


def reports_as_csv():
    """The report queue exported: each row names its regency or city."""
    return Target({}, marker="Jember", extra={"query": "?format=csv"})


def region_a_code():
    """The audit log shows each entry's region code."""
    return Target({}, marker="35.09")


def respondent():
    c = _case()
    r = c.respondents.order_by("pk").first()
    return Target({"case_id": c.pk, "respondent_id": r.pk}, r, extra={"version": c.version})


def hearing():
    from netra.cases.models import Hearing

    h = Hearing.objects.filter(case=_case(), party="reported").order_by("pk").first()
    return Target({"hearing_id": h.pk}, h)


def case_hearing():
    target = hearing()
    target.kwargs["case_id"] = target.row.case_id
    return target


def document():
    d = _case().documents.filter(kind="recommendation_letter").order_by("pk").first()
    return Target({"document_id": d.pk}, d)


def reporter_letter():
    """The notice to the reporter, which names them: not for BKN, the PPK or its BKPSDM."""
    d = _case().documents.filter(kind="registration_notice").order_by("pk").first()
    return Target({"document_id": d.pk}, d)


def reporter_name():
    return Target({}, marker=REPORTER, api_marker=("name", REPORTER))


def employee_of_case_in_study():
    """A Jember employee reported in a case still with Bawaslu: the record page lists the
    case to Bawaslu and the auditor, not to BKN, the PPK or its BKPSDM."""
    r = _other_case().respondents.exclude(employee=None).order_by("pk").first()
    return Target({"employee_id": r.employee_id}, r.employee)


def attachment():
    a = _case().attachments.order_by("pk").first()
    return Target({"attachment_id": a.pk}, a)


def report():
    s = _report()
    return Target({"submission_id": s.pk}, s, f"/laporan/{s.pk}/")


def evidence():
    from netra.reports.models import Evidence

    e = Evidence.objects.filter(submission__region__code=REGION_A).order_by("pk").first()
    return Target({"evidence_id": e.pk}, e)


def case_evidence():
    e = evidence().row
    return Target({"case_id": e.submission.case.pk, "evidence_id": e.pk}, e)


def recommendation():
    r = _case().recommendations.order_by("pk").first()
    return Target(
        {"recommendation_id": r.pk}, r, api_marker=("id", r.pk), extra={"version": _case().version}
    )


def decided_recommendation():
    from netra.sanctions.models import Recommendation

    r = (
        Recommendation.objects.filter(case__region__code=REGION_A, decree__isnull=False)
        .exclude(decree__file="")
        .order_by("pk")
        .first()
    )
    return Target({"recommendation_id": r.pk}, r)


def step():
    from netra.sanctions.models import FollowUpStep

    s = FollowUpStep.objects.filter(case__region__code=REGION_A, taken_at=None).first()
    return Target({"step_id": s.pk}, s)


def event():
    from netra.prevention.models import Event

    e = Event.objects.filter(region__code=REGION_A, attendance__isnull=False).order_by("pk").first()
    row = e.attendance.order_by("pk").first()
    return Target({"event_id": e.pk}, e, f"/pencegahan/kegiatan/{e.pk}/", extra={"row": row.pk})


def flag():
    from netra.monitoring.models import Flag

    f = Flag.objects.filter(region__code=REGION_A, status="open").order_by("pk").first()
    return Target({"flag_id": f.pk}, f, f'id="flag-{f.pk}"', ("id", f.pk))


def suggestion():
    from netra.monitoring.models import NewsSuggestion

    s = NewsSuggestion.objects.filter(region__code=REGION_A).order_by("pk").first()
    return Target({"suggestion_id": s.pk}, s)


def account():
    """bob, a Bawaslu officer of Jember: accounts are the administrator's alone."""
    from netra.accounts.models import User

    u = User.objects.get(username="bob")
    return Target({"user_id": u.pk}, u)


def account_reset():
    target = account()
    target.kwargs["what"] = "password"
    return target


def ikp_release():
    from netra.risk.models import IkpRelease

    r = IkpRelease.objects.order_by("pk").first()
    return Target({"release_id": r.pk}, r)


def employee():
    from netra.people.models import Employee

    e = (
        Employee.objects.filter(region__code=REGION_A, nip__isnull=False)
        .exclude(nip="")
        .order_by("pk")
        .first()
    )
    # The list's search box repeats the NIP asked for: the marker is the link to the record.
    return Target({"employee_id": e.pk}, e, f"/pegawai/{e.pk}/", ("nip", e.nip), {"nip": e.nip})


def circular():
    from netra.prevention.models import Circular

    c = Circular.objects.filter(region__code=REGION_A).exclude(file="").order_by("pk").first()
    return Target({"circular_id": c.pk}, c)


def import_job():
    from netra.people.models import RosterImport

    j = RosterImport.objects.filter(region__code=REGION_A).order_by("pk").first()
    return Target({"job_id": j.pk}, j)


def verification():
    from netra.audit.models import AuditVerification

    v = AuditVerification.objects.order_by("pk").first()
    return Target({"verification_id": v.pk}, v)


def letter_kind():
    return Target({"kind": "invitation"})


def catalog_code():
    from netra.sanctions.catalog import active_catalog

    return Target({"code": sorted(active_catalog().codes)[0]})


def election():
    from netra.demo_election import CODE

    return Target({"code": CODE})


def region_a():
    return Target({"code": REGION_A})


def data_request():
    from netra.privacy.models import DataRequest

    r = DataRequest.objects.filter(region__code=REGION_A).order_by("pk").first()
    return Target({"request_id": r.pk}, r, f"/staf/privasi/permintaan/{r.pk}/")


def csv():
    return Target({"fmt": "csv"})


GETTERS = {
    "case": case,
    "case_in_study": case_in_study,
    "respondent": respondent,
    "case_at_bkn": case_at_bkn,
    "respondent_under_foreign_case": respondent_under_foreign_case,
    "evidence_under_foreign_case": evidence_under_foreign_case,
    "hearing_under_foreign_case": hearing_under_foreign_case,
    "report_elsewhere_in_a": report_elsewhere_in_a,
    "handed_over_report": handed_over_report,
    "region_a_name": region_a_name,
    "region_a_code": region_a_code,
    "history_by_nip": history_by_nip,
    "case_as_csv": case_as_csv,
    "case_searched": case_searched,
    "reports_as_csv": reports_as_csv,
    "reporter_letter": reporter_letter,
    "reporter_name": reporter_name,
    "employee_of_case_in_study": employee_of_case_in_study,
    "region_a_chosen": region_a_chosen,
    "csv_of_region_a": csv_of_region_a,
    "hearing": hearing,
    "case_hearing": case_hearing,
    "document": document,
    "attachment": attachment,
    "report": report,
    "evidence": evidence,
    "case_evidence": case_evidence,
    "recommendation": recommendation,
    "decided_recommendation": decided_recommendation,
    "step": step,
    "event": event,
    "flag": flag,
    "suggestion": suggestion,
    "account": account,
    "account_reset": account_reset,
    "ikp_release": ikp_release,
    "employee": employee,
    "circular": circular,
    "import_job": import_job,
    "verification": verification,
    "letter_kind": letter_kind,
    "catalog_code": catalog_code,
    "election": election,
    "region_a": region_a,
    "csv": csv,
    "data_request": data_request,
}


def add_missing():
    """Make, in region A, what the demo leaves out; each only once."""
    from netra.accounts.models import User
    from netra.audit.models import AuditVerification
    from netra.cases import actions as cases
    from netra.cases.models import CaseDocument, Hearing
    from netra.monitoring.models import NewsSuggestion, Text
    from netra.people.models import RosterImport
    from netra.prevention.models import Circular
    from netra.privacy import actions as privacy
    from netra.privacy.models import DataRequest
    from netra.regions.models import Region
    from netra.reports.models import Evidence, Submission
    from netra.sanctions.models import Decree

    alice = User.objects.get(username="alice")
    admin = User.objects.filter(role="admin").order_by("pk").first()
    fajar = User.objects.get(username="fajar")
    jember = Region.objects.get(code=REGION_A)
    the_case = _case()

    if not Evidence.objects.filter(submission__region__code=REGION_A).exists():
        # On a second Kalisat report, opened as a case: the case's evidence page and the
        # report's both point at it, and _report() stays a report in the district's hands.
        submission = (
            Submission.objects.filter(region=jember, district__code=DISTRICT_A, case=None)
            .order_by("-pk")
            .first()
        )
        item = Evidence(
            submission=submission,
            content_type="image/png",
            size=len(SMALL_PNG),
            sha256_original=hashlib.sha256(SMALL_PNG).hexdigest(),
            metadata_removed=True,
        )
        item.file.save("bukti.png", ContentFile(SMALL_PNG), save=True)
        cases.open_case_from_submission(alice, submission)
    if not Hearing.objects.filter(case=the_case).exists():
        for party, name in (
            (Hearing.Party.REPORTED, "Terlapor"),
            (Hearing.Party.REPORTER, REPORTER),
        ):
            Hearing.objects.create(
                case=the_case,
                party=party,
                name=name,
                scheduled_at=timezone.now() + timedelta(days=2),
                place="Kantor Bawaslu Jember",
                created_by=alice,
            )
    if not the_case.documents.filter(kind=CaseDocument.Kind.REGISTRATION_NOTICE).exists():
        letter = CaseDocument(
            case=the_case,
            kind=CaseDocument.Kind.REGISTRATION_NOTICE,
            sha256=hashlib.sha256(SMALL_PDF).hexdigest(),
            created_by=alice,
        )
        letter.file.save("pemberitahuan.pdf", ContentFile(SMALL_PDF), save=True)
    if not the_case.attachments.exists():
        cases.attach(alice, the_case, title="Tangkapan layar", data=SMALL_PNG)
    if not RosterImport.objects.filter(region=jember).exists():
        RosterImport.objects.create(
            region=jember,
            uploaded_by=fajar,
            original_name="pegawai.csv",
            status=RosterImport.Status.DONE,
        )
    if not NewsSuggestion.objects.filter(region=jember).exists():
        text = Text.objects.filter(region=jember).order_by("pk").first()
        NewsSuggestion.objects.create(text=text, region=jember, extracted={})
    # The demo's decrees and circulars carry no file; the download routes need one.
    decree = Decree.objects.filter(recommendation__case__region=jember).order_by("pk").first()
    if not decree.file:
        decree.file.save("keputusan.pdf", ContentFile(SMALL_PDF), save=True)
    circular = Circular.objects.filter(region=jember).order_by("pk").first()
    if not circular.file:
        circular.file.save("surat-edaran.pdf", ContentFile(SMALL_PDF), save=True)
    if not DataRequest.objects.filter(region=jember).exists():
        privacy.register_request(
            kind=DataRequest.Kind.ACCESS,
            relation=DataRequest.Relation.REPORTED,
            region=jember,
            name="Pegawai Jember",
            contact="pegawai@jember.demo.test",
            text="Data apa yang disimpan tentang saya?",
        )
    if not AuditVerification.objects.exists():
        AuditVerification.objects.create(requested_by=admin)

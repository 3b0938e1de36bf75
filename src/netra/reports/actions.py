"""Every change to submissions, each in one transaction with its audit entry.

The audit log never receives a reporter's identity or the text of a report: only what happened,
to which submission, by whom.
"""

from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from rapidfuzz import fuzz

from netra.accounts import throttle
from netra.audit.log import record
from netra.lib import clock
from netra.lib.names import name_key, name_similarity
from netra.people.models import Employee

from . import identity, receipts, references
from .models import (
    Evidence,
    EvidenceLink,
    Message,
    ReportedPerson,
    StatusStep,
    Submission,
    evidence_path,
)
from .notifications import notify_officers_of_new_submission
from .tasks import notify_hand_over, notify_reporter, screen_submission

SUBMIT_WINDOW = 3600
DUPLICATE_LOOKBACK_DAYS = 90
DUPLICATE_WINDOW_DAYS = 14
DUPLICATE_CANDIDATES = 50


class Throttled(Exception):
    """Too many attempts from one address or on one code; try again later."""


def report_deadline(election, known_date):
    """The last day to report conduct known on KNOWN_DATE, under the election's clock rule
    (both kept per process: references.py)."""
    rules = references.clock_rules(election.kind)
    return clock.report_deadline(
        rules, known_date, holidays=references.holiday_dates() if rules.working else frozenset()
    )


def _store_evidence(submission, cleaned, stored):
    for item in cleaned:
        name = default_storage.save(
            evidence_path(None, f"x.{item.extension}"), ContentFile(item.content)
        )
        stored.append(name)
        Evidence.objects.create(
            submission=submission,
            file=name,
            content_type=item.content_type,
            size=len(item.content),
            sha256_original=item.sha256_original,
            metadata_removed=item.metadata_removed,
        )


def _delete_files(names):
    for name in names:
        default_storage.delete(name)


def count_attempt(client_ip):
    """Count a submission, or a reporter's reply with files, before its files are opened:
    decoding them is the costly part of the request, so the limit comes first. Raise
    Throttled past the limit."""
    if not throttle.attempt(
        f"submit-ip:{client_ip}", settings.NETRA_SUBMISSIONS_PER_HOUR, SUBMIT_WINDOW
    ):
        raise Throttled


def give_back_attempt(client_ip):
    """A refused form whose files were never opened cost nothing: a typo does not count."""
    throttle.release(f"submit-ip:{client_ip}")


def submit(form, *, client_ip, counted=False):
    """File a validated SubmissionForm; return (submission, receipt code shown once).

    COUNTED: the caller counted the attempt (count_attempt) before validating the form."""
    key = f"submit-ip:{client_ip}"
    # Counted before the work, in one statement, so parallel posts cannot overrun the limit.
    if not counted:
        count_attempt(client_ip)
    d = form.cleaned_data
    reporter = form.identity()
    code = receipts.new_code()
    # The slow hash runs before the transaction, so no lock waits on it.
    code_hash = identity.receipt_hash(code)
    deadline = report_deadline(d["election"], d["known_date"])
    stored = []  # files written so far, deleted again if the transaction fails
    try:
        with transaction.atomic():
            submission = Submission(
                kind=Submission.Kind.INFORMATION if reporter is None else Submission.Kind.REPORT,
                receipt_hash=code_hash,
                election=d["election"],
                region=d["region"],
                district=d["district"],
                place=d["place"],
                incident_date=d["incident_date"],
                known_date=d["known_date"],
                description=d["description"],
                conduct=d["conduct"],
                possibly_expired=timezone.localdate() > deadline,
            )
            if reporter is not None:
                submission.reporter_nik_hash = (
                    identity.nik_hash(reporter["nik"]) if reporter["nik"] else ""
                )
            _insert_with_identity(submission, reporter)
            employee = None
            if d["person_nip"]:
                employee = Employee.objects.filter(nip=d["person_nip"]).first()
            ReportedPerson.objects.create(
                submission=submission,
                name=d["person_name"],
                nip=d["person_nip"],
                agency=d["person_agency"],
                position=d["person_position"],
                employee=employee,
            )
            EvidenceLink.objects.bulk_create(
                [EvidenceLink(submission=submission, url=url) for url in d["links"]]
            )
            _store_evidence(submission, d["evidence"], stored)
            # Last: the audit chain's head stays locked until the commit.
            record(
                None,
                "report.submitted",
                submission,
                region=submission.region,
                data={
                    "kind": submission.kind,
                    "evidence": len(d["evidence"]),
                    "possibly_expired": submission.possibly_expired,
                },
            )
            # The duplicate search and the officers' e-mail are nothing the reporter waits
            # for: the worker does both a moment after the commit (screen_new_submission).
            transaction.on_commit(lambda: _queue_screening(submission.pk))
    except BaseException:
        _delete_files(stored)
        throttle.release(key)  # nothing was filed
        raise
    return submission, code


def _next_submission_id():
    """The next id of the submissions' sequence, taken ahead of the insert (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [Submission._meta.db_table]
        )
        return cursor.fetchone()[0]


def _insert_with_identity(submission, reporter):
    """Insert SUBMISSION with REPORTER's identity sealed (None: anonymous). The vault's context
    is the submission's id: on PostgreSQL the id is taken from the sequence first, so that the
    row goes in whole in one insert (an update after it wrote the row twice, and with a NIK
    every index of the table again, its description's full-text one too); elsewhere the
    identity follows the insert."""
    if reporter is None:
        submission.save(force_insert=True)
    elif connection.vendor == "postgresql":
        submission.pk = _next_submission_id()
        submission.identity_sealed = identity.seal_identity(submission, reporter)
        submission.save(force_insert=True)
    else:
        submission.save(force_insert=True)
        submission.identity_sealed = identity.seal_identity(submission, reporter)
        submission.save(update_fields=["identity_sealed"])


def _queue_screening(submission_id):
    screen_submission.enqueue(submission_id)


def screen_new_submission(submission_id):
    """In the worker, after the submission's commit: flag it when it looks like an earlier
    one, then tell the officers who reach it (the flag is on the report by the time they
    open it). Once per submission, whoever runs it (its task, run again after a lost worker,
    or the round): the submission is claimed, searched and marked in one transaction, and
    only its claimant mails. Returns whether this call screened it."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_related("region")
            .select_for_update(of=("self",))
            .filter(pk=submission_id, screened_at__isnull=True)
            .first()
        )
        if submission is None:
            return False  # gone, or screened already
        flag_possible_duplicate(submission)
        submission.screened_at = timezone.now()
        submission.save(update_fields=["screened_at"])
    notify_officers_of_new_submission(submission_id)
    return True


#: A submission not screened this long after it was filed lost its task (its process was
#: killed between the commit and the queueing): the worker's round screens it.
SCREENING_GRACE = timedelta(minutes=2)
SCREENING_BATCH = 200


def screen_left_over(now=None):
    """Screen the submissions whose task never came (SCREENING_GRACE); return how many."""
    cutoff = (now or timezone.now()) - SCREENING_GRACE
    waiting = Submission.objects.filter(screened_at__isnull=True, submitted_at__lt=cutoff)
    ids = list(waiting.order_by("submitted_at").values_list("pk", flat=True)[:SCREENING_BATCH])
    return sum(screen_new_submission(pk) for pk in ids)


def flag_possible_duplicate(submission):
    """Link SUBMISSION to an earlier one about the same person, dates and conduct; return the
    earlier one's id, or None.

    The database narrows the field (same region, recent, incident within two weeks); names,
    agencies and texts are then compared for the few dozen most recent candidates.
    """
    person = submission.persons.first()
    if person is None:
        return None
    window = timedelta(days=DUPLICATE_WINDOW_DAYS)
    candidates = (
        ReportedPerson.objects.filter(
            submission__region=submission.region,
            submission__submitted_at__gte=timezone.now() - timedelta(days=DUPLICATE_LOOKBACK_DAYS),
            submission__incident_date__range=(
                submission.incident_date - window,
                submission.incident_date + window,
            ),
        )
        # Earlier submissions only: screened after the commit, a report may meet a later
        # one about the same thing, which is that one's duplicate, not its original.
        .filter(submission_id__lt=submission.pk)
        .order_by("-submission__submitted_at")
        .values_list(
            "name",
            "nip",
            "agency",
            "submission_id",
            "submission__duplicate_of_id",
            "submission__description",
        )[:DUPLICATE_CANDIDATES]
    )
    for name, nip, agency, other_id, other_original, description in candidates:
        same_person = (person.nip and nip == person.nip) or (
            name_similarity(name, person.name) >= 0.85
            and (not agency or not person.agency or name_key(agency) == name_key(person.agency))
        )
        if same_person and fuzz.token_set_ratio(description, submission.description) >= 50:
            submission.duplicate_of_id = other_original or other_id
            submission.duplicate = Submission.Duplicate.SUSPECTED
            submission.save(update_fields=["duplicate_of", "duplicate"])
            record(
                None,
                "report.duplicate_suspected",
                submission,
                region=submission.region,
                data={"of": submission.duplicate_of_id},
            )
            return submission.duplicate_of_id
    return None


def find_by_receipt(code, *, client_ip):
    """The submission a receipt code belongs to, or None; wrong codes are limited per address.

    Not per code: 20 random digits cannot be guessed, and a limit on a code's first digits let
    anyone lock a real code out with ten wrong ones.
    """
    key = f"receipt-ip:{client_ip}"
    if not throttle.attempt(key, settings.NETRA_RECEIPT_MAX_FAILURES, SUBMIT_WINDOW):
        raise Throttled
    found = None
    if receipts.is_well_formed(code):
        found = Submission.objects.filter(receipt_hash=identity.receipt_hash(code)).first()
    if found is not None:
        throttle.release(key)  # only wrong codes count
    return found


def reporter_reply(submission, body, cleaned_evidence):
    """The reporter answers a question or adds evidence through the receipt."""
    stored = []  # files written so far, deleted again if the transaction fails
    try:
        with transaction.atomic():
            if body:
                Message.objects.create(submission=submission, body=body)
            _store_evidence(submission, cleaned_evidence, stored)
            if submission.status == Submission.Status.NEEDS_INFORMATION:
                # Answered: back to the step the case was at before the question.
                before = (
                    submission.steps.exclude(status=Submission.Status.NEEDS_INFORMATION)
                    .order_by("-at", "-pk")
                    .values_list("status", flat=True)
                    .first()
                )
                submission.status = before or Submission.Status.IN_REVIEW
                submission.save(update_fields=["status"])
            record(
                None,
                "report.reporter_added",
                submission,
                region=submission.region,
                data={"message": bool(body), "evidence": len(cleaned_evidence)},
            )
    except BaseException:
        _delete_files(stored)
        raise


@transaction.atomic
def ask_reporter(officer, submission, question):
    """An officer asks for more information (the 2 x 24 hours step of docs/DOMAIN.md)."""
    Message.objects.create(submission=submission, officer=officer, body=question)
    tell_reporters(Submission.objects.filter(pk=submission.pk), Submission.Status.NEEDS_INFORMATION)
    submission.status = Submission.Status.NEEDS_INFORMATION
    record(officer, "report.question_asked", submission, region=submission.region)


def tell_reporters(submissions, status, note=""):
    """A new step on the reporters' timelines (SUBMISSIONS, a queryset), and after the commit
    an e-mail to each reporter who left an address, through the worker. The mail carries no
    detail of the case: only that there is news, to be read with the receipt code."""
    ids = list(submissions.values_list("pk", flat=True))
    submissions.update(status=status)
    StatusStep.objects.bulk_create(
        [StatusStep(submission_id=pk, status=status, note=note) for pk in ids]
    )
    transaction.on_commit(lambda: [notify_reporter.enqueue(pk) for pk in ids])


@transaction.atomic
def open_reporter_identity(officer, submission):
    """The reporter's identity for an officer handling the submission; always audited."""
    record(officer, "report.identity_opened", submission, region=submission.region)
    if not submission.identity_sealed:
        return None
    return identity.open_identity(submission)


@transaction.atomic
def decide_duplicate(officer, submission, confirmed):
    submission.duplicate = (
        Submission.Duplicate.CONFIRMED if confirmed else Submission.Duplicate.REJECTED
    )
    submission.save(update_fields=["duplicate"])
    record(
        officer,
        "report.duplicate_decided",
        submission,
        region=submission.region,
        data={"confirmed": confirmed, "of": submission.duplicate_of_id},
    )


@transaction.atomic
def reseal_all_identities():
    """Re-encrypt every identity with the vault's active key (the middle of key rotation)."""
    count = 0
    for submission in Submission.objects.exclude(identity_sealed="").select_for_update():
        plain = identity.open_identity(submission)
        submission.identity_sealed = identity.seal_identity(submission, plain)
        submission.save(update_fields=["identity_sealed"])
        count += 1
    record(None, "vault.identities_resealed", data={"count": count})
    return count


# ---- the district supervisor (Panwascam) and the officer handling a report -----------------

STUDY_MAX = 5000


class Refused(Exception):
    """A change the report's state does not allow; CODE says which (the view words it)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def _start_initial_study(submission):
    """A report still only received is now under initial study: a step on the reporter's
    timeline ("Under initial study"), nothing more of who studies it."""
    if submission.status == Submission.Status.RECEIVED:
        tell_reporters(Submission.objects.filter(pk=submission.pk), Submission.Status.IN_REVIEW)
        submission.status = Submission.Status.IN_REVIEW


def _locked_before_hand_over(submission):
    """SUBMISSION locked for the district supervisor's change; Refused once the regency or
    city office has it (handed over, or already registered as a case there)."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.handed_over_at is not None:
        raise Refused("already_handed_over")
    if hasattr(locked, "case"):
        raise Refused("already_registered")
    return locked


@transaction.atomic
def record_study(officer, submission, note):
    """The district supervisor's initial study of SUBMISSION (an internal note the reporter
    never reads), kept until it hands the report over. Refused once the regency office has it."""
    locked = _locked_before_hand_over(submission)  # first: its form is gone after that
    note = (note or "").strip()
    if not note:
        raise Refused("empty_study")
    if len(note) > STUDY_MAX:
        raise Refused("study_too_long")
    locked.study_note = note
    locked.save(update_fields=["study_note"])
    _start_initial_study(locked)
    submission.study_note, submission.status = locked.study_note, locked.status
    record(
        officer,
        "report.study_recorded",
        submission,
        region=submission.region,
        data={"length": len(note)},
    )


@transaction.atomic
def hand_over(officer, submission):
    """The district supervisor hands SUBMISSION to the regency or city office, which registers
    and decides: once (a second time raises Refused("already_handed_over"), and after the
    office has registered it Refused("already_registered")). The reporter's
    timeline says only that the report is under initial study; the regency office's officers
    are told by e-mail after the commit."""
    locked = _locked_before_hand_over(submission)
    locked.handed_over_at, locked.handed_over_by = timezone.now(), officer
    locked.save(update_fields=["handed_over_at", "handed_over_by"])
    _start_initial_study(locked)
    submission.handed_over_at, submission.handed_over_by = locked.handed_over_at, officer
    submission.status = locked.status
    record(
        officer,
        "report.handed_over",
        submission,
        region=submission.region,
        data={
            "district": getattr(submission.district, "code", ""),
            "studied": bool(locked.study_note),
        },
    )
    transaction.on_commit(lambda: notify_hand_over.enqueue(submission.pk))


@transaction.atomic
def assign(officer, submission, assignee):
    """ASSIGNEE (an officer who may handle SUBMISSION; the caller has checked) now studies it."""
    before = submission.assigned_to_id
    Submission.objects.filter(pk=submission.pk).update(assigned_to=assignee)
    submission.assigned_to = assignee
    record(
        officer,
        "report.assigned",
        submission,
        region=submission.region,
        data={"from": before, "to": assignee.pk},
    )


@transaction.atomic
def record_queue_export(officer, *, filters, rows, fmt):
    """The audit entry of an export of the report queue: who, with which filters, how many
    rows, in which format (written before the rows are sent)."""
    record(
        officer,
        "reports.queue_exported",
        None,
        data={"filters": filters, "rows": rows, "format": fmt},
    )

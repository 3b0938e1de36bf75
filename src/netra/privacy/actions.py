"""Every change the privacy app makes: legal holds, and retention's erasures (UU 27/2022).

Retention reaches into other apps' rows (the vault's ciphertext on a report, a closed case's
names, a monitoring text) through their models, from here only, so that one module says what
is erased and when. Its audit entries say what kind and how many, never the data itself.

Several workers may run the job at once: each thing is claimed by inserting its Erasure row
(unique per kind and id) in the transaction that erases it, or, for monitoring texts and
sessions, by a conditional UPDATE or DELETE that only the first worker's statement matches.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from netra.accounts import throttle
from netra.audit.log import record
from netra.cases import workflow as wf
from netra.cases.models import Attachment, Case, CaseDocument, CaseEvent, Hearing, Respondent
from netra.lib.refusals import Conflict, Refused
from netra.monitoring.models import Flag, Text
from netra.reports import identity, receipts, vault
from netra.reports.models import (
    Evidence,
    EvidenceLink,
    Message,
    ReportedPerson,
    StatusStep,
    Submission,
)

from .models import DataRequest, Erasure, LegalHold

#: Items per transaction: each batch holds its locks briefly and writes one audit entry.
BATCH = 200
#: What an erased name reads as: a dash, not an empty cell that looks like missing data.
ERASED = "—"
#: Where a report's handling has ended: its case closed, or not registered.
ENDED_STATES = (wf.CLOSED, wf.NOT_REGISTERED)
ENDED_STATUSES = (Submission.Status.CLOSED, Submission.Status.NOT_REGISTERED)


# ---- legal holds ---------------------------------------------------------------------------


def _case_event(case_id, kind, text, actor=None):
    CaseEvent.objects.create(case_id=case_id, actor=actor, kind=kind, text=text)


def _in_indonesian(message, **values):
    """MESSAGE (an English msgid) in Indonesian: a case's timeline stores its texts once, in
    the office's language, like the notes officers write."""
    with translation.override(settings.LANGUAGE_CODE):
        if "day" in values:
            values["day"] = formats.date_format(values["day"], "j F Y")
        return gettext(message) % values


def active_hold(case):
    return LegalHold.objects.filter(case=case, lifted_at__isnull=True).first()


def set_hold(user, case, reason):
    """Put CASE under a legal hold: retention touches none of its records, nor those of the
    reports linked to it, until the hold is lifted. Refused when it is held already."""
    reason = reason.strip()
    if not reason:
        raise Refused("hold_needs_reason")
    with transaction.atomic():
        # The case row is locked first, as the retention batch does: a hold set while a batch
        # runs is either seen by it or waits for it, never missed.
        Case.objects.select_for_update().filter(pk=case.pk).first()
        if active_hold(case) is not None:
            raise Refused("hold_exists")
        try:
            with transaction.atomic():
                hold = LegalHold.objects.create(
                    case=case, reason=reason, set_by=user, set_at=timezone.now()
                )
        except IntegrityError:
            raise Refused("hold_exists") from None
        _case_event(
            case.pk, "legal_hold", _in_indonesian("Legal hold set: %(reason)s", reason=reason), user
        )
        record(user, "privacy.hold_set", case, region=case.region, data={"hold": hold.pk})
    return hold


def lift_hold(user, case, reason):
    reason = reason.strip()
    if not reason:
        raise Refused("hold_needs_reason")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        hold = active_hold(case)
        if hold is None:
            raise Refused("no_hold")
        LegalHold.objects.filter(pk=hold.pk).update(
            lifted_by=user, lifted_at=timezone.now(), lift_reason=reason
        )
        _case_event(
            case.pk,
            "legal_hold",
            _in_indonesian("Legal hold lifted: %(reason)s", reason=reason),
            user,
        )
        record(user, "privacy.hold_lifted", case, region=case.region, data={"hold": hold.pk})
    return hold


def held_case_ids():
    """The cases under an active hold, and the cases merged into them (their records are the
    held case's records now)."""
    held = set(LegalHold.objects.filter(lifted_at__isnull=True).values_list("case_id", flat=True))
    if held:
        held |= set(Case.objects.filter(merged_into__in=held).values_list("pk", flat=True))
    return held


def held_submission_ids(case_ids):
    """The reports linked to the cases CASE_IDS: their own reports, and the reports marked as
    duplicates of those."""
    own = set(
        Case.objects.filter(pk__in=case_ids, submission__isnull=False).values_list(
            "submission_id", flat=True
        )
    )
    if own:
        own |= set(Submission.objects.filter(duplicate_of__in=own).values_list("pk", flat=True))
    return own


# ---- what has expired ----------------------------------------------------------------------


def _ended_cases(cutoff, states=ENDED_STATES):
    """Cases in STATES whose last move into that state lies before CUTOFF (a reopened and
    closed again case counts from its last closing)."""
    moved = (
        CaseEvent.objects.filter(case=OuterRef("pk"), to_state=OuterRef("state"))
        .order_by("-at")
        .values("at")[:1]
    )
    return (
        Case.objects.filter(state__in=states)
        .annotate(ended_at=Subquery(moved))
        .filter(ended_at__lt=cutoff)
    )


def _ended_submissions(cutoff):
    """(submission id, case id or None) of the reports whose handling ended before CUTOFF:
    through their case, or, for a report without one, its last step on the reporter's
    timeline."""
    ended = list(
        _ended_cases(cutoff).filter(submission__isnull=False).values_list("submission_id", "pk")
    )
    last_step = (
        StatusStep.objects.filter(submission=OuterRef("pk")).order_by("-at").values("at")[:1]
    )
    ended += [
        (pk, None)
        for pk in Submission.objects.filter(case__isnull=True, status__in=ENDED_STATUSES)
        .annotate(ended_at=Subquery(last_step))
        .filter(ended_at__lt=cutoff)
        .values_list("pk", flat=True)
    ]
    return ended


def expired_identities(now):
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.identity)
    ended = dict(_ended_submissions(cutoff))
    with_identity = Submission.objects.filter(pk__in=list(ended)).exclude(identity_sealed="")
    return [(pk, ended[pk], pk) for pk in with_identity.values_list("pk", flat=True).order_by("pk")]


def expired_evidence(now):
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.evidence)
    ended = dict(_ended_submissions(cutoff))
    rows = Evidence.objects.filter(submission__in=list(ended)).order_by("pk")
    return [(pk, ended[sid], sid) for pk, sid in rows.values_list("pk", "submission_id")]


def expired_cases(now):
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.cases)
    done = Erasure.objects.filter(kind=Erasure.Kind.CASE).values("target_id")
    rows = _ended_cases(cutoff, states=(wf.CLOSED,)).exclude(pk__in=done).order_by("pk")
    return [(pk, pk, sid) for pk, sid in rows.values_list("pk", "submission_id")]


def expired_requests(now):
    """Handled data requests whose answer lies past their period and whose requester is still
    sealed; a request about a held case's report is skipped by the batch like the report."""
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.requests)
    rows = (
        DataRequest.objects.exclude(status=DataRequest.Status.OPEN)
        .filter(handled_at__lt=cutoff)
        .exclude(requester_sealed="")
        .order_by("pk")
    )
    cases = dict(
        Case.objects.filter(submission__in=rows.values("submission_id")).values_list(
            "submission_id", "pk"
        )
    )
    return [(pk, cases.get(sid), sid) for pk, sid in rows.values_list("pk", "submission_id")]


# ---- erasing one thing ---------------------------------------------------------------------


def _claim(kind, target_id, submission_id, now, detail=None):
    """Insert the Erasure row of TARGET_ID; False when another worker's is there already."""
    try:
        with transaction.atomic():
            Erasure.objects.create(
                kind=kind,
                target_id=target_id,
                submission_id=submission_id,
                at=now,
                detail=detail or {},
            )
    except IntegrityError:
        return False
    return True


def _delete_after_commit(names):
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [default_storage.delete(name) for name in names])


def _erase_identity(submission_id, case_id, now):
    """The vault's ciphertext and the searchable hash of the NIK go; so do the reporter's
    hearings' name and minutes, and the case's letters that may name the reporter (those
    BKN and the PPK never see, as accounts/access.py draws the line). The case keeps
    "identity erased on <date>"."""
    if not _claim(Erasure.Kind.IDENTITY, submission_id, submission_id, now):
        return False
    Submission.objects.filter(pk=submission_id).update(identity_sealed="", reporter_nik_hash="")
    if case_id:
        Hearing.objects.filter(case_id=case_id, party=Hearing.Party.REPORTER).update(
            name=ERASED, minutes=""
        )
        letters = CaseDocument.objects.filter(case_id=case_id).exclude(
            kind__in=CaseDocument.LETTERS_FOR_OTHERS
        )
        _delete_after_commit(list(letters.values_list("file", flat=True)))
        letters.delete()
        _case_event(
            case_id,
            "retention",
            _in_indonesian(
                "Reporter identity erased on %(day)s (retention period over).",
                day=timezone.localdate(now),
            ),
        )
    return True


def _erase_evidence(evidence_id, case_id, now):
    """The file goes from storage (after the commit) and its row with it, so that no page
    offers a download of nothing; the Erasure row keeps its hash, size and type."""
    item = Evidence.objects.filter(pk=evidence_id).first()
    if item is None:
        return False
    detail = {"sha256": item.sha256_original, "size": item.size, "type": item.content_type}
    if not _claim(Erasure.Kind.EVIDENCE, evidence_id, item.submission_id, now, detail):
        return False
    Evidence.objects.filter(pk=evidence_id).delete()
    _delete_after_commit([item.file.name])
    return True


def _erase_case(case_id, _case_id, now):
    """A closed case past its period keeps its facts (region, election, states and dates,
    employment type, sanctions' levels: the statistics) and loses everything naming someone:
    reported persons, hearings and their minutes, the summary, letters and attachments, and
    its report's identity, evidence, links, account and messages."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not _claim(Erasure.Kind.CASE, case_id, case.submission_id, now):
        return False
    Respondent.objects.filter(case_id=case_id).update(
        name=ERASED, nip="", employee=None, agency="", position=""
    )
    Hearing.objects.filter(case_id=case_id).update(name=ERASED, minutes="", place=ERASED)
    documents = list(CaseDocument.objects.filter(case_id=case_id).values_list("file", flat=True))
    attachments = list(Attachment.objects.filter(case_id=case_id).values_list("file", flat=True))
    CaseDocument.objects.filter(case_id=case_id).delete()
    Attachment.objects.filter(case_id=case_id).delete()
    _delete_after_commit(documents + attachments)
    Case.objects.filter(pk=case_id).update(summary=ERASED, version=F("version") + 1)
    if case.submission_id:
        sid = case.submission_id
        if Submission.objects.filter(pk=sid).exclude(identity_sealed="").exists():
            _erase_identity(sid, case_id, now)
        for evidence_id in Evidence.objects.filter(submission_id=sid).values_list("pk", flat=True):
            _erase_evidence(evidence_id, case_id, now)
        Submission.objects.filter(pk=sid).update(description=ERASED, place="", study_note="")
        ReportedPerson.objects.filter(submission_id=sid).update(
            name=ERASED, nip="", employee=None, agency="", position=""
        )
        EvidenceLink.objects.filter(submission_id=sid).delete()
        Message.objects.filter(submission_id=sid).update(body=ERASED)
    _case_event(
        case_id,
        "retention",
        _in_indonesian(
            "Names and texts of this closed case erased on %(day)s (retention period over).",
            day=timezone.localdate(now),
        ),
    )
    return True


def _erase_requester(request_id, _case_id, now):
    """The requester's sealed name and contact, and the request's and answer's texts, go; its
    number, kind, dates and outcome stay."""
    if not _claim(Erasure.Kind.REQUEST, request_id, None, now):
        return False
    DataRequest.objects.filter(pk=request_id).update(
        requester_sealed="", text=ERASED, outcome=ERASED, version=F("version") + 1
    )
    return True


# ---- the job -------------------------------------------------------------------------------


def _erase_batch(kind, items, erase_one, now):
    """Erase ITEMS ((target id, case id or None, submission id or None)) with ERASE_ONE, in
    one transaction with one audit entry; skip whatever a legal hold protects. Returns how
    many this call erased (those another worker took first are not counted)."""
    won = 0
    with transaction.atomic():
        case_ids = sorted({case_id for _, case_id, _ in items if case_id})
        # Locked in one order by every batch and by set_hold: the holds read below are those
        # committed before this batch, and none can be set on these cases until it ends.
        list(Case.objects.select_for_update().filter(pk__in=case_ids).order_by("pk").values("pk"))
        held = held_case_ids()
        held_reports = held_submission_ids(held)
        for target_id, case_id, submission_id in items:
            if case_id in held or (submission_id and submission_id in held_reports):
                continue
            won += bool(erase_one(target_id, case_id, now))
        if won:
            record(None, "privacy.retention", data={"kind": kind, "count": won})
    return won


def _batches(items):
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def erase_expired(kind, now=None):
    """Erase what of KIND (identity, evidence, cases, requests) has expired at NOW; how
    many."""
    now = now or timezone.now()
    find, erase_one = {
        "identity": (expired_identities, _erase_identity),
        "evidence": (expired_evidence, _erase_evidence),
        "cases": (expired_cases, _erase_case),
        "requests": (expired_requests, _erase_requester),
    }[kind]
    return sum(_erase_batch(kind, batch, erase_one, now) for batch in _batches(find(now)))


def blank_expired_texts(now=None, batch=1000):
    """Monitoring texts past their period lose their words, author and address; the row, its
    kind, region, label and flag (score, codes, decision) stay, so every count stays."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.texts)
    blanked = 0
    while True:
        held = held_case_ids()
        ids = list(
            Text.objects.filter(received_at__lt=cutoff)
            .exclude(text="", author="", url="")
            .exclude(flag__case__in=held)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return blanked
        with transaction.atomic():
            held_now = set(
                Flag.objects.filter(text_id__in=ids, case__in=held_case_ids()).values_list(
                    "text_id", flat=True
                )
            )
            claimed = [pk for pk in ids if pk not in held_now]
            # The conditional update is the claim: a text another worker blanked first no
            # longer matches, and is not counted twice. Its condition names only the text's
            # own columns: PostgreSQL checks those again on a row another worker changed
            # meanwhile, where a join's subquery would still see the words it had read.
            won = (
                Text.objects.filter(pk__in=claimed)
                .exclude(text="", author="", url="")
                .update(text="", author="", url="")
            )
            Flag.objects.filter(text_id__in=claimed).update(evidence=[])
            if won:
                record(None, "privacy.retention", data={"kind": "texts", "count": won})
        blanked += won
        if len(ids) < batch:
            return blanked


def delete_expired_sessions(now=None, batch=1000):
    """Sessions expired more than the sessions period ago are deleted (by key and expiry, so
    a session extended meanwhile stays and a row another worker deleted is not counted)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NETRA_RETENTION.sessions)
    deleted = 0
    while True:
        keys = list(
            Session.objects.filter(expire_date__lt=cutoff).values_list("session_key", flat=True)[
                :batch
            ]
        )
        if not keys:
            return deleted
        with transaction.atomic():
            count, _ = Session.objects.filter(session_key__in=keys, expire_date__lt=cutoff).delete()
            if count:
                record(None, "privacy.retention", data={"kind": "sessions", "count": count})
        deleted += count
        if len(keys) < batch:
            return deleted


def apply_retention(now=None):
    """The worker's retention round: kind -> how many were erased, blanked or deleted."""
    now = now or timezone.now()
    done = Counter()
    # Cases first: a case past its period takes its report's identity and evidence with it.
    for kind in ("cases", "identity", "evidence"):
        done[kind] = erase_expired(kind, now)
    done["requests"] = erase_expired("requests", now)
    done["texts"] = blank_expired_texts(now)
    done["sessions"] = delete_expired_sessions(now)
    # One entry per run, also when nothing expired: the log shows that retention ran, what
    # it did, and how many cases a hold kept out of it.
    record(
        None,
        "privacy.retention_run",
        data={"counts": dict(done), "held_cases": len(held_case_ids())},
    )
    return dict(done)


# ---- data-subject requests -----------------------------------------------------------------

REQUEST_WINDOW = 3600


class Throttled(Exception):
    """Too many requests from one address; try again later."""


def count_request(client_ip):
    """Count a request from CLIENT_IP before its work (the receipt code's slow hash, the
    vault): past the hour's limit, raise Throttled."""
    if not throttle.attempt(
        f"privacy-request:{client_ip}", settings.NETRA_PRIVACY_REQUESTS_PER_HOUR, REQUEST_WINDOW
    ):
        raise Throttled


def give_back_request(client_ip):
    """A form refused for a typo cost nothing."""
    throttle.release(f"privacy-request:{client_ip}")


def _matching_report(code):
    """The report a receipt code belongs to, or None. The hash is computed whatever the code,
    so that the time taken says nothing either."""
    digest = identity.receipt_hash(code or "0")
    if not receipts.is_well_formed(code):
        return None
    return Submission.objects.filter(receipt_hash=digest).first()


def register_request(*, kind, relation, region, name, contact, text, receipt="", now=None):
    """Register a data-subject request; the request with its number and deadline. A receipt
    code that matches a report links the request to it (and to its office); one that matches
    nothing is registered all the same, and the requester is told the same either way."""
    now = now or timezone.now()
    report = _matching_report(receipt) if receipt else None
    with transaction.atomic():
        request = DataRequest.objects.create(
            kind=kind,
            relation=relation,
            region=report.region if report is not None else region,
            submission=report,
            receipt_given=bool(receipt),
            text=text,
            received_at=now,
            due_at=now + timedelta(hours=settings.NETRA_PRIVACY_REQUEST_HOURS),
        )
        request.number = f"PDP-{timezone.localtime(now).year}-{request.pk:06d}"
        request.requester_sealed = vault.seal(
            identity.keys(), {"name": name, "contact": contact}, request.vault_context
        )
        request.save(update_fields=["number", "requester_sealed"])
        record(
            None,
            "privacy.request_received",
            request,
            region=request.region,
            data={
                "kind": kind,
                "relation": relation,
                "receipt_given": bool(receipt),
                "receipt_matched": report is not None,
            },
        )
    return request


@transaction.atomic
def open_requester(user, request):
    """The requester's name and contact for staff handling the request; always audited. None
    once retention erased them."""
    record(user, "privacy.requester_opened", request, region=request.region)
    if not request.requester_sealed:
        return None
    return vault.open_sealed(identity.keys(), request.requester_sealed, request.vault_context)


def handle_request(user, request, *, outcome, note, version):
    """Close REQUEST as answered, corrected or refused (a refusal with its reason), once: a
    request handled meanwhile by someone else is refused, a stale version is a conflict."""
    note = note.strip()
    if outcome not in (
        DataRequest.Status.ANSWERED,
        DataRequest.Status.CORRECTED,
        DataRequest.Status.REFUSED,
    ):
        raise Refused("handled")
    if outcome == DataRequest.Status.REFUSED and not note:
        raise Refused("refusal_needs_reason")
    with transaction.atomic():
        if request.status != DataRequest.Status.OPEN:
            raise Refused("handled")
        updated = DataRequest.objects.filter(
            pk=request.pk, version=version, status=DataRequest.Status.OPEN
        ).update(
            status=outcome,
            outcome=note,
            handled_by=user,
            handled_at=timezone.now(),
            version=F("version") + 1,
        )
        if not updated:
            raise Conflict
        request.refresh_from_db()
        record(
            user,
            "privacy.request_handled",
            request,
            region=request.region,
            data={"outcome": outcome, "late": request.handled_at > request.due_at},
        )
    return request

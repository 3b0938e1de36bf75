"""Every change to a case: the transition, its timeline line, its audit entry, the new deadline
and the reporter-visible status, in one transaction, guarded by the case's version."""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netra.accounts import throttle
from netra.accounts.access import region_in_scope
from netra.audit.log import record
from netra.common import links
from netra.lib import clock
from netra.lib.refusals import Conflict, Refused
from netra.regions.clocks import clock_rules, holiday_dates
from netra.regions.models import Region
from netra.reports import actions as report_actions
from netra.reports import uploads
from netra.reports.models import Submission

from . import letters
from . import workflow as wf
from .models import Attachment, Case, CaseEvent, Hearing, LetterTemplate, Respondent, SubjectType

ROUND_THE_CLOCK_STAGES = (
    "quiet_period",
    "voting",
    "counting",
    "recapitulation",
    "counting_and_recapitulation",
)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
#: The step on the reporter's coarse timeline for each case state (states missing here, such
#: as study or BKN's verification, add no step: nothing the reporter needs to hear of).
REPORTER_STATUS = {
    wf.INITIAL_STUDY: "in_review",
    wf.REGISTERED: "registered",
    wf.CLARIFICATION: "clarification",
    wf.NOT_REGISTERED: "not_registered",
    wf.NO_VIOLATION: "decided",
    wf.ELECTION_CRIME: "decided",
    wf.ADMINISTRATIVE: "decided",
    wf.OTHER_LAW: "decided",
    wf.FORWARDED: "forwarded",
    wf.RECOMMENDED: "recommended",
    wf.FOLLOWED_UP: "followed_up",
    wf.CLOSED: "closed",
}
#: The outcome of Bawaslu's decision in the reporter's plain words.
REPORTER_OUTCOME = {
    wf.NO_VIOLATION: gettext_lazy("The reported conduct is not a violation."),
    wf.ELECTION_CRIME: gettext_lazy(
        "The conduct may be an election crime: it goes to the integrated law enforcement "
        "centre (Gakkumdu)."
    ),
    wf.ADMINISTRATIVE: gettext_lazy("The conduct is an administrative violation."),
    wf.OTHER_LAW: gettext_lazy(
        "The conduct breaks the neutrality rules for civil servants: it goes to BKN."
    ),
}
#: States whose transition reason the reporter reads: why it was not registered, and the
#: staffing authority's answer (sanction imposed or not). Other reasons are internal notes.
REPORTER_READS_REASON = {wf.NOT_REGISTERED, wf.FOLLOWED_UP}


def _open_days(election):
    days = set()
    for stage in election.stages.filter(code__in=ROUND_THE_CLOCK_STAGES):
        day = stage.start
        while day <= stage.end:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def deadline(case, state=None, extended=None):
    """When the step that runs in STATE (default: the case's) falls due, or None."""
    if (state or case.state) == wf.RECOMMENDED:
        # No verified law binds the PPK (docs/DOMAIN.md): the election's period, else the setting,
        # counted in calendar days from the recommendation.
        local = clock.zone(case.region.timezone)
        days = case.election.ppk_follow_up_days or settings.NETRA_PPK_PERIOD_DAYS
        day = timezone.now().astimezone(local).date() + timedelta(days=days)
        return datetime.combine(day, clock.END_OF_DAY, tzinfo=local)
    step = wf.CLOCK_STEP.get(state or case.state)
    if step is None:
        return None
    rules = clock_rules(case.election.kind)
    return clock.due(
        rules,
        step,
        case.received_at,
        holidays=holiday_dates(),
        timezone_name=case.region.timezone,
        extended=case.extended if extended is None else extended,
    )


def _tell_reporters(case, status, note=""):
    """The coarse status reporters see by receipt: this case's and those merged into it."""
    report_actions.tell_reporters(
        Submission.objects.filter(Q(case=case) | Q(case__merged_into=case)), status, note
    )


def _reporter_note(state, reason):
    if state in REPORTER_OUTCOME:
        with translation.override("id"):
            return str(REPORTER_OUTCOME[state])
    return reason.strip() if state in REPORTER_READS_REASON else ""


def _log(case, actor, kind, *, from_state="", to_state="", text="", data=None):
    """The case's timeline line and its audit entry; DATA, when given, is what the audit
    entry records instead of the states."""
    CaseEvent.objects.create(
        case=case, actor=actor, kind=kind, from_state=from_state, to_state=to_state, text=text
    )
    record(
        actor,
        f"case.{kind}",
        case,
        region=case.region,
        data=data if data is not None else {"from": from_state, "to": to_state},
    )


def open_case_from_submission(officer, submission):
    """The hand-over point from public intake: a report, or anonymous information that the
    officer adopts as Bawaslu's own finding (temuan). Opening twice gives the same case."""
    try:
        return _open_case_from_submission(officer, submission)
    except IntegrityError:  # another officer opened it at the same moment
        return Case.objects.get(submission=submission)


@transaction.atomic
def _open_case_from_submission(officer, submission):
    existing = Case.objects.filter(submission=submission).first()
    if existing is not None:
        return existing
    source = Case.Source.REPORT if submission.kind == "report" else Case.Source.ADOPTED
    received = clock.legally_received(
        submission.submitted_at,
        holidays=holiday_dates(),
        timezone_name=submission.region.timezone,
        open_days=_open_days(submission.election),
    )
    case = Case.objects.create(
        source=source,
        submission=submission,
        election=submission.election,
        region=submission.region,
        summary=submission.description,
        received_at=received,
        assigned_to=officer,
    )
    for person in submission.persons.select_related("employee__agency__region", "employee__region"):
        _new_respondent(
            case,
            employee=person.employee,
            name=person.name,
            nip=person.nip,
            agency=person.agency,
            position=person.position,
        )
    _log(case, officer, "opened", to_state=case.state, text=case.get_source_display())
    return case


@transaction.atomic
def open_finding(officer, *, election, region, summary):
    """A finding from the officer's own supervision, received the moment it is recorded."""
    case = Case.objects.create(
        source=Case.Source.FINDING,
        election=election,
        region=region,
        summary=summary,
        received_at=timezone.now(),
        assigned_to=officer,
    )
    _log(case, officer, "opened", to_state=case.state, text=case.get_source_display())
    return case


def _register_number(case):
    """The next register number of the case's office this year. The office's region row is
    locked first, so two registrations at once cannot take the same number."""
    Region.objects.select_for_update().filter(pk=case.region_id).first()
    now = timezone.localtime()
    level = {"regency": "Kab", "city": "Kota", "province": "Prov"}.get(case.region.level, "")
    sequence = Case.objects.filter(region=case.region, registered_year=now.year).count() + 1
    return settings.NETRA_REGISTER_NUMBER_FORMAT.format(
        seq=sequence,
        level=level,
        region=case.region.code,
        month=ROMAN[now.month - 1],
        year=now.year,
    )


def transition(actor, case, target, *, version, reason="", reopen_to=None, recorded=False):
    """Move CASE to TARGET on behalf of ACTOR, if the workflow and the version allow it.

    RECORDED: the caller is the sanctions action that writes the record the move needs.
    """
    if version != case.version:
        raise Conflict  # decided on a state of the case that is no longer current
    role = "system" if actor is None else actor.role
    new_state = wf.check(
        case.state, target, role, reason=reason, reopen_to=reopen_to, recorded=recorded
    )
    if new_state == wf.FORWARDED and not case.respondents.exists():
        raise Refused("needs_respondent")  # a forwarding letter names who is to be sanctioned
    try:
        with transaction.atomic():
            changes = {
                "state": new_state,
                "version": F("version") + 1,
                "due_at": deadline(case, new_state),
            }
            if new_state == wf.REGISTERED and not case.number:
                changes["number"] = _register_number(case)
                changes["registered_year"] = timezone.localtime().year
            if new_state == wf.FORWARDED:
                changes["forwarded"] = True
            updated = Case.objects.filter(pk=case.pk, version=version).update(**changes)
            if not updated:
                raise Conflict
            old_state = case.state
            case.refresh_from_db()
            _log(
                case,
                actor,
                "reopened" if target == wf.REOPEN else "transition",
                from_state=old_state,
                to_state=new_state,
                text=reason,
            )
            if new_state in REPORTER_STATUS:
                _tell_reporters(case, REPORTER_STATUS[new_state], _reporter_note(new_state, reason))
    except IntegrityError:
        raise Conflict from None
    return case


@transaction.atomic
def extend_decision(actor, case, *, version, reason):
    """The one extension the rules allow for the decision (e.g. 3 + 2 days for Pilkada)."""
    if version != case.version:
        raise Conflict
    if case.extended or wf.CLOCK_STEP.get(case.state) != "decision" or not reason.strip():
        raise wf.TransitionRefused(wf.Refusal("not_allowed", case.state, "extend"))
    updated = Case.objects.filter(pk=case.pk, version=version).update(
        extended=True, version=F("version") + 1, due_at=deadline(case, extended=True)
    )
    if not updated:
        raise Conflict
    case.refresh_from_db()
    _log(case, actor, "extended", text=reason)
    return case


def send_reminders(now=None, ahead=timedelta(days=1)):
    """E-mail the assigned officer once about each deadline due within AHEAD."""
    now = now or timezone.now()
    sent = 0
    due_soon = (
        Case.objects.filter(due_at__gt=now, due_at__lte=now + ahead)
        .exclude(reminded_for=F("due_at"))
        .select_related("assigned_to", "region")
    )
    for case in due_soon:
        # Claim the reminder before sending it: of several workers in the same round, only the
        # one whose update touches the row sends.
        claimed = (
            Case.objects.filter(pk=case.pk, due_at=case.due_at)
            .exclude(reminded_for=case.due_at)
            .update(reminded_for=case.due_at)
        )
        if not claimed:
            continue
        officer = case.assigned_to
        if officer is None or not officer.email or not officer.is_active:
            continue
        try:
            _send_reminder(case, officer)
        except Exception:
            # Not sent: give the claim back so that the next round tries again.
            Case.objects.filter(pk=case.pk, reminded_for=case.due_at).update(
                reminded_for=case.reminded_for
            )
            raise
        sent += 1
    return sent


def _send_reminder(case, officer):
    due = timezone.localtime(case.due_at, clock.zone(case.region.timezone))
    with translation.override("id"):
        send_mail(
            _("Deadline tomorrow: case %(case)s") % {"case": case},
            _("The current step of case %(case)s is due on %(due)s. Open it: %(link)s")
            % {
                "case": case,
                "due": due.strftime("%d-%m-%Y %H:%M"),
                "link": links.absolute("cases:detail", case.pk),
            },
            None,
            [officer.email],
        )


@transaction.atomic
def schedule_hearing(officer, case, *, party, name, scheduled_at, place):
    hearing = Hearing.objects.create(
        case=case,
        party=party,
        name=name,
        scheduled_at=scheduled_at,
        place=place,
        created_by=officer,
    )
    _log(
        case,
        officer,
        "hearing",
        text=f"{_hearing_party(hearing)}, "
        f"{timezone.localtime(scheduled_at):%d-%m-%Y %H:%M}, {place}",
    )
    return hearing


def _hearing_party(hearing):
    """Who is heard, as the timeline says it: the reporter is never named there, because BKN
    and the reported person's PPK read the timeline (the reporter's identity stays with
    Bawaslu)."""
    if hearing.party == hearing.Party.REPORTER:
        return str(hearing.get_party_display())
    return f"{hearing.get_party_display()}: {hearing.name}"


@transaction.atomic
def record_minutes(officer, hearing, minutes):
    if hearing.held_at is not None:
        raise Refused("minutes_recorded")  # the minutes (berita acara) are not rewritten
    if timezone.now() < hearing.scheduled_at:
        raise Refused("minutes_too_early")  # minutes record a hearing that took place
    hearing.minutes, hearing.held_at = minutes, timezone.now()
    hearing.save(update_fields=["minutes", "held_at"])
    _log(hearing.case, officer, "minutes", text=_hearing_party(hearing))
    return hearing


def touch(case, version):
    """Claim VERSION of CASE for a change recorded elsewhere (a decree, say)."""
    _bump(case, version)


def _bump(case, version, **changes):
    """Apply CHANGES to CASE if nobody changed it since VERSION; else Conflict."""
    if version != case.version:
        raise Conflict
    if not Case.objects.filter(pk=case.pk, version=version).update(
        version=F("version") + 1, **changes
    ):
        raise Conflict
    case.refresh_from_db()


def government_of(employee, case):
    """The region whose head is the staffing authority (PPK) of EMPLOYEE, else the case's."""
    if employee is not None:
        if employee.agency_id and employee.agency.region_id:
            return employee.agency.region
        return employee.region
    return case.region


def _new_respondent(
    case,
    *,
    employee=None,
    name="",
    nip="",
    subject_type="",
    agency="",
    position="",
    government=None,
):
    if employee is not None:
        name = name or employee.name
        nip = nip or (employee.nip or "")
        agency = agency or (employee.agency.name if employee.agency_id else "")
        position = position or employee.position
        subject_type = subject_type or employee.employment_type
    return Respondent.objects.create(
        case=case,
        employee=employee,
        name=name,
        nip=nip,
        agency=agency,
        position=position,
        subject_type=subject_type or SubjectType.UNKNOWN,
        government=government or government_of(employee, case),
    )


@transaction.atomic
def add_respondent(actor, case, *, version, **fields):
    """Name a reported person (terlapor); an employee from the roster fills in the rest."""
    if case.forwarded or case.state == wf.CLOSED:
        raise Refused("respondents_fixed")  # BKN and the PPK work on the persons forwarded
    _bump(case, version)
    respondent = _new_respondent(case, **fields)
    _log(case, actor, "respondent", text=str(respondent))
    return respondent


def _persons_may_change(case):
    if case.forwarded or case.state == wf.CLOSED:
        raise Refused("respondents_fixed")  # BKN and the PPK work on the persons forwarded


@transaction.atomic
def update_respondent(actor, case, respondent, *, version, employee=None, **fields):
    """Correct a reported person as typed, or link them to EMPLOYEE of the roster (whose entry
    then gives the name, NIP, agency, position and staffing authority): the reporter may have
    typed a name without a NIP, and the person must not stay on the case twice."""
    _persons_may_change(case)
    _bump(case, version)
    before = str(respondent)
    if employee is not None:
        respondent.employee = employee
        respondent.name = employee.name
        respondent.nip = employee.nip or ""
        respondent.agency = employee.agency.name if employee.agency_id else ""
        respondent.position = employee.position
        respondent.subject_type = employee.employment_type or SubjectType.UNKNOWN
        respondent.government = government_of(employee, case)
    else:
        for name in ("name", "subject_type", "agency", "position"):
            if name in fields:
                setattr(respondent, name, fields[name])
    respondent.save()
    _log(
        case,
        actor,
        "respondent_changed",
        text=f"{before} → {respondent}",
        data={"respondent": respondent.pk, "linked": employee is not None},
    )
    return respondent


@transaction.atomic
def remove_respondent(actor, case, respondent, *, version, reason):
    """Take a reported person off the case, with the reason, which is audited: letters and
    BKN's recommendation then list only the persons who remain."""
    _persons_may_change(case)
    reason = (reason or "").strip()
    if not reason:
        raise Refused("removal_reason_required")
    _bump(case, version)
    name = str(respondent)
    respondent.delete()
    _log(
        case,
        actor,
        "respondent_removed",
        text=f"{name}: {reason}",
        data={"respondent": name, "reason": reason},
    )


@transaction.atomic
def assign(actor, case, officer, *, version):
    """Give CASE to OFFICER (penanggung jawab), who must be a Bawaslu officer reaching it."""
    if (
        officer.role not in wf.BAWASLU
        or not officer.is_active
        or not region_in_scope(officer, case.region)
    ):
        raise Refused("not_assignable")
    _bump(case, version, assigned_to=officer)
    _log(case, actor, "assigned", text=officer.get_full_name() or officer.username)
    return case


@transaction.atomic
def add_note(actor, case, text):
    """An internal note: staff who reach the case read it; the reporter never does."""
    text = text.strip()
    if not text:
        raise Refused("empty_note")
    CaseEvent.objects.create(case=case, actor=actor, kind="note", text=text)
    record(actor, "case.note", case, region=case.region, data={"length": len(text)})


def attach(actor, case, *, title, data):
    """Check and store a file with the case; images lose their metadata (reports.evidence).

    Each staff member's attachments are counted per hour before the file is opened (decoding
    is the costly part), and the file is opened outside the transaction, so that no lock
    waits on it."""
    if not throttle.attempt(
        f"attach-user:{actor.pk}", settings.NETRA_EVIDENCE_ATTACHMENTS_PER_HOUR, 3600
    ):
        raise Refused("attachment_limit")
    cleaned = uploads.clean(data)
    with transaction.atomic():
        attachment = Attachment(
            case=case,
            title=title.strip()[:200],
            extension=cleaned.extension,
            content_type=cleaned.content_type,
            size=len(cleaned.content),
            sha256=cleaned.sha256_original,
            added_by=actor,
        )
        attachment.file.save(
            f"lampiran.{cleaned.extension}", ContentFile(cleaned.content), save=False
        )
        attachment.save()
        CaseEvent.objects.create(
            case=case,
            actor=actor,
            kind="attachment",
            text=f"{attachment.title} (SHA-256 {attachment.sha256[:16]}…)",
        )
        record(
            actor,
            "case.attachment",
            case,
            region=case.region,
            data={"attachment": attachment.pk, "sha256": attachment.sha256},
        )
    return attachment


@transaction.atomic
def merge(actor, duplicate, into, *, version, reason):
    """Close DUPLICATE into INTO (penggabungan): its reported persons join INTO, its reporter
    follows INTO's status, and both timelines say so."""
    if not reason.strip():
        raise Refused("reason_required")
    if duplicate.pk == into.pk:
        raise Refused("not_mergeable")
    # Both cases locked in id order, then checked as they are now: a case forwarded or merged
    # the other way meanwhile is not merged into.
    locked = {
        c.pk: c
        for c in Case.objects.select_for_update()
        .filter(pk__in=[duplicate.pk, into.pk])
        .order_by("pk")
    }
    into_now = locked[into.pk]
    if into_now.forwarded or into_now.merged_into_id or into_now.state == wf.CLOSED:
        raise Refused("not_mergeable")
    if (
        duplicate.forwarded
        or into.forwarded
        or wf.CLOSED in (duplicate.state, into.state)
        or into.merged_into_id
    ):
        raise Refused("not_mergeable")
    if duplicate.region_id != into.region_id or duplicate.election_id != into.election_id:
        raise Refused("not_mergeable")  # one office, one election: one decision
    old_state = duplicate.state
    _bump(duplicate, version, state=wf.CLOSED, merged_into=into, due_at=None)
    known = {(r.nip or r.name.casefold()) for r in into.respondents.all()}
    for person in duplicate.respondents.all():
        if (person.nip or person.name.casefold()) not in known:
            Respondent.objects.create(
                case=into,
                employee_id=person.employee_id,
                name=person.name,
                nip=person.nip,
                subject_type=person.subject_type,
                agency=person.agency,
                position=person.position,
                government_id=person.government_id,
            )
    Case.objects.filter(pk=into.pk).update(version=F("version") + 1)
    _log(
        duplicate,
        actor,
        "merged",
        from_state=old_state,
        to_state=wf.CLOSED,
        text=f"{into}: {reason}",
    )
    _log(into, actor, "merged_in", text=f"{duplicate}: {reason}")
    if into.state in REPORTER_STATUS:
        # Only the merged report's reporters hear of it: it now follows the other case.
        report_actions.tell_reporters(
            Submission.objects.filter(case=duplicate), REPORTER_STATUS[into.state]
        )
    return into


@transaction.atomic
def save_letter_template(actor, kind, body):
    """An administrator's new body for the letters of KIND; checked before it is kept."""
    letters.check_body(body)
    before = letters.body_for(kind)
    LetterTemplate.objects.update_or_create(kind=kind, defaults={"body": body, "updated_by": actor})
    record(
        actor,
        "letters.template_changed",
        None,
        data={
            "kind": kind,
            "before_sha256": hashlib.sha256(before.encode()).hexdigest(),
            "after_sha256": hashlib.sha256(body.encode()).hexdigest(),
        },
    )


@transaction.atomic
def reset_letter_template(actor, kind):
    """Back to the letter shipped with Netra."""
    if LetterTemplate.objects.filter(kind=kind).delete()[0]:
        record(actor, "letters.template_reset", None, data={"kind": kind})


@transaction.atomic
def record_list_export(officer, *, filters, rows, fmt):
    """The audit entry of an export of the case list: who, with which filters, how many rows,
    in which format (written before the rows are sent)."""
    record(
        officer,
        "cases.list_exported",
        None,
        data={"filters": filters, "rows": rows, "format": fmt},
    )

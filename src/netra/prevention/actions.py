"""Every change in prevention, with its audit entry, in one transaction."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netra.accounts import throttle
from netra.audit.log import record
from netra.lib.refusals import Refused
from netra.people.models import Employee

from . import attendance as reader
from .matching import MATCHED, Person, Roster
from .models import (
    Attendance,
    AttendanceUpload,
    Circular,
    CollectivePledge,
    Event,
    Pledge,
    PledgeCode,
)

PDF_MAGIC = b"%PDF-"


def region_employees(region):
    """Active employees of REGION and everything inside it."""
    return Employee.objects.filter(region.within_q(), active=True)


@transaction.atomic
def add_circular(actor, *, region, number, issued_on, issuer, subject, pdf=None):
    circular = Circular(
        region=region,
        number=number.strip(),
        issued_on=issued_on,
        issuer=issuer.strip(),
        subject=subject.strip(),
        created_by=actor,
    )
    if pdf:
        if not pdf.startswith(PDF_MAGIC):
            raise Refused("not_pdf")
        circular.sha256 = hashlib.sha256(pdf).hexdigest()
        circular.file.save("surat-edaran.pdf", ContentFile(pdf), save=False)
    circular.save()
    record(
        actor,
        "prevention.circular",
        circular,
        region=region,
        data={"number": circular.number, "sha256": circular.sha256},
    )
    return circular


@transaction.atomic
def add_event(actor, *, target_agencies=(), **fields):
    event = Event.objects.create(created_by=actor, **fields)
    event.target_agencies.set(target_agencies)
    record(
        actor,
        "prevention.event",
        event,
        region=event.region,
        data={"title": event.title, "kind": event.kind, "mode": event.mode},
    )
    return event


def read_files(files, event):
    """Parse every (name, bytes) file; refuse all of them if any row of any file is wrong."""
    parsed = []
    for name, data in files:
        try:
            result = reader.parse(
                data, filename=name, meeting_date=timezone.localtime(event.starts_at).date()
            )
        except reader.AttendanceFileError as error:
            raise Refused(f"file_{error.code}", filename=name, **error.params) from None
        if result.errors:
            raise Refused("rows", errors=result.errors, filename=name)
        parsed.append((name, data, result))
    return parsed


def roster_for(event):
    rows = region_employees(event.region).values_list("id", "nip", "name", "email", "agency_id")
    return Roster(
        [
            Person(pid, nip or "", name, email or "", agency)
            for pid, nip, name, email, agency in rows.iterator(chunk_size=20_000)
        ]
    )


@transaction.atomic
def import_attendance(actor, event, files):
    """Read the files (one meeting's exports, or sign-in sheets), merge them, match every
    attendee to the roster and store the result; nothing is stored if any file is refused."""
    parsed = read_files(files, event)
    known = set(event.uploads.values_list("sha256", flat=True))
    for name, data, _result in parsed:
        if hashlib.sha256(data).hexdigest() in known:
            raise Refused("already_imported", filename=name)
    roster = roster_for(event)
    targets = set(event.target_agencies.values_list("id", flat=True)) or None
    uploads = []
    for name, data, result in parsed:
        uploads.append(
            AttendanceUpload.objects.create(
                event=event,
                original_name=name[:255],
                layout=result.layout,
                sha256=hashlib.sha256(data).hexdigest(),
                attendees=len(result.attendees),
                uploaded_by=actor,
            )
        )
    people = reader.merge([result for _n, _d, result in parsed])
    rows, counts = [], {"matched": 0, "uncertain": 0, "unmatched": 0}
    for person in people:
        match = roster.match(
            name=person.name, nip=person.nip, email=person.email, target_agencies=targets
        )
        counts[match.status] += 1
        attended = person.minutes is None or person.minutes >= event.min_minutes
        rows.append(
            Attendance(
                event=event,
                upload=uploads[0],
                name=person.name[:300],
                email=person.email[:254],
                nip=person.nip[:18],
                agency_text=person.agency[:255],
                minutes=person.minutes,
                guest=person.guest,
                attended=attended,
                status=match.status,
                employee_id=match.employee_id if match.status == MATCHED else None,
                method=match.method,
                score=match.score,
                candidates=[[pid, score] for pid, score in match.candidates],
            )
        )
    Attendance.objects.bulk_create(rows, batch_size=5_000)
    record(
        actor,
        "prevention.attendance_imported",
        event,
        region=event.region,
        data={"files": [n for n, _d, _r in parsed], "attendees": len(rows), **counts},
    )
    return counts


@transaction.atomic
def review(actor, row, employee_id=None):
    """An officer's decision on an uncertain (or any) row: this employee, or nobody."""
    if employee_id is None:
        row.status, row.employee_id = Attendance.Status.REJECTED, None
    else:
        allowed = {pid for pid, _score in row.candidates}
        if (
            employee_id not in allowed
            and not region_employees(row.event.region).filter(pk=employee_id).exists()
        ):
            raise Refused("not_in_region")
        row.status, row.employee_id = Attendance.Status.CONFIRMED, employee_id
    row.method, row.reviewed_by = "review", actor
    row.save(update_fields=["status", "employee", "method", "reviewed_by"])
    record(
        actor,
        "prevention.attendance_reviewed",
        row.event,
        region=row.event.region,
        data={"row": row.pk, "employee": employee_id},
    )
    return row


@transaction.atomic
def add_collective_pledge(actor, event, *, agencies, signatories, text=""):
    if not signatories.strip() or not agencies:
        raise Refused("collective_incomplete")
    pledge = CollectivePledge.objects.create(
        event=event, signatories=signatories.strip(), text=text.strip(), created_by=actor
    )
    pledge.agencies.set(agencies)
    record(
        actor,
        "prevention.collective_pledge",
        event,
        region=event.region,
        data={"agencies": [a.pk for a in agencies]},
    )
    return pledge


def _reference():
    return "IKR-" + secrets.token_hex(4).upper()


@transaction.atomic
def import_signed_pledges(actor, region, name, data, election=None):
    """A signed pledge list (sign-in-sheet layout): a pledge for every row matched to the
    region's roster by NIP, e-mail or a sure name; the rest is returned, not guessed."""
    try:
        parsed = reader.parse(data, filename=name)
    except reader.AttendanceFileError as error:
        raise Refused(f"file_{error.code}", filename=name, **error.params) from None
    if parsed.errors:
        raise Refused("rows", errors=parsed.errors, filename=name)
    roster = Roster(
        [
            Person(pid, nip or "", n, email or "", agency)
            for pid, nip, n, email, agency in region_employees(region).values_list(
                "id", "nip", "name", "email", "agency_id"
            )
        ]
    )
    already = set(
        Pledge.objects.filter(employee__in=region_employees(region)).values_list(
            "employee_id", flat=True
        )
    )
    created, left_out = [], []
    for person in parsed.attendees:
        match = roster.match(name=person.name, nip=person.nip, email=person.email)
        if match.status != MATCHED:
            left_out.append(person.name)
        elif match.employee_id not in already:
            already.add(match.employee_id)
            created.append(
                Pledge(
                    employee_id=match.employee_id,
                    method=Pledge.Method.SIGNED_LIST,
                    election=election,
                    reference=_reference(),
                )
            )
    Pledge.objects.bulk_create(created, ignore_conflicts=True)
    record(
        actor,
        "prevention.signed_pledges",
        None,
        region=region,
        data={"file": name, "pledges": len(created), "left_out": len(left_out)},
    )
    return len(created), left_out


def _code_hash(code, token):
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{token}:{code}".encode(), hashlib.sha256
    ).hexdigest()


def request_pledge_code(nip, *, client_key):
    """E-mail a one-time code to the roster address of NIP. Returns (token, sent): a NIP that
    is on no roster, or has no e-mail there, gets a token too, which names no attempt (sent is
    False), so that the answer never tells who is on a roster."""
    window = 3600
    keys = [f"pledge-code:ip:{client_key}", f"pledge-code:nip:{nip}"]
    # Counted as they are checked, in one statement each, so parallel requests cannot overrun
    # the limits; unknown NIPs count against them too.
    if not throttle.attempt(
        keys[0], settings.NETRA_PLEDGE_CODES_PER_HOUR * 3, window
    ) or not throttle.attempt(keys[1], settings.NETRA_PLEDGE_CODES_PER_HOUR, window):
        raise Refused("too_many")
    employee = Employee.objects.filter(nip=nip, active=True).first()
    code, token = f"{secrets.randbelow(10**6):06d}", secrets.token_urlsafe(32)
    if employee is None or not employee.email:
        return token, False
    PledgeCode.objects.create(
        employee=employee,
        code_hash=_code_hash(code, token),
        token=token,
        expires_at=timezone.now() + timedelta(minutes=settings.NETRA_PLEDGE_CODE_MINUTES),
    )
    with translation.override("id"):
        send_mail(
            _("Your Netra pledge code"),
            _(
                "Your code to confirm the neutrality pledge is %(code)s. It is valid for "
                "%(minutes)s minutes and can be used once. If you did not ask for it, "
                "ignore this e-mail."
            )
            % {"code": code, "minutes": settings.NETRA_PLEDGE_CODE_MINUTES},
            None,
            [employee.email],
        )
    return token, True


MAX_CODE_ATTEMPTS = 5


def confirm_pledge(token, code, election=None):
    """Check the code of attempt TOKEN and record the pledge; Refused names what went wrong."""
    with transaction.atomic():
        attempt = (
            PledgeCode.objects.select_for_update()
            .select_related("employee")
            .filter(token=token)
            .first()
        )
        if attempt is None:
            raise Refused("code_unknown")
        if attempt.used_at is not None:
            raise Refused("code_used")
        if attempt.expires_at < timezone.now() or attempt.attempts >= MAX_CODE_ATTEMPTS:
            raise Refused("code_expired")
        attempt.attempts += 1
        if not hmac.compare_digest(attempt.code_hash, _code_hash(code.strip(), token)):
            attempt.save(update_fields=["attempts"])
            failed = True
        else:
            failed = False
            attempt.used_at = timezone.now()
            attempt.save(update_fields=["attempts", "used_at"])
            pledge, created = Pledge.objects.get_or_create(
                employee=attempt.employee,
                method=Pledge.Method.ONLINE,
                defaults={"election": election, "reference": _reference()},
            )
            if created:
                record(
                    None,
                    "prevention.pledge",
                    pledge,
                    region=attempt.employee.region,
                    data={"reference": pledge.reference},
                )
    if failed:  # outside the transaction: the attempt count must stay counted
        raise Refused("code_wrong", left=MAX_CODE_ATTEMPTS - attempt.attempts)
    return pledge

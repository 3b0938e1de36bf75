"""Letters as PDF, in Indonesian, from the templates in templates/cases/letters/.

Official letters stay in Bahasa Indonesia whatever language the officer's screen is in.

An administrator may rewrite a letter's body (letters.py), so a template sees only plain
values of the fields a letter may show: dictionaries, lists and strings built here, never a
model instance or a queryset, from which `{{ case.region.staff.values }}` would reach password
hashes. The PDF is made by netra.common.pdf, which fetches nothing but the app's static files.

Rendering takes about a second, so it happens before any transaction opens: the letter is
rendered from the case as it is, then one short transaction checks that the case has not
moved on meanwhile and stores the file, its hash, the timeline line and the audit entry
together. A render that fails stores nothing.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from netra.audit.log import record
from netra.common import pdf as pdf_lib
from netra.lib.calendar import format_date_id

from . import letters
from . import workflow as wf
from .actions import Conflict, Refused
from .models import Case, CaseDocument, CaseEvent

logger = logging.getLogger("netra.letters")
#: How often a letter is rendered again when its case changed while it rendered.
ATTEMPTS = 3


class Fields(dict):
    """A record's fields for a template: a plain dictionary that prints as its label
    (``{{ case }}`` gives the case's number, as the model did)."""

    def __init__(self, label, **values):
        super().__init__(**values)
        self.label = label

    def __str__(self):
        return self.label


class Rows(list):
    """A list of Fields that also answers ``.all`` and ``.first``, as the querysets that
    letter templates were first written against did."""

    def all(self):
        return self

    def first(self):
        return self[0] if self else None


def _plain(value):
    """A value a template may print: text, numbers, dates; anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):  # date, datetime (the date filter formats it)
        return value
    return str(value)


def _person_name(user):
    if user is None:
        return None
    return Fields(
        user.get_full_name() or user.get_username(),
        username=user.get_username(),
        get_full_name=user.get_full_name(),
        first_name=user.first_name,
        last_name=user.last_name,
    )


def _region(region):
    return Fields(
        region.name,
        code=region.code,
        name=region.name,
        level=region.level,
        get_level_display=str(region.get_level_display()),
        timezone=region.timezone,
    )


def _election(election):
    return Fields(
        str(election),
        code=election.code,
        kind=election.kind,
        get_kind_display=str(election.get_kind_display()),
        name_id=election.name_id,
        name_en=election.name_en,
        voting_date=election.voting_date,
    )


def _respondent(respondent):
    return Fields(
        str(respondent),
        name=respondent.name,
        nip=respondent.nip,
        agency=respondent.agency,
        position=respondent.position,
        subject_type=respondent.subject_type,
        get_subject_type_display=str(respondent.get_subject_type_display()),
    )


def recommendation_fields(recommendation):
    """What a letter shows of BKN's recommendation; the same for a row not yet saved, so that
    the letter can be rendered before the recommendation is recorded."""
    return Fields(
        recommendation.sanction,
        respondent=_respondent(recommendation.respondent),
        verification=recommendation.verification,
        employment=recommendation.employment,
        track=recommendation.track,
        level=recommendation.level,
        codes=list(recommendation.codes),
        legal_basis=list(recommendation.legal_basis),
        criminal_referral=recommendation.criminal_referral,
        sanction=recommendation.sanction,
        catalog_version=recommendation.catalog_version,
        due_at=recommendation.due_at,
    )


def _event(event):
    return Fields(
        event.text,
        at=event.at,
        kind=event.kind,
        from_state=event.from_state,
        to_state=event.to_state,
        from_label=str(event.from_label),
        to_label=str(event.to_label),
        text=event.text,
        actor=_person_name(event.actor),
    )


def case_fields(case, recommendations=None):
    """The case as a letter may show it. RECOMMENDATIONS: rows to show instead of the saved
    ones (the recommendation letter is rendered before they are saved)."""
    if recommendations is None:
        recommendations = case.recommendations.select_related("respondent")
    return Fields(
        str(case),
        pk=case.pk,
        id=case.pk,
        number=case.number,
        summary=case.summary,
        source=case.source,
        get_source_display=str(case.get_source_display()),
        state=case.state,
        state_label=str(case.state_label),
        received_at=case.received_at,
        due_at=case.due_at,
        extended=case.extended,
        opened_at=case.opened_at,
        forwarded=case.forwarded,
        region=_region(case.region),
        election=_election(case.election),
        assigned_to=_person_name(case.assigned_to),
        recommendations=Rows(recommendation_fields(r) for r in recommendations),
    )


def letter_context(case, details, recommendations=None):
    """Everything a letter template gets: plain values only."""
    return {
        "case": case_fields(case, recommendations),
        "details": {str(k): _plain(v) for k, v in (details or {}).items()},
        "today": format_date_id(timezone.localdate(), weekday=False),
        "events": Rows(_event(e) for e in case.events.select_related("actor")),
        "persons": Rows(_respondent(r) for r in case.respondents.all()),
    }


def letter_html(case, kind, details, recommendations=None):
    """The letter as HTML, from the administrator's template of KIND or the default file."""
    with translation.override("id"):
        return letters.render_html(kind, letter_context(case, details, recommendations))


@dataclass
class Letter:
    """A rendered letter of a case, not yet stored."""

    case_version: int
    kind: str
    pdf: bytes
    sha256: str
    stored_name: str = field(default="", repr=False)

    def discard(self):
        """Remove the file stored for a letter whose transaction did not commit."""
        if self.stored_name:
            CaseDocument.file.field.storage.delete(self.stored_name)
            self.stored_name = ""


def render(case, kind, details=None, recommendations=None):
    """Render KIND for CASE as it is now; call it with no transaction open. A template or
    renderer failure is logged and refused, so that the officer gets a message."""
    try:
        pdf = pdf_lib.render(letter_html(case, kind, details or {}, recommendations))
    except Exception:
        logger.exception("letter %s of case %s could not be rendered", kind, case.pk)
        raise Refused("letter_failed") from None
    return Letter(
        case_version=case.version, kind=kind, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest()
    )


def store(actor, case, letter):
    """Keep LETTER with CASE: file, hash, timeline line and audit entry. Call it inside the
    transaction of the change the letter belongs to."""
    document = CaseDocument(case=case, kind=letter.kind, sha256=letter.sha256, created_by=actor)
    document.file.save("letter.pdf", ContentFile(letter.pdf), save=False)
    letter.stored_name = document.file.name
    document.save()
    CaseEvent.objects.create(
        case=case,
        actor=actor,
        kind="document",
        text=f"{document.get_kind_display()} (SHA-256 {letter.sha256[:16]}…)",
    )
    record(
        actor,
        "case.document_generated",
        case,
        region=case.region,
        data={"kind": letter.kind, "sha256": letter.sha256, "document": document.pk},
    )
    return document


def generate(actor, case, kind, details=None):
    """Render, store and hash a letter; it joins the case's timeline and the audit log.

    The PDF is rendered outside any transaction. If the case changed while it rendered (its
    version moved on), the letter would show an old state: it is rendered again from the
    case as it now is, and after a few tries the change is refused as a conflict."""
    for _attempt in range(ATTEMPTS):
        letter = render(case, kind, details)
        try:
            with transaction.atomic():
                current = (
                    Case.objects.select_for_update()
                    .filter(pk=case.pk)
                    .values_list("version", flat=True)
                    .first()
                )
                document = store(actor, case, letter) if current == letter.case_version else None
        except BaseException:
            letter.discard()  # nothing committed: the file must not outlive its record
            raise
        if document is not None:
            return document
        case.refresh_from_db()
    raise Conflict


def letter_details(case, officer, cleaned):
    """What a letter needs beyond the case: the form's fields, the officer, the reason given."""
    details = dict(cleaned, officer=officer.get_full_name())
    if case.state == wf.NOT_REGISTERED:
        last = case.events.filter(to_state=wf.NOT_REGISTERED).last()
        details["reason"] = last.text if last else ""
    return details

"""Letters as PDF, in Indonesian, from the templates in templates/cases/letters/.

Official letters stay in Bahasa Indonesia whatever language the officer's screen is in.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from netra.audit.log import record
from netra.lib.calendar import format_date_id

from . import letters
from .models import CaseDocument, CaseEvent


def letter_html(case, kind, details):
    """The letter as HTML, from the administrator's template of KIND or the default file."""
    with translation.override("id"):
        return letters.render_html(kind, {
            "case": case, "details": details, "today": format_date_id(timezone.localdate(),
                                                                      weekday=False),
            "events": case.events.select_related("actor"),
            "persons": case.respondents.all(),
        })


def render_pdf(case, kind, details):
    from weasyprint import HTML

    return HTML(string=letter_html(case, kind, details)).write_pdf()


@transaction.atomic
def generate(actor, case, kind, details=None):
    """Render, store and hash a letter; it joins the case's timeline and the audit log."""
    pdf = render_pdf(case, kind, details or {})
    digest = hashlib.sha256(pdf).hexdigest()
    document = CaseDocument(case=case, kind=kind, sha256=digest, created_by=actor)
    document.file.save("letter.pdf", ContentFile(pdf), save=False)
    document.save()
    CaseEvent.objects.create(case=case, actor=actor, kind="document",
                             text=f"{document.get_kind_display()} (SHA-256 {digest[:16]}…)")
    record(actor, "case.document_generated", case, region=case.region,
           data={"kind": kind, "sha256": digest, "document": document.pk})
    return document

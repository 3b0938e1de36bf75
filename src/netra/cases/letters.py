"""Letter templates: the files in templates/cases/letters/ are the defaults; an administrator's
version of a letter's body (LetterTemplate) replaces the file's body block. The letterhead,
signature block and integrity line stay in _base.html for every letter.
"""

import re
from pathlib import Path

from django.template import TemplateSyntaxError, engines
from django.utils.translation import gettext as _

from .models import LetterTemplate

LETTERS_DIR = Path(__file__).resolve().parent.parent / "templates" / "cases" / "letters"
BODY = re.compile(r"\{% block body %\}(.*)\{% endblock %\}", re.S)
#: The only tags a letter may use: conditions, loops, and plain formatting. Anything else
#: ({% url %}, {% include %}, {% load %}...) could fail at every letter or reach other templates.
ALLOWED_TAGS = {
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "empty",
    "endfor",
    "with",
    "endwith",
    "comment",
    "endcomment",
    "firstof",
    "spaceless",
    "endspaceless",
    "now",
    "templatetag",
    "widthratio",
    "cycle",
}
TAG = re.compile(r"\{%\s*(\w+)")
#: Values a letter may never print: credentials, sealed identities, receipt hashes.
SECRET_WORDS = re.compile(
    r"\{[{%][^}]*\b(password|totp\w*|secret\w*|identity_sealed|"
    r"reporter_nik_hash|receipt_hash|recovery\w*|session\w*)\b"
)
#: What a body may use, shown beside the editor.
PLACEHOLDERS = [
    "case.number",
    "case.summary",
    "case.region.name",
    "case.election.name_id",
    "case.received_at",
    "details.recipient",
    "details.capacity",
    "details.when",
    "details.place",
    "details.reason",
    "details.officer",
    "today",
    "persons",
    "events",
]


class BadTemplate(ValueError):
    """The body cannot be used; the message says why, in the user's language."""


def default_body(kind):
    text = (LETTERS_DIR / f"{kind}.html").read_text(encoding="utf-8")
    return BODY.search(text).group(1).strip()


def body_for(kind):
    custom = LetterTemplate.objects.filter(kind=kind).values_list("body", flat=True).first()
    return custom if custom is not None else default_body(kind)


def _compile(body):
    return engines["django"].from_string(
        '{% extends "cases/letters/_base.html" %}{% block body %}' + body + "{% endblock %}"
    )


def check_body(body):
    """Raise BadTemplate unless BODY compiles and uses only plain tags and filters."""
    if not body.strip():
        raise BadTemplate(_("The letter body is empty."))
    secret = SECRET_WORDS.search(body)
    if secret:
        raise BadTemplate(
            _("The tag “%(tag)s” cannot be used in a letter.") % {"tag": secret.group(1)}
        )
    forbidden = next((t for t in TAG.findall(body) if t not in ALLOWED_TAGS), None)
    if forbidden:
        raise BadTemplate(_("The tag “%(tag)s” cannot be used in a letter.") % {"tag": forbidden})
    try:
        _compile(body)
    except TemplateSyntaxError as error:
        raise BadTemplate(_("The template has an error: %(error)s") % {"error": error}) from None


def render_html(kind, context):
    return _compile(body_for(kind)).render(context)

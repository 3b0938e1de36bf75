"""The case refusal catalog: the user's-language message of every code a case change is
refused with (by cases/actions.py, cases/workflow.py and the case pages and API). The
sanctions codes are in sanctions/refusals.py."""

from django.utils.translation import gettext_lazy as _

from netra.lib import refusals

from .models import STATE_LABELS

REFUSALS = {
    "unknown_state": _("That step does not exist."),
    "not_allowed": _("The case cannot go from “%(current)s” to that step."),
    "wrong_role": _("Your role may not take this step."),
    "reason_required": _(
        "Write the reason: it is recorded and, where the law says so, sent to the reporter."
    ),
    "needs_record": _("This step is taken by recording the recommendation or the decree below."),
    "needs_respondent": _("Name at least one reported person before forwarding the case."),
    "removal_reason_required": _("Say why this person is removed: the reason is audited."),
    "respondents_fixed": _("The reported persons of a forwarded or closed case cannot change."),
    "not_assignable": _("Only an active Bawaslu officer who reaches this region can be assigned."),
    "empty_note": _("Write the note."),
    "not_mergeable": _(
        "Only open, unforwarded cases of the same office and election can be merged."
    ),
    # The code's name is older than its use: the API's attachments answer it too.
    "decree_file_too_large": _("The file is too large."),
    "minutes_recorded": _("The minutes of this hearing are recorded and cannot be rewritten."),
    "minutes_too_early": _("The minutes can be recorded once the hearing has taken place."),
    "attachment_incomplete": _("Give the attachment a title and choose a file."),
    "attachment_type": _(
        "This file cannot be attached: use a photo (JPEG, PNG, WebP, GIF, "
        "HEIC), a video (MP4, WebM) or a PDF."
    ),
    "attachment_limit": _("You have attached many files in the last hour; try again later."),
    "hearing_incomplete": _("A hearing needs who, when and where; minutes need their text."),
    "letter_failed": _(
        "The letter could not be made; nothing was saved. Check the letter "
        "template, or tell the administrator."
    ),
    "conflict": _("The case was changed meanwhile; reload it."),
}


def refusal_message(code, case, catalog=REFUSALS):
    """The user's-language message for a refused case change (CODE, or a Refused)."""
    code = getattr(code, "code", code)
    state = case.state if case is not None else ""
    return refusals.message(catalog, code, current=STATE_LABELS.get(state, state))


def message_for(case):
    """What netra.common.refusals.attempt needs: a refusal's message on CASE."""
    return lambda refused: refusal_message(refused, case)

"""The sanctions refusal catalog: BKN's recommendation, the PPK's decree, the follow-up steps
and the violation catalog. A code not found here is a case code (cases/refusals.py): the
sanctions actions move cases too."""

from django.utils.translation import gettext_lazy as _

from netra.cases.refusals import REFUSALS as CASE_REFUSALS
from netra.cases.refusals import refusal_message as case_refusal_message

REFUSALS = {
    "verification_required": _("Write the result of the verification."),
    "sanction_required": _("Give the recommended sanction for every reported person."),
    "not_awaiting_decree": _("This case is not waiting for a PPK decision."),
    "decree_incomplete": _("A decree needs its number, date, sanction and PDF."),
    "decree_file_required": _("Attach the signed decree as a PDF."),
    "decree_file_not_pdf": _("The decree file is not a PDF."),
    "deviation_reason_required": _(
        "A sanction other than the lawful options needs a written reason."
    ),
    "proposal_unknown_kind": _("A conduct is not in the catalog in use."),
    "proposal_unknown_employment": _("Choose the employment of every reported person."),
    "proposal_no_conduct": _("Give at least one proven conduct."),
    "proposal_bad_date": _("Give each conduct's date as YYYY-MM-DD."),
    "proposal_date_range": _(
        "Give each conduct's date between 1 January 2000 and 31 December 2100."
    ),
    "step_already_taken": _("This step has already been recorded."),
    "already_recommended": _("BKN has already recommended on this case."),
    "decree_date": _("The decree date cannot be in the future or before the case was received."),
    "catalog_busy": _("Someone saved the catalog at the same moment; save again."),
    "catalog_note_required": _("Say why the catalog changes: it is kept with the new version."),
    "catalog_unknown_code": _("That code is not in the catalog."),
    "catalog_bad_level": _("Choose one of the catalog's levels."),
}


def refusal_message(code, case):
    """The user's-language message for a refused sanctions change (CODE, or a Refused)."""
    return case_refusal_message(code, case, CASE_REFUSALS | REFUSALS)


def message_for(case):
    """What netra.common.refusals.attempt needs: a refusal's message on CASE."""
    return lambda refused: refusal_message(refused, case)

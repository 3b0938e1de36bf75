"""The privacy refusal catalog: the user's-language message of every code a privacy change is
refused with (privacy/actions.py)."""

from django.utils.translation import gettext_lazy as _

from netra.lib.refusals import Conflict

REFUSALS = {
    "hold_needs_reason": _("Write the reason for the legal hold."),
    "hold_exists": _("This case is already under a legal hold."),
    "no_hold": _("This case is not under a legal hold."),
    "handled": _("This request has already been handled."),
    "refusal_needs_reason": _("Write why the request is refused."),
    "conflict": _("Someone else changed this in the meantime. Reload the page and try again."),
}


def message_for(error):
    code = "conflict" if isinstance(error, Conflict) else error.code
    return str(REFUSALS[code]) % getattr(error, "params", {})

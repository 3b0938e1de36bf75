"""The account refusal catalog: the message of every code an account change is refused with
(accounts/actions.py and cases/transfer.py, which moves a transferred officer's work)."""

from django.utils.translation import gettext_lazy as _

from netra.lib import refusals

REFUSALS = {
    "reason_required": _("Write the reason: it is recorded in the audit log."),
    "reason_too_long": _("The reason may be at most 500 characters."),
    "not_yourself": _("You cannot deactivate your own account."),
    "already_inactive": _("This account is already deactivated."),
    "already_active": _("This account is already active."),
    "last_admin": _("This is the last active administrator: make another one first."),
    "cannot_enrol": _("An enrolment link goes to an active account with an e-mail address."),
    "successor_required": _("Choose who takes over the open work."),
    "successor_unfit": _(
        "That officer cannot take over this work: choose an active officer who may be "
        "assigned it and who reaches every region of it."
    ),
    "nothing_to_move": _("This account has no open cases or reports to move."),
    "unknown": _(
        "This link does not work. It may have been replaced by a newer one. Ask your "
        "administrator for a new link."
    ),
    "used": _(
        "This link has already been used. Sign in with the password you chose, or ask your "
        "administrator for a new link."
    ),
    "expired": _("This link has expired. Ask your administrator for a new link."),
    "conflict": _("Someone changed this work at the same time. Open the page again and retry."),
}


def message_for(error):
    return refusals.message(REFUSALS, error.code, **getattr(error, "params", {}))

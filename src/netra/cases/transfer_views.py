"""The administrator's page for a transferred officer (mutasi): deactivate the account with a
reason, and move its open cases and reports to an officer with the same reach, or only move
them (cases/transfer.py does the work)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netra.accounts.access import get_or_404, require
from netra.accounts.models import User
from netra.accounts.refusals import REFUSALS, message_for
from netra.lib.refusals import Refused

from . import transfer

NOBODY = "nobody"


class TransferForm(forms.Form):
    successor = forms.ChoiceField(
        label=gettext_lazy("Who takes over the open work"),
        required=False,
        error_messages={"invalid_choice": REFUSALS["successor_unfit"]},
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=gettext_lazy("For example: transferred to Bawaslu Kota Surabaya from 1 March."),
    )

    def __init__(self, *args, officer, successors, has_work, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_work = has_work
        self.successors = {str(u.pk): u for u in successors}
        choices = [("", gettext_lazy("— choose an officer —"))]
        choices += [(pk, _label(u)) for pk, u in self.successors.items()]
        choices.append((NOBODY, gettext_lazy("Nobody for now: the office assigns the work later")))
        self.fields["successor"].choices = choices
        if not has_work:
            del self.fields["successor"]

    def clean(self):
        data = super().clean()
        data["reason"] = " ".join(data.get("reason", "").split())
        if self.has_work and "successor" in data and not data["successor"]:
            self.add_error("successor", REFUSALS["successor_required"])
        return data

    def chosen(self):
        """The chosen successor (None for nobody)."""
        value = self.cleaned_data.get("successor", NOBODY)
        return None if value == NOBODY else self.successors[value]


def _label(user):
    regions = ", ".join(r.name for r in list(user.regions.all())[:5]) or _("national")
    return f"{user.get_full_name() or user.username} ({user.get_role_display()}; {regions})"


@login_required
def account_transfer(request, user_id):
    require(request.user, "accounts.manage")
    officer = get_or_404(User.objects.all(), request.user, region_field="regions", pk=user_id)
    counts = transfer.work_counts(officer)
    has_work = bool(counts["cases"] or counts["reports"])
    successors = transfer.successors(officer) if has_work else []
    form = TransferForm(
        request.POST or None, officer=officer, successors=successors, has_work=has_work
    )
    deactivating = request.POST.get("do") != "move" and officer.is_active
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        successor = form.chosen() if has_work else None
        try:
            if deactivating:
                moved = transfer.deactivate_and_reassign(
                    request.user, officer, successor, reason=reason, move=has_work
                )
            elif has_work:
                moved = transfer.reassign_open_work(request.user, officer, successor, reason=reason)
            else:
                raise Refused("nothing_to_move")
        except Refused as refused:
            field = "reason" if refused.code.startswith("reason") else None
            if refused.code == "successor_unfit" and "successor" in form.fields:
                field = "successor"
            form.add_error(field, message_for(refused))
        else:
            done = (
                _("The account is deactivated and signed out.")
                if deactivating
                else _("The open work has been moved.")
            )
            if moved["cases"] or moved["reports"]:
                done += " " + _("%(cases)s cases and %(reports)s reports moved to %(to)s.") % {
                    "cases": moved["cases"],
                    "reports": moved["reports"],
                    "to": (successor.get_full_name() or successor.username)
                    if successor
                    else _("nobody yet"),
                }
            messages.success(request, done)
            return redirect("accounts:user_edit", user_id=officer.pk)
    return render(
        request,
        "accounts/transfer.html",
        {
            "account": officer,
            "form": form,
            "counts": counts,
            "has_work": has_work,
            "successors": successors,
        },
    )

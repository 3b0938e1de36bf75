"""The privacy pages: legal holds on a case (staff), and data-subject requests (a public form,
and the staff's queue)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from netra.accounts.access import case_or_404, require, restrict_cases
from netra.cases.models import Case
from netra.lib.refusals import Refused

from . import actions
from .forms import HoldForm
from .models import LegalHold
from .refusals import message_for


@login_required
@never_cache
def legal_hold(request, case_id):
    """A case's legal hold: its state and history, and the form that sets or lifts it."""
    require(request.user, "privacy.hold")
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=case_id)
    hold = actions.active_hold(case)
    form = HoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = actions.lift_hold if hold is not None else actions.set_hold
        try:
            change(request.user, case, form.cleaned_data["reason"])
        except Refused as error:
            form.add_error("reason", message_for(error))
        else:
            return redirect("privacy:hold", case_id=case.pk)
    history = LegalHold.objects.filter(case=case).select_related("set_by", "lifted_by")
    return render(
        request,
        "privacy/hold.html",
        {"case": case, "hold": hold, "form": form, "history": history},
    )


@login_required
def holds(request):
    """The cases within reach that are under a legal hold now."""
    require(request.user, "privacy.hold")
    cases = restrict_cases(Case.objects.all(), request.user)
    active = (
        LegalHold.objects.filter(lifted_at__isnull=True, case__in=cases.values("pk"))
        .select_related("case", "set_by")
        .order_by("-set_at")[:500]
    )
    return render(request, "privacy/holds.html", {"holds": active})

"""The privacy pages: legal holds on a case (staff), and data-subject requests (a public form,
and the staff's queue)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from netra.accounts.access import (
    case_or_404,
    data_request_or_404,
    may_open_report,
    require,
    restrict_cases,
    restrict_data_requests,
)
from netra.accounts.throttle import client_ip
from netra.cases.models import Case
from netra.common.forms import positive_id
from netra.lib.refusals import Conflict, Refused
from netra.reports.models import Submission

from . import actions
from .forms import HandleForm, HoldForm, RequestForm
from .models import DataRequest, LegalHold
from .refusals import message_for

#: The session key of the request just registered, for its receipt page.
REGISTERED_KEY = "privacy_request"


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
    # A case to hold, by its register number or its number in Netra (#12): found only
    # within reach, so a case elsewhere is "not found" like one that does not exist.
    wanted = request.GET.get("kasus", "").strip()[:80]
    not_found = False
    if wanted:
        pk = positive_id(wanted.lstrip("#"))
        found = cases.filter(Q(number=wanted) | Q(pk=pk or 0)).order_by("pk").first()
        if found is not None:
            return redirect("privacy:hold", case_id=found.pk)
        not_found = True
    active = (
        LegalHold.objects.filter(lifted_at__isnull=True, case__in=cases.values("pk"))
        .select_related("case", "set_by")
        .order_by("-set_at")[:500]
    )
    return render(
        request,
        "privacy/holds.html",
        {"holds": active, "wanted": wanted, "not_found": not_found},
    )


# ---- the public: the privacy notice and the request form -----------------------------------


def notice(request):
    """What Netra keeps about people, for how long, and how to ask for one's data."""
    periods = settings.NETRA_RETENTION
    return render(
        request,
        "privacy/notice.html",
        {"periods": periods, "hours": settings.NETRA_PRIVACY_REQUEST_HOURS},
    )


@never_cache
def request_form(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST":
        address = client_ip(request)
        try:
            actions.count_request(address)  # before the receipt's hash and the vault
        except actions.Throttled:
            return render(
                request, "privacy/request_form.html", {"form": form, "throttled": True}, status=429
            )
        if form.is_valid():
            d = form.cleaned_data
            registered = actions.register_request(
                kind=d["kind"],
                relation=d["relation"],
                region=d["region"],
                name=d["name"],
                contact=d["contact"],
                text=d["text"],
                receipt=d["receipt"],
            )
            request.session[REGISTERED_KEY] = registered.pk
            return redirect("privacy:request_received")
        actions.give_back_request(address)
    return render(
        request,
        "privacy/request_form.html",
        {"form": form, "hours": settings.NETRA_PRIVACY_REQUEST_HOURS},
    )


@never_cache
def request_received(request):
    """The request's number and deadline: the same page whether a receipt code given with it
    matched a report or not."""
    pk = request.session.get(REGISTERED_KEY)
    registered = DataRequest.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if registered is None:
        return redirect("privacy:request")
    return render(request, "privacy/request_received.html", {"registered": registered})


# ---- staff: the queue and one request ------------------------------------------------------


@login_required
def queue(request):
    """The requests within reach, open ones first by deadline, with the overdue ones marked."""
    require(request.user, "privacy.requests")
    show_all = request.GET.get("semua") == "1"
    rows = restrict_data_requests(DataRequest.objects.select_related("region"), request.user)
    if not show_all:
        rows = rows.filter(status=DataRequest.Status.OPEN)
    now = timezone.now()
    rows = list(rows.order_by("due_at", "pk")[:500])
    for row in rows:
        row.overdue = row.overdue_at(now)
    return render(
        request,
        "privacy/queue.html",
        {"rows": rows, "show_all": show_all, "overdue": sum(row.overdue for row in rows)},
    )


@login_required
@never_cache
def request_detail(request, request_id):
    require(request.user, "privacy.requests")
    item = data_request_or_404(
        DataRequest.objects.select_related("region", "handled_by"), request.user, pk=request_id
    )
    form = HandleForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.handle_request(
                request.user,
                item,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            )
        except (Refused, Conflict) as error:
            form.add_error(None, message_for(error))
        else:
            return redirect("privacy:request_detail", request_id=item.pk)
    report = None
    if item.submission_id and may_open_report(
        request.user, Submission.objects.filter(pk=item.submission_id)
    ):
        report = item.submission_id
    return render(
        request,
        "privacy/request_detail.html",
        {
            "item": item,
            "requester": actions.open_requester(request.user, item),
            "form": form,
            "report": report,
            "overdue": item.overdue_at(timezone.now()),
        },
    )

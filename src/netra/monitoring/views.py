import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import acting_region, can, get_or_404, require, restrict
from netra.common.refusals import attempt
from netra.people.models import Employee
from netra.regions.models import Election, Region

from . import actions, inputs
from .models import AuthorHandle, ElectionGazetteer, Flag, NewsSuggestion, Source
from .refusals import error_message, message_for

LABEL_CHOICES = [
    ("neutrality_related", _("About neutrality, not taking sides")),
    ("unrelated", _("Unrelated to the election")),
    ("partisan_support", _("Partisan, but no case to open")),
]


def _acting_region(request):
    """The region the officer chose in the form, or their only one; None when they must
    choose. A region outside their reach does not exist for them (404)."""
    code = request.POST.get("region", "").strip()
    region = acting_region(request.user, code)
    if code and region is None:
        raise Http404
    return region


def _region_choices(user):
    """Regions the user may act in, for the forms' region field (shown when there are
    several)."""
    return restrict(
        Region.objects.exclude(level=Region.Level.DISTRICT), user, "pk", districts=False
    ).order_by("code")


def highlighted(text, spans):
    """TEXT as HTML with the evidence SPANS marked (escaped, overlaps merged)."""
    merged = []
    for start, end in sorted(tuple(s) for s in spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, position = [], 0
    for start, end in merged:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


@login_required
def queue(request):
    require(request.user, "monitoring.view")
    flags = (
        restrict(Flag.objects.filter(status=Flag.Status.OPEN), request.user)
        .select_related("text", "region", "employee__agency")
        .order_by("-score", "-text__published_at")[:100]
    )
    for flag in flags:
        flag.html = highlighted(flag.text.text, flag.evidence)
    can_triage = can(request.user, "monitoring.triage")
    sources, handles, regions, own = [], [], [], None
    if can_triage:  # sources, errors and known accounts of the caller's reach only
        sources = list(
            restrict(Source.objects.select_related("region"), request.user).order_by(
                "name", "region__code"
            )[:200]
        )
        for source in sources:
            source.error = error_message(source.last_error) if source.last_error else ""
        handles = restrict(
            AuthorHandle.objects.select_related("region", "employee"), request.user
        ).order_by("handle", "region__code")[:200]
        regions = list(_region_choices(request.user))
        own = acting_region(request.user)
    return render(
        request,
        "monitoring/queue.html",
        {
            "flags": flags,
            "labels": LABEL_CHOICES,
            "elections": Election.objects.order_by("-voting_date"),
            "can_triage": can_triage,
            "can_edit_gazetteer": can(request.user, "monitoring.gazetteer"),
            "sources": sources,
            "handles": handles,
            "regions": regions if len(regions) > 1 else [],
            "own_region": own,
        },
    )


def _flag(request, flag_id):
    require(request.user, "monitoring.triage")
    return get_or_404(Flag.objects.select_related("text", "region"), request.user, pk=flag_id)


@login_required
@require_POST
def dismiss(request, flag_id):
    flag = _flag(request, flag_id)
    return attempt(
        request,
        lambda: actions.dismiss(
            request.user,
            flag,
            reason=request.POST.get("reason", "")[:2000],
            label=request.POST.get("label", ""),
        ),
        message_for,
        then=lambda: redirect("monitoring:queue"),
    )


@login_required
@require_POST
def finding(request, flag_id):
    flag = _flag(request, flag_id)
    election = Election.objects.filter(code=request.POST.get("election", "")).first()
    return attempt(
        request,
        lambda: redirect(
            "cases:detail", case_id=actions.make_finding(request.user, flag, election=election).pk
        ),
        message_for,
        refused=lambda: redirect("monitoring:queue"),
    )


@login_required
@require_POST
def upload(request):
    require(request.user, "monitoring.triage")
    data = request.FILES.get("file")
    name = request.POST.get("source", "").strip()[:200] or str(_("File import"))
    if data is None or data.size > 50 * 1024 * 1024:
        messages.error(request, _("Choose a JSONL or CSV file (at most 50 MB)."))
        return redirect("monitoring:queue")
    try:
        items = inputs.read_file(data.read())  # checked now: a bad line refuses the file here
    except inputs.InputError as error:
        messages.error(request, message_for(error))
        return redirect("monitoring:queue")
    data.seek(0)
    region = _acting_region(request)
    if region is None:
        messages.error(request, message_for(actions.Refused("choose_region")))
        return redirect("monitoring:queue")
    source = actions.source_for(request.user, region=region, name=name, kind=Source.Kind.FILE)
    actions.queue_file(request.user, source, data)
    messages.success(
        request,
        _("%(n)s texts handed to the worker; flags appear here as they are read.")
        % {"n": len(items)},
    )
    return redirect("monitoring:queue")


@login_required
@require_POST
def add_feed(request):
    require(request.user, "monitoring.triage")
    region = _acting_region(request)

    def add():
        if region is None:
            raise actions.Refused("choose_region")
        actions.add_feed(
            request.user,
            region=region,
            name=request.POST.get("name", ""),
            url=request.POST.get("url", ""),
        )
        messages.success(request, _("The feed is read by the worker from now on."))

    return attempt(request, add, message_for, then=lambda: redirect("monitoring:queue"))


@login_required
@require_POST
def add_handle(request):
    require(request.user, "monitoring.triage")
    region = _acting_region(request)
    nip = "".join(ch for ch in request.POST.get("nip", "") if ch.isdigit())
    employee = restrict(Employee.objects.all(), request.user).filter(nip=nip).first()
    if employee is None:
        messages.error(request, _("No employee with this NIP in your reach."))
        return redirect("monitoring:queue")

    def add():
        if region is None:
            raise actions.Refused("choose_region")
        actions.add_handle(
            request.user,
            region=region,
            handle=request.POST.get("handle", "")[:200],
            employee=employee,
        )

    return attempt(request, add, message_for, then=lambda: redirect("monitoring:queue"))


@login_required
def suggestions(request):
    require(request.user, "prevention.view")
    pending = (
        restrict(NewsSuggestion.objects.filter(status=NewsSuggestion.Status.PENDING), request.user)
        .select_related("text", "region")
        .order_by("-id")[:100]
    )
    return render(
        request,
        "monitoring/suggestions.html",
        {"suggestions": pending, "can_confirm": can(request.user, "prevention.manage")},
    )


@login_required
@require_POST
def decide_suggestion(request, suggestion_id):
    require(request.user, "prevention.manage")
    suggestion = get_or_404(NewsSuggestion.objects.all(), request.user, pk=suggestion_id)

    def decide():
        if request.POST.get("confirm"):
            made = actions.confirm_suggestion(request.user, suggestion)
            messages.success(
                request, _("%(n)s prevention records made from the article.") % {"n": len(made)}
            )
        else:
            actions.dismiss_suggestion(request.user, suggestion)

    return attempt(request, decide, message_for, then=lambda: redirect("monitoring:suggestions"))


GAZETTEER_FIELDS = [
    ("candidates", _("Candidates (names and nicknames)")),
    ("ballot_patterns", _("Ballot number patterns (regular expressions)")),
    ("slogans", _("Slogans")),
    ("hashtags", _("Hashtags")),
    ("gestures", _("Gesture phrases")),
]


@login_required
def gazetteer(request, code):
    require(request.user, "monitoring.gazetteer")
    election = get_object_or_404(Election, code=code)
    current = ElectionGazetteer.objects.filter(election=election).first()
    values = {
        name: "\n".join((current.data if current else {}).get(name, []))
        for name, _label in GAZETTEER_FIELDS
    }
    errors = []
    if request.method == "POST":
        data = {
            name: [
                line.strip().lower()
                for line in request.POST.get(name, "").splitlines()
                if line.strip()
            ][:500]
            for name, _label in GAZETTEER_FIELDS
        }
        for pattern in data["ballot_patterns"]:
            try:
                re.compile(pattern)
            except re.error:
                errors.append(_("Not a valid pattern: %(p)s") % {"p": pattern})
        if not errors:
            actions.save_gazetteer(request.user, election, data)
            messages.success(request, _("Saved. New posts are read with it."))
            return redirect("monitoring:gazetteer", code=election.code)
        values = {name: "\n".join(lines) for name, lines in data.items()}
    return render(
        request,
        "monitoring/gazetteer.html",
        {
            "election": election,
            "errors": errors,
            "fields": [(name, label, values[name]) for name, label in GAZETTEER_FIELDS],
            "elections": Election.objects.order_by("-voting_date"),
        },
    )

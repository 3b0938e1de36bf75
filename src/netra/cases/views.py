from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import can, case_or_404, require, restrict, restrict_cases
from netra.regions.models import Election, Region
from netra.reports.models import Submission

from . import actions, documents
from . import workflow as wf
from .models import STATE_LABELS, Case, CaseDocument, Hearing

REFUSALS = {
    "unknown_state": _("That step does not exist."),
    "not_allowed": _("The case cannot go from “%(current)s” to that step."),
    "wrong_role": _("Your role may not take this step."),
    "reason_required": _("Write the reason: it is recorded and, where the law says so, sent to the reporter."),
}


def _cases(user):
    return restrict_cases(Case.objects.select_related("region", "election"), user)


@login_required
def case_list(request):
    require(request.user, "cases.view")
    cases = _cases(request.user)
    overdue = request.GET.get("lewat") == "1"
    if overdue:
        cases = cases.filter(due_at__lt=timezone.now())
    return render(request, "cases/list.html", {"cases": cases[:200], "overdue": overdue,
                                               "now": timezone.now(),
                                               "can_open": can(request.user, "cases.open")})


def _moves(case, user):
    labels = dict(STATE_LABELS) | {wf.REOPEN: _("Reopen")}
    return [(target, labels[target]) for target in wf.next_states(case.state, user.role)]


@login_required
def case_detail(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election", "submission"),
                       request.user, pk=case_id)
    return render(request, "cases/detail.html", {
        "case": case, "events": case.events.select_related("actor"), "now": timezone.now(),
        "moves": _moves(case, request.user),
        "reopen_states": [(s, STATE_LABELS[s]) for s in wf.STATES if s != wf.CLOSED],
        "documents": case.documents.all(), "document_form": DocumentForm(),
        "hearings": case.hearings.all(), "hearing_form": HearingForm(),
        "can_write": can(request.user, "cases.open"),
        "can_extend": (not case.extended and wf.CLOCK_STEP.get(case.state) == "decision"
                       and request.user.role in wf.BAWASLU)})


def _version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _conflict(request, case):
    return render(request, "cases/conflict.html", {"case": case}, status=409)


@login_required
@require_POST
def case_transition(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    try:
        actions.transition(request.user, case, request.POST.get("target", ""),
                           version=_version(request), reason=request.POST.get("reason", "")[:5000],
                           reopen_to=request.POST.get("reopen_to") or None)
    except wf.TransitionRefused as refused:
        messages.error(request, str(REFUSALS[refused.refusal.code]) % {
            "current": STATE_LABELS.get(case.state, case.state)})
    except actions.Conflict:
        return _conflict(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def case_extend(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    if request.user.role not in wf.BAWASLU:
        return redirect("cases:detail", case_id=case.pk)
    try:
        actions.extend_decision(request.user, case, version=_version(request),
                                reason=request.POST.get("reason", "")[:5000])
    except wf.TransitionRefused:
        messages.error(request, _("The decision period can be extended once, with a reason."))
    except actions.Conflict:
        return _conflict(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def open_from_submission(request, submission_id):
    require(request.user, "cases.open")
    submission = restrict(Submission.objects.select_related("region", "election"),
                          request.user, districts=False).filter(pk=submission_id).first()
    if submission is None:
        raise Http404
    case = actions.open_case_from_submission(request.user, submission)
    return redirect("cases:detail", case_id=case.pk)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=CaseDocument.Kind.choices)
    recipient = forms.CharField(label=_("Invited person"), max_length=200, required=False)
    capacity = forms.ChoiceField(label=_("As"), required=False, choices=[
        ("pelapor", _("Reporter")), ("terlapor", _("Reported employee")), ("saksi", _("Witness"))])
    when = forms.CharField(label=_("Day, date and time"), max_length=100, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("kind") == CaseDocument.Kind.INVITATION:
            for name in ("recipient", "when", "place"):
                if not data.get(name):
                    self.add_error(name, _("Needed for an invitation."))
        return data


@login_required
@require_POST
def case_document(request, case_id):
    require(request.user, "cases.open")
    case = case_or_404(Case.objects.select_related("region", "election", "submission"),
                       request.user, pk=case_id)
    form = DocumentForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("cases:detail", case_id=case.pk)
    details = dict(form.cleaned_data, officer=request.user.get_full_name())
    if case.state == wf.NOT_REGISTERED:
        last = case.events.filter(to_state=wf.NOT_REGISTERED).last()
        details["reason"] = last.text if last else ""
    documents.generate(request.user, case, form.cleaned_data["kind"], details)
    return redirect("cases:detail", case_id=case.pk)


@login_required
def document_file(request, document_id):
    require(request.user, "cases.view")
    document = CaseDocument.objects.select_related("case").filter(pk=document_id).first()
    if document is None:
        raise Http404
    case_or_404(Case.objects.all(), request.user, pk=document.case_id)
    response = FileResponse(document.file.open("rb"), content_type="application/pdf",
                            as_attachment=True,
                            filename=f"{document.kind}-{document.case_id}-{document.pk}.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HearingForm(forms.Form):
    party = forms.ChoiceField(label=_("Who"), choices=Hearing.Party.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    scheduled_at = forms.DateTimeField(label=_("When"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    place = forms.CharField(label=_("Place"), max_length=200)


def _handling_case(request, case_id):
    require(request.user, "cases.open")
    return case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)


@login_required
@require_POST
def case_hearing(request, case_id):
    case = _handling_case(request, case_id)
    form = HearingForm(request.POST)
    if form.is_valid():
        actions.schedule_hearing(request.user, case, **form.cleaned_data)
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def hearing_minutes(request, hearing_id):
    hearing = Hearing.objects.filter(pk=hearing_id).first()
    if hearing is None:
        raise Http404
    case = _handling_case(request, hearing.case_id)
    minutes = request.POST.get("minutes", "").strip()
    if minutes:
        actions.record_minutes(request.user, hearing, minutes[:50_000])
    else:
        messages.error(request, _("Write the minutes of the hearing."))
    return redirect("cases:detail", case_id=case.pk)


class FindingForm(forms.Form):
    election = forms.ModelChoiceField(label=_("Election"), queryset=Election.objects.all(),
                                      empty_label=None)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    summary = forms.CharField(label=_("What was found"), widget=forms.Textarea(attrs={"rows": 5}),
                              max_length=10_000)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.exclude(level=Region.Level.DISTRICT).order_by("code")
        self.fields["region"].queryset = restrict(regions, user, region_field="id",
                                                  districts=False)


@login_required
def new_finding(request):
    require(request.user, "cases.open")
    form = FindingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = actions.open_finding(request.user, **form.cleaned_data)
        return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/finding.html", {"form": form})

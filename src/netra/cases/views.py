from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import (can, case_or_404, region_in_scope, require, restrict,
                                   restrict_cases, roster_by_nip)
from netra.accounts.models import User
from netra.lib.forms import positive_id, validate_date_range
from netra.people.models import Employee
from netra.regions.models import Election, Region
from netra.reports.models import Submission
from netra.web.downloads import download

from . import actions, documents
from . import workflow as wf
from .models import STATE_LABELS, Attachment, Case, CaseDocument, Hearing, SubjectType

REFUSALS = {
    "unknown_state": _("That step does not exist."),
    "not_allowed": _("The case cannot go from “%(current)s” to that step."),
    "wrong_role": _("Your role may not take this step."),
    "reason_required": _("Write the reason: it is recorded and, where the law says so, sent to the reporter."),
    "needs_record": _("This step is taken by recording the recommendation or the decree below."),
    "needs_respondent": _("Name at least one reported person before forwarding the case."),
    "respondents_fixed": _("The reported persons of a forwarded or closed case cannot change."),
    "not_assignable": _("Only an active Bawaslu officer who reaches this region can be assigned."),
    "empty_note": _("Write the note."),
    "not_mergeable": _("Only open, unforwarded cases of the same office and election can be merged."),
    "verification_required": _("Write the result of the verification."),
    "sanction_required": _("Give the recommended sanction for every reported person."),
    "not_awaiting_decree": _("This case is not waiting for a PPK decision."),
    "decree_incomplete": _("A decree needs its number, date, sanction and PDF."),
    "decree_file_required": _("Attach the signed decree as a PDF."),
    "decree_file_not_pdf": _("The decree file is not a PDF."),
    "decree_file_too_large": _("The file is too large."),
    "deviation_reason_required": _("A sanction other than the lawful options needs a written "
                                   "reason."),
    "proposal_unknown_kind": _("A conduct is not in the catalog in use."),
    "proposal_unknown_employment": _("Choose the employment of every reported person."),
    "proposal_no_conduct": _("Give at least one proven conduct."),
    "proposal_bad_date": _("Give each conduct's date as YYYY-MM-DD."),
    "proposal_date_range": _("Give each conduct's date between 1 January 2000 and 31 December "
                             "2100."),
    "step_already_taken": _("This step has already been recorded."),
    "minutes_recorded": _("The minutes of this hearing are recorded and cannot be rewritten."),
    "already_recommended": _("BKN has already recommended on this case."),
    "decree_date": _("The decree date cannot be in the future or before the case was "
                     "received."),
    "catalog_busy": _("Someone saved the catalog at the same moment; save again."),
    "catalog_note_required": _("Say why the catalog changes: it is kept with the new version."),
    "catalog_unknown_code": _("That code is not in the catalog."),
    "catalog_bad_level": _("Choose one of the catalog's levels."),
    "attachment_incomplete": _("Give the attachment a title and choose a file."),
    "attachment_type": _("This file cannot be attached: use a photo (JPEG, PNG, WebP, GIF, "
                         "HEIC), a video (MP4, WebM) or a PDF."),
    "attachment_limit": _("You have attached many files in the last hour; try again later."),
    "hearing_incomplete": _("A hearing needs who, when and where; minutes need their text."),
    "letter_failed": _("The letter could not be made; nothing was saved. Check the letter "
                       "template, or tell the administrator."),
}


def refusal_message(code, case):
    """The user's-language message for a refused case change."""
    state = case.state if case is not None else ""
    return str(REFUSALS[code]) % {"current": STATE_LABELS.get(state, state)}


def _cases(user):
    return restrict_cases(Case.objects.select_related("region", "election"), user)


class CaseFilter(forms.Form):
    """The officer's filters on the case list; every field optional, bad values ignored."""

    state = forms.ChoiceField(label=_("Step"), required=False,
                              choices=[("", _("All steps"))] + list(STATE_LABELS.items()))
    lewat = forms.BooleanField(label=_("Overdue only"), required=False)
    saya = forms.BooleanField(label=_("Assigned to me"), required=False)
    q = forms.CharField(label=_("Register number"), required=False, max_length=80)


CASES_PER_PAGE = 50


@login_required
def case_list(request):
    from django.core.paginator import Paginator

    require(request.user, "cases.view")
    cases = _cases(request.user)
    filters = CaseFilter(request.GET or None)
    chosen = {}
    if filters.is_bound:
        filters.is_valid()  # an invalid field is dropped on its own; the valid ones apply
        chosen = filters.cleaned_data
    now = timezone.now()
    if chosen.get("state"):
        cases = cases.filter(state=chosen["state"])
    if chosen.get("saya"):
        cases = cases.filter(assigned_to=request.user)
    if chosen.get("q"):
        cases = cases.filter(number__startswith=chosen["q"].strip())
    if chosen.get("lewat"):
        # Most overdue first: that is the order an office works through them.
        cases = cases.filter(due_at__lt=now).order_by("due_at", "id")
    else:
        cases = cases.order_by("-opened_at", "-id")
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cases/list.html", {
        "page": page, "cases": page.object_list, "overdue": bool(chosen.get("lewat")),
        "filters": filters if filters.is_bound else CaseFilter(), "query": query.urlencode(),
        "now": now, "can_open": can(request.user, "cases.open")})


def _moves(case, user):
    labels = dict(STATE_LABELS) | {wf.REOPEN: _("Reopen")}
    return [(target, labels[target]) for target in wf.next_states(case.state, user.role)]


@login_required
def case_detail(request, case_id):
    require(request.user, "cases.view")
    return render_case(request, case_or_404(Case.objects.all(), request.user, pk=case_id))


#: Letters BKN and the PPK may read: none of them names the reporter.
LETTERS_FOR_OTHERS = ("forwarding_letter", "recommendation_letter", "case_summary")


def sees_reporter(user):
    """Only Bawaslu (and read-only auditors) see who reported; BKN and the PPK never do."""
    return user.role in wf.BAWASLU or user.role in ("auditor", "admin")


def visible_hearings(case, user):
    hearings = case.hearings.all()
    return hearings if sees_reporter(user) else hearings.exclude(party=Hearing.Party.REPORTER)


def visible_documents(case, user):
    documents = case.documents.all()
    return documents if sees_reporter(user) else documents.filter(kind__in=LETTERS_FOR_OTHERS)


def render_case(request, case, extra=None):
    """The case page; EXTRA carries a bound form another app re-renders with its errors."""
    case = Case.objects.select_related("region", "election", "submission", "assigned_to",
                                       "merged_into").get(pk=case.pk)
    return render(request, "cases/detail.html", (extra or {}) | {
        "case": case, "events": case.events.select_related("actor"), "now": timezone.now(),
        "moves": _moves(case, request.user),
        "reopen_states": [(s, STATE_LABELS[s]) for s in wf.STATES if s != wf.CLOSED],
        "documents": visible_documents(case, request.user), "document_form": DocumentForm(),
        "hearings": visible_hearings(case, request.user), "hearing_form": HearingForm(),
        "can_write": can(request.user, "cases.open"),
        "can_annotate": can(request.user, "cases.annotate"),
        "respondents": case.respondents.select_related("government"),
        "attachments": case.attachments.all(),
        "respondent_form": RespondentForm(),
        "officers": assignable_officers(case) if can(request.user, "cases.open") else [],
        "merge_candidates": (merge_candidates(case, request.user)
                             if can(request.user, "cases.open") and not case.forwarded
                             and case.state != wf.CLOSED else []),
        "can_extend": (not case.extended and wf.CLOCK_STEP.get(case.state) == "decision"
                       and request.user.role in wf.BAWASLU)})


def submitted_version(request):
    """The case version the form was rendered with (optimistic locking)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def conflict_response(request, case):
    return render(request, "cases/conflict.html", {"case": case}, status=409)


@login_required
@require_POST
def case_transition(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    return _refused(request, case, lambda: actions.transition(
        request.user, case, request.POST.get("target", ""), version=submitted_version(request),
        reason=request.POST.get("reason", "")[:5000],
        reopen_to=request.POST.get("reopen_to") or None))


@login_required
@require_POST
def case_extend(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    if request.user.role not in wf.BAWASLU:
        return redirect("cases:detail", case_id=case.pk)
    try:
        actions.extend_decision(request.user, case, version=submitted_version(request),
                                reason=request.POST.get("reason", "")[:5000])
    except wf.TransitionRefused:
        messages.error(request, _("The decision period can be extended once, with a reason."))
    except actions.Conflict:
        return conflict_response(request, case)
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


#: Letters a Bawaslu officer generates; BKN's recommendation letter comes with the
#: recommendation itself.
BAWASLU_LETTERS = ("invitation", "registration_notice", "forwarding_letter", "case_summary")


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=[
        (k, label) for k, label in CaseDocument.Kind.choices if k in BAWASLU_LETTERS])
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


def letter_details(case, officer, cleaned):
    """What a letter needs beyond the case: the form's fields, the officer, the reason given."""
    details = dict(cleaned, officer=officer.get_full_name())
    if case.state == wf.NOT_REGISTERED:
        last = case.events.filter(to_state=wf.NOT_REGISTERED).last()
        details["reason"] = last.text if last else ""
    return details


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
    try:
        documents.generate(request.user, case, form.cleaned_data["kind"],
                           letter_details(case, request.user, form.cleaned_data))
    except actions.Refused as refused:
        messages.error(request, refusal_message(refused.code, case))
    except actions.Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
def document_file(request, document_id):
    require(request.user, "cases.view")
    document = CaseDocument.objects.select_related("case").filter(pk=document_id).first()
    if document is None or not (sees_reporter(request.user)
                                or document.kind in LETTERS_FOR_OTHERS):
        raise Http404
    case_or_404(Case.objects.all(), request.user, pk=document.case_id)
    return download(document.file, "application/pdf",
                    f"{document.kind}-{document.case_id}-{document.pk}.pdf")


class HearingForm(forms.Form):
    party = forms.ChoiceField(label=_("Who"), choices=Hearing.Party.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    scheduled_at = forms.DateTimeField(label=_("When"), validators=[validate_date_range],
                                       widget=forms.DateTimeInput(
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
    if not minutes:
        messages.error(request, _("Write the minutes of the hearing."))
        return redirect("cases:detail", case_id=case.pk)
    return _refused(request, case, lambda: actions.record_minutes(request.user, hearing,
                                                                  minutes[:50_000]))


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


class RespondentForm(forms.Form):
    nip = forms.CharField(label="NIP", max_length=24, required=False,
                          help_text=_("With a NIP from the roster the rest is filled in."))
    name = forms.CharField(label=_("Name"), max_length=255, required=False)
    subject_type = forms.ChoiceField(label=_("Employment"), choices=SubjectType.choices,
                                     initial=SubjectType.UNKNOWN)
    agency = forms.CharField(label=_("Agency"), max_length=255, required=False)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)

    def __init__(self, *args, case=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user

    def clean(self):
        data = super().clean()
        nip = (data.get("nip") or "").replace(" ", "")
        data["employee"] = roster_by_nip(
            Employee.objects.select_related("agency__region", "region"), self.user,
            self.case.region, nip).first() if nip and self.case is not None else None
        if nip and not (nip.isdigit() and len(nip) == 18):
            self.add_error("nip", _("A NIP has 18 digits."))
        if not data.get("name") and data["employee"] is None:
            self.add_error("name", _("Give the name, or a NIP found in the roster."))
        data["nip"] = nip
        if data.get("subject_type") == SubjectType.UNKNOWN and data["employee"] is not None:
            data["subject_type"] = ""  # taken from the roster
        return data


def _messages_from(request, form):
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))


def _refused(request, case, call):
    """Run CALL; a refusal becomes a message, a lost race the conflict page."""
    try:
        call()
    except wf.TransitionRefused as refused:
        messages.error(request, refusal_message(refused.refusal.code, case))
    except actions.Refused as refused:
        messages.error(request, refusal_message(refused.code, case))
    except actions.Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def case_respondent(request, case_id):
    case = _handling_case(request, case_id)
    form = RespondentForm(request.POST, case=case, user=request.user)
    if not form.is_valid():
        _messages_from(request, form)
        return redirect("cases:detail", case_id=case.pk)
    return _refused(request, case, lambda: actions.add_respondent(
        request.user, case, version=submitted_version(request), **form.cleaned_data))


def assignable_officers(case):
    officers = User.objects.filter(role__in=wf.BAWASLU, is_active=True).prefetch_related(
        "regions").order_by("first_name", "username")
    return [o for o in officers if region_in_scope(o, case.region)]


@login_required
@require_POST
def case_assign(request, case_id):
    case = _handling_case(request, case_id)
    officer_id = positive_id(request.POST.get("officer"))
    officer = User.objects.filter(pk=officer_id).first() if officer_id else None
    if officer is None:
        messages.error(request, refusal_message("not_assignable", case))
        return redirect("cases:detail", case_id=case.pk)
    return _refused(request, case, lambda: actions.assign(
        request.user, case, officer, version=submitted_version(request)))


@login_required
@require_POST
def case_note(request, case_id):
    require(request.user, "cases.annotate")
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=case_id)
    return _refused(request, case, lambda: actions.add_note(
        request.user, case, request.POST.get("text", "")[:20_000]))


@login_required
@require_POST
def case_attach(request, case_id):
    from netra.reports.evidence import EvidenceError

    require(request.user, "cases.annotate")
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=case_id)
    upload, title = request.FILES.get("file"), request.POST.get("title", "").strip()
    limit = settings.NETRA_EVIDENCE_MAX_BYTES
    if upload is None or not title:
        messages.error(request, refusal_message("attachment_incomplete", case))
    elif upload.size > limit:
        messages.error(request, _("The file is larger than %(mb)s MB.") % {
            "mb": settings.NETRA_EVIDENCE_MAX_BYTES // (1024 * 1024)})
    else:
        try:
            actions.attach(request.user, case, title=title, data=upload.read())
        except actions.Refused as refused:
            messages.error(request, refusal_message(refused.code, case))
        except EvidenceError as exc:
            from netra.reports.forms import evidence_message

            # Too large to open, too many frames: say so; any other kind of file: what fits.
            messages.error(request, refusal_message("attachment_type", case)
                           if exc.code in ("empty", "type", "damaged")
                           else evidence_message(exc, upload.name))
    return redirect("cases:detail", case_id=case.pk)


@login_required
def attachment_file(request, attachment_id):
    require(request.user, "cases.view")
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    case_or_404(Case.objects.all(), request.user, pk=attachment.case_id)
    return download(attachment.file, attachment.content_type,
                    f"lampiran-{attachment.case_id}-{attachment.pk}.{attachment.extension}")


def merge_candidates(case, user):
    return _cases(user).filter(region=case.region, election=case.election,
                               forwarded=False, merged_into=None).exclude(
        state=wf.CLOSED).exclude(pk=case.pk)[:200]


@login_required
@require_POST
def case_merge(request, case_id):
    case = _handling_case(request, case_id)
    into_id = positive_id(request.POST.get("into"))
    into = _cases(request.user).filter(pk=into_id).first() if into_id else None
    if into is None:
        messages.error(request, refusal_message("not_mergeable", case))
        return redirect("cases:detail", case_id=case.pk)
    response = _refused(request, case, lambda: actions.merge(
        request.user, case, into, version=submitted_version(request),
        reason=request.POST.get("reason", "")[:5000]))
    case.refresh_from_db()
    return redirect("cases:detail", case_id=into.pk) if case.merged_into_id else response


class LetterTemplateForm(forms.Form):
    body = forms.CharField(label=_("Letter body"), max_length=100_000,
                           widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}))


@login_required
def letter_templates(request):
    from .models import LetterTemplate

    require(request.user, "letters.edit")
    custom = {t.kind: t for t in LetterTemplate.objects.select_related("updated_by")}
    return render(request, "cases/letter_templates.html", {
        "kinds": [(kind, label, custom.get(kind)) for kind, label in CaseDocument.Kind.choices]})


@login_required
def letter_template_edit(request, kind):
    from . import letters

    require(request.user, "letters.edit")
    if kind not in CaseDocument.Kind.values:
        raise Http404
    label = CaseDocument.Kind(kind).label
    if request.method == "POST" and request.POST.get("reset"):
        actions.reset_letter_template(request.user, kind)
        messages.success(request, _("The letter is back to the one shipped with Netra."))
        return redirect("cases:letter_template", kind=kind)
    form = LetterTemplateForm(request.POST or None,
                              initial={"body": letters.body_for(kind)})
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_letter_template(request.user, kind, form.cleaned_data["body"])
        except letters.BadTemplate as bad:
            form.add_error("body", str(bad))
        else:
            messages.success(request, _("Saved. New letters use this text; letters already "
                                        "generated keep theirs."))
            return redirect("cases:letter_template", kind=kind)
    return render(request, "cases/letter_template_edit.html", {
        "form": form, "kind": kind, "label": label, "placeholders": letters.PLACEHOLDERS})

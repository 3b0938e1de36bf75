from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from netra.accounts.access import can, case_or_404, require, restrict_reports
from netra.accounts.models import User
from netra.common import listing
from netra.common.downloads import download
from netra.common.forms import positive_id
from netra.common.refusals import attempt
from netra.lib.refusals import Conflict, Refused
from netra.reports.evidence import EvidenceError
from netra.reports.forms import (
    conduct_keys_for,
    evidence_message,
    roster_name_matches,
    within_region,
)
from netra.reports.models import Submission
from netra.sanctions.models import RecommendationCode

from . import actions, documents, letters
from .forms import (
    CaseFilter,
    DocumentForm,
    FindingForm,
    HearingForm,
    LetterTemplateForm,
    RespondentEditForm,
    RespondentForm,
)
from .models import Attachment, Case, CaseDocument, Hearing, LetterTemplate, Respondent, overdue
from .pages import (
    conflict_response,
    evidence_of,
    reachable_cases,
    render_case,
    submitted_version,
)
from .refusals import message_for, refusal_message


@login_required
def case_list(request):
    """The case list: searched, filtered, sorted and paged, open cases first; with
    ?format=csv or xlsx exactly the listed cases (same scope, filters and order), audited."""
    require(request.user, "cases.view")
    filters = CaseFilter(request.GET, user=request.user)
    chosen = filters.chosen()
    now = timezone.now()
    cases = _listed_cases(request.user, chosen, now)
    problems = filters.problems()
    exported, refused = listing.answer_export(
        cases,
        request.GET,
        record=lambda rows, fmt: actions.record_list_export(
            request.user, filters=listing.described_filters(chosen), rows=rows, fmt=fmt
        ),
        filename="kasus-netra",
        title="Kasus",
        header=CASE_EXPORT_HEADER,
        row=_case_export_row,
    )
    if exported is not None:
        return exported
    problems += refused
    page, total = listing.page_and_total(cases, request.GET.get("page"))
    return render(
        request,
        "cases/list.html",
        {
            "page": page,
            "cases": page.object_list,
            "total": total,
            "overdue": bool(chosen.get("lewat")),
            "filters": filters,
            "problems": problems,
            "query": listing.page_query(request.GET),
            "headers": CaseFilter.sorting.headers(request.GET, chosen.get("urut")),
            "filtered": any(k != "urut" for k in chosen),
            "now": now,
            "can_open": can(request.user, "cases.open"),
        },
    )


def _listed_cases(user, chosen, now):
    """The cases USER reaches (reachable_cases, the access layer), narrowed by the CHOSEN
    filters, in the chosen order: the one queryset the page and its export share."""

    cases = reachable_cases(user).select_related("assigned_to")
    if chosen.get("state"):
        cases = cases.filter(state=chosen["state"])
    if chosen.get("election"):
        cases = cases.filter(election=chosen["election"])
    if chosen.get("region"):
        cases = within_region(cases, user, chosen["region"])
    if chosen.get("conduct"):
        cases = cases.filter(_with_conduct(chosen["conduct"], conduct_keys_for(chosen["conduct"])))
    if chosen.get("petugas"):
        cases = cases.filter(assigned_to_id=chosen["petugas"])
    if chosen.get("saya"):
        cases = cases.filter(assigned_to=user)
    if chosen.get("tenggat"):
        cases = cases.filter(due_at__gte=now, due_at__lt=now + timedelta(days=chosen["tenggat"]))
    if chosen.get("dari"):
        cases = cases.filter(received_at__gte=listing.day_range_start(chosen["dari"]))
    if chosen.get("sampai"):
        cases = cases.filter(received_at__lt=listing.day_after(chosen["sampai"]))
    if chosen.get("q"):
        cases = _searched_cases(cases, chosen["q"])
    if chosen.get("lewat"):
        cases = cases.filter(overdue(now))
        if not chosen.get("urut"):
            # Most overdue first: that is the order an office works through them.
            # PPK-overdue cases (no due time of their own) lead: the longest past their period.
            cases = cases.order_by(F("due_at").asc(nulls_first=True), "id")
    if not (chosen.get("lewat") and not chosen.get("urut")):
        cases = CaseFilter.sorting.order(cases, chosen.get("urut"))
    return cases.prefetch_related("respondents")


def _with_conduct(code, report_keys):
    """Cases whose conduct includes catalog CODE: as the report's conduct choices say
    (REPORT_KEYS map to it), or as BKN's recommendation names it."""
    from django.db.models import Q

    recommended = RecommendationCode.objects.filter(code=code).values("recommendation__case_id")
    return Q(pk__in=recommended) | Q(listing.JsonListHasAny("submission__conduct", report_keys))


def _searched_cases(cases, query):
    """Cases matching QUERY: an 18-digit NIP exactly (its index); a register number by its
    start (its index); otherwise every word, as the start of a word of a reported person's
    name or agency, of the summary, of a NIP or of the register number; and a name also by
    how it sounds, for reported persons linked to the roster (roster_name_matches)."""
    if cases.query.is_empty():  # a region out of reach, say: nothing to search
        return cases
    compact = query.replace(" ", "")
    if len(compact) == 18 and compact.isdigit():
        return cases.filter(pk__in=Respondent.objects.filter(nip=compact).values("case_id"))
    if "/" in query:
        return cases.filter(number__startswith=query.strip())

    # Persons linked to the roster whose roster name sounds like the query: a short list
    # (bounded), read once and offered as a match of every word, so that every word's
    # condition stays one indexed subquery: (U1 | P) & (U2 | P) = (U1 & U2) | P.
    sounds_like = roster_name_matches(query)
    linked = (
        list(Respondent.objects.filter(employee__in=sounds_like).values_list("case_id", flat=True))
        if sounds_like is not None
        else []
    )
    for word in listing.search_words(query):
        persons = Respondent.objects.filter(listing.TextMatch(["name", "agency"], word))
        summaries = Case.objects.filter(listing.TextMatch(["summary"], word))
        parts = [persons.values("case_id"), summaries.values("id")]
        if word.isdigit():
            parts.append(Case.objects.filter(number__startswith=word).values("id"))
            if len(word) >= 8:
                parts.append(Respondent.objects.filter(nip__startswith=word).values("case_id"))
        if linked:
            parts.append(Case.objects.filter(pk__in=linked).values("id"))
        cases = cases.filter(pk__in=listing.union_of(*parts))
    return cases


#: The export's columns; never the reporter.
CASE_EXPORT_HEADER = [
    "Nomor register",
    "Tahap",
    "Wilayah",
    "Pemilihan",
    "Diterima",
    "Batas waktu",
    "Penanggung jawab",
    "Terlapor",
    "NIP terlapor",
    "Instansi terlapor",
]


def _case_export_row(case):
    def when(moment):
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""

    persons = list(case.respondents.all())
    officer = case.assigned_to
    return [
        case.number or f"#{case.pk}",
        str(case.state_label),
        f"{case.region.code} {case.region.name}",
        case.election.name,
        when(case.received_at),
        when(case.due_at),
        (officer.get_full_name() or officer.username) if officer else "",
        "; ".join(p.name for p in persons),
        "; ".join(p.nip for p in persons if p.nip),
        "; ".join(p.agency for p in persons if p.agency),
    ]


@login_required
def case_detail(request, case_id):
    require(request.user, "cases.view")
    return render_case(request, case_or_404(Case.objects.all(), request.user, pk=case_id))


@login_required
@require_POST
def case_transition(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user, pk=case_id)
    return _refused(
        request,
        case,
        lambda: actions.transition(
            request.user,
            case,
            request.POST.get("target", ""),
            version=submitted_version(request),
            reason=request.POST.get("reason", "")[:5000],
            reopen_to=request.POST.get("reopen_to") or None,
        ),
        field="reason",
    )


@login_required
@require_POST
def case_extend(request, case_id):
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user, pk=case_id)
    if not can(request.user, "cases.extend"):
        return redirect("cases:detail", case_id=case.pk)
    try:
        actions.extend_decision(
            request.user,
            case,
            version=submitted_version(request),
            reason=request.POST.get("reason", "")[:5000],
        )
    except Refused:
        return _again(
            request,
            case,
            "extend-reason",
            _("The decision period can be extended once, with a reason."),
        )
    except Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def open_from_submission(request, submission_id):
    require(request.user, "cases.open")
    submission = (
        restrict_reports(Submission.objects.select_related("region", "election"), request.user)
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        raise Http404
    case = actions.open_case_from_submission(request.user, submission)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def case_document(request, case_id):
    require(request.user, "cases.open")
    case = case_or_404(
        Case.objects.select_related("region", "election", "submission"), request.user, pk=case_id
    )
    form = DocumentForm(request.POST)
    if form.is_valid():
        response = attempt(
            request,
            lambda: documents.generate(
                request.user,
                case,
                form.cleaned_data["kind"],
                documents.letter_details(case, request.user, form.cleaned_data),
            ),
            message_for(case),
            then=lambda: redirect("cases:detail", case_id=case.pk),
            form=form,
            refused=lambda: None,
            conflict=lambda: conflict_response(request, case),
        )
        if response is not None:
            return response
    return render_case(request, case, {"document_form": form, "open_form": "document"})


@login_required
def document_file(request, document_id):
    require(request.user, "cases.view")
    document = CaseDocument.objects.select_related("case").filter(pk=document_id).first()
    if document is None or not (
        can(request.user, "cases.see_reporter") or document.kind in CaseDocument.LETTERS_FOR_OTHERS
    ):
        raise Http404
    case_or_404(Case.objects.all(), request.user, pk=document.case_id)
    return download(
        document.file, "application/pdf", f"{document.kind}-{document.case_id}-{document.pk}.pdf"
    )


def _handling_case(request, case_id):
    require(request.user, "cases.open")
    return case_or_404(Case.objects.select_related("region", "election"), request.user, pk=case_id)


@login_required
@require_POST
def case_hearing(request, case_id):
    case = _handling_case(request, case_id)
    form = HearingForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, {"hearing_form": form, "open_form": "hearing"})
    actions.schedule_hearing(request.user, case, **form.cleaned_data)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def hearing_minutes(request, hearing_id):
    hearing = Hearing.objects.filter(pk=hearing_id).first()
    if hearing is None:
        raise Http404
    case = _handling_case(request, hearing.case_id)
    minutes = request.POST.get("minutes", "").strip()
    # The message goes by this hearing's minutes, not by another hearing's on the page.
    kept = {"minutes_hearing": hearing.pk}
    if not minutes:
        return _again(request, case, "minutes", _("Write the minutes of the hearing."), kept)
    return _refused(
        request,
        case,
        lambda: actions.record_minutes(request.user, hearing, minutes[:50_000]),
        field="minutes",
        extra=kept,
    )


@login_required
def new_finding(request):
    require(request.user, "cases.open")
    form = FindingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = actions.open_finding(request.user, **form.cleaned_data)
        return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/finding.html", {"form": form})


def _again(request, case, field, message, extra=None):
    """The case page again, after a refusal: MESSAGE stands by FIELD (the id of the input it
    is about) and what was typed comes back, so nothing entered is lost."""
    return render_case(
        request,
        case,
        {"refused_field": field, "refused_message": message, "kept": request.POST} | (extra or {}),
    )


def _refused(request, case, call, field=None, extra=None):
    """Run CALL; a refusal re-renders the page with its message by FIELD, a lost race the
    conflict page."""
    try:
        call()
    except Refused as error:
        return _again(request, case, field, refusal_message(error, case), extra)
    except Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def case_respondent(request, case_id):
    case = _handling_case(request, case_id)
    form = RespondentForm(request.POST, case=case, user=request.user)
    if form.is_valid():
        try:
            actions.add_respondent(
                request.user, case, version=submitted_version(request), **form.cleaned_data
            )
        except Refused as error:
            form.add_error(None, refusal_message(error, case))
        except Conflict:
            return conflict_response(request, case)
        else:
            return redirect("cases:detail", case_id=case.pk)
    return render_case(request, case, {"respondent_form": form, "open_form": "respondent"})


def _respondent_of(case, respondent_id):
    respondent = case.respondents.filter(pk=respondent_id).first()
    if respondent is None:
        raise Http404
    return respondent


@login_required
@require_POST
def respondent_edit(request, case_id, respondent_id):
    case = _handling_case(request, case_id)
    respondent = _respondent_of(case, respondent_id)
    form = RespondentEditForm(
        request.POST, case=case, user=request.user, auto_id=f"id_p{respondent.pk}_%s"
    )
    if form.is_valid():
        try:
            actions.update_respondent(
                request.user,
                case,
                respondent,
                version=submitted_version(request),
                **form.cleaned_data,
            )
        except Refused as error:
            form.add_error(None, refusal_message(error, case))
        except Conflict:
            return conflict_response(request, case)
        else:
            return redirect("cases:detail", case_id=case.pk)
    return render_case(
        request, case, {"respondent_forms": {respondent.pk: form}, "open_person": respondent.pk}
    )


@login_required
@require_POST
def respondent_remove(request, case_id, respondent_id):
    case = _handling_case(request, case_id)
    respondent = _respondent_of(case, respondent_id)
    return _refused(
        request,
        case,
        lambda: actions.remove_respondent(
            request.user,
            case,
            respondent,
            version=submitted_version(request),
            reason=request.POST.get("reason", "")[:2000],
        ),
        field=f"remove-reason-{respondent.pk}",
        extra={"open_person": respondent.pk},
    )


@login_required
@require_POST
def case_assign(request, case_id):
    case = _handling_case(request, case_id)
    officer_id = positive_id(request.POST.get("officer"))
    officer = User.objects.filter(pk=officer_id).first() if officer_id else None
    if officer is None:
        return _again(request, case, "officer", refusal_message("not_assignable", case))
    return _refused(
        request,
        case,
        lambda: actions.assign(request.user, case, officer, version=submitted_version(request)),
        field="officer",
    )


@login_required
@require_POST
def case_note(request, case_id):
    require(request.user, "cases.annotate")
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=case_id)
    return _refused(
        request,
        case,
        lambda: actions.add_note(request.user, case, request.POST.get("text", "")[:20_000]),
        field="note-text",
    )


@login_required
@require_POST
def case_attach(request, case_id):
    require(request.user, "cases.annotate")
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=case_id)
    upload, title = request.FILES.get("file"), request.POST.get("title", "").strip()
    limit = settings.NETRA_EVIDENCE_MAX_BYTES
    if not title:
        return _again(
            request, case, "attachment-title", refusal_message("attachment_incomplete", case)
        )
    if upload is None:
        return _again(
            request, case, "attachment-file", refusal_message("attachment_incomplete", case)
        )
    if upload.size > limit:
        return _again(
            request,
            case,
            "attachment-file",
            _("The file is larger than %(mb)s MB.")
            % {"mb": settings.NETRA_EVIDENCE_MAX_BYTES // (1024 * 1024)},
        )
    try:
        return _refused(
            request,
            case,
            lambda: actions.attach(request.user, case, title=title, data=upload.read()),
            field="attachment-file",
        )
    except EvidenceError as exc:
        # Too large to open, too many frames: say so; any other kind of file: what fits.
        return _again(
            request,
            case,
            "attachment-file",
            refusal_message("attachment_type", case)
            if exc.code in ("empty", "type", "damaged")
            else evidence_message(exc, upload.name),
        )


@login_required
def attachment_file(request, attachment_id):
    require(request.user, "cases.view")
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    case_or_404(Case.objects.all(), request.user, pk=attachment.case_id)
    return download(
        attachment.file,
        attachment.content_type,
        f"lampiran-{attachment.case_id}-{attachment.pk}.{attachment.extension}",
    )


#: Evidence a browser shows in the page itself: photos as thumbnails, PDFs in a preview frame.
SHOWN_INLINE = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"})


@login_required
@xframe_options_sameorigin  # the PDF preview is a frame of the case page itself
def case_evidence_file(request, case_id, evidence_id):
    """A file of the case's report, for everyone who may handle the case (BKN and the PPK
    included, once forwarded), through the case: the report's own page names the reporter."""
    require(request.user, "cases.view")
    case = case_or_404(Case.objects.select_related("submission"), request.user, pk=case_id)
    item = next((e for e in evidence_of(case, request.user) if e.pk == evidence_id), None)
    if item is None:
        raise Http404
    name = f"bukti-{item.pk}.{item.extension}"
    if request.GET.get("lihat") == "1" and item.content_type in SHOWN_INLINE:
        response = FileResponse(item.file.open("rb"), content_type=item.content_type, filename=name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
    return download(item.file, item.content_type, name, no_store=True)


@login_required
@require_POST
def case_merge(request, case_id):
    case = _handling_case(request, case_id)
    into_id = positive_id(request.POST.get("into"))
    into = reachable_cases(request.user).filter(pk=into_id).first() if into_id else None
    if into is None:
        return _again(request, case, "into", refusal_message("not_mergeable", case))
    response = _refused(
        request,
        case,
        lambda: actions.merge(
            request.user,
            case,
            into,
            version=submitted_version(request),
            reason=request.POST.get("reason", "")[:5000],
        ),
        field="merge-reason",
    )
    case.refresh_from_db()
    return redirect("cases:detail", case_id=into.pk) if case.merged_into_id else response


@login_required
def letter_templates(request):
    require(request.user, "letters.edit")
    custom = {t.kind: t for t in LetterTemplate.objects.select_related("updated_by")}
    return render(
        request,
        "cases/letter_templates.html",
        {"kinds": [(kind, label, custom.get(kind)) for kind, label in CaseDocument.Kind.choices]},
    )


@login_required
def letter_template_edit(request, kind):
    require(request.user, "letters.edit")
    if kind not in CaseDocument.Kind.values:
        raise Http404
    label = CaseDocument.Kind(kind).label
    if request.method == "POST" and request.POST.get("reset"):
        actions.reset_letter_template(request.user, kind)
        messages.success(request, _("The letter is back to the one shipped with Netra."))
        return redirect("cases:letter_template", kind=kind)
    form = LetterTemplateForm(request.POST or None, initial={"body": letters.body_for(kind)})
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_letter_template(request.user, kind, form.cleaned_data["body"])
        except letters.BadTemplate as bad:
            form.add_error("body", str(bad))
        else:
            messages.success(
                request,
                _("Saved. New letters use this text; letters already generated keep theirs."),
            )
            return redirect("cases:letter_template", kind=kind)
    return render(
        request,
        "cases/letter_template_edit.html",
        {"form": form, "kind": kind, "label": label, "placeholders": letters.PLACEHOLDERS},
    )

import time
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netra.accounts import throttle
from netra.accounts.access import (
    can,
    may_act_on_report,
    may_hand_over,
    may_open_report,
    report_or_404,
    require,
    restrict_reports,
)
from netra.accounts.throttle import client_ip
from netra.common import listing
from netra.common.downloads import download
from netra.common.links import absolute
from netra.regions.models import Region

from . import actions, receipts, staging
from .conduct import CONDUCT, codes_for
from .forms import (
    QueueFilter,
    ReceiptForm,
    ReplyForm,
    SubmissionForm,
    conduct_keys_for,
    roster_name_matches,
    within_region,
)
from .models import REPORTER_WORDING, Evidence, ReportedPerson, Submission
from .uploads import refuse_incomplete_bodies

REPORTER_SESSION_SECONDS = 1800


def body_limit():
    """The largest request a submission may be: every file at its limit, plus the text."""
    return settings.NETRA_EVIDENCE_MAX_FILES * settings.NETRA_EVIDENCE_MAX_BYTES + 1024 * 1024


def too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > body_limit()
    except ValueError:
        return True


def refuse_large_bodies(view):
    """413 before the body is read, so an oversized upload never reaches the disk."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method == "POST" and too_large(request):
            return render(
                request,
                "reports/too_large.html",
                {"limit_mb": body_limit() // (1024 * 1024)},
                status=413,
            )
        return view(request, *args, **kwargs)

    return guarded


def _too_busy(request, template, context):
    context["throttled"] = True
    return render(request, template, context, status=429)


@never_cache
@refuse_large_bodies
@refuse_incomplete_bodies
def report_form(request):
    if request.method == "POST" and request.POST.get("drop_staged"):
        staging.drop(request.session)
    kept = staging.kept(request.session)
    form = SubmissionForm(request.POST or None, request.FILES or None, staged_count=len(kept))
    if request.method == "POST":
        address = client_ip(request)
        try:
            actions.count_attempt(address)  # before validation opens the files
        except actions.Throttled:
            return _too_busy(
                request, "reports/form.html", {"form": SubmissionForm(request.POST), "kept": kept}
            )
        if form.is_valid():
            form.cleaned_data["evidence"] = (
                staging.take(request.session) + form.cleaned_data["evidence"]
            )
            submission, code = actions.submit(form, client_ip=address, counted=True)
            staging.drop(request.session)
            hold_receipt(request, code, submission)
            return redirect("reports:receipt")
        if "evidence" not in form.errors and getattr(form, "cleaned_data", {}).get("evidence"):
            # A browser cannot refill a file field: keep the checked files for the next try.
            staging.stage(request.session, form.cleaned_data["evidence"])
            kept = staging.kept(request.session)
        if not form.opened_evidence:
            actions.give_back_attempt(address)
    return render(request, "reports/form.html", {"form": form, "kept": kept})


RECEIPT_SESSION_KEY = "new_receipt"


def hold_receipt(request, code, submission):
    """Keep the new code for the receipt page: sealed under the vault key, never in a URL."""
    from . import identity

    request.session[RECEIPT_SESSION_KEY] = receipts.sealed_for_session(
        identity.keys(),
        code,
        kind=submission.kind,
        possibly_expired=submission.possibly_expired,
        now=time.time(),
    )
    if not request.user.is_authenticated:
        # A reporter's session ends with the code's time, so that the purge of expired
        # sessions erases even a code whose page was never opened again.
        request.session.set_expiry(receipts.SHOWN_SECONDS)


def _shown_receipt(request):
    """The receipt held in this session while it may still be shown, else None."""
    from . import identity

    held = request.session.get(RECEIPT_SESSION_KEY)
    if held is None:
        return None
    return receipts.open_from_session(identity.keys(), held, now=time.time())


@never_cache
def receipt(request):
    """The new code, on every reload and in either language, until the reporter confirms
    "I have saved it" (a POST) or its 30 minutes are over; then it is erased."""
    from django.contrib import messages

    shown = _shown_receipt(request)
    if shown is None or request.method == "POST":
        if RECEIPT_SESSION_KEY in request.session:
            del request.session[RECEIPT_SESSION_KEY]
            if shown is not None:
                messages.info(
                    request,
                    _(
                        "The receipt code is no longer shown. Enter it here "
                        "to follow your submission."
                    ),
                )
        return redirect("reports:status")
    return render(
        request,
        "reports/receipt.html",
        {
            "code": receipts.formatted(shown["code"]),
            "kind": shown["kind"],
            "possibly_expired": shown["expired"],
            "minutes": receipts.SHOWN_SECONDS // 60,
        },
    )


@never_cache
def receipt_note(request):
    """The receipt as a small text file to keep: the code and what happens next. Only while
    the code may still be shown, so the note is no way around the 30 minutes."""
    shown = _shown_receipt(request)
    if shown is None:
        return redirect("reports:status")
    note = render_to_string(
        "reports/receipt_note.txt",
        {
            "code": receipts.formatted(shown["code"]),
            "kind": shown["kind"],
            "status_link": absolute("reports:status"),
        },
        request=request,
    )
    response = HttpResponse(note, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tanda-terima-netra.txt"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"  # never_cache says private; a shared phone says more
    return response


def end_session(request):
    """For a shared phone: forget everything this browser holds of the report (the receipt
    on show, the status page's sign-in) so the next person cannot read it."""
    from django.contrib import messages

    if request.method != "POST":  # a typed or followed address ends nothing, and is no error
        return redirect("reports:receipt")
    if request.user.is_authenticated:  # staff sign out through their own menu
        return redirect("reports:status")
    request.session.flush()
    messages.info(
        request, _("The session has ended. Nothing of your report stays in this browser.")
    )
    return redirect("reports:form")


def _reporter_submission(request):
    held = request.session.get("reporter_submission")
    if not held or time.time() - held["at"] > REPORTER_SESSION_SECONDS:
        return None
    return Submission.objects.filter(pk=held["id"]).first()


@never_cache
@refuse_large_bodies
@refuse_incomplete_bodies
def status(request):
    """The reporter's view through the receipt code: coarse status, questions, answers."""
    submission = None
    form = ReceiptForm()
    if request.method == "POST" and "receipt" in request.POST:
        form = ReceiptForm(request.POST)
        if form.is_valid():
            try:
                submission = actions.find_by_receipt(
                    form.cleaned_data["receipt"], client_ip=client_ip(request)
                )
            except actions.Throttled:
                return _too_busy(request, "reports/status.html", {"form": form})
            if submission is None:
                form.add_error(
                    "receipt", _("No submission has this receipt code. Check the digits.")
                )
            else:
                request.session.cycle_key()
                request.session["reporter_submission"] = {"id": submission.pk, "at": time.time()}
    else:
        submission = _reporter_submission(request)
    reply = ReplyForm()
    if submission is not None and request.method == "POST" and "receipt" not in request.POST:
        if request.FILES:
            try:
                actions.count_attempt(client_ip(request))  # before its files are opened
            except actions.Throttled:
                return _too_busy(
                    request,
                    "reports/status.html",
                    {
                        "form": form,
                        "submission": submission,
                        "reply": ReplyForm(request.POST),
                        "messages_list": submission.messages.all(),
                    },
                )
        reply = ReplyForm(request.POST, request.FILES)
        if reply.is_valid():
            actions.reporter_reply(
                submission, reply.cleaned_data["body"], reply.cleaned_data["evidence"]
            )
            from django.contrib import messages

            messages.success(request, _("Your answer has been sent to Bawaslu."))
            # Back to the page by GET: a reload must not send the answer a second time.
            return redirect("reports:status")
    context = {"form": form, "submission": submission, "reply": reply}
    if submission is not None:
        context.update(
            messages_list=submission.messages.all(),
            steps=submission.steps.all(),
            evidence=submission.evidence.all(),
            reporter_status=REPORTER_WORDING[submission.status],
            received_wording=REPORTER_WORDING[Submission.Status.RECEIVED],
        )
    return render(request, "reports/status.html", context)


def district_options(request):
    """<option>s of the districts of a regency or city, for the form (HTMX)."""
    region = Region.objects.filter(code=request.GET.get("region", "")).first()
    districts = (
        Region.objects.filter(parent=region, level=Region.Level.DISTRICT).order_by("name")
        if region
        else []
    )
    return render(request, "reports/_district_options.html", {"districts": districts})


def employee_suggestions(request):
    """Up to five employees of the chosen region matching the typed name (HTMX)."""
    from netra.people.search import public_suggestions

    if not throttle.attempt(
        f"suggest:{client_ip(request)}", settings.NETRA_SUGGESTIONS_PER_ADDRESS, 600
    ):
        return render(request, "reports/_suggestions.html", {"throttled": True}, status=429)
    region = Region.objects.filter(code=request.GET.get("region", "")).first()
    found = public_suggestions(region, request.GET.get("person_name", "")[:100])
    return render(request, "reports/_suggestions.html", {"employees": found})


# ---- staff ---------------------------------------------------------------------------------


@login_required
def queue(request):
    """The report queue: searched, filtered, sorted and paged, open work first; with
    ?format=csv or xlsx exactly the listed rows (same scope, filters and order), audited."""
    require(request.user, "reports.view")
    filters = QueueFilter(request.GET, user=request.user)
    chosen = filters.chosen()
    submissions = _queue_rows(request.user, chosen)
    problems = filters.problems()
    exported, refused = listing.answer_export(
        submissions,
        request.GET,
        record=lambda rows, fmt: actions.record_queue_export(
            request.user, filters=listing.described_filters(chosen), rows=rows, fmt=fmt
        ),
        filename="laporan-netra",
        title="Laporan",
        header=QUEUE_EXPORT_HEADER,
        row=_queue_export_row,
    )
    if exported is not None:
        return exported
    problems += refused
    page, total = listing.page_and_total(submissions, request.GET.get("page"))
    return render(
        request,
        "reports/queue.html",
        {
            "page": page,
            "submissions": page.object_list,
            "total": total,
            "filters": filters,
            "problems": problems,
            "query": listing.page_query(request.GET),
            "headers": QueueFilter.sorting.headers(request.GET, chosen.get("urut")),
            "filtered": any(k != "urut" for k in chosen),
        },
    )


def _queue_rows(user, chosen):
    """The reports USER reaches (accounts/access.py), narrowed by the CHOSEN filters, in the
    chosen order: the one queryset the page and its export share."""

    submissions = restrict_reports(
        Submission.objects.select_related("region", "district", "election", "assigned_to"), user
    )
    if chosen.get("state"):
        submissions = submissions.filter(status=chosen["state"])
    if chosen.get("election"):
        submissions = submissions.filter(election=chosen["election"])
    if chosen.get("region"):
        submissions = within_region(submissions, user, chosen["region"], district="district")
    if chosen.get("conduct"):
        keys = conduct_keys_for(chosen["conduct"])
        submissions = submissions.filter(listing.JsonListHasAny("conduct", keys))
    if chosen.get("petugas"):
        submissions = submissions.filter(assigned_to_id=chosen["petugas"])
    if chosen.get("saya"):
        submissions = submissions.filter(assigned_to=user)
    if chosen.get("dari"):
        submissions = submissions.filter(submitted_at__gte=listing.day_range_start(chosen["dari"]))
    if chosen.get("sampai"):
        submissions = submissions.filter(submitted_at__lt=listing.day_after(chosen["sampai"]))
    if chosen.get("q"):
        submissions = _searched_reports(submissions, chosen["q"])
    submissions = QueueFilter.sorting.order(submissions, chosen.get("urut"))
    return submissions.prefetch_related("persons")


def _searched_reports(submissions, query):
    """Reports matching QUERY: an 18-digit NIP exactly (its index); a register number by its
    start (the case made from the report); otherwise every word, as the start of a word of a
    reported person's name or agency, of the account, or of a NIP; and a name also by how it
    sounds, for reported persons linked to the roster (roster_name_matches)."""
    compact = query.replace(" ", "")
    if len(compact) == 18 and compact.isdigit():
        return submissions.filter(
            pk__in=ReportedPerson.objects.filter(nip=compact).values("submission_id")
        )
    if "/" in query:
        return submissions.filter(case__number__startswith=query.strip())

    # As the case list: the roster's sound-alikes, read once, are a match of every word.
    sounds_like = roster_name_matches(query)
    linked = (
        list(
            ReportedPerson.objects.filter(employee__in=sounds_like).values_list(
                "submission_id", flat=True
            )
        )
        if sounds_like is not None
        else []
    )
    for word in listing.search_words(query):
        parts = [
            ReportedPerson.objects.filter(listing.TextMatch(["name", "agency"], word)).values(
                "submission_id"
            ),
            Submission.objects.filter(listing.TextMatch(["description"], word)).values("id"),
        ]
        if word.isdigit() and len(word) >= 8:
            parts.append(
                ReportedPerson.objects.filter(nip__startswith=word).values("submission_id")
            )
        if linked:
            parts.append(Submission.objects.filter(pk__in=linked).values("id"))
        submissions = submissions.filter(pk__in=listing.union_of(*parts))
    return submissions


#: The export's columns: never the reporter's identity, the receipt or the account (which
#: may name the reporter).
QUEUE_EXPORT_HEADER = [
    "No.",
    "Diterima",
    "Jenis",
    "Status",
    "Pemilihan",
    "Wilayah",
    "Kecamatan",
    "Perilaku",
    "Terlapor",
    "NIP terlapor",
    "Instansi terlapor",
    "Penanggung jawab",
]


def _queue_export_row(s):
    from django.utils import timezone as tz

    persons = list(s.persons.all())
    return [
        s.pk,
        tz.localtime(s.submitted_at).strftime("%Y-%m-%d %H:%M"),
        str(s.get_kind_display()),
        str(s.get_status_display()),
        s.election.name if s.election_id else "",
        f"{s.region.code} {s.region.name}",
        s.district.name if s.district_id else "",
        ", ".join(codes_for([k for k in s.conduct or [] if k in CONDUCT])),
        "; ".join(p.name for p in persons),
        "; ".join(p.nip for p in persons if p.nip),
        "; ".join(p.agency for p in persons if p.agency),
        (s.assigned_to.get_full_name() or s.assigned_to.username) if s.assigned_to_id else "",
    ]


def _submission_for(user, submission_id):
    return report_or_404(
        Submission.objects.select_related(
            "region", "district", "election", "duplicate_of", "assigned_to", "handed_over_by"
        ),
        user,
        pk=submission_id,
    )


@login_required
def detail(request, submission_id):
    require(request.user, "reports.view")
    return _detail_page(request, _submission_for(request.user, submission_id))


def _detail_page(request, submission, *, status=200, **extra):
    """The submission's page; EXTRA adds the opened identity or a refused question."""
    user = request.user
    return render(
        request,
        "reports/detail.html",
        {
            "submission": submission,
            "identity": None,
            "can_open_case": can(user, "cases.open"),
            "can_see_case": can(user, "cases.view"),
            "can_see_roster": can(user, "roster.view"),
            # A district supervisor's report may resemble one of another district of its
            # regency: named, but linked only when the viewer reaches it.
            "can_open_duplicate": bool(submission.duplicate_of_id)
            and may_open_report(user, Submission.objects.filter(pk=submission.duplicate_of_id)),
            # Only those who may handle it are offered the forms that act on it: a district
            # supervisor no more once it has handed the report over.
            "can_handle": may_act_on_report(user, submission),
            "can_study": can(user, "reports.hand_over") and may_act_on_report(user, submission),
            "can_hand_over": may_hand_over(user, submission),
            "can_take": may_act_on_report(user, submission)
            and not can(user, "reports.hand_over")
            and submission.assigned_to_id != user.pk,
            "deadline": actions.report_deadline(submission.election, submission.known_date)
            if submission.election
            else None,
            **extra,
        },
        status=status,
    )


@login_required
@require_POST
def reveal_identity(request, submission_id):
    require(request.user, "reports.handle")
    submission = _submission_for(request.user, submission_id)
    if not may_act_on_report(request.user, submission):
        return _no_longer_yours(request, submission)
    identity = actions.open_reporter_identity(request.user, submission)
    response = _detail_page(request, submission, identity=identity, identity_opened=True)
    response["Cache-Control"] = "no-store"
    return response


QUESTION_MAX = 5000


@login_required
@require_POST
def ask(request, submission_id):
    require(request.user, "reports.handle")
    submission = _submission_for(request.user, submission_id)
    if not may_act_on_report(request.user, submission):
        return _no_longer_yours(request, submission)
    question = request.POST.get("question", "").strip()
    if not question or len(question) > QUESTION_MAX:
        error = (
            _("Write the question for the reporter first.")
            if not question
            else _("The question may be at most %(n)s characters.") % {"n": QUESTION_MAX}
        )
        return _detail_page(request, submission, question=question, question_error=error)
    actions.ask_reporter(request.user, submission, question)
    return redirect("reports:detail", submission_id=submission.pk)


@login_required
@require_POST
def decide_duplicate(request, submission_id):
    require(request.user, "reports.handle")
    submission = _submission_for(request.user, submission_id)
    if not may_act_on_report(request.user, submission):
        return _no_longer_yours(request, submission)
    if submission.duplicate_of_id:
        actions.decide_duplicate(request.user, submission, request.POST.get("confirmed") == "1")
    return redirect("reports:detail", submission_id=submission.pk)


def _no_longer_yours(request, submission):
    """A district supervisor acting on a report the regency office has now (handed over, or
    registered there): said, and nothing done."""
    from django.contrib import messages

    submission.refresh_from_db(fields=["handed_over_at"])
    messages.error(
        request,
        _(
            "This report has been handed over to the regency/city Bawaslu: it is theirs to "
            "handle now, and you can still read it."
        )
        if submission.handed_over_at
        else _(
            "The regency/city Bawaslu has already registered this report: it is theirs to "
            "handle now, and you can still read it."
        ),
    )
    return redirect("reports:detail", submission_id=submission.pk)


REFUSALS = {
    "empty_study": lambda: _("Write the study first."),
    "study_too_long": lambda: (
        _("The study may be at most %(n)s characters.") % {"n": actions.STUDY_MAX}
    ),
}


@login_required
@require_POST
def study(request, submission_id):
    """The district supervisor records (or rewrites) its initial study of the report."""
    require(request.user, "reports.hand_over")
    submission = _submission_for(request.user, submission_id)
    note = request.POST.get("study", "")
    try:
        actions.record_study(request.user, submission, note)
    except actions.Refused as refused:
        if refused.code in ("already_handed_over", "already_registered"):
            return _no_longer_yours(request, submission)
        return _detail_page(request, submission, study=note, study_error=REFUSALS[refused.code]())
    from django.contrib import messages

    messages.success(request, _("Your study has been saved."))
    return redirect("reports:detail", submission_id=submission.pk)


@login_required
@require_POST
def hand_over(request, submission_id):
    """The district supervisor hands the report to the regency or city Bawaslu: once."""
    from django.contrib import messages

    require(request.user, "reports.hand_over")
    submission = _submission_for(request.user, submission_id)
    try:
        actions.hand_over(request.user, submission)
    except actions.Refused as refused:
        if refused.code == "already_registered":
            return _no_longer_yours(request, submission)
        messages.error(
            request,
            _("This report was already handed over to the regency/city Bawaslu: nothing changed."),
        )
    else:
        messages.success(request, _("The report has been handed over to the regency/city Bawaslu."))
    return redirect("reports:detail", submission_id=submission.pk)


@login_required
@require_POST
def take(request, submission_id):
    """An officer who handles the report takes it on: it is assigned to them."""
    from django.contrib import messages

    require(request.user, "reports.handle")
    submission = _submission_for(request.user, submission_id)
    if not may_act_on_report(request.user, submission) or can(request.user, "reports.hand_over"):
        raise Http404  # a district supervisor studies its reports without being assigned them
    if submission.assigned_to_id != request.user.pk:
        actions.assign(request.user, submission, request.user)
        messages.success(request, _("The report is assigned to you."))
    return redirect("reports:detail", submission_id=submission.pk)


@login_required
def evidence_file(request, evidence_id):
    require(request.user, "reports.view")
    item = report_or_404(
        Evidence.objects.select_related("submission"),
        request.user,
        submission_field="submission",
        pk=evidence_id,
    )
    return download(
        item.file,
        item.content_type,
        f"bukti-{item.pk}.{item.file.name.rsplit('.', 1)[-1]}",
        no_store=True,
    )

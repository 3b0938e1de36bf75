"""The case page, which the case views render and other apps' views re-render with their own
bound forms (BKN's recommendation, say), and the helpers every page that changes a case uses."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import (
    can,
    case_evidence,
    may_open_report,
    restrict_cases,
    users_reaching,
    visible_documents,
    visible_hearings,
)

from . import workflow as wf
from .forms import DocumentForm, HearingForm, RespondentEditForm, RespondentForm
from .models import STATE_LABELS, Case


def reachable_cases(user):
    return restrict_cases(Case.objects.select_related("region", "election"), user)


def _moves(case, user):
    labels = dict(STATE_LABELS) | {wf.REOPEN: _("Reopen")}
    return [(target, labels[target]) for target in wf.next_states(case.state, user.role)]


def render_case(request, case, extra=None):
    """The case page; EXTRA carries a bound form another app re-renders with its errors."""
    case = Case.objects.select_related(
        "region", "election", "submission", "assigned_to", "merged_into"
    ).get(pk=case.pk)
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "now": timezone.now(),
            "moves": _moves(case, request.user),
            "reopen_states": [(s, STATE_LABELS[s]) for s in wf.STATES if s != wf.CLOSED],
            "documents": visible_documents(case, request.user),
            "document_form": DocumentForm(),
            "hearings": visible_hearings(case, request.user),
            "hearing_form": HearingForm(),
            "can_write": can(request.user, "cases.open"),
            "can_annotate": can(request.user, "cases.annotate"),
            # The legal hold lives in the privacy app, which reads cases; only its link is here.
            "can_hold": can(request.user, "privacy.hold"),
            "respondents": respondents_of(request, case, (extra or {}).get("respondent_forms")),
            "attachments": case.attachments.all(),
            "evidence": evidence_of(case, request.user),
            # Offered only to those whose request the report's page answers (not BKN, not
            # the PPK): a link to a 404 is a dead end.
            "report_link": case.submission_id
            and may_open_report(
                request.user, type(case.submission).objects.filter(pk=case.submission_id)
            ),
            "respondent_form": RespondentForm(),
            "officers": assignable_officers(case) if can(request.user, "cases.open") else [],
            "merge_candidates": (
                merge_candidates(case, request.user)
                if can(request.user, "cases.open")
                and not case.forwarded
                and case.state != wf.CLOSED
                else []
            ),
            "can_extend": (
                not case.extended
                and wf.CLOCK_STEP.get(case.state) == "decision"
                and can(request.user, "cases.extend")
            ),
        }
        # A refused form comes back bound, with its errors and what was typed.
        | (extra or {}),
    )


#: How many roster entries a name search offers: enough to pick the right person, too few
#: to page through a roster.
NAME_SEARCH_ROWS = 8


def respondents_of(request, case, refused=None):
    """The reported persons, each with its correction form (REFUSED's bound one, when a
    correction was refused) and, for the one whose name is searched (?terlapor=&cari=), the
    roster entries found within the officer's reach."""
    from netra.people.search import search_employees  # the roster app, only when searched

    respondents = list(case.respondents.select_related("government"))
    if not can(request.user, "cases.open") or case.forwarded or case.state == wf.CLOSED:
        return respondents
    searched = request.GET.get("terlapor", "")
    query = request.GET.get("cari", "").strip()[:100]
    for r in respondents:
        r.edit_form = (refused or {}).get(r.pk) or RespondentEditForm(
            initial={
                "name": r.name,
                "subject_type": r.subject_type,
                "agency": r.agency,
                "position": r.position,
            },
            auto_id=f"id_p{r.pk}_%s",
        )
        r.search_query = query if searched == str(r.pk) else ""
        r.found = (
            search_employees(request.user, query, limit=NAME_SEARCH_ROWS)
            if r.search_query
            else None
        )
    return respondents


def evidence_of(case, user):
    """The report's files USER may see on CASE, each with the extension of its stored name
    (the download is named after it: bukti-<id>.<extension>)."""
    items = list(case_evidence(case, user))
    for item in items:
        item.extension = item.file.name.rsplit(".", 1)[-1].lower()
    return items


def submitted_version(request):
    """The case version the form was rendered with (optimistic locking)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def conflict_response(request, case):
    return render(request, "cases/conflict.html", {"case": case}, status=409)


def assignable_officers(case):
    """The active Bawaslu officers who reach CASE's region: those it may be assigned to."""
    return list(users_reaching(case.region, roles=wf.BAWASLU).order_by("first_name", "username"))


def merge_candidates(case, user):
    return (
        reachable_cases(user)
        .filter(region=case.region, election=case.election, forwarded=False, merged_into=None)
        .exclude(state=wf.CLOSED)
        .exclude(pk=case.pk)[:200]
    )

from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber, TruncDate
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from netra.accounts.access import can, restrict_cases, restrict_reports, scope_region_ids
from netra.accounts.models import Role
from netra.cases import workflow as wf
from netra.cases.models import STATE_LABELS, Case, overdue
from netra.common.refusals import api_answer
from netra.regions.models import Election
from netra.reports.models import Submission
from netra.worker.health import worker_status


def home(request):
    elections = Election.objects.prefetch_related("stages")[:3]
    return render(request, "web/home.html", {"elections": elections})


#: Deadlines shown on the dashboard per day of its calendar; the rest are one link away.
DEADLINES_PER_DAY = 5
DEADLINE_DAYS = 7


def _steps(cases, user, now):
    """Open cases per step, with how many of them are overdue and assigned to USER: one
    GROUP BY over the cases in reach, whatever their number."""
    rows = (
        cases.values("state")
        .annotate(
            n=Count("pk"),
            overdue=Count("pk", filter=overdue(now)),
            mine=Count("pk", filter=Q(assigned_to=user)),
            mine_overdue=Count("pk", filter=Q(assigned_to=user) & overdue(now)),
            # As the case list's "due within N days" counts them (?tenggat=7): from now on.
            due_soon=Count(
                "pk", filter=Q(due_at__gte=now, due_at__lt=now + timedelta(days=DEADLINE_DAYS))
            ),
        )
        .order_by()
    )
    by_state = {row["state"]: row for row in rows}
    steps = [
        {"state": state, "label": STATE_LABELS[state], "count": by_state[state]["n"]}
        for state in wf.STATES
        if state in by_state
    ]
    totals = {
        key: sum(row[key] for row in by_state.values())
        for key in ("n", "overdue", "mine", "mine_overdue", "due_soon")
    }
    counts = {state: row["n"] for state, row in by_state.items()}
    return steps, totals, counts


def _deadlines(cases, now):
    """The calendar of the coming DEADLINE_DAYS days (today first, in the current time zone):
    per day its count and its nearest DEADLINES_PER_DAY cases, in two queries. (The days end
    at midnight; the figure linked to the case list counts from now to the same time a week
    on, as the list does, so it may hold a few more.)"""
    zone = timezone.get_current_timezone()
    today = timezone.localdate(now)
    days = [today + timedelta(days=i) for i in range(DEADLINE_DAYS)]
    end = datetime.combine(days[-1] + timedelta(days=1), time.min, tzinfo=zone)
    upcoming = cases.filter(due_at__gte=now, due_at__lt=end)
    day_of = TruncDate("due_at", tzinfo=zone)
    # One window over the week's cases, on their ids alone: each day's count and its nearest
    # few; then those few (at most 35) with what the list shows of them.
    nearest = list(
        upcoming.annotate(
            day=day_of,
            rank=Window(RowNumber(), partition_by=[day_of], order_by=[F("due_at"), F("pk")]),
            day_count=Window(Count("pk"), partition_by=[day_of]),
        )
        .filter(rank__lte=DEADLINES_PER_DAY)
        .values_list("pk", "day", "day_count")
    )
    counts = {day: n for _pk, day, n in nearest}
    cases = Case.objects.select_related("region", "assigned_to").in_bulk([pk for pk, *_ in nearest])
    shown = {}
    for case in sorted(cases.values(), key=lambda c: (c.due_at, c.pk)):
        shown.setdefault(timezone.localdate(case.due_at, zone), []).append(case)
    return [
        {
            "date": day,
            "count": counts.get(day, 0),
            "cases": shown.get(day, []),
            "more": counts.get(day, 0) - len(shown.get(day, [])),
        }
        for day in days
    ]


@login_required
def dashboard(request):
    """The signed-in user's own work, within reach: reports waiting, open cases per step,
    the coming week's deadlines, overdue steps, what waits for BKN or for a PPK, and what is
    assigned to the user. Each figure links to the list it counts."""
    user = request.user
    ids = scope_region_ids(user)
    regions = user.regions.order_by("code") if ids is not None else None
    elections = Election.objects.prefetch_related("stages")
    if ids is not None:
        # Elections held in a region of the user's reach (or nationwide).
        elections = elections.filter(Q(national=True) | Q(regions__in=ids)).distinct()
    now = timezone.now()
    context = {
        "scope_regions": regions,
        "national": ids is None,
        "elections": elections[:3],
        "now": now,
        # Cases are assigned to Bawaslu officers (cases.actions.assign); auditors and
        # administrators read the figures, BKN and the PPK work by step.
        "takes_assignments": can(user, "cases.open"),
        "sees_reports": can(user, "reports.view"),
        "sees_cases": can(user, "cases.view"),
        "sees_roster": can(user, "roster.view"),
        "for_bkn": can(user, "cases.recommend"),
        "for_ppk": can(user, "cases.decree"),
    }
    if context["sees_reports"]:
        waiting = Submission.objects.filter(status=Submission.Status.RECEIVED)
        if user.role == Role.PANWASCAM:
            # Once handed to the regency office, a report waits there, not in the district.
            waiting = waiting.filter(handed_over_at__isnull=True)
        context["reports_waiting"] = restrict_reports(waiting, user).count()
    if context["sees_cases"]:
        cases = restrict_cases(Case.objects.exclude(state=wf.CLOSED), user)
        steps, totals, counts = _steps(cases, user, now)
        days = _deadlines(cases, now)
        context.update(
            steps=steps,
            open_cases=totals["n"],
            overdue_cases=totals["overdue"],
            mine=totals["mine"],
            mine_overdue=totals["mine_overdue"],
            state_counts=counts,
            days=days,
            due_count=totals["due_soon"],
            calendar_count=sum(day["count"] for day in days),
            deadline_days=DEADLINE_DAYS,
            waiting_for_bkn=[
                (state, STATE_LABELS[state], counts.get(state, 0))
                for state in (wf.FORWARDED, wf.BKN_VERIFICATION)
            ],
            waiting_for_ppk=[
                (state, STATE_LABELS[state], counts.get(state, 0))
                for state in (wf.RECOMMENDED, wf.PPK_OVERDUE)
            ],
        )
    return render(request, "web/dashboard.html", context)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    try:
        worker = worker_status()
    except DatabaseError:
        worker = "none"
    # The web side is up either way, so a load balancer keeps sending pages here; a silent
    # worker shows in the body and on the administrators' pages, and a monitor that reads
    # only status codes asks with ?worker=required to get a 503 while the worker is not ok.
    status = 503 if request.GET.get("worker") == "required" and worker != "ok" else 200
    return JsonResponse({"status": "ok", "database": "ok", "worker": worker}, status=status)


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse(api_answer("not_found"), status=404)
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse(api_answer("bad_request"), status=400)
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """The form was sent without the browser's proof that it came from our page: an old tab,
    blocked cookies, or another site posting. Say so plainly and offer the way back."""
    return render(request, "403_csrf.html", {"form_path": request.path}, status=403)


def server_error(request):
    return render(request, "500.html", status=500)

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Q
from django.db.utils import Error as DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from netra.accounts.access import restrict, restrict_cases, scope_region_ids
from netra.cases.models import Case, overdue
from netra.people.models import Employee
from netra.regions.models import Election
from netra.worker.health import worker_status


def home(request):
    elections = Election.objects.prefetch_related("stages")[:3]
    return render(request, "web/home.html", {"elections": elections})


@login_required
def dashboard(request):
    user = request.user
    ids = scope_region_ids(user)
    regions = user.regions.order_by("code") if ids is not None else None
    elections = Election.objects.prefetch_related("stages")
    if ids is not None:
        # Elections held in a region of the user's reach (or nationwide).
        elections = elections.filter(Q(national=True) | Q(regions__in=ids)).distinct()
    now = timezone.now()
    cases = restrict_cases(Case.objects.exclude(state="closed"), user)
    context = {
        "open_cases": cases.count(),
        "overdue_cases": cases.filter(overdue(now)).count(),
        "due_soon_cases": cases.filter(due_at__gte=now, due_at__lt=now + timedelta(days=1)).count(),
        "scope_regions": regions,
        "national": ids is None,
        "employee_count": restrict(
            Employee.objects.filter(active=True), user, districts=False
        ).count(),
        "elections": elections[:3],
    }
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
        return JsonResponse({"detail": "Not found"}, status=404)
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Bad request", "code": "bad_request"}, status=400)
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """The form was sent without the browser's proof that it came from our page: an old tab,
    blocked cookies, or another site posting. Say so plainly and offer the way back."""
    return render(request, "403_csrf.html", {"form_path": request.path}, status=403)


def server_error(request):
    return render(request, "500.html", status=500)

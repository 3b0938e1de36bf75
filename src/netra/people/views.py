from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render

from netra.accounts.access import can, get_or_404, is_national, require, restrict

from .actions import queue_roster_import
from .forms import RosterUploadForm
from .importer import FILE_MESSAGES, RowError, errors_as_csv
from .models import Employee, RosterImport
from .search import search_employees


@login_required
def roster(request):
    require(request.user, "roster.view")
    typed = request.GET.get("q", "")
    query = typed.strip()
    results, page = [], None
    if query:
        results = search_employees(request.user, typed, limit=50)
    elif not is_national(request.user):
        # A regional roster is listed by name; the national one (millions) is searched only.
        employees = restrict(
            Employee.objects.select_related("agency", "region"), request.user, districts=False
        )
        page = Paginator(employees.order_by("name", "id"), 50).get_page(request.GET.get("page"))
        results = page.object_list
    template = "people/_results.html" if request.headers.get("HX-Request") else "people/roster.html"
    return render(
        request,
        template,
        {
            "query": query,
            "results": results,
            "page": page,
            "national": is_national(request.user),
            "perms_import": can(request.user, "roster.import"),
        },
    )


def employee_for(user, employee_id):
    """The roster entry EMPLOYEE_ID if USER may see it (the roster's capability, within USER's
    reach), else 404: the one rule for an employee's page, whichever app assembles it."""
    require(user, "roster.view")
    return get_or_404(
        Employee.objects.select_related("agency", "region", "district"), user, pk=employee_id
    )


@login_required
def employee_detail(request, employee_id):
    """The roster entry alone. /pegawai/<id>/ itself is served by netra.web.employee_record,
    which adds the cases, sanctions and prevention about the employee (apps above this one)."""
    employee = employee_for(request.user, employee_id)
    return render(request, "people/employee.html", {"employee": employee})


@login_required
def roster_import(request):
    require(request.user, "roster.import")
    form = RosterUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        job = queue_roster_import(
            request.user,
            form.cleaned_data["region"],
            form.cleaned_data["file"],
            form.cleaned_data["skip_invalid"],
        )
        return redirect("people:import_job", job_id=job.pk)
    jobs = restrict(RosterImport.objects.select_related("region", "uploaded_by"), request.user)[:20]
    return render(request, "people/import.html", {"form": form, "jobs": jobs})


def _job_errors(job):
    return [
        RowError(row, column, code, value, params)
        for row, column, code, value, params in job.errors
    ]


@login_required
def import_job(request, job_id):
    require(request.user, "roster.import")
    job = get_or_404(RosterImport.objects.select_related("region"), request.user, pk=job_id)
    file_error = None
    if job.file_error:
        file_error = str(FILE_MESSAGES[job.file_error["code"]]) % job.file_error["params"]
    errors = _job_errors(job)
    context = {
        "job": job,
        "file_error": file_error,
        "errors": errors[:500],
        "more_errors": max(len(errors) - 500, 0),
    }
    template = "people/_job.html" if request.headers.get("HX-Request") else "people/job.html"
    return render(request, template, context)


@login_required
def import_job_errors(request, job_id):
    require(request.user, "roster.import")
    job = get_or_404(RosterImport.objects.all(), request.user, pk=job_id)
    response = HttpResponse(
        errors_as_csv(_job_errors(job)).encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="kesalahan-impor-{job.pk}.csv"'
    return response

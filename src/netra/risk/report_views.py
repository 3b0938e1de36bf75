"""The periodic report on demand: /staf/risiko/<code>/laporan/?dari=YYYY-MM-DD&sampai=YYYY-MM-DD
(and ?pemilihan=CODE for one election) answers the region's report as a PDF attachment.

For those who follow the handling of cases (`insights.staff`), within their reach; everyone
else, and a region outside reach, gets 404. Dates that cannot be read, or make no period,
get a page that says why, with 422. A month the worker has already drawn (report.py) is
served from its stored file.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from netra.accounts.access import region_in_scope, require
from netra.common.downloads import download
from netra.regions.models import Election, Region

from . import report
from .components import LEVELS
from .models import PeriodicReport


def _stored(region, start, end):
    """The worker's stored report of exactly this period, if its file is still there."""
    made = (
        PeriodicReport.objects.filter(region=region, start=start, end=end)
        .exclude(made_at__isnull=True)
        .exclude(file="")
        .first()
    )
    if made is None or not made.file.storage.exists(made.file.name):
        return None
    return made


@require_safe
@login_required
def periodic_report(request, code):
    require(request.user, "insights.staff")
    region = Region.objects.filter(code=code, level__in=LEVELS).first()
    if region is None or not region_in_scope(request.user, region):
        raise Http404
    election = None
    wanted = request.GET.get("pemilihan", "").strip()
    if wanted:
        election = Election.objects.filter(code=wanted).first()
        if election is None:
            raise Http404
    try:
        start, end = report.parse_period(
            request.GET.get("dari"), request.GET.get("sampai"), timezone.localdate()
        )
    except report.PeriodError as error:
        return render(
            request,
            "risk/report_error.html",
            {
                "region": region,
                "message": str(error),
                "max_days": report.MAX_DAYS,
                "month_url": request.path,
            },
            status=422,
        )
    name = report.filename(region, start, end)
    stored = _stored(region, start, end) if election is None else None
    if stored is not None:
        return download(stored.file, "application/pdf", name)
    data = report.make(region, start, end, election=election)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import can, get_or_404, region_in_scope, require, scope_region_ids
from netra.accounts.throttle import client_ip
from netra.common.downloads import download
from netra.common.forms import positive_id
from netra.common.refusals import attempt
from netra.lib import tables
from netra.lib.refusals import Refused
from netra.people.models import Agency, Employee
from netra.regions.models import Election, Region

from . import actions, coverage
from .forms import CircularForm, EventForm, PledgeCodeForm, PledgeRequestForm, UploadForm
from .guide import load_guide
from .models import Attendance, Circular, Event
from .refusals import ROW_CODES, refusal_text

NATIONAL_DEFAULT = "35.09"


def _fits(uploads):
    return sum(upload.size for upload in uploads) <= settings.NETRA_ATTENDANCE_MAX_BYTES


def _region(request):
    """The region the page is about: ?wilayah=code in the user's reach, else their first."""
    code = request.GET.get("wilayah") or request.POST.get("wilayah")
    if code:
        region = Region.objects.filter(code=code).exclude(level=Region.Level.DISTRICT).first()
        if region is None or not region_in_scope(request.user, region):
            raise Http404
        return region
    own = request.user.regions.order_by("code").first()
    if own is not None:
        return own
    if scope_region_ids(request.user, districts=False) is None:  # national: a default to show
        found = (
            Region.objects.filter(code=NATIONAL_DEFAULT).first()
            or Region.objects.filter(level=Region.Level.PROVINCE).order_by("code").first()
        )
        if found is not None:
            return found
    raise Http404  # an account without regions reaches nothing


def _election(request):
    code = request.GET.get("pemilihan")
    return Election.objects.filter(code=code).first() if code else None


@login_required
def home(request):
    require(request.user, "prevention.view")
    region = _region(request)
    election = _election(request)
    figures = coverage.coverage(region, election)
    in_region = coverage.timeline(region, election)
    return render(
        request,
        "prevention/home.html",
        {
            "region": region,
            "election": election,
            "figures": figures,
            "timeline": in_region,
            "circulars": Circular.objects.filter(region=region)[:20],
            "elections": Election.objects.order_by("-voting_date"),
            "regions": (
                None
                if scope_region_ids(request.user, districts=False) is None
                else request.user.regions.order_by("code")
            ),
            "can_manage": can(request.user, "prevention.manage"),
        },
    )


@login_required
def new_circular(request):
    require(request.user, "prevention.manage")
    form = CircularForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("pdf")
        if upload and upload.size > settings.NETRA_EVIDENCE_MAX_BYTES:
            form.add_error("pdf", _("The file is too large."))
            return render(
                request, "prevention/form.html", {"form": form, "title": _("Record a circular")}
            )
        circular = attempt(
            request,
            lambda: actions.add_circular(
                request.user,
                pdf=upload.read() if upload else None,
                **{
                    k: form.cleaned_data[k]
                    for k in ("region", "number", "issued_on", "issuer", "subject")
                },
            ),
            refusal_text,
            form=form,
            field="pdf",
        )
        if circular is not None:
            return redirect(f"/pencegahan/?wilayah={circular.region.code}")
    return render(request, "prevention/form.html", {"form": form, "title": _("Record a circular")})


@login_required
def new_event(request):
    require(request.user, "prevention.manage")
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        event = actions.add_event(request.user, target_agencies=data.pop("target_agencies"), **data)
        return redirect("prevention:event", event_id=event.pk)
    return render(request, "prevention/form.html", {"form": form, "title": _("Record an event")})


def _event(request, event_id):
    return get_or_404(
        Event.objects.select_related("region", "district", "election"), request.user, pk=event_id
    )


@login_required
def event_detail(request, event_id):
    require(request.user, "prevention.view")
    event = _event(request, event_id)
    counts = dict(event.attendance.values_list("status").annotate(n=Count("id")))
    return render(
        request,
        "prevention/event.html",
        {
            "event": event,
            "counts": counts,
            "upload_form": UploadForm(),
            "rows": event.attendance.select_related("employee__agency")[:300],
            "uploads": event.uploads.all(),
            "pledges": event.collective_pledges.all(),
            "agencies": Agency.objects.filter(region=event.region).order_by("name"),
            "can_manage": can(request.user, "prevention.manage"),
        },
    )


@login_required
@require_POST
def event_upload(request, event_id):
    require(request.user, "prevention.manage")
    event = _event(request, event_id)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, _("Choose at least one attendance file."))
        return redirect("prevention:event", event_id=event.pk)
    if not _fits(files):
        messages.error(
            request,
            _("The files are larger than %(mb)s MB together.")
            % {"mb": settings.NETRA_ATTENDANCE_MAX_BYTES // (1024 * 1024)},
        )
        return redirect("prevention:event", event_id=event.pk)
    try:  # not web.refusals.attempt: a refused file gets a page of its own with its row errors
        counts = actions.import_attendance(request.user, event, [(f.name, f.read()) for f in files])
    except actions.Refused as refused:
        return render(
            request,
            "prevention/upload_refused.html",
            {
                "event": event,
                "message": refusal_text(refused),
                "errors": [
                    (e.row, e.column, e.value, ROW_CODES.get(e.code, e.code))
                    for e in refused.errors[:200]
                ],
                "more": max(0, len(refused.errors) - 200),
            },
            status=400,
        )
    messages.success(
        request,
        _(
            "Imported: %(matched)s matched, %(uncertain)s to review, "
            "%(unmatched)s not on the roster."
        )
        % counts,
    )
    return redirect("prevention:event", event_id=event.pk)


@login_required
def event_review(request, event_id):
    require(request.user, "prevention.view")
    event = _event(request, event_id)
    if request.method == "POST":
        require(request.user, "prevention.manage")
        row = get_object_or_404(
            Attendance, pk=positive_id(request.POST.get("row")) or 0, event=event
        )
        return attempt(
            request,
            lambda: actions.review(request.user, row, positive_id(request.POST.get("employee"))),
            refusal_text,
            then=lambda: redirect("prevention:review", event_id=event.pk),
        )
    rows = list(event.attendance.filter(status=Attendance.Status.UNCERTAIN)[:100])
    ids = {pid for row in rows for pid, _score in row.candidates}
    people = Employee.objects.select_related("agency").in_bulk(ids)
    for row in rows:
        row.options = [
            (people.get(pid), round(100 * score)) for pid, score in row.candidates if pid in people
        ]
    return render(
        request,
        "prevention/review.html",
        {"event": event, "rows": rows, "can_manage": can(request.user, "prevention.manage")},
    )


@login_required
@require_POST
def collective_pledge(request, event_id):
    require(request.user, "prevention.manage")
    event = _event(request, event_id)
    wanted = [n for n in map(positive_id, request.POST.getlist("agencies")) if n is not None]
    agencies = list(Agency.objects.filter(region=event.region, pk__in=wanted))
    return attempt(
        request,
        lambda: actions.add_collective_pledge(
            request.user,
            event,
            agencies=agencies,
            signatories=request.POST.get("signatories", "")[:20_000],
            text=request.POST.get("text", "")[:5_000],
        ),
        refusal_text,
        then=lambda: redirect("prevention:event", event_id=event.pk),
    )


@login_required
@require_POST
def signed_pledges(request):
    require(request.user, "prevention.manage")
    region = _region(request)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose the signed pledge list."))
    elif not _fits([upload]):
        messages.error(
            request,
            _("The files are larger than %(mb)s MB together.")
            % {"mb": settings.NETRA_ATTENDANCE_MAX_BYTES // (1024 * 1024)},
        )
    else:

        def import_pledges():
            created, left_out = actions.import_signed_pledges(
                request.user, region, upload.name, upload.read()
            )
            messages.success(request, _("%(n)s pledges recorded.") % {"n": created})
            if left_out:
                messages.warning(
                    request,
                    _("Not matched to the roster, so not recorded: %(names)s")
                    % {"names": ", ".join(left_out[:50])},
                )

        attempt(request, import_pledges, refusal_text)
    return redirect(f"/pencegahan/?wilayah={region.code}")


@login_required
def coverage_export(request, fmt):
    require(request.user, "prevention.view")
    if fmt not in ("csv", "xlsx"):
        raise Http404
    region = _region(request)
    figures = coverage.coverage(region, _election(request))
    header = [
        str(label)
        for label in (
            _("Agency"),
            _("Employees"),
            _("Reached"),
            _("Reached (%)"),
            _("Pledged"),
            _("Pledged (%)"),
        )
    ]
    rows = [
        [
            str(a["agency"]),
            a["total"],
            a["reached"],
            a["reached_pct"],
            a["pledged"],
            a["pledged_pct"],
        ]
        for a in figures["agencies"]
    ]
    name = f"cakupan-pencegahan-{region.code}-{timezone.localdate():%Y%m%d}"
    if fmt == "csv":
        response = HttpResponse(
            tables.csv_text([header, *rows], bom=True), content_type="text/csv; charset=utf-8"
        )
    else:
        types = [
            [
                str(label)
                for label in (_("Employment"), _("Employees"), _("Reached (%)"), _("Pledged (%)"))
            ]
        ]
        types += [
            [str(t["label"]), t["total"], t["reached_pct"], t["pledged_pct"]]
            for t in figures["types"]
        ]
        response = HttpResponse(
            tables.xlsx_bytes([("Per unit kerja", [header, *rows]), ("Per jenis pegawai", types)]),
            content_type=tables.XLSX_CONTENT_TYPE,
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# Public pages


def public_region(request, code):
    region = Region.objects.filter(code=code).exclude(level=Region.Level.DISTRICT).first()
    if region is None:
        raise Http404
    inside = list(
        Region.objects.filter(code__startswith=region.code + ".")
        .exclude(level=Region.Level.DISTRICT)
        .values_list("id", flat=True)
    )
    return render(
        request,
        "prevention/public_region.html",
        {
            "region": region,
            "circulars": Circular.objects.filter(region=region).order_by("-issued_on")[:100],
            "events": Event.objects.filter(
                region__in=[region.pk, *inside], starts_at__lte=timezone.now()
            ).order_by("-starts_at")[:100],
        },
    )


def public_circular(request, circular_id):
    circular = get_object_or_404(Circular.objects.exclude(file=""), pk=circular_id)
    return download(circular.file, "application/pdf", f"surat-edaran-{circular.pk}.pdf")


def guide(request):
    return render(request, "prevention/guide.html", {"guide": load_guide()})


# The session key of the e-pledge requests that sent no code (see pledge_start).
DECOYS = "pledge_decoys"


def pledge_start(request):
    form = PledgeRequestForm(request.POST or None)

    def page():
        return render(request, "prevention/pledge_start.html", {"form": form})

    def send():
        token, sent = actions.request_pledge_code(
            form.cleaned_data["nip"], client_key=client_ip(request)
        )
        if not sent:
            # A NIP on no roster, or without an e-mail there, goes on exactly like a real one;
            # its wrong codes are counted here, as a real attempt's are in the database.
            decoys = request.session.get(DECOYS, {})
            decoys[token] = [timezone.now().timestamp(), 0]
            request.session[DECOYS] = decoys
        return redirect("prevention:pledge_confirm", token=token)

    if request.method == "POST" and form.is_valid():
        return attempt(request, send, refusal_text, form=form, field="nip", refused=page)
    return page()


def _refuse_decoy(request, token):
    """Refuse a code for a decoy TOKEN as confirm_pledge refuses a wrong one for a real attempt:
    the same attempts left, then expired (after as many attempts, or as many minutes)."""
    decoys = request.session.get(DECOYS, {})
    started, attempts = decoys[token]
    minutes = (timezone.now().timestamp() - started) / 60
    if minutes > settings.NETRA_PLEDGE_CODE_MINUTES or attempts >= actions.MAX_CODE_ATTEMPTS:
        raise Refused("code_expired")
    decoys[token] = [started, attempts + 1]
    request.session[DECOYS] = decoys
    raise Refused("code_wrong", left=actions.MAX_CODE_ATTEMPTS - attempts - 1)


def pledge_confirm(request, token):
    form = PledgeCodeForm(request.POST or None)

    def page():
        return render(request, "prevention/pledge_confirm.html", {"form": form})

    def confirm():
        if token in request.session.get(DECOYS, {}):
            _refuse_decoy(request, token)
        election = Election.objects.order_by("-voting_date").first()
        pledge = actions.confirm_pledge(token, form.cleaned_data["code"], election)
        return render(request, "prevention/pledge_done.html", {"pledge": pledge})

    if request.method == "POST" and form.is_valid():
        return attempt(request, confirm, refusal_text, form=form, field="code", refused=page)
    return page()

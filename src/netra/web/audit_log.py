"""The audit-log page for auditors and administrators (capability audit.view): the entries
newest first, filtered by actor, object, action and date, a page at a time after the last
entry shown (keyset: the same cost on page 1 and page 40,000); each entry links to its object
only where the viewer may open it; and the "verify chain" button, which has the worker run
the same walk as `netra audit verify` and shows its outcome.

A regional auditor reads the entries of the regions it reaches; administrators read them all.
"""

import json
from datetime import datetime, time, timedelta

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netra.accounts.access import (
    can,
    require,
    restrict,
    restrict_audit_entries,
    restrict_cases,
    restrict_reports,
)
from netra.accounts.models import User
from netra.audit.actions import current_verification, request_verification
from netra.audit.log import MESSAGES
from netra.audit.models import AuditEntry, AuditVerification
from netra.cases.models import Case
from netra.common.forms import positive_id, validate_date_range
from netra.people.models import Employee, RosterImport
from netra.prevention.models import Event
from netra.reports.models import Submission

ENTRIES_PER_PAGE = 50
#: Distinct actions and object kinds offered in the filters (the log holds a few dozen).
MAX_CHOICES = 200
#: How much of one data value is shown; the rest is cut with an ellipsis.
MAX_VALUE_CHARS = 160
MAX_FIELDS_SHOWN = 12

#: Fields of an entry's data never shown, whatever the entry: anything that could name or
#: reach a reporter, and any secret (a field name with one of these words, "receipt_hash",
#: "reporter_nik" or "identity" say; "codes", the violation codes, is shown).
HIDDEN_WORDS = frozenset(
    {
        "identity",
        "reporter",
        "receipt",
        "secret",
        "key",
        "token",
        "password",
        "totp",
        "otp",
        "code",
        "nik",
        "email",
        "phone",
        "address",
        "alamat",
        "sealed",
        "hash",
        "contact",
    }
)

#: Kinds of object an entry names, in the reader's words.
TARGET_LABELS = {
    "cases.case": _("Case"),
    "reports.submission": _("Report"),
    "people.employee": _("Employee"),
    "accounts.user": _("Account"),
    "people.rosterimport": _("Roster import"),
    "prevention.event": _("Outreach event"),
    "audit.auditverification": _("Audit chain check"),
}


def target_label(target_type):
    if target_type in TARGET_LABELS:
        return TARGET_LABELS[target_type]
    try:
        return str(apps.get_model(target_type)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return target_type


def _distinct(column):
    """The distinct non-empty values of COLUMN, through its index one value at a time (a
    loose index scan) rather than over every entry: a few dozen index probes."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    column = connection.ops.quote_name(column)
    sql = (
        f"WITH RECURSIVE walk(v) AS ("
        f" SELECT MIN({column}) FROM {table} WHERE {column} > ''"
        f" UNION ALL"
        f" SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > walk.v)"
        f" FROM walk WHERE walk.v IS NOT NULL)"
        f" SELECT v FROM walk WHERE v IS NOT NULL LIMIT {MAX_CHOICES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


class AuditFilter(forms.Form):
    pelaku = forms.CharField(
        label=_("Actor"),
        required=False,
        max_length=150,
        help_text=_('The account\'s user name, or "system"'),
    )
    jenis = forms.ChoiceField(label=_("Object"), required=False)
    objek = forms.CharField(label=_("Object number"), required=False, max_length=64)
    aksi = forms.ChoiceField(label=_("Action"), required=False)
    dari = forms.DateField(
        label=_("From"),
        required=False,
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sampai = forms.DateField(
        label=_("Until"),
        required=False,
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [("", _("Any object"))] + [
            (value, target_label(value)) for value in _distinct("target_type")
        ]
        self.fields["aksi"].choices = [("", _("Any action"))] + [
            (value, value) for value in _distinct("action")
        ]

    def clean_objek(self):
        value = self.cleaned_data["objek"].strip()
        if value and not value.isascii():
            raise forms.ValidationError(_("Give the object's number as shown in Netra."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("objek") and not data.get("jenis"):
            self.add_error("jenis", _("Choose the kind of object the number belongs to."))
        start, end = data.get("dari"), data.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("The end date comes before the start date."))
        return data


def _local_midnight(day):
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def _filtered(entries, chosen):
    if chosen.get("pelaku"):
        entries = entries.filter(actor_label=chosen["pelaku"].strip())
    if chosen.get("jenis"):
        entries = entries.filter(target_type=chosen["jenis"])
        if chosen.get("objek"):
            entries = entries.filter(target_id=chosen["objek"])
    if chosen.get("aksi"):
        entries = entries.filter(action=chosen["aksi"])
    if chosen.get("dari"):
        entries = entries.filter(at__gte=_local_midnight(chosen["dari"]))
    if chosen.get("sampai"):
        entries = entries.filter(at__lt=_local_midnight(chosen["sampai"] + timedelta(days=1)))
    return entries


def _hidden(name):
    parts = name.lower().replace("-", "_").replace(".", "_").split("_")
    return any(part in HIDDEN_WORDS for part in parts)


def _shown_value(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def shown_data(data):
    """(name, value or None when hidden) pairs of an entry's data, bounded; escaped by the
    template like everything else."""
    if not isinstance(data, dict):
        return [("", _shown_value(data))] if data not in (None, "", [], {}) else []
    fields = []
    for name in sorted(data)[:MAX_FIELDS_SHOWN]:
        value = data[name]
        if isinstance(value, dict):
            value = {k: ("…" if _hidden(str(k)) else v) for k, v in value.items()}
        fields.append((str(name)[:60], None if _hidden(str(name)) else _shown_value(value)))
    if len(data) > MAX_FIELDS_SHOWN:
        fields.append(("…", str(len(data) - MAX_FIELDS_SHOWN)))
    return fields


def _ids(entries, target_type):
    return {
        int(e.target_id)
        for e in entries
        if e.target_type == target_type and positive_id(e.target_id) is not None
    }


def object_links(entries, user):
    """{(target_type, target_id): url} for the objects USER may open: one query per kind of
    object on the page, each through the access rule of that object's own page, so that no
    link answers 404."""
    links = {}

    def add(target_type, model, within_reach, url_name):
        """Links to the objects of MODEL named on the page that WITHIN_REACH (a queryset ->
        the part of it USER reaches, the object page's own rule) keeps."""
        ids = _ids(entries, target_type)
        if not ids:
            return
        reachable = within_reach(model.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        for pk in reachable:
            links[(target_type, str(pk))] = reverse(url_name, args=[pk])

    add("cases.case", Case, lambda qs: restrict_cases(qs, user), "cases:detail")
    if can(user, "reports.view"):
        add(
            "reports.submission",
            Submission,
            lambda qs: restrict_reports(qs, user),
            "reports:detail",
        )
    if can(user, "roster.view"):
        add("people.employee", Employee, lambda qs: restrict(qs, user), "people:employee")
    if can(user, "roster.import"):
        add(
            "people.rosterimport",
            RosterImport,
            lambda qs: restrict(qs, user),
            "people:import_job",
        )
    if can(user, "prevention.view"):
        add("prevention.event", Event, lambda qs: restrict(qs, user), "prevention:event")
    if can(user, "accounts.manage"):
        add(
            "accounts.user",
            User,
            lambda qs: restrict(qs, user, region_field="regions"),
            "accounts:user_edit",
        )
    add(
        "audit.auditverification",
        AuditVerification,
        lambda qs: qs,
        "web:audit_verification",
    )
    return links


@login_required
def audit_log(request):
    require(request.user, "audit.view")
    entries = restrict_audit_entries(AuditEntry.objects.all(), request.user)
    params = request.GET.copy()
    cursor_text = params.pop("sebelum", [""])[-1]
    filters = AuditFilter(params or None)
    page, more, error = [], False, False
    if filters.is_bound and not filters.is_valid():
        error = True
    else:
        entries = _filtered(entries, filters.cleaned_data if filters.is_bound else {})
        if cursor_text:
            cursor = positive_id(cursor_text)
            after = entries.filter(pk=cursor).values_list("at", "pk").first() if cursor else None
            if after is None:
                error = True
                messages.error(request, _("That page of the audit log is not available."))
            else:
                # Older than the last entry shown, in the page's order. The plain bound on
                # the time lets the index start there; the rest orders equal times.
                entries = entries.filter(at__lte=after[0]).filter(
                    Q(at__lt=after[0]) | Q(at=after[0], pk__lt=after[1])
                )
        if not error:
            page = list(entries.order_by("-at", "-pk")[: ENTRIES_PER_PAGE + 1])
            more = len(page) > ENTRIES_PER_PAGE
            page = page[:ENTRIES_PER_PAGE]
    links = object_links(page, request.user)
    rows = [
        {
            "entry": entry,
            "target": target_label(entry.target_type) if entry.target_type else "",
            "link": links.get((entry.target_type, entry.target_id)),
            "data": shown_data(entry.data),
        }
        for entry in page
    ]
    query = params.urlencode()
    next_query = ""
    if more:
        next_params = params.copy()
        next_params["sebelum"] = str(page[-1].pk)
        next_query = next_params.urlencode()
    latest = AuditVerification.objects.select_related("requested_by").first()
    return render(
        request,
        "web/audit_log.html",
        {
            "filters": filters,
            "rows": rows,
            "error": error,
            "paged": bool(cursor_text),
            "first_query": query,
            "next_query": next_query,
            "latest": latest,
            "latest_message": verification_message(latest) if latest else "",
        },
    )


def verification_message(verification):
    """The outcome of VERIFICATION in the reader's language ("" while it runs)."""
    broken = verification.broken
    if verification.status == AuditVerification.Status.INTACT or not broken:
        return ""
    kind = broken.get("kind")
    if kind in MESSAGES:
        values = {"entry": broken.get("entry_id"), **(broken.get("detail") or {})}
        indonesian, english = MESSAGES[kind]
        english_reader = (translation.get_language() or "id").startswith("en")
        try:
            return (english if english_reader else indonesian).format(**values)
        except (KeyError, IndexError, ValueError):
            return str(_("The audit chain does not verify."))
    if kind == "key_unusable":
        return str(_("The audit key cannot be used: the chain could not be checked."))
    if kind == "worker_lost":
        return str(_("The background worker stopped during the check. Ask for a new one."))
    return str(_("The check could not be finished. Ask for a new one."))


@login_required
@require_POST
def audit_verify(request):
    require(request.user, "audit.view")
    verification, new = request_verification(request.user)
    if not new:
        messages.info(request, _("A check of the chain is already under way: here it is."))
    return redirect("web:audit_verification", verification_id=verification.pk)


@never_cache
@login_required
def audit_verification(request, verification_id):
    require(request.user, "audit.view")
    # An id past the database's integers is no verification (and no database error).
    verification = get_object_or_404(
        AuditVerification.objects.select_related("requested_by"),
        pk=positive_id(str(verification_id)) or 0,
    )
    checkpoint = verification.checkpoint or {}
    written_at = checkpoint.get("written_at")
    context = {
        "verification": verification,
        "message": verification_message(verification),
        "checkpoint": checkpoint,
        "checkpoint_written_at": datetime.fromisoformat(written_at) if written_at else None,
        "current": current_verification(),
    }
    template = (
        "web/audit_verification_status.html"
        if request.headers.get("HX-Request")
        else "web/audit_verification.html"
    )
    return render(request, template, context)

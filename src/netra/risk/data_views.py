"""The early-warning data pages, for administrators: the vulnerability index (IKP) per
election with every imported version and its source, the import of a new file, the
correction of one value, and the weights of the risk score."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netra.accounts.access import require
from netra.common.refusals import attempt
from netra.lib.refusals import message

from . import actions, importer, weights
from .forms import COMPONENT_LABELS, FIELD_LABELS, IkpCorrectionForm, IkpImportForm, WeightsForm
from .models import IkpRelease, RiskWeights
from .refusals import REFUSALS, weight_problems_text

# A body far above the file limit is refused from its stated length, before it is read.
BODY_SLACK = 64 * 1024


def _labelled(weights):
    """[(component label, weight)] in the score's order, a component left out as 0."""
    return [(label, weights.get(name, 0)) for name, label in COMPONENT_LABELS.items()]


def _refusal_text(refusal):
    if refusal.code == "weights":
        return message(REFUSALS, "weights", problems=weight_problems_text(refusal.errors))
    return message(REFUSALS, refusal.code, **refusal.params)


def _body_too_large(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    return not length.isdigit() or int(length) > importer.MAX_BYTES + BODY_SLACK


@login_required
def ikp(request):
    """Every election's imported index versions, newest first, and the form to import one."""
    require(request.user, "risk.manage")
    form, file_error, errors, error_count = IkpImportForm(), None, [], 0
    if request.method == "POST":
        if _body_too_large(request):
            file_error = importer.IkpFileError(
                "too_large",
                size_mb=round(int(request.META.get("CONTENT_LENGTH") or 0) / 2**20, 1),
                limit_mb=round(importer.MAX_BYTES / 2**20),
            ).message
        else:
            form = IkpImportForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                upload = data["file"]
                try:
                    release = attempt(
                        request,
                        lambda: actions.import_ikp(
                            request.user,
                            data["election"],
                            upload.read(),
                            source=data["source"],
                            published_on=data["published_on"],
                            file_name=upload.name,
                            fictional=data["fictional"],
                        ),
                        _refusal_text,
                        form=form,
                    )
                except importer.IkpFileError as refusal:
                    # Row errors are listed in their own section, headed by their number.
                    file_error = None if refusal.errors else refusal.message
                    errors, error_count = refusal.errors, refusal.error_count
                else:
                    if release is not None:
                        messages.success(
                            request,
                            _("%(rows)s regions of the index imported for %(election)s.")
                            % {"rows": release.rows, "election": release.election.name},
                        )
                        return redirect("risk:ikp_release", release_id=release.pk)
    releases = IkpRelease.objects.select_related("election", "imported_by")
    return render(
        request,
        "risk/ikp.html",
        {
            "form": form,
            "file_error": file_error,
            "errors": errors,
            "more_errors": max(error_count - len(errors), 0),
            "error_count": error_count,
            "releases": releases,
            "in_force": _in_force(releases),
            "max_rows": importer.MAX_ROWS,
            "limit_mb": round(importer.MAX_BYTES / 2**20),
        },
    )


def _in_force(releases):
    """The id of each election's newest release (the one the risk score reads)."""
    newest = {}
    for release in releases:  # newest first
        newest.setdefault(release.election_id, release.pk)
    return set(newest.values())


@login_required
def ikp_release(request, release_id):
    """One imported version: its source and its rows, each with its correction form."""
    require(request.user, "risk.manage")
    release = get_object_or_404(
        IkpRelease.objects.select_related("election", "imported_by"), pk=release_id
    )
    scores = release.scores.select_related("region").order_by("region__code")
    form = IkpCorrectionForm(scores=scores)
    if request.method == "POST":
        form = IkpCorrectionForm(request.POST, scores=scores)
        if form.is_valid():
            data = form.cleaned_data
            corrected = data["score"]
            done = attempt(
                request,
                lambda: actions.correct_ikp(
                    request.user,
                    corrected,
                    field=data["field"],
                    value=data["value"],
                    reason=data["reason"],
                ),
                _refusal_text,
                form=form,
                field="value",
            )
            if done is not None:
                messages.success(
                    request,
                    _("%(field)s of %(region)s corrected.")
                    % {"field": FIELD_LABELS[data["field"]], "region": corrected.region.name},
                )
                return redirect(f"{reverse('risk:ikp_release', args=[release.pk])}#r{done.pk}")
    return render(
        request,
        "risk/ikp_release.html",
        {
            "release": release,
            "scores": scores,
            "form": form,
            "in_force": not IkpRelease.objects.filter(
                election=release.election, imported_at__gt=release.imported_at
            ).exists(),
        },
    )


@login_required
def risk_weights(request):
    """The weights in force (an administrator's, else the shipped ones), their history, and
    the form to set new ones."""
    require(request.user, "risk.manage")
    current = weights.in_force()
    form = WeightsForm(current=current.weights)
    if request.method == "POST":
        form = WeightsForm(request.POST, current=current.weights)
        if form.is_valid():
            done = attempt(
                request,
                lambda: actions.set_weights(
                    request.user, form.weights(), note=form.cleaned_data["note"]
                ),
                _refusal_text,
                form=form,
            )
            if done is not None:
                messages.success(request, _("The new weights are in force."))
                return redirect("risk:weights")
    return render(
        request,
        "risk/weights.html",
        {
            "form": form,
            "current": current,
            "current_rows": _labelled(current.weights),
            "history": [
                (kept, _labelled(kept.weights))
                for kept in RiskWeights.objects.select_related("changed_by")[:20]
            ],
        },
    )

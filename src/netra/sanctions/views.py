from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import can, case_or_404, may_answer_for, require
from netra.cases.models import Case
from netra.cases.pages import conflict_response, render_case, submitted_version
from netra.common.downloads import download
from netra.common.refusals import attempt
from netra.lib.refusals import Refused

from . import actions, reports, rules
from .catalog import active_catalog
from .forms import LEVEL_LABELS, CatalogCodeForm, DecreeForm, RecommendationForm, kind_labels
from .models import CatalogVersion, Decree, FollowUpStep, Recommendation
from .refusals import message_for, refusal_message


@login_required
@require_POST
def recommend(request, case_id):
    """Two steps on one form: "see the proposal" computes it for every reported person; "issue"
    records the recommendation with the chosen sanctions."""
    require(request.user, "cases.recommend")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user, pk=case_id)
    final = "issue" in request.POST
    form = RecommendationForm(request.POST, respondents=case.respondents.all(), final=final)
    form.is_valid()
    # The proposal is computed for every person whose conduct is valid, even when another
    # field (the sanction, say) is refused: BKN chooses from it, so it must stay on the page.
    form.proposals = {}
    try:
        for r in form.respondents:
            conduct = form.cleaned_data.get(f"conduct_{r.pk}")
            employment = form.cleaned_data.get(f"employment_{r.pk}")
            if conduct and employment:
                form.proposals[r.pk] = actions.proposal_for(
                    case, actions.Choice(employment=employment, conduct=conduct, sanction="")
                )
    except rules.ProposalError:
        form.proposals = {}
        form.add_error(None, refusal_message("proposal_unknown_kind", case))
    if form.is_valid() and final:
        return attempt(
            request,
            lambda: actions.recommend(
                request.user,
                case,
                version=submitted_version(request),
                verification=form.cleaned_data["verification"],
                choices=form.choices(),
                note=form.cleaned_data["note"],
            ),
            message_for(case),
            then=lambda: redirect("cases:detail", case_id=case.pk),
            refused=lambda: render_case(request, case, {"recommendation_form": form}),
            conflict=lambda: conflict_response(request, case),
        )
    return render_case(request, case, {"recommendation_form": form})


def _recommendation_for(user, recommendation_id):
    recommendation = (
        Recommendation.objects.select_related("respondent").filter(pk=recommendation_id).first()
    )
    if recommendation is None or not may_answer_for(user, recommendation.government_id):
        raise Http404
    recommendation.case = case_or_404(
        Case.objects.select_related("region", "election"), user, pk=recommendation.case_id
    )
    return recommendation


@login_required
@require_POST
def decree(request, recommendation_id):
    require(request.user, "cases.decree")
    recommendation = _recommendation_for(request.user, recommendation_id)
    case = recommendation.case
    form = DecreeForm(request.POST, request.FILES, prefix=f"r{recommendation.pk}")
    # A refused decree comes back on the page with its errors by the fields and what was typed
    # (a browser never lets a page refill a file input: only the file is chosen again).
    again = lambda: render_case(request, case, {"decree_forms": {recommendation.pk: form}})  # noqa: E731
    if not form.is_valid():
        return again()
    upload = form.cleaned_data["file"]

    def record():
        if upload and upload.size > settings.NETRA_EVIDENCE_MAX_BYTES:
            raise Refused("decree_file_too_large")
        actions.record_decree(
            request.user,
            recommendation,
            version=submitted_version(request),
            outcome=form.cleaned_data["outcome"],
            number=form.cleaned_data["number"],
            decided_on=form.cleaned_data["decided_on"],
            sanction=form.cleaned_data["sanction"],
            reason=form.cleaned_data["reason"],
            pdf=upload.read() if upload else None,
        )

    return attempt(
        request,
        record,
        message_for(case),
        then=lambda: redirect("cases:detail", case_id=case.pk),
        form=form,
        refused=again,
        conflict=lambda: conflict_response(request, case),
    )


@login_required
def decree_file(request, recommendation_id):
    require(request.user, "cases.view")
    recommendation = _recommendation_for(request.user, recommendation_id)
    found = Decree.objects.filter(recommendation=recommendation).exclude(file="").first()
    if found is None:
        raise Http404
    return download(found.file, "application/pdf", f"keputusan-{recommendation.pk}.pdf")


@login_required
@require_POST
def take_step(request, step_id):
    require(request.user, "cases.recommend")
    step = FollowUpStep.objects.filter(pk=step_id).first()
    if step is None:
        raise Http404
    case = case_or_404(Case.objects.select_related("region"), request.user, pk=step.case_id)
    step.case = case
    try:
        actions.take_follow_up_step(request.user, step, request.POST.get("note", "")[:2000])
    except Refused as error:
        return render_case(
            request,
            case,
            {
                "refused_step": step.pk,
                "refused_message": refusal_message(error, case),
                "kept": request.POST,
            },
        )
    return redirect("cases:detail", case_id=case.pk)


@login_required
def compliance(request):
    require(request.user, "cases.view")
    by = "province" if request.GET.get("per") == "provinsi" else "ppk"
    return render(
        request,
        "sanctions/compliance.html",
        {
            "rows": reports.compliance(request.user, by=by),
            "by": by,
            "overdue": reports.overdue(request.user),
            "now": timezone.now(),
        },
    )


@login_required
def consistency(request):
    require(request.user, "cases.view")
    titles = {code: entry["title_id"] for code, entry in active_catalog().codes.items()}
    rows = reports.consistency(request.user)
    for row in rows:
        row["title"] = titles.get(row["code"], "")
    return render(request, "sanctions/consistency.html", {"rows": rows})


@login_required
def history(request):
    require(request.user, "cases.view")
    nip = "".join(ch for ch in request.GET.get("nip", "") if ch.isdigit())[:18]
    return render(
        request,
        "sanctions/history.html",
        {
            "nip": nip,
            "items": reports.history(request.user, nip) if nip else [],
            "repeat": reports.repeat_offenders(request.user),
        },
    )


@login_required
def catalog(request):
    require(request.user, "cases.view")
    current = active_catalog()
    labels = kind_labels(current)
    return render(
        request,
        "sanctions/catalog.html",
        {
            "catalog": current,
            "codes": current.data["codes"],
            "levels": LEVEL_LABELS,
            "kinds": [(k, labels[k], v) for k, v in current.kinds.items()],
            "versions": CatalogVersion.objects.select_related("created_by")[:20],
            "can_edit": can(request.user, "catalog.edit"),
        },
    )


@login_required
def catalog_code(request, code):
    require(request.user, "catalog.edit")
    current = active_catalog()
    entry = current.codes.get(code)
    if entry is None:
        raise Http404
    form = CatalogCodeForm(
        request.POST or None,
        initial={
            "title_id": entry["title_id"],
            "title_en": entry["title_en"],
            "level": entry["level"],
            "legal_basis": "\n".join(entry["legal_basis"]),
        },
    )
    if request.method == "POST" and form.is_valid():
        version = attempt(
            request,
            lambda: actions.save_catalog_version(
                request.user,
                current,
                code=code,
                changes=form.changes(),
                note=form.cleaned_data["note"],
            ),
            message_for(None),
            form=form,
        )
        if version is not None:
            messages.success(
                request,
                _(
                    "Saved as catalog version %(version)s. Cases already "
                    "recommended keep the version they were decided "
                    "with."
                )
                % {"version": version.version},
            )
            return redirect("sanctions:catalog")
    return render(
        request, "sanctions/catalog_code.html", {"form": form, "entry": entry, "catalog": current}
    )

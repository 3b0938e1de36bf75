from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import can, case_or_404, require
from netra.cases import workflow as wf
from netra.cases.actions import Conflict, Refused
from netra.cases.models import Case
from netra.cases.views import conflict_response, refusal_message, submitted_version
from netra.lib.forms import validate_date_range
from netra.web.downloads import download

from . import actions, rules
from .models import Decree, FollowUpStep, Recommendation


def kind_labels(catalog=None):
    """The conduct kinds of the rule engine, as BKN officers read them: labels are catalog
    data (sanctions/data/catalog.json), in the active language."""
    shipped = rules.shipped_catalog()
    return (catalog or shipped).kind_labels(get_language(), fallback=shipped)


EMPLOYMENT_LABELS = {
    "PNS": _("Civil servant (PNS)"), "CPNS": _("Civil servant candidate (CPNS)"),
    "PPPK": _("Government employee with contract (PPPK)"), "NON_ASN": _("Non-ASN staff (honorer)"),
    "VILLAGE_HEAD": _("Village head"), "VILLAGE_OFFICIAL": _("Village official"),
    "TNI": _("TNI member"), "POLRI": _("Polri member"),
}
CONDUCT_ROWS = 3


class RecommendationForm(forms.Form):
    """BKN's verification: per reported person, the employment, up to three proven conducts
    with their dates, and the sanction chosen from the engine's proposal (or another, with a
    reason)."""

    verification = forms.CharField(label=_("Verification result"), max_length=20_000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note to the PPK"), required=False, max_length=5_000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, respondents, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.respondents, self.final = list(respondents), final
        kinds = [("", "-")] + list(kind_labels().items())
        for r in self.respondents:
            self.fields[f"employment_{r.pk}"] = forms.ChoiceField(
                label=_("Employment"), choices=list(EMPLOYMENT_LABELS.items()),
                initial=r.subject_type.upper() if r.subject_type.upper() in EMPLOYMENT_LABELS
                else "PNS")
            for i in range(CONDUCT_ROWS):
                self.fields[f"kind_{r.pk}_{i}"] = forms.ChoiceField(
                    label=_("Proven conduct"), choices=kinds, required=False)
                self.fields[f"date_{r.pk}_{i}"] = forms.DateField(
                    label=_("Date of the conduct"), required=False,
                    validators=[validate_date_range],
                    widget=forms.DateInput(attrs={"type": "date"}))
            self.fields[f"sanction_{r.pk}"] = forms.CharField(required=False, max_length=255)
            self.fields[f"other_{r.pk}"] = forms.CharField(
                label=_("Another sanction"), required=False, max_length=255)
            self.fields[f"reason_{r.pk}"] = forms.CharField(
                label=_("Why another sanction"), required=False, max_length=5_000,
                widget=forms.Textarea(attrs={"rows": 2}))

    def groups(self):
        """Per respondent, its bound fields, for the template."""
        for r in self.respondents:
            rows = [(self[f"kind_{r.pk}_{i}"], self[f"date_{r.pk}_{i}"])
                    for i in range(CONDUCT_ROWS)]
            yield {"respondent": r, "employment": self[f"employment_{r.pk}"], "rows": rows,
                   "sanction": self[f"sanction_{r.pk}"], "other": self[f"other_{r.pk}"],
                   "reason": self[f"reason_{r.pk}"],
                   "proposal": getattr(self, "proposals", {}).get(r.pk)}

    def clean(self):
        data = super().clean()
        for r in self.respondents:
            conduct = []
            for i in range(CONDUCT_ROWS):
                kind, when = data.get(f"kind_{r.pk}_{i}"), data.get(f"date_{r.pk}_{i}")
                if kind and not when:
                    self.add_error(f"date_{r.pk}_{i}", _("Give the date of this conduct."))
                elif kind:
                    conduct.append(rules.Conduct(kind, when))
            if not conduct:
                self.add_error(f"kind_{r.pk}_0", _("Give at least one proven conduct of "
                                                   "%(person)s.") % {"person": r.name})
            data[f"conduct_{r.pk}"] = tuple(conduct)
            chosen = (data.get(f"other_{r.pk}") or data.get(f"sanction_{r.pk}") or "").strip()
            if self.final and not chosen:
                self.add_error(f"sanction_{r.pk}", _("Choose the sanction for %(person)s.")
                               % {"person": r.name})
            data[f"chosen_{r.pk}"] = chosen
        return data

    def choices(self):
        return {r: actions.Choice(employment=self.cleaned_data[f"employment_{r.pk}"],
                                  conduct=self.cleaned_data[f"conduct_{r.pk}"],
                                  sanction=self.cleaned_data[f"chosen_{r.pk}"],
                                  deviation_reason=self.cleaned_data[f"reason_{r.pk}"])
                for r in self.respondents}


class DecreeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Follow-up"), choices=Decree.Outcome.choices,
                                widget=forms.RadioSelect, initial=Decree.Outcome.IMPOSED)
    number = forms.CharField(label=_("Decree number"), max_length=120, required=False)
    decided_on = forms.DateField(label=_("Decree date"), required=False,
                                 validators=[validate_date_range],
                                 widget=forms.DateInput(attrs={"type": "date"}))
    sanction = forms.CharField(label=_("Sanction in the decree"), max_length=255, required=False)
    reason = forms.CharField(label=_("Why no sanction was imposed"), required=False,
                             max_length=10_000, widget=forms.Textarea(attrs={"rows": 2}))
    file = forms.FileField(label=_("Decree (PDF)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Decree.Outcome.IMPOSED:
            for name in ("number", "decided_on", "sanction", "file"):
                if not data.get(name):
                    self.add_error(name, _("Needed when a sanction is imposed."))
        elif data.get("outcome") == Decree.Outcome.NOT_IMPOSED and not data.get("reason"):
            self.add_error("reason", _("Write why no sanction was imposed."))
        return data


def _form_errors(request, form):
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))


@login_required
@require_POST
def recommend(request, case_id):
    """Two steps on one form: "see the proposal" computes it for every reported person; "issue"
    records the recommendation with the chosen sanctions."""
    from netra.cases.views import render_case

    require(request.user, "cases.recommend")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    final = "issue" in request.POST
    form = RecommendationForm(request.POST, respondents=case.respondents.all(), final=final)
    if form.is_valid():
        try:
            form.proposals = {r.pk: actions.proposal_for(case, choice)
                              for r, choice in form.choices().items()}
        except rules.ProposalError:
            form.add_error(None, refusal_message("proposal_unknown_kind", case))
    if form.is_valid() and final:
        try:
            actions.recommend(request.user, case, version=submitted_version(request),
                              verification=form.cleaned_data["verification"],
                              choices=form.choices(), note=form.cleaned_data["note"])
        except wf.TransitionRefused as refused:
            messages.error(request, refusal_message(refused.refusal.code, case))
        except Refused as refused:
            messages.error(request, refusal_message(refused.code, case))
        except Conflict:
            return conflict_response(request, case)
        else:
            return redirect("cases:detail", case_id=case.pk)
    return render_case(request, case, {"recommendation_form": form})


def _recommendation_for(user, recommendation_id):
    recommendation = Recommendation.objects.select_related("respondent").filter(
        pk=recommendation_id).first()
    if recommendation is None or not may_answer(user, recommendation):
        raise Http404
    recommendation.case = case_or_404(Case.objects.select_related("region", "election"), user,
                                      pk=recommendation.case_id)
    return recommendation


def may_answer(user, recommendation):
    """A PPK (or its BKPSDM) answers only for the employees of its own government, even on a
    case it reaches through another reported person; other roles read what the case shows."""
    if user.role in ("ppk", "bkpsdm"):
        return user.regions.filter(pk=recommendation.government_id).exists()
    return True


@login_required
@require_POST
def decree(request, recommendation_id):
    require(request.user, "cases.decree")
    recommendation = _recommendation_for(request.user, recommendation_id)
    case = recommendation.case
    form = DecreeForm(request.POST, request.FILES, prefix=f"r{recommendation.pk}")
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("cases:detail", case_id=case.pk)
    upload = form.cleaned_data["file"]
    try:
        if upload and upload.size > settings.NETRA_EVIDENCE_MAX_BYTES:
            raise Refused("decree_file_too_large")
        actions.record_decree(
            request.user, recommendation, version=submitted_version(request),
            outcome=form.cleaned_data["outcome"], number=form.cleaned_data["number"],
            decided_on=form.cleaned_data["decided_on"], sanction=form.cleaned_data["sanction"],
            reason=form.cleaned_data["reason"], pdf=upload.read() if upload else None)
    except Refused as refused:
        messages.error(request, refusal_message(refused.code, case))
    except Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


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
    except Refused as refused:
        messages.error(request, refusal_message(refused.code, case))
    return redirect("cases:detail", case_id=case.pk)


@login_required
def compliance(request):
    from . import reports

    require(request.user, "cases.view")
    by = "province" if request.GET.get("per") == "provinsi" else "ppk"
    return render(request, "sanctions/compliance.html", {
        "rows": reports.compliance(request.user, by=by), "by": by,
        "overdue": reports.overdue(request.user), "now": timezone.now()})


@login_required
def consistency(request):
    from . import reports
    from .catalog import active_catalog

    require(request.user, "cases.view")
    titles = {code: entry["title_id"] for code, entry in active_catalog().codes.items()}
    rows = reports.consistency(request.user)
    for row in rows:
        row["title"] = titles.get(row["code"], "")
    return render(request, "sanctions/consistency.html", {"rows": rows})


@login_required
def history(request):
    from . import reports

    require(request.user, "cases.view")
    nip = "".join(ch for ch in request.GET.get("nip", "") if ch.isdigit())[:18]
    return render(request, "sanctions/history.html", {
        "nip": nip, "items": reports.history(request.user, nip) if nip else [],
        "repeat": reports.repeat_offenders(request.user)})


LEVEL_LABELS = {"moral": _("moral (ethics)"), "ringan": _("light (ringan)"),
                "sedang": _("moderate (sedang)"), "berat": _("heavy (berat)"),
                "ptdh": _("dismissal without honour (PTDH)")}


class CatalogCodeForm(forms.Form):
    title_id = forms.CharField(label=_("Description (Indonesian)"), max_length=500,
                               widget=forms.Textarea(attrs={"rows": 2}))
    title_en = forms.CharField(label=_("Description (English)"), max_length=500,
                               widget=forms.Textarea(attrs={"rows": 2}))
    level = forms.ChoiceField(label=_("Level"), choices=list(LEVEL_LABELS.items()))
    legal_basis = forms.CharField(label=_("Legal basis, one article per line"),
                                  max_length=5_000, widget=forms.Textarea(attrs={"rows": 5}))
    note = forms.CharField(label=_("Why this change (kept with the new version)"),
                           max_length=2_000, widget=forms.Textarea(attrs={"rows": 2}))

    def changes(self):
        data = self.cleaned_data
        return {"title_id": data["title_id"].strip(), "title_en": data["title_en"].strip(),
                "level": data["level"],
                "legal_basis": [line.strip() for line in data["legal_basis"].splitlines()
                                if line.strip()]}


@login_required
def catalog(request):
    from .catalog import active_catalog
    from .models import CatalogVersion

    require(request.user, "cases.view")
    current = active_catalog()
    labels = kind_labels(current)
    return render(request, "sanctions/catalog.html", {
        "catalog": current, "codes": current.data["codes"],
        "levels": LEVEL_LABELS, "kinds": [(k, labels[k], v) for k, v in current.kinds.items()],
        "versions": CatalogVersion.objects.select_related("created_by")[:20],
        "can_edit": can(request.user, "catalog.edit")})


@login_required
def catalog_code(request, code):
    from .catalog import active_catalog

    require(request.user, "catalog.edit")
    current = active_catalog()
    entry = current.codes.get(code)
    if entry is None:
        raise Http404
    form = CatalogCodeForm(request.POST or None, initial={
        "title_id": entry["title_id"], "title_en": entry["title_en"], "level": entry["level"],
        "legal_basis": "\n".join(entry["legal_basis"])})
    if request.method == "POST" and form.is_valid():
        try:
            version = actions.save_catalog_version(request.user, current, code=code,
                                                   changes=form.changes(),
                                                   note=form.cleaned_data["note"])
        except Refused as refused:
            form.add_error(None, refusal_message(refused.code, None))
        else:
            messages.success(request, _("Saved as catalog version %(version)s. Cases already "
                                        "recommended keep the version they were decided "
                                        "with.") % {"version": version.version})
            return redirect("sanctions:catalog")
    return render(request, "sanctions/catalog_code.html", {"form": form, "entry": entry,
                                                           "catalog": current})

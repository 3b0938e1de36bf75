from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from netra.accounts.access import case_or_404, require
from netra.cases.actions import Conflict, Refused
from netra.cases.models import Case
from netra.cases.views import conflict_response, refusal_message, submitted_version

from . import actions
from .models import Decree, Recommendation


class RecommendationForm(forms.Form):
    verification = forms.CharField(label=_("Verification result"), max_length=20_000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label=_("Note to the PPK"), required=False, max_length=5_000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, respondents, **kwargs):
        super().__init__(*args, **kwargs)
        self.respondents = list(respondents)
        for respondent in self.respondents:
            self.fields[f"sanction_{respondent.pk}"] = forms.CharField(
                label=_("Sanction recommended for %(person)s") % {"person": respondent},
                max_length=255)

    def sanctions(self):
        return {r: self.cleaned_data[f"sanction_{r.pk}"] for r in self.respondents}


class DecreeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Follow-up"), choices=Decree.Outcome.choices,
                                widget=forms.RadioSelect, initial=Decree.Outcome.IMPOSED)
    number = forms.CharField(label=_("Decree number"), max_length=120, required=False)
    decided_on = forms.DateField(label=_("Decree date"), required=False,
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
    require(request.user, "cases.recommend")
    case = case_or_404(Case.objects.select_related("region", "election"), request.user,
                       pk=case_id)
    form = RecommendationForm(request.POST, respondents=case.respondents.all())
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("cases:detail", case_id=case.pk)
    try:
        actions.recommend(request.user, case, version=submitted_version(request),
                          verification=form.cleaned_data["verification"],
                          sanctions=form.sanctions(), note=form.cleaned_data["note"])
    except Refused as refused:
        messages.error(request, refusal_message(refused.code, case))
    except Conflict:
        return conflict_response(request, case)
    return redirect("cases:detail", case_id=case.pk)


def _recommendation_for(user, recommendation_id):
    recommendation = Recommendation.objects.select_related("respondent").filter(
        pk=recommendation_id).first()
    if recommendation is None:
        raise Http404
    recommendation.case = case_or_404(Case.objects.select_related("region", "election"), user,
                                      pk=recommendation.case_id)
    return recommendation


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
        if upload and upload.size > 1024 * 1024 * 1024:
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
    response = FileResponse(found.file.open("rb"), content_type="application/pdf",
                            as_attachment=True, filename=f"keputusan-{recommendation.pk}.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response

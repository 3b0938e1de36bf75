"""The forms of the early-warning data pages: an IKP file to import, a correction of one of its
values, the weights of the risk score. They only read input; risk/actions.py checks and
keeps it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netra.regions.models import Election

from . import importer
from .score import COMPONENTS, MAX_WEIGHT

FIELD_LABELS = {
    "score": _("Score"),
    "category": _("Category"),
    "social_political": _("Socio-political context"),
    "electoral_administration": _("Electoral administration"),
    "contestation": _("Contestation"),
    "participation": _("Participation"),
    "asn_score": _("ASN-neutrality score"),
    "asn_category": _("ASN-neutrality category"),
}
COMPONENT_LABELS = {
    "ikp": _("Vulnerability index (IKP)"),
    "prevention": _("Civil servants outreach did not reach"),
    "flags": _("Monitoring flags per 10,000 civil servants"),
    "reports": _("Public reports per 10,000 civil servants"),
    "overdue": _("Handling steps past their deadline"),
    "ppk": _("Recommendations the PPK has not answered"),
}


class IkpImportForm(forms.Form):
    election = forms.ModelChoiceField(
        queryset=Election.objects.all(),
        label=_("Election"),
        empty_label=None,
        to_field_name="code",
    )
    file = forms.FileField(label=_("Index file (CSV or XLSX)"))
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("Who published the index, and where: e.g. Bawaslu RI, IKP Pilkada 2024."),
    )
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    fictional = forms.BooleanField(
        label=_("Made-up values (for a demonstration or training)"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importer.MAX_BYTES:
            raise forms.ValidationError(
                importer.IkpFileError(
                    "too_large",
                    size_mb=round(upload.size / 2**20, 1),
                    limit_mb=round(importer.MAX_BYTES / 2**20),
                ).message
            )
        return upload

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError(_("The publication date cannot be in the future."))
        return day


class RegionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.region.code} {obj.region.name}"


class IkpCorrectionForm(forms.Form):
    def __init__(self, *args, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"] = RegionChoice(queryset=scores, label=_("Region"), empty_label=None)
        self.order_fields(["score", "field", "value", "reason"])

    field = forms.ChoiceField(label=_("Value to correct"), choices=list(FIELD_LABELS.items()))
    value = forms.CharField(
        label=_("Correct value"),
        max_length=20,
        required=False,
        help_text=_("A number from 0 to 100, or rendah, sedang or tinggi for a category."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500)


class WeightsForm(forms.Form):
    note = forms.CharField(label=_("Why these weights"), max_length=300, required=False)

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in COMPONENTS:
            self.fields[name] = forms.DecimalField(
                label=COMPONENT_LABELS[name],
                min_value=0,
                max_value=MAX_WEIGHT,
                decimal_places=2,
                initial=(current or {}).get(name, 0),
            )
        self.order_fields([*COMPONENTS, "note"])

    def weights(self):
        return {name: float(self.cleaned_data[name]) for name in COMPONENTS}

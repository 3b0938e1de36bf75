"""The privacy app's forms: a legal hold's reason; the data-subject request and its answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netra.regions.labels import RegionChoiceField
from netra.regions.models import Region
from netra.reports import receipts

from .models import DataRequest


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        error_messages={"required": _("Write the reason for the legal hold.")},
    )


class RequestForm(forms.Form):
    """The public data-subject request (/privasi/permintaan/)."""

    kind = forms.ChoiceField(
        label=_("What do you ask for?"),
        choices=DataRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you want to see or to correct your data."),
            "invalid_choice": _("Choose whether you want to see or to correct your data."),
        },
    )
    relation = forms.ChoiceField(
        label=_("Who are you in the report?"),
        choices=DataRequest.Relation.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you sent a report or were reported."),
            "invalid_choice": _("Choose whether you sent a report or were reported."),
        },
    )
    receipt = forms.CharField(
        label=_("Receipt code of your report"),
        max_length=40,
        required=False,
        help_text=_("The 20 digits you got when you sent the report."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    region = RegionChoiceField(
        label=_("Regency or city the report is about"),
        to_field_name="code",
        queryset=Region.objects.filter(
            level__in=(Region.Level.REGENCY, Region.Level.CITY)
        ).order_by("name"),
        error_messages={
            "required": _("Choose the regency or city the report is about."),
            "invalid_choice": _("Choose a regency or city from the list (not a province)."),
        },
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Write your name.")},
    )
    contact = forms.CharField(
        label=_("Where we answer you (e-mail or phone number)"),
        max_length=200,
        error_messages={"required": _("Write an e-mail address or a phone number.")},
    )
    text = forms.CharField(
        label=_("What do you want to see or have corrected?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 4000}),
        error_messages={"required": _("Write what you ask for.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in (("name", 200), ("contact", 200), ("text", 4000), ("receipt", 40)):
            self.fields[name].error_messages["max_length"] = _(
                "Write at most %(limit)s characters."
            ) % {"limit": limit}

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_receipt(self):
        code = self.cleaned_data["receipt"].strip()
        if code and not receipts.is_well_formed(code):
            raise forms.ValidationError(_("A receipt code has 20 digits."))
        return receipts.normalize(code)

    def clean(self):
        data = super().clean()
        if data.get("relation") == DataRequest.Relation.REPORTER and not data.get("receipt"):
            if "receipt" not in self.errors:
                self.add_error("receipt", _("Give the receipt code of your report."))
        return data


class HandleForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (DataRequest.Status.ANSWERED, _("Answered: the data was given to the requester")),
            (DataRequest.Status.CORRECTED, _("Corrected as asked")),
            (DataRequest.Status.REFUSED, _("Refused (write why)")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the outcome."),
            "invalid_choice": _("Choose the outcome."),
        },
    )
    note = forms.CharField(
        label=_("What was given or corrected, or why it is refused"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 4000}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

from django import forms
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import restrict
from netra.common.forms import validate_date_range
from netra.people.models import Agency
from netra.regions.labels import RegionChoiceField
from netra.regions.models import Election, Region

from .models import AUDIENCES, PARTNERS, Circular, Event


def _regions_for(user):
    return restrict(
        Region.objects.exclude(level=Region.Level.DISTRICT).order_by("code"),
        user,
        region_field="id",
        districts=False,
    )


class CircularForm(forms.ModelForm):
    pdf = forms.FileField(label=_("Circular (PDF)"), required=False)

    class Meta:
        model = Circular
        fields = ["region", "number", "issued_on", "issuer", "subject"]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}),
            "subject": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"region": _("Region")}
        field_classes = {"region": RegionChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = _regions_for(user)
        self.fields["issued_on"].validators.append(validate_date_range)


class EventForm(forms.ModelForm):
    partners = forms.MultipleChoiceField(
        label=_("Partners"),
        required=False,
        choices=list(PARTNERS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.MultipleChoiceField(
        label=_("Audience"),
        choices=list(AUDIENCES.items()),
        initial=["asn"],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [
            "region",
            "title",
            "kind",
            "mode",
            "election",
            "district",
            "place",
            "starts_at",
            "ends_at",
            "organiser",
            "partners",
            "audience",
            "target_agencies",
            "min_minutes",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "target_agencies": forms.SelectMultiple(attrs={"size": 8}),
        }
        labels = {
            "region": _("Region"),
            "election": _("Election"),
            "district": _("District (kecamatan)"),
            "target_agencies": _("Target agencies"),
        }
        field_classes = {"region": RegionChoiceField, "district": RegionChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = _regions_for(user)
        self.fields["region"].queryset = regions
        for name in ("starts_at", "ends_at"):
            self.fields[name].validators.append(validate_date_range)
        self.fields["election"].queryset = Election.objects.all()
        self.fields["district"].queryset = Region.objects.filter(
            level=Region.Level.DISTRICT, parent__in=regions
        ).order_by("name")
        self.fields["target_agencies"].queryset = Agency.objects.filter(
            region__in=regions
        ).order_by("name")
        self.fields["target_agencies"].help_text = _(
            "Attendees' names are matched within these agencies."
        )

    def clean(self):
        data = super().clean()
        region, district = data.get("region"), data.get("district")
        if region and district and district.parent_id != region.pk:
            self.add_error("district", _("This district is not in the region."))
        if region:
            outside = [a for a in data.get("target_agencies", []) if a.region_id != region.pk]
            if outside:
                self.add_error("target_agencies", _("Choose agencies of the region."))
        if data.get("ends_at") and data.get("starts_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label=_("Attendance files"),
        widget=MultipleFileInput(attrs={"multiple": True}),
        help_text=_(
            "Zoom, Microsoft Teams or Google Meet participant exports (several exports of one "
            "meeting are merged), or sign-in sheets (CSV or XLSX with name, NIP, agency)."
        ),
    )

    def clean_files(self):
        return self.files.getlist("files")


class PledgeRequestForm(forms.Form):
    nip = forms.CharField(label="NIP", max_length=30)

    def clean_nip(self):
        nip = "".join(ch for ch in self.cleaned_data["nip"] if ch.isdigit())
        if len(nip) != 18:
            raise forms.ValidationError(_("A NIP has 18 digits."))
        return nip


class PledgeCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the e-mail"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    agree = forms.BooleanField(label=_("I pledge to stay neutral in this election."))

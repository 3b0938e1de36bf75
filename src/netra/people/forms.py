from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import restrict
from netra.regions.labels import RegionChoiceField
from netra.regions.models import Region


class RosterUploadForm(forms.Form):
    # A province is right here: a provincial government has its own staff.
    region = RegionChoiceField(
        label=_("Regional government"), queryset=Region.objects.none(), empty_label=None
    )
    file = forms.FileField(label=_("Roster file (CSV or XLSX)"))
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if some rows have errors"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.exclude(level=Region.Level.DISTRICT)
        self.fields["region"].queryset = restrict(regions, user, region_field="id")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.NETRA_ROSTER_MAX_BYTES
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if upload.size > limit:
            raise forms.ValidationError(
                _(
                    "The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. "
                    "Split it into smaller files."
                )
                % {"size_mb": round(upload.size / 2**20, 1), "limit_mb": round(limit / 2**20)}
            )
        return upload

"""The privacy app's forms: a legal hold's reason; the data-subject request and its answer."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        error_messages={"required": _("Write the reason for the legal hold.")},
    )

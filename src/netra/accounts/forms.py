from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from netra.regions.labels import RegionMultipleChoiceField
from netra.regions.models import Region

from .access import assignable_regions
from .importer import AccountFileError, check_size
from .models import Role
from .rules import RESERVED_USERNAMES, region_message, region_problem

User = get_user_model()


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, with_code=False, **kwargs):
        """WITH_CODE: many sign-ins failed from this address, so the code comes with the
        password (see accounts/views.py)."""
        super().__init__(*args, **kwargs)
        if with_code:
            self.fields["code"] = forms.CharField(
                label=_("Code from your authenticator app, or a recovery code"),
                max_length=20,
                help_text=_(
                    "Many sign-ins have failed from your network, so the code from "
                    "your authenticator app comes together with your password."
                ),
                widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
            )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class _ManyOptions(forms.SelectMultiple):
    """A <select multiple> of every region, districts included (some 7,800 options), written
    without a template per option: through Django's option templates the account form took
    over a second to render."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        final = {**self.build_attrs(self.attrs, attrs), "name": name, "multiple": True}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class RegionChoiceField(RegionMultipleChoiceField):
    """The account's regions, each labelled with the region it lies in (regions.labels)."""

    widget = _ManyOptions


class StaffUserForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and . @ + - _ only.")},
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    # Django's e-mail field allows 320 characters; the user table's column holds 254.
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    office = forms.CharField(label=_("Office"), max_length=200, required=False)
    # A blank first entry: without it the list opened on its first role, Administrator, and an
    # overlooked field made another administrator.
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("— choose a role —")), *Role.choices],
        error_messages={"required": _("Choose the account's role.")},
    )
    regions = RegionChoiceField(
        label=_("Regions"),
        queryset=assignable_regions(),
        required=False,
        help_text=_(
            "A province includes all of its regencies and cities. A district supervisor "
            "(Panwascam) is given districts, and no other role ever is."
        ),
    )
    # Whether the account is active is not edited here: deactivating takes a reason, ends the
    # sessions and moves the open work (the account page's "Deactivate"; cases/transfer.py).

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["username"].disabled = True

    def clean_username(self):
        username = self.cleaned_data["username"]
        taken = User.objects.filter(username__iexact=username)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if username.lower() in RESERVED_USERNAMES or taken.exists():
            raise forms.ValidationError(_("This username is already taken."))
        return username

    def clean(self):
        data = super().clean()
        role, regions = data.get("role"), data.get("regions")
        if role is None or regions is None:
            return data
        problem = region_problem(role, list(regions))
        if problem == "national_takes_none":
            data["regions"] = Region.objects.none()
        elif problem:
            self.add_error("regions", region_message(problem))
        return data


class AccountImportForm(forms.Form):
    file = forms.FileField(label=_("File of accounts (CSV or XLSX)"))

    def clean_file(self):

        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
        except AccountFileError as error:
            raise forms.ValidationError(error.message) from None
        return upload


class EnrolmentPasswordForm(SetPasswordForm):
    """The password chosen through an enrolment link (Django's checks of a new password)."""

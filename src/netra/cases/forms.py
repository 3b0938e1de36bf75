"""The case forms, shared by the case pages and the case API (neither imports the other)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from netra.accounts.access import restrict, roster_by_nip, roster_for_case
from netra.common.forms import validate_date_range
from netra.common.listing import Column, Sorting
from netra.people.models import Employee
from netra.regions.labels import RegionChoiceField
from netra.regions.models import Election, Region
from netra.reports.forms import WorkFilter

from . import workflow as wf
from .models import STATE_LABELS, CaseDocument, Hearing, SubjectType

#: The longest 'due within N days' the case list offers (the dashboard links to 7).
DUE_WITHIN_MAX_DAYS = 31


class CaseFilter(WorkFilter):
    """The officer's filters on the case list; every field optional. A bad value comes back as
    a message beside the form and is dropped; the valid filters still apply."""

    state = forms.ChoiceField(
        label=_("Step"), required=False, choices=[("", _("All steps"))] + list(STATE_LABELS.items())
    )
    lewat = forms.BooleanField(label=_("Overdue only"), required=False)
    tenggat = forms.IntegerField(
        label=_("Due within (days)"),
        required=False,
        min_value=1,
        max_value=DUE_WITHIN_MAX_DAYS,
        widget=forms.NumberInput(attrs={"min": 1, "max": DUE_WITHIN_MAX_DAYS}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].error_messages["invalid_choice"] = _("No step has this name.")
        days = _("Give a number of days from 1 to 31.")
        for code in ("invalid", "min_value", "max_value"):
            self.fields["tenggat"].error_messages[code] = days


#: Letters a Bawaslu officer generates; BKN's recommendation letter comes with the
#: recommendation itself.
BAWASLU_LETTERS = ("invitation", "registration_notice", "forwarding_letter", "case_summary")


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Letter"),
        choices=[(k, label) for k, label in CaseDocument.Kind.choices if k in BAWASLU_LETTERS],
    )
    recipient = forms.CharField(label=_("Invited person"), max_length=200, required=False)
    capacity = forms.ChoiceField(
        label=_("As"),
        required=False,
        choices=[
            ("pelapor", _("Reporter")),
            ("terlapor", _("Reported employee")),
            ("saksi", _("Witness")),
        ],
    )
    when = forms.CharField(label=_("Day, date and time"), max_length=100, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        # Its own ids: the hearing form on the same page has a "place" too.
        kwargs.setdefault("auto_id", "letter_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("kind") == CaseDocument.Kind.INVITATION:
            for name in ("recipient", "when", "place"):
                if not data.get(name):
                    self.add_error(name, _("Needed for an invitation."))
        return data


class HearingForm(forms.Form):
    party = forms.ChoiceField(label=_("Who"), choices=Hearing.Party.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    scheduled_at = forms.DateTimeField(
        label=_("When"),
        validators=[validate_date_range],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Place"), max_length=200)

    def __init__(self, *args, **kwargs):
        # Its own ids: the letter form has a "place" and the person form a "name" on the page.
        kwargs.setdefault("auto_id", "hearing_%s")
        super().__init__(*args, **kwargs)


class FindingForm(forms.Form):
    election = forms.ModelChoiceField(
        label=_("Election"), queryset=Election.objects.all(), empty_label=None
    )
    # The office handling the finding: a province is right for a provincial Bawaslu (a
    # governor's election, provincial staff); restrict offers only what the officer reaches.
    region = RegionChoiceField(label=_("Region"), queryset=Region.objects.none())
    summary = forms.CharField(
        label=_("What was found"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.exclude(level=Region.Level.DISTRICT).order_by("code")
        self.fields["region"].queryset = restrict(regions, user, region_field="id", districts=False)


class RespondentForm(forms.Form):
    nip = forms.CharField(
        label="NIP",
        max_length=24,
        required=False,
        help_text=_("With a NIP from the roster the rest is filled in."),
    )
    name = forms.CharField(label=_("Name"), max_length=255, required=False)
    subject_type = forms.ChoiceField(
        label=_("Employment"), choices=SubjectType.choices, initial=SubjectType.UNKNOWN
    )
    agency = forms.CharField(label=_("Agency"), max_length=255, required=False)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)

    def __init__(self, *args, case=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user

    def clean(self):
        data = super().clean()
        nip = (data.get("nip") or "").replace(" ", "")
        data["employee"] = (
            roster_by_nip(
                Employee.objects.select_related("agency__region", "region"),
                self.user,
                self.case.region,
                nip,
            ).first()
            if nip and self.case is not None
            else None
        )
        if nip and not (nip.isdigit() and len(nip) == 18):
            self.add_error("nip", _("A NIP has 18 digits."))
        if not data.get("name") and data["employee"] is None:
            self.add_error("name", _("Give the name, or a NIP found in the roster."))
        data["nip"] = nip
        if data.get("subject_type") == SubjectType.UNKNOWN and data["employee"] is not None:
            data["subject_type"] = ""  # taken from the roster
        return data


class RespondentEditForm(forms.Form):
    """A reported person corrected as typed, or linked to a roster entry (EMPLOYEE, chosen
    from a name search): the entry must be one the officer may link on this case."""

    employee = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=255, required=False)
    subject_type = forms.ChoiceField(
        label=_("Employment"), choices=SubjectType.choices, required=False
    )
    agency = forms.CharField(label=_("Agency"), max_length=255, required=False)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)

    def __init__(self, *args, case=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user

    def clean(self):
        data = super().clean()
        chosen = data.get("employee")
        data["employee"] = None
        if chosen:
            data["employee"] = roster_for_case(
                Employee.objects.select_related("agency__region", "region").filter(pk=chosen),
                self.user,
                self.case.region,
            ).first()
            if data["employee"] is None:
                self.add_error("name", _("That roster entry is not one you may link here."))
        elif not (data.get("name") or "").strip():
            self.add_error("name", _("Give the name, or link the person to the roster."))
        data["name"] = (data.get("name") or "").strip()
        if not data.get("subject_type"):
            data["subject_type"] = SubjectType.UNKNOWN
        return data


class LetterTemplateForm(forms.Form):
    body = forms.CharField(
        label=_("Letter body"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
    )


def open_cases_first(cases):
    """Cases not closed before closed ones, then the newest (the migration 0009 indexes it)."""
    from django.db.models import BooleanField, ExpressionWrapper, Q

    closed = ExpressionWrapper(Q(state=wf.CLOSED), output_field=BooleanField())
    return cases.order_by(closed.asc(), "-opened_at", "-id")


CaseFilter.sorting = Sorting(
    [
        Column("nomor", _("Register number"), ("number",)),
        Column("tahap", _("Step"), ("state",)),
        Column("wilayah", _("Region"), ("region__code",)),
        Column("pemilihan", _("Election"), ("election__voting_date",)),
        Column("diterima", _("Received"), ("received_at",)),
        Column("batas", _("Due"), ("due_at",)),
        Column("petugas", _("Assignee"), ("assigned_to__first_name", "assigned_to__username")),
    ],
    default=open_cases_first,
)

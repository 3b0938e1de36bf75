"""The sanctions forms (BKN's recommendation, the PPK's decree, the catalog editor), shared by
the pages and the API."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from netra.common.forms import validate_date_range

from . import actions, rules
from .models import Decree


def kind_labels(catalog=None):
    """The conduct kinds of the rule engine, as BKN officers read them: labels are catalog
    data (sanctions/data/catalog.json), in the active language."""
    shipped = rules.shipped_catalog()
    return (catalog or shipped).kind_labels(get_language(), fallback=shipped)


EMPLOYMENT_LABELS = {
    "PNS": _("Civil servant (PNS)"),
    "CPNS": _("Civil servant candidate (CPNS)"),
    "PPPK": _("Government employee with contract (PPPK)"),
    "NON_ASN": _("Non-ASN staff (honorer)"),
    "VILLAGE_HEAD": _("Village head"),
    "VILLAGE_OFFICIAL": _("Village official"),
    "TNI": _("TNI member"),
    "POLRI": _("Polri member"),
}
CONDUCT_ROWS = 3


class RecommendationForm(forms.Form):
    """BKN's verification: per reported person, the employment, up to three proven conducts
    with their dates, and the sanction chosen from the engine's proposal (or another, with a
    reason)."""

    verification = forms.CharField(
        label=_("Verification result"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    note = forms.CharField(
        label=_("Note to the PPK"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, respondents, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.respondents, self.final = list(respondents), final
        kinds = [("", "-")] + list(kind_labels().items())
        for r in self.respondents:
            self.fields[f"employment_{r.pk}"] = forms.ChoiceField(
                label=_("Employment"),
                choices=list(EMPLOYMENT_LABELS.items()),
                initial=r.subject_type.upper()
                if r.subject_type.upper() in EMPLOYMENT_LABELS
                else "PNS",
            )
            for i in range(CONDUCT_ROWS):
                self.fields[f"kind_{r.pk}_{i}"] = forms.ChoiceField(
                    label=_("Proven conduct"), choices=kinds, required=False
                )
                self.fields[f"date_{r.pk}_{i}"] = forms.DateField(
                    label=_("Date of the conduct"),
                    required=False,
                    validators=[validate_date_range],
                    widget=forms.DateInput(attrs={"type": "date"}),
                )
            self.fields[f"sanction_{r.pk}"] = forms.CharField(required=False, max_length=255)
            self.fields[f"other_{r.pk}"] = forms.CharField(
                label=_("Another sanction"), required=False, max_length=255
            )
            self.fields[f"reason_{r.pk}"] = forms.CharField(
                label=_("Why another sanction"),
                required=False,
                max_length=5_000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def groups(self):
        """Per respondent, its bound fields, for the template."""
        for r in self.respondents:
            rows = [
                (self[f"kind_{r.pk}_{i}"], self[f"date_{r.pk}_{i}"]) for i in range(CONDUCT_ROWS)
            ]
            yield {
                "respondent": r,
                "employment": self[f"employment_{r.pk}"],
                "rows": rows,
                "sanction": self[f"sanction_{r.pk}"],
                "other": self[f"other_{r.pk}"],
                "reason": self[f"reason_{r.pk}"],
                "proposal": getattr(self, "proposals", {}).get(r.pk),
            }

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
                self.add_error(
                    f"kind_{r.pk}_0",
                    _("Give at least one proven conduct of %(person)s.") % {"person": r.name},
                )
            data[f"conduct_{r.pk}"] = tuple(conduct)
            chosen = (data.get(f"other_{r.pk}") or data.get(f"sanction_{r.pk}") or "").strip()
            if self.final and not chosen:
                self.add_error(
                    f"sanction_{r.pk}",
                    _("Choose the sanction for %(person)s.") % {"person": r.name},
                )
            data[f"chosen_{r.pk}"] = chosen
        return data

    def choices(self):
        return {
            r: actions.Choice(
                employment=self.cleaned_data[f"employment_{r.pk}"],
                conduct=self.cleaned_data[f"conduct_{r.pk}"],
                sanction=self.cleaned_data[f"chosen_{r.pk}"],
                deviation_reason=self.cleaned_data[f"reason_{r.pk}"],
            )
            for r in self.respondents
        }


class DecreeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Follow-up"),
        choices=Decree.Outcome.choices,
        widget=forms.RadioSelect,
        initial=Decree.Outcome.IMPOSED,
    )
    number = forms.CharField(label=_("Decree number"), max_length=120, required=False)
    decided_on = forms.DateField(
        label=_("Decree date"),
        required=False,
        validators=[validate_date_range],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sanction = forms.CharField(label=_("Sanction in the decree"), max_length=255, required=False)
    reason = forms.CharField(
        label=_("Why no sanction was imposed"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
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


LEVEL_LABELS = {
    "moral": _("moral (ethics)"),
    "ringan": _("light (ringan)"),
    "sedang": _("moderate (sedang)"),
    "berat": _("heavy (berat)"),
    "ptdh": _("dismissal without honour (PTDH)"),
}


class CatalogCodeForm(forms.Form):
    title_id = forms.CharField(
        label=_("Description (Indonesian)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    title_en = forms.CharField(
        label=_("Description (English)"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    level = forms.ChoiceField(label=_("Level"), choices=list(LEVEL_LABELS.items()))
    legal_basis = forms.CharField(
        label=_("Legal basis, one article per line"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    note = forms.CharField(
        label=_("Why this change (kept with the new version)"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def changes(self):
        data = self.cleaned_data
        return {
            "title_id": data["title_id"].strip(),
            "title_en": data["title_en"].strip(),
            "level": data["level"],
            "legal_basis": [
                line.strip() for line in data["legal_basis"].splitlines() if line.strip()
            ],
        }

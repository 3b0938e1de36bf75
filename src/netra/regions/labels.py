"""How a region is named in a list to choose from: the one place that builds the label.

A regency or city carries its province, so that the two Kabupaten Bandung-like names of
different provinces, or a city and the regency of the same name, are told apart while typing
(the region picker, static/netra/region_picker.js, filters on this text):

    Kabupaten Jember — Jawa Timur (35.09)
    Provinsi Jawa Timur (35)
    Sumbersari — Kabupaten Jember (35.09.01)

The names of the parents come from one query for the whole list (parent_names, or the exact
parents in region_choices), never one per option: a list of all 514 regencies and cities
costs two queries, not 515.
"""

from django.forms.models import ModelChoiceField, ModelChoiceIterator, ModelMultipleChoiceField
from django.utils.translation import gettext as _

from .models import Region


def parent_names():
    """{code: name} of every province, regency and city, in one query: the parents of any
    region, for a list that mixes levels."""
    return dict(Region.objects.exclude(level=Region.Level.DISTRICT).values_list("code", "name"))


def label_with_province(region, provinces):
    """REGION's label in a list, PROVINCES being {code: name} of the listed regions' parents
    (parent_names(): a regency's province, a district's regency)."""
    if region.level == Region.Level.PROVINCE:
        return _("Province %(name)s (%(code)s)") % {"name": region.name, "code": region.code}
    parent = provinces.get(region.parent_code or "")
    if not parent:
        return f"{region.name} ({region.code})"
    return f"{region.name} — {parent} ({region.code})"


def region_choices(regions):
    """[(region, label)] for REGIONS (an iterable of regions), their parents named in one
    query: what a template iterates to build its own <select>."""
    regions = list(regions)
    parents = {r.parent_code for r in regions if r.level != Region.Level.PROVINCE}
    parents.discard(None)
    names = {}
    if parents:
        names = dict(Region.objects.filter(code__in=parents).values_list("code", "name"))
    return [(r, label_with_province(r, names)) for r in regions]


class _LabelledIterator(ModelChoiceIterator):
    """The field's choices, with the parents' names read once per rendering of the list."""

    def __iter__(self):
        self.field._parent_names = None
        yield from super().__iter__()


class _RegionLabels:
    iterator = _LabelledIterator
    #: Marks the <select> for the type-ahead picker (static/netra/region_picker.js).
    picker_attrs = {"data-region-picker": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(self.picker_attrs)

    def label_from_instance(self, obj):
        names = getattr(self, "_parent_names", None)
        if names is None:
            # Every province, regency and city (552 names): a list may mix all levels (an
            # account's regions), and a district is named with its regency.
            names = self._parent_names = parent_names()
        return label_with_province(obj, names)


class RegionChoiceField(_RegionLabels, ModelChoiceField):
    """A choice of one region, labelled with its province and offered as a type-ahead."""


class RegionMultipleChoiceField(_RegionLabels, ModelMultipleChoiceField):
    """A choice of several regions, labelled with their provinces, offered as a type-ahead."""

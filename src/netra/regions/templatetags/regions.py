"""{% load regions %}: region labels for templates that build their own <select>."""

from django import template

from netra.regions.labels import region_choices

register = template.Library()


@register.filter
def with_labels(regions):
    """[(region, label)] for REGIONS, each labelled with its province (regions.labels), the
    provinces' names read in one query for the whole list."""
    return region_choices(regions)

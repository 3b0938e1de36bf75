"""Full links for what leaves the browser (e-mails): the path of a named route on the address
users reach this installation at (NETRA_BASE_URL), never a bare path."""

from django.conf import settings
from django.urls import reverse


def absolute(route, *args):
    """The full address of the named ROUTE with ARGS, e.g. https://netra.example/kasus/7/."""
    return settings.NETRA_BASE_URL + reverse(route, args=args)

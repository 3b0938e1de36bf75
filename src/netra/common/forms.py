"""Small checks on submitted form values."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Every date a person types must fall in these years. Python's dates end at the years 1 and
#: 9999, so "0001-01-14 minus a 14-day window" used to end in an OverflowError (a 500), and an
#: early datetime cannot even be turned into UTC. No report, hearing, decree or circular of
#: this system lies outside these years.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def positive_id(value):
    """A database id from form data, or None: never an exception on "abc", "²" or 40 digits."""
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def date_in_range(value):
    """Is VALUE (a date or datetime) within EARLIEST_DATE and LATEST_DATE?"""
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST_DATE <= day <= LATEST_DATE


def validate_date_range(value):
    """A form validator for DateField and DateTimeField."""
    if value is not None and not date_in_range(value):
        raise ValidationError(
            _("Give a date between 1 January 2000 and 31 December 2100."), code="date_range"
        )

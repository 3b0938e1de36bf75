"""The early-warning refusal catalog: the user's-language message of every code a change in
risk/actions.py is refused with, and of each problem a set of weights can have."""

from django.utils.translation import gettext_lazy as _

from .importer import ROW_MESSAGES

REFUSALS = {
    "source_required": _("Say who published the index and where (the source)."),
    "source_too_long": _("The source is longer than %(limit)s characters."),
    "published_in_future": _("The publication date cannot be in the future."),
    "unknown_field": _("That value of the index cannot be corrected."),
    "reason_required": _("Say why the value is corrected."),
    # A corrected value is checked as the file's values are, and worded the same.
    **{
        f"value_{code}": ROW_MESSAGES[code]
        for code in ("required", "not_a_number", "out_of_range", "category")
    },
    "weights": _("The weights cannot be used: %(problems)s."),
}
WEIGHT_PROBLEMS = {
    "unknown": _("%(name)s is not a component of the score"),
    "not_a_number": _("the weight of %(name)s is not a number"),
    "out_of_range": _("the weight of %(name)s is outside 0 to 100"),
    "all_zero": _("at least one weight must be above 0"),
}


def weight_problems_text(problems):
    """PROBLEMS ([(component, code)] from score.weight_problems) as one phrase."""
    return "; ".join(str(WEIGHT_PROBLEMS[code]) % {"name": name} for name, code in problems)

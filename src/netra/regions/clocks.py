"""Reference data in the shapes the pure legal clock (lib/clock.py) takes."""

from netra.lib.clock import ClockRules

from .models import ClockRule, Holiday


def clock_rules(kind):
    rule = ClockRule.objects.get(kind=kind)
    return ClockRules(
        rule.day_kind,
        rule.report_window_days,
        rule.completion_days,
        rule.initial_study_days,
        rule.decision_days,
        rule.decision_extension_days,
    )


def holiday_dates():
    """National holidays and collective leave days: the days that are not working days."""
    return frozenset(Holiday.objects.values_list("date", flat=True))

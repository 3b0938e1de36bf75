"""The legal clock of a case (tenggat penanganan), as a pure function of its inputs.

Given an election kind's rules (calendar or working days, the periods of each step), the
holiday calendar (national holidays and cuti bersama), the moment a step started and the
region's time zone, it answers when the step is due: the end of the due day, in that zone.

Two rules shape the start:
- a step counts from the day after its start ("within N days of X" ends on X + N);
- a report is legally received when the office receives it: Monday to Thursday 08:00-16:00,
  Friday 08:00-16:30. Online intake never closes, so a report sent outside those hours counts
  from the next opening, except on the days Bawaslu receives around the clock (the quiet days,
  voting day and the recapitulation), which the caller passes in.

No Django here: the caller turns database rows into `ClockRules` and a holiday set.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from netra.lib.calendar import TIMEZONES, add_days, is_working_day

#: Steps and the rule attribute holding their length in days.
STEPS = {
    "report_window": "report_window_days",  # laporan paling lambat 7 hari sejak diketahui
    "completion": "completion_days",  # melengkapi laporan (2 x 24 jam)
    "initial_study": "initial_study_days",  # kajian awal
    "decision": "decision_days",  # putusan / pleno setelah laporan diterima
}
OPENS = time(8, 0)
CLOSES = {0: time(16, 0), 1: time(16, 0), 2: time(16, 0), 3: time(16, 0), 4: time(16, 30)}
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class ClockRules:
    """One election kind's periods; `day_kind` is "calendar" or "working"."""

    day_kind: str
    report_window_days: int
    completion_days: int | None
    initial_study_days: int
    decision_days: int
    decision_extension_days: int

    @property
    def working(self):
        return self.day_kind == "working"


class NoRule(ValueError):
    """The rules give no period for this step (e.g. a value not yet verified in the law)."""


def zone(timezone_name):
    """A ZoneInfo for "WIB", "WITA" or "WIT" (or an IANA name)."""
    return ZoneInfo(TIMEZONES.get(timezone_name, timezone_name))


def step_days(rules, step, extended=False):
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}")
    days = getattr(rules, STEPS[step])
    if days is None:
        raise NoRule(step)
    if extended:
        if step != "decision":
            raise ValueError("only the decision period can be extended")
        days += rules.decision_extension_days
    return days


def due(rules, step, start, *, holidays, timezone_name, extended=False):
    """The aware datetime at which STEP, begun at START (aware), falls due.

    The due day is counted in the region's local calendar; the step ends at 23:59:59 that
    day, local time. EXTENDED adds the one extension the rules allow (decision only).
    """
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    local = zone(timezone_name)
    day = add_days(
        start.astimezone(local).date(),
        step_days(rules, step, extended),
        working=rules.working,
        holidays=holidays,
    )
    return datetime.combine(day, END_OF_DAY, tzinfo=local)


def report_deadline(rules, known_on, *, holidays):
    """The last day to report conduct that became known on KNOWN_ON (a date)."""
    return add_days(
        known_on, step_days(rules, "report_window"), working=rules.working, holidays=holidays
    )


def is_office_hours(moment, *, holidays, timezone_name):
    local = moment.astimezone(zone(timezone_name))
    closes = CLOSES.get(local.weekday())
    return (
        closes is not None
        and is_working_day(local.date(), holidays)
        and OPENS <= local.time() < closes
    )


def legally_received(moment, *, holidays, timezone_name, open_days=frozenset()):
    """When a report sent at MOMENT counts as received: at once in office hours or on an
    OPEN_DAYS date (round-the-clock reception), otherwise at the next opening."""
    local_zone = zone(timezone_name)
    local = moment.astimezone(local_zone)
    if local.date() in open_days or is_office_hours(
        moment, holidays=holidays, timezone_name=timezone_name
    ):
        return moment
    day = local.date()
    if is_working_day(day, holidays) and local.time() < OPENS:
        return datetime.combine(day, OPENS, tzinfo=local_zone)
    day += timedelta(days=1)
    while not (is_working_day(day, holidays) or day in open_days):
        day += timedelta(days=1)
    opening = OPENS if is_working_day(day, holidays) else time(0, 0)
    return datetime.combine(day, opening, tzinfo=local_zone)


def remaining(due_at, now):
    """Time left until DUE_AT (negative once overdue)."""
    return due_at - now


def is_overdue(due_at, now):
    return now > due_at

"""The legal clock, unit by unit (pure module: no database)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from netra.lib.clock import (
    ClockRules,
    NoRule,
    due,
    is_office_hours,
    is_overdue,
    legally_received,
    remaining,
    report_deadline,
    zone,
)

PILKADA = ClockRules(
    "calendar",
    report_window_days=7,
    completion_days=2,
    initial_study_days=2,
    decision_days=3,
    decision_extension_days=2,
)
PEMILU = ClockRules(
    "working",
    report_window_days=7,
    completion_days=None,
    initial_study_days=2,
    decision_days=7,
    decision_extension_days=7,
)
# Pilkada voting day 2024 and the Christmas holiday with its collective leave.
HOLIDAYS = frozenset({date(2024, 11, 27), date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)})
UTC = timezone.utc


def wib(*args):
    return datetime(*args, tzinfo=zone("WIB"))


def test_a_pilkada_decision_is_due_three_calendar_days_later_at_the_end_of_the_day():
    assert due(
        PILKADA, "decision", wib(2024, 11, 21, 10, 0), holidays=HOLIDAYS, timezone_name="WIB"
    ) == wib(2024, 11, 24, 23, 59, 59)


def test_calendar_days_run_through_weekends_and_holidays():
    assert due(
        PILKADA, "decision", wib(2024, 11, 25, 9, 0), holidays=HOLIDAYS, timezone_name="WIB"
    ).date() == date(2024, 11, 28)


def test_the_one_extension_adds_two_days_to_a_pilkada_decision():
    assert due(
        PILKADA,
        "decision",
        wib(2024, 11, 21, 10, 0),
        holidays=HOLIDAYS,
        timezone_name="WIB",
        extended=True,
    ).date() == date(2024, 11, 26)


def test_only_the_decision_can_be_extended():
    with pytest.raises(ValueError):
        due(
            PILKADA,
            "initial_study",
            wib(2024, 11, 21),
            holidays=HOLIDAYS,
            timezone_name="WIB",
            extended=True,
        )


def test_working_days_skip_weekends_holidays_and_collective_leave():
    # Friday 20 Dec 2024 + 7 working days: 23, 24, (25, 26 off), 27, 30, 31, (1 Jan off), 2, 3
    assert due(
        PEMILU, "decision", wib(2024, 12, 20, 9, 0), holidays=HOLIDAYS, timezone_name="WIB"
    ).date() == date(2025, 1, 3)


def test_a_pemilu_decision_extended_is_fourteen_working_days():
    assert due(
        PEMILU,
        "decision",
        wib(2024, 2, 15, 9, 0),
        holidays=frozenset(),
        timezone_name="WIB",
        extended=True,
    ).date() == date(2024, 3, 6)


@pytest.mark.parametrize(
    "start, expected",
    [
        (date(2024, 1, 29), date(2024, 2, 1)),  # across a month end
        (date(2024, 2, 27), date(2024, 3, 1)),  # leap year February
        (date(2023, 2, 27), date(2023, 3, 2)),  # ordinary February
        (date(2024, 12, 30), date(2025, 1, 2)),  # across a year end
    ],
)
def test_month_and_year_ends(start, expected):
    start_at = datetime.combine(start, datetime.min.time().replace(hour=12), tzinfo=zone("WIB"))
    assert (
        due(PILKADA, "decision", start_at, holidays=frozenset(), timezone_name="WIB").date()
        == expected
    )


@pytest.mark.parametrize("timezone_name, local_day", [("WIB", 21), ("WITA", 22), ("WIT", 22)])
def test_the_local_date_of_the_start_depends_on_the_regions_time_zone(timezone_name, local_day):
    # 16:30 UTC is 23:30 in Jakarta, 00:30 the next day in Makassar, 01:30 in Jayapura.
    start = datetime(2024, 11, 21, 16, 30, tzinfo=UTC)
    result = due(PILKADA, "decision", start, holidays=HOLIDAYS, timezone_name=timezone_name)
    assert result.date() == date(2024, 11, local_day + 3)
    assert (
        result.utcoffset()
        == {"WIB": timedelta(hours=7), "WITA": timedelta(hours=8), "WIT": timedelta(hours=9)}[
            timezone_name
        ]
    )


def test_a_rule_without_a_period_is_an_explicit_error():
    with pytest.raises(NoRule):
        due(PEMILU, "completion", wib(2024, 2, 15), holidays=frozenset(), timezone_name="WIB")


def test_a_naive_start_is_refused():
    with pytest.raises(ValueError):
        due(PILKADA, "decision", datetime(2024, 11, 21, 10), holidays=HOLIDAYS, timezone_name="WIB")


def test_the_report_window_is_seven_days_from_when_the_conduct_became_known():
    assert report_deadline(PILKADA, date(2024, 11, 20), holidays=HOLIDAYS) == date(2024, 11, 27)
    assert report_deadline(PEMILU, date(2024, 2, 9), holidays=frozenset()) == date(2024, 2, 20)


@pytest.mark.parametrize(
    "moment, inside",
    [
        (wib(2024, 11, 22, 16, 15), True),  # Friday closes at 16:30
        (wib(2024, 11, 22, 16, 45), False),
        (wib(2024, 11, 21, 16, 15), False),  # Thursday closes at 16:00
        (wib(2024, 11, 21, 7, 59), False),
        (wib(2024, 11, 23, 10, 0), False),  # Saturday
        (wib(2024, 12, 25, 10, 0), False),  # Christmas
    ],
)
def test_office_hours(moment, inside):
    assert is_office_hours(moment, holidays=HOLIDAYS, timezone_name="WIB") is inside


def test_a_report_sent_on_friday_evening_is_received_on_monday_morning():
    assert legally_received(
        wib(2024, 11, 22, 19, 0), holidays=HOLIDAYS, timezone_name="WIB"
    ) == wib(2024, 11, 25, 8, 0)


def test_a_report_sent_before_opening_is_received_at_opening_the_same_day():
    assert legally_received(
        wib(2024, 11, 21, 6, 30), holidays=HOLIDAYS, timezone_name="WIB"
    ) == wib(2024, 11, 21, 8, 0)


def test_a_report_sent_before_a_holiday_is_received_after_it():
    assert legally_received(
        wib(2024, 12, 24, 20, 0), holidays=HOLIDAYS, timezone_name="WIB"
    ) == wib(2024, 12, 27, 8, 0)


def test_during_quiet_days_and_voting_reception_runs_around_the_clock():
    quiet_and_voting = frozenset(
        {date(2024, 11, 24), date(2024, 11, 25), date(2024, 11, 26), date(2024, 11, 27)}
    )
    late_sunday = wib(2024, 11, 24, 22, 0)
    assert (
        legally_received(
            late_sunday, holidays=HOLIDAYS, timezone_name="WIB", open_days=quiet_and_voting
        )
        == late_sunday
    )
    # Saturday night before the quiet days: received as they begin, at midnight.
    assert legally_received(
        wib(2024, 11, 23, 21, 0), holidays=HOLIDAYS, timezone_name="WIB", open_days=quiet_and_voting
    ) == wib(2024, 11, 24, 0, 0)


def test_countdown_and_overdue():
    due_at = wib(2024, 11, 24, 23, 59, 59)
    assert remaining(due_at, wib(2024, 11, 24, 23, 0)) == timedelta(minutes=59, seconds=59)
    assert not is_overdue(due_at, wib(2024, 11, 24, 23, 0))
    assert is_overdue(due_at, wib(2024, 11, 25, 0, 0))

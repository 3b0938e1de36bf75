from datetime import date, timedelta

from netra.lib.calendar import add_days, is_working_day, working_days_between

HOLIDAYS = frozenset(
    {
        date(2024, 8, 17),  # Independence Day, a Saturday
        date(2024, 11, 27),  # Pilkada voting day
        date(2024, 12, 25),
        date(2024, 12, 26),  # cuti bersama
        date(2025, 1, 1),
    }
)


def test_it_counts_working_days_after_the_start_up_to_and_including_the_end():
    assert working_days_between(date(2024, 11, 22), date(2024, 11, 25), HOLIDAYS) == 1
    assert working_days_between(date(2024, 11, 25), date(2024, 11, 29), HOLIDAYS) == 3


def test_it_counts_zero_for_the_same_day():
    assert working_days_between(date(2024, 11, 25), date(2024, 11, 25), HOLIDAYS) == 0


def test_it_counts_negative_when_the_end_comes_first():
    assert working_days_between(date(2024, 11, 29), date(2024, 11, 25), HOLIDAYS) == -3


def test_it_does_not_subtract_a_holiday_that_falls_on_a_weekend():
    assert working_days_between(date(2024, 8, 16), date(2024, 8, 19), HOLIDAYS) == 1


def test_it_counts_across_the_year_end():
    assert working_days_between(date(2024, 12, 24), date(2025, 1, 2), HOLIDAYS) == 4


def test_it_agrees_with_counting_day_by_day():
    days = [date(2024, 11, 1) + timedelta(days=n) for n in range(70)]
    for i, start in enumerate(days):
        for end in days[i:]:
            naive = sum(
                is_working_day(start + timedelta(days=k), HOLIDAYS)
                for k in range(1, (end - start).days + 1)
            )
            assert working_days_between(start, end, HOLIDAYS) == naive, (start, end)
            assert working_days_between(end, start, HOLIDAYS) == -naive, (start, end)


def test_it_measures_exactly_the_days_that_add_days_added():
    start = date(2024, 12, 20)
    for n in range(1, 40):
        deadline = add_days(start, n, working=True, holidays=HOLIDAYS)
        assert working_days_between(start, deadline, HOLIDAYS) == n

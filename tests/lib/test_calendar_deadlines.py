from datetime import date

import pytest

from netra.lib.calendar import add_days

# Test data only (Pilkada 2024 period): national holidays and cuti bersama.
HOLIDAYS_2024 = frozenset(
    {
        date(2024, 4, 8),  # cuti bersama Idul Fitri
        date(2024, 4, 9),  # cuti bersama Idul Fitri
        date(2024, 4, 10),  # Idul Fitri
        date(2024, 4, 11),  # Idul Fitri
        date(2024, 4, 12),  # cuti bersama Idul Fitri
        date(2024, 4, 15),  # cuti bersama Idul Fitri
        date(2024, 11, 27),  # Pilkada voting day
        date(2024, 12, 25),  # Christmas
        date(2024, 12, 26),  # cuti bersama Christmas
        date(2025, 1, 1),  # New Year
    }
)


def test_it_counts_calendar_days_straight_through_weekends_and_holidays():
    assert add_days(date(2024, 11, 22), 7, working=False) == date(2024, 11, 29)
    assert add_days(date(2024, 11, 26), 1, working=False, holidays=HOLIDAYS_2024) == date(
        2024, 11, 27
    )


def test_it_puts_a_calendar_deadline_across_the_year_end():
    assert add_days(date(2024, 12, 30), 5, working=False) == date(2025, 1, 4)


def test_it_skips_the_weekend_when_counting_working_days():
    friday = date(2024, 11, 22)
    assert add_days(friday, 1, working=True, holidays=frozenset()) == date(2024, 11, 25)
    assert add_days(friday, 7, working=True, holidays=frozenset()) == date(2024, 12, 3)


def test_it_gives_the_pemilu_seven_working_day_window_around_voting_day():
    # 25, 26, (27 voting holiday), 28, 29, 2, 3, 4 December
    friday = date(2024, 11, 22)
    assert add_days(friday, 7, working=True, holidays=HOLIDAYS_2024) == date(2024, 12, 4)


def test_it_skips_a_national_holiday():
    assert add_days(date(2024, 11, 26), 1, working=True, holidays=HOLIDAYS_2024) == date(
        2024, 11, 28
    )


def test_it_skips_cuti_bersama_around_idul_fitri():
    assert add_days(date(2024, 4, 5), 1, working=True, holidays=HOLIDAYS_2024) == date(2024, 4, 16)


def test_it_counts_working_days_across_the_year_end():
    tuesday = date(2024, 12, 24)
    assert add_days(tuesday, 3, working=True, holidays=HOLIDAYS_2024) == date(2024, 12, 31)
    assert add_days(tuesday, 4, working=True, holidays=HOLIDAYS_2024) == date(2025, 1, 2)


def test_it_starts_counting_on_the_day_after_a_weekend_start():
    saturday = date(2024, 11, 23)
    assert add_days(saturday, 1, working=True, holidays=frozenset()) == date(2024, 11, 25)


def test_it_returns_the_start_itself_for_zero_days():
    sunday = date(2024, 11, 24)
    assert add_days(sunday, 0, working=True, holidays=HOLIDAYS_2024) == sunday
    assert add_days(sunday, 0, working=False) == sunday


def test_it_counts_working_days_backwards_for_negative_days():
    monday = date(2024, 11, 25)
    assert add_days(monday, -1, working=True, holidays=HOLIDAYS_2024) == date(2024, 11, 22)
    assert add_days(date(2024, 11, 28), -1, working=True, holidays=HOLIDAYS_2024) == date(
        2024, 11, 26
    )


def test_it_accepts_a_plain_set_of_holidays():
    assert add_days(date(2024, 11, 26), 1, working=True, holidays={date(2024, 11, 27)}) == date(
        2024, 11, 28
    )


def test_it_refuses_working_days_without_a_holiday_list():
    with pytest.raises(TypeError):
        add_days(date(2024, 11, 22), 3, working=True)

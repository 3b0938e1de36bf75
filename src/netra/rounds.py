"""The worker's periodic round over every app's deadlines."""


def tick():
    """Recommendations past the PPK period go overdue; officers hear of tomorrow's deadlines."""
    from netra.cases.actions import send_reminders
    from netra.sanctions.actions import mark_ppk_overdue

    return {"ppk_overdue": mark_ppk_overdue(), "reminders": send_reminders()}

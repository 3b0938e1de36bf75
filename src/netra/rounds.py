"""The worker's periodic round over every app's deadlines."""


def tick():
    """Recommendations past the PPK period go overdue; officers hear of tomorrow's deadlines;
    news feeds due for reading are read."""
    from netra.cases.actions import send_reminders
    from netra.monitoring.actions import poll_feeds
    from netra.sanctions.actions import mark_ppk_overdue

    return {"ppk_overdue": mark_ppk_overdue(), "reminders": send_reminders(),
            "feed_texts": poll_feeds()}

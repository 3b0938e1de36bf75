"""The compliance page's figures as counts kept in the transaction of every change
(models.FollowUpTally), so that the page reads a few thousand counts instead of aggregating
every recommendation in reach (issue 20: 0.7-2.2 s at 1,000,000 cases).

actions.recommend and actions.record_decree are the only ways a recommendation is made or
answered, and each calls add() for what it changed; a decree is never withdrawn, so nothing
is ever taken back but the "open" count of an answered recommendation. rebuild() makes the
counts afresh from the rows, set-based (the migration's backfill, and data loaded in bulk).
"""

from datetime import UTC, datetime

from django.db import connection

from .models import FollowUpTally

TABLE = FollowUpTally._meta.db_table
KEY = ("government_id", "region_id", "forwarded", "metric", "value")

UPSERT = (
    f"INSERT INTO {TABLE} (government_id, region_id, forwarded, metric, value, count) "  # noqa: S608
    "VALUES (%s, %s, %s, %s, %s, %s) "
    f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET count = {TABLE}.count + excluded.count"
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def day_of(moment):
    """The UTC day of MOMENT, counted from 1970-01-01 (the "open" metric's value)."""
    return (moment - EPOCH).days


def day_start(day):
    """The moment the UTC day DAY (day_of's count) begins."""
    from datetime import timedelta

    return EPOCH + timedelta(days=day)


def add(government_id, region_id, forwarded, changes):
    """Add CHANGES, (metric, value, by) triples, to the counts of one key; one upsert each, so
    two transactions counting on the same key add up rather than overwrite."""
    rows = [
        (government_id or 0, region_id, bool(forwarded), metric, value, by)
        for metric, value, by in changes
    ]
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT, rows)


def recommended(recommendation, case):
    """Count RECOMMENDATION, just saved for CASE."""
    add(
        recommendation.government_id,
        case.region_id,
        case.forwarded,
        [("total", 0, 1), ("open", day_of(recommendation.due_at), 1)],
    )


def answered(recommendation_id, decree):
    """Count DECREE, just recorded for the recommendation RECOMMENDATION_ID, read as stored
    (its government, its case's region and forwarding, its due date: the key it was counted
    under)."""
    from .models import Recommendation

    government_id, region_id, forwarded, due_at = Recommendation.objects.values_list(
        "government_id", "case__region_id", "case__forwarded", "due_at"
    ).get(pk=recommendation_id)
    changes = [("answered", 0, 1), ("open", day_of(due_at), -1)]
    if decree.outcome == "imposed":
        changes.append(("imposed", 0, 1))
    if decree.days_to_decree is not None:
        changes.append(("days", decree.days_to_decree, 1))
    add(government_id, region_id, forwarded, changes)


def rebuild(using=None):
    """The counts afresh from every recommendation and decree, in a handful of INSERT ...
    SELECT statements (206,118 recommendations in a few seconds on PostgreSQL)."""
    from django.db import connections

    conn = connections[using or "default"]
    head = f"INSERT INTO {TABLE} (government_id, region_id, forwarded, metric, value, count) "  # noqa: S608
    key = "COALESCE(r.government_id, 0), c.region_id, c.forwarded"
    rows = "FROM sanctions_recommendation r JOIN cases_case c ON c.id = r.case_id"
    decreed = f"{rows} JOIN sanctions_decree d ON d.recommendation_id = r.id"
    if conn.vendor == "postgresql":
        day = "floor(extract(epoch from r.due_at) / 86400)::integer"
    else:
        day = "CAST(strftime('%s', r.due_at) AS INTEGER) / 86400"
    statements = [
        f"DELETE FROM {TABLE}",  # noqa: S608
        f"{head} SELECT {key}, 'total', 0, COUNT(*) {rows} GROUP BY 1, 2, 3",
        f"{head} SELECT {key}, 'answered', 0, COUNT(*) {rows} "
        "WHERE r.answered_at IS NOT NULL GROUP BY 1, 2, 3",
        f"{head} SELECT {key}, 'imposed', 0, COUNT(*) {decreed} "
        "WHERE d.outcome = 'imposed' GROUP BY 1, 2, 3",
        f"{head} SELECT {key}, 'days', d.days_to_decree, COUNT(*) {decreed} "
        "WHERE d.days_to_decree IS NOT NULL GROUP BY 1, 2, 3, 5",
        f"{head} SELECT {key}, 'open', {day}, COUNT(*) {rows} "
        "WHERE r.answered_at IS NULL GROUP BY 1, 2, 3, 5",
    ]
    with conn.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

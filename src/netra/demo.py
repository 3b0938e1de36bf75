"""`netra demo`: the fictional demo data set of every app, on a timeline that ends today.

People and staff accounts come first, some weeks back (people/demo.py), with the demo's own
fictional election whose stages fall around today (demo_election.py). Then the cases in every
state with their sanctions follow-up (demo_cases.py), the prevention work (prevention/demo.py),
the monitoring posts (demo_monitoring.py) and public reports in the officers' queue
(demo_reports.py) are laid out on one timeline and made through the real actions, each at its
own moment (demo_clock.py); the cases in many regions over the weeks of the election's
calendar (demo_insights.py), whose statistics are summed at the end. Deterministic (fixed
seed, times relative to today). Loaded once: a second run changes nothing and says so (so
does a run after one that failed half-way: the remedy is the same, a fresh data directory).
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from netra.demo_cases import plan_demo_cases
from netra.demo_clock import Timeline, frozen
from netra.demo_election import CODE, demo_election
from netra.demo_insights import refresh_figures
from netra.demo_monitoring import plan_demo_monitoring
from netra.demo_reports import plan_demo_reports
from netra.demo_risk import load_demo_risk
from netra.people.demo import load_demo_people
from netra.prevention.demo import plan_demo_prevention
from netra.regions.models import Election

ALREADY_LOADED = (
    "Data demo sudah dimuat sebelumnya; tidak ada yang diubah. "
    "Untuk memuat ulang, mulai dengan direktori data yang baru (NETRA_DATA_DIR)."
)
#: How far back the demo begins: the roster and the accounts exist before any case.
BEGINNING = timedelta(days=100)


class AlreadyLoaded(Exception):
    pass


def load_demo(employees=10_000, cases_per_state=18):
    """Load the whole demo; returns the lines to print. Raises AlreadyLoaded the second time."""
    if Election.objects.filter(code=CODE).exists():
        raise AlreadyLoaded(ALREADY_LOADED)
    now = timezone.now()
    rng = random.Random(2024)
    with translation.override("id"):
        with frozen(now - BEGINNING), transaction.atomic():
            report = load_demo_people(employees=employees)
            election = demo_election(timezone.localdate(now))
        timeline = Timeline()
        report.extend(
            plan_demo_cases(timeline, now, rng, election=election, per_state=cases_per_state)
        )
        report.extend(plan_demo_prevention(timeline, now, rng, election=election))
        report.extend(plan_demo_monitoring(timeline, now, rng))
        receipts = plan_demo_reports(timeline, now, rng, election=election)
        timeline.run(until=now)
        report.extend(receipts)
        # The statistics show the demo at once, not after the worker's next round.
        report.extend(refresh_figures())
        # The regions to watch, with a fictional vulnerability index.
        report.extend(load_demo_risk(election))
    report.append(
        f"pemilihan demo: {election.name_id}, pemungutan suara {election.voting_date:%d-%m-%Y}"
    )
    return report

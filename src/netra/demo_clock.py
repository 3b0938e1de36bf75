"""The demo's clock: every demo action runs at the moment it is said to have happened.

The demo is a few weeks of work made in seconds. Rather than making rows now and editing their
times afterwards (which would leave the audit chain, the legal clocks and the timelines telling
different stories), each step runs with Django's clock set to its own moment, and the steps of
all apps run in the order of those moments. So every received time, due date, timeline line
and audit entry is what the real actions wrote at that moment, and the audit chain's times only
go forward.
"""

import heapq
import itertools
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

from django.db import transaction
from django.utils import timezone


class _Clock:
    """Reads MOMENT, a microsecond later at every reading, so that times stay in order."""

    def __init__(self, moment):
        self.last = moment - timedelta(microseconds=1)

    def __call__(self):
        self.last += timedelta(microseconds=1)
        return self.last


@contextmanager
def frozen(moment):
    """Django's clock reads MOMENT (a microsecond more per reading) inside the block."""
    clock = _Clock(moment)
    with mock.patch.object(timezone, "now", clock):
        yield clock


class Timeline:
    """Steps (a moment and a callable) from every part of the demo, run in time order."""

    def __init__(self):
        self._steps = []
        self._order = itertools.count()

    def at(self, moment, step):
        heapq.heappush(self._steps, (moment, next(self._order), step))

    def run(self, until, batch=100):
        """Run every step in time order, refusing any after UNTIL. Two steps planned for the
        same instant run one after the other: the second one's clock starts after the first
        one's last reading, so the audit chain's times never go back.

        BATCH steps share a transaction: a worker beside the demo (SQLite) waits for a second,
        not for the whole demo."""
        last = None
        while self._steps:
            with transaction.atomic():
                for _step in range(batch):
                    if not self._steps:
                        break
                    moment, _order, step = heapq.heappop(self._steps)
                    if moment > until:
                        raise ValueError(f"demo step after the present: {moment}")
                    if last is not None and moment <= last:
                        moment = last + timedelta(microseconds=1)
                    with frozen(moment) as clock:
                        step()
                    last = clock.last

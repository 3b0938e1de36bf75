"""The reference data a public submission reads (elections, regions, clock rules, holidays),
kept per process.

Every submission used to read them again: five to six round trips of the twenty of a
text-only report, for data that changes a few times a year (reference.py loads a new version
of a data file; the demo adds its election). Here they are read once per process and kept
under a stamp of the reference tables: their row counts and highest ids and the time each data
file was last loaded (ReferenceDataset.loaded_at, which every load through reference.py moves,
bulk writes included). The stamp is read again at most every RECHECK_SECONDS, in one query;
when it moved, everything is read afresh. A change saved through the ORM in this process
clears the cache at once (the signals below), so a new election is offered on the next page
of the process that made it, and of every other process within a second.

What is kept is only read: model instances handed out are shared by the requests of a process,
and nobody may change them.
"""

import threading
import time

from django.db.models.signals import m2m_changed, post_delete, post_save

from netra.lib.clock import ClockRules
from netra.regions.models import ClockRule, Election, Holiday, ReferenceDataset, Region

#: How often a process looks whether the reference data changed elsewhere.
RECHECK_SECONDS = 1.0

_MODELS = (ReferenceDataset, Election, Election.regions.through, ClockRule, Holiday)
_lock = threading.Lock()
_state = {"stamp": None, "checked": 0.0, "data": None}


def stamp():
    """One query: what changes whenever a reference table does (counts, highest ids, loads)."""
    from django.db import connection

    parts = []
    for model in _MODELS:
        table = connection.ops.quote_name(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")
        parts.append(f"(SELECT MAX(id) FROM {table})")
    loaded = connection.ops.quote_name(ReferenceDataset._meta.db_table)
    parts.append(f"(SELECT MAX(loaded_at) FROM {loaded})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(str(value) for value in cursor.fetchone())


class _Data:
    """One consistent reading of the reference tables (regions are read as they are asked)."""

    def __init__(self):
        self.elections = {e.code: e for e in Election.objects.order_by("-voting_date", "code")}
        # For each election held in only some regions: the codes of those regions.
        taking_part = (
            Election.regions.through.objects.filter(
                election__national=False, election__regions_complete=True
            )
            .values_list("election__code", "region__code")
            .order_by()
        )
        self.regions_of = {}
        for election, region in taking_part:
            self.regions_of.setdefault(election, set()).add(region)
        self.rules = {
            r.kind: ClockRules(
                r.day_kind,
                r.report_window_days,
                r.completion_days,
                r.initial_study_days,
                r.decision_days,
                r.decision_extension_days,
            )
            for r in ClockRule.objects.all()
        }
        self.holidays = frozenset(Holiday.objects.values_list("date", flat=True))
        self.regions = {}  # code -> Region, filled as codes are asked for


def _data():
    now = time.monotonic()
    state = _state
    if state["data"] is not None and now - state["checked"] < RECHECK_SECONDS:
        return state["data"]
    current = stamp()
    with _lock:
        if state["data"] is None or state["stamp"] != current:
            state["data"], state["stamp"] = _Data(), current
        state["checked"] = now
        return state["data"]


def clear(**_ignored):
    """Forget everything: the next reading starts afresh (also a signal receiver)."""
    with _lock:
        _state.update(stamp=None, checked=0.0, data=None)


def election(code):
    """The election with CODE, or None."""
    return _data().elections.get(code)


def latest_election():
    """The election voted last (the form's preselected one), or None."""
    return next(iter(_data().elections.values()), None)


def takes_part(election, region):
    """Whether REGION (a regency or city) takes part in ELECTION: itself or its province is
    named among the election's regions, or the election is held everywhere or its list of
    regions is incomplete."""
    if election.national or not election.regions_complete:
        return True
    named = _data().regions_of.get(election.code, set())
    return region.code in named or region.code.split(".")[0] in named


def region(code):
    """The region with CODE, or None; a missing code is asked again next time."""
    data = _data()
    found = data.regions.get(code)
    if found is None:
        found = Region.objects.filter(code=code).first()
        if found is not None:
            data.regions[code] = found
    return found


def clock_rules(kind):
    """The legal clock of the election KIND (regions/clocks.py's clock_rules, kept)."""
    rules = _data().rules.get(kind)
    if rules is None:
        raise ClockRule.DoesNotExist(kind)
    return rules


def holiday_dates():
    """The days that are not working days (regions/clocks.py's holiday_dates, kept)."""
    return _data().holidays


for _model in (*_MODELS, Region):
    post_save.connect(clear, sender=_model, dispatch_uid=f"reports-references-{_model.__name__}")
    post_delete.connect(
        clear, sender=_model, dispatch_uid=f"reports-references-d-{_model.__name__}"
    )
m2m_changed.connect(clear, sender=Election.regions.through, dispatch_uid="reports-references-m2m")

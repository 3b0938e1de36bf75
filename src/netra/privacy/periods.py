"""Retention periods from the environment: how many days each kind of personal data is kept
once it is no longer needed (docs/privacy.md gives each default and its basis).

Framework-free, so that settings.py can read it before Django starts and a bad value stops
the process with one line naming the variable, not a traceback from deep inside a worker.
"""

from dataclasses import dataclass

#: kind -> (default days, what the period counts from). The kinds are the variables'
#: middle part: NETRA_RETENTION_<KIND>_DAYS.
DEFAULTS = {
    "identity": 365,  # a reporter's identity, from when the report or its case ended
    "evidence": 730,  # a report's evidence files, from the same moment
    "cases": 1825,  # a closed case's names and texts, from its closing
    "texts": 180,  # a monitoring post or article, from its arrival
    "sessions": 0,  # a browser session, from its expiry
    "requests": 365,  # a data-subject request's requester, from its answer
}

#: Longer than this is a typo (a period in hours or a year written twice), not a decision.
MAX_DAYS = 36500


class BadPeriod(ValueError):
    """A retention variable that is not a whole number of days within bounds."""


@dataclass(frozen=True)
class Periods:
    identity: int
    evidence: int
    cases: int
    texts: int
    sessions: int
    requests: int


def variable(kind):
    return f"NETRA_RETENTION_{kind.upper()}_DAYS"


def parse_days(name, raw):
    text = (raw or "").strip()
    if not (text.isascii() and text.isdigit()):
        raise BadPeriod(
            f"{name} must be a whole number of days (0 or more), not {raw!r}; "
            "see docs/privacy.md for the defaults"
        )
    days = int(text)
    if days > MAX_DAYS:
        raise BadPeriod(f"{name} is {days} days, more than {MAX_DAYS} (100 years): check the unit")
    return days


def from_environment(environ):
    """The Periods set in ENVIRON (a mapping), each kind at its default when unset or empty."""
    days = {}
    for kind, default in DEFAULTS.items():
        name = variable(kind)
        raw = environ.get(name, "")
        days[kind] = default if raw.strip() == "" else parse_days(name, raw)
    return Periods(**days)

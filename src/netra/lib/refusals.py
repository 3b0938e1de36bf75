"""The one refusal type of the apps' actions, and the conflict of a change made on a stale
state. Plain Python (no Django), so that the pure cores can raise them too.

An action raises ``Refused(code, **params)``; each app keeps the messages of its own codes in
its refusal catalog (``<app>/refusals.py``), and ``netra.common.refusals.attempt`` turns a refusal
into a page message or an API answer.
"""


class Refused(Exception):
    """A change the rules do not allow. CODE names why (a key of the app's refusal catalog);
    PARAMS fill in the message; DETAIL is for the log; ERRORS lists the row errors of a file
    and FILENAME names it."""

    def __init__(self, code, detail="", *, errors=(), filename="", **params):
        super().__init__(code)
        self.code, self.detail, self.params = code, detail, params
        self.errors, self.filename = list(errors), filename


class Conflict(Exception):
    """Someone else changed the thing first; reload and try again."""

    code = "conflict"


def message(catalog, code, **params):
    """CODE's message from CATALOG (code -> message with %(name)s fields), filled in."""
    return str(catalog[code]) % params

"""Walking a case to a state in tests, through the real actions: the one copy for the suite
(the `walk_case` fixture in conftest.py hands it the personas).

The route is the handling of an ASN-neutrality case: initial study, registration, study,
"other law" decision, forwarding to BKN, BKN's verification and its recommendation (one
proven photo, sanctions_helpers.recommend). A state off that route (clarification, a decision
of no violation, not registering, closing after verification) is reached from the last state
of the route that leads to it, and a case off the route rejoins it where its state leads
(clarification goes on to study). The Bawaslu OFFICER takes Bawaslu's steps, BKN takes BKN's.
"""

from netra.cases import actions
from netra.cases import workflow as wf

ROUTE = (
    wf.INITIAL_STUDY,
    wf.REGISTERED,
    wf.STUDY,
    wf.OTHER_LAW,
    wf.FORWARDED,
    wf.BKN_VERIFICATION,
    wf.RECOMMENDED,
)


def route_to(target, start=wf.RECEIVED):
    """The states a case in START passes on its way to TARGET."""
    full = (wf.RECEIVED, *ROUTE)
    if target in full:
        path = full[: full.index(target) + 1]
    else:
        path = next(
            (
                full[: i + 1] + (target,)
                for i in range(len(full) - 1, -1, -1)
                if (full[i], target) in wf.TRANSITIONS
            ),
            None,
        )
        if path is None:
            raise ValueError(f"no route to {target!r}")
    if start in path:
        return path[path.index(start) + 1 :]
    # off the route (e.g. in clarification): rejoin it where START leads
    rejoin = next((i for i, state in enumerate(path) if (start, state) in wf.TRANSITIONS), None)
    if rejoin is None:
        raise ValueError(f"a case in {start!r} is not on the route to {target!r}")
    return path[rejoin:]


def walk(case, target, *, officer, bkn=None):
    """CASE taken from its state to TARGET; the case as it is then."""
    from .sanctions_helpers import recommend

    for state in route_to(target, case.state):
        if state == wf.RECOMMENDED:
            case = recommend(bkn, case)
            continue
        actor = bkn if wf.TRANSITIONS[(case.state, state)] & wf.BKN else officer
        case = actions.transition(actor, case, state, version=case.version)
    return case

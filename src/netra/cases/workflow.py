"""The case workflow as an explicit transition table (alur penanganan pelanggaran).

Pure: states, who may move a case from one state to another, and which clock step runs while a
case sits in a state. The actions layer (to come with the case models) applies a transition,
writes its audit entry and recomputes the deadline in one transaction; this module only says
whether the move is allowed and why not.
"""

from dataclasses import dataclass

from netra.lib import roles
from netra.lib.refusals import Refused

RECEIVED = "received"  # diterima: opened from a report, adopted information or a finding
INITIAL_STUDY = "initial_study"  # kajian awal
NOT_REGISTERED = "not_registered"  # tidak diregistrasi (reason told to the reporter)
REGISTERED = "registered"  # diregistrasi
CLARIFICATION = "clarification"  # klarifikasi
STUDY = "study"  # kajian
NO_VIOLATION = "decided_no_violation"  # bukan pelanggaran
ELECTION_CRIME = "decided_election_crime"  # tindak pidana pemilihan -> Gakkumdu
ADMINISTRATIVE = "decided_administrative"  # pelanggaran administrasi
OTHER_LAW = "decided_other_law"  # pelanggaran hukum lainnya (ASN neutrality)
FORWARDED = "forwarded"  # diteruskan: BKN, or the regional head / regent
BKN_VERIFICATION = "bkn_verification"  # verifikasi BKN
RECOMMENDED = "recommended"  # rekomendasi BKN kepada PPK
FOLLOWED_UP = "followed_up"  # ditindaklanjuti PPK (keputusan hukuman disiplin)
PPK_OVERDUE = "ppk_overdue"  # PPK melewati batas waktu
CLOSED = "closed"  # ditutup

STATES = [
    RECEIVED,
    INITIAL_STUDY,
    NOT_REGISTERED,
    REGISTERED,
    CLARIFICATION,
    STUDY,
    NO_VIOLATION,
    ELECTION_CRIME,
    ADMINISTRATIVE,
    OTHER_LAW,
    FORWARDED,
    BKN_VERIFICATION,
    RECOMMENDED,
    FOLLOWED_UP,
    PPK_OVERDUE,
    CLOSED,
]

#: The states in which the PPK, and the BKPSDM drafting for it, reach a case: once BKN has
#: recommended a sanction (accounts/access.py reads them through Case.PPK_STATES).
PPK_STATES = (RECOMMENDED, FOLLOWED_UP, PPK_OVERDUE, CLOSED)

# Who moves a case: role names of netra/lib/roles.py (accounts.models.Role), and the worker.
BAWASLU = frozenset({roles.BAWASLU_RI, roles.BAWASLU_PROVINCE, roles.BAWASLU_REGENCY})
BKN = frozenset({roles.BKN})
PPK = frozenset({roles.PPK, roles.BKPSDM})  # the BKPSDM officer records the decree for the PPK
SYSTEM = frozenset({"system"})  # the worker, when a period runs out (not a staff role)
REOPENERS = frozenset({roles.ADMIN, roles.BAWASLU_RI})
REOPEN = "reopen"  # not a state: the move that takes a closed case back to one

#: (from, to) -> roles that may make the move
TRANSITIONS = {
    (RECEIVED, INITIAL_STUDY): BAWASLU,
    (INITIAL_STUDY, REGISTERED): BAWASLU,
    (INITIAL_STUDY, NOT_REGISTERED): BAWASLU,
    (REGISTERED, CLARIFICATION): BAWASLU,
    (REGISTERED, STUDY): BAWASLU,
    (CLARIFICATION, STUDY): BAWASLU,
    (STUDY, CLARIFICATION): BAWASLU,  # another hearing turns out to be needed
    (STUDY, NO_VIOLATION): BAWASLU,
    (STUDY, ELECTION_CRIME): BAWASLU,
    (STUDY, ADMINISTRATIVE): BAWASLU,
    (STUDY, OTHER_LAW): BAWASLU,
    (OTHER_LAW, FORWARDED): BAWASLU,
    (FORWARDED, BKN_VERIFICATION): BKN,
    (BKN_VERIFICATION, RECOMMENDED): BKN,
    (BKN_VERIFICATION, CLOSED): BKN,  # BKN finds nothing to recommend
    (RECOMMENDED, FOLLOWED_UP): PPK,
    (RECOMMENDED, PPK_OVERDUE): SYSTEM,
    (PPK_OVERDUE, FOLLOWED_UP): PPK,
    (FOLLOWED_UP, CLOSED): BKN,
    (NOT_REGISTERED, CLOSED): BAWASLU,
    (NO_VIOLATION, CLOSED): BAWASLU,
    (ELECTION_CRIME, CLOSED): BAWASLU,  # handed to Gakkumdu; Netra's part ends
    (ADMINISTRATIVE, CLOSED): BAWASLU,
}

#: Moves that only a dedicated record makes: BKN's recommendation (with the sanction asked for
#: each reported person) and the PPK's decrees. The plain step form never offers them.
RECORDED_MOVES = frozenset({RECOMMENDED, FOLLOWED_UP})

#: The clock step that runs while a case is in a state (see clock.STEPS); None: no legal clock.
CLOCK_STEP = {
    INITIAL_STUDY: "initial_study",
    REGISTERED: "decision",
    CLARIFICATION: "decision",
    STUDY: "decision",
}


@dataclass(frozen=True)
class Refusal:
    """Why a move is refused; CODE for translated messages, the rest for the log."""

    code: str  # "unknown_state", "not_allowed", "wrong_role", "reason_required", "needs_record"
    current: str
    target: str


class TransitionRefused(Refused):
    """A refused move: a Refused with the move's code, and the Refusal for the log."""

    def __init__(self, refusal):
        super().__init__(refusal.code, f"{refusal.code}: {refusal.current} -> {refusal.target}")
        self.args = (self.detail,)
        self.refusal = refusal


def next_states(current, role):
    """The states ROLE may move a case in CURRENT to with the plain step form, in table order."""
    moves = [
        to
        for (frm, to), roles in TRANSITIONS.items()
        if frm == current and role in roles and to not in RECORDED_MOVES
    ]
    if current == CLOSED and role in REOPENERS:
        moves.append(REOPEN)
    return moves


def check(current, target, role, *, reason="", reopen_to=None, recorded=False):
    """Raise TransitionRefused unless ROLE may move a case from CURRENT to TARGET.

    Reopening a closed case (TARGET == REOPEN) needs a reopening role, a written REASON and
    the state to return to (REOPEN_TO, any state but closed). A move in RECORDED_MOVES needs
    RECORDED: the caller is the action that writes the recommendation or the decree.
    Returns the resulting state.
    """
    if current not in STATES or (target not in STATES and target != REOPEN):
        raise TransitionRefused(Refusal("unknown_state", current, target))
    if target == REOPEN:
        if current != CLOSED or reopen_to not in STATES or reopen_to == CLOSED:
            raise TransitionRefused(Refusal("not_allowed", current, target))
        if role not in REOPENERS:
            raise TransitionRefused(Refusal("wrong_role", current, target))
        if not reason.strip():
            raise TransitionRefused(Refusal("reason_required", current, target))
        return reopen_to
    roles = TRANSITIONS.get((current, target))
    if roles is None:
        raise TransitionRefused(Refusal("not_allowed", current, target))
    if role not in roles:
        raise TransitionRefused(Refusal("wrong_role", current, target))
    if target in RECORDED_MOVES and not recorded:
        raise TransitionRefused(Refusal("needs_record", current, target))
    if target == NOT_REGISTERED and not reason.strip():
        # The reporter is told why in writing (docs/DOMAIN.md, initial study).
        raise TransitionRefused(Refusal("reason_required", current, target))
    return target


def reachable_from(start):
    """Every state a case can reach from START through the table (reopening aside)."""
    seen, frontier = {start}, [start]
    while frontier:
        state = frontier.pop()
        for frm, to in TRANSITIONS:
            if frm == state and to not in seen:
                seen.add(to)
                frontier.append(to)
    return seen

"""The transition table of the case workflow (pure module: no database)."""

import pytest

from netra.cases import workflow as wf


def test_every_state_is_reachable_from_received_and_every_path_can_close():
    assert wf.reachable_from(wf.RECEIVED) == set(wf.STATES)
    for state in wf.STATES:
        assert wf.CLOSED in wf.reachable_from(state), state


def test_the_asn_path_runs_from_report_to_closed_through_bawaslu_bkn_and_ppk():
    path = [
        (wf.INITIAL_STUDY, "bawaslu_regency"),
        (wf.REGISTERED, "bawaslu_regency"),
        (wf.CLARIFICATION, "bawaslu_regency"),
        (wf.STUDY, "bawaslu_regency"),
        (wf.OTHER_LAW, "bawaslu_regency"),
        (wf.FORWARDED, "bawaslu_regency"),
        (wf.BKN_VERIFICATION, "bkn"),
        (wf.RECOMMENDED, "bkn"),
        (wf.FOLLOWED_UP, "ppk"),
        (wf.CLOSED, "bkn"),
    ]
    state = wf.RECEIVED
    for target, role in path:
        state = wf.check(state, target, role, recorded=target in wf.RECORDED_MOVES)
    assert state == wf.CLOSED


@pytest.mark.parametrize(
    "current, target, role, code",
    [
        (wf.RECEIVED, wf.REGISTERED, "bawaslu_regency", "not_allowed"),  # skips the initial study
        (wf.STUDY, wf.OTHER_LAW, "bkn", "wrong_role"),
        (wf.FORWARDED, wf.BKN_VERIFICATION, "bawaslu_ri", "wrong_role"),
        (wf.RECOMMENDED, wf.FOLLOWED_UP, "auditor", "wrong_role"),
        (wf.RECOMMENDED, wf.PPK_OVERDUE, "ppk", "wrong_role"),  # only the clock makes it overdue
        (wf.BKN_VERIFICATION, wf.RECOMMENDED, "bkn", "needs_record"),  # only with the sanction
        (wf.PPK_OVERDUE, wf.FOLLOWED_UP, "ppk", "needs_record"),  # only with the decree
        (wf.INITIAL_STUDY, wf.NOT_REGISTERED, "bawaslu_regency", "reason_required"),
        (wf.CLOSED, wf.STUDY, "admin", "not_allowed"),
        ("lost", wf.STUDY, "admin", "unknown_state"),
    ],
)
def test_disallowed_moves_are_refused_with_a_reason_code(current, target, role, code):
    with pytest.raises(wf.TransitionRefused) as caught:
        wf.check(current, target, role)
    assert caught.value.refusal.code == code


def test_not_registering_needs_a_reason_for_the_reporter():
    assert (
        wf.check(
            wf.INITIAL_STUDY,
            wf.NOT_REGISTERED,
            "bawaslu_regency",
            reason="Dilaporkan lebih dari 7 hari.",
        )
        == wf.NOT_REGISTERED
    )


def test_only_an_authorised_role_reopens_a_closed_case_and_only_with_a_reason():
    assert (
        wf.check(wf.CLOSED, wf.REOPEN, "bawaslu_ri", reason="Bukti baru.", reopen_to=wf.STUDY)
        == wf.STUDY
    )
    for role, reason, code in [
        ("bawaslu_regency", "Bukti baru.", "wrong_role"),
        ("admin", "  ", "reason_required"),
    ]:
        with pytest.raises(wf.TransitionRefused) as caught:
            wf.check(wf.CLOSED, wf.REOPEN, role, reason=reason, reopen_to=wf.STUDY)
        assert caught.value.refusal.code == code


def test_the_moves_offered_to_a_role_are_the_allowed_ones():
    assert wf.next_states(wf.STUDY, "bawaslu_province") == [
        wf.CLARIFICATION,
        wf.NO_VIOLATION,
        wf.ELECTION_CRIME,
        wf.ADMINISTRATIVE,
        wf.OTHER_LAW,
    ]
    assert wf.next_states(wf.STUDY, "bkn") == []
    assert wf.next_states(wf.CLOSED, "admin") == [wf.REOPEN]
    assert wf.next_states(wf.BKN_VERIFICATION, "bkn") == [wf.CLOSED]  # the recommendation form


def test_the_legal_clock_runs_in_the_bawaslu_states_only():
    assert set(wf.CLOCK_STEP) == {wf.INITIAL_STUDY, wf.REGISTERED, wf.CLARIFICATION, wf.STUDY}

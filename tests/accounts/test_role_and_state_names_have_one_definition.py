"""Role names are defined once (netra/lib/roles.py, labelled by accounts.models.Role) and case
states once (cases/workflow.py): access rules and the workflow use those definitions, never
copies that could drift apart."""

import ast
import subprocess
import sys
from pathlib import Path

from netra.accounts import access
from netra.accounts.models import Role
from netra.cases import workflow as wf
from netra.cases.models import Case
from netra.lib import roles

SRC = Path(__file__).resolve().parents[2] / "src" / "netra"


def string_literals(path):
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_role_enum_has_exactly_the_role_names():
    names = {value for name, value in vars(roles).items() if name.isupper()}
    assert set(Role.values) == names
    assert {member.name: member.value for member in Role} == {
        name: value for name, value in vars(roles).items() if name.isupper()
    }


def test_every_role_holds_a_capability_and_the_district_supervisor_only_reports():
    """A role added to the names is given its place in the access rules, never forgotten."""
    held = {role: {c for c, roles in access.CAPABILITIES.items() if role in roles} for role in Role}
    assert all(held.values()), [role for role, capabilities in held.items() if not capabilities]
    assert held[Role.PANWASCAM] == {"reports.view", "reports.handle", "reports.hand_over"}


def test_every_role_the_workflow_names_is_a_staff_role_or_the_worker():
    named = set().union(*wf.TRANSITIONS.values(), wf.REOPENERS)
    assert named - wf.SYSTEM <= set(Role.values)
    assert not wf.SYSTEM & set(Role.values)
    for name in ("BAWASLU", "BKN", "PPK", "REOPENERS"):
        assert getattr(wf, name) <= set(Role.values), name


def test_the_states_access_uses_are_states_of_the_workflow():
    assert set(Case.PPK_STATES) <= set(wf.STATES)
    # The PPK's part of a case starts with BKN's recommendation and lasts to its end.
    assert set(Case.PPK_STATES) == wf.reachable_from(wf.RECOMMENDED)


def test_neither_access_nor_the_workflow_spells_out_the_others_names():
    states, role_names = set(wf.STATES), set(Role.values)
    assert not string_literals(SRC / "accounts" / "access.py") & (states | role_names)
    assert not string_literals(SRC / "cases" / "workflow.py") & role_names
    assert not hasattr(access, "PPK_CASE_STATES")


def test_the_workflow_and_the_role_names_import_no_django():
    code = (
        "import sys, netra.cases.workflow, netra.lib.roles; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

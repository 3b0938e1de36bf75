import pytest

from netra.cases import actions
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def forwarded_case(client, alice, reference):
    """A report about one Jember employee, decided and forwarded to BKN."""
    file_report(client)
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    for target in ["initial_study", "registered", "study", "decided_other_law", "forwarded"]:
        case = actions.transition(alice, case, target, version=case.version)
    return case


@pytest.fixture
def under_verification(forwarded_case, gita):
    return actions.transition(gita, forwarded_case, "bkn_verification",
                              version=forwarded_case.version)

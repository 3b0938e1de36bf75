import pytest

from netra.cases import actions
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def forwarded_case(client, alice, reference, walk_case):
    """A report about one Jember employee, decided and forwarded to BKN."""
    file_report(client)
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    return walk_case(case, "forwarded", officer=alice)


@pytest.fixture
def under_verification(forwarded_case, gita, walk_case):
    return walk_case(forwarded_case, "bkn_verification", bkn=gita)

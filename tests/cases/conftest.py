import pytest

from netra.cases import actions
from netra.reports.models import Submission

from ..reports.helpers import file_report


@pytest.fixture
def reported_case(client, alice, reference):
    """A public report about one Jember employee, opened as a case by alice."""
    file_report(client)
    return actions.open_case_from_submission(alice, Submission.objects.get())

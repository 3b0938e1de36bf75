"""Every cell of the matrix: each route and API operation, each persona, on region A's object.
The owner succeeds where the stranger gets 404; the anonymous visitor is sent to sign in."""

import pytest

from .cells import run
from .routes import OPERATIONS, ROUTES

pytestmark = pytest.mark.matrix

ENTRIES = {**ROUTES, **OPERATIONS}


@pytest.mark.parametrize("key", list(ENTRIES))
def test_each_persona_gets_what_the_table_says(key, sessions, db):
    problems = run(key, ENTRIES[key], sessions)
    assert not problems, "\n".join(problems)

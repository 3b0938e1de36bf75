"""Every persona walks every page it reaches in the demo: no offered link answers 404 or 500,
and every form submitted empty answers with a message, never a 500 (issue 13, crawler)."""

import pytest

from .walk import PERSONAS, walk

pytestmark = [pytest.mark.crawl, pytest.mark.django_db]


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_link_and_every_empty_form_answers_without_a_dead_end(demo, persona):
    result = walk(persona)
    assert result.pages, f"{persona} reached no page at all"
    assert not result.problems, "\n".join(result.problems)

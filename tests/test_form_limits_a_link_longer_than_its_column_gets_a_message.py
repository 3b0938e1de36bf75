"""A link longer than the 2,000 characters its column holds gets a message.

Before the fix, Django's URL check allowed 2,048 characters: a link of 2,001-2,048 characters
answered 500 on PostgreSQL (`value too long for type character varying(2000)`) and was saved
whole on SQLite.
"""

import pytest
from django.test import Client

from netra.reports.models import EvidenceLink, Submission

from .reports.helpers import report_data


def link_of(length):
    start = "https://contoh.id/"
    return start + "a" * (length - len(start))


@pytest.fixture
def public(reference):
    return Client()


@pytest.mark.parametrize("length", [2001, 2048])
def test_a_link_over_2000_characters_is_refused_on_the_form(public, length):
    response = public.post("/lapor/", report_data(links=link_of(length)))
    assert response.status_code == 200
    assert "paling banyak 2000 karakter" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_link_over_2000_characters_answers_400_on_the_api(public):
    response = public.post("/api/v1/reports", report_data(links=link_of(2048)))
    assert response.status_code == 400 and "links" in response.json()["errors"]
    assert not EvidenceLink.objects.exists()


def test_a_link_of_exactly_2000_characters_is_kept_whole(public):
    assert public.post("/lapor/", report_data(links=link_of(2000))).status_code == 302
    assert EvidenceLink.objects.get().url == link_of(2000)

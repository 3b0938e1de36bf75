"""Switching language on a page reached by POST used to redirect to that page's URL, which
answers only POST: the browser showed a bare "HTTP ERROR 405"."""

import pytest

from netra.cases import actions
from netra.reports.models import Submission

from ..reports.helpers import file_report
from .language_form import language_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def under_verification(client, alice, gita, reference, walk_case):
    """A report about one Jember employee, forwarded to BKN, under gita's verification."""
    file_report(client)
    case = actions.open_case_from_submission(alice, Submission.objects.get())
    return walk_case(walk_case(case, "forwarded"), "bkn_verification", bkn=gita)


def switch(client, page_html, language="en"):
    form = language_form(page_html)
    return client.post(form.action, {**form.fields, "language": language})


def test_a_refused_recommendation_form_switches_back_to_the_case_page(
    under_verification, client_for, gita
):
    case = under_verification
    client = client_for(gita)
    refused = client.post(
        f"/kasus/{case.pk}/rekomendasi/",
        {"version": case.version, "issue": "1"},
        HTTP_REFERER=f"http://testserver/kasus/{case.pk}/",
    )
    assert refused.status_code in (200, 400)
    response = switch(client, refused.content.decode())
    assert response.status_code == 302
    assert response.url == f"/kasus/{case.pk}/"
    page = client.get(response.url)
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()


def test_a_post_only_address_is_never_the_way_back_even_when_the_page_sends_it(
    under_verification, client_for, gita
):
    case = under_verification
    client = client_for(gita)
    response = client.post(
        "/i18n/setlang/",
        {"language": "en", "next": f"/kasus/{case.pk}/rekomendasi/"},
        HTTP_REFERER=f"http://testserver/kasus/{case.pk}/rekomendasi/",
    )
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_the_way_back_falls_back_to_the_home_page(client, reference):
    response = client.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/kasus/1/rekomendasi/", "back": "https://elsewhere.example/"},
    )
    assert (response.status_code, response.url) == (302, "/")


def test_a_page_reached_by_get_switches_back_to_itself(client, reference):
    page = client.get("/lapor/?x=1").content.decode()
    response = switch(client, page)
    assert (response.status_code, response.url) == (302, "/lapor/?x=1")
    assert client.cookies["django_language"].value == "en"

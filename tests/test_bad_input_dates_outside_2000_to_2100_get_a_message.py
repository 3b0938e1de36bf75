"""Dates far in the past or future get a message, never a 500.

Before the fix, an `incident_date` of 0001-01-14 or earlier answered 500 with
`OverflowError: date value out of range`: the duplicate check subtracts a 14-day window.
"""

import pytest
from django.test import Client

from netra.cases.models import Hearing
from netra.prevention.models import Circular, Event
from netra.reports.models import Submission

from .reports.helpers import report_data

MESSAGE = "antara 1 Januari 2000 dan 31 Desember 2100"


@pytest.fixture
def public(reference):
    return Client()


@pytest.mark.parametrize(
    "incident, known",
    [("0001-01-14", "0001-01-20"), ("0001-01-01", "0001-01-01"), ("1999-12-31", "2000-01-05")],
)
def test_an_ancient_incident_date_gets_a_message_on_the_form(public, incident, known):
    response = public.post("/lapor/", report_data(incident_date=incident, known_date=known))
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not Submission.objects.exists()


def test_an_ancient_incident_date_answers_400_on_the_api(public):
    response = public.post(
        "/api/v1/reports", report_data(incident_date="0001-01-14", known_date="0001-01-20")
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"incident_date", "known_date"}
    assert not Submission.objects.exists()


def test_the_first_day_of_2000_is_still_a_date_one_may_report(public):
    response = public.post("/lapor/", report_data(incident_date="2000-01-01"))
    assert response.status_code == 302 and Submission.objects.count() == 1


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_hearing_at_the_ends_of_time_gets_a_message(client_for, alice, reported_case, when):
    response = client_for(alice).post(
        f"/kasus/{reported_case.pk}/klarifikasi/",
        {"party": "reporter", "name": "Sri", "scheduled_at": when, "place": "Kantor"},
        follow=True,
    )
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not Hearing.objects.exists()


def test_an_event_or_circular_in_the_year_1_gets_a_message(client_for, fajar, reference):
    officer = client_for(fajar)
    response = officer.post(
        "/pencegahan/kegiatan/baru/",
        {
            "region": "",
            "title": "Sosialisasi",
            "kind": "outreach",
            "mode": "online",
            "starts_at": "0001-01-01T00:00",
            "audience": ["asn"],
            "min_minutes": "30",
        },
    )
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    response = officer.post(
        "/pencegahan/surat-edaran/baru/",
        {"number": "800/1", "issued_on": "0001-01-01", "issuer": "Bupati", "subject": "Netral"},
    )
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not Event.objects.exists() and not Circular.objects.exists()

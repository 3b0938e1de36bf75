"""An employee may have attended hundreds of events and be named on many cases: the page shows
the latest of each and says how many there are, in a number of queries that does not grow."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netra.cases import actions
from netra.cases.models import Case
from netra.prevention.models import Attendance, Event
from netra.regions.models import Election
from netra.web import employee_record
from netra.web.employee_record import ROWS


def attended(employee, officer, region, count):
    for day in range(count):
        event = Event.objects.create(
            region=region,
            title=f"Sosialisasi ke-{day + 1}",
            kind="outreach",
            mode="online",
            organiser="BKPSDM",
            starts_at=timezone.now() - timezone.timedelta(days=count - day),
            created_by=officer,
        )
        Attendance.objects.create(
            event=event, name=employee.name, status="matched", employee=employee
        )


def named_on(employee, officer, region, count):
    election = Election.objects.get(code="pilkada-2024")
    for i in range(count):
        case = actions.open_finding(officer, election=election, region=region, summary=f"T{i}")
        actions.add_respondent(officer, case, version=case.version, employee=employee)


def test_each_section_shows_the_latest_and_counts_all(
    client_for, alice, fajar, employee_factory, region
):
    ahmad = employee_factory("Ahmad Fauzi", "198501012010011001")
    attended(ahmad, fajar, region("35.09"), ROWS + 5)
    named_on(ahmad, alice, region("35.09"), ROWS + 2)
    client = client_for(alice)
    url = reverse("people:employee", args=[ahmad.pk])
    client.get(url)  # the session and the translation catalog, read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    record = response.context["record"]
    assert len(record["attendance"].rows) == ROWS and record["attendance"].total == ROWS + 5
    assert record["attendance"].rows[0].event.title == f"Sosialisasi ke-{ROWS + 5}"  # latest first
    assert len(record["cases"].rows) == ROWS and record["cases"].total == ROWS + 2
    page = response.content.decode()
    assert f"{ROWS} terbaru dari {ROWS + 5}." in page
    assert f"{ROWS} terbaru dari {ROWS + 2}." in page
    few = len(queries)
    assert few <= 16, [q["sql"][:80] for q in queries]

    attended(ahmad, fajar, region("35.09"), 30)
    named_on(ahmad, alice, region("35.09"), 10)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == few


def test_past_the_ids_read_as_a_list_the_counts_are_the_same(
    client_for, alice, gita, employee_factory, region, monkeypatch, walk_case
):
    ahmad = employee_factory("Ahmad Fauzi", "198501012010011001")
    named_on(ahmad, alice, region("35.09"), 3)
    walk_case(Case.objects.order_by("pk").first(), "recommended", officer=alice, bkn=gita)
    url = reverse("people:employee", args=[ahmad.pk])

    def totals():
        record = client_for(alice).get(url).context["record"]
        return {name: section.total for name, section in record.items() if section}

    listed = totals()
    monkeypatch.setattr(employee_record, "LISTED", 1)
    assert (
        totals()
        == listed
        == {
            "cases": 3,
            "recommendations": 1,
            "decrees": 0,
            "attendance": 0,
            "pledges": 0,
        }
    )

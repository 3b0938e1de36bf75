"""Entries newest first, filtered by actor, object, action and date, a page at a time after
the last entry shown; a filter that makes no sense gets a message, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from netra.audit.log import record
from netra.audit.models import AuditEntry
from netra.web import audit_log


@pytest.fixture
def entries(alice, bob, region):
    jember = region("35.09")
    made = [
        record(alice, "case.note", alice, region=jember, data={"length": 3}),
        record(bob, "case.transition", bob, region=jember, data={"from": "a", "to": "b"}),
        record(alice, "case.transition", alice, region=jember, data={"from": "b", "to": "c"}),
        record(None, "report.submitted", region=jember, data={"kind": "report"}),
    ]
    # The first entry a week ago, for the date filter.
    AuditEntry.objects.filter(pk=made[0].pk).update(at=timezone.now() - timedelta(days=7))
    return made


def shown(response):
    return [row["entry"].pk for row in response.context["rows"]]


def test_entries_come_newest_first(client_for, admin, entries):
    response = client_for(admin).get(reverse("web:audit_log"))
    assert shown(response) == [e.pk for e in reversed(entries)]


def test_each_filter_narrows_the_entries(client_for, admin, alice, entries):
    page = client_for(admin)
    url = reverse("web:audit_log")
    assert shown(page.get(url, {"pelaku": "alice"})) == [entries[2].pk, entries[0].pk]
    assert shown(page.get(url, {"pelaku": "system"})) == [entries[3].pk]
    assert shown(page.get(url, {"aksi": "case.transition"})) == [entries[2].pk, entries[1].pk]
    assert shown(page.get(url, {"jenis": "accounts.user", "objek": str(alice.pk)})) == [
        entries[2].pk,
        entries[0].pk,
    ]
    today = timezone.localdate()
    assert shown(page.get(url, {"dari": today.isoformat()})) == [
        e.pk for e in reversed(entries[1:])
    ]
    week_ago = (today - timedelta(days=7)).isoformat()
    assert shown(page.get(url, {"sampai": week_ago})) == [entries[0].pk]
    assert shown(page.get(url, {"pelaku": "alice", "aksi": "case.note"})) == [entries[0].pk]


def test_the_filters_offer_the_actions_and_kinds_of_object_in_the_log(client_for, admin, entries):
    form = client_for(admin).get(reverse("web:audit_log")).context["filters"]
    assert [value for value, _label in form.fields["aksi"].choices] == [
        "",
        "case.note",
        "case.transition",
        "report.submitted",
    ]
    assert dict(form.fields["jenis"].choices)["accounts.user"] == "Akun"


@pytest.mark.parametrize(
    "query",
    [
        {"dari": "2024-13-45"},
        {"dari": "1850-01-01"},
        {"dari": "2024-12-02", "sampai": "2024-12-01"},
        {"aksi": "no.such.action"},
        {"jenis": "no.such.model"},
        {"objek": "12"},  # a number without its kind of object
        {"objek": "x" * 65},
        {"pelaku": "p" * 151},
        {"objek": "١٢", "jenis": "cases.case"},
    ],
)
def test_a_filter_that_makes_no_sense_gets_a_message(client_for, admin, entries, query):
    response = client_for(admin).get(reverse("web:audit_log"), query)
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "Perbaiki saringan di atas untuk melihat entri." in response.content.decode()


def test_pages_follow_the_last_entry_shown_and_keep_the_filters(
    client_for, admin, entries, monkeypatch
):
    monkeypatch.setattr(audit_log, "ENTRIES_PER_PAGE", 2)
    page = client_for(admin)
    first = page.get(reverse("web:audit_log"))
    assert shown(first) == [entries[3].pk, entries[2].pk]
    older = first.context["next_query"]
    assert older == f"sebelum={entries[2].pk}"
    second = page.get(reverse("web:audit_log") + "?" + older)
    assert shown(second) == [entries[1].pk, entries[0].pk]
    assert second.context["next_query"] == ""

    filtered = page.get(reverse("web:audit_log"), {"pelaku": "alice", "sebelum": entries[2].pk})
    assert shown(filtered) == [entries[0].pk]


@pytest.mark.parametrize("cursor", ["abc", "99999999", "-1", "9" * 40])
def test_a_page_that_does_not_exist_gets_a_message(client_for, admin, entries, cursor):
    response = client_for(admin).get(reverse("web:audit_log"), {"sebelum": cursor})
    assert response.status_code == 200 and response.context["rows"] == []
    assert "Halaman jejak audit itu tidak tersedia." in response.content.decode()

"""A new report of a district reaches, by e-mail, the district supervisor (Panwascam) of that
district as well as the regency and provincial officers; a supervisor of another district, or
one whose account is inactive, hears nothing."""

from django.core import mail

from .helpers import REPORTER_NAME, file_report


def test_the_supervisor_of_the_reports_district_is_told(
    client, make_user, alice, django_capture_on_commit_callbacks
):
    accounts = {
        "wulan": make_user("wulan", "panwascam", ["35.09.27"]),
        "yuni": make_user("yuni", "panwascam", ["35.09.01"]),
        "zaki": make_user("zaki", "panwascam", ["35.09.27"]),
        "alice": alice,
    }
    for name, user in accounts.items():
        user.email = f"{name}@bawaslu.go.id"
        user.is_active = name != "zaki"
        user.save()
    with django_capture_on_commit_callbacks(execute=True):
        file_report(client, district="35.09.27")
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == ["alice@bawaslu.go.id", "wulan@bawaslu.go.id"]
    assert all(REPORTER_NAME not in message.body for message in mail.outbox)


def test_a_report_naming_no_district_reaches_no_supervisor(
    client, make_user, alice, django_capture_on_commit_callbacks
):
    wulan = make_user("wulan", "panwascam", ["35.09.27"])
    wulan.email, alice.email = "wulan@bawaslu.go.id", "alice@bawaslu.go.id"
    wulan.save()
    alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        file_report(client, district="")
    assert [message.to for message in mail.outbox] == [["alice@bawaslu.go.id"]]

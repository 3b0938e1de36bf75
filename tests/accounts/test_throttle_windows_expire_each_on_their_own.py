"""Every counted attempt expires with its own window: a failed sign-in (15 minutes) never
clears the hour-long windows of submissions, receipt checks and pledge codes."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from netra.accounts import throttle
from netra.prevention import actions as prevention

from ..reports.helpers import file_report


def later(minutes):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(minutes=minutes)
    )


def test_a_failed_sign_in_keeps_the_submission_receipt_and_pledge_windows(
    client, settings, reference
):
    settings.NETRA_SUBMISSIONS_PER_HOUR = 1
    settings.NETRA_RECEIPT_MAX_FAILURES = 2
    settings.NETRA_PLEDGE_CODES_PER_HOUR = 1
    assert file_report(client).status_code == 302
    for _ in range(2):
        client.post("/lapor/status/", {"receipt": "1111 2222 3333 4444 5555"})
    # A NIP on no roster is answered like any other (issue 13, item 12) and uses up the hour's
    # one code all the same.
    prevention.request_pledge_code("199001012015031001", client_key="127.0.0.1")

    with later(16):
        client.post(reverse("accounts:login"), {"username": "siapa", "password": "salah"})
        assert file_report(client).status_code == 429
        assert (
            client.post("/lapor/status/", {"receipt": "1111 2222 3333 4444 5555"}).status_code
            == 429
        )
        with pytest.raises(prevention.Refused) as refused:
            prevention.request_pledge_code("199001012015031001", client_key="127.0.0.1")
        assert refused.value.code == "too_many"


def test_the_purge_removes_expired_attempts_only(db):
    throttle.hit("login:short", 900)
    throttle.hit("submit:long", 3600)
    with later(16):
        throttle.purge_expired()
        assert throttle.count("login:short") == 0
        assert throttle.count("submit:long") == 1
    with later(61):
        throttle.purge_expired()
        assert throttle.count("submit:long") == 0


def test_a_window_starts_again_once_it_is_over(db):
    for _ in range(3):
        throttle.hit("user:alice", 900)
    with later(16):
        assert throttle.count("user:alice") == 0
        assert throttle.hit("user:alice", 900) == 1

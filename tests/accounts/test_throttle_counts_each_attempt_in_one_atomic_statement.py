"""Counting an attempt is one atomic statement, so parallel requests cannot overrun a limit."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netra.accounts import throttle


def test_an_attempt_is_counted_and_its_count_read_back_in_one_statement(db):
    counts = []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            counts.append(throttle.hit("user:alice", 900))
    assert counts == [1, 2, 3]
    # One statement per attempt: the upsert returns the new count, nothing reads it before.
    # (A window's first attempt also deletes the windows that are over: housekeeping.)
    counting = [q["sql"] for q in queries if not q["sql"].startswith("DELETE")]
    assert len(counting) == 3
    assert all(
        sql.startswith("INSERT") and "ON CONFLICT" in sql and "RETURNING" in sql for sql in counting
    )


@pytest.mark.skipif(
    not settings.IS_POSTGRES, reason="needs parallel connections to one database: PostgreSQL only"
)
@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_get_no_more_tries_than_the_limit(monkeypatch):
    from netra.accounts import views
    from netra.accounts.models import User

    User.objects.create_user(username="alice", password="kata-sandi-uji-panjang")
    checked = []
    real_authenticate = views.authenticate

    def slow_authenticate(*args, **kwargs):
        # Argon2 takes about 0.1 s in production; the test hasher takes microseconds.
        checked.append(1)
        time.sleep(0.05)
        return real_authenticate(*args, **kwargs)

    monkeypatch.setattr(views, "authenticate", slow_authenticate)
    parallel = 12
    start = threading.Barrier(parallel)

    def guess(n):
        try:
            start.wait()
            Client().post(
                reverse("accounts:login"), {"username": "alice", "password": f"tebakan-{n}"}
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checked) == settings.NETRA_LOGIN_MAX_FAILURES

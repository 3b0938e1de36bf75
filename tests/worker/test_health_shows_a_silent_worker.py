"""/healthz says whether the worker beats, and administrators see a banner when it has been
silent for over two minutes."""

from datetime import timedelta

from django.utils import timezone

from netra.worker.runner import beat

BANNER = "tidak memberi kabar lebih dari dua menit"


def beat_ago(seconds):
    now = timezone.now()
    beat("w1", now - timedelta(hours=1), now=now - timedelta(seconds=seconds))


def test_it_reports_no_worker_before_any_worker_has_run(client, db):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "worker": "none"}


def test_it_reports_ok_while_the_worker_beats(client, db):
    beat_ago(5)
    assert client.get("/healthz").json()["worker"] == "ok"


def test_it_reports_stale_when_the_worker_has_been_silent_for_over_two_minutes(client, db):
    beat_ago(121)
    assert client.get("/healthz").json()["worker"] == "stale"


def test_administrators_see_a_banner_while_the_worker_is_silent(client_for, admin, alice):
    beat_ago(600)
    assert BANNER in client_for(admin).get("/dasbor/").content.decode()
    assert BANNER not in client_for(alice).get("/dasbor/").content.decode()
    beat_ago(1)
    assert BANNER not in client_for(admin).get("/dasbor/").content.decode()


def test_a_monitor_that_reads_status_codes_gets_503_while_the_worker_is_silent(client, db):
    assert client.get("/healthz?worker=required").status_code == 503
    beat_ago(600)
    assert client.get("/healthz?worker=required").status_code == 503
    beat_ago(1)
    assert client.get("/healthz?worker=required").status_code == 200
    assert client.get("/healthz").status_code == 200

"""A reporter who made a form error lost the photos they had chosen: a browser cannot refill
a file field. Checked files are now kept for the session for 30 minutes and sent with the
report when the form is sent again; the worker's round erases what is left."""

import time
from datetime import timedelta

import pytest

from netra.reports import staging
from netra.reports.models import Evidence, Submission

from .helpers import file_report, photo_with_gps

pytestmark = pytest.mark.django_db


def staged_files(media_root):
    return [p for p in (media_root / "staging").rglob("*") if p.is_file()]


def test_the_photo_is_kept_after_an_error_and_sent_with_the_report(client, media_root):
    refused = file_report(client, files=[photo_with_gps()], description="")
    assert refused.status_code == 200 and "description" in refused.context["form"].errors
    assert 'id="kept-evidence"' in refused.content.decode()
    assert len(staged_files(media_root)) == 1 and not Submission.objects.exists()

    sent = file_report(client)  # no file chosen again
    assert sent.status_code == 302
    (evidence,) = Evidence.objects.all()
    assert evidence.content_type == "image/jpeg" and evidence.metadata_removed
    assert staged_files(media_root) == []


def test_kept_and_new_files_together_stay_within_the_limit(client, settings):
    settings.NETRA_EVIDENCE_MAX_FILES = 2
    file_report(client, files=[photo_with_gps(), photo_with_gps("b.jpg")], description="")
    refused = file_report(client, files=[photo_with_gps("c.jpg")])
    assert "evidence" in refused.context["form"].errors
    assert not Submission.objects.exists()


def test_the_reporter_may_remove_the_kept_files(client, media_root):
    file_report(client, files=[photo_with_gps()], description="")
    file_report(client, drop_staged="1")
    assert not Evidence.objects.exists() and Submission.objects.count() == 1
    assert staged_files(media_root) == []


def test_another_browser_never_gets_the_kept_files(client, media_root):
    from django.test import Client

    file_report(client, files=[photo_with_gps()], description="")
    stranger = Client()
    stranger_page = stranger.get("/lapor/").content.decode()
    assert 'id="kept-evidence"' not in stranger_page
    file_report(stranger)
    assert not Evidence.objects.exists()


def test_kept_files_expire_after_30_minutes(client, media_root, monkeypatch):
    kept_at = time.time()
    file_report(client, files=[photo_with_gps()], description="")
    monkeypatch.setattr(time, "time", lambda: kept_at + 30 * 60 + 1)
    file_report(client)
    assert not Evidence.objects.exists()


def test_the_round_erases_kept_files_past_their_time(client, media_root):
    file_report(client, files=[photo_with_gps()], description="")
    assert staging.purge_expired() == 0  # still within its 30 minutes
    assert staging.purge_expired(older_than=timedelta(seconds=-1)) == 1
    assert staged_files(media_root) == []
    assert staging.purge_expired(older_than=timedelta(seconds=-1)) == 0  # a second worker


def test_the_round_skips_a_folder_another_worker_erased_meanwhile(client, monkeypatch):
    from django.core.files.storage import default_storage

    file_report(client, files=[photo_with_gps()], description="")
    listdir = default_storage.listdir

    def erased_after_listing(path):
        if path != staging.FOLDER:
            raise FileNotFoundError(path)
        return listdir(path)

    monkeypatch.setattr(default_storage, "listdir", erased_after_listing)
    assert staging.purge_expired(older_than=timedelta(seconds=-1)) == 0

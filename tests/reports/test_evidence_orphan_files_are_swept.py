"""Finding 8: after kill -9, evidence files written before the commit stayed on disk. The
sweeper removes files that no committed row references, in every folder a FileField writes
into, and leaves alone young files (a commit may be on its way), staging/ (forms with errors
keep files there for their own lifetime) and the queued uploads of the worker."""

import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

from netra.cases.models import Attachment
from netra.reports import actions
from netra.reports.models import Evidence, Submission
from netra.reports.orphans import sweep_orphan_files

from .helpers import file_report, photo_with_gps


def age(name, hours=2):
    then = time.time() - hours * 3600
    os.utime(default_storage.path(name), (then, then))


def crash_after_writing_the_photo(client, monkeypatch):
    """A submission whose process dies after its photo is written and before its commit."""

    class Killed(BaseException):
        pass

    def killed(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(actions, "_delete_files", lambda names: None)  # no clean-up: kill -9
    monkeypatch.setattr(actions, "record", killed)  # the last step before the commit
    with pytest.raises(Killed):
        file_report(client, files=[photo_with_gps()])
    monkeypatch.undo()
    assert not Submission.objects.exists()
    [orphan] = default_storage.listdir("evidence")[1]
    return f"evidence/{orphan}"


def test_a_file_written_before_a_crash_is_removed_and_a_referenced_one_is_kept(
    client, monkeypatch, employee_factory
):
    employee_factory("Drs. Ahmad Fauzi", "198501012010011001")
    orphan = crash_after_writing_the_photo(client, monkeypatch)
    file_report(client, files=[photo_with_gps()])
    kept = Evidence.objects.get().file.name
    young = default_storage.save("evidence/being-committed.jpg", ContentFile(b"x"))
    staged = default_storage.save("staging/form-with-errors.jpg", ContentFile(b"x"))
    queued = default_storage.save("roster-imports/upload", ContentFile(b"nip;nama"))
    for name in (orphan, kept, staged, queued):
        age(name)
    assert sweep_orphan_files(older_than=timedelta(hours=1)) == [orphan]
    assert not default_storage.exists(orphan)
    for name in (kept, young, staged, queued):
        assert default_storage.exists(name)
    assert sweep_orphan_files(older_than=timedelta(hours=1)) == []  # idempotent


def test_every_file_field_counts_case_attachments_and_letters_included(
    client_for, alice, reported_case
):
    client_for(alice).post(
        f"/kasus/{reported_case.pk}/lampiran/", {"title": "Foto", "file": photo_with_gps()}
    )
    attached = Attachment.objects.get().file.name
    lost_attachment = default_storage.save("case-attachments/lost.jpg", ContentFile(b"x"))
    lost_letter = default_storage.save("case-documents/lost.pdf", ContentFile(b"%PDF-"))
    for name in (attached, lost_attachment, lost_letter):
        age(name)
    assert sorted(sweep_orphan_files()) == sorted([lost_attachment, lost_letter])
    assert default_storage.exists(attached)


def test_two_sweepers_at_once_both_finish(client, monkeypatch, employee_factory):
    employee_factory("Drs. Ahmad Fauzi", "198501012010011001")
    orphan = crash_after_writing_the_photo(client, monkeypatch)
    age(orphan)
    seen, other = [], []
    real_delete = FileSystemStorage.delete

    def delete_while_another_sweeps(storage, name):
        if not other:  # the other worker's round runs to its end first
            other.append("running")
            seen.append(sweep_orphan_files())
        real_delete(storage, name)

    monkeypatch.setattr(FileSystemStorage, "delete", delete_while_another_sweeps)
    assert sweep_orphan_files() == [orphan]
    assert seen == [[orphan]] and not default_storage.exists(orphan)

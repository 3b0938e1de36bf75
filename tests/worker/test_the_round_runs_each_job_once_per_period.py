"""The worker's round runs every job when it is due, in one worker only: jobs with an interval
wait for it, jobs that claim each item (feeds) run in every round."""

from netra.rounds import jobs, tick
from netra.worker.models import PeriodicJob


def test_the_first_round_runs_every_job_and_the_next_only_those_due(db, settings, tmp_path):
    settings.NETRA_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    names = {job.name for job in jobs()}
    assert {
        "ppk_overdue",
        "reminders",
        "feed_texts",
        "audit_checkpoint",
        "expired_sessions",
        "expired_attempts",
        "orphan_files",
    } <= names

    first = tick("w1")
    assert set(first) == names
    assert all(row.last_error == "" for row in PeriodicJob.objects.all())

    assert set(tick("w2")) == {"feed_texts"}

from django.db import models


class Heartbeat(models.Model):
    """One row per worker process, touched every few seconds while it lives.

    Tasks held by a worker whose heartbeat has stopped are handed to another (the lease), and
    /healthz and the administrators' banner read the newest beat."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} @ {self.beat_at:%Y-%m-%d %H:%M}"


class PeriodicJob(models.Model):
    """The claim row of one periodic job: a worker runs it only after moving `next_run_at`
    forward with a conditional update, so that several workers never run it twice at once."""

    name = models.CharField(max_length=64, primary_key=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True)
    last_finished_at = models.DateTimeField(null=True)
    last_worker_id = models.CharField(max_length=64, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return f"{self.name}, next run {self.next_run_at:%Y-%m-%d %H:%M}"

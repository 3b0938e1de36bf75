from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "netra.worker"
    label = "worker"
    verbose_name = "Worker"

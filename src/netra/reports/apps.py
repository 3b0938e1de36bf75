from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "netra.reports"
    verbose_name = "Laporan masyarakat"

    def ready(self):
        # The kept reference data is cleared by the signals it connects on import.
        from . import references  # noqa: F401

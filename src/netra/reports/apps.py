from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "netra.reports"
    verbose_name = "Laporan masyarakat"

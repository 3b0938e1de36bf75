"""`netra insights refresh [--full]`: bring the statistics' summaries up to date now (the
worker does it in every round)."""

import time

from django.core.management.base import BaseCommand

from netra.insights.refresh import refresh, refresh_all


class Command(BaseCommand):
    help = "Perbarui ringkasan statistik dari jejak audit (--full: bangun ulang semuanya)."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="bangun ulang dari semua kasus")

    def handle(self, *args, **options):
        started = time.perf_counter()
        cases = refresh_all() if options["full"] else refresh()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Ringkasan diperbarui: {cases} kasus dibaca dalam {seconds:.1f} detik.")

from django.apps import AppConfig


class SanctionsConfig(AppConfig):
    name = "netra.sanctions"
    verbose_name = "Sanksi dan tindak lanjut"

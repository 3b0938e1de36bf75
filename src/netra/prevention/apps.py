from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "netra.prevention"
    verbose_name = "Pencegahan"

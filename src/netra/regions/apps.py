from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "netra.regions"
    verbose_name = "Wilayah dan pemilihan"

from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "netra.risk"
    label = "risk"
    verbose_name = "Early warning"
    default_auto_field = "django.db.models.BigAutoField"

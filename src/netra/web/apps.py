from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "netra.web"
    verbose_name = "Web"

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "netra.people"
    verbose_name = "Pegawai"

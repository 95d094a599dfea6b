from django.apps import AppConfig


class HelplinesConfig(AppConfig):
    name = "helplines"
    verbose_name = "Emergency and health-line numbers"

    def ready(self):
        # Editors' saves and deletes clear this process's list of countries at once.
        from . import services  # noqa: F401

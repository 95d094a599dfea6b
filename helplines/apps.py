from django.apps import AppConfig


class HelplinesConfig(AppConfig):
    name = "helplines"
    verbose_name = "Emergency and health-line numbers"

    def ready(self):
        import os

        # Editors' saves and deletes clear this process's list of countries at once.
        from . import services  # noqa: F401
        from .config import default_country

        # A malformed LEGACHE_DEFAULT_COUNTRY, or the retired number settings, stop start-up
        # with a message (settings only read the environment: legache imports no app).
        default_country(os.environ)

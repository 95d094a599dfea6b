from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Leg ache content and assessments"

    def ready(self):
        from legache import checks, throttle  # noqa: F401  (deploy checks; sign-in counts)

        from . import content  # noqa: F401  (connects the cache-invalidation signals)

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Leg ache content and assessments"

    def ready(self):
        from legache import checks, throttle  # noqa: F401  (deploy checks; sign-in counts)

        # content connects the cache-invalidation signals; safety registers the system check
        # that the contract's safety floor is in the database.
        from . import content, safety  # noqa: F401

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Leg ache content and assessments"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate, pre_migrate

        from legache import checks  # noqa: F401  (deploy checks)
        from runlog import content as runlog_content
        from runlog import signs as runlog_signs

        # content connects the cache-invalidation signals; safety registers the system check
        # that the contract's safety floor is in the database.
        from . import content, safety  # noqa: F401
        from .wizard import claim_session_assessments

        # The run log links causes and strategies by slug: it shows the editor's current
        # titles, and its cached dashboard changes with the content revision.
        runlog_content.register_titles(content.page_titles, content.current_revision_cached)
        # A follow-up "yes" at a check-in is a warning sign: its words and level are ours.
        runlog_signs.register_signs(content.warning_signs)

        # The safety lock goes on after every migrate, which then checks the floor.
        pre_migrate.connect(safety.lift_lock_for_sqlite_table_rebuilds, sender=self)
        post_migrate.connect(safety.lock_after_migrate, sender=self)

        # allauth signs a runner in after signing up, so this covers both.
        user_logged_in.connect(
            lambda sender, request, user, **kwargs: (
                request is not None and claim_session_assessments(request, user)
            ),
            dispatch_uid="legache-claim-session-assessments",
            weak=False,
        )

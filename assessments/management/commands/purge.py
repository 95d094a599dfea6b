"""Delete what legache must not keep: abandoned anonymous assessments and expired sessions.

An unfinished assessment with no account holds a runner's health answers and can only be
reached through their session, which expires (two weeks by default). After
LEGACHE_UNFINISHED_RETENTION_DAYS without a change nobody can resume it, so it goes.
Finished results (their runner may have shared the link) and assessments attached to an
account stay. Safe to run from cron as often as you like: a second run finds nothing.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.models import Assessment


class Command(BaseCommand):
    help = (
        "Delete unfinished assessments that belong to no account and have not changed for "
        "LEGACHE_UNFINISHED_RETENTION_DAYS days (default 30), and expired sessions. "
        "Idempotent; run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.LEGACHE_UNFINISHED_RETENTION_DAYS
        if days < 1:
            # 0 would delete assessments runners are filling in right now.
            raise CommandError("LEGACHE_UNFINISHED_RETENTION_DAYS must be at least 1.")
        now = timezone.now()
        abandoned = Assessment.objects.filter(
            user__isnull=True, completed_at__isnull=True, updated_at__lt=now - timedelta(days=days)
        )
        store = import_module(settings.SESSION_ENGINE).SessionStore
        # Database-backed engines can count theirs; cache and cookie sessions expire by
        # themselves, and clear_expired() does nothing for them.
        sessions = "expired sessions"
        if hasattr(store, "get_model_class"):
            expired = store.get_model_class().objects.filter(expire_date__lt=now).count()
            sessions = f"{expired} expired sessions"

        if dry_run:
            self.stdout.write(
                f"Would purge {abandoned.count()} unfinished assessments older than {days} days "
                f"and {sessions}. Nothing was deleted (--dry-run)."
            )
            return
        _, deleted = abandoned.delete()
        store.clear_expired()
        self.stdout.write(
            f"Purged {deleted.get(Assessment._meta.label, 0)} unfinished assessments older than "
            f"{days} days and {sessions}."
        )

"""Delete what legache must not keep: abandoned anonymous assessments, expired sessions, and
whatever outlived its use or its runner.

An unfinished assessment with no account holds a runner's health answers and can only be
reached through their session, which expires (two weeks by default). After
LEGACHE_UNFINISHED_RETENTION_DAYS without a change nobody can resume it, so it goes.
Finished results (their runner may have shared the link) and assessments attached to an
account stay.

It also sweeps what a crash, an outage or a deleted account left behind: sessions still
signed in to an account deleted from another browser; stored activity and import files no
row names (older than a day, so an upload still being saved is safe) and the folders of
deleted runners; temporary upload files older than a day in FILE_UPLOAD_TEMP_DIR (a worker
killed mid-upload leaves its file); finished background task rows older than a day, or
naming an import that is gone (queued and running ones always stay); and the cached pages
of deleted accounts that the cache could not delete at the time (it was down).

Safe to run from cron as often as you like: a second run finds nothing.
"""

import os
import re
import tempfile
from datetime import timedelta
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.models import Assessment
from legache.cache import CacheUnavailable
from legache.page_cache import forget_pages
from runlog import retention

LEFTOVER_AGE = timedelta(days=1)
# Django's TemporaryUploadedFile: tempfile.NamedTemporaryFile(suffix=".upload" + extension),
# so "tmp", eight random characters, ".upload", then the upload's own extension if any.
TEMPORARY_UPLOAD = re.compile(r"tmp[a-z0-9_]{8}\.upload(\.[^/]*)?")


class Command(BaseCommand):
    help = (
        "Delete unfinished assessments that belong to no account and have not changed for "
        "LEGACHE_UNFINISHED_RETENTION_DAYS days (default 30), expired sessions and those of "
        "deleted accounts, stored files no row names, temporary uploads and finished task "
        "rows older than a day, and cached pages of deleted accounts still to forget. "
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

        before = now - LEFTOVER_AGE
        gone = retention.gone_runners(default_storage)
        orphans = retention.orphaned_files(default_storage, before)
        uploads = old_temporary_uploads(before)
        task_rows = retention.stale_task_rows(before)
        pending = list(retention.PendingCachePurge.objects.all())
        orphaned_sessions = sessions_of_deleted_accounts(store, now)

        if dry_run:
            self.stdout.write(
                f"Would purge {abandoned.count()} unfinished assessments older than {days} days "
                f"and {sessions}.\n"
                f"Would delete {len(orphaned_sessions)} sessions of deleted accounts, "
                f"{len(orphans)} stored files no row names, "
                f"the folders of {len(gone)} deleted runners, "
                f"{len(uploads)} temporary uploads older than a day, "
                f"{len(task_rows)} finished task rows, "
                f"and {len(pending)} cached page owners of deleted accounts.\n"
                "Nothing was deleted (--dry-run)."
            )
            return
        _, deleted = abandoned.delete()
        store.clear_expired()
        self.stdout.write(
            f"Purged {deleted.get(Assessment._meta.label, 0)} unfinished assessments older than "
            f"{days} days and {sessions}."
        )

        for key in orphaned_sessions:
            store(session_key=key).delete()
        for name in orphans:
            default_storage.delete(name)
        files_in_gone_folders = sum(
            retention.remove_runner_folders(default_storage, user_id) for user_id in gone
        )
        removed_uploads = sum(remove_quietly(path) for path in uploads)
        task_model = retention.finished_task_rows().model
        deleted_rows, _ = task_model.objects.filter(pk__in=task_rows).delete()
        forgotten, left = forget_pending(pending)
        self.stdout.write(
            f"Deleted {len(orphaned_sessions)} sessions of deleted accounts, "
            f"{len(orphans) + files_in_gone_folders} stored files no row names, "
            f"the folders of {len(gone)} deleted runners, "
            f"{removed_uploads} temporary uploads older than a day, "
            f"{deleted_rows} finished task rows, "
            f"and the cached pages of {forgotten} owners of deleted accounts ({left} left)."
        )
        if left:
            self.stderr.write("The cache did not answer; the next run tries again.")


def sessions_of_deleted_accounts(store, now) -> list[str]:
    """Keys of live database sessions still signed in to an account that is gone (deleted
    from another browser: the session no longer signs anyone in, but names them)."""
    if not hasattr(store, "get_model_class"):
        return []  # cookie or cache sessions: nothing to list
    from django.contrib.auth import SESSION_KEY, get_user_model

    signed_in = {}
    live = store.get_model_class().objects.filter(expire_date__gte=now)
    for key, data in live.values_list("session_key", "session_data").iterator(chunk_size=2000):
        user_id = store().decode(data).get(SESSION_KEY)
        if user_id is not None:
            signed_in[key] = str(user_id)
    users = get_user_model()
    ids = set()
    for user_id in set(signed_in.values()):
        try:
            ids.add(users._meta.pk.to_python(user_id))
        except ValidationError:
            continue
    existing = {str(pk) for pk in users.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    return sorted(key for key, user_id in signed_in.items() if user_id not in existing)


def upload_folder() -> Path:
    return Path(settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir())


def old_temporary_uploads(before) -> list[Path]:
    """Django's temporary upload files in the upload folder, last changed before `before`."""
    cutoff = before.timestamp()
    try:
        entries = list(os.scandir(upload_folder()))
    except FileNotFoundError:
        return []
    return sorted(
        Path(entry.path)
        for entry in entries
        if TEMPORARY_UPLOAD.fullmatch(entry.name)
        and entry.is_file(follow_symlinks=False)
        and entry.stat(follow_symlinks=False).st_mtime < cutoff
    )


def remove_quietly(path: Path) -> int:
    try:
        path.unlink()
    except FileNotFoundError:
        return 0  # its request ended and removed it meanwhile
    return 1


def forget_pending(pending) -> tuple[int, int]:
    """Forget the pages noted when the cache was down; returns (done, still to do)."""
    done = 0
    for row in pending:
        try:
            forget_pages(row.owner)
        except CacheUnavailable:
            return done, len(pending) - done
        row.delete()
        done += 1
    return done, 0

"""A runner's whole data, across both apps: everything about them for export, and their
erasure, which leaves nothing with their id behind (rows, files, folders, cached pages)."""

import functools

from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone

from assessments.export import assessments_data
from assessments.models import Assessment
from assessments.wizard import session_owner_key
from legache.cache import CacheUnavailable
from legache.page_cache import forget_pages, runner_pages
from runlog import retention
from runlog.export import runlog_data
from runlog.models import PendingCachePurge


def everything_about(user) -> dict:

    return {
        "exported_at": timezone.now(),
        "account": {"email": user.email, "joined": user.date_joined},
        **runlog_data(user),
        "assessments": assessments_data(user),
    }


def erase_runner(*, user, session=None) -> None:
    """Delete a runner and everything kept about them, leaving nothing with their id.

    In one transaction: the account's rows (they cascade from it), the anonymous
    assessments of this browser `session` not yet claimed, and the background task rows
    that name the runner's imports (never one being run: its worker still has to record the
    end, and `manage.py purge` takes it after). Once that commits: the stored files (runlog
    deletes each row's file), then the runner's storage folders with anything left in them,
    then their cached pages. If the cache cannot be reached, the pages to forget are written
    down in the database, and `manage.py purge` deletes them once it answers; it also takes
    the runner's sessions in other browsers, which sign nobody in any more.
    """

    assessments = Assessment.objects.filter(user=user)
    owner_key = session_owner_key(session) if session is not None else ""
    if owner_key:
        assessments |= Assessment.objects.filter(user__isnull=True, owner_key=owner_key)
    pages = [runner_pages(user.pk)]
    pages += [f"assessment:{pk}" for pk in assessments.values_list("pk", flat=True)]
    batches = list(user.import_batches.values_list("pk", flat=True))
    user_id = user.pk

    with transaction.atomic():
        assessments.delete()
        user.delete()  # cascades to everything else the runner owns
        retention.import_task_rows(batches).exclude(status=TaskResultStatus.RUNNING).delete()
        # After the files' own deletions, which the cascade queued first.
        transaction.on_commit(
            functools.partial(retention.remove_runner_folders, default_storage, user_id),
            robust=True,
        )
    forget_pages_or_note(pages)


def forget_pages_or_note(owners) -> None:
    """Delete these owners' cached pages, or note them for `manage.py purge` if the cache
    cannot be reached now."""

    try:
        forget_pages(*owners)
    except CacheUnavailable:
        PendingCachePurge.objects.bulk_create(
            [PendingCachePurge(owner=owner) for owner in owners], ignore_conflicts=True
        )

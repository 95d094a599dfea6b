"""What must not outlive its runner or its use: stored files and their folders, the rows of
background tasks that name a runner's imports, and cache purges still owed.

Account deletion (`accounts.services.erase_runner`) and `manage.py purge` use these. Stored
files live in per-runner folders, `<folder>/<user id>/<random name>` (runlog.models'
upload_to), so a runner's folders can be emptied and removed, and a file no row names is
found by listing them.
"""

import posixpath
from collections.abc import Iterator
from datetime import datetime

from django.db.models import Q

from .models import ActivityFile, ImportBatch, ImportUpload, PendingCachePurge  # noqa: F401

# The background tasks' dotted paths, as their rows name them (tests/test_import_queue.py
# checks them against runlog.tasks): by name, so that the queue's code need not import the
# tasks that call it.
IMPORT_TASK = "runlog.tasks.import_batch"
WATCH_TASK = "runlog.tasks.watch_imports"

# The storage folders of runlog.models' upload_to functions (activity_file_path and
# import_upload_path); tests/test_nothing_left_behind.py checks that they agree.
FOLDERS = ("activity-files", "import-uploads")


# Task rows (django-tasks-db's table): the import task names its batch by id.


def _import_task_path() -> str:
    return IMPORT_TASK


def _batch_of(args_kwargs) -> int | None:
    """The batch id an import task row names (its first argument, or `batch_id=`)."""
    if not isinstance(args_kwargs, dict):
        return None
    args, kwargs = args_kwargs.get("args") or [], args_kwargs.get("kwargs") or {}
    found = kwargs.get("batch_id", args[0] if args else None)
    return found if isinstance(found, int) and not isinstance(found, bool) else None


def import_task_rows(batch_ids):
    """The task rows that name any of these import batches, whatever their state."""
    from django_tasks_db.models import DBTaskResult

    batch_ids = list(batch_ids)
    return DBTaskResult.objects.filter(
        Q(args_kwargs__args__0__in=batch_ids) | Q(args_kwargs__kwargs__batch_id__in=batch_ids),
        task_path=_import_task_path(),
    )


def finished_task_rows():
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    return DBTaskResult.objects.filter(status__in=finished)


def stale_task_rows(before: datetime) -> list:
    """Ids of finished task rows (never queued ones) that finished before `before`, or that
    name an import batch that is gone (its runner deleted their account while it ran); and
    rows still marked running that started before `before`: every task here works in slices
    of seconds (imports.SLICE_SECONDS), so a day-old one lost its worker, and its batch has
    been recovered by `imports.recover_stale` under a new task row."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    finished = finished_task_rows()
    stale = set(finished.filter(finished_at__lt=before).values_list("pk", flat=True))
    stale.update(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=before
        ).values_list("pk", flat=True)
    )
    named = {
        pk: _batch_of(args_kwargs)
        for pk, args_kwargs in finished.filter(task_path=_import_task_path())
        .exclude(pk__in=stale)
        .values_list("pk", "args_kwargs")
    }
    wanted = {batch for batch in named.values() if batch is not None}
    existing = set(ImportBatch.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    stale.update(pk for pk, batch in named.items() if batch is not None and batch not in existing)
    return sorted(stale, key=str)


# Stored files.


def runner_folders(user_id) -> list[str]:
    return [f"{folder}/{int(user_id)}" for folder in FOLDERS]


def _walk(storage, folder: str) -> Iterator[str]:
    """Every file name under `folder`, deepest first; nothing if the folder is not there."""
    try:
        subfolders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for subfolder in subfolders:
        yield from _walk(storage, posixpath.join(folder, subfolder))
    for name in files:
        yield posixpath.join(folder, name)


def remove_runner_folders(storage, user_id) -> int:
    """Delete whatever is still stored in a runner's folders, then the folders (an object
    store has none to remove). Returns how many files went."""
    removed = 0
    for folder in runner_folders(user_id):
        for name in _walk(storage, folder):
            storage.delete(name)
            removed += 1
        _remove_empty_folder(storage, folder)
    return removed


def _remove_empty_folder(storage, folder: str) -> bool:
    try:
        subfolders, files = storage.listdir(folder)
    except FileNotFoundError:
        return False
    for subfolder in subfolders:
        _remove_empty_folder(storage, posixpath.join(folder, subfolder))
    try:
        storage.path(folder)
    except NotImplementedError:
        return False  # an object store: folders are only prefixes of names
    try:
        storage.delete(folder)  # FileSystemStorage removes an empty directory
    except OSError:
        return False  # not empty (a file arrived meanwhile): left alone
    return True


def orphaned_files(storage, before: datetime) -> list[str]:
    """Stored files under FOLDERS that no row names, last changed before `before` (a newer
    one may belong to an upload whose row is not committed yet)."""

    named = set(ActivityFile.objects.values_list("file", flat=True))
    named.update(ImportUpload.objects.values_list("file", flat=True))
    orphans = []
    for folder in FOLDERS:
        for name in _walk(storage, folder):
            if name not in named and storage.get_modified_time(name) < before:
                orphans.append(name)
    return orphans


def gone_runners(storage) -> list[int]:
    """Ids of the runners who have a storage folder but no longer an account."""
    from django.contrib.auth import get_user_model

    found = set()
    for folder in FOLDERS:
        try:
            subfolders, _ = storage.listdir(folder)
        except FileNotFoundError:
            continue
        found.update(int(name) for name in subfolders if name.isascii() and name.isdigit())
    existing = set(get_user_model().objects.filter(pk__in=found).values_list("pk", flat=True))
    return sorted(found - existing)

"""`manage.py purge`: abandoned anonymous answers, expired sessions and leftovers do not stay
forever.

It deletes unfinished assessments that belong to no account and have not changed for
LEGACHE_UNFINISHED_RETENTION_DAYS days, and expired sessions. Finished results and
assessments with an owner stay. It also sweeps stored files no row names and the folders of
deleted runners, temporary uploads and finished task rows older than a day (fresh, queued
and running ones stay), and cached pages of deleted accounts still to forget. It is safe to
run from cron: a second run deletes nothing.
"""

import contextlib
import os
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, ManagementUtility, call_command
from django.http import HttpResponse
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from assessments.models import Assessment
from legache import page_cache
from runlog.retention import PendingCachePurge
from runlog.tasks import import_batch
from tests.test_runlog_import_factories import fit, make_batch

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def assessment(days_untouched: int, *, user=None, finished=False) -> Assessment:
    created = Assessment.objects.create(user=user)
    changes = {"updated_at": timezone.now() - timedelta(days=days_untouched)}
    if finished:
        changes.update(completed_at=timezone.now(), result={"causes": []})
    # update() rather than save(): updated_at is auto_now.
    Assessment.objects.filter(pk=created.pk).update(**changes)
    return created


def session(key: str, expires_in_days: int) -> Session:
    expire_date = timezone.now() + timedelta(days=expires_in_days)
    return Session.objects.create(session_key=key, session_data="", expire_date=expire_date)


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def remaining() -> set:
    return set(Assessment.objects.values_list("pk", flat=True))


@pytest.fixture
def runner(django_user_model):
    return django_user_model.objects.create_user("runner", password="a-long-passphrase")


@pytest.fixture(autouse=True)
def upload_folder(settings, tmp_path):
    """A temporary upload folder of this test's own."""
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    return settings.FILE_UPLOAD_TEMP_DIR


def test_purges_only_old_unowned_unfinished_assessments(runner):
    abandoned = assessment(31)
    recent = assessment(29)
    finished = assessment(400, finished=True)
    owned = assessment(400, user=runner)
    owned_finished = assessment(400, user=runner, finished=True)

    output = purge()

    assert remaining() == {recent.pk, finished.pk, owned.pk, owned_finished.pk}
    assert abandoned.pk not in remaining()
    assert "Purged 1 unfinished assessments older than 30 days" in output


def test_purges_expired_sessions_and_keeps_live_ones():
    session("expired0000000000000000000000000", -1)
    session("live0000000000000000000000000000", 1)
    output = purge()
    assert list(Session.objects.values_list("session_key", flat=True)) == [
        "live0000000000000000000000000000"
    ]
    assert "and 1 expired sessions." in output


def test_a_second_run_finds_nothing_to_do():
    assessment(31)
    session("expired0000000000000000000000000", -1)
    purge()
    left = remaining()
    output = purge()
    assert remaining() == left
    assert output.strip() == (
        "Purged 0 unfinished assessments older than 30 days and 0 expired sessions.\n"
        "Deleted 0 sessions of deleted accounts, 0 stored files no row names, "
        "the folders of 0 deleted runners, "
        "0 temporary uploads older than a day, 0 finished task rows, "
        "and the cached pages of 0 owners of deleted accounts (0 left)."
    )


def test_the_retention_period_is_a_setting(settings):
    settings.LEGACHE_UNFINISHED_RETENTION_DAYS = 7
    kept, purged = assessment(6), assessment(8)
    assert "older than 7 days" in purge()
    assert remaining() == {kept.pk}
    assert purged.pk not in remaining()


def test_a_retention_of_zero_days_is_refused(settings):
    settings.LEGACHE_UNFINISHED_RETENTION_DAYS = 0
    assessment(1)
    with pytest.raises(CommandError, match="at least 1"):
        purge()
    assert Assessment.objects.count() == 1


def test_dry_run_counts_and_deletes_nothing():
    assessment(31)
    session("expired0000000000000000000000000", -1)
    output = purge("--dry-run")
    assert "Would purge 1 unfinished assessments" in output
    assert "1 expired sessions" in output
    assert Assessment.objects.count() == 1
    assert Session.objects.count() == 1


def test_the_readme_has_a_retention_section_with_the_cron_line():
    readme = (ROOT / "README.md").read_text()
    retention = readme.split("## Retention")[1].split("\n## ")[0]
    assert "LEGACHE_UNFINISHED_RETENTION_DAYS" in retention
    assert "manage.py purge" in retention
    assert "* * *" in retention  # a crontab line
    assert "docker run" in retention


# Leftovers: stored files, temporary uploads, task rows, cache purges owed.

OLD = 2 * 24 * 60 * 60  # seconds: two days
FRESH = 60 * 60  # an hour


def aged(path, seconds: float):
    moment = time.time() - seconds
    os.utime(path, (moment, moment))
    return path


def temporary(folder: Path, name: str, *, age: float = OLD) -> Path:
    path = folder / name
    path.write_bytes(b"part of an upload")
    return aged(path, age)


def store(name: str, data: bytes = b"x", *, age: float = OLD) -> str:
    name = default_storage.save(name, ContentFile(data))
    aged(default_storage.path(name), age)
    return name


def test_stored_files_no_row_names_go_once_a_day_old(runner, django_capture_on_commit_callbacks):
    batch = make_batch(runner, ("kept.fit", fit()))
    (named,) = [upload.file.name for upload in batch.uploads.all()]
    aged(default_storage.path(named), OLD)
    orphan = store(f"activity-files/{runner.pk}/orphan.fit")
    being_saved = store(f"import-uploads/{runner.pk}/new.fit", age=FRESH)  # its row comes next
    elsewhere = store("somewhere-else/not-ours.txt")

    output = purge()

    assert "1 stored files no row names" in output
    assert not default_storage.exists(orphan)
    for name in (named, being_saved, elsewhere):
        assert default_storage.exists(name)


def test_folders_of_deleted_runners_go_with_whatever_is_in_them(runner):
    gone = runner.pk + 1000
    left = store(f"import-uploads/{gone}/left.fit", age=FRESH)
    empty = Path(default_storage.path(f"activity-files/{gone}"))
    empty.mkdir(parents=True)
    mine = Path(default_storage.path(f"activity-files/{runner.pk}"))
    mine.mkdir(parents=True)

    output = purge()

    assert "the folders of 1 deleted runners" in output
    assert not default_storage.exists(left)
    assert not Path(default_storage.path(f"import-uploads/{gone}")).exists()
    assert not empty.exists()
    assert mine.is_dir()  # an existing runner's folder stays, even empty


def test_temporary_uploads_go_once_a_day_old(upload_folder):
    old = temporary(upload_folder, "tmpab_cd123.upload.fit")
    no_extension = temporary(upload_folder, "tmp00000000.upload")
    fresh = temporary(upload_folder, "tmpzz9_0000.upload.gpx", age=FRESH)  # still uploading
    not_an_upload = temporary(upload_folder, "notes.txt")

    assert "Would delete 0 sessions of deleted accounts, 0 stored files" in purge("--dry-run")
    assert "2 temporary uploads older than a day" in purge("--dry-run")
    assert old.exists()

    output = purge()

    assert "2 temporary uploads older than a day" in output
    assert not old.exists() and not no_extension.exists()
    assert fresh.exists() and not_an_upload.exists()


def test_a_real_temporary_upload_file_matches(settings, upload_folder):
    """The name Django gives a large upload's temporary file is one purge recognises."""
    from django.core.files.uploadedfile import TemporaryUploadedFile

    upload = TemporaryUploadedFile("run.fit.gz", "application/gzip", 10, None)
    try:
        path = Path(upload.temporary_file_path())
        assert path.parent == upload_folder
        aged(path, OLD)
        assert "1 temporary uploads older than a day" in purge()
        assert not path.exists()
    finally:
        with contextlib.suppress(FileNotFoundError):
            upload.close()


def task_row(batch_id, status, *, finished_days_ago=None, started_days_ago=None):
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [batch_id], "kwargs": {}},
        task_path=import_batch.module_path,
        backend_name="default",
        run_after=timezone.now(),
        status=status,
    )
    if finished_days_ago is not None:
        finished_at = timezone.now() - timedelta(days=finished_days_ago)
        DBTaskResult.objects.filter(pk=row.pk).update(finished_at=finished_at)
    if started_days_ago is not None:
        started_at = timezone.now() - timedelta(days=started_days_ago)
        DBTaskResult.objects.filter(pk=row.pk).update(started_at=started_at)
    return row.pk


def test_finished_task_rows_go_once_a_day_old_and_others_stay(runner):
    batch = make_batch(runner, ("a.fit", fit())).pk
    old_done = task_row(batch, TaskResultStatus.SUCCESSFUL, finished_days_ago=2)
    old_failed = task_row(batch, TaskResultStatus.FAILED, finished_days_ago=2)
    fresh_done = task_row(batch, TaskResultStatus.SUCCESSFUL, finished_days_ago=0)
    queued = task_row(batch, TaskResultStatus.READY)
    running = task_row(batch, TaskResultStatus.RUNNING, started_days_ago=0)
    # Still "running" a day after it started: its worker died (tasks run in slices of
    # seconds), and the batch went back to the queue under a new row.
    dead = task_row(batch, TaskResultStatus.RUNNING, started_days_ago=2)
    # A finished import of a batch that is gone (its runner left while it ran): nothing to
    # wait for.
    gone_done = task_row(batch + 1000, TaskResultStatus.SUCCESSFUL, finished_days_ago=0)
    gone_queued = task_row(batch + 1000, TaskResultStatus.READY)

    assert "Would delete" in purge("--dry-run") and DBTaskResult.objects.count() == 8
    output = purge()

    assert "4 finished task rows" in output
    kept = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert kept == {fresh_done, queued, running, gone_queued}
    assert not kept & {old_done, old_failed, gone_done, dead}


def test_cached_pages_owed_are_forgotten_when_the_cache_answers(rf):
    request = rf.get("/me/")
    request._csp_nonce = None
    request.htmx = False
    page_cache.cached_page(request, "k", lambda: HttpResponse("theirs"), owner="runner:77")
    page_cache.cached_page(request, "k", lambda: HttpResponse("mine"), owner="runner:78")
    PendingCachePurge.objects.create(owner="runner:77")

    assert "1 cached page owners of deleted accounts" in purge("--dry-run")
    assert PendingCachePurge.objects.count() == 1
    output = purge()

    assert "the cached pages of 1 owners of deleted accounts (0 left)" in output
    assert not PendingCachePurge.objects.exists()
    keys = list(caches["default"]._cache)
    assert not any(":page:runner:77:" in key for key in keys)
    assert any(":page:runner:78:" in key for key in keys)


def test_dry_run_deletes_no_leftover(runner, upload_folder):
    orphan = store(f"activity-files/{runner.pk}/orphan.fit")
    upload = temporary(upload_folder, "tmpab_cd123.upload")
    row = task_row(1, TaskResultStatus.SUCCESSFUL, finished_days_ago=2)
    PendingCachePurge.objects.create(owner="runner:77")

    output = purge("--dry-run")

    assert "1 stored files no row names" in output
    assert "1 temporary uploads older than a day, 1 finished task rows" in output
    assert "Nothing was deleted (--dry-run)." in output
    assert default_storage.exists(orphan) and upload.exists()
    assert DBTaskResult.objects.filter(pk=row).exists()
    assert PendingCachePurge.objects.exists()


@pytest.mark.parametrize("arguments", [["--bogus"], ["--dry-run", "extra"], ["--dry-run=yes"]])
def test_bad_arguments_exit_with_status_2_and_say_why(arguments, capsys):
    with pytest.raises(SystemExit) as exit_:
        ManagementUtility(["manage.py", "purge", *arguments]).execute()
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "usage: manage.py purge" in error
    assert "manage.py purge: error:" in error
    assert Assessment.objects.count() == 0


def test_the_temporary_upload_folder_comes_from_the_environment_and_is_made(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "uploads-here"
    read = "from django.conf import settings; print(settings.FILE_UPLOAD_TEMP_DIR)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "legache.settings"}
    command = [sys.executable, "-c", f"import django; django.setup(); {read}"]
    given = subprocess.run(
        command, env={**env, "LEGACHE_UPLOAD_TEMP_DIR": str(folder)}, cwd=ROOT,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert given.stdout.strip() == str(folder) and folder.is_dir()
    env.pop("LEGACHE_UPLOAD_TEMP_DIR", None)
    default = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert Path(default.stdout.strip()).name == f"legache-uploads-{os.getuid()}"

"""The import queue: a cap per runner (429), fairness between runners, caps across one
whole upload, and a dead worker's batch taken up again by itself.

Most tests drive the real database queue (django-tasks-db) one task at a time, as
`manage.py db_worker` does, instead of the tests' immediate backend.
"""

import threading
import time
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from runlog import import_views, imports, tasks
from runlog.importers import safety
from runlog.models import ImportBatch, Run
from tests import importer_files as files
from tests.test_runlog_factories import make_user
from tests.test_runlog_import_factories import (
    DAY,
    START,
    fit,
    gpx,
    make_batch,
    reasons,
    strava_zip,
    upload,
)

IMPORT_URL = reverse("runlog:import")
IMPORT_TASK = tasks.import_batch.module_path
WATCH_TASK = tasks.watch_imports.module_path


def test_the_queue_names_the_tasks_by_their_real_paths():
    # The queue enqueues by dotted path (it must not import the tasks that call it).
    from runlog import retention

    assert (retention.IMPORT_TASK, retention.WATCH_TASK) == (IMPORT_TASK, WATCH_TASK)


@pytest.fixture
def database_queue(settings):
    """The production backend: tasks wait in the database until `work` runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work(worker_id: str = "test-worker"):
    """Run the next ready task as db_worker does (lock, claim, run); the task, or None.
    What it enqueues on commit is enqueued (the test's transaction never commits)."""
    from django.db import transaction

    with transaction.atomic():
        task = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
        if task is None:
            return None
        task.claim(worker_id)
    with capture_on_commit(execute=True):
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.run_task(task)
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    return task


def waiting_imports() -> list[int]:
    """The batch ids of the import tasks ready or running, in queue order."""
    return [
        t.args_kwargs["args"][0]
        for t in DBTaskResult.objects.filter(
            task_path=IMPORT_TASK, status__in=["READY", "RUNNING"]
        ).order_by("-priority", "run_after", "enqueued_at")
    ]


def stage(owner, *uploads) -> ImportBatch:
    """Stage as the upload page does; with the database queue, its task is enqueued on
    commit (with the tests' immediate backend, callbacks wait: the import stays queued)."""
    from django.conf import settings

    execute = settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    with capture_on_commit(execute=execute):
        return import_views._stage(owner, [upload(name, data) for name, data in uploads])


def capture_on_commit(execute: bool):
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=execute)


def fits(n: int, serial: int) -> list[tuple[str, bytes]]:
    """n FIT files of runs on days of their own (`serial` + i days after START)."""
    return [(f"{i}.fit", fit(START + (serial + i) * DAY, serial=serial + i)) for i in range(n)]


# --- The cap per runner -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_fourth_upload_waiting_is_refused_with_429_and_nothing_is_kept(runner_client, runner):
    for i in range(imports.MAX_ACTIVE_BATCHES):
        # Not committed in the test's transaction, so the imports stay waiting.
        response = runner_client.post(IMPORT_URL, {"files": [upload("run.fit", fit(serial=i))]})
        assert response.status_code == 302
    _, stored_before = default_storage.listdir(f"import-uploads/{runner.pk}")
    response = runner_client.post(IMPORT_URL, {"files": [upload("run.fit", fit(serial=9))]})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 30
    text = response.text
    assert "You have 3 imports waiting or running" in text and "nothing of it was kept" in text
    assert "Try again in about <strong>1 minute</strong>" in text
    assert ImportBatch.objects.filter(owner=runner).count() == imports.MAX_ACTIVE_BATCHES
    assert default_storage.listdir(f"import-uploads/{runner.pk}")[1] == stored_before
    # Another runner is not held back by this one's imports.
    other = make_user(type(runner), "other")
    runner_client.force_login(other)
    assert runner_client.post(IMPORT_URL, {"files": [upload("a.fit", fit())]}).status_code == 302


@pytest.mark.django_db
def test_finished_imports_make_room_again(
    runner_client, runner, django_capture_on_commit_callbacks
):
    for i in range(imports.MAX_ACTIVE_BATCHES + 2):
        with django_capture_on_commit_callbacks(execute=True):  # imported at once
            response = runner_client.post(
                IMPORT_URL, {"files": [upload("run.fit", fit(START + i * DAY, serial=i + 1))]}
            )
        assert response.status_code == 302
    assert Run.objects.filter(owner=runner).count() == imports.MAX_ACTIVE_BATCHES + 2


@pytest.mark.django_db
def test_the_wait_is_estimated_from_the_oldest_imports_pace(runner):
    now = timezone.now()
    ImportBatch.objects.create(
        owner=runner,
        status="running",
        started_at=now - timedelta(seconds=100),
        files_total=50,
        files_done=10,
    )
    assert imports.wait_estimate(runner.pk, now=now) == 400  # 10 s a file, 40 files left
    ImportBatch.objects.all().update(files_done=0)
    assert imports.wait_estimate(runner.pk, now=now) == 60


@pytest.mark.django_db
def test_the_count_is_made_with_the_runners_row_locked(runner):
    for _ in range(imports.MAX_ACTIVE_BATCHES - 1):
        ImportBatch.objects.create(owner=runner)
    with CaptureQueriesContext(connection) as queries:
        stage(runner, ("run.fit", fit()))
    if connection.vendor == "sqlite":
        # Every transaction takes the database's write lock as it begins: they take turns.
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:
        sql = [q["sql"] for q in queries.captured_queries]
        # A first look without the lock may refuse early (before any file is stored); the
        # count that decides comes after the lock, before the batch is made.
        lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and "auth_user" in q)
        insert = next(
            i for i, q in enumerate(sql) if q.startswith('INSERT INTO "runlog_importbatch"')
        )
        assert any("COUNT(" in q and "runlog_importbatch" in q for q in sql[lock + 1 : insert])
    with pytest.raises(imports.QueueFull):
        stage(runner, ("run.fit", fit(serial=2)))


# Only the tables this test touches are emptied after it (the assessments' are safety-locked).
@pytest.mark.django_db(
    transaction=True,
    available_apps=[
        "runlog",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "allauth.account",
    ],
)
def test_two_uploads_at_once_cannot_both_squeeze_past(runner, monkeypatch):
    """Two uploads race for the runner's last place: one gets it, the other a QueueFull,
    even when both count at the same moment."""
    if connection.vendor == "sqlite" and "memory" in connection.settings_dict["NAME"]:
        pytest.skip("threads need a database file; PostgreSQL runs this")
    for _ in range(imports.MAX_ACTIVE_BATCHES - 1):
        ImportBatch.objects.create(owner=runner)
    count = imports.queue_full

    def slow_count(owner_id):
        found = count(owner_id)
        time.sleep(0.3)  # both would have counted before either wrote, without the lock
        return found

    monkeypatch.setattr(imports, "queue_full", slow_count)
    outcomes = []
    start = threading.Barrier(2)

    def upload_one(serial):
        start.wait()
        try:
            stage(runner, ("run.fit", fit(serial=serial)))
            outcomes.append("staged")
        except imports.QueueFull:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=upload_one, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["full", "staged"]
    assert ImportBatch.objects.filter(owner=runner).count() == imports.MAX_ACTIVE_BATCHES


# --- Fairness -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("slice_seconds", [0, 3600], ids=["file-slices", "whole-batches"])
def test_another_runners_small_upload_waits_at_most_one_batch(
    database_queue, django_user_model, monkeypatch, slice_seconds
):
    monkeypatch.setattr(imports, "SLICE_SECONDS", slice_seconds)
    alice = make_user(django_user_model, "alice")
    bob = make_user(django_user_model, "bob")
    alices = [stage(alice, *fits(4, serial=100 * (n + 1))) for n in range(3)]
    # Only Alice's first import is in the task queue; her others wait as "queued" rows.
    assert waiting_imports() == [alices[0].pk]
    assert [b.dispatched_at is not None for b in ImportBatch.objects.order_by("id")] == [
        True,
        False,
        False,
    ]
    work()  # a worker takes Alice's first import (all of it, or its first file)
    bobs = stage(bob, ("run.gpx", gpx()))
    ran = []
    owner_of = dict(ImportBatch.objects.values_list("pk", "owner_id"))
    while task := work():
        if task.task_path == IMPORT_TASK:
            ran.append(task.args_kwargs["args"][0])
        # Never more than one task of a runner in the queue, whatever the workers do.
        owners = [owner_of[batch_id] for batch_id in waiting_imports()]
        assert len(owners) == len(set(owners))
    # Bob's import ran after at most one task of Alice's (the one queued when he uploaded).
    assert ran.index(bobs.pk) <= 1
    assert ImportBatch.objects.filter(status="done").count() == 4
    assert Run.objects.filter(owner=alice).count() == 12
    assert Run.objects.filter(owner=bob).count() == 1
    if slice_seconds == 0:  # a file a task: Alice's first import let Bob's go between
        assert ran.index(bobs.pk) < max(i for i, pk in enumerate(ran) if pk == alices[0].pk)


@pytest.mark.django_db
def test_with_two_workers_each_runner_has_one_task_at_a_time(database_queue, django_user_model):
    alice = make_user(django_user_model, "alice")
    bob = make_user(django_user_model, "bob")
    for n in range(3):
        stage(alice, *fits(2, serial=100 * (n + 1)))
    stage(bob, ("run.gpx", gpx()))
    assert sorted(ImportBatch.objects.filter(pk__in=waiting_imports()).values_list("owner_id")) == [
        (alice.pk,),
        (bob.pk,),
    ]
    turn = 0
    while work(f"worker-{turn % 2}"):
        turn += 1
    assert ImportBatch.objects.filter(status="done").count() == 4
    assert Run.objects.count() == 7


@pytest.mark.django_db
def test_a_batch_waiting_its_turn_says_so(runner_client, runner):
    first = stage(runner, ("a.fit", fit()))
    second = stage(runner, ("b.fit", fit(serial=2)))
    page = runner_client.get(reverse("runlog:import_progress", args=[second.pk])).text
    assert "It starts when your earlier import has finished." in page
    assert "Start it again" not in page  # nothing to start: it waits its turn
    page = runner_client.get(reverse("runlog:import_progress", args=[first.pk])).text
    assert "Waiting to start" in page and "earlier import" not in page


# --- A dead worker ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_dead_workers_batch_is_taken_up_again_by_itself_without_duplicates(
    database_queue, runner
):
    batch = stage(runner, *fits(3, serial=1))
    # Each dispatch schedules one watch (a chain of them, not one per dispatch).
    stage(runner, ("x.gpx", gpx(START + 9 * DAY)))
    watches = DBTaskResult.objects.filter(task_path=WATCH_TASK)
    assert watches.count() == 1 and watches.get().run_after > timezone.now() + imports.STALE_AFTER
    # A worker claims the task, saves one file, and is killed (SIGKILL: nothing more runs).
    DBTaskResult.objects.ready().get(task_path=IMPORT_TASK).claim("doomed")
    steps = imports.iter_import(batch.pk)
    next(steps)
    steps.close()
    batch.refresh_from_db()
    assert (batch.status, batch.files_done) == ("running", 1)
    assert work() is None  # the dead worker's task stays "running"; nothing else is ready
    # Not before STALE_AFTER: it may just be slow.
    assert imports.recover_stale() == []
    ImportBatch.objects.filter(pk=batch.pk).update(
        heartbeat_at=timezone.now() - imports.STALE_AFTER - timedelta(seconds=1)
    )
    # The watch comes due, on whichever worker is alive (or the next to start).
    DBTaskResult.objects.filter(task_path=WATCH_TASK).update(run_after=timezone.now())
    work()
    assert waiting_imports() == [batch.pk, batch.pk]  # the dead one's, and the new one
    assert imports.recover_stale() == []  # taken once
    while work():
        pass
    batch.refresh_from_db()
    assert (batch.status, batch.imported, batch.duplicates, batch.files_done) == ("done", 3, 0, 3)
    assert Run.objects.filter(owner=runner).count() == 4  # and the runner's next import ran
    # The watch chain ends once no import is waiting or running.
    DBTaskResult.objects.filter(task_path=WATCH_TASK).update(run_after=timezone.now())
    assert work().task_path == WATCH_TASK
    assert not DBTaskResult.objects.filter(task_path=WATCH_TASK, status="READY").exists()


@pytest.mark.django_db
def test_a_stale_batch_is_recovered_once_even_by_two_sweeps(
    runner, django_capture_on_commit_callbacks
):
    batch = make_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + DAY, serial=2)))
    steps = imports.iter_import(batch.pk)
    next(steps)
    steps.close()
    later = timezone.now() + imports.STALE_AFTER * 2
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert imports.recover_stale(now=later) == [batch.pk]
        assert imports.recover_stale(now=later) == []
    enqueued = [c for c in callbacks if getattr(c, "func", None) is imports._enqueue]
    assert len(enqueued) == 1
    batch.refresh_from_db()
    assert (batch.status, batch.imported, batch.duplicates) == ("done", 2, 0)


@pytest.mark.django_db
def test_a_batch_whose_task_never_reached_the_queue_is_queued_by_the_next_sweep(
    database_queue, runner, django_user_model, django_capture_on_commit_callbacks
):
    lost = stage(runner, ("a.fit", fit()))
    other = stage(make_user(django_user_model, "other"), ("b.fit", fit(serial=2)))
    # The web process died between committing the batch and enqueueing its task.
    DBTaskResult.objects.filter(task_path=IMPORT_TASK, args_kwargs__args__0=lost.pk).delete()
    later = timezone.now() + imports.STALE_AFTER + timedelta(seconds=1)
    # The other runner's batch has its task waiting: it is left alone; the lost one is
    # queued once, however many sweeps run.
    with django_capture_on_commit_callbacks(execute=True):
        assert imports.recover_stale(now=later) == [lost.pk]
        assert imports.recover_stale(now=later) == []
    assert sorted(waiting_imports()) == sorted([lost.pk, other.pk])
    while work():
        pass
    lost.refresh_from_db()
    assert (lost.status, lost.imported, lost.duplicates) == ("done", 1, 0)


@pytest.mark.django_db
def test_the_start_again_button_still_works_and_waits_its_turn(
    runner_client, runner, django_capture_on_commit_callbacks
):
    first = stage(runner, ("a.fit", fit()))
    ImportBatch.objects.filter(pk=first.pk).update(status="failed", error="It stopped.")
    with django_capture_on_commit_callbacks(execute=True):
        runner_client.post(reverse("runlog:import_progress", args=[first.pk]))
    first.refresh_from_db()
    assert (first.status, first.imported) == ("done", 1)


# --- Caps across one whole upload ---------------------------------------------------------


def _plain_zip(n: int, day: int = 0) -> bytes:
    return files.zip_bytes({f"runs/{i}.gpx": gpx(START + (day + i) * DAY) for i in range(n)})


@pytest.mark.django_db
def test_activities_are_capped_across_the_whole_upload(runner, monkeypatch):
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 5)
    batch = make_batch(
        runner,
        ("one.zip", _plain_zip(3)),
        ("two.zip", _plain_zip(3, day=10)),
        ("run.fit", fit(START + 30 * DAY)),
    )
    batch = imports.run_import(batch.pk)
    assert batch.status == "done"
    # The first zip (3, and one each for the other two files) fits; the second would make 7.
    assert batch.imported == 4
    (reason,) = reasons(batch, "failed")
    assert reason == (
        "With the upload's other files, this zip makes 7 activities to read, more than the "
        "5 one upload may hold. Upload it on its own."
    )
    assert batch.files_done == batch.files_total == 5


@pytest.mark.django_db
def test_many_zips_in_one_upload_cannot_queue_thousands_of_entries(runner, monkeypatch):
    """The probe's 50 zips of 1,960 entries: every zip after the cap is refused unread."""
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 12)
    read = []
    real = safety.read_member
    monkeypatch.setattr(safety, "read_member", lambda a, i: read.append(i) or real(a, i))
    zips = [
        (f"{n}.zip", strava_zip([START + (4 * n + i) * DAY for i in range(4)])) for n in range(8)
    ]
    batch = imports.run_import(make_batch(runner, *zips).pk)
    # The first zip (4, and one for each other file) fits; each later one would pass 12.
    assert (batch.imported, batch.failed, batch.files_total) == (4, 7, 11)
    # The first zip's activities.csv and files; of each later one, its activities.csv and
    # first file (which tell its size), then nothing.
    assert len(read) <= 5 + 2 * 7
    assert all("one upload may hold" in r for r in reasons(batch, "failed"))


@pytest.mark.django_db
def test_a_lone_zip_is_held_to_the_entries_cap(runner, monkeypatch):
    monkeypatch.setattr(safety, "MAX_ENTRIES_PER_UPLOAD", 2)
    batch = imports.run_import(make_batch(runner, ("runs.zip", _plain_zip(3))).pk)
    assert batch.imported == 0 and not Run.objects.exists()
    assert reasons(batch, "failed") == [
        "This zip makes 3 files and rows to read, more than the 2 one upload may hold. Split it."
    ]


@pytest.mark.django_db
def test_a_lone_strava_export_counts_only_its_runs_against_the_activity_cap(runner, monkeypatch):
    """Rows of other sports are only noted: a lone export is held to its runs (as before)."""
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 2)
    starts = [START + i * DAY for i in range(4)]
    export = strava_zip(starts, types={3: "Ride", 4: "Ride"})
    batch = imports.run_import(make_batch(runner, ("export.zip", export)).pk)
    assert (batch.imported, batch.skipped) == (2, 2)


@pytest.mark.django_db
def test_a_runners_waiting_import_is_started_when_its_turn_was_never_handed_on(
    database_queue, runner, django_capture_on_commit_callbacks
):
    first = stage(runner, ("a.fit", fit()))
    waiting = stage(runner, ("b.fit", fit(START + DAY, serial=2)))
    # The worker finished the first import and died before handing the turn on.
    ImportBatch.objects.filter(pk=first.pk).update(status="done", dispatched_at=None)
    DBTaskResult.objects.filter(task_path=IMPORT_TASK).delete()
    ImportBatch.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - imports.STALE_AFTER - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        imports.recover_stale()
    with django_capture_on_commit_callbacks(execute=True):
        imports.recover_stale()
    assert waiting_imports() == [waiting.pk]  # once, however many sweeps


@pytest.mark.django_db
def test_a_queued_import_with_its_task_waiting_offers_no_start_again(database_queue, runner):
    batch = stage(runner, ("a.fit", fit()))
    batch.refresh_from_db()
    later = timezone.now() + imports.STALE_AFTER + timedelta(seconds=1)
    # A slow queue is not a death: its task is still there.
    assert not imports.resumable(batch, now=later)
    DBTaskResult.objects.filter(task_path=IMPORT_TASK).delete()  # the task was lost
    assert imports.resumable(batch, now=later)

"""Deleting an account leaves nothing with the runner's id: no row, no stored file or
folder, no task row naming their imports, no cached page, even when Redis is down at the
time (the pages to forget wait in the database for `manage.py purge`)."""

import os
from io import StringIO
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from django.apps import apps
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import models
from django.tasks import TaskResultStatus
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from accounts.services import erase_runner
from assessments.models import Assessment
from legache import cache as shared_cache
from legache import page_cache
from runlog import retention
from runlog.models import ActivityFile, ImportBatch, ImportUpload
from runlog.retention import PendingCachePurge
from runlog.tasks import import_batch
from tests.clients import BrowserClient
from tests.services import REDIS_URL, needs_redis
from tests.test_accounts import PASSWORD, sign_up, start_and_answer_step_1
from tests.test_runlog_factories import make_entry, make_run
from tests.test_runlog_import_factories import DAY, START, fit, make_batch, run_batch

pytestmark = pytest.mark.django_db
NOBODY_LISTENING = "redis://127.0.0.1:1/0"
# A database of its own on the test Redis: the cache is cleared around each test.
PAGES_REDIS_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path="/13"))


def use_redis(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "legache.cache.SharedRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "legache",
        }
    }


@pytest.fixture(autouse=True)
def fresh_outage_state():
    shared_cache._outages.clear()
    yield
    shared_cache._outages.clear()


@pytest.fixture(autouse=True)
def upload_folder(settings, tmp_path):
    """`manage.py purge` sweeps a temporary upload folder of this test's own."""
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()


@pytest.fixture
def tasks_in_the_database(settings):
    """Imports queued in django-tasks-db's table, as in production (no worker runs them)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def user_model():
    return apps.get_model("auth", "User")


def runner_with_everything(client, email) -> object:
    """A signed-up runner with runs, check-ins, imports (stored files, one batch staged),
    a finished assessment, queued and finished task rows, and their dashboard and result
    page in the cache."""
    sign_up(client, email=email)
    user = user_model().objects.get(email=email)
    make_run(user, start=START + 2 * DAY)  # offered a merge by the import below
    make_entry(user)
    done = run_batch(user, ("a.fit", fit()), ("b.fit", fit(START + 2 * DAY, serial=2)))
    staged = make_batch(user, ("c.fit", fit(START + 5 * DAY, serial=3)))
    for batch in (done, staged):
        import_batch.enqueue(batch.pk)
    retention.import_task_rows([done.pk]).update(status=TaskResultStatus.SUCCESSFUL)
    finished = start_and_answer_step_1(client)
    client.post(reverse("assessment_finish", args=[finished.pk]))
    assert client.get("/me/").status_code == 200  # the dashboard, now cached
    assert client.get("/me/insights/").status_code == 200  # and what the log says, cached
    assert client.get(finished.get_absolute_url()).status_code == 200  # so is the result
    return user


def rows_naming(user_id) -> dict:
    """Every row, in every model with a relation to the user model, that points at them."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, (models.ForeignKey, models.ManyToManyField))
                and field.related_model is user_model()
            ):
                rows = model._base_manager.filter(**{field.name: user_id})
                if rows.exists():
                    found[f"{model._meta.label}.{field.name}"] = rows.count()
    return found


def stored_paths(user_id) -> list[str]:
    """Files and folders in storage with the runner's id in their path."""
    root = default_storage.location
    left = []
    for folder, subfolders, files in os.walk(root):
        for name in subfolders + files:
            path = os.path.relpath(os.path.join(folder, name), root)
            if str(user_id) in path.split(os.sep):
                left.append(path)
    return left


def page_keys(owner: str) -> list[str]:
    """The cache keys holding pages of `owner` (in the local memory or in Redis)."""
    backend = caches["default"]
    prefix = backend.make_key(f"page:{owner}:")
    if isinstance(backend, shared_cache.SharedRedisCache):
        client = redis.Redis.from_url(backend._servers[0])
        return [key.decode() for key in client.scan_iter(match=prefix + "*")]
    return [key for key in backend._cache if key.startswith(prefix)]


def their_pages(user_id, assessment_ids) -> list[str]:
    """The cached pages showing a runner's data: their log's, and their results' (a result
    is filed under itself, so a copy a stranger opened through a shared link goes too)."""
    owners = [page_cache.runner_pages(user_id), *(f"assessment:{pk}" for pk in assessment_ids)]
    return [key for owner in owners for key in page_keys(owner)]


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out, stderr=out)
    return out.getvalue()


def delete_account(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response["Location"] == reverse("account_deleted")


def assert_nothing_left_of(user_id, batch_ids, assessment_ids):
    assert rows_naming(user_id) == {}
    assert not user_model().objects.filter(pk=user_id).exists()
    assert not Assessment.objects.filter(pk__in=assessment_ids).exists()
    assert not retention.import_task_rows(batch_ids).exists()
    assert stored_paths(user_id) == []
    assert page_keys(page_cache.runner_pages(user_id)) == []
    for pk in assessment_ids:
        assert page_keys(f"assessment:{pk}") == []


def everything(user):
    return (
        user.pk,
        list(ImportBatch.objects.filter(owner=user).values_list("pk", flat=True)),
        list(Assessment.objects.filter(user=user).values_list("pk", flat=True)),
    )


def test_deleting_an_account_leaves_nothing_with_the_runners_id(
    client, tasks_in_the_database, django_capture_on_commit_callbacks
):
    other_client = BrowserClient()
    other = runner_with_everything(other_client, "other@example.com")
    user = runner_with_everything(client, "runner@example.com")
    user_id, batch_ids, assessment_ids = everything(user)
    # What there is to delete, so that the checks below are not vacuous.
    assert set(rows_naming(user_id)) >= {
        "runlog.Run.owner",
        "runlog.SorenessEntry.owner",
        "runlog.ImportBatch.owner",
        "runlog.ActivityFile.owner",
        "runlog.MergeOffer.owner",
        "runlog.RunnerSettings.user",
        "assessments.Assessment.user",
        "account.EmailAddress.user",
    }
    assert len(batch_ids) == 2 and retention.import_task_rows(batch_ids).count() == 2
    assert stored_paths(user_id) and their_pages(user_id, assessment_ids)
    assert [key for key in their_pages(user_id, []) if ":insights:" in key]

    delete_account(client, django_capture_on_commit_callbacks)

    assert_nothing_left_of(user_id, batch_ids, assessment_ids)
    assert not PendingCachePurge.objects.exists()
    # The other runner keeps everything.
    other_id, other_batches, other_results = everything(other)
    assert set(rows_naming(other_id)) >= {"runlog.Run.owner", "runlog.ActivityFile.owner"}
    assert retention.import_task_rows(other_batches).count() == 2
    assert all(default_storage.exists(f.file.name) for f in ActivityFile.objects.all())
    assert their_pages(other_id, other_results)
    assert other_client.get("/me/").status_code == 200


def test_stored_files_live_in_the_per_runner_folders_retention_knows(runner):
    run_batch(runner, ("a.fit", fit()))
    make_batch(runner, ("b.fit", fit(START + DAY, serial=2)))
    names = [f.file.name for f in ActivityFile.objects.all()]
    names += [u.file.name for u in ImportUpload.objects.all()]
    folders = retention.runner_folders(runner.pk)
    assert {name.rsplit("/", 1)[0] for name in names} == set(folders)


def test_a_task_row_being_run_stays_until_it_has_finished(
    client, tasks_in_the_database, django_capture_on_commit_callbacks
):
    user = runner_with_everything(client, "runner@example.com")
    user_id, batch_ids, _ = everything(user)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        status=TaskResultStatus.RUNNING
    )
    delete_account(client, django_capture_on_commit_callbacks)
    running = retention.import_task_rows(batch_ids)
    assert running.count() == 1 and running.get().status == TaskResultStatus.RUNNING
    running.update(status=TaskResultStatus.SUCCESSFUL)  # its worker records the end

    purge()

    assert not retention.import_task_rows(batch_ids).exists()


def test_the_sessions_own_anonymous_assessments_go_with_the_account(
    client, django_capture_on_commit_callbacks
):
    sign_up(client)
    # One that this session owns but that no account claimed (made here by hand: signing in
    # claims the session's assessments, so only another flow could leave one).
    from assessments.wizard import session_owner_key

    mine = Assessment.objects.create(owner_key=session_owner_key(client.session))
    stranger = start_and_answer_step_1(BrowserClient())
    delete_account(client, django_capture_on_commit_callbacks)
    assert not Assessment.objects.filter(pk=mine.pk).exists()
    assert Assessment.objects.filter(pk=stranger.pk).exists()


def test_with_redis_down_the_deletion_succeeds_and_purge_forgets_the_pages_later(
    client, settings, tasks_in_the_database, django_capture_on_commit_callbacks
):
    user = runner_with_everything(client, "runner@example.com")  # pages in the local memory
    user_id, batch_ids, assessment_ids = everything(user)
    memory = settings.CACHES
    # The deletion page itself refuses while Redis is down (its password check is counted
    # like a sign-in's); Redis can still fail between that check and the end of the deletion.
    use_redis(settings, NOBODY_LISTENING)

    with django_capture_on_commit_callbacks(execute=True):
        erase_runner(user=user, session=client.session)

    assert not user_model().objects.filter(pk=user_id).exists()
    owners = set(PendingCachePurge.objects.values_list("owner", flat=True))
    assert page_cache.runner_pages(user_id) in owners
    assert {f"assessment:{pk}" for pk in assessment_ids} <= owners
    # Still down: purge keeps the note.
    shared_cache._outages.clear()
    purge()
    assert PendingCachePurge.objects.count() == len(owners)

    settings.CACHES = memory  # the cache answers again
    assert their_pages(user_id, assessment_ids)
    purge()
    assert not PendingCachePurge.objects.exists()
    assert_nothing_left_of(user_id, batch_ids, assessment_ids)


@needs_redis
def test_a_runners_pages_leave_a_real_redis_with_the_account(
    client, settings, tasks_in_the_database, django_capture_on_commit_callbacks
):
    use_redis(settings, PAGES_REDIS_URL)
    caches["default"].clear()
    try:
        other_client = BrowserClient()
        other = runner_with_everything(other_client, "other@example.com")
        user = runner_with_everything(client, "runner@example.com")
        user_id, batch_ids, assessment_ids = everything(user)
        assert their_pages(user_id, assessment_ids)

        delete_account(client, django_capture_on_commit_callbacks)

        assert_nothing_left_of(user_id, batch_ids, assessment_ids)
        assert not PendingCachePurge.objects.exists()
        assert their_pages(*everything(other)[::2])
        client_keys = redis.Redis.from_url(PAGES_REDIS_URL).keys(f"*page:runner:{user_id}:*")
        assert client_keys == []
    finally:
        caches["default"].clear()


def test_the_walk_finds_rows_through_any_relation_to_the_user(runner):
    make_run(runner)
    make_entry(runner)
    found = rows_naming(runner.pk)
    assert found["runlog.Run.owner"] == 1 and found["runlog.SorenessEntry.owner"] == 1


def signed_in_as(user_id) -> list[str]:
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    return [
        session.session_key
        for session in Session.objects.all()
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]


def test_their_sessions_in_other_browsers_go_at_the_next_purge(
    client, django_capture_on_commit_callbacks
):
    sign_up(client)
    user = user_model().objects.get(email="runner@example.com")
    elsewhere = BrowserClient()
    elsewhere.force_login(user)
    other = BrowserClient()
    sign_up(other, email="other@example.com")
    other_id = user_model().objects.get(email="other@example.com").pk
    assert len(signed_in_as(user.pk)) == 2

    delete_account(client, django_capture_on_commit_callbacks)
    assert len(signed_in_as(user.pk)) == 1  # the other browser's, which signs nobody in now
    assert elsewhere.get("/me/").status_code == 302
    assert "Would delete 1 sessions of deleted accounts" in purge("--dry-run")

    assert "Deleted 1 sessions of deleted accounts" in purge()

    assert signed_in_as(user.pk) == []
    assert len(signed_in_as(other_id)) == 1

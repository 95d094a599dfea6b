"""Stored files go with their rows: with the run, with the account, after a decline, and the
staged uploads once the import is done; a rolled-back delete keeps the file."""

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from runlog import imports
from runlog.models import ActivityFile, ImportUpload, MergeOffer, Run
from tests import importer_files as files
from tests.test_runlog_factories import PASSWORD, make_run, make_user
from tests.test_runlog_import_factories import DAY, START, fit, make_batch, points, run_batch

pytestmark = pytest.mark.django_db


def stored_names(owner) -> list[str]:
    return [f.file.name for f in ActivityFile.objects.filter(owner=owner)]


def test_deleting_an_imported_run_deletes_its_file(
    client, runner, django_capture_on_commit_callbacks
):
    run_batch(runner, ("run.fit", fit()))
    run = Run.objects.get()
    (name,) = stored_names(runner)
    assert default_storage.exists(name)
    client.force_login(runner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("runlog:run_delete", args=[run.pk]))
    assert response.status_code == 302
    assert not ActivityFile.objects.exists()
    assert not default_storage.exists(name)


def test_a_rolled_back_delete_keeps_the_file(runner, django_capture_on_commit_callbacks):
    run_batch(runner, ("run.fit", fit()))
    (name,) = stored_names(runner)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Run.objects.get().delete()
        raise RuntimeError("changed my mind")
    assert callbacks == []
    assert ActivityFile.objects.count() == 1
    assert default_storage.exists(name)


def test_a_file_shared_by_two_runs_stays_until_the_last_goes(
    runner, django_capture_on_commit_callbacks
):
    data = files.tcx_text(
        files.tcx_activity(points()), files.tcx_activity(points(START + DAY))
    ).encode()
    run_batch(runner, ("two.tcx", data))
    (name,) = stored_names(runner)
    first, second = Run.objects.order_by("start")
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert not default_storage.exists(name)


def test_a_file_waiting_in_a_merge_offer_stays_when_the_run_by_hand_goes(
    runner, django_capture_on_commit_callbacks
):
    by_hand = make_run(runner, start=START)
    run_batch(runner, ("run.fit", fit()))
    (name,) = stored_names(runner)
    with django_capture_on_commit_callbacks(execute=True):
        by_hand.delete()
    offer = MergeOffer.objects.get()
    assert offer.run is None and offer.activity_file is not None
    assert default_storage.exists(name)
    # It can still be imported on its own.
    run = imports.keep_separate(offer.pk, runner)
    assert run.activity_file.file.name == name


def test_deleting_the_account_deletes_every_stored_file(
    client, runner, django_user_model, django_capture_on_commit_callbacks
):
    make_run(runner, start=START + 2 * DAY)  # to be offered a merge
    run_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + 2 * DAY, serial=2)))
    staged = make_batch(runner, ("c.fit", fit(START + 5 * DAY, serial=3)))  # not run yet
    other = make_user(django_user_model, "other")
    run_batch(other, ("a.fit", fit()))
    names = stored_names(runner) + [u.file.name for u in ImportUpload.objects.filter(batch=staged)]
    assert len(names) == 3 and all(default_storage.exists(n) for n in names)
    client.force_login(runner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not any(default_storage.exists(n) for n in names)
    assert not ActivityFile.objects.filter(owner_id=runner.pk).exists()
    (kept,) = stored_names(other)
    assert default_storage.exists(kept)


def test_staged_uploads_are_deleted_once_the_import_is_done(
    runner, django_capture_on_commit_callbacks
):
    batch = make_batch(runner, ("run.fit", fit()))
    (staged,) = [u.file.name for u in batch.uploads.all()]
    with django_capture_on_commit_callbacks(execute=True):
        imports.run_import(batch.pk)
    assert not default_storage.exists(staged)
    assert not ImportUpload.objects.exists()
    (kept,) = stored_names(runner)
    assert default_storage.exists(kept)  # the activity file stays, with its run


def test_files_go_through_the_default_storage(runner, monkeypatch):
    """Nothing opens the disk directly: a storage that is not the disk (S3 in production)
    gets every byte."""
    from django.core.files.storage import InMemoryStorage

    memory = InMemoryStorage()
    for model in (ActivityFile, ImportUpload):
        monkeypatch.setattr(model._meta.get_field("file"), "storage", memory)
    monkeypatch.setattr(imports, "default_storage", memory)
    run_batch(runner, ("run.fit", fit()))
    stored = ActivityFile.objects.get()
    assert memory.exists(stored.file.name)
    assert not default_storage.exists(stored.file.name)

"""The import pages end to end: upload, background task (run at once in tests), progress with
and without JavaScript, the summary, merge offers, and the original files as a zip."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from runlog import import_views
from runlog.choices import Source
from runlog.export import runlog_data
from runlog.models import ActivityFile, ImportBatch, MergeOffer, Run
from tests import importer_files as files
from tests.test_runlog_factories import PASSWORD, make_run, make_user
from tests.test_runlog_import_factories import (
    DAY,
    START,
    fit,
    gpx,
    make_batch,
    run_batch,
    strava_zip,
    tcx,
    upload,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
MB = 1024 * 1024
IMPORT_URL = "/me/import/"


@pytest.fixture
def send(runner_client, django_capture_on_commit_callbacks):
    """Upload files as the page does; the task runs once the batch commits."""

    def send(*uploads: tuple[str, bytes], follow=True):
        with django_capture_on_commit_callbacks(execute=True):
            response = runner_client.post(
                IMPORT_URL, {"files": [upload(name, data) for name, data in uploads]}
            )
        assert response.status_code == 302, response.content[:500]
        return runner_client.get(response["Location"]) if follow else response

    return send


def test_the_url_names():
    assert reverse("runlog:import") == IMPORT_URL
    assert reverse("runlog:import_progress", args=[7]) == "/me/import/7/"
    assert reverse("runlog:import_merge", args=[7]) == "/me/import/offers/7/"
    assert reverse("runlog:export_files_zip") == "/me/export/files.zip"


# --- Upload, end to end ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("run.gpx", gpx),
        ("run.tcx", tcx),
        ("run.fit", fit),
        ("run.gpx.gz", lambda: files.gz(gpx())),
        ("run.tcx.gz", lambda: files.gz(tcx())),
        ("run.fit.gz", lambda: files.gz(fit())),
        ("export.zip", lambda: strava_zip([START])),
    ],
)
def test_each_kind_of_file_is_imported_through_the_page(runner_client, runner, send, name, make):
    page = send((name, make()))
    assert page.status_code == 200
    assert "Finished" in page.text
    assert "<strong>1</strong> imported" in page.text
    assert 'hx-trigger="every 1s"' not in page.text and 'http-equiv="refresh"' not in page.text
    run = Run.objects.get(owner=runner)
    assert run.source == Source.IMPORTED and run.start == START
    assert run.activity_file.owner == runner
    runs = runner_client.get(reverse("runlog:runs"))
    assert f'id="run-{run.pk}"' in runs.text


def test_many_files_in_one_upload_make_one_batch(runner, send):
    page = send(
        ("a.fit", fit()),
        ("b.gpx", gpx(START + DAY)),
        ("c.tcx", tcx(START + 2 * DAY)),
        ("d.fit", fit(START + 3 * DAY, serial=2)),
    )
    batch = ImportBatch.objects.get(owner=runner)
    assert (batch.files_total, batch.files_done, batch.imported) == (4, 4, 4)
    assert "4 of 4 files read" in page.text


def test_the_summary_says_what_became_of_each_file(runner, send):
    make_run(runner, start=START + 3 * DAY + timedelta(minutes=5))  # logged by hand
    ride = files.fit_bytes(files.route(121, start=START + DAY), sport=files.Sport.CYCLING)
    page = send(
        ("run.fit", fit()),
        ("run.gpx", gpx()),  # the same run
        ("ride.fit", ride),
        ("empty.gpx", files.gpx_bytes([])),
        ("plain.gpx", files.gpx_bytes(files.route(121, start=START + 2 * DAY))),
        ("near.fit", fit(START + 3 * DAY, serial=5)),
    )
    text = page.text
    assert "<strong>2</strong> imported" in text and "1 already in your log" in text
    assert "1 skipped" in text and "1 not imported" in text and "1 to merge" in text
    assert "<strong>empty.gpx</strong>: The GPX file has no track points" in text
    assert "ride.fit: cycling" in text
    assert "run.gpx: The same run as one already in your log" in text
    assert "plain.gpx: The file names no sport; it was taken as a run." in text
    offer = MergeOffer.objects.get()
    assert reverse("runlog:import_merge", args=[offer.pk]) in text
    assert reverse("runlog:runs") in text


def test_the_page_states_its_size_limit_and_lists_the_imports(runner_client, runner):
    run_batch(runner, ("run.fit", fit()))
    page = runner_client.get(IMPORT_URL)
    assert page.status_code == 200
    assert "<strong>200 MB</strong> in all" in page.text
    assert f"Up to {import_views.MAX_FILES} files" in page.text
    assert 'enctype="multipart/form-data"' in page.text
    assert 'accept=".gpx,.tcx,.fit,.gz,.zip"' in page.text and "multiple" in page.text
    assert "Finished." in page.text and "1 imported" in page.text


def test_an_upload_over_the_pages_limit_is_refused_unread(runner_client):
    class UnreadableBody:
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = runner_client.generic(
        "POST",
        IMPORT_URL,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(import_views.MAX_UPLOAD_BYTES + 1),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert f"{200 * 1024} KB" in response.text
    assert not ImportBatch.objects.exists()


def test_an_upload_just_over_the_site_wide_limit_is_taken_here(runner, send):
    big = files.gpx_bytes(files.route(1200), sport_type="running")
    assert len(big) > 64 * 1024
    send(("big.gpx", big))
    assert ImportBatch.objects.get(owner=runner).imported == 1


def test_other_pages_still_refuse_files(runner_client):
    response = runner_client.post(reverse("runlog:run_new"), {"notes": upload("run.gpx", gpx())})
    assert response.status_code == 413
    assert "does not take file uploads" in response.text
    assert not Run.objects.exists()


@pytest.mark.parametrize(
    ("uploads", "message"),
    [
        ([], "Choose at least one file."),
        ([("photo.jpg", b"\xff\xd8\xff")], "not photo.jpg"),
        ([("empty.gpx", b"")], "The submitted file is empty."),
        (
            [(f"{i}.gpx", b"x") for i in range(import_views.MAX_FILES + 1)],
            f"up to {import_views.MAX_FILES} can go at once",
        ),
    ],
    ids=["none", "wrong-kind", "empty", "too-many"],
)
def test_a_refused_upload_saves_nothing(runner_client, uploads, message):
    data = {"files": [upload(name, content) for name, content in uploads]}
    response = runner_client.post(IMPORT_URL, data)
    assert response.status_code == 422
    assert message in response.text
    assert not ImportBatch.objects.exists()


def test_the_upload_needs_the_csrf_token(runner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(runner)
    response = client.post(IMPORT_URL, {"files": [upload("run.fit", fit())]})
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()
    # With the page's token it goes through.
    page = client.get(IMPORT_URL)
    token = page.context["csrf_token"]
    data = {"files": [upload("run.fit", fit())], "csrfmiddlewaretoken": str(token)}
    assert client.post(IMPORT_URL, data).status_code == 302


def test_the_task_is_queued_only_once_the_batch_is_committed(runner_client, runner):
    response = runner_client.post(IMPORT_URL, {"files": [upload("run.fit", fit())]})
    assert response.status_code == 302
    # Not committed yet (the test's transaction), so not run yet either.
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.QUEUED
    assert response["Location"] == reverse("runlog:import_progress", args=[batch.pk])


# --- Progress -------------------------------------------------------------------------------


def test_while_running_the_page_refreshes_without_javascript_and_polls_with_htmx(
    runner_client, runner
):
    batch = make_batch(runner, ("run.fit", fit()))
    url = reverse("runlog:import_progress", args=[batch.pk])
    page = runner_client.get(url)
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page.text
    assert 'hx-trigger="every 1s"' in page.text and f'hx-get="{url}"' in page.text
    assert "Waiting to start" in page.text
    partial = runner_client.get(url, headers=HX)
    assert partial.text.lstrip().startswith('<section id="import-progress"')
    assert "<html" not in partial.text and 'hx-trigger="every 1s"' in partial.text
    assert "HX-Request" in partial["Vary"]


def test_the_bar_fills_as_files_are_saved(runner_client, runner):
    from runlog import imports

    batch = make_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + DAY, serial=2)))
    url = reverse("runlog:import_progress", args=[batch.pk])
    steps = imports.iter_import(batch.pk)
    next(steps)
    partial = runner_client.get(url, headers=HX).text
    assert 'max="2" value="1"' in partial and "1 of 2 files read" in partial
    assert 'hx-trigger="every 1s"' in partial  # still polling
    list(steps)
    partial = runner_client.get(url, headers=HX).text
    assert 'max="2" value="2"' in partial and "Finished" in partial
    assert "hx-trigger" not in partial  # polling stops


@pytest.mark.parametrize("finished", [False, True], ids=["running", "finished"])
def test_the_progress_partial_costs_a_few_queries(
    runner_client, runner, django_assert_max_num_queries, finished
):
    uploads = [(f"{i}.fit", fit(START + i * DAY, serial=i + 1)) for i in range(5)]
    batch = run_batch(runner, *uploads) if finished else make_batch(runner, *uploads)
    url = reverse("runlog:import_progress", args=[batch.pk])
    runner_client.get(url, headers=HX)  # the runner's settings exist from now on
    with django_assert_max_num_queries(5 if finished else 4):
        response = runner_client.get(url, headers=HX)
    assert response.status_code == 200


def test_a_stopped_import_can_be_started_again(
    runner_client, runner, django_capture_on_commit_callbacks
):
    batch = make_batch(runner, ("run.fit", fit()))
    ImportBatch.objects.filter(pk=batch.pk).update(status="failed", error="It stopped.")
    url = reverse("runlog:import_progress", args=[batch.pk])
    page = runner_client.get(url)
    assert "Start it again where it stopped" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = runner_client.post(url)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.imported) == ("done", 1)
    # A finished one is not started again.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        runner_client.post(url)
    assert callbacks == []


def test_a_silent_worker_is_noticed(runner_client, runner):
    batch = make_batch(runner, ("run.fit", fit()))
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="running", heartbeat_at=batch.created_at - timedelta(hours=1)
    )
    page = runner_client.get(reverse("runlog:import_progress", args=[batch.pk]))
    assert "has not moved for a while" in page.text
    assert "Start it again where it stopped" in page.text


# --- Merge offers ---------------------------------------------------------------------------


@pytest.fixture
def offer(runner):
    make_run(runner, start=START + timedelta(minutes=3), distance_m=400, duration_s=150, rpe=7)
    run_batch(runner, ("run.fit", fit(hr=148)))
    return MergeOffer.objects.get()


def test_the_merge_page_compares_the_runs(runner_client, offer):
    page = runner_client.get(reverse("runlog:import_merge", args=[offer.pk]))
    assert page.status_code == 200
    assert "Your run" in page.text and "From the file" in page.text
    assert "After merging" in page.text
    assert "0.40 km" in page.text and "0.36 km" in page.text and "148 bpm" in page.text
    assert 'value="merge"' in page.text and 'value="decline"' in page.text
    # It is listed on the import page while it waits.
    assert reverse("runlog:import_merge", args=[offer.pk]) in runner_client.get(IMPORT_URL).text


@pytest.mark.parametrize(
    ("decision", "status", "runs"),
    [("merge", "merged", 1), ("separate", "separate", 2), ("decline", "declined", 1)],
)
def test_a_decision_on_an_offer(runner_client, offer, decision, status, runs):
    url = reverse("runlog:import_merge", args=[offer.pk])
    response = runner_client.post(url, {"decision": decision})
    assert response.status_code == 302
    assert response["Location"].endswith("#merge-offers")
    offer.refresh_from_db()
    assert offer.status == status
    assert Run.objects.count() == runs
    if decision == "merge":
        assert offer.run.distance_m == 360 and offer.run.rpe == 7
    # Decided once: a second post changes nothing.
    again = runner_client.post(url, {"decision": "separate"}, follow=True)
    assert "You already decided" in again.text
    assert Run.objects.count() == runs


def test_an_unknown_decision_is_refused(runner_client, offer):
    response = runner_client.post(
        reverse("runlog:import_merge", args=[offer.pk]), {"decision": "both"}
    )
    assert response.status_code == 422
    assert "Choose one" in response.text
    offer.refresh_from_db()
    assert offer.status == "pending"


# --- Links and "my data" --------------------------------------------------------------------


def test_the_runs_list_and_the_settings_link_here(runner_client):
    assert f'href="{IMPORT_URL}"' in runner_client.get(reverse("runlog:runs")).text
    settings_page = runner_client.get(reverse("runlog:settings")).text
    assert f'href="{reverse("runlog:export_files_zip")}"' in settings_page


def test_the_original_files_download_as_a_zip(runner_client, runner, django_user_model):
    fit_data, gpx_data = fit(), files.gz(gpx(START + DAY))
    run_batch(runner, ("watch run.fit", fit_data), ("run.gpx.gz", gpx_data))
    run_batch(make_user(django_user_model, "other"), ("other.fit", fit()))
    response = runner_client.get(reverse("runlog:export_files_zip"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    manifest = json.loads(archive.read("activity-files.json"))
    assert [m["name"] for m in manifest] == ["watch run.fit", "run.gpx.gz"]
    assert archive.read(manifest[0]["path"]) == fit_data
    assert archive.read(manifest[1]["path"]) == gpx_data
    assert manifest[0]["path"].endswith("watch_run.fit")
    assert manifest[0]["run_ids"] == list(
        Run.objects.filter(activity_file__original_name="watch run.fit").values_list(
            "pk", flat=True
        )
    )
    assert len(archive.namelist()) == 3


def test_an_empty_zip_is_still_a_zip(runner_client):
    response = runner_client.get(reverse("runlog:export_files_zip"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == ["activity-files.json"]


def test_the_json_export_lists_the_files(runner):
    run_batch(runner, ("run.fit", fit()))
    (record,) = runlog_data(runner)["activity_files"]
    stored = ActivityFile.objects.get()
    assert record["name"] == "run.fit"
    assert record["sha256"] == stored.sha256 and len(record["sha256"]) == 64
    assert record["run_ids"] == [Run.objects.get().pk]
    assert record["uploaded_at"].endswith("+00:00")
    (run,) = runlog_data(runner)["runs"]
    assert run["activity_file_id"] == stored.pk and run["elapsed_time_s"] == 120


def test_the_account_export_carries_the_file_list(runner_client, runner):
    run_batch(runner, ("run.fit", fit()))
    body = json.loads(runner_client.get(reverse("account_export")).content)
    assert [f["name"] for f in body["activity_files"]] == ["run.fit"]


def test_signing_in_is_needed(client, runner):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert client.login(username=runner.username, password=PASSWORD)
    assert client.get(IMPORT_URL).status_code == 200

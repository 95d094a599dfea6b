"""runlog.imports.run_import on staged batches: saving runs, de-duplication in layers, merge
offers, refusals per file, progress, retries and crashes."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError
from fit_tool.profile.profile_type import Sport

from runlog import imports
from runlog.choices import Fluids, Source
from runlog.importers.activity import NO_SPORT_WARNING
from runlog.models import ActivityFile, ImportBatch, MergeOffer, Run
from tests import importer_files as files
from tests.test_runlog_factories import make_run, make_settings
from tests.test_runlog_import_factories import (
    DAY,
    START,
    fit,
    gpx,
    make_batch,
    outcomes,
    points,
    reasons,
    run_batch,
    strava_zip,
    tcx,
)

pytestmark = pytest.mark.django_db


# --- Saving -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "external_id"),
    [
        ("run.gpx", gpx, ""),
        ("run.tcx", tcx, "tcx:2024-05-01T06:00:00Z"),
        ("run.fit", fit, "fit:3912345678:1714543200"),
        ("run.gpx.gz", lambda: files.gz(gpx()), ""),
        ("run.fit.gz", lambda: files.gz(fit()), "fit:3912345678:1714543200"),
    ],
)
def test_each_format_imports_one_run_with_its_file(runner, name, make, external_id):
    data = make()
    batch = run_batch(runner, (name, data))
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.imported, batch.failed, batch.files_done, batch.files_total) == (1, 0, 1, 1)
    run = Run.objects.get(owner=runner)
    assert run.source == Source.IMPORTED
    assert run.external_id == external_id
    assert run.start == START
    assert abs(run.distance_m - 360) <= 3
    assert run.duration_s in (120, 121) and run.elapsed_s >= run.duration_s
    stored = run.activity_file
    assert stored.original_name == name
    assert stored.gzipped == name.endswith(".gz")
    assert stored.format == name.split(".")[1]
    assert stored.file.name.startswith(f"activity-files/{runner.pk}/")
    assert default_storage.open(stored.file.name).read() == data  # the file as uploaded
    assert batch.summary[0]["results"] == [{"outcome": "imported", "run": run.pk}]


def test_heart_rate_cadence_and_temperature_come_along(runner):
    run_batch(runner, ("run.fit", fit(hr=151, cad=86, temp=18.0)))
    run = Run.objects.get(owner=runner)
    assert (run.avg_heart_rate, run.avg_cadence) == (151, 172)  # strides doubled to steps
    assert run.temperature_c == Decimal("18.0")


def test_a_file_naming_no_sport_is_a_run_and_the_summary_says_so(runner):
    batch = run_batch(runner, ("run.gpx", files.gpx_bytes(points())))
    assert batch.imported == 1
    assert batch.summary[0]["warnings"] == [NO_SPORT_WARNING]


def test_a_file_cut_short_imports_its_summary_and_says_so(runner):
    batch = run_batch(runner, ("run.fit", fit()[:-5]))
    assert batch.imported == 1
    (warning,) = batch.summary[0]["warnings"]
    assert "cut short" in warning and "imported its session summary" in warning


def test_other_sports_are_skipped_with_their_sport(runner):
    ride = files.fit_bytes(points(START + DAY), sport=Sport.CYCLING, time_created=START + DAY)
    batch = run_batch(runner, ("ride.fit", ride), ("run.fit", fit()))
    assert (batch.imported, batch.skipped, batch.activities_found) == (1, 1, 1)
    (skipped,) = [r for e in batch.summary for r in e["results"] if r["outcome"] == "skipped"]
    assert skipped["sport"] == "cycling"
    assert batch.summary[0]["outcome"] == "skipped"


def test_a_strava_export_imports_its_runs_and_skips_the_rest(runner):
    export = strava_zip([START, START + DAY, START + 2 * DAY], types={2: "Ride"})
    batch = run_batch(runner, ("export.zip", export))
    assert (batch.files_total, batch.files_done) == (3, 3)
    assert (batch.imported, batch.skipped) == (2, 1)
    assert set(Run.objects.values_list("external_id", flat=True)) == {
        "strava:1001",
        "strava:1003",
    }
    # Each run keeps its own activity file out of the zip, not the zip.
    names = ActivityFile.objects.values_list("original_name", flat=True)
    assert set(names) == {"export.zip/activities/1001.gpx.gz", "export.zip/activities/1003.gpx.gz"}


def test_a_strava_row_without_a_file_is_imported_without_one(runner):
    batch = run_batch(runner, ("export.zip", strava_zip([START], with_files=False)))
    assert batch.imported == 1
    run = Run.objects.get(owner=runner)
    assert (run.external_id, run.distance_m, run.activity_file) == ("strava:1001", 360, None)


def test_a_file_with_two_runs_keeps_one_file_for_both(runner):
    data = files.tcx_text(
        files.tcx_activity(points()), files.tcx_activity(points(START + DAY))
    ).encode()
    batch = run_batch(runner, ("two.tcx", data))
    assert batch.imported == 2
    (stored,) = ActivityFile.objects.all()
    assert stored.runs.count() == 2


# --- De-duplication -----------------------------------------------------------------------


def test_the_same_file_twice_adds_nothing(runner):
    run_batch(runner, ("run.fit", fit()))
    again = run_batch(runner, ("copy of run.fit", fit()))
    assert (again.imported, again.duplicates) == (0, 1)
    assert "same file was uploaded" in reasons(again, "duplicate")[0]
    assert Run.objects.count() == ActivityFile.objects.count() == 1


def test_the_same_file_gzipped_is_the_same_file(runner):
    run_batch(runner, ("run.gpx", gpx()))
    again = run_batch(runner, ("run.gpx.gz", files.gz(gpx())))
    assert again.duplicates == 1
    assert Run.objects.count() == 1


def test_the_same_activity_id_again_adds_nothing(runner):
    run_batch(runner, ("export.zip", strava_zip([START], with_files=False)))
    # The same Strava activity, now with a file (another hash): its id says it all.
    again = run_batch(runner, ("export.zip", strava_zip([START])))
    assert (again.imported, again.duplicates) == (0, 1)
    assert "Already in your log" in reasons(again, "duplicate")[0]


def test_the_same_watch_run_as_fit_tcx_and_gpx_in_one_batch_is_imported_once(runner):
    batch = run_batch(runner, ("run.fit", fit()), ("run.tcx", tcx()), ("run.gpx", gpx()))
    assert (batch.imported, batch.duplicates) == (1, 2)
    assert Run.objects.count() == 1
    assert Run.objects.get().activity_file.original_name == "run.fit"  # the first one kept
    assert all("from another file or source" in r for r in reasons(batch, "duplicate"))


def test_the_same_watch_run_in_later_batches_is_a_duplicate(runner):
    run_batch(runner, ("run.gpx", gpx()))
    assert run_batch(runner, ("run.tcx", tcx())).duplicates == 1
    assert run_batch(runner, ("run.fit", fit())).duplicates == 1
    assert Run.objects.count() == 1


# The same run as the watch recorded it (FIT: its own summary), as its TCX (lap totals) and as
# a GPX (the GPS path): 360 m in 120 s along the path, but the watch says 352 m, 110 s moving.
WATCH = {"fit": (352, 110), "tcx": (356, 115), "gpx": (360, 120)}


def watch_files() -> dict[str, tuple[str, bytes]]:
    return {
        "fit": (
            "run.fit",
            files.fit_bytes(
                points(hr=150),
                time_created=START,
                session_fields={"total_distance": 352.0, "total_timer_time": 110.0},
            ),
        ),
        "tcx": ("run.tcx", files.tcx_bytes(points(), lap_distance_m=356.0, lap_time_s=115.0)),
        "gpx": ("run.gpx", gpx()),
    }


ORDERS = ["fit tcx gpx", "gpx tcx fit", "gpx fit tcx", "tcx gpx fit", "tcx fit gpx", "fit gpx tcx"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("one_batch", [True, False], ids=["one-batch", "batch-each"])
def test_the_same_run_from_several_files_keeps_the_watchs_figures_whatever_the_order(
    runner, order, one_batch
):
    made = watch_files()
    uploads = [made[kind] for kind in order.split()]
    batches = (
        [run_batch(runner, *uploads)] if one_batch else [run_batch(runner, u) for u in uploads]
    )
    run = Run.objects.get(owner=runner)
    assert (run.distance_m, run.duration_s) == WATCH["fit"]
    assert run.elapsed_s == 120
    assert run.avg_heart_rate == 150
    assert run.activity_file.format == "fit"
    assert ActivityFile.objects.filter(owner=runner).count() == 1  # the worse files are gone
    assert sum(b.imported for b in batches) == 1
    assert sum(b.duplicates for b in batches) == 2
    # The summary says when a better file updated the run, and only then.
    rank = {"gpx": 1, "tcx": 2, "fit": 3}
    kinds = order.split()
    upgrades = sum(
        1 for i, kind in enumerate(kinds) if i and rank[kind] > max(rank[k] for k in kinds[:i])
    )
    updated = [r for b in batches for r in reasons(b, "duplicate") if "figures were updated" in r]
    assert len(updated) == upgrades


def test_a_better_file_says_what_it_changed(runner):
    made = watch_files()
    run_batch(runner, made["gpx"])
    batch = run_batch(runner, made["fit"])
    assert (batch.imported, batch.duplicates) == (0, 1)
    (reason,) = reasons(batch, "duplicate")
    assert "from another file or source" in reason
    assert "figures were updated from this file, the watch's own summary (FIT)" in reason
    assert "instead of a GPS track (GPX)" in reason
    assert "0.36 km → 0.35 km" in reason and "moving time 2:00 → 1:50" in reason
    run = Run.objects.get()
    assert run.external_id == "fit:3912345678:1714543200"  # so the same FIT is caught by id
    assert run_batch(runner, made["fit"]).duplicates == 1
    assert run_batch(runner, made["gpx"]).duplicates == 1  # its file went, the run is found
    assert Run.objects.get().distance_m == 352


def test_a_worse_file_changes_nothing(runner):
    made = watch_files()
    run_batch(runner, made["fit"])
    batch = run_batch(runner, made["gpx"])
    (reason,) = reasons(batch, "duplicate")
    assert "figures were updated" not in reason
    run = Run.objects.get()
    assert (run.distance_m, run.duration_s, run.activity_file.format) == (352, 110, "fit")


def test_a_better_file_keeps_what_the_runner_added(runner):
    made = watch_files()
    run_batch(runner, made["gpx"])
    Run.objects.update(rpe=7, notes="Windy", fluids=Fluids.SOME, terrain="trail")
    run_batch(runner, made["fit"])
    run = Run.objects.get()
    assert (run.rpe, run.notes, run.fluids, run.terrain) == (7, "Windy", Fluids.SOME, "trail")
    assert run.distance_m == 352


@pytest.mark.parametrize("watch_first", [True, False], ids=["watch-first", "strava-first"])
def test_a_run_from_the_watch_and_from_strava_is_imported_once(runner, watch_first):
    # Strava's file of the run is a GPX the watch never wrote, 2 minutes off, 2 % longer.
    strava = strava_zip([START + timedelta(minutes=2)])
    uploads = [("watch.fit", fit(n=124)), ("export.zip", strava)]
    for upload in uploads if watch_first else uploads[::-1]:
        run_batch(runner, upload)
    assert Run.objects.count() == 1


def test_duplicates_inside_one_strava_export_and_beside_it_are_caught(runner):
    export = strava_zip([START, START + timedelta(seconds=30)])  # the same run twice
    batch = run_batch(runner, ("export.zip", export), ("watch.fit", fit()))
    assert (batch.imported, batch.duplicates) == (1, 2)


@pytest.mark.parametrize(
    ("offset", "n"),
    [
        (timedelta(minutes=6), 121),  # too far apart in time
        (timedelta(minutes=1), 131),  # 390 m against 360 m: over 3 % apart
    ],
    ids=["6-minutes-apart", "8-percent-longer"],
)
def test_runs_that_only_look_alike_are_both_imported(runner, offset, n):
    batch = run_batch(runner, ("a.fit", fit()), ("b.gpx", gpx(START + offset, n=n)))
    assert (batch.imported, batch.duplicates) == (2, 0)


def test_matching_is_in_utc_whatever_the_runners_time_zone(runner):
    make_settings(runner, time_zone="America/Los_Angeles")
    run_batch(runner, ("run.fit", fit()))
    assert run_batch(runner, ("run.gpx", gpx())).duplicates == 1


# --- Runs logged by hand: merge offers ------------------------------------------------------


@pytest.fixture
def by_hand(runner):
    """The runner typed this run in: 10 minutes off, a rounder distance, their own notes."""
    return make_run(
        runner,
        start=START + timedelta(minutes=10),
        distance_m=400,
        duration_s=150,
        rpe=6,
        notes="Felt strong",
        fluids=Fluids.SOME,
    )


def test_an_activity_near_a_run_logged_by_hand_is_offered_not_imported(runner, by_hand):
    batch = run_batch(runner, ("run.fit", fit(hr=150)))
    assert (batch.imported, batch.merge_offers) == (0, 1)
    assert Run.objects.count() == 1
    offer = MergeOffer.objects.get()
    assert (offer.run, offer.batch, offer.status) == (by_hand, batch, "pending")
    assert offer.activity_file.original_name == "run.fit"
    assert default_storage.exists(offer.activity_file.file.name)
    assert "logged a run by hand" in reasons(batch, "merge")[0]


def test_accepting_keeps_the_runners_words_and_takes_the_files_figures(runner, by_hand):
    run_batch(runner, ("run.fit", fit(hr=150, cad=85)))
    offer = MergeOffer.objects.get()
    imports.accept_offer(offer.pk, runner)
    by_hand.refresh_from_db()
    assert (by_hand.start, by_hand.distance_m, by_hand.duration_s) == (START, 360, 120)
    assert (by_hand.avg_heart_rate, by_hand.avg_cadence) == (150, 170)
    assert (by_hand.rpe, by_hand.notes, by_hand.fluids) == (6, "Felt strong", Fluids.SOME)
    assert by_hand.activity_file == offer.activity_file
    assert by_hand.external_id == "fit:3912345678:1714543200"
    offer.refresh_from_db()
    assert offer.status == MergeOffer.Status.MERGED
    # Done once: the same file, or the run from another source, adds nothing now.
    assert run_batch(runner, ("run.fit", fit())).duplicates == 1
    assert run_batch(runner, ("run.gpx", gpx())).duplicates == 1
    with pytest.raises(imports.OfferError, match="already decided"):
        imports.accept_offer(offer.pk, runner)


def test_declining_imports_nothing_and_drops_the_file(
    runner, by_hand, django_capture_on_commit_callbacks
):
    run_batch(runner, ("run.fit", fit()))
    offer = MergeOffer.objects.get()
    name = offer.activity_file.file.name
    with django_capture_on_commit_callbacks(execute=True):
        imports.decline_offer(offer.pk, runner)
    assert not default_storage.exists(name)
    assert not ActivityFile.objects.exists()
    assert Run.objects.get() == by_hand and by_hand.distance_m == 400
    # Declined stays declined: the same run again is not offered a second time.
    again = run_batch(runner, ("run.gpx", gpx()))
    assert (again.duplicates, again.merge_offers) == (1, 0)
    assert "declined" in reasons(again, "duplicate")[0]


def test_keeping_them_apart_imports_the_files_run_beside(runner, by_hand):
    run_batch(runner, ("run.fit", fit()))
    offer = MergeOffer.objects.get()
    run = imports.keep_separate(offer.pk, runner)
    assert run.source == Source.IMPORTED and run.activity_file == offer.activity_file
    assert Run.objects.count() == 2
    by_hand.refresh_from_db()
    assert by_hand.distance_m == 400


def test_the_same_run_from_another_file_waits_on_the_same_offer(runner, by_hand):
    batch = run_batch(runner, ("run.fit", fit()), ("run.gpx", gpx()))
    assert (batch.merge_offers, batch.duplicates, batch.imported) == (1, 1, 0)
    assert "waiting for you" in reasons(batch, "duplicate")[0]


def test_a_run_logged_by_hand_over_30_minutes_away_is_left_alone(runner):
    make_run(runner, start=START + timedelta(minutes=31), distance_m=360, duration_s=120)
    batch = run_batch(runner, ("run.fit", fit()))
    assert (batch.imported, batch.merge_offers) == (1, 0)


# --- Refusals: a reason per file, and the rest goes on -------------------------------------


BAD_FILES = {
    "faster than the world record": (
        "rocket.gpx",
        files.gpx_bytes(files.route(121, step_m=30.0, start=START + DAY)),
        "world record",
    ),
    "no track points": ("empty.gpx", files.gpx_bytes([]), "no track points"),
    "corrupt FIT": ("broken.fit", files.fit_bytes(files.route(50))[:300], "cut short"),
    "extension lies": ("run.gpx", files.fit_bytes(files.route(50)), "named as GPX"),
    "XML bomb": (
        "bomb.gpx",
        files.gpx_bytes(
            files.route(10), doctype='<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        ),
        "",
    ),
    "zip bomb": ("export.zip", files.zip_bytes({"activities/1.gpx": bytes(20_000_000)}), "bomb"),
    "path traversal": (
        "export.zip",
        files.zip_bytes({"activities.csv": b"Activity ID\n", "../../evil.gpx": b"<gpx/>"}),
        "unsafe path",
    ),
    "not an activity file": ("notes.fit", b"hello there", ""),
}


@pytest.mark.parametrize("bad", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_each_refusal_is_a_reason_for_its_file_and_the_batch_goes_on(runner, bad):
    name, data, words = bad
    batch = run_batch(runner, (name, data), ("run.fit", fit()))
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.imported, batch.failed) == (1, 1)
    first = batch.summary[0]
    assert first["outcome"] == "failed" and first["name"].startswith(name)
    assert words.lower() in first["results"][0]["reason"].lower()
    assert Run.objects.count() == ActivityFile.objects.count() == 1  # nothing of the bad one


def test_a_start_in_the_future_is_refused(runner):
    batch = run_batch(runner, ("run.fit", fit()), now=START - timedelta(hours=1))
    assert (batch.imported, batch.failed) == (0, 1)
    assert "future" in reasons(batch, "failed")[0]
    assert not Run.objects.exists() and not ActivityFile.objects.exists()


def test_the_pace_rule_reads_in_the_runners_units(runner):
    make_settings(runner, distance_unit="mi")
    batch = run_batch(runner, BAD_FILES["faster than the world record"][:2])
    assert "/mi" in reasons(batch, "failed")[0]


def test_an_export_with_no_rows_finishes_with_a_reason(runner):
    empty = files.zip_bytes({"activities.csv": files.activities_csv([])})
    batch = run_batch(runner, ("export.zip", empty))
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.files_done, batch.files_total, batch.failed) == (1, 1, 1)


# --- Progress, retries, crashes -------------------------------------------------------------


def test_the_counters_move_file_by_file(runner):
    export = strava_zip([START + i * DAY for i in range(4)], types={3: "Ride"})
    batch = make_batch(runner, ("export.zip", export), ("run.fit", fit(START - DAY)))
    seen = []
    for counters in imports.iter_import(batch.pk):
        stored = ImportBatch.objects.get(pk=batch.pk)  # what a poll would read
        assert stored.counts() == counters
        assert stored.status == ImportBatch.Status.RUNNING
        seen.append((stored.files_done, stored.files_total, stored.imported, stored.skipped))
    assert seen == [(1, 5, 1, 0), (2, 5, 2, 0), (3, 5, 2, 1), (4, 5, 3, 1), (5, 5, 4, 1)]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and batch.finished_at is not None
    assert not batch.uploads.exists()  # the staged uploads are gone


def test_a_retried_task_adds_nothing(runner):
    batch = run_batch(runner, ("export.zip", strava_zip([START, START + DAY])))
    before = (batch.counts(), list(Run.objects.values_list("pk", flat=True)))
    assert imports.run_import(batch.pk).counts() == before[0]
    # Even told it never finished, the retry adds nothing.
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    imports.run_import(batch.pk)
    assert (batch.counts(), list(Run.objects.values_list("pk", flat=True))) == before


def _crash_after(monkeypatch, activities: int):
    place = imports._place
    calls = {"n": 0}

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > activities:
            raise RuntimeError("the worker died")
        return place(*args, **kwargs)

    monkeypatch.setattr(imports, "_place", crashing)


def test_a_crash_mid_batch_leaves_whole_files_only_and_a_retry_completes(
    runner, monkeypatch, django_capture_on_commit_callbacks
):
    starts = [START + i * DAY for i in range(5)]
    batch = make_batch(runner, ("export.zip", strava_zip(starts)))
    _crash_after(monkeypatch, 2)
    with pytest.raises(RuntimeError):
        imports.run_import(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and "stopped" in batch.error
    assert (batch.imported, batch.files_done, len(batch.summary)) == (2, 2, 2)
    assert Run.objects.count() == ActivityFile.objects.count() == 2
    # Every run has its file, every kept file its run, and no stray copy is left in storage.
    assert all(run.activity_file_id for run in Run.objects.all())
    kept = {f.file.name for f in ActivityFile.objects.all()}
    _, stored = default_storage.listdir(f"activity-files/{runner.pk}")
    assert {f"activity-files/{runner.pk}/{name}" for name in stored} == kept
    assert imports.resumable(batch)

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        batch = imports.run_import(batch.pk)
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.imported, batch.duplicates, batch.files_done, batch.files_total) == (5, 0, 5, 5)
    assert outcomes(batch) == ["imported"] * 5
    assert Run.objects.count() == 5


def test_a_killed_worker_leaves_a_running_batch_that_a_retry_completes(runner):
    batch = make_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + DAY, serial=2)))
    steps = imports.iter_import(batch.pk)
    next(steps)
    steps.close()  # killed between two files
    batch.refresh_from_db()
    assert (batch.status, batch.imported) == (ImportBatch.Status.RUNNING, 1)
    assert not imports.resumable(batch)  # not yet: it may just be slow
    assert imports.resumable(batch, now=batch.heartbeat_at + imports.STALE_AFTER * 2)
    batch = imports.run_import(batch.pk)
    assert (batch.status, batch.imported, batch.duplicates) == ("done", 2, 0)


def test_an_activity_the_database_refuses_fails_alone(runner, monkeypatch):
    """An activity that breaks a constraint rolls back its own savepoint only."""
    data = files.tcx_text(
        files.tcx_activity(points()), files.tcx_activity(points(START + DAY), lap_hr=150)
    ).encode()
    create = Run.objects.create

    def refuse_second(**values):
        if values["start"] != START:
            raise IntegrityError("CHECK constraint failed")
        return create(**values)

    monkeypatch.setattr(Run.objects, "create", refuse_second)
    batch = run_batch(runner, ("two.tcx", data))
    assert (batch.imported, batch.failed) == (1, 1)
    assert "could not be saved" in reasons(batch, "failed")[0]
    assert ActivityFile.objects.get().runs.count() == 1


def test_an_account_deleted_mid_import_ends_it_quietly(runner):
    batch = make_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + DAY, serial=2)))
    steps = imports.iter_import(batch.pk)
    next(steps)
    runner.delete()
    assert list(steps) == []
    assert not Run.objects.exists() and not ImportBatch.objects.exists()


def test_two_workers_on_one_batch_save_each_file_once(runner):
    """A batch started again while its first worker still runs (it looked stalled)."""
    batch = make_batch(runner, ("a.fit", fit()), ("b.fit", fit(START + DAY, serial=2)))
    first = imports.iter_import(batch.pk)
    next(first)
    imports.run_import(batch.pk)  # the second worker does the rest and finishes
    list(first)  # the first one wakes up: nothing left to do
    batch.refresh_from_db()
    assert (batch.status, batch.imported, batch.duplicates, batch.files_done) == ("done", 2, 0, 2)
    assert Run.objects.count() == 2

"""Importing a batch of uploaded files into a runner's log: plain functions over the ORM.

`run_import(batch_id)` (the background task's body, see `runlog.tasks`) reads the batch's
staged uploads with `runlog.importers.iter_upload`, one activity file (or Strava row) at a
time, and saves what each holds.

**One transaction per file.** A file's runs, its stored copy, its merge offers, the batch's
counters, its line in the summary and the upload's "files done" mark commit together, and each
activity inside has its own savepoint (saved whole or not at all). So a worker killed at any
moment leaves whole files only, the progress counters agree with the runs, and a retry (the
task run again on the same batch) skips the files already done and goes on from the next.

**De-duplication, in layers, all in UTC**:

a. The same file again (its SHA-256 after gunzip, per runner), or an activity whose id
   (`external_id`, e.g. "fit:<serial>:<created>" or "strava:<id>", or the file's own id in
   a Strava export) a run or a merge offer already has: a duplicate, nothing added.
b. The same run from another source (the watch's FIT, TCX and GPX of one run, or the watch
   and Strava): a run that came from a file or a source, or an offer still waiting or
   declined, starting within `MATCH_START` (5 minutes) with a distance within
   `MATCH_DISTANCE` (3 %) of the longer of the two: a duplicate. Runs saved earlier in the
   same batch count, so duplicates inside one batch are caught too. When the new file is a
   better source than the one the run's figures came from (`SOURCE_RANK`: the watch's FIT
   summary, then TCX lap totals, then a GPX track), the run takes the new file's figures and
   the file, whatever the upload order, keeping what the runner added (as a merge does), and
   the summary says so; the old file goes unless something else uses it.
c. A run the runner logged by hand (never touched by a file) starting within `MERGE_START`
   (30 minutes): not imported but offered for merging (`MergeOffer`); the runner accepts
   (their run keeps its RPE, notes and fluids and gains the file's start, distance, times,
   climb and heart rate), keeps them apart, or declines.

Before (b) and (c), the manual form's rules refuse an activity with a reason: a start in the
future (`validation.check_when`) or a pace faster than the world record
(`validation.check_pace`). A refused file or activity is counted as failed with its reason in
the summary, and the rest of the batch goes on.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from . import days, retention, units, validation
from .choices import Source, Sport
from .importers import ParsedActivity, ParsedFile, iter_upload, safety, track
from .models import (
    NAME_MAX_LENGTH,
    ActivityFile,
    ImportBatch,
    ImportUpload,
    MergeOffer,
    Run,
    RunnerSettings,
)

logger = logging.getLogger(__name__)

MATCH_START = timedelta(minutes=5)
MATCH_DISTANCE = 0.03
MERGE_START = timedelta(minutes=30)
# Whose figures a run keeps when the same run comes from several files, whatever the upload
# order: the device's own session summary (FIT), then its lap totals (TCX), over a distance
# measured along a GPS path (GPX; a Strava row without a file ranks lowest).
SOURCE_RANK = {"fit": 3, "tcx": 2, "gpx": 1}
SOURCE_LABEL = {
    "fit": "the watch's own summary (FIT)",
    "tcx": "the watch's lap totals (TCX)",
    "gpx": "a GPS track (GPX)",
}
# A batch whose worker has shown no sign of life for this long is taken for dead: it goes
# back in the queue by itself (`recover_stale`), and its runner may start it again.
STALE_AFTER = timedelta(minutes=5)
# The queue (see "The queue" below): a runner may have this many imports waiting or running;
# a task imports a batch for about this long, then lets the other runners' imports go first.
MAX_ACTIVE_BATCHES = 3
SLICE_SECONDS = 10.0

IMPORTED = "imported"
MERGE = "merge"
DUPLICATE = "duplicate"
SKIPPED = "skipped"
FAILED = "failed"
# The batch's counter for each outcome, and a file's outcome: the first one any of its
# activities had, in this order.
COUNTER_OF = {
    IMPORTED: "imported",
    MERGE: "merge_offers",
    DUPLICATE: "duplicates",
    SKIPPED: "skipped",
    FAILED: "failed",
}
OUTCOME_ORDER = (IMPORTED, MERGE, DUPLICATE, SKIPPED, FAILED)

Status = ImportBatch.Status


class OfferError(Exception):
    """A merge offer cannot be acted on; `reason` is written for the runner."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Result:
    """What became of one activity (or one refused file, or one skipped activity)."""

    outcome: str
    reason: str = ""
    run: int | None = None
    offer: int | None = None
    sport: str = ""

    def as_json(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in ("", None)}


@dataclass
class _Context:
    batch_id: int
    owner_id: int
    uploaded_at: datetime
    unit: str  # the runner's distance unit, for messages
    tz_name: str
    now: datetime


@dataclass
class _KeptFile:
    """The ActivityFile of one ParsedFile, stored the first time an activity needs it."""

    parsed: ParsedFile
    context: _Context
    stored: list[str]  # storage names written in this attempt (removed if it fails)
    instance: ActivityFile | None = field(default=None)

    def get(self) -> ActivityFile | None:
        if self.parsed.data is None:  # a Strava row without a file
            return None
        if self.instance is None:
            data = self.parsed.data
            instance = ActivityFile(
                owner_id=self.context.owner_id,
                original_name=self.parsed.name[-255:],
                sha256=self.parsed.content_sha256,
                size=len(data),
                format=self.parsed.source_format,
                gzipped=data[:2] == b"\x1f\x8b",
                uploaded_at=self.context.uploaded_at,
                batch_id=self.context.batch_id,
            )
            instance.file.save(self.parsed.filename or "activity", ContentFile(data), save=False)
            self.stored.append(instance.file.name)
            instance.save()
            self.instance = instance
        return self.instance

    def forget_if_new(self, had: ActivityFile | None) -> None:
        """After a savepoint rolled back: a file row made inside it is gone, so is its copy."""
        if self.instance is not None and self.instance is not had:
            _delete_stored_now([self.instance.file.name])
            self.stored.remove(self.instance.file.name)
            self.instance = None


# ---------------------------------------------------------------------------------------------
# The batch


def run_import(batch_id: int, *, now: datetime | None = None) -> ImportBatch | None:
    """Import the whole batch (or what is left of it); the batch as it ends, or None if it
    no longer exists (its runner deleted their account meanwhile)."""
    for _ in iter_import(batch_id, now=now):
        pass
    return ImportBatch.objects.filter(pk=batch_id).first()


def iter_import(batch_id: int, *, now: datetime | None = None):
    """Import the batch file by file, yielding the batch's counters (a dict) after each file
    is committed; a caller may stop between files (as a killed worker would)."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status == Status.DONE:
        return
    now = now or timezone.now()
    context = _start(batch, now)
    try:
        for upload in list(batch.uploads.order_by("position")):
            if upload.files_total and upload.files_done >= upload.files_total:
                continue  # done before a retry
            yield from _import_upload(context, upload)
        _finish(batch_id)
    except Exception as error:
        logger.exception("Import %s stopped", batch_id)
        ImportBatch.objects.filter(pk=batch_id).exclude(status=Status.DONE).update(
            status=Status.FAILED,
            finished_at=timezone.now(),
            error=f"The import stopped on an error ({type(error).__name__}).",
        )
        raise


def _start(batch: ImportBatch, now: datetime) -> _Context:
    started = timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=Status.RUNNING,
        started_at=batch.started_at or started,
        heartbeat_at=started,
        finished_at=None,
        error="",
    )
    prefs = RunnerSettings.objects.filter(user_id=batch.owner_id).first()
    tz_name = prefs.time_zone if prefs and days.is_time_zone(prefs.time_zone) else "UTC"
    return _Context(
        batch_id=batch.pk,
        owner_id=batch.owner_id,
        uploaded_at=batch.created_at,
        unit=prefs.distance_unit if prefs else units.KM,
        tz_name=tz_name,
        now=now,
    )


def _finish(batch_id: int) -> None:
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None:  # the runner deleted their account meanwhile
            return
        batch.status = Status.DONE
        batch.finished_at = batch.heartbeat_at = timezone.now()
        batch.save(update_fields=["status", "finished_at", "heartbeat_at"])
        # The staged uploads have served: their copies go once this commits.
        for upload in batch.uploads.all():
            upload.delete()


def _read(upload: ImportUpload):
    """The staged upload, opened from storage as a file (never read whole here: see
    `runlog.importers.dispatch`); None if it is gone."""
    try:
        return upload.file.storage.open(upload.file.name, "rb")
    except FileNotFoundError:
        return None


def _over_upload_caps(batch_id: int, upload: ImportUpload, total: int) -> str | None:
    """Why an upload that opened as `total` files and rows (a zip) breaks the caps on one
    whole upload (all its files together; see `safety`), or None. The other files count as
    what they opened as, or one each before they are opened, so a retry decides the same."""
    if total <= 1:
        return None
    others = list(
        ImportUpload.objects.filter(batch_id=batch_id)
        .exclude(pk=upload.pk)
        .values_list("files_total", flat=True)
    )
    count = total + sum(max(n, 1) for n in others)
    with_others = "With the upload's other files, this" if others else "This"
    split = " Upload it on its own." if others else " Split it."
    if count > safety.MAX_ENTRIES_PER_UPLOAD:
        return (
            f"{with_others} zip makes {count:,} files and rows to read, more than the "
            f"{safety.MAX_ENTRIES_PER_UPLOAD:,} one upload may hold.{split}"
        )
    # A zip alone is held to its activities to import (rows of other sports are only noted:
    # `strava`); with other files, every row and entry counts, whatever its size or sport.
    if others and count > safety.MAX_ACTIVITIES_PER_UPLOAD:
        return (
            f"{with_others} zip makes {count:,} activities to read, more than the "
            f"{safety.MAX_ACTIVITIES_PER_UPLOAD:,} one upload may hold.{split}"
        )
    return None


def _import_upload(context: _Context, upload: ImportUpload):
    stored = _read(upload)
    if stored is None:
        missing = ParsedFile(name=upload.original_name, refused="The uploaded file was lost.")
        if _commit_file(context, upload.pk, missing):
            yield _counters(context.batch_id)
        return
    with stored:
        nothing = True
        parsed_files = iter_upload(upload.original_name, stored, now=context.now)
        try:
            for parsed in parsed_files:
                why = nothing and _over_upload_caps(context.batch_id, upload, parsed.total)
                nothing = False
                if why:  # refused whole, before anything of it is saved
                    refusal = ParsedFile(name=upload.original_name, refused=why)
                    if _commit_file(context, upload.pk, refusal):
                        yield _counters(context.batch_id)
                    break
                if _commit_file(context, upload.pk, parsed):
                    yield _counters(context.batch_id)
        finally:
            parsed_files.close()  # a zip's mapping goes before its file closes
    if nothing:  # e.g. an activities.csv with a header and no rows
        empty = ParsedFile(name=upload.original_name, refused="There is no activity in it.")
        if _commit_file(context, upload.pk, empty):
            yield _counters(context.batch_id)


def _counters(batch_id: int) -> dict:
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    return {} if batch is None else batch.counts()


def _lock_owner(owner_id: int) -> None:
    """One runner's files are saved one at a time, whichever worker has them, so the
    de-duplication of two batches at once sees each other's runs (a no-op on SQLite, whose
    IMMEDIATE transactions already take turns)."""
    list(get_user_model().objects.select_for_update().filter(pk=owner_id).values_list("pk"))


def _commit_file(context: _Context, upload_id: int, parsed: ParsedFile) -> bool:
    """Save one ParsedFile and the batch's progress in one transaction; False if a previous
    attempt already did."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            upload = ImportUpload.objects.select_for_update().filter(pk=upload_id).first()
            if upload is None or parsed.index <= upload.files_done:
                return False  # saved by an earlier attempt (or the batch is done)
            batch = ImportBatch.objects.select_for_update().get(pk=context.batch_id)
            _lock_owner(context.owner_id)
            if not upload.files_total:
                # Each upload was counted as one file; now it is open, as many as it holds.
                upload.files_total = max(parsed.total, 1)
                batch.files_total += upload.files_total - 1
            entry, deltas = import_file(context, parsed, stored)
            for counter, delta in deltas.items():
                setattr(batch, counter, getattr(batch, counter) + delta)
            batch.files_done += 1
            batch.summary = [*batch.summary, entry]
            batch.heartbeat_at = timezone.now()
            batch.save(
                update_fields=[*ImportBatch.COUNTERS, "summary", "heartbeat_at"],
            )
            upload.files_done = max(parsed.index, 1)
            upload.save(update_fields=["files_total", "files_done"])
    except BaseException:
        _delete_stored_now(stored)  # the rows never were
        raise
    return True


def _delete_stored_now(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            logger.exception("Could not delete %s from storage", name)


# ---------------------------------------------------------------------------------------------
# One file


def import_file(context: _Context, parsed: ParsedFile, stored: list[str]) -> tuple[dict, Counter]:
    """Save what one ParsedFile holds (inside the caller's transaction): its summary entry
    and what to add to the batch's counters."""
    results: list[Result] = []
    deltas: Counter = Counter()
    if parsed.refused is not None:
        results.append(Result(FAILED, parsed.refused))
    for skipped in parsed.skipped:
        results.append(Result(SKIPPED, skipped.reason, sport=skipped.sport))
    deltas["activities_found"] += len(parsed.activities)
    if parsed.activities:
        earlier = None
        if parsed.data is not None:
            earlier = ActivityFile.objects.filter(
                owner_id=context.owner_id, sha256=parsed.content_sha256
            ).first()
        if earlier is not None:
            when = _local(earlier.uploaded_at, context)
            reason = f"Already in your log: the same file was uploaded on {when}."
            results.extend(Result(DUPLICATE, reason) for _ in parsed.activities)
        else:
            kept = _KeptFile(parsed, context, stored)
            results.extend(_import_activity(context, parsed, a, kept) for a in parsed.activities)
    if not results:
        results.append(Result(FAILED, "There is no activity in it."))
    for result in results:
        deltas[COUNTER_OF[result.outcome]] += 1
    outcome = next(o for o in OUTCOME_ORDER if any(r.outcome == o for r in results))
    entry = {
        "name": parsed.name,
        "outcome": outcome,
        "results": [r.as_json() for r in results],
        "warnings": list(parsed.warnings),
    }
    return entry, deltas


def _import_activity(
    context: _Context, parsed: ParsedFile, activity: ParsedActivity, kept: _KeptFile
) -> Result:
    had = kept.instance
    try:
        with transaction.atomic():  # a savepoint: the activity is saved whole or not at all
            return _place(context, parsed, activity, kept)
    except IntegrityError:
        kept.forget_if_new(had)
        ids = _ids(activity)
        owner = context.owner_id
        same_file = ActivityFile.objects.filter(owner_id=owner, sha256=parsed.content_sha256)
        if kept.instance is not None:
            same_file = same_file.exclude(pk=kept.instance.pk)  # this file's own row
        if (ids and Run.objects.filter(owner_id=owner, external_id__in=ids).exists()) or (
            parsed.data is not None and same_file.exists()
        ):
            return Result(DUPLICATE, "Already in your log (saved by another import meanwhile).")
        logger.exception("Could not save an activity of %s", parsed.name)
        return Result(FAILED, "The activity could not be saved: a value is out of range.")


def _ids(activity: ParsedActivity) -> list[str]:
    return [i for i in (activity.external_id, activity.file_external_id) if i]


def _local(moment: datetime, context: _Context) -> str:
    return f"{days.local_time(moment, context.tz_name):%a %d %b %Y, %H:%M}"


def _describe(start: datetime, distance_m: int, context: _Context) -> str:
    return f"{_local(start, context)}, {units.format_distance(distance_m, context.unit)}"


def same_distance(a: int, b: int) -> bool:
    return abs(a - b) <= MATCH_DISTANCE * max(a, b)


def _place(
    context: _Context, parsed: ParsedFile, activity: ParsedActivity, kept: _KeptFile
) -> Result:
    owner = context.owner_id
    start = activity.start
    # (a) the same activity, by its id
    if ids := _ids(activity):
        run = Run.objects.filter(owner_id=owner, external_id__in=ids).first()
        if run is not None:
            return Result(
                DUPLICATE,
                f"Already in your log: the run of {_describe(run.start, run.distance_m, context)}.",
                run=run.pk,
            )
        offer = MergeOffer.objects.filter(owner_id=owner, external_id__in=ids).first()
        if offer is not None:
            return Result(DUPLICATE, _offer_duplicate_reason(offer, context), offer=offer.pk)
    # The manual form's rules.
    try:
        validation.check_when(start, context.now, "A run")
        validation.check_pace(activity.distance_m, activity.moving_s, context.unit)
    except ValidationError as error:
        return Result(FAILED, " ".join(error.messages))
    # (b) the same run from another file or source
    near = (start - MATCH_START, start + MATCH_START)
    for run in (
        Run.objects.filter(owner_id=owner, start__range=near)
        .exclude(source=Source.MANUAL, external_id="", activity_file__isnull=True)
        .select_related("activity_file")
        .order_by("start")
    ):
        if same_distance(run.distance_m, activity.distance_m):
            if source_rank(activity.source_format) > stored_rank(run):
                return _take_better_figures(context, activity, kept, run)
            return Result(
                DUPLICATE,
                "The same run as one already in your log (the run of "
                f"{_describe(run.start, run.distance_m, context)}), from another file or "
                "source.",
                run=run.pk,
            )
    for offer in MergeOffer.objects.filter(
        owner_id=owner,
        start__range=near,
        status__in=[MergeOffer.Status.PENDING, MergeOffer.Status.DECLINED],
    ):
        if same_distance(offer.distance_m, activity.distance_m):
            return Result(DUPLICATE, _offer_duplicate_reason(offer, context), offer=offer.pk)
    # (c) a run logged by hand near the same start: offer to merge
    by_hand = [
        run
        for run in Run.objects.filter(
            owner_id=owner,
            start__range=(start - MERGE_START, start + MERGE_START),
            source=Source.MANUAL,
            external_id="",
            activity_file__isnull=True,
        )
    ]
    if by_hand:
        run = min(by_hand, key=lambda r: abs(r.start - start))
        offer = MergeOffer.objects.create(
            owner_id=owner,
            batch_id=context.batch_id,
            run=run,
            activity_file=kept.get(),
            file_name=parsed.name[-255:],
            activity=activity_values(activity),
            start=start,
            distance_m=activity.distance_m,
            external_id=activity.external_id,
            sha256=parsed.content_sha256,
        )
        return Result(
            MERGE,
            "You logged a run by hand at nearly the same time (the run of "
            f"{_describe(run.start, run.distance_m, context)}): merge them?",
            run=run.pk,
            offer=offer.pk,
        )
    run = Run.objects.create(
        owner_id=owner,
        **run_values(activity_values(activity)),
        source=Source.IMPORTED,
        external_id=activity.external_id,
        activity_file=kept.get(),
    )
    return Result(IMPORTED, run=run.pk)


def source_rank(source_format: str) -> int:
    """How far a source's figures are the device's own: see `SOURCE_RANK`."""
    return SOURCE_RANK.get(source_format, 0)


def stored_rank(run: Run) -> int:
    """The rank of the source a stored run's figures came from: its kept file's format (a run
    from a Strava row without a file ranks lowest)."""
    return source_rank(run.activity_file.format) if run.activity_file is not None else 0


def _take_better_figures(
    context: _Context, activity: ParsedActivity, kept: _KeptFile, run: Run
) -> Result:
    """The same run as `run`, from a better source: the run takes this file's figures (and
    the file), as a merge does, keeping what the runner added; the summary says so."""
    before = _describe(run.start, run.distance_m, context)
    old_label = SOURCE_LABEL.get(run.activity_file.format if run.activity_file else "", "")
    old_distance, old_moving = run.distance_m, run.duration_s
    old_file_id = run.activity_file_id
    # The terrain the importer worked out from the old figures is replaced; one the runner
    # chose is kept.
    worked_out = track.classify_terrain(run.distance_m, run.elevation_gain_m, run.elevation_loss_m)
    values = activity_values(activity)
    if run.terrain == worked_out and values["terrain"]:
        run.terrain = ""
    merged(run, values)
    if not run.external_id:
        run.external_id = activity.external_id  # no run has it: checked in `_place` (a)
    new_file = kept.get()
    if new_file is not None:
        run.activity_file = new_file
    run.save()
    if old_file_id is not None and old_file_id != run.activity_file_id:
        ActivityFile.delete_if_unused(old_file_id)
    new_label = SOURCE_LABEL.get(activity.source_format, activity.source_format)
    changes = [
        f"{units.format_distance(old_distance, context.unit)} → "
        f"{units.format_distance(run.distance_m, context.unit)}",
        f"moving time {units.format_duration(old_moving)} → "
        f"{units.format_duration(run.duration_s)}",
    ]
    return Result(
        DUPLICATE,
        f"The same run as one already in your log (the run of {before}), from another file "
        f"or source. Its figures were updated from this file, {new_label}"
        f"{f', instead of {old_label}' if old_label else ''}: {'; '.join(changes)}.",
        run=run.pk,
    )


def _offer_duplicate_reason(offer: MergeOffer, context: _Context) -> str:
    when = _describe(offer.start, offer.distance_m, context)
    if offer.status == MergeOffer.Status.PENDING:
        return f"Already waiting for you to merge it (the run of {when})."
    if offer.status == MergeOffer.Status.DECLINED:
        return f"You declined this run before (the run of {when})."
    return f"Already imported (the run of {when})."


# ---------------------------------------------------------------------------------------------
# An activity's values, kept as JSON in a merge offer


def activity_values(activity: ParsedActivity) -> dict:
    return {
        "start": activity.start.isoformat(),
        "distance_m": activity.distance_m,
        "duration_s": activity.moving_s,
        "elapsed_s": activity.elapsed_s,
        "elevation_gain_m": activity.elevation_gain_m,
        "elevation_loss_m": activity.elevation_loss_m,
        "terrain": activity.terrain,
        "temperature_c": None if activity.temperature_c is None else str(activity.temperature_c),
        "rpe": activity.rpe,
        "avg_heart_rate": activity.avg_heart_rate,
        "avg_cadence": activity.avg_cadence,
        "external_id": activity.external_id,
        "source_format": activity.source_format,
        "name": clean_name(activity.name),
        "sport": activity.sport if activity.sport in Sport.values else Sport.RUN,
        "warnings": list(activity.warnings),
    }


def clean_name(text: str) -> str:
    """An activity's title as a file gives it, fit to keep: control characters (a NUL, which
    PostgreSQL refuses, line breaks) become spaces, runs of spaces one, and it is cut to
    `NAME_MAX_LENGTH` characters. Shown escaped like any text: it is the file's, not ours."""
    text = "".join(" " if ch.isspace() or not ch.isprintable() else ch for ch in text or "")
    return " ".join(text.split())[:NAME_MAX_LENGTH].rstrip()


RUN_FIELDS = (
    "distance_m",
    "duration_s",
    "elapsed_s",
    "elevation_gain_m",
    "elevation_loss_m",
    "terrain",
    "rpe",
    "avg_heart_rate",
    "avg_cadence",
    "name",
    "sport",
)


def run_values(values: dict) -> dict:
    """Run field values from `activity_values` (an offer saved before sport was kept has
    none: a plain run)."""
    result = {name: values.get(name) for name in RUN_FIELDS}
    result["terrain"] = result["terrain"] or ""
    result["name"] = clean_name(result["name"] or "")
    if result["sport"] not in Sport.values:
        result["sport"] = Sport.RUN
    result["start"] = datetime.fromisoformat(values["start"])
    temperature = values.get("temperature_c")
    result["temperature_c"] = None if temperature is None else Decimal(temperature)
    return result


# ---------------------------------------------------------------------------------------------
# Merge offers: the runner's decision


def _pending(offer_id: int, owner) -> MergeOffer:
    # Lock the offer's own row: PostgreSQL cannot lock the nullable side of the join.
    offer = (
        MergeOffer.objects.select_for_update(of=("self",))
        .select_related("run")
        .get(pk=offer_id, owner=owner)
    )
    if offer.status != MergeOffer.Status.PENDING:
        raise OfferError(f"You already decided: {offer.get_status_display().lower()}.")
    return offer


def _decided(offer: MergeOffer, status: str, fields: tuple[str, ...] = ()) -> None:
    offer.status = status
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decided_at", *fields])


def merged(run: Run, values: dict) -> Run:
    """`run` (logged by hand) with an activity's values merged in: it keeps its RPE, notes,
    fluids and the rest the runner typed, and gains the file's start, distance, times, climb,
    heart rate and cadence (and its terrain, temperature and RPE where the runner left them
    empty; its name where the run has none, its sport where the run is a plain run). Changes
    `run` in memory only."""
    values = run_values(values)
    for name in ("start", "distance_m", "duration_s", "elapsed_s"):
        setattr(run, name, values[name])
    for name in ("elevation_gain_m", "elevation_loss_m", "avg_heart_rate", "avg_cadence"):
        if values[name] is not None:
            setattr(run, name, values[name])
    for name in ("terrain", "temperature_c", "rpe"):
        if getattr(run, name) in (None, "") and values[name] not in (None, ""):
            setattr(run, name, values[name])
    if not run.name:
        run.name = values["name"]
    if run.sport == Sport.RUN:
        run.sport = values["sport"]
    return run


def accept_offer(offer_id: int, owner) -> Run:
    """Merge the offer's activity into the runner's run (see `merged`)."""
    with transaction.atomic():
        offer = _pending(offer_id, owner)
        run = offer.run
        if run is None:
            raise OfferError(
                "Your run was deleted since; import the file's run on its own or decline it."
            )
        merged(run, offer.activity)
        external_id = offer.external_id
        if external_id and Run.objects.filter(owner=owner, external_id=external_id).exists():
            external_id = ""
        run.external_id = run.external_id or external_id
        if offer.activity_file_id is not None:
            run.activity_file_id = offer.activity_file_id
        run.save()
        _decided(offer, MergeOffer.Status.MERGED)
    return run


def keep_separate(offer_id: int, owner) -> Run:
    """Not the same run after all: import the file's run on its own."""
    with transaction.atomic():
        offer = _pending(offer_id, owner)
        if (
            offer.external_id
            and Run.objects.filter(owner=owner, external_id=offer.external_id).exists()
        ):
            raise OfferError("That run is already in your log.")
        run = Run.objects.create(
            owner=owner,
            **run_values(offer.activity),
            source=Source.IMPORTED,
            external_id=offer.external_id,
            activity_file_id=offer.activity_file_id,
        )
        _decided(offer, MergeOffer.Status.SEPARATE)
    return run


def decline_offer(offer_id: int, owner) -> None:
    """Not wanted: nothing is imported, and the file is not kept (unless a run uses it)."""
    with transaction.atomic():
        offer = _pending(offer_id, owner)
        file_id = offer.activity_file_id
        offer.activity_file = None
        _decided(offer, MergeOffer.Status.DECLINED, ("activity_file",))
        ActivityFile.delete_if_unused(file_id)


# ---------------------------------------------------------------------------------------------
# The queue
#
# Fair between runners, whatever the number of db_worker processes:
#
# - A runner has at most `MAX_ACTIVE_BATCHES` imports waiting or running; the upload page
#   refuses another (429) before storing anything, counting with the runner's row locked, so
#   two uploads at once cannot both squeeze past (`make_room`).
# - Only one of a runner's imports has a task in the task queue at a time (`dispatched_at`
#   set); their later ones wait as "queued" rows and are enqueued when it finishes
#   (`dispatch_next`, also under the runner's row lock).
# - A task imports its batch for about `SLICE_SECONDS` (whole files only), then, if files are
#   left, enqueues the batch again, at the back of the queue (`run_slice`). The queue is first
#   in, first out, so another runner's upload waits for at most one slice of each runner ahead.
# - A worker killed mid-batch leaves it "running" with an old heartbeat: once that is older
#   than `STALE_AFTER`, `recover_stale` (run by every import task as it starts, and by the
#   watch task each dispatch schedules, `runlog.tasks.watch_imports`) puts it back in the
#   queue, once (a conditional update), and the next worker goes on from the next file.

ACTIVE = (Status.QUEUED, Status.RUNNING)


class QueueFull(Exception):  # noqa: N818 - the name says what the runner is told
    """The runner has `MAX_ACTIVE_BATCHES` imports waiting or running already."""

    def __init__(self, active: int, retry_after: int):
        super().__init__(f"{active} imports waiting or running")
        self.active = active
        self.retry_after = retry_after


def active_batches(owner_id: int):
    return ImportBatch.objects.filter(owner_id=owner_id, status__in=ACTIVE)


def wait_estimate(owner_id: int, now: datetime | None = None) -> int:
    """Seconds until the runner's oldest active import is likely done (so there is room for
    another), from its pace so far; a minute when it has not started; at most an hour."""
    now = now or timezone.now()
    batch = active_batches(owner_id).defer("summary").order_by("created_at", "id").first()
    if batch is None:
        return 0
    seconds = 60.0
    if batch.started_at and batch.files_done:
        pace = (now - batch.started_at).total_seconds() / batch.files_done
        seconds = pace * max(batch.files_total - batch.files_done, 1)
    return int(min(max(seconds, 30), 3600))


def queue_full(owner_id: int) -> QueueFull | None:
    """The refusal, if the runner has no room for another import (a first look, unlocked)."""
    active = active_batches(owner_id).count()
    if active >= MAX_ACTIVE_BATCHES:
        return QueueFull(active, wait_estimate(owner_id))
    return None


def make_room(owner_id: int) -> None:
    """Inside the upload's transaction, before anything is stored: lock the runner's row
    and raise QueueFull if they have no room for another import."""
    _lock_owner(owner_id)
    if refusal := queue_full(owner_id):
        raise refusal


def _task(path: str):
    """A background task by its dotted path: the tasks call this module, so it names them
    rather than importing them (no import cycle)."""
    return import_string(path)


def _enqueue(batch_id: int) -> None:
    _task(retention.IMPORT_TASK).enqueue(batch_id)


def schedule_watch() -> None:
    """A watch task a little after `STALE_AFTER`, unless one is waiting already (one chain
    of them, however many dispatches), where the backend can defer one: the database
    backend can; the tests' immediate one cannot (tests run the watch's body themselves)."""
    watch_imports = _task(retention.WATCH_TASK)
    backend = watch_imports.get_backend()
    if not backend.supports_defer:
        return
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another deferring backend: no way to look, so a watch each time
        DatabaseBackend = ()
    if isinstance(backend, DatabaseBackend) and (
        DBTaskResult.objects.filter(
            task_path=retention.WATCH_TASK, status="READY", backend_name=backend.alias
        ).exists()
    ):
        return
    later = timezone.now() + STALE_AFTER + timedelta(seconds=30)
    watch_imports.using(run_after=later).enqueue()


def dispatch_next(owner_id: int) -> int | None:
    """Put the runner's oldest waiting import in the task queue, unless one of theirs is in
    it (or running) already; the task is enqueued once this commits. Its id, or None."""
    with transaction.atomic():
        _lock_owner(owner_id)
        active = active_batches(owner_id)
        if active.filter(dispatched_at__isnull=False).exists():
            return None
        batch_id = (
            active.filter(dispatched_at__isnull=True)
            .order_by("created_at", "id")
            .values_list("pk", flat=True)
            .first()
        )
        if batch_id is None:
            return None
        now = timezone.now()
        # Its heartbeat starts at its turn: a long wait before it does not look like a death.
        ImportBatch.objects.filter(pk=batch_id).update(dispatched_at=now, heartbeat_at=now)
        transaction.on_commit(functools.partial(_enqueue, batch_id))
        transaction.on_commit(schedule_watch)
    return batch_id


def run_slice(batch_id: int, *, seconds: float | None = None) -> ImportBatch | None:
    """The import task's body: import the batch, whole files only, for about `seconds`
    (`SLICE_SECONDS`); if files are left, it goes to the back of the queue, so other
    runners' imports waiting there go first. Once it is finished (or stopped on an error),
    the runner's next import is enqueued. The batch as the slice leaves it."""
    seconds = SLICE_SECONDS if seconds is None else seconds
    batch = ImportBatch.objects.filter(pk=batch_id).defer("summary").first()
    if batch is None or batch.status == Status.DONE:
        return batch
    if batch.status == Status.QUEUED and batch.dispatched_at is None:
        return batch  # waiting its turn behind the runner's earlier import: not this task's
    deadline = time.monotonic() + seconds
    more = False
    steps = iter_import(batch_id)
    try:
        for _ in steps:
            if time.monotonic() >= deadline:
                more = True
                break
    except Exception:
        dispatch_next(batch.owner_id)  # the runner's next import need not wait for a fix
        raise
    finally:
        steps.close()
    if more:
        with transaction.atomic():
            # To the back of the queue: "queued" while it waits, so no sweep takes it for dead.
            if ImportBatch.objects.filter(pk=batch_id, status=Status.RUNNING).update(
                status=Status.QUEUED, dispatched_at=timezone.now(), heartbeat_at=timezone.now()
            ):
                transaction.on_commit(functools.partial(_enqueue, batch_id))
    else:
        dispatch_next(batch.owner_id)
    return ImportBatch.objects.filter(pk=batch_id).defer("summary").first()


def _stale(now: datetime) -> Q:
    cutoff = now - STALE_AFTER
    return Q(status=Status.RUNNING) & (
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )


def _lost_in_dispatch(now: datetime) -> list[int]:
    """Batches given their turn (dispatched) more than `STALE_AFTER` ago whose task is in no
    queue: the process that committed them died before it could enqueue the task."""
    from django.tasks import TaskResultStatus

    cutoff = now - STALE_AFTER
    waiting = list(
        ImportBatch.objects.filter(status=Status.QUEUED, dispatched_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:100]
    )
    if not waiting:
        return []
    live = TaskResultStatus.READY, TaskResultStatus.RUNNING
    rows = (
        retention.import_task_rows(waiting)
        .filter(status__in=live)
        .values_list("args_kwargs", flat=True)
    )
    queued = {(row.get("args") or [None])[0] for row in rows} | {
        (row.get("kwargs") or {}).get("batch_id") for row in rows
    }
    return [batch_id for batch_id in waiting if batch_id not in queued]


def _dispatch_stranded(now: datetime) -> None:
    """Give their turn to runners' waiting imports that nothing will start: the worker that
    finished their earlier import died before it could hand the turn on."""
    cutoff = now - STALE_AFTER
    has_turn = ImportBatch.objects.filter(status__in=ACTIVE, dispatched_at__isnull=False)
    owners = (
        ImportBatch.objects.filter(
            status=Status.QUEUED, dispatched_at__isnull=True, created_at__lt=cutoff
        )
        .exclude(owner_id__in=has_turn.values("owner_id"))
        .values_list("owner_id", flat=True)
        .distinct()[:100]
    )
    for owner_id in list(owners):
        if dispatch_next(owner_id) is not None:
            logger.warning("Imports of runner %s were waiting with no turn: started", owner_id)


def _has_live_task(batch_id: int) -> bool:
    from django.tasks import TaskResultStatus

    live = TaskResultStatus.READY, TaskResultStatus.RUNNING
    return retention.import_task_rows([batch_id]).filter(status__in=live).exists()


def _taken_back(now: datetime) -> Q:
    """What a batch must still be for one sweep (and only one) to put it back in the queue."""
    cutoff = now - STALE_AFTER
    return _stale(now) | Q(status=Status.QUEUED, dispatched_at__lt=cutoff)


def recover_stale(now: datetime | None = None) -> list[int]:
    """Put back in the queue every running import whose worker has shown no sign of life for
    `STALE_AFTER` (killed, or its machine gone), and every import given its turn that long
    ago whose task never reached the queue; the next worker goes on from the next file
    (`run_import` saves nothing twice). Each is taken by one conditional update, so two
    sweeps at once enqueue it once. The ids put back."""
    now = now or timezone.now()
    recovered = []
    _dispatch_stranded(now)
    candidates = list(ImportBatch.objects.filter(_stale(now)).values_list("pk", flat=True)[:100])
    candidates += _lost_in_dispatch(now)
    for batch_id in candidates:
        with transaction.atomic():
            taken = (
                ImportBatch.objects.filter(_taken_back(now), pk=batch_id).update(
                    status=Status.QUEUED, dispatched_at=now, heartbeat_at=now, error=""
                )
                == 1
            )
            if taken:
                transaction.on_commit(functools.partial(_enqueue, batch_id))
        if taken:
            logger.warning("Import %s had no sign of life: queued again", batch_id)
            recovered.append(batch_id)
    return recovered


def has_active() -> bool:
    """Whether any import is waiting or running (the watch task goes on while one is)."""
    return ImportBatch.objects.filter(status__in=ACTIVE).exists()


# ---------------------------------------------------------------------------------------------
# Resuming


def resumable(batch: ImportBatch, now: datetime | None = None) -> bool:
    """A batch that stopped on an error, or whose worker went silent (killed, or never
    started), may be started again: a retry saves nothing twice. (A silent one is also put
    back in the queue by itself: `recover_stale`.)"""
    if batch.status == Status.FAILED:
        return True
    if batch.status == Status.DONE:
        return False
    if batch.status == Status.QUEUED and batch.dispatched_at is None:
        return False  # waiting for the runner's earlier import: nothing to start again
    now = now or timezone.now()
    signs = [moment for moment in (batch.heartbeat_at, batch.dispatched_at) if moment]
    last_sign = max(signs) if signs else batch.created_at
    if last_sign >= now - STALE_AFTER:
        return False
    # Queued with its turn: only if its task never reached the queue (a slow queue is not a
    # death, and a second task would break the one-per-runner rule).
    return batch.status != Status.QUEUED or not _has_live_task(batch.pk)


def queue_again(batch: ImportBatch) -> None:
    """Start a stopped batch again: it waits its turn among the runner's imports, and is
    enqueued at once if it is the only one (inside the caller's transaction)."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=Status.QUEUED, heartbeat_at=timezone.now(), error="", dispatched_at=None
    )
    dispatch_next(batch.owner_id)

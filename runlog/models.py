"""A runner's own log: their settings, runs and daily soreness check-ins.

Personal data: never in the admin, never given to the Content editors group, every query
scoped to its owner. Stored in SI units (metres, seconds, °C) whatever the runner reads.
Nothing defaults to a value the runner did not give: an empty field stays empty (NULL or
blank), never 0 or "neutral". Every range a form checks is also a CHECK constraint.
"""

import functools
import posixpath
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import days, validation
from .choices import (
    DistanceUnit,
    Fluids,
    Location,
    Side,
    Source,
    Sport,
    TemperatureUnit,
    Terrain,
)
from .importers.activity import CADENCE_RANGE, HEART_RATE_RANGE


def validate_time_zone(name: str) -> None:
    if not days.is_time_zone(name):
        raise ValidationError(
            "Choose a time zone from the list, such as Europe/London.", code="unknown_time_zone"
        )


def _between(field: str, low, high) -> Q:
    return Q(**{f"{field}__gte": low, f"{field}__lte": high})


def _optional_between(field: str, low, high) -> Q:
    return Q(**{f"{field}__isnull": True}) | _between(field, low, high)


class RunnerSettings(models.Model):
    """One per runner, made the first time they open the run log."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runner_settings"
    )
    distance_unit = models.CharField(
        max_length=2, choices=DistanceUnit.choices, default=DistanceUnit.KM
    )
    temperature_unit = models.CharField(
        max_length=1, choices=TemperatureUnit.choices, default=TemperatureUnit.C
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="IANA name; every date and day is shown in it.",
    )
    body_weight_kg = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    # Counts changes to the runner's runs and check-ins (signals below, in the same
    # transaction): pages cached whole, like the dashboard, key on it without reading the log.
    log_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name_plural = "runner settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(distance_unit__in=DistanceUnit.values),
                name="runlog_settings_distance_unit_known",
            ),
            models.CheckConstraint(
                condition=Q(temperature_unit__in=TemperatureUnit.values),
                name="runlog_settings_temperature_unit_known",
            ),
            models.CheckConstraint(
                condition=~Q(time_zone=""), name="runlog_settings_time_zone_given"
            ),
            models.CheckConstraint(
                condition=_optional_between(
                    "body_weight_kg", validation.MIN_BODY_WEIGHT_KG, validation.MAX_BODY_WEIGHT_KG
                ),
                name="runlog_settings_body_weight_range",
            ),
        ]

    def __str__(self):
        return f"Run log settings of user {self.user_id}"


# The longest run title kept; a longer imported title is cut to it.
NAME_MAX_LENGTH = 200


class Run(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runs"
    )
    start = models.DateTimeField(help_text="When the run started (stored in UTC).")
    name = models.CharField(
        max_length=NAME_MAX_LENGTH, blank=True, help_text="The run's title, if it has one."
    )
    sport = models.CharField(max_length=12, choices=Sport.choices, default=Sport.RUN)
    distance_m = models.PositiveIntegerField("distance (m)")
    duration_s = models.PositiveIntegerField("moving time (s)")
    elevation_gain_m = models.PositiveIntegerField("climb (m)", null=True, blank=True)
    elevation_loss_m = models.PositiveIntegerField("descent (m)", null=True, blank=True)
    terrain = models.CharField(max_length=10, choices=Terrain.choices, blank=True)
    temperature_c = models.DecimalField(
        "temperature (°C)", max_digits=3, decimal_places=1, null=True, blank=True
    )
    rpe = models.PositiveSmallIntegerField("perceived effort (RPE 0-10)", null=True, blank=True)
    fluids = models.CharField(max_length=10, choices=Fluids.choices, blank=True)
    warm_up_done = models.BooleanField(null=True, blank=True)
    cool_down_done = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    external_id = models.CharField(
        max_length=200, blank=True, help_text="The importer's id, for de-duplicating imports."
    )
    # What an imported file adds; a run logged by hand leaves them empty.
    elapsed_s = models.PositiveIntegerField(
        "elapsed time (s)", null=True, blank=True, help_text="Pauses included."
    )
    avg_heart_rate = models.PositiveSmallIntegerField(
        "average heart rate (bpm)", null=True, blank=True
    )
    avg_cadence = models.PositiveSmallIntegerField(
        "average cadence (steps/min)", null=True, blank=True
    )
    activity_file = models.ForeignKey(
        "ActivityFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
        help_text="The file this run was imported from (or merged with), as uploaded.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            # The runs list (newest first, per owner), the check-in offer, exports.
            models.Index(fields=["owner", "-start"], name="runlog_run_owner_start"),
            # The dashboard's one-row summary of the log (count, last change, first and last
            # start) read from the index alone: every view of the page asks it.
            models.Index(fields=["owner", "updated_at", "start"], name="runlog_run_owner_change"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(distance_m__gt=0, distance_m__lte=validation.MAX_DISTANCE_M),
                name="runlog_run_distance_range",
            ),
            models.CheckConstraint(
                condition=Q(duration_s__gt=0, duration_s__lte=validation.MAX_DURATION_S),
                name="runlog_run_duration_range",
            ),
            models.CheckConstraint(
                condition=_optional_between("elevation_gain_m", 0, validation.MAX_ELEVATION_M),
                name="runlog_run_elevation_gain_range",
            ),
            models.CheckConstraint(
                condition=_optional_between("elevation_loss_m", 0, validation.MAX_ELEVATION_M),
                name="runlog_run_elevation_loss_range",
            ),
            models.CheckConstraint(
                condition=Q(terrain__in=["", *Terrain.values]), name="runlog_run_terrain_known"
            ),
            models.CheckConstraint(
                condition=_optional_between(
                    "temperature_c", validation.MIN_TEMPERATURE_C, validation.MAX_TEMPERATURE_C
                ),
                name="runlog_run_temperature_range",
            ),
            models.CheckConstraint(
                condition=_optional_between("rpe", *validation.RPE_RANGE),
                name="runlog_run_rpe_range",
            ),
            models.CheckConstraint(
                condition=Q(fluids__in=["", *Fluids.values]), name="runlog_run_fluids_known"
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="runlog_run_source_known"
            ),
            models.CheckConstraint(
                condition=Q(sport__in=Sport.values), name="runlog_run_sport_known"
            ),
            models.UniqueConstraint(
                fields=["owner", "external_id"],
                condition=~Q(external_id=""),
                name="runlog_run_external_id_unique_per_owner",
            ),
            models.CheckConstraint(
                condition=Q(elapsed_s__isnull=True)
                | Q(elapsed_s__gte=F("duration_s"), elapsed_s__lte=validation.MAX_DURATION_S),
                name="runlog_run_elapsed_range",
            ),
            models.CheckConstraint(
                condition=_optional_between("avg_heart_rate", *HEART_RATE_RANGE),
                name="runlog_run_heart_rate_range",
            ),
            models.CheckConstraint(
                condition=_optional_between("avg_cadence", *CADENCE_RANGE),
                name="runlog_run_cadence_range",
            ),
        ]

    def __str__(self):
        return f"Run {self.pk} of user {self.owner_id}"

    @property
    def logged_by_hand(self) -> bool:
        """Typed in by the runner, never touched by a file: what an import offers to merge."""
        return (
            self.source == Source.MANUAL and not self.external_id and self.activity_file_id is None
        )

    @property
    def end(self):
        """When the run ended, as far as the moving time tells (pauses are not known)."""
        return self.start + timedelta(seconds=self.duration_s)


class SorenessEntry(models.Model):
    """A check-in: how the legs feel at one moment, with or without a run before it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="soreness_entries"
    )
    recorded_at = models.DateTimeField(help_text="When the legs felt like this.")
    run = models.ForeignKey(
        Run,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="soreness_entries",
        help_text="The run this soreness follows, when the runner says so.",
    )
    soreness = models.PositiveSmallIntegerField(help_text="0 none .. 10 worst imaginable.")
    sleep_quality = models.PositiveSmallIntegerField(null=True, blank=True)
    fatigue = models.PositiveSmallIntegerField(null=True, blank=True)
    stress = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name_plural = "soreness entries"
        indexes = [
            # Recent check-ins, "checked in today yet?", exports.
            models.Index(fields=["owner", "-recorded_at"], name="runlog_entry_owner_when"),
            models.Index(fields=["owner", "updated_at"], name="runlog_entry_owner_change"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_between("soreness", *validation.SORENESS_RANGE),
                name="runlog_entry_soreness_range",
            ),
            *(
                models.CheckConstraint(
                    condition=_optional_between(item, *validation.HOOPER_RANGE),
                    name=f"runlog_entry_{item}_range",
                )
                for item in ("sleep_quality", "fatigue", "stress")
            ),
        ]

    def __str__(self):
        return f"Check-in {self.pk} of user {self.owner_id}"

    @property
    def hours_since_run(self) -> float | None:
        """Hours from the end of the run to the check-in; soreness peaks at 24-72 h."""
        if self.run is None:
            return None
        hours = (self.recorded_at - self.run.end).total_seconds() / 3600
        return round(max(hours, 0.0), 1)


class SoreRegion(models.Model):
    entry = models.ForeignKey(SorenessEntry, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(max_length=12, choices=Location.choices)
    side = models.CharField(max_length=5, choices=Side.choices, blank=True)
    soreness = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="This region's own 0-10, when the runner gives one."
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "region", "side"], name="runlog_region_once_per_entry"
            ),
            models.CheckConstraint(
                condition=Q(region__in=Location.values), name="runlog_region_known"
            ),
            models.CheckConstraint(condition=Q(side__in=Side.values), name="runlog_side_known"),
            models.CheckConstraint(
                condition=_optional_between("soreness", *validation.SORENESS_RANGE),
                name="runlog_region_soreness_range",
            ),
        ]

    def __str__(self):
        return f"{self.get_side_display()} {self.get_region_display()}"

    @property
    def value(self) -> str:
        """The form's and the body map's name for it, e.g. "left-calves"."""
        return validation.region_value(self.region, self.side)

    @property
    def label(self) -> str:
        name = Location(self.region).label.lower()
        return f"{Side(self.side).label} {name}" if self.side else name.capitalize()


# Imports: a batch of uploaded files, the activity files kept with their runs, and the offers
# to merge an imported activity into a run the runner logged by hand. See runlog/imports.py.


def _random_name(folder: str, owner_id: int, filename: str) -> str:
    """A per-owner path that says nothing of the file: its real name lives in the row."""
    base = posixpath.basename(filename.replace("\\", "/")).lower()
    stem, ext = posixpath.splitext(base)
    if ext == ".gz":
        ext = posixpath.splitext(stem)[1] + ext
    if not all(c.isalnum() or c == "." for c in ext) or len(ext) > 10:
        ext = ""
    return f"{folder}/{owner_id}/{uuid.uuid4().hex}{ext}"


def activity_file_path(instance, filename: str) -> str:
    return _random_name("activity-files", instance.owner_id, filename)


def import_upload_path(instance, filename: str) -> str:
    return _random_name("import-uploads", instance.batch.owner_id, filename)


IMPORT_COUNTERS = (
    "files_total",
    "files_done",
    "activities_found",
    "imported",
    "duplicates",
    "merge_offers",
    "skipped",
    "failed",
)


class FollowUp(models.TextChoices):
    """What a check-in asks about a spot that has been sore for 3 days or more: each yes is a
    warning sign of the assessment contract (runlog/problems.py maps them)."""

    BONE_SPOT = "bone_spot", "It hurts on one spot of a bone (pressing there hurts)"
    REST_OR_NIGHT = "rest_or_night", "It hurts at rest, or wakes me at night"
    WORSE_EACH_RUN = "worse_each_run", "It gets worse with each run"
    SWELLING = "swelling", "It is swollen"
    HOP_OR_WEIGHT = "hop_or_weight", "It hurts to hop, or to put weight on the leg"  # the hip


# The spot a follow-up is about: a sore area, or the legs overall (a check-in with no area).
FOLLOWUP_REGIONS = [*Location.values, "legs"]


class FollowUpAnswer(models.Model):
    """A "yes" to a follow-up question about one sore spot, given with a check-in."""

    entry = models.ForeignKey(
        SorenessEntry, on_delete=models.CASCADE, related_name="followup_answers"
    )
    region = models.CharField(max_length=12)
    side = models.CharField(max_length=5, choices=Side.choices, blank=True)
    answer = models.CharField(max_length=16, choices=FollowUp.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "region", "side", "answer"], name="runlog_followup_once"
            ),
            models.CheckConstraint(
                condition=Q(region__in=FOLLOWUP_REGIONS), name="runlog_followup_region_known"
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="runlog_followup_side_known"
            ),
            models.CheckConstraint(
                condition=Q(answer__in=FollowUp.values), name="runlog_followup_answer_known"
            ),
        ]

    def __str__(self):
        return f"Follow-up {self.answer} of check-in {self.entry_id}"


class ImportBatch(models.Model):
    """One upload of one or many files, imported in the background (runlog.tasks)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped on an error"

    COUNTERS = IMPORT_COUNTERS

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="The worker's last sign of life (after each file)."
    )
    dispatched_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=(
            "When its task was last put in the task queue; empty while it waits for the "
            "runner's earlier import (one of a runner's imports is in the queue at a time)."
        ),
    )
    files_total = models.PositiveIntegerField(
        default=0, help_text="Files (or Strava activities) to read; grows as zips are opened."
    )
    files_done = models.PositiveIntegerField(default=0)
    activities_found = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    merge_offers = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Activities of another sport.")
    failed = models.PositiveIntegerField(default=0, help_text="Files or activities refused.")
    summary = models.JSONField(
        default=list,
        blank=True,
        help_text="One entry per file: name, outcome, reasons, warnings, run ids.",
    )
    error = models.TextField(blank=True, help_text="Why the whole batch stopped, if it did.")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="runlog_batch_owner_created"),
            # The stale-worker sweep: running batches by their last sign of life.
            models.Index(fields=["status", "heartbeat_at"], name="runlog_batch_status_beat"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="runlog_batch_status_known",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{counter}__gte": 0}),
                    name=f"runlog_batch_{counter}_not_negative",
                )
                for counter in IMPORT_COUNTERS
            ),
            models.CheckConstraint(
                condition=Q(files_done__lte=F("files_total")),
                name="runlog_batch_files_done_within_total",
            ),
        ]

    def __str__(self):
        return f"Import {self.pk} of user {self.owner_id}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if not self.files_total:
            return 0
        return min(100, round(100 * self.files_done / self.files_total))

    def counts(self) -> dict[str, int]:
        return {counter: getattr(self, counter) for counter in self.COUNTERS}


class ImportUpload(models.Model):
    """A file as uploaded, staged for the worker; deleted (with its stored copy) when the
    batch is done. `files_done` of its activity files are saved, so a retry skips them."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="uploads")
    position = models.PositiveSmallIntegerField()
    file = models.FileField(upload_to=import_upload_path, max_length=255)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    files_total = models.PositiveIntegerField(default=0, help_text="0 until it is opened.")
    files_done = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "position"], name="runlog_upload_position_unique"
            ),
        ]

    def __str__(self):
        return f"Upload {self.position} of import {self.batch_id}"


class ActivityFile(models.Model):
    """An activity file as it was uploaded (gzipped if it was), kept with the run(s) it gave,
    so that a later importer can read it again. Stored through the default storage."""

    class Format(models.TextChoices):
        GPX = "gpx", "GPX"
        TCX = "tcx", "TCX"
        FIT = "fit", "FIT"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_files"
    )
    file = models.FileField(upload_to=activity_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, help_text="Of the content, after any gunzip.")
    size = models.PositiveBigIntegerField(help_text="Bytes as stored.")
    format = models.CharField(max_length=3, choices=Format.choices)
    gzipped = models.BooleanField(default=False)
    uploaded_at = models.DateTimeField()
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_files",
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "sha256"], name="runlog_activity_file_sha256_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=Q(format__in=["gpx", "tcx", "fit"]), name="runlog_activity_file_format"
            ),
        ]

    def __str__(self):
        return f"Activity file {self.pk} of user {self.owner_id}"

    @classmethod
    def delete_if_unused(cls, pk: int | None) -> None:
        """Delete the file unless a run or a pending merge offer still uses it."""
        if pk is None:
            return
        for item in (
            cls.objects.filter(pk=pk)
            .exclude(runs__isnull=False)
            .exclude(merge_offers__status=MergeOffer.Status.PENDING)
        ):
            item.delete()


class MergeOffer(models.Model):
    """An imported activity that starts near a run logged by hand: merged only if the runner
    says so. `activity` holds the file's values (JSON); `start`, `distance_m`, `external_id`
    and `sha256` are copied out for de-duplication."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for you"
        MERGED = "merged", "Merged into your run"
        SEPARATE = "separate", "Imported as a run of its own"
        DECLINED = "declined", "Declined: not imported"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="merge_offers"
    )
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="offers")
    run = models.ForeignKey(
        Run, on_delete=models.SET_NULL, null=True, blank=True, related_name="merge_offers"
    )
    activity_file = models.ForeignKey(
        ActivityFile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merge_offers",
    )
    file_name = models.CharField(max_length=255)
    activity = models.JSONField()
    start = models.DateTimeField()
    distance_m = models.PositiveIntegerField()
    external_id = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["owner", "start"], name="runlog_offer_owner_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "merged", "separate", "declined"]),
                name="runlog_offer_status_known",
            ),
        ]

    def __str__(self):
        return f"Merge offer {self.pk} of user {self.owner_id}"


# Stored files go with their rows: deleted from storage once the deletion commits (a rolled
# back delete keeps the file), whether the row went alone, with its run or with the account.


def _delete_stored(field_file) -> None:
    if field_file and field_file.name:
        transaction.on_commit(
            functools.partial(field_file.storage.delete, field_file.name), robust=True
        )


@receiver(post_delete, sender=ActivityFile)
@receiver(post_delete, sender=ImportUpload)
def delete_stored_file(sender, instance, **kwargs):
    _delete_stored(instance.file)


def _deleting_only(origin, model) -> bool:
    """True when this deletion started at `model` (a row or a queryset of them), not at the
    account (which takes the activity files with it anyway)."""
    return isinstance(origin, model) or getattr(origin, "model", None) is model


@receiver(post_delete, sender=Run)
def delete_unused_activity_file(sender, instance, origin=None, **kwargs):
    if instance.activity_file_id is not None and _deleting_only(origin, Run):
        ActivityFile.delete_if_unused(instance.activity_file_id)


@receiver(post_delete, sender=MergeOffer)
def delete_offered_activity_file(sender, instance, origin=None, **kwargs):
    if instance.activity_file_id is not None and _deleting_only(origin, MergeOffer):
        ActivityFile.delete_if_unused(instance.activity_file_id)


def _log_changed(sender, instance, **kwargs):
    # Sore regions are written with their check-in, whose save comes first.
    RunnerSettings.objects.filter(user_id=instance.owner_id).update(
        log_version=F("log_version") + 1
    )


for _model in (Run, SorenessEntry):
    post_save.connect(_log_changed, sender=_model, dispatch_uid=f"log-changed-{_model.__name__}")
    post_delete.connect(_log_changed, sender=_model, dispatch_uid=f"log-gone-{_model.__name__}")


class PendingCachePurge(models.Model):
    """A deleted account's cached pages that the cache could not delete at the time (Redis
    was down). `manage.py purge` tries again and deletes the row once done. Kept in the
    database, not in a process's memory: every host and the cron job must see it."""

    owner = models.CharField(max_length=100, unique=True, help_text="A page owner tag.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Pending cache purge {self.pk}"

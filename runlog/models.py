"""A runner's own log: their settings, runs and daily soreness check-ins.

Personal data: never in the admin, never given to the Content editors group, every query
scoped to its owner. Stored in SI units (metres, seconds, °C) whatever the runner reads.
Nothing defaults to a value the runner did not give: an empty field stays empty (NULL or
blank), never 0 or "neutral". Every range a form checks is also a CHECK constraint.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from . import days, validation
from .choices import DistanceUnit, Fluids, Location, Side, Source, TemperatureUnit, Terrain


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


class Run(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runs"
    )
    start = models.DateTimeField(help_text="When the run started (stored in UTC).")
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            # The runs list (newest first, per owner), the check-in offer, exports.
            models.Index(fields=["owner", "-start"], name="runlog_run_owner_start"),
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
            models.UniqueConstraint(
                fields=["owner", "external_id"],
                condition=~Q(external_id=""),
                name="runlog_run_external_id_unique_per_owner",
            ),
        ]

    def __str__(self):
        return f"Run {self.pk} of user {self.owner_id}"

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

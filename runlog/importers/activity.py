"""What every importer returns: plain dataclasses, no database, no Django models.

A parser reads one file and returns `ParsedActivity` (a run to import) or `SkippedActivity`
(another sport, named) for each activity in it, or raises `ImportRefused(reason)` for the whole
file. `runlog.importers.dispatch.parse_upload` never raises for bad input: it wraps each file
into a `ParsedFile` that carries its activities, its skipped activities or its refusal reason.

Units are the run log's: metres, seconds, °C, beats and steps per minute, UTC.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from runlog import validation

from . import track

# What `ParsedActivity.sport` holds: always a kind of run.
RUN = "run"
TRAIL_RUN = "trail_run"
TREADMILL = "treadmill"
VIRTUAL_RUN = "virtual_run"
RUN_SPORTS = (RUN, TRAIL_RUN, TREADMILL, VIRTUAL_RUN)

FORMATS = ("gpx", "tcx", "fit", "strava")

# The earliest start an activity file may claim. GPS watches came later, and a device whose
# clock was never set writes dates around 1990 (FIT's epoch is 31 December 1989).
EARLIEST_START = datetime(1990, 1, 2, tzinfo=UTC)
# Plausible averages; a value outside is a sensor fault and is dropped, not stored.
HEART_RATE_RANGE = (25, 250)  # beats per minute
CADENCE_RANGE = (60, 260)  # steps per minute
NO_SPORT_WARNING = "The file names no sport; it was taken as a run."


class ImportRefused(Exception):  # noqa: N818 - the name says what happened to the file
    """The whole file is refused; `reason` is written for the runner."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class ParsedActivity:
    """One run, ready to become a `runlog.models.Run` (plus what the file said beside)."""

    start: datetime  # aware, UTC
    distance_m: int
    moving_s: int  # -> Run.duration_s
    elapsed_s: int
    source_format: str  # "gpx" | "tcx" | "fit" | "strava"
    sport: str = RUN  # one of RUN_SPORTS
    sport_named: bool = True  # False: the file named no sport, so it was taken as a run
    elevation_gain_m: int | None = None
    elevation_loss_m: int | None = None
    terrain: str = ""  # runlog.choices.Terrain value, or "" when the profile is unknown
    temperature_c: Decimal | None = None
    avg_heart_rate: int | None = None  # beats per minute
    avg_cadence: int | None = None  # steps per minute (both feet; FIT's strides doubled)
    rpe: int | None = None  # 0-10
    feel: int | None = None  # 0 (weak) .. 100 (strong), FIT's workout_feel scale
    external_id: str = ""  # "fit:<serial>:<created>", "tcx:<Id>", "strava:<id>", or ""
    file_external_id: str = ""  # the activity file's own id when external_id is Strava's
    content_sha256: str = ""  # of the activity file's bytes, after gunzip
    points: int = 0  # track points (or FIT records) read
    name: str = ""  # the activity's title, when the file has one
    warnings: list[str] = field(default_factory=list)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed_s)


@dataclass
class SkippedActivity:
    """An activity of another sport: counted as skipped, never imported."""

    sport: str  # as the file names it: "cycling", "Ride", "Biking", "Strava type 1" ...
    start: datetime | None = None
    external_id: str = ""
    reason: str = ""

    def __post_init__(self):
        if not self.reason:
            self.reason = f"Not a run ({self.sport})."


@dataclass
class ParsedFile:
    """One uploaded file (or one activity file out of a zip), and what became of it.

    Exactly one of these holds: `refused` is a reason (nothing from this file may be saved);
    or `activities` and/or `skipped` list what the file holds.
    """

    name: str  # the upload's name, or "export.zip/activities/123.gpx.gz"
    source_format: str = ""  # "gpx", "tcx", "fit", "strava", or "" when not recognised
    content_sha256: str = ""  # of `data` after gunzip ("" for a Strava row without a file)
    activities: list[ParsedActivity] = field(default_factory=list)
    skipped: list[SkippedActivity] = field(default_factory=list)
    refused: str | None = None
    warnings: list[str] = field(default_factory=list)
    # The activity file's bytes as found (still gzipped if it was), to keep with the run.
    data: bytes | None = field(default=None, repr=False)
    filename: str = ""  # the base name to store `data` under
    index: int = 1  # this file's place in the upload, 1-based, and how many the upload holds:
    total: int = 1  # for a progress bar

    @property
    def status(self) -> str:
        """ "refused", "imported" (at least one run), or "skipped" (no run in it)."""
        if self.refused is not None:
            return "refused"
        return "imported" if self.activities else "skipped"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _rounded(value: float | None) -> int | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value)


def _in_range(value: float | None, bounds: tuple[float, float]) -> int | None:
    value = _rounded(value)
    if value is None or not bounds[0] <= value <= bounds[1]:
        return None
    return value


def build_activity(
    *,
    start: datetime | None,
    distance_m: float | None,
    moving_s: float | None,
    elapsed_s: float | None,
    source_format: str,
    sport: str = RUN,
    sport_named: bool = True,
    elevation_gain_m: float | None = None,
    elevation_loss_m: float | None = None,
    temperature_c: float | None = None,
    avg_heart_rate: float | None = None,
    avg_cadence_spm: float | None = None,
    rpe: float | None = None,
    feel: float | None = None,
    external_id: str = "",
    content_sha256: str = "",
    points: int = 0,
    name: str = "",
    warnings: list[str] | None = None,
    now: datetime | None = None,
) -> ParsedActivity:
    """Check and round what a parser read; raise ImportRefused when it cannot be a run.

    Refused: no start, a start in the future (beyond `validation.CLOCK_SKEW`) or before 1990,
    no distance, no time, or more than the run log can store. A moving time longer than the
    elapsed time is cut to it (never the elapsed time raised to it). Out-of-range extras (heart
    rate, cadence, temperature, RPE) are dropped with a warning rather than refusing the run.
    """
    warnings = list(warnings or [])
    now = now or datetime.now(UTC)
    if start is None:
        raise ImportRefused("The activity has no start time.")
    if start.tzinfo is None or start.utcoffset() is None:
        raise ImportRefused("The activity's start time has no time zone.")
    start = start.astimezone(UTC)
    if start > now + validation.CLOCK_SKEW:
        raise ImportRefused(
            f"The activity starts in the future ({start:%Y-%m-%d %H:%M} UTC). Check the "
            "device's clock."
        )
    if start < EARLIEST_START:
        raise ImportRefused(
            f"The activity starts on {start:%Y-%m-%d}, before 1990: the device's clock was "
            "probably not set."
        )
    distance = _rounded(distance_m)
    if distance is None or distance < 1:
        raise ImportRefused("The activity records no distance.")
    if distance > validation.MAX_DISTANCE_M:
        raise ImportRefused("The activity is longer than 2,000 km; the file is not plausible.")
    moving = _rounded(moving_s)
    elapsed = _rounded(elapsed_s)
    if moving is None or moving < 1:
        moving = elapsed
    if moving is None or moving < 1:
        raise ImportRefused("The activity records no time.")
    if elapsed is None or elapsed < 1:
        elapsed = moving
    elif moving > elapsed:
        moving = elapsed  # the time in motion cannot be more than the time from start to end
    if elapsed > validation.MAX_DURATION_S:
        raise ImportRefused("The activity lasts over 30 days; the file is not plausible.")

    gain = _in_range(elevation_gain_m, (0, validation.MAX_ELEVATION_M))
    loss = _in_range(elevation_loss_m, (0, validation.MAX_ELEVATION_M))
    heart_rate = _in_range(avg_heart_rate, HEART_RATE_RANGE)
    if avg_heart_rate is not None and heart_rate is None:
        warnings.append(f"The average heart rate ({avg_heart_rate:.0f}) was implausible; left out.")
    cadence = _in_range(avg_cadence_spm, CADENCE_RANGE)
    if avg_cadence_spm is not None and cadence is None:
        warnings.append(f"The average cadence ({avg_cadence_spm:.0f}) was implausible; left out.")
    temperature = None
    if temperature_c is not None and math.isfinite(temperature_c):
        temperature = Decimal(str(round(float(temperature_c), 1)))
        if not validation.MIN_TEMPERATURE_C <= temperature <= validation.MAX_TEMPERATURE_C:
            warnings.append(f"The temperature ({temperature} °C) was implausible; left out.")
            temperature = None
    rpe_value = _in_range(rpe, validation.RPE_RANGE)
    feel_value = _in_range(feel, (0, 100))
    trail = sport == TRAIL_RUN
    terrain = track.classify_terrain(distance, gain, loss, trail=trail)
    if not sport_named and NO_SPORT_WARNING not in warnings:
        warnings.append(NO_SPORT_WARNING)
    return ParsedActivity(
        start=start,
        distance_m=distance,
        moving_s=moving,
        elapsed_s=elapsed,
        source_format=source_format,
        sport=sport,
        sport_named=sport_named,
        elevation_gain_m=gain,
        elevation_loss_m=loss,
        terrain=terrain,
        temperature_c=temperature,
        avg_heart_rate=heart_rate,
        avg_cadence=cadence,
        rpe=rpe_value,
        feel=feel_value,
        external_id=external_id[:200],
        content_sha256=content_sha256,
        points=points,
        name=name.strip()[:200],
        warnings=warnings,
    )

"""TCX (Garmin's Training Center XML), parsed with defusedxml's checks (`safety.parse_xml`).

Each <Activity> is one activity. Sport="Running" is a run, "Other" names no sport (taken as a
run), anything else is skipped. The device's own figures win over the track's: distance is the
laps' DistanceMeters (so a treadmill file without GPS gets the treadmill's or foot pod's
distance), moving time the laps' TotalTimeSeconds (the timer, which stops on pause); the track
fills in what the laps leave out. Track points whose time goes back are left out (see
`track.in_time_order`), with a warning. Running cadence (Garmin's ActivityExtension RunCadence) is
strides per minute and is doubled. The external id is "tcx:" and the Activity's <Id>, which
Garmin sets to the start time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from . import gpx, safety, sports, track
from .activity import ImportRefused, SkippedActivity, build_activity, sha256


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value else None


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _Names:
    """Qualified tag names in the document's TCX namespace (or none)."""

    def __init__(self, root_tag: str):
        ns = root_tag[: root_tag.index("}") + 1] if root_tag.startswith("{") else ""
        for name in (
            "Activities",
            "Activity",
            "Courses",
            "Id",
            "Lap",
            "TotalTimeSeconds",
            "DistanceMeters",
            "AverageHeartRateBpm",
            "Value",
            "Cadence",
            "Track",
            "Trackpoint",
            "Time",
            "Position",
            "LatitudeDegrees",
            "LongitudeDegrees",
            "AltitudeMeters",
            "HeartRateBpm",
            "Extensions",
        ):
            setattr(self, name, ns + name)


def parse_tcx(data: bytes, *, now: datetime | None = None, sport: sports.Verdict | None = None):
    """[ParsedActivity | SkippedActivity] for one TCX file; ImportRefused otherwise.

    `sport` overrides the file's own when the file holds one activity.
    """
    safety.check_size(data, safety.MAX_XML_BYTES, "TCX file")
    root = safety.parse_xml(data)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise ImportRefused("The file is XML but not TCX (its root is not TrainingCenterDatabase).")
    n = _Names(root.tag)
    activities = [a for group in root.iter(n.Activities) for a in group.iter(n.Activity)]
    if not activities:
        if root.find(n.Courses) is not None:
            raise ImportRefused("The TCX file holds a course (a planned route), not an activity.")
        raise ImportRefused("The TCX file holds no activity.")
    digest = sha256(data)
    results = []
    for index, activity in enumerate(activities):
        override = sport if len(activities) == 1 else None
        results.append(_activity(activity, n, digest, len(activities), index, now, override))
    return results


def _activity(activity, n: _Names, digest: str, how_many: int, index: int, now, override):
    """One <Activity>: its laps' device totals, then its track for what the laps leave out."""
    verdict = override or sports.from_tcx_sport(activity.get("Sport"))
    activity_id = (activity.findtext(n.Id) or "").strip()
    laps = activity.findall(n.Lap)
    start = parse_time(laps[0].get("StartTime")) if laps else None
    start = start or parse_time(activity_id)
    totals = lap_totals(laps, n)
    points, times, breaks = _trackpoints(laps, n)
    stats = _track_stats(points, times, breaks, n)
    acc = stats.track

    if start is None and acc.first_time is not None:
        start = datetime.fromtimestamp(acc.first_time, UTC)
    external_id = f"tcx:{activity_id}" if activity_id else ""
    if how_many > 1 and external_id:
        external_id = f"{external_id}#{index + 1}"
    if verdict.sport is None:
        return SkippedActivity(sport=verdict.label, start=start, external_id=external_id)
    if start is None:
        raise ImportRefused("The TCX activity has no start time.")

    ends = [t for t in (acc.last_time, totals.end) if t is not None]
    gain, loss = acc.elevation()
    return build_activity(
        start=start,
        distance_m=totals.metres or acc.device_distance_m or acc.gps_distance_m,
        moving_s=totals.seconds or acc.moving_s,
        elapsed_s=max(ends) - start.timestamp() if ends else None,
        source_format="tcx",
        sport=verdict.sport,
        sport_named=verdict.named,
        elevation_gain_m=gain,
        elevation_loss_m=loss,
        temperature_c=stats.temperature,
        # The device's lap averages, weighted by the laps' times, win over the points'.
        avg_heart_rate=_first(totals.heart_rate, stats.heart_rate),
        avg_cadence_spm=(
            track.running_cadence_spm(totals.strides, strides=True)
            if totals.strides is not None
            else stats.cadence_spm
        ),
        external_id=external_id,
        content_sha256=digest,
        points=acc.points,
        warnings=stats.warnings,
        now=now,
    )


def _first(*values):
    return next((v for v in values if v is not None), None)


@dataclass
class LapTotals:
    """What the laps' own figures add up to: the device's timer and distance."""

    seconds: float = 0.0  # TotalTimeSeconds: the timer, which stops on pause
    metres: float = 0.0  # DistanceMeters: GPS, foot pod or treadmill, as the device measured
    end: float | None = None  # the latest lap's start + its time, POSIX seconds
    heart_rate: float | None = None  # AverageHeartRateBpm, weighted by each lap's time
    strides: float | None = None  # AvgRunCadence (strides a minute), weighted the same way


def lap_totals(laps, n: _Names) -> LapTotals:
    """Sum the laps' totals. A lap without a positive time adds nothing but its distance: its
    averages have no time to weigh them by, and it does not end anywhere known."""
    totals = LapTotals()
    hr = _Weighted()
    cadence = _Weighted()
    for lap in laps:
        seconds = _float(lap.findtext(n.TotalTimeSeconds))
        metres = _float(lap.findtext(n.DistanceMeters))
        if seconds and seconds > 0:
            totals.seconds += seconds
            lap_start = parse_time(lap.get("StartTime"))
            if lap_start is not None:
                end = lap_start.timestamp() + seconds
                totals.end = end if totals.end is None or end > totals.end else totals.end
            hr.add(_float(lap.findtext(f"{n.AverageHeartRateBpm}/{n.Value}")), seconds)
            for element in lap.iter():
                if _local(element.tag) == "AvgRunCadence":  # in Garmin's LX extension
                    cadence.add(_float(element.text), seconds)
        if metres and metres > 0:
            totals.metres += metres
    totals.heart_rate = hr.mean()
    totals.strides = cadence.mean()
    return totals


class _Weighted:
    """A time-weighted mean of lap averages; a zero or missing average is left out."""

    def __init__(self):
        self.total = self.seconds = 0.0

    def add(self, value: float | None, seconds: float) -> None:
        if value:
            self.total += value * seconds
            self.seconds += seconds

    def mean(self) -> float | None:
        return self.total / self.seconds if self.seconds else None


def _trackpoints(laps, n: _Names):
    """Every <Trackpoint> of the laps in order, its time as POSIX seconds (or None), and the
    indexes where a <Track> starts (no distance or moving time is counted across them)."""
    points = []
    times: list[float | None] = []
    breaks = set()
    for lap in laps:
        for segment in lap.iter(n.Track):
            breaks.add(len(points))
            for point in segment.iter(n.Trackpoint):
                moment = parse_time(point.findtext(n.Time))
                points.append(point)
                times.append(moment.timestamp() if moment else None)
    return points, times, breaks


@dataclass
class TrackStats:
    """What the track points add up to."""

    track: track.Track
    heart_rate: float | None
    cadence_spm: float | None  # steps a minute
    temperature: float | None
    warnings: list[str]


def _track_stats(points, times, breaks, n: _Names) -> TrackStats:
    """Feed the points, in time order, to a `track.Track`, and average their extras."""
    keep = track.in_time_order(times)
    warnings = []
    if keep is not None:
        warnings.append(track.dropped_warning(keep.count(False)))
    acc = track.Track()
    sums = [0.0, 0.0, 0.0]  # heart rate, cadence, temperature
    counts = [0, 0, 0]
    stride_cadence = False  # a RunCadence anywhere: the cadence is in strides a minute
    for i, point in enumerate(points):
        if i in breaks:
            acc.new_segment()
        if keep is not None and not keep[i]:
            continue
        position = point.find(n.Position)
        lat = lon = None
        if position is not None:
            lat = _float(position.findtext(n.LatitudeDegrees))
            lon = _float(position.findtext(n.LongitudeDegrees))
        acc.add(
            lat,
            lon,
            times[i],
            _float(point.findtext(n.AltitudeMeters)),
            _float(point.findtext(n.DistanceMeters)),
        )
        hr, cadence, strides, temperatures = point_extras(point, n)
        stride_cadence = stride_cadence or strides
        for kind, value in enumerate((hr, cadence)):
            if value:  # 0 is a sensor that lost contact, not a reading
                sums[kind] += value
                counts[kind] += 1
        for value in temperatures:  # 0 °C is a reading
            sums[2] += value
            counts[2] += 1
    return TrackStats(
        track=acc,
        heart_rate=track.mean(sums[0], counts[0]),
        cadence_spm=track.running_cadence_spm(
            track.mean(sums[1], counts[1]), strides=True if stride_cadence else None
        ),
        temperature=track.mean(sums[2], counts[2]),
        warnings=warnings,
    )


def point_extras(point, n: _Names):
    """(heart rate, cadence, whether that cadence is RunCadence, [temperatures]) of a
    Trackpoint.

    The plain <Cadence> (a bike's, or a foot pod's) gives way to Garmin's RunCadence in the
    ActivityExtension; a temperature is any extension element named like one (as in GPX), and
    each one counts in the average.
    """
    hr = _float(point.findtext(f"{n.HeartRateBpm}/{n.Value}"))
    cadence = _float(point.findtext(n.Cadence))
    strides = False
    temperatures = []
    extensions = point.find(n.Extensions)
    if extensions is not None:
        for element in extensions.iter():
            if _local(element.tag) == "RunCadence":
                cadence = _float(element.text)
                strides = True
            elif gpx.extension_kind(element.tag) == 2:
                value = _float(element.text)
                if value is not None:
                    temperatures.append(value)
    return hr, cadence, strides, temperatures

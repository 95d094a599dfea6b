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
    verdict = override or sports.from_tcx_sport(activity.get("Sport"))
    activity_id = (activity.findtext(n.Id) or "").strip()
    laps = activity.findall(n.Lap)
    start = parse_time(laps[0].get("StartTime")) if laps else None
    start = start or parse_time(activity_id)

    acc = track.Track()
    lap_time = lap_distance = 0.0
    lap_hr_weighted = lap_hr_time = 0.0
    lap_cad_weighted = lap_cad_time = 0.0
    lap_end = None
    sums = [0.0, 0.0, 0.0]  # heart rate, cadence, temperature from the track points
    counts = [0, 0, 0]
    stride_cadence = False  # RunCadence: strides per minute
    trackpoints = []  # every <Trackpoint>, in order, its time, and where a <Track> starts
    times: list[float | None] = []
    breaks = set()
    for lap in laps:
        seconds = _float(lap.findtext(n.TotalTimeSeconds))
        metres = _float(lap.findtext(n.DistanceMeters))
        if seconds and seconds > 0:
            lap_time += seconds
            lap_start = parse_time(lap.get("StartTime"))
            if lap_start is not None:
                end = lap_start.timestamp() + seconds
                lap_end = end if lap_end is None or end > lap_end else lap_end
            hr = _float(lap.findtext(f"{n.AverageHeartRateBpm}/{n.Value}"))
            if hr:
                lap_hr_weighted += hr * seconds
                lap_hr_time += seconds
            for element in lap.iter():
                if _local(element.tag) == "AvgRunCadence":
                    cadence = _float(element.text)
                    if cadence:
                        lap_cad_weighted += cadence * seconds
                        lap_cad_time += seconds
        if metres and metres > 0:
            lap_distance += metres
        for segment in lap.iter(n.Track):
            breaks.add(len(trackpoints))
            for point in segment.iter(n.Trackpoint):
                moment = parse_time(point.findtext(n.Time))
                trackpoints.append(point)
                times.append(moment.timestamp() if moment else None)

    keep = track.in_time_order(times)
    warnings = []
    if keep is not None:
        warnings.append(track.dropped_warning(keep.count(False)))
    for i, point in enumerate(trackpoints):
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
        hr = _float(point.findtext(f"{n.HeartRateBpm}/{n.Value}"))
        if hr:
            sums[0] += hr
            counts[0] += 1
        cadence = _float(point.findtext(n.Cadence))
        extensions = point.find(n.Extensions)
        if extensions is not None:
            for element in extensions.iter():
                name = _local(element.tag)
                if name == "RunCadence":
                    cadence = _float(element.text)
                    stride_cadence = True
                elif gpx.extension_kind(element.tag) == 2:
                    value = _float(element.text)
                    if value is not None:
                        sums[2] += value
                        counts[2] += 1
        if cadence:
            sums[1] += cadence
            counts[1] += 1

    if start is None and acc.first_time is not None:
        start = datetime.fromtimestamp(acc.first_time, UTC)
    external_id = f"tcx:{activity_id}" if activity_id else ""
    if how_many > 1 and external_id:
        external_id = f"{external_id}#{index + 1}"
    if verdict.sport is None:
        return SkippedActivity(sport=verdict.label, start=start, external_id=external_id)
    if start is None:
        raise ImportRefused("The TCX activity has no start time.")

    distance = lap_distance or acc.device_distance_m or acc.gps_distance_m
    moving = lap_time or acc.moving_s
    ends = [t for t in (acc.last_time, lap_end) if t is not None]
    elapsed = max(ends) - start.timestamp() if ends else None
    gain, loss = acc.elevation()
    heart_rate = track.mean(sums[0], counts[0])
    if lap_hr_time:  # the device's lap averages, weighted by the laps' times
        heart_rate = lap_hr_weighted / lap_hr_time
    if lap_cad_time:
        cadence = track.running_cadence_spm(lap_cad_weighted / lap_cad_time, strides=True)
    else:
        cadence = track.running_cadence_spm(
            track.mean(sums[1], counts[1]), strides=True if stride_cadence else None
        )
    return build_activity(
        start=start,
        distance_m=distance,
        moving_s=moving,
        elapsed_s=elapsed,
        source_format="tcx",
        sport=verdict.sport,
        sport_named=verdict.named,
        elevation_gain_m=gain,
        elevation_loss_m=loss,
        temperature_c=track.mean(sums[2], counts[2]),
        avg_heart_rate=heart_rate,
        avg_cadence_spm=cadence,
        external_id=external_id,
        content_sha256=digest,
        points=acc.points,
        warnings=warnings,
        now=now,
    )

"""GPX: gpxpy builds the track, from XML that defusedxml has already parsed.

gpxpy parses with the standard library's XML parser, which defusedxml exists to replace. So
`load` does what `gpxpy.parse` does (the same namespace clean-up, then gpxpy's own
`gpx_fields_from_xml` on the root) with one difference: the root comes from
`safety.parse_xml` (defusedxml, DTDs forbidden). The XML is parsed once, and gpxpy's own
parser never sees the file.

One GPX file is one activity: all its tracks and segments in order (no distance or moving
time is counted across a gap between segments). Times without a zone are UTC, as GPX says.
Points whose time goes back are left out (see `track.in_time_order`), with a warning.
Heart rate, cadence and temperature come from Garmin's TrackPointExtension (gpxtpx:hr, cad,
atemp) and the like-named elements other writers use.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from gpxpy import gpx as gpx_model
from gpxpy import gpxfield

from . import safety, sports, track
from .activity import ImportRefused, SkippedActivity, build_activity, sha256

_DEFAULT_NS = re.compile(r"""\sxmlns=(['"])[^'"]+\1""")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")

# Extension elements by local name, lower-cased: heart rate, cadence, temperature.
_EXTENSION_KINDS = {
    "hr": 0,
    "heartrate": 0,
    "heart_rate": 0,
    "cad": 1,
    "cadence": 1,
    "runcadence": 1,
    "atemp": 2,
    "temp": 2,
    "temperature": 2,
}


def extension_kind(tag) -> int:
    """0 heart rate, 1 cadence, 2 temperature, -1 anything else (by local name)."""
    if not isinstance(tag, str):  # a comment or processing instruction
        return -1
    return _EXTENSION_KINDS.get(tag.rpartition("}")[2].lower(), -1)


def decode_xml_text(data: bytes) -> str:
    """The document as text, in the encoding its declaration names (UTF-8 by default)."""
    match = _ENCODING.match(data[:200])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except (LookupError, UnicodeDecodeError):
        raise ImportRefused(f"The file is not valid {encoding} text.") from None


def load(data: bytes) -> gpx_model.GPX:
    """A gpxpy GPX object, built from a defused parse (see the module's docstring)."""
    safety.check_size(data, safety.MAX_XML_BYTES, "GPX file")
    text = decode_xml_text(data)
    # As gpxpy.parser.GPXParser.parse: drop the default namespace so that gpxpy's field
    # definitions (plain tag names) find the elements.
    text = _DEFAULT_NS.sub("", text, count=1)
    root = safety.parse_xml(text)
    if root.tag.rpartition("}")[2] != "gpx":
        raise ImportRefused("The file is XML but not GPX (its root is not <gpx>).")
    result = gpx_model.GPX()
    try:
        gpxfield.gpx_fields_from_xml(result, root, root.get("version"))
    except (gpx_model.GPXException, ValueError, TypeError, AttributeError) as error:
        raise ImportRefused(f"The GPX file is not valid ({error}).") from None
    return result


def parse_gpx(data: bytes, *, now: datetime | None = None, sport: sports.Verdict | None = None):
    """[ParsedActivity] or [SkippedActivity] for one GPX file; ImportRefused otherwise.

    `sport` overrides the file's own (a Strava export's activities.csv knows better).
    """
    document = load(data)
    label = ""
    for trk in document.tracks:
        if trk.type:
            label = trk.type
            break
    verdict = sport or sports.from_type_text(label)
    name = next((trk.name for trk in document.tracks if trk.name), "") or document.name or ""

    points, times, breaks = track_points(document)
    acc, (heart_rate, cadence, temperature), warnings = _read_points(points, times, breaks)
    if acc.points == 0:
        raise ImportRefused("The GPX file has no track points.")
    if acc.first_time is None:
        raise ImportRefused("The GPX track has no times, so its start and duration are unknown.")
    start = datetime.fromtimestamp(acc.first_time, UTC)
    if verdict.sport is None:
        return [SkippedActivity(sport=verdict.label, start=start)]
    gain, loss = acc.elevation()
    return [
        build_activity(
            start=start,
            distance_m=acc.gps_distance_m,
            moving_s=acc.moving_s,
            elapsed_s=acc.elapsed_s,
            source_format="gpx",
            sport=verdict.sport,
            sport_named=verdict.named,
            elevation_gain_m=gain,
            elevation_loss_m=loss,
            temperature_c=temperature,
            avg_heart_rate=heart_rate,
            avg_cadence_spm=track.running_cadence_spm(cadence),
            content_sha256=sha256(data),
            points=acc.points,
            name=name,
            warnings=warnings,
            now=now,
        )
    ]


def track_points(document: gpx_model.GPX):
    """Every track point in order, its time as POSIX seconds (None without one), and the
    indexes where a segment starts. A time without a zone is UTC, as GPX says."""
    points = []
    times: list[float | None] = []
    breaks = set()
    for trk in document.tracks:
        for segment in trk.segments:
            breaks.add(len(points))
            for point in segment.points:
                t = point.time
                if t is not None:
                    t = (t if t.tzinfo is not None else t.replace(tzinfo=UTC)).timestamp()
                points.append(point)
                times.append(t)
    return points, times, breaks


def _read_points(points, times, breaks):
    """(a `track.Track` fed the points in time order, (heart rate, cadence, temperature)
    averages from their extensions, [warnings])."""
    keep = track.in_time_order(times)
    warnings = []
    if keep is not None:
        warnings.append(track.dropped_warning(keep.count(False)))
    acc = track.Track()
    add = acc.add
    sums = [0.0, 0.0, 0.0]  # heart rate, cadence, temperature
    counts = [0, 0, 0]
    kinds = {}  # an extension element's tag -> 0, 1, 2 (as in `sums`) or -1, worked out once
    for i, point in enumerate(points):
        if i in breaks:
            acc.new_segment()
        if keep is not None and not keep[i]:
            continue
        add(point.latitude, point.longitude, times[i], point.elevation)
        if point.extensions:
            # The extension elements and their children: Garmin's TrackPointExtension wraps
            # hr/cad/atemp, other writers put them straight in <extensions>.
            for ext in point.extensions:
                for element in (ext, *ext):
                    kind = kinds.get(element.tag)
                    if kind is None:
                        kind = kinds[element.tag] = extension_kind(element.tag)
                    if kind >= 0:
                        value = _number(element.text)
                        if value is not None:
                            sums[kind] += value
                            counts[kind] += 1
    averages = tuple(track.mean(sums[i], counts[i]) for i in range(3))
    return acc, averages, warnings


def _number(text: str | None) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value else None  # not NaN

"""A run's route, elevation profile and splits, read from its stored original file.

Plain functions, no database: `points_of(format, data)` reads a GPX, TCX or FIT file (gzipped
or not) with the importers' safe entry points (defusedxml via `safety.parse_xml` and
`gpx.load`, Garmin's FIT SDK on the file's checked body, `safety.gunzip`), and gives its track
points in time order; `outline`, `profile` and `splits` turn them into what the run's page
draws: SVG `points` attributes fitted to a box (the route projected equirectangularly, x scaled
by the cosine of the mean latitude, north up) and a table of per-km or per-mile times.

Nothing is cached: the page reads the file each time, and caps what it draws (at most
`MAX_OUTLINE_POINTS` in the outline, `MAX_PROFILE_POINTS` in the profile). A file that cannot
be read raises `Unreadable`, and the page is shown without the route.
"""

from __future__ import annotations

from datetime import datetime
from math import asin, cos, radians, sin, sqrt
from typing import NamedTuple

from . import units
from .importers import fit, gpx, safety, tcx, track

MAX_OUTLINE_POINTS = 500
MAX_PROFILE_POINTS = 300
MAX_STORED_BYTES = safety.MAX_XML_BYTES  # what the page reads of a stored file, at most
MIN_REMAINDER_M = 10.0  # a last split shorter than this is GPS noise at the finish, not a split
_TWO_R = 2 * track.EARTH_RADIUS_M


class Unreadable(Exception):  # noqa: N818 - the name says what the file is
    """The stored file cannot be read (damaged, not what its format says, too large)."""


class Point(NamedTuple):
    lat: float | None
    lon: float | None
    ele: float | None
    seconds_from_start: float | None
    distance_m: float


class Split(NamedTuple):
    number: int  # 1, 2, ...
    distance_m: float  # a whole km or mile, or what is left at the end
    seconds: float
    pace_s: float  # seconds per km or per mile
    whole: bool  # False for the remainder at the end


class Profile(NamedTuple):
    points: str  # an SVG points attribute
    low_m: float
    high_m: float


# Reading.


def points_of(format: str, data: bytes) -> list[Point]:  # noqa: A002 - ActivityFile.format
    """The file's track points in time order; `Unreadable` when it cannot be read."""
    try:
        if data[:2] == b"\x1f\x8b":
            data = safety.gunzip(data)
        if format == "gpx":
            return _gpx(data)
        if format == "tcx":
            return _tcx(data)
        if format == "fit":
            return _fit(data)
    except Unreadable:
        raise
    except Exception as error:  # a damaged file raises what its parser likes
        raise Unreadable(str(error)) from None
    raise Unreadable(f"Unknown format {format!r}")


def _gpx(data: bytes) -> list[Point]:
    document = gpx.load(data)
    found, times, breaks = gpx.track_points(document)
    rows = [(p.latitude, p.longitude, p.elevation, None) for p in found]
    return _assemble(rows, times, breaks)


def _tcx(data: bytes) -> list[Point]:
    safety.check_size(data, safety.MAX_XML_BYTES, "TCX file")
    root = safety.parse_xml(data)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise Unreadable("not TCX")
    rows, times, breaks = [], [], set()
    for element in root.iter():
        name = _local(element.tag)
        if name == "Track":
            breaks.add(len(rows))
        elif name == "Trackpoint":
            values = {_local(child.tag): child for child in element}
            position = values.get("Position")
            lat = lon = None
            if position is not None:
                parts = {_local(child.tag): _float(child.text) for child in position}
                lat, lon = parts.get("LatitudeDegrees"), parts.get("LongitudeDegrees")
            moment = tcx.parse_time(_text(values.get("Time")))
            rows.append(
                (
                    lat,
                    lon,
                    _float(_text(values.get("AltitudeMeters"))),
                    _float(_text(values.get("DistanceMeters"))),
                )
            )
            times.append(moment.timestamp() if moment else None)
    return _assemble(rows, times, breaks)


def _fit(data: bytes) -> list[Point]:
    from garmin_fit_sdk import Decoder, Stream

    safety.check_size(data, safety.MAX_FIT_BYTES, "FIT file")
    if not fit.is_fit(data):
        raise Unreadable("not FIT")
    body, expected = fit.file_body(data)
    if len(body) < expected:
        raise Unreadable("the FIT file is cut short")
    decoder = Decoder(Stream.from_byte_array(bytearray(body)))
    if not decoder.check_integrity():
        raise Unreadable("the FIT file is damaged")
    decoder = Decoder(Stream.from_byte_array(bytearray(body)))
    messages, errors = decoder.read(merge_heart_rates=False, enable_crc_check=False)
    if errors:
        raise Unreadable("the FIT file is damaged")
    rows, times = [], []
    for record in messages.get("record_mesgs") or []:
        moment = record.get("timestamp")
        lat, lon = record.get("position_lat"), record.get("position_long")
        ele = _first(record.get("enhanced_altitude"), record.get("altitude"))
        rows.append(
            (
                lat * fit.SEMICIRCLE_DEGREES if _is_number(lat) else None,
                lon * fit.SEMICIRCLE_DEGREES if _is_number(lon) else None,
                float(ele) if _is_number(ele) else None,
                float(d) if _is_number(d := record.get("distance")) else None,
            )
        )
        times.append(moment.timestamp() if isinstance(moment, datetime) else None)
    return _assemble(rows, times, set())


def _assemble(rows, times, breaks) -> list[Point]:
    """Points in time order (points whose time goes back are left out, as the importers do),
    with their seconds from the first and their distance: the device's cumulative distance
    when every point has one, else great-circle within segments (none across a break)."""
    keep = track.in_time_order(times)
    kept = [
        (row, times[i], i in breaks)
        for i, row in enumerate(rows)
        if (keep is None or keep[i]) and not _bad_position(row)
    ]
    device = bool(kept) and all(row[3] is not None for row, _, _ in kept)
    first = next((t for _, t, _ in kept if t is not None), None)
    result = []
    total = 0.0
    previous = None  # the last point with a position, in this segment
    for (lat, lon, ele, dist), moment, starts_segment in kept:
        if starts_segment:
            previous = None
        if lat is not None and lon is not None:
            if previous is not None and not device:
                total += _metres(previous, (lat, lon))
            previous = (lat, lon)
        seconds = moment - first if moment is not None and first is not None else None
        distance = max(dist, result[-1].distance_m if result else 0.0) if device else total
        result.append(Point(lat, lon, ele, seconds, distance))
    return result


def _bad_position(row) -> bool:
    lat, lon = row[0], row[1]
    if lat is None or lon is None:
        return False
    return not (-90 <= lat <= 90 and -180 <= lon <= 180)


def _metres(a, b) -> float:
    phi1, phi2 = radians(a[0]), radians(b[0])
    h = sin((phi2 - phi1) / 2) ** 2 + cos(phi1) * cos(phi2) * sin(radians(b[1] - a[1]) / 2) ** 2
    return _TWO_R * asin(min(1.0, sqrt(h)))


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(element) -> str | None:
    return element.text if element is not None else None


def _float(text) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _is_number(value) -> bool:
    return isinstance(value, int | float) and value == value and abs(value) != float("inf")


def _first(*values):
    return next((v for v in values if v is not None), None)


# Drawing.


def _thin(items: list, most: int) -> list:
    """At most `most` of the items, evenly spaced, the first and the last kept."""
    if len(items) <= most:
        return items
    step = (len(items) - 1) / (most - 1)
    return [items[round(i * step)] for i in range(most)]


def _projected(points: list[Point]) -> list[tuple[float, float]]:
    placed = [(p.lat, p.lon) for p in points if p.lat is not None and p.lon is not None]
    if not placed:
        return []
    mean_lat = sum(lat for lat, _ in placed) / len(placed)
    scale = cos(radians(mean_lat))
    return [(lon * scale, -lat) for lat, lon in placed]  # x east, y down (north up)


def aspect(points: list[Point]) -> float | None:
    """Height over width of the route's outline (None without positions or extent)."""
    xy = _projected(points)
    if not xy:
        return None
    width = max(x for x, _ in xy) - min(x for x, _ in xy)
    height = max(y for _, y in xy) - min(y for _, y in xy)
    if width <= 0 and height <= 0:
        return None
    return height / width if width > 0 else float("inf")


def outline(points: list[Point], width: float, height: float, margin: float = 4.0) -> str:
    """The route as an SVG points attribute inside a width x height box (with `margin`),
    its shape kept (one scale for both axes) and centred; "" without positions."""
    xy = _thin(_projected(points), MAX_OUTLINE_POINTS)
    if not xy:
        return ""
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    left, top = min(xs), min(ys)
    extent_x, extent_y = max(xs) - left, max(ys) - top
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    candidates = [s for s in (inner_w / extent_x if extent_x else None,
                              inner_h / extent_y if extent_y else None) if s]  # fmt: skip
    scale = min(candidates) if candidates else 0.0
    offset_x = margin + (inner_w - extent_x * scale) / 2
    offset_y = margin + (inner_h - extent_y * scale) / 2
    return " ".join(
        f"{offset_x + (x - left) * scale:.1f},{offset_y + (y - top) * scale:.1f}" for x, y in xy
    )


def profile(points: list[Point], width: float, height: float) -> Profile | None:
    """Elevation over distance as an SVG points attribute filling the box, with the lowest
    and highest elevation; None when the file has no elevations (or no distance)."""
    rows = [(p.distance_m, p.ele) for p in points if p.ele is not None]
    if len(rows) < 2:
        return None
    start, end = rows[0][0], rows[-1][0]
    if end <= start:
        return None
    low = min(e for _, e in rows)
    high = max(e for _, e in rows)
    rise = high - low
    drawn = _thin(rows, MAX_PROFILE_POINTS)
    text = " ".join(
        f"{(d - start) / (end - start) * width:.1f},"
        f"{(height - (e - low) / rise * height) if rise else height / 2:.1f}"
        for d, e in drawn
    )
    return Profile(text, low, high)


# Splits.


def splits(points: list[Point], unit: str) -> list[Split]:
    """Time and pace of each whole km (or mile: `unit` is units.KM or units.MI) and of what
    is left at the end; [] without times. The time at a boundary is interpolated between the
    points either side of it."""
    timed = [
        (p.distance_m, p.seconds_from_start) for p in points if p.seconds_from_start is not None
    ]
    if len(timed) < 2:
        return []
    length = units.to_metres(1, unit)
    result: list[Split] = []
    start_d, start_t = timed[0]
    mark_d, mark_t = start_d, start_t
    boundary = start_d + length
    previous = timed[0]
    for d, t in timed[1:]:
        while d >= boundary:
            pd, pt = previous
            fraction = (boundary - pd) / (d - pd) if d > pd else 1.0
            at = pt + (t - pt) * fraction
            result.append(Split(len(result) + 1, length, at - mark_t, at - mark_t, True))
            mark_d, mark_t = boundary, at
            boundary += length
        previous = (d, t)
    last_d, last_t = timed[-1]
    left = last_d - mark_d
    if left >= MIN_REMAINDER_M:
        seconds = last_t - mark_t
        result.append(Split(len(result) + 1, left, seconds, seconds * length / left, False))
    return result

"""Activity files the importer tests make themselves: GPX, TCX, FIT (written with fit-tool)
and Strava bulk export zips. Nothing here reads a file from disk or the network.

A route is a list of `Point`s going north (or on any bearing) from Greenwich Park at an easy
running pace; its elevation profile, noise, heart rate, cadence and temperature are options.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fit_tool.base_type import BaseType
from fit_tool.developer_field import DeveloperField
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.developer_data_id_message import DeveloperDataIdMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.field_description_message import FieldDescriptionMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import (
    Event,
    EventType,
    FileType,
    Manufacturer,
    Sport,
    SubSport,
)
from fit_tool.utils.crc import crc16

START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
METRES_PER_DEGREE_LAT = 111_195.0
TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"


@dataclass
class Point:
    lat: float | None
    lon: float | None
    time: datetime | None
    ele: float | None = None
    dist: float = 0.0  # cumulative metres, as a device writes it
    hr: int | None = None
    cad: int | None = None  # strides per minute, as Garmin writes running cadence
    temp: float | None = None


# Elevation profiles: fraction of the route (0..1) -> metres.
def flat(height: float = 50.0) -> Callable[[float], float]:
    return lambda f: height


def climb(metres: float, base: float = 20.0) -> Callable[[float], float]:
    return lambda f: base + metres * f


def descent(metres: float, base: float = 20.0) -> Callable[[float], float]:
    return lambda f: base + metres * (1 - f)


def waves(amplitude: float, count: int, base: float = 100.0) -> Callable[[float], float]:
    """Hills: `count` climbs (and descents) of 2 x amplitude each."""
    return lambda f: base - amplitude * math.cos(2 * math.pi * count * f)


def route(
    points: int = 601,
    *,
    step_m: float = 3.0,
    interval_s: float = 1.0,
    start: datetime = START,
    elevation: Callable[[float], float] | None = None,
    noise_m: float = 0.0,
    seed: int = 7,
    hr: int | None = None,
    cad: int | None = None,
    temp: float | None = None,
    gps: bool = True,
    pause_at: int | None = None,
    pause_s: float = 0.0,
    bearing: float = 0.0,
) -> list[Point]:
    """A straight route north (or `bearing` degrees clockwise from north: 90 runs east),
    `step_m` metres every `interval_s` seconds.

    `noise_m` adds uniform ±noise to the elevation; `pause_at` inserts a standstill of
    `pause_s` seconds (no distance) before that point; `gps=False` leaves out positions.
    """
    rng = random.Random(seed)
    result = []
    north = step_m * math.cos(math.radians(bearing)) if bearing else step_m
    east = step_m * math.sin(math.radians(bearing)) if bearing else 0.0
    metres_per_degree_lon = METRES_PER_DEGREE_LAT * math.cos(math.radians(51.4769))
    moment = start
    for i in range(points):
        if pause_at is not None and i == pause_at:
            moment += timedelta(seconds=pause_s)
        fraction = i / max(points - 1, 1)
        ele = None
        if elevation is not None:
            ele = elevation(fraction) + (rng.uniform(-noise_m, noise_m) if noise_m else 0.0)
        result.append(
            Point(
                lat=51.4769 + i * north / METRES_PER_DEGREE_LAT if gps else None,
                lon=-0.0005 + i * east / metres_per_degree_lon if gps else None,
                time=moment,
                ele=ele,
                dist=i * step_m,
                hr=hr,
                cad=cad,
                temp=temp,
            )
        )
        moment += timedelta(seconds=interval_s)
    return result


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------
# GPX


def gpx_text(
    points: list[Point],
    *,
    sport_type: str | None = None,
    name: str = "Morning Run",
    version: str = "1.1",
    segments: int = 1,
    naive_times: bool = False,
    doctype: str = "",
    flat_extensions: bool = False,
) -> str:
    """A GPX 1.1 (or 1.0) document with one track of `segments` segments.

    Heart rate, cadence and temperature go in Garmin's TrackPointExtension (or, with
    `flat_extensions`, as plain <hr>/<cad>/<atemp> children of <extensions>).
    """
    namespace = f"http://www.topografix.com/GPX/{version.replace('.', '/')}"
    first_time = points[0].time if points else None
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        doctype,
        f'<gpx version="{version}" creator="legache tests" xmlns="{namespace}" '
        f'xmlns:gpxtpx="{TPX_NS}">\n',
        f"<metadata><time>{_iso(first_time) if first_time else ''}</time></metadata>\n"
        if version == "1.1"
        else "",
        f"<trk><name>{name}</name>",
        f"<type>{sport_type}</type>" if sport_type is not None else "",
        "\n<trkseg>\n",
    ]
    per_segment = max(1, math.ceil(len(points) / segments))
    for i, p in enumerate(points):
        if i and i % per_segment == 0:
            parts.append("</trkseg>\n<trkseg>\n")
        parts.append(f'<trkpt lat="{p.lat:.7f}" lon="{p.lon:.7f}">')
        if p.ele is not None:
            parts.append(f"<ele>{p.ele:.2f}</ele>")
        if p.time is not None:
            stamp = p.time.strftime("%Y-%m-%dT%H:%M:%S") if naive_times else _iso(p.time)
            parts.append(f"<time>{stamp}</time>")
        values = [("hr", p.hr), ("cad", p.cad), ("atemp", p.temp)]
        if any(v is not None for _, v in values):
            if flat_extensions:
                inner = "".join(f"<{k}>{v}</{k}>" for k, v in values if v is not None)
                parts.append(f"<extensions>{inner}</extensions>")
            else:
                inner = "".join(f"<gpxtpx:{k}>{v}</gpxtpx:{k}>" for k, v in values if v is not None)
                parts.append(
                    "<extensions><gpxtpx:TrackPointExtension>"
                    f"{inner}</gpxtpx:TrackPointExtension></extensions>"
                )
        parts.append("</trkpt>\n")
    parts.append("</trkseg></trk>\n</gpx>\n")
    return "".join(parts)


def gpx_bytes(points: list[Point], **options) -> bytes:
    return gpx_text(points, **options).encode()


# ---------------------------------------------------------------------------------------------
# TCX


def tcx_activity(
    points: list[Point],
    *,
    sport: str = "Running",
    activity_id: str | None = None,
    laps: int = 1,
    lap_distance_m: float | list[float] | None = None,
    lap_time_s: float | list[float] | None = None,
    lap_hr: int | list[int] | None = None,
    lap_cadence: float | list[float] | None = None,
    positions: bool = True,
    run_cadence: bool = True,
    trackpoints: bool = True,
) -> str:
    """One <Activity>: `laps` laps splitting the points, with lap totals from the points
    unless `lap_distance_m` / `lap_time_s` say otherwise (one value for every lap, or a list
    with one per lap); `lap_hr` and `lap_cadence` (AvgRunCadence, strides) the same way."""
    first = points[0].time
    activity_id = activity_id if activity_id is not None else _iso(first)
    parts = [f'<Activity Sport="{sport}"><Id>{activity_id}</Id>']
    per_lap = max(1, math.ceil(len(points) / laps))
    for k in range(laps):
        chunk = points[k * per_lap : (k + 1) * per_lap]
        if not chunk:
            break
        seconds = _per_lap(lap_time_s, k)
        if seconds is None:
            seconds = (chunk[-1].time - chunk[0].time).total_seconds() + 1
        metres = _per_lap(lap_distance_m, k)
        if metres is None:
            metres = chunk[-1].dist - chunk[0].dist + 3
        parts.append(
            f'<Lap StartTime="{_iso(chunk[0].time)}"><TotalTimeSeconds>{seconds:.1f}'
            f"</TotalTimeSeconds><DistanceMeters>{metres:.1f}</DistanceMeters>"
            "<Calories>0</Calories>"
        )
        hr = _per_lap(lap_hr, k)
        if hr is not None:
            parts.append(f"<AverageHeartRateBpm><Value>{hr}</Value></AverageHeartRateBpm>")
        parts.append("<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>")
        for p in chunk if trackpoints else ():
            parts.append(f"<Trackpoint><Time>{_iso(p.time)}</Time>")
            if positions and p.lat is not None:
                parts.append(
                    f"<Position><LatitudeDegrees>{p.lat:.7f}</LatitudeDegrees>"
                    f"<LongitudeDegrees>{p.lon:.7f}</LongitudeDegrees></Position>"
                )
            if p.ele is not None:
                parts.append(f"<AltitudeMeters>{p.ele:.2f}</AltitudeMeters>")
            parts.append(f"<DistanceMeters>{p.dist:.1f}</DistanceMeters>")
            if p.hr is not None:
                parts.append(f"<HeartRateBpm><Value>{p.hr}</Value></HeartRateBpm>")
            if p.cad is not None or p.temp is not None:
                ext = ""
                if p.cad is not None and run_cadence:
                    ext += f"<RunCadence>{p.cad}</RunCadence>"
                if p.temp is not None:
                    ext += f"<Temperature>{p.temp}</Temperature>"
                parts.append(f'<Extensions><TPX xmlns="{AX_NS}">{ext}</TPX></Extensions>')
                if p.cad is not None and not run_cadence:
                    parts.append(f"<Cadence>{p.cad}</Cadence>")
            parts.append("</Trackpoint>")
        parts.append("</Track>")
        cadence = _per_lap(lap_cadence, k)
        if cadence is not None:
            parts.append(
                f'<Extensions><LX xmlns="{AX_NS}"><AvgRunCadence>{cadence}</AvgRunCadence>'
                "</LX></Extensions>"
            )
        parts.append("</Lap>")
    parts.append("</Activity>")
    return "".join(parts)


def _per_lap(value, k: int):
    return value[k] if isinstance(value, list) else value


def tcx_text(*activities: str, courses: bool = False, doctype: str = "") -> str:
    body = (
        f"<Activities>{''.join(activities)}</Activities>"
        if not courses
        else "<Courses><Course><Name>Loop</Name></Course></Courses>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{doctype}"
        f'<TrainingCenterDatabase xmlns="{TCX_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}</TrainingCenterDatabase>\n"
    )


def tcx_bytes(points: list[Point], **options) -> bytes:
    return tcx_text(tcx_activity(points, **options)).encode()


# ---------------------------------------------------------------------------------------------
# FIT (fit-tool writes; the importer reads with Garmin's SDK)


def _millis(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def fit_messages(
    points: list[Point] | None = None,
    *,
    sport: Sport = Sport.RUNNING,
    sub_sport: SubSport = SubSport.GENERIC,
    serial: int | None = 3_912_345_678,
    time_created: datetime | None = START,
    file_type: FileType = FileType.ACTIVITY,
    session: bool = True,
    session_fields: dict | None = None,
    developer_fields: bool = False,
    redefine: bool = False,
    record_distance: bool = True,
    altitude_field: str = "enhanced_altitude",
) -> list:
    """The messages of an activity file, in the order a watch writes them.

    `session_fields` overrides (or, with None, leaves out) the session's summary fields, which
    default to what the points add up to. `redefine` interleaves events among the records and
    drops a field halfway, so local message 0 is redefined mid-file again and again.
    `record_distance=False` leaves the device's cumulative distance out of the records;
    `altitude_field` is where the records' altitude goes ("altitude" for older devices).
    """
    points = points if points is not None else route()
    messages = []
    file_id = FileIdMessage()
    file_id.type = file_type
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 3113
    if serial is not None:
        file_id.serial_number = serial
    if time_created is not None:
        file_id.time_created = _millis(time_created)
    messages.append(file_id)
    dev_field = None
    if developer_fields:
        developer = DeveloperDataIdMessage()
        developer.application_id = b"0123456789abcdef"
        developer.developer_data_index = 0
        description = FieldDescriptionMessage()
        description.developer_data_index = 0
        description.field_definition_number = 0
        description.fit_base_type_id = BaseType.UINT16
        description.field_name = "Stryd power"
        description.units = "W"
        messages += [developer, description]
        dev_field = True
    start_event = EventMessage()
    start_event.event = Event.TIMER
    start_event.event_type = EventType.START
    start_event.timestamp = _millis(points[0].time)
    messages.append(start_event)
    for i, p in enumerate(points):
        fields = []
        if dev_field:
            power = DeveloperField(
                developer_data_index=0, field_id=0, size=2, base_type=BaseType.UINT16
            )
            power.set_value(0, 250 + i % 20)
            fields.append(power)
        record = RecordMessage(developer_fields=fields) if fields else RecordMessage()
        record.timestamp = _millis(p.time)
        if p.lat is not None:
            record.position_lat = p.lat
            record.position_long = p.lon
        if record_distance:
            record.distance = p.dist
        if p.ele is not None:
            setattr(record, altitude_field, p.ele)
        if p.hr is not None:
            record.heart_rate = p.hr
        if p.cad is not None:
            record.cadence = p.cad
        if p.temp is not None and not (redefine and i > len(points) // 2):
            record.temperature = round(p.temp)
        messages.append(record)
        if redefine and i % 50 == 25:
            marker = EventMessage()
            marker.event = Event.TIMER
            marker.event_type = EventType.MARKER
            marker.timestamp = _millis(p.time)
            messages.append(marker)
    end = points[-1].time
    elapsed = (end - points[0].time).total_seconds()
    stop_event = EventMessage()
    stop_event.event = Event.TIMER
    stop_event.event_type = EventType.STOP_ALL
    stop_event.timestamp = _millis(end)
    messages.append(stop_event)
    summary = {
        "start_time": _millis(points[0].time),
        "total_elapsed_time": elapsed,
        "total_timer_time": elapsed,
        "total_distance": points[-1].dist,
        "sport": sport,
        "sub_sport": sub_sport,
    }
    elevations = [p.ele for p in points if p.ele is not None]
    if elevations:
        rises = [b - a for a, b in zip(elevations, elevations[1:], strict=False)]
        summary["total_ascent"] = round(sum(r for r in rises if r > 0))
        summary["total_descent"] = round(-sum(r for r in rises if r < 0))
    if points[0].hr is not None:
        summary["avg_heart_rate"] = points[0].hr
    if points[0].cad is not None:
        summary["avg_running_cadence"] = points[0].cad
    if points[0].temp is not None:
        summary["avg_temperature"] = round(points[0].temp)
    summary.update(session_fields or {})
    lap = LapMessage()
    lap.timestamp = _millis(end)
    lap.start_time = _millis(points[0].time)
    lap.total_elapsed_time = elapsed
    lap.total_timer_time = elapsed
    lap.total_distance = points[-1].dist
    messages.append(lap)
    if session:
        message = SessionMessage()
        message.timestamp = _millis(end)
        for key, value in summary.items():
            if value is not None:
                setattr(message, key, value)
        messages.append(message)
    activity = ActivityMessage()
    activity.timestamp = _millis(end)
    activity.num_sessions = 1 if session else 0
    messages.append(activity)
    return messages


def session_message(points: list[Point], **fields) -> SessionMessage:
    """A session summary of these points (for a file of several sessions); `fields` add to
    or (None) leave out its figures."""
    message = SessionMessage()
    elapsed = (points[-1].time - points[0].time).total_seconds()
    summary = {
        "timestamp": _millis(points[-1].time),
        "start_time": _millis(points[0].time),
        "total_elapsed_time": elapsed,
        "total_timer_time": elapsed,
        "total_distance": points[-1].dist - points[0].dist,
        "sport": Sport.RUNNING,
        "sub_sport": SubSport.GENERIC,
        **fields,
    }
    for key, value in summary.items():
        if value is not None:
            setattr(message, key, value)
    return message


def fit_body(messages: list) -> bytes:
    """The records (definitions and data) fit-tool writes for these messages."""
    builder = FitFileBuilder(auto_define=True, min_string_size=16)
    builder.add_all(messages)
    return b"".join(record.to_bytes() for record in builder.records)


def frame_fit(body: bytes) -> bytes:
    """A 14-byte header (with its CRC) + body + the file's CRC."""
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", crc16(header))
    return header + body + struct.pack("<H", crc16(header + body))


_FIT_FILES: dict[str, bytes] = {}


def fit_bytes(points: list[Point] | None = None, **options) -> bytes:
    """A whole FIT file. fit-tool is slow, so each distinct file is built once per process
    (the mutation run, `tests/mutation.py`, runs the same tests hundreds of times)."""
    key = repr((points, sorted(options.items())))
    if key not in _FIT_FILES:
        _FIT_FILES[key] = frame_fit(fit_body(fit_messages(points, **options)))
    return _FIT_FILES[key]


def compressed_timestamp_records() -> bytes:
    """A definition of local message 3 (record: heart_rate only) and one data record with a
    compressed-timestamp header, as some devices write."""
    definition = bytes([0x40 | 3, 0, 0]) + struct.pack("<HB", 20, 1) + bytes([3, 1, 0x02])
    return definition + bytes([0x80 | (3 << 5) | 5, 140])


# ---------------------------------------------------------------------------------------------
# gzip and zip


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


ENGLISH_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Average Heart Rate", "Average Temperature", "Perceived Exertion",
]  # fmt: skip
GERMAN_HEADER = [
    "Aktivitäts-ID", "Aktivitätsdatum", "Name der Aktivität", "Aktivitätsart",
    "Beschreibung der Aktivität", "Verstrichene Zeit", "Distanz", "Max. Herzfrequenz",
    "Relative Leistung", "Pendeln", "Private Notiz zur Aktivität", "Aktivitätsausrüstung",
    "Dateiname", "Gewicht des Athleten", "Fahrradgewicht", "Verstrichene Zeit",
    "Bewegungszeit", "Distanz", "Höchstgeschw.", "Durchschnittliche Geschwindigkeit",
    "Höhenzunahme", "Höhenverlust", "Durchschnittliche Herzfrequenz",
    "Durchschnittliche Temperatur", "Wahrgenommene Anstrengung",
]  # fmt: skip


@dataclass
class StravaRow:
    """One activity in activities.csv (all values as Strava would write them)."""

    activity_id: str
    start: datetime
    activity_type: str = "Run"
    name: str = "Morning Run"
    filename: str = ""
    distance_m: float = 0.0
    elapsed_s: float = 0.0
    moving_s: float | None = None
    gain: float | None = None
    rpe: int | None = None


def _english_date(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M:%S} {suffix}"


def _german_date(moment: datetime) -> str:
    return f"{moment:%d.%m.%Y, %H:%M:%S}"


def activities_csv(
    rows: list[StravaRow],
    *,
    language: str = "en",
    drop: tuple[str | int, ...] = (),
    rename: dict[str, str] | None = None,
    extra_columns: tuple[str, ...] = (),
    date_offset: timedelta = timedelta(0),
) -> bytes:
    """activities.csv in Strava's layout (English or German), with columns dropped (by their
    English name, or their index for one of a repeated pair), renamed (English name -> new
    header) or added; dates shifted by `date_offset` (Strava writes UTC)."""
    english = ENGLISH_HEADER
    header = list(GERMAN_HEADER if language == "de" else ENGLISH_HEADER)
    rename = rename or {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    keep = [i for i, title in enumerate(english) if title not in drop and i not in drop]
    titles = [rename.get(english[i], header[i]) for i in keep] + list(extra_columns)
    writer.writerow(titles)
    for row in rows:
        moment = row.start + date_offset
        km = row.distance_m / 1000
        if language == "de":
            date, km_text = _german_date(moment), f"{km:.2f}".replace(".", ",")
        else:
            date, km_text = _english_date(moment), f"{km:.2f}"
        values = {
            0: row.activity_id,
            1: date,
            2: row.name,
            3: row.activity_type,
            5: str(round(row.elapsed_s)),
            6: km_text,
            12: row.filename,
            15: f"{row.elapsed_s:.1f}",
            16: f"{row.moving_s if row.moving_s is not None else row.elapsed_s:.1f}",
            17: f"{row.distance_m:.1f}",
            20: f"{row.gain:.1f}" if row.gain is not None else "",
            24: str(row.rpe) if row.rpe is not None else "",
        }
        writer.writerow([values.get(i, "") for i in keep] + ["x"] * len(extra_columns))
    return out.getvalue().encode("utf-8")


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def strava_export(
    rows: list[StravaRow],
    files: dict[str, bytes],
    *,
    folder: str = "",
    extra: dict[str, bytes] | None = None,
    **csv_options,
) -> bytes:
    """A bulk export zip: activities.csv, the activity files, and some media."""
    members = {f"{folder}activities.csv": activities_csv(rows, **csv_options)}
    for name, data in files.items():
        members[f"{folder}{name}"] = data
    members[f"{folder}media/photo.jpg"] = b"\xff\xd8\xff" + bytes(2000)
    members.update(extra or {})
    return zip_bytes(members)

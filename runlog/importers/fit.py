"""FIT, decoded by Garmin's FIT SDK (`garmin_fit_sdk`).

Each session message is one activity, and its summary fields are the device's own figures:
start_time, total_distance (a treadmill's or foot pod's distance when there is no GPS),
total_timer_time (moving time, or total_moving_time where the device writes it),
total_elapsed_time, total_ascent/total_descent, avg_heart_rate, avg_running_cadence (strides per
minute: doubled to steps), avg_temperature, workout_rpe (RPE x 10) and workout_feel (0-100).
What a session leaves out is worked out from its record messages. A file without a session
is summarised from its records.

What real devices write is tolerated: developer fields (skipped unless described), local
message types redefined mid-file (the SDK keeps the latest definition), and trailing bytes
after the file's checksum (cut off before decoding; a second FIT file chained after the first
is kept). A file that is cut short or damaged (`Decoder.check_integrity()` fails, or the
decoder returns errors) is refused, unless a session summary was decoded whole and describes a
plausible run (at least `MIN_DAMAGED_DISTANCE_M` and `MIN_DAMAGED_SECONDS`): then only the
summary is imported, with a warning saying what was lost (the track before the summary, when
the records that survive do not span the session; whatever followed it, when the file was cut
short). Compressed-timestamp records are not supported by this SDK version: such a file is
refused (or summary-only, as above). Records whose time goes back are left out (see
`track.in_time_order`).

The external id is "fit:<serial number>:<time_created as POSIX seconds>" from the file_id
message, the same on every copy of the file.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from garmin_fit_sdk import Decoder, Stream

from . import safety, sports, track
from .activity import ImportRefused, SkippedActivity, build_activity, sha256

HEADER_SIZES = (12, 14)
CRC_SIZE = 2
SEMICIRCLE_DEGREES = 180 / 2**31
# FIT date_time values below 0x10000000 are seconds since the device was switched on, not
# dates: a device whose clock was never set.
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
SYSTEM_TIME_LIMIT = FIT_EPOCH + timedelta(seconds=0x10000000)
# A damaged file's surviving summary under either of these is not believed: a "run" of 6 m in
# 14 s is what a recording that broke off at once leaves, not a run.
MIN_DAMAGED_DISTANCE_M = 100
MIN_DAMAGED_SECONDS = 60
# A damaged file's records that span less than this share of its session's time: the track
# before the summary was lost.
TRACK_COVERAGE = 0.9


def is_fit(data: bytes) -> bool:
    """The 12- or 14-byte FIT file header with its ".FIT" signature."""
    return len(data) >= 12 and data[0] in HEADER_SIZES and data[8:12] == b".FIT"


def _decoder(data: bytes) -> Decoder:
    # A Decoder's stream is consumed by each check, so every use gets a fresh one.
    return Decoder(Stream.from_byte_array(bytearray(data)))


def parse_fit(data: bytes, *, now: datetime | None = None, sport: sports.Verdict | None = None):
    """[ParsedActivity | SkippedActivity] per session of one FIT file; ImportRefused otherwise.

    `sport` overrides the file's own when the file holds one session (or none).
    """
    safety.check_size(data, safety.MAX_FIT_BYTES, "FIT file")
    if not is_fit(data) or not _decoder(data).is_fit():
        raise ImportRefused("The file is not a FIT file (no FIT header).")
    body, expected = file_body(data)
    truncated = len(body) < expected
    messages, errors, intact = _decode(body, truncated)
    damaged = truncated or not intact or bool(errors)

    file_ids = messages.get("file_id_mesgs") or [{}]
    file_type = file_ids[0].get("type")
    if file_type not in (None, "activity"):
        raise ImportRefused(f"The FIT file is a {file_type} file, not an activity.")
    external_id = _external_id(file_ids[0])
    sessions = messages.get("session_mesgs") or []
    records = messages.get("record_mesgs") or []
    digest = sha256(data)

    warnings: list[str] = []
    if damaged:
        # Only whole, plausible session summaries are kept; no record is trusted.
        problem = _problem(len(body), expected, truncated, errors)
        sessions, warnings = _surviving_sessions(sessions, records, problem, truncated)
        records = []

    if not sessions:
        if not records:
            raise ImportRefused("The FIT file holds no session and no records.")
        sport_mesg = (messages.get("sport_mesgs") or [{}])[0]
        verdict = sport or sports.from_fit(sport_mesg.get("sport"), sport_mesg.get("sub_sport"))
        return [_from_records(records, verdict, external_id, digest, now)]
    return [
        _from_session(session, verdict, own_records, own_id, digest, warnings, now)
        for session, verdict, own_records, own_id in split_sessions(
            sessions, records, external_id, sport
        )
    ]


def file_body(data: bytes) -> tuple[bytes, int]:
    """(the FIT file without what trails its checksum, the length its header promises).

    Some devices and uploaders leave bytes after the checksum, which the SDK reports as an
    error; a second FIT file chained after the first is kept (the SDK reads both). The body is
    shorter than promised when the file was cut short.
    """
    header_size = data[0]
    data_size = int.from_bytes(data[4:8], "little")
    if data_size == 0:
        raise ImportRefused(
            "The FIT file's header says it holds no data (the recording was never finished)."
        )
    expected = header_size + data_size + CRC_SIZE
    if len(data) > expected and not is_fit(data[expected:]):
        return data[:expected], expected
    return data, expected


def _decode(body: bytes, truncated: bool) -> tuple[dict, list, bool]:
    """(messages, decoding errors, whether the CRCs match) of a FIT file's body."""
    # check_integrity() checks the header's and the file's CRCs; read() need not do it again
    # (a third of its time).
    intact = not truncated and _decoder(body).check_integrity()
    try:
        messages, errors = _decoder(body).read(merge_heart_rates=False, enable_crc_check=False)
    except Exception as error:  # the SDK raises what it likes: report it as damage
        messages, errors = {}, [error]
    return messages, errors, intact


def split_sessions(sessions, records, external_id: str, sport):
    """(session, sport verdict, its records, its external id) for each session of a file.

    A file of one session keeps every record and the id as it is (and `sport` overrides the
    file's own); a multisport file gives each session the records within its time and its
    place after the id ("#2"), and each session's own sport decides.
    """
    one = len(sessions) == 1
    for index, session in enumerate(sessions):
        own_id = external_id if one or not external_id else f"{external_id}#{index + 1}"
        own_records = records if one else _records_of(session, records)
        verdict = (sport if one else None) or sports.from_fit(
            session.get("sport"), session.get("sub_sport")
        )
        yield session, verdict, own_records, own_id


def _problem(length: int, expected: int, truncated: bool, errors: list) -> str:
    if truncated:
        return f"The FIT file was cut short ({length:,} of {expected:,} bytes)"
    detail = str(errors[0]) if errors else "CRC Error"
    where = re.search(r"at byte: (\d+)", detail)
    if "Compressed timestamp" in detail:
        return (
            f"The FIT file could not be read past byte {where.group(1) if where else '?'}: a "
            "compressed-timestamp record, which the FIT SDK cannot read, or damage"
        )
    if "CRC" in detail:
        return "The FIT file is damaged (its checksum does not match)"
    detail = re.sub(r"^FIT Runtime Error\s*", "", detail)[:120]
    return f"The FIT file is damaged ({detail})"


def _surviving_sessions(sessions, records, problem: str, truncated: bool):
    """The session summaries of a damaged file that can stand alone, and the warning saying
    what was lost; ImportRefused when none survives or what survives is not a plausible run."""
    whole = [s for s in sessions if _whole_session(s)]
    if not whole:
        raise ImportRefused(
            f"{problem}. No intact session summary was found, so nothing was imported."
        )
    plausible = [s for s in whole if _plausible(s)]
    if not plausible:
        raise ImportRefused(
            f"{problem}. What survives describes {_figures(whole[0])}, too little to be a real "
            f"run (under {MIN_DAMAGED_DISTANCE_M} m or under a minute), so nothing was imported."
        )
    lost = []
    missing = [s for s in plausible if not _track_covers(s, records)]
    if missing:
        kept = len(_records_of(missing[0], records))
        survive = f"only {kept:,} of its points survive" if kept else "none of its points survive"
        lost.append(f"the track before the summary ({survive} for {_figures(missing[0])})")
    if truncated:
        lost.append("whatever followed the summary, and the check that the file is whole")
    elif not missing:
        lost.append("the track points, which cannot be trusted")
    left_out = len(whole) - len(plausible)
    if left_out:
        lost.append(
            f"{left_out} session{'s' if left_out != 1 else ''} of under "
            f"{MIN_DAMAGED_DISTANCE_M} m or under a minute, left out"
        )
    warning = f"{problem}; imported its session summary. Lost: {'; '.join(lost)}."
    return plausible, [warning]


def _figures(session: dict) -> str:
    metres = _number(session.get("total_distance")) or 0
    seconds = _session_seconds(session)
    return f"a run of {metres:,.0f} m in {seconds:,.0f} s"


def _session_seconds(session: dict) -> float:
    return max(
        _number(session.get("total_elapsed_time")) or 0,
        _number(session.get("total_timer_time")) or 0,
    )


def _plausible(session: dict) -> bool:
    """A damaged file's summary is believed only if it describes a real run's worth."""
    return (_number(session.get("total_distance")) or 0) >= MIN_DAMAGED_DISTANCE_M and (
        _session_seconds(session) >= MIN_DAMAGED_SECONDS
    )


def _track_covers(session: dict, records: list[dict]) -> bool:
    """Whether the records that survive span (nearly) the session: if not, the track before
    the summary was lost."""
    own = _records_of(session, records)
    seconds = _session_seconds(session)
    if not own:
        return False
    times = [r["timestamp"] for r in own]
    return (max(times) - min(times)).total_seconds() >= TRACK_COVERAGE * seconds - 1


def _whole_session(session: dict) -> bool:
    """A summary that can stand alone: a real start and some time and distance."""
    start = session.get("start_time")
    timer = session.get("total_timer_time") or session.get("total_elapsed_time")
    return (
        isinstance(start, datetime)
        and start >= SYSTEM_TIME_LIMIT
        and bool(timer)
        and session.get("total_distance") is not None
    )


def _external_id(file_id: dict) -> str:
    created = file_id.get("time_created")
    if not isinstance(created, datetime):
        return ""
    stamp = int(created.timestamp())
    serial = file_id.get("serial_number")
    if serial is not None:
        return f"fit:{serial}:{stamp}"
    return f"fit:{file_id.get('manufacturer', '')}-{file_id.get('product', '')}:{stamp}"


def _records_of(session: dict, records: list[dict]) -> list[dict]:
    start = session.get("start_time")
    elapsed = session.get("total_elapsed_time")
    if not isinstance(start, datetime) or not elapsed:
        return []
    end = start + timedelta(seconds=elapsed)
    return [
        r for r in records if isinstance(t := r.get("timestamp"), datetime) and start <= t <= end
    ]


class _RecordStats:
    """What the record messages say: a Track plus heart rate, cadence and temperature."""

    def __init__(self, records: list[dict]):
        self.track = acc = track.Track()
        sums = [0.0, 0.0, 0.0]
        counts = [0, 0, 0]
        self.warnings = []
        times = [
            t.timestamp() if isinstance(t := r.get("timestamp"), datetime) else None
            for r in records
        ]
        keep = track.in_time_order(times)
        if keep is not None:
            self.warnings.append(track.dropped_warning(keep.count(False)))
            records = [r for r, kept in zip(records, keep, strict=True) if kept]
        for record in records:
            lat = record.get("position_lat")
            lon = record.get("position_long")
            moment = record.get("timestamp")
            altitude = record.get("enhanced_altitude")
            if altitude is None:
                altitude = record.get("altitude")
            acc.add(
                lat * SEMICIRCLE_DEGREES if lat is not None and lon is not None else None,
                lon * SEMICIRCLE_DEGREES if lat is not None and lon is not None else None,
                moment.timestamp() if isinstance(moment, datetime) else None,
                altitude,
                record.get("distance"),
            )
            for i, key in enumerate(("heart_rate", "cadence", "temperature")):
                value = record.get(key)
                if isinstance(value, int | float) and (value or key == "temperature"):
                    sums[i] += value
                    counts[i] += 1
        self.heart_rate = track.mean(sums[0], counts[0])
        self.cadence = track.mean(sums[1], counts[1])
        self.temperature = track.mean(sums[2], counts[2])


def _number(value) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _first(*values):
    return next((v for v in values if v is not None), None)


def _from_session(session, verdict, records, external_id, digest, warnings, now):
    start = session.get("start_time")
    stats = _RecordStats(records)
    if not isinstance(start, datetime) and stats.track.first_time is not None:
        start = datetime.fromtimestamp(stats.track.first_time, UTC)
    if verdict.sport is None:
        return SkippedActivity(sport=verdict.label, start=start, external_id=external_id)
    _check_clock(start)
    acc = stats.track
    gain, loss = _number(session.get("total_ascent")), _number(session.get("total_descent"))
    if gain is None or loss is None:
        gain, loss = acc.elevation()
    strides = _first(
        _number(session.get("avg_running_cadence")), _number(session.get("avg_cadence"))
    )
    if strides is not None:
        strides += _number(session.get("avg_fractional_cadence")) or 0
    else:
        strides = stats.cadence
    rpe = _number(session.get("workout_rpe"))
    return build_activity(
        start=start,
        distance_m=_first(
            _number(session.get("total_distance")), acc.device_distance_m or acc.gps_distance_m
        ),
        moving_s=_first(
            _number(session.get("total_moving_time")),
            _number(session.get("total_timer_time")),
            acc.moving_s,
        ),
        elapsed_s=_first(_number(session.get("total_elapsed_time")), acc.elapsed_s),
        source_format="fit",
        sport=verdict.sport,
        sport_named=verdict.named,
        elevation_gain_m=gain,
        elevation_loss_m=loss,
        temperature_c=_first(_number(session.get("avg_temperature")), stats.temperature),
        avg_heart_rate=_first(_number(session.get("avg_heart_rate")), stats.heart_rate),
        avg_cadence_spm=track.running_cadence_spm(strides, strides=True),
        rpe=rpe / 10 if rpe is not None else None,
        feel=_number(session.get("workout_feel")),
        external_id=external_id,
        content_sha256=digest,
        points=len(records),
        warnings=[*warnings, *stats.warnings],
        now=now,
    )


def _from_records(records, verdict, external_id, digest, now):
    stats = _RecordStats(records)
    acc = stats.track
    if acc.first_time is None:
        raise ImportRefused("The FIT file's records carry no times.")
    start = datetime.fromtimestamp(acc.first_time, UTC)
    if verdict.sport is None:
        return SkippedActivity(sport=verdict.label, start=start, external_id=external_id)
    _check_clock(start)
    gain, loss = acc.elevation()
    return build_activity(
        start=start,
        distance_m=acc.device_distance_m or acc.gps_distance_m,
        moving_s=acc.moving_s,
        elapsed_s=acc.elapsed_s,
        source_format="fit",
        sport=verdict.sport,
        sport_named=verdict.named,
        elevation_gain_m=gain,
        elevation_loss_m=loss,
        temperature_c=stats.temperature,
        avg_heart_rate=stats.heart_rate,
        avg_cadence_spm=track.running_cadence_spm(stats.cadence, strides=True),
        external_id=external_id,
        content_sha256=digest,
        points=len(records),
        warnings=[
            "The file has no session summary; its totals were worked out from its track.",
            *stats.warnings,
        ],
        now=now,
    )


def _check_clock(start) -> None:
    if isinstance(start, datetime) and start < SYSTEM_TIME_LIMIT:
        raise ImportRefused(
            "The FIT file's times count from when the device was switched on: its clock was "
            "not set, so the run's date is unknown."
        )

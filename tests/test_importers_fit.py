"""FIT import through Garmin's SDK, on files fit-tool writes: session summaries, sports,
what real devices write (developer fields, redefinitions, trailing bytes), damaged files."""

import hashlib
import struct
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Sport, SubSport
from fit_tool.utils.crc import crc16
from garmin_fit_sdk import Decoder, Stream

from runlog.importers import ImportRefused, ParsedActivity, SkippedActivity, parse_fit, sports
from runlog.importers.activity import NO_SPORT_WARNING
from tests import importer_files as files

DAY = timedelta(days=1)
POINTS = files.route(301, hr=152, cad=86, temp=17.5, elevation=files.climb(20))


def run_of(data: bytes, **options) -> ParsedActivity:
    (activity,) = parse_fit(data, **options)
    assert isinstance(activity, ParsedActivity)
    return activity


@pytest.fixture(scope="module")
def summary_fit() -> bytes:
    return files.fit_bytes(
        POINTS,
        session_fields={
            "workout_rpe": 70,  # RPE 7, times ten
            "workout_feel": 75,
            "avg_fractional_cadence": 0.5,
            "total_timer_time": 290.0,
            "total_ascent": 21,
            "total_descent": 2,
        },
    )


def test_the_session_summary_is_imported(summary_fit):
    run = run_of(summary_fit)

    assert run.start == files.START
    assert run.distance_m == 900
    assert run.moving_s == 290  # the timer, which stops on pause
    assert run.elapsed_s == 300
    assert (run.sport, run.sport_named, run.source_format) == ("run", True, "fit")
    assert (run.elevation_gain_m, run.elevation_loss_m) == (21, 2)  # the device's own
    assert run.avg_heart_rate == 152
    assert run.avg_cadence == 173  # (86 + 0.5) strides a minute, doubled
    assert run.temperature_c == Decimal("18.0")
    assert (run.rpe, run.feel) == (7, 75)
    assert run.points == 301
    assert run.external_id == "fit:3912345678:1714543200"
    assert run.content_sha256 == hashlib.sha256(summary_fit).hexdigest()
    assert run.warnings == []


def test_without_rpe_or_feel_in_the_file_they_stay_empty():
    run = run_of(files.fit_bytes(POINTS))
    assert (run.rpe, run.feel) == (None, None)


def test_the_external_id_does_not_depend_on_the_bytes():
    one = run_of(files.fit_bytes(POINTS))
    other = run_of(files.fit_bytes(POINTS, developer_fields=True))
    assert one.external_id == other.external_id
    assert one.content_sha256 != other.content_sha256


def test_no_serial_number_still_gives_an_id_from_the_time_created():
    run = run_of(files.fit_bytes(POINTS, serial=None))
    assert run.external_id == "fit:garmin-3113:1714543200"


def test_what_a_session_leaves_out_comes_from_the_records():
    data = files.fit_bytes(
        POINTS,
        session_fields={
            "total_ascent": None,
            "total_descent": None,
            "avg_heart_rate": None,
            "avg_temperature": None,
            "avg_running_cadence": None,
        },
    )
    run = run_of(data)
    assert 18 <= run.elevation_gain_m <= 22
    assert run.avg_heart_rate == 152
    assert run.temperature_c == Decimal("18.0")
    assert run.avg_cadence == 172


@pytest.mark.parametrize(
    ("sport", "sub_sport", "expected"),
    [
        (Sport.RUNNING, SubSport.STREET, "run"),
        (Sport.RUNNING, SubSport.TRACK, "run"),
        (Sport.RUNNING, SubSport.TRAIL, "trail_run"),
        (Sport.RUNNING, SubSport.TREADMILL, "treadmill"),
        (Sport.RUNNING, SubSport.VIRTUAL_ACTIVITY, "virtual_run"),
        (Sport.FITNESS_EQUIPMENT, SubSport.TREADMILL, "treadmill"),
    ],
)
def test_running_sports_are_imported(sport, sub_sport, expected):
    run = run_of(files.fit_bytes(POINTS, sport=sport, sub_sport=sub_sport))
    assert (run.sport, run.sport_named) == (expected, True)


def test_a_trail_run_is_trail_terrain():
    run = run_of(files.fit_bytes(POINTS, sub_sport=SubSport.TRAIL))
    assert run.terrain == "trail"


@pytest.mark.parametrize(
    ("sport", "sub_sport", "named"),
    [
        (Sport.CYCLING, SubSport.ROAD, "cycling (road)"),
        (Sport.WALKING, SubSport.GENERIC, "walking"),
        (Sport.SWIMMING, SubSport.LAP_SWIMMING, "swimming (lap swimming)"),
    ],
)
def test_other_sports_are_skipped_by_name(sport, sub_sport, named):
    (skipped,) = parse_fit(files.fit_bytes(POINTS, sport=sport, sub_sport=sub_sport))
    assert isinstance(skipped, SkippedActivity)
    assert skipped.sport == named
    assert skipped.external_id == "fit:3912345678:1714543200"


def test_generic_sport_is_taken_as_a_run_and_says_so():
    run = run_of(files.fit_bytes(POINTS, sport=Sport.GENERIC))
    assert (run.sport, run.sport_named) == ("run", False)
    assert NO_SPORT_WARNING in run.warnings


def test_a_treadmill_run_without_gps_gets_the_devices_distance():
    points = files.route(601, gps=False)
    data = files.fit_bytes(
        points,
        sub_sport=SubSport.TREADMILL,
        session_fields={"total_distance": 2100.0},  # the foot pod, calibrated
    )
    run = run_of(data)
    assert (run.sport, run.distance_m) == ("treadmill", 2100)


def test_a_multisport_file_gives_one_result_per_session():
    messages = files.fit_messages(POINTS, sport=Sport.CYCLING)
    second = SessionMessage()
    later = files.START + timedelta(hours=1)
    second.timestamp = round((later + timedelta(minutes=30)).timestamp() * 1000)
    second.start_time = round(later.timestamp() * 1000)
    second.total_elapsed_time = 1800
    second.total_timer_time = 1800
    second.total_distance = 5000
    second.sport = Sport.RUNNING
    messages.insert(-1, second)
    ride, run = parse_fit(files.frame_fit(files.fit_body(messages)))
    assert isinstance(ride, SkippedActivity) and isinstance(run, ParsedActivity)
    assert (run.start, run.distance_m, run.moving_s) == (later, 5000, 1800)
    assert ride.external_id == "fit:3912345678:1714543200#1"
    assert run.external_id == "fit:3912345678:1714543200#2"


def test_a_file_without_a_session_is_summarised_from_its_records():
    run = run_of(files.fit_bytes(POINTS, session=False))
    assert (run.distance_m, run.moving_s, run.elapsed_s) == (900, 300, 300)
    assert 18 <= run.elevation_gain_m <= 22
    assert run.avg_heart_rate == 152
    assert any("no session summary" in w for w in run.warnings)


def test_developer_fields_are_tolerated():
    run = run_of(files.fit_bytes(POINTS, developer_fields=True))
    assert (run.distance_m, run.points) == (900, 301)


def test_local_message_types_redefined_mid_file_are_tolerated():
    data = files.fit_bytes(POINTS, redefine=True, developer_fields=True)
    definitions = sum(1 for _ in _definition_offsets(data))
    assert definitions > 10  # local message 0 is redefined over and over
    run = run_of(data)
    assert (run.distance_m, run.points, run.avg_heart_rate) == (900, 301, 152)


def test_trailing_bytes_are_tolerated(summary_fit):
    data = summary_fit + b"\x00\xffgarbage after the checksum" * 3
    run = run_of(data)
    assert run.distance_m == 900
    assert run.warnings == []


def test_the_sdk_alone_reports_trailing_bytes_as_an_error(summary_fit):
    """Why the importer cuts trailing bytes off before decoding."""
    messages, errors = Decoder(Stream.from_byte_array(bytearray(summary_fit + b"junk"))).read()
    assert errors and "not a fit file" in str(errors[0])
    assert messages["session_mesgs"]


def test_a_file_cut_short_after_its_session_imports_the_summary_and_says_what_was_lost(
    summary_fit,
):
    run = run_of(summary_fit[:-5])  # the checksum and the end of the activity message
    assert (run.distance_m, run.moving_s, run.rpe) == (900, 290, 7)
    (warning,) = run.warnings
    assert "cut short" in warning and "imported its session summary" in warning
    assert "Lost: whatever followed the summary" in warning
    assert "track before the summary" not in warning  # the track was all there
    assert run.points == 0  # the records are not trusted


def test_a_file_cut_short_before_its_session_is_refused(summary_fit):
    with pytest.raises(ImportRefused, match="cut short.*No intact session summary"):
        parse_fit(summary_fit[: len(summary_fit) // 2])


def test_a_file_with_a_bad_checksum_and_an_intact_session_imports_the_summary(summary_fit):
    damaged = bytearray(summary_fit)
    damaged[-1] ^= 0xFF
    run = run_of(bytes(damaged))
    (warning,) = run.warnings
    assert "checksum does not match" in warning and "session summary" in warning


def test_a_corrupt_file_without_an_intact_session_is_refused(summary_fit):
    damaged = bytearray(summary_fit)
    damaged[400:600] = b"\xff" * 200
    with pytest.raises(ImportRefused, match="No intact session summary"):
        parse_fit(bytes(damaged))


def test_compressed_timestamp_records_which_the_sdk_cannot_read_are_refused():
    messages = files.fit_messages(POINTS)
    body = (
        files.fit_body(messages[:100])
        + files.compressed_timestamp_records()
        + files.fit_body(messages[100:])
    )
    with pytest.raises(ImportRefused, match="compressed-timestamp"):
        parse_fit(files.frame_fit(body))


def test_a_course_file_is_refused():
    with pytest.raises(ImportRefused, match="course file, not an activity"):
        parse_fit(files.fit_bytes(POINTS, file_type=FileType.COURSE))


def test_a_start_in_the_future_is_refused(summary_fit):
    with pytest.raises(ImportRefused, match="future"):
        parse_fit(summary_fit, now=datetime(2024, 4, 1, tzinfo=UTC))


def test_a_device_whose_clock_was_never_set_is_refused():
    points = files.route(50, start=datetime(1990, 1, 1, 0, 5, tzinfo=UTC))
    with pytest.raises(ImportRefused, match="clock"):
        parse_fit(files.fit_bytes(points, time_created=None))


def test_not_a_fit_file_is_refused():
    with pytest.raises(ImportRefused, match="not a FIT file"):
        parse_fit(b"\x0e\x10" + bytes(40))


def _definition_offsets(data: bytes):
    """Offsets of definition records, walking the file as the FIT protocol lays it out."""
    sizes = {}
    position, end = data[0], data[0] + int.from_bytes(data[4:8], "little")
    while position < end:
        header = data[position]
        local = header & 0x0F
        if header & 0x40:
            yield position
            fields = data[position + 5]
            size = sum(data[position + 6 + 3 * i + 1] for i in range(fields))
            length = 6 + 3 * fields
            if header & 0x20:
                developer = data[position + length]
                size += sum(data[position + length + 1 + 3 * i + 1] for i in range(developer))
                length += 1 + 3 * developer
            sizes[local] = size
            position += length
        else:
            position += 1 + sizes[local]


# --- Damaged files: what survives must be a run, and the warning says what was lost ----------


def _without_most_records(keep: int, **options) -> bytes:
    """A FIT whose track lost all but its first `keep` records before the session summary."""
    messages = files.fit_messages(POINTS, **options)
    records = [m for m in messages if isinstance(m, RecordMessage)]
    lost = {id(m) for m in records[keep:]}
    return files.frame_fit(files.fit_body([m for m in messages if id(m) not in lost]))


def test_a_truncated_file_that_lost_its_track_before_the_summary_says_so():
    data = _without_most_records(10)
    run = run_of(data[:-5])  # and cut short after the summary
    assert (run.distance_m, run.elapsed_s) == (900, 300)  # the summary's own figures
    (warning,) = run.warnings
    assert "Lost: the track before the summary (only 10 of its points survive" in warning
    assert "a run of 900 m in 300 s" in warning
    assert "whatever followed the summary" in warning  # the cut after it, as well


def test_a_damaged_file_whose_track_is_gone_does_not_blame_the_track_points():
    damaged = bytearray(_without_most_records(0))
    damaged[-1] ^= 0xFF  # a bad checksum, nothing cut off
    (warning,) = run_of(bytes(damaged)).warnings
    assert "none of its points survive" in warning
    assert "followed the summary" not in warning
    assert "cannot be trusted" not in warning


@pytest.mark.parametrize(
    ("distance", "seconds"),
    [(6.0, 14.0), (6.0, 600.0), (99.0, 600.0), (900.0, 59.0)],
    ids=["6-m-14-s", "6-m", "99-m", "59-s"],
)
def test_a_truncated_file_whose_surviving_summary_is_not_a_run_is_refused(distance, seconds):
    data = files.fit_bytes(
        files.route(3),
        session_fields={
            "total_distance": distance,
            "total_timer_time": seconds,
            "total_elapsed_time": seconds,
        },
    )
    with pytest.raises(ImportRefused, match="too little to be a real run") as refused:
        parse_fit(data[:-5])
    assert f"a run of {distance:,.0f} m in {seconds:,.0f} s" in refused.value.reason
    assert "cut short" in refused.value.reason


def test_a_truncated_file_of_100_m_and_a_minute_is_imported():
    data = files.fit_bytes(
        files.route(61),
        session_fields={"total_distance": 100.0, "total_timer_time": 60.0},
    )
    run = run_of(data[:-5])
    assert (run.distance_m, run.moving_s) == (100, 60)


def test_an_intact_short_file_is_not_refused_for_being_short():
    data = files.fit_bytes(
        files.route(3), session_fields={"total_distance": 6.0, "total_timer_time": 14.0}
    )
    assert run_of(data).distance_m == 6


# --- What a session leaves out, the records give ------------------------------------------------


@pytest.mark.parametrize(
    ("options", "distance"),
    [
        ({}, 900),  # the records' own cumulative distance
        ({"record_distance": False}, 900),  # no device distance: the GPS track
        ({"record_distance": False, "points": files.route(301, bearing=90)}, 900),  # east
        ({"record_distance": False, "points": files.route(301, bearing=135)}, 900),  # south-east
        ({"record_distance": False, "points": files.route(301, step_m=5)}, 1500),
    ],
    ids=["device", "gps-north", "gps-east", "gps-south-east", "gps-5-m-steps"],
)
def test_without_total_distance_the_records_give_the_distance(options, distance):
    options = dict(options)
    points = options.pop("points", POINTS)
    data = files.fit_bytes(points, session_fields={"total_distance": None}, **options)
    assert run_of(data).distance_m == pytest.approx(distance, abs=1)


def test_the_devices_distance_wins_over_the_gps_in_the_records():
    points = files.route(301)
    for point in points:
        point.dist *= 1.1  # a foot pod that reads 10 % long
    data = files.fit_bytes(points, session_fields={"total_distance": None})
    assert run_of(data).distance_m == 990


@pytest.mark.parametrize(
    ("fields", "moving", "elapsed"),
    [
        ({"total_moving_time": 280.0, "total_timer_time": 290.0}, 280, 300),
        ({"total_timer_time": 290.0}, 290, 300),
        ({"total_timer_time": None}, 299, 300),  # the records: less the step over the pause
        ({"total_timer_time": None, "total_elapsed_time": None}, 299, 360),
    ],
)
def test_moving_and_elapsed_time_from_the_session_else_the_records(fields, moving, elapsed):
    points = files.route(301, pause_at=150, pause_s=60)  # 360 s from start to end
    data = files.fit_bytes(points, session_fields={"total_elapsed_time": 300.0, **fields})
    run = run_of(data)
    assert (run.moving_s, run.elapsed_s) == (moving, elapsed)


@pytest.mark.parametrize(
    ("fields", "steps"),
    [
        ({"avg_running_cadence": 86}, 172),
        ({"avg_running_cadence": 86, "avg_fractional_cadence": 0.5}, 173),
        ({"avg_running_cadence": None, "avg_cadence": 84}, 168),
        ({"avg_running_cadence": None, "avg_cadence": None}, 180),  # the records' 90
    ],
)
def test_cadence_from_the_session_in_strides_doubled(fields, steps):
    points = files.route(31, cad=90)
    data = files.fit_bytes(points, session_fields=fields)
    assert run_of(data).avg_cadence == steps


@pytest.mark.parametrize(
    ("fields", "gain_loss"),
    [
        ({"total_ascent": 25, "total_descent": 3}, (25, 3)),  # the device's own
        ({"total_ascent": 0, "total_descent": 0}, (0, 0)),  # a flat run is 0, not missing
        ({"total_ascent": None, "total_descent": 3}, (20, 0)),  # half a pair: the records'
        ({"total_ascent": 25, "total_descent": None}, (20, 0)),
    ],
)
def test_climb_from_the_session_else_from_the_records(fields, gain_loss):
    data = files.fit_bytes(POINTS, session_fields=fields)
    run = run_of(data)
    assert (run.elevation_gain_m, run.elevation_loss_m) == gain_loss


def test_an_older_devices_altitude_field_is_read():
    data = files.fit_bytes(
        POINTS,
        altitude_field="altitude",
        session_fields={"total_ascent": None, "total_descent": None},
    )
    assert run_of(data).elevation_gain_m == 20


@pytest.mark.parametrize(
    ("fields", "rpe", "feel"),
    [({"workout_rpe": 70, "workout_feel": 75}, 7, 75), ({"workout_rpe": 0}, 0, None)],
)
def test_rpe_is_stored_out_of_ten(fields, rpe, feel):
    run = run_of(files.fit_bytes(POINTS, session_fields=fields))
    assert (run.rpe, run.feel) == (rpe, feel)


def test_record_averages_leave_out_a_zero_heart_rate_but_not_zero_degrees():
    points = files.route(4, step_m=10, hr=150, temp=10.0, cad=80)
    points[1].hr, points[1].temp, points[1].cad = 0, 0.0, 0
    data = files.fit_bytes(
        points,
        session_fields={
            "avg_heart_rate": None,
            "avg_temperature": None,
            "avg_running_cadence": None,
        },
    )
    run = run_of(data)
    assert run.avg_heart_rate == 150
    assert run.avg_cadence == 160
    assert run.temperature_c == Decimal("7.5")  # (10 + 0 + 10 + 10) / 4


def test_a_single_records_heart_rate_is_the_average():
    points = files.route(2, step_m=10)
    points[0].hr = 150
    data = files.fit_bytes(points, session_fields={"avg_heart_rate": None})
    assert run_of(data).avg_heart_rate == 150


# --- Several sessions ---------------------------------------------------------------------------


def _sessions(*sessions, sport=None) -> list:
    """Parse a file of these (points, session fields) sessions, all the records in one track."""
    points = [p for chunk, _ in sessions for p in chunk]
    messages = files.fit_messages(points, session=False)
    for chunk, fields in sessions:
        messages.insert(-1, files.session_message(chunk, **fields))
    return parse_fit(files.frame_fit(files.fit_body(messages)), sport=sport)


def test_several_sessions_each_get_their_own_records():
    morning = files.route(301, hr=140)  # 900 m in 300 s
    evening = files.route(101, hr=160, start=files.START + timedelta(hours=10))
    for point in evening:
        point.dist += 5000  # the device's distance goes on counting
    first, second = _sessions(
        (morning, {"total_distance": None, "avg_heart_rate": None}),
        (evening, {"total_distance": None, "avg_heart_rate": None}),
    )
    assert (first.start, second.start) == (files.START, files.START + timedelta(hours=10))
    assert (first.points, second.points) == (301, 101)
    assert (first.avg_heart_rate, second.avg_heart_rate) == (140, 160)
    assert first.distance_m == 900
    assert first.external_id == "fit:3912345678:1714543200#1"
    assert second.external_id == "fit:3912345678:1714543200#2"


def test_a_records_time_on_a_sessions_edges_belongs_to_it():
    points = files.route(11)
    (run,) = _sessions((points[2:9], {}))
    assert run.points == 7  # from its start to its start + elapsed, both included


def test_several_sessions_keep_their_own_sports_whatever_sport_is_given():
    run_points = files.route(11)
    ride_points = files.route(11, start=files.START + timedelta(hours=1))
    given = sports.Verdict("trail_run", True, "Trail Run")
    run, ride = _sessions((run_points, {}), (ride_points, {"sport": Sport.CYCLING}), sport=given)
    assert run.sport == "run"
    assert isinstance(ride, SkippedActivity)


def test_a_single_session_takes_the_sport_given():
    given = sports.Verdict("trail_run", True, "Trail Run")
    run = run_of(files.fit_bytes(POINTS, sport=Sport.CYCLING), sport=given)
    assert (run.sport, run.terrain) == ("trail_run", "trail")


def test_a_file_without_a_session_takes_the_sport_given():
    given = sports.Verdict("treadmill", True, "Treadmill")
    run = run_of(files.fit_bytes(POINTS, session=False), sport=given)
    assert run.sport == "treadmill"


def test_a_file_without_a_time_created_has_no_external_id():
    run = run_of(files.fit_bytes(POINTS, time_created=None))
    assert run.external_id == ""
    first, second = _sessions((files.route(11), {}), (files.route(11, start=files.START + DAY), {}))
    assert first.external_id.endswith("#1")


# --- The file around the messages -------------------------------------------------------------


def test_a_12_byte_header_without_its_own_crc_is_read():
    data = files.fit_bytes(POINTS)
    body = data[14:-2]
    header = struct.pack("<BBHI4s", 12, 0x10, 2132, len(body), b".FIT")
    run = run_of(header + body + struct.pack("<H", crc16(header + body)))
    assert run.distance_m == 900


@pytest.mark.parametrize("size", [11, 13, 15])
def test_any_other_header_size_is_not_a_fit_file(size):
    data = bytearray(files.fit_bytes(POINTS))
    data[0] = size
    with pytest.raises(ImportRefused, match="not a FIT file"):
        parse_fit(bytes(data))


def test_a_file_whose_header_promises_no_data_is_refused():
    data = bytearray(files.fit_bytes(POINTS))
    data[4:8] = bytes(4)
    with pytest.raises(ImportRefused, match="never finished"):
        parse_fit(bytes(data))


def test_two_fit_files_chained_are_both_read():
    evening = files.route(101, start=files.START + timedelta(hours=10))
    data = files.fit_bytes(POINTS) + files.fit_bytes(evening, time_created=evening[0].time)
    first, second = parse_fit(data)
    assert (first.distance_m, second.distance_m) == (900, 300)
    assert first.warnings == [] and second.warnings == []


def test_a_chained_files_sessions_take_the_first_files_id():
    evening = files.route(101, start=files.START + timedelta(hours=10))
    data = files.fit_bytes(POINTS) + files.fit_bytes(evening, time_created=evening[0].time)
    first, second = parse_fit(data)
    assert first.external_id == "fit:3912345678:1714543200#1"
    assert second.external_id == "fit:3912345678:1714543200#2"


def test_a_record_with_half_a_position_adds_no_distance():
    points = files.route(11, step_m=10)
    points[5].lon = None  # a latitude without a longitude: no fix
    data = files.fit_bytes(points, record_distance=False, session_fields={"total_distance": None})
    assert run_of(data).distance_m == 100  # the path goes on from the fix before


def test_a_session_without_a_start_time_starts_at_its_first_record():
    points = files.route(31, start=files.START + timedelta(seconds=5))
    data = files.fit_bytes(points, session_fields={"start_time": None})
    assert run_of(data).start == files.START + timedelta(seconds=5)


def test_a_session_without_an_elapsed_time_has_no_records_of_its_own():
    first, second = _sessions(
        (files.route(31), {"total_elapsed_time": None, "total_timer_time": 30.0}),
        (files.route(31, start=files.START + DAY), {}),
    )
    assert (first.points, first.moving_s, first.distance_m) == (0, 30, 90)
    assert second.points == 31


# --- The clock that was never set ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset_s", "accepted"),
    [(0, True), (-1, False), (3600, True), (-86_400, False)],
    ids=["at-the-limit", "a-second-before", "an-hour-after", "a-day-before"],
)
def test_times_before_0x10000000_seconds_after_the_fit_epoch_are_an_unset_clock(offset_s, accepted):
    limit = datetime(1989, 12, 31, tzinfo=UTC) + timedelta(seconds=0x10000000)
    assert limit == datetime(1998, 7, 3, 21, 24, 16, tzinfo=UTC)
    points = files.route(61, start=limit + timedelta(seconds=offset_s))
    data = files.fit_bytes(points, time_created=None)
    if accepted:
        assert run_of(data).start == limit + timedelta(seconds=offset_s)
        assert run_of(data[:-5]).start == limit + timedelta(seconds=offset_s)  # and cut short
    else:
        with pytest.raises(ImportRefused, match="clock"):
            parse_fit(data)
        with pytest.raises(ImportRefused, match="No intact session summary"):
            parse_fit(data[:-5])


# --- Damaged files: which summaries stand alone ---------------------------------------------------


def test_a_cut_short_file_whose_summary_lacks_the_elapsed_time_uses_the_timer():
    data = files.fit_bytes(POINTS, session_fields={"total_elapsed_time": None})
    run = run_of(data[:-5])
    assert (run.distance_m, run.moving_s) == (900, 300)


def test_a_cut_short_file_whose_summary_lacks_a_start_is_refused():
    data = files.fit_bytes(POINTS, session_fields={"start_time": None})
    with pytest.raises(ImportRefused, match="No intact session summary"):
        parse_fit(data[:-5])


@pytest.mark.parametrize(
    ("elapsed", "timer"), [(600.0, 59.0), (59.0, 600.0)], ids=["paused", "timer-only"]
)
def test_a_damaged_summary_counts_its_longer_time(elapsed, timer):
    data = files.fit_bytes(
        files.route(3),
        session_fields={
            "total_distance": 500.0,
            "total_elapsed_time": elapsed,
            "total_timer_time": timer,
        },
    )
    run = run_of(data[:-5])
    assert run.distance_m == 500


def test_a_damaged_summary_of_no_distance_says_0_m():
    data = files.fit_bytes(
        files.route(3), session_fields={"total_distance": 0.0, "total_timer_time": 600.0}
    )
    with pytest.raises(ImportRefused, match="a run of 0 m in 600 s"):
        parse_fit(data[:-5])


@pytest.mark.parametrize(
    ("kept", "track_lost"),
    [(301, False), (271, False), (270, False), (269, True), (10, True)],
)
def test_a_damaged_files_track_is_lost_when_its_records_span_under_90_percent(kept, track_lost):
    # 90 % of 300 s is 270 s; a second less is allowed for rounding: 269 s of span, 270 records.
    (warning,) = run_of(_without_most_records(kept)[:-5]).warnings
    assert ("the track before the summary" in warning) is track_lost


def test_a_damaged_file_leaves_out_its_sessions_that_are_not_runs_and_says_how_many():
    messages = files.fit_messages(files.route(301), session=False)
    messages.insert(-1, files.session_message(files.route(301)))
    tiny = files.route(3, start=files.START + DAY)
    messages.insert(-1, files.session_message(tiny, total_distance=6.0))
    data = files.frame_fit(files.fit_body(messages))
    (run,) = parse_fit(data[:-5])
    (warning,) = run.warnings
    assert "1 session of under 100 m or under a minute, left out" in warning
    tinier = files.session_message(files.route(2, start=files.START + 2 * DAY), total_distance=1.0)
    messages.insert(-1, tinier)
    (run,) = parse_fit(files.frame_fit(files.fit_body(messages))[:-5])
    assert "2 sessions of under 100 m" in run.warnings[0]


def test_a_compressed_timestamp_says_where_reading_stopped():
    messages = files.fit_messages(POINTS)
    body = (
        files.fit_body(messages[:100])
        + files.compressed_timestamp_records()
        + files.fit_body(messages[100:])
    )
    with pytest.raises(ImportRefused, match=r"could not be read past byte \d+: a compressed"):
        parse_fit(files.frame_fit(body))


def test_the_sessions_start_wins_over_its_first_records():
    points = files.route(31, start=files.START + timedelta(seconds=5))
    data = files.fit_bytes(points, session_fields={"start_time": files._millis(files.START)})
    assert run_of(data).start == files.START


def test_a_file_without_a_session_or_device_distance_takes_the_gps_distance():
    run = run_of(files.fit_bytes(POINTS, session=False, record_distance=False))
    assert run.distance_m == 900

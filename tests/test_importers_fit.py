"""FIT import through Garmin's SDK, on files fit-tool writes: session summaries, sports,
what real devices write (developer fields, redefinitions, trailing bytes), damaged files."""

import hashlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Sport, SubSport
from garmin_fit_sdk import Decoder, Stream

from runlog.importers import ImportRefused, ParsedActivity, SkippedActivity, parse_fit
from runlog.importers.activity import NO_SPORT_WARNING
from tests import importer_files as files

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

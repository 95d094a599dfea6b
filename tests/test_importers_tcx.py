"""TCX import: laps' device figures, treadmill files without GPS, sports, extensions."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from runlog.importers import ImportRefused, ParsedActivity, SkippedActivity, parse_tcx, sports
from runlog.importers.activity import NO_SPORT_WARNING
from tests import importer_files as files


def run_of(data: bytes, **options) -> ParsedActivity:
    (activity,) = parse_tcx(data, **options)
    assert isinstance(activity, ParsedActivity)
    return activity


def test_a_running_activity_is_read_with_its_laps_and_extensions():
    points = files.route(601, hr=148, cad=88, temp=21.0, elevation=files.climb(30))
    run = run_of(files.tcx_bytes(points, laps=2))

    assert run.start == files.START
    assert run.distance_m == 1803  # the laps' DistanceMeters (the builder adds 3 m a lap)
    assert run.moving_s == 601  # the laps' TotalTimeSeconds
    assert run.elapsed_s == 601
    assert (run.sport, run.sport_named, run.source_format) == ("run", True, "tcx")
    assert run.avg_heart_rate == 148
    assert run.avg_cadence == 176  # RunCadence is strides a minute: doubled
    assert run.temperature_c == Decimal("21.0")
    assert 28 <= run.elevation_gain_m <= 32
    assert run.points == 601
    assert run.external_id == "tcx:2024-05-01T06:00:00Z"


def test_the_laps_distance_wins_over_the_track():
    points = files.route(601)
    run = run_of(files.tcx_bytes(points, lap_distance_m=2000))
    assert run.distance_m == 2000


def test_a_treadmill_file_without_gps_gets_the_devices_distance():
    points = files.route(1201, gps=False)
    run = run_of(files.tcx_bytes(points, laps=2, positions=False, lap_distance_m=2500))
    assert run.distance_m == 5000
    assert run.moving_s == 1201


def test_a_lap_only_file_imports_from_the_lap_totals():
    points = files.route(10)
    data = files.tcx_bytes(points, trackpoints=False, lap_distance_m=4000, lap_time_s=1500)
    run = run_of(data)
    assert (run.distance_m, run.moving_s, run.elapsed_s) == (4000, 1500, 1500)
    assert run.start == files.START
    assert run.points == 0


def test_lap_heart_rate_averages_are_weighted_by_lap_time():
    points = files.route(601)
    run = run_of(files.tcx_bytes(points, laps=2, lap_hr=150))
    assert run.avg_heart_rate == 150


def test_a_plain_cadence_in_strides_is_doubled():
    points = files.route(100, cad=85)
    run = run_of(files.tcx_bytes(points, run_cadence=False))
    assert run.avg_cadence == 170


def test_biking_is_skipped_by_name():
    (skipped,) = parse_tcx(files.tcx_bytes(files.route(100), sport="Biking"))
    assert isinstance(skipped, SkippedActivity)
    assert skipped.sport == "Biking"
    assert skipped.external_id == "tcx:2024-05-01T06:00:00Z"


def test_sport_other_names_no_sport_and_is_taken_as_a_run():
    run = run_of(files.tcx_bytes(files.route(100), sport="Other"))
    assert (run.sport, run.sport_named) == ("run", False)
    assert NO_SPORT_WARNING in run.warnings


def test_each_activity_in_a_file_is_read():
    morning = files.route(100)
    evening = files.route(100, start=datetime(2024, 5, 1, 18, tzinfo=UTC))
    text = files.tcx_text(files.tcx_activity(morning), files.tcx_activity(evening, sport="Biking"))
    run, ride = parse_tcx(text.encode())
    assert isinstance(run, ParsedActivity) and isinstance(ride, SkippedActivity)
    assert run.external_id == "tcx:2024-05-01T06:00:00Z#1"
    assert ride.start == datetime(2024, 5, 1, 18, tzinfo=UTC)


def test_a_tcx_without_namespaces_is_read():
    text = files.tcx_text(files.tcx_activity(files.route(100)))
    text = text.replace(f' xmlns="{files.TCX_NS}"', "")
    assert run_of(text.encode()).distance_m == pytest.approx(300, abs=2)


def test_a_course_is_refused():
    with pytest.raises(ImportRefused, match="course"):
        parse_tcx(files.tcx_text(courses=True).encode())


def test_a_tcx_without_activities_is_refused():
    with pytest.raises(ImportRefused, match="no activity"):
        parse_tcx(files.tcx_text().encode())


def test_a_start_in_the_future_is_refused():
    with pytest.raises(ImportRefused, match="future"):
        parse_tcx(files.tcx_bytes(files.route(10)), now=datetime(2024, 1, 1, tzinfo=UTC))


def test_a_tcx_with_no_distance_is_refused():
    points = files.route(10, gps=False, step_m=0)
    with pytest.raises(ImportRefused, match="no distance"):
        parse_tcx(files.tcx_bytes(points, positions=False, lap_distance_m=0))


def test_gpx_given_to_the_tcx_parser_is_refused():
    with pytest.raises(ImportRefused, match="not TCX"):
        parse_tcx(files.gpx_bytes(files.route(10)))


def test_trackpoints_whose_time_goes_back_are_dropped():
    points = files.route(601)
    for i in range(10, 600, 10):
        points[i].time -= timedelta(seconds=5)
    # Without lap totals the track's times decide.
    activity = files.tcx_activity(points, sport="Running")
    activity = activity.replace("<TotalTimeSeconds>", "<X>").replace("</TotalTimeSeconds>", "</X>")
    run = run_of(files.tcx_text(activity).encode())
    assert run.elapsed_s == 600
    assert 590 <= run.moving_s <= run.elapsed_s
    assert any("59 track points" in w for w in run.warnings)


# --- What the laps' own figures give ------------------------------------------------------------


def _laps(points, **options) -> ParsedActivity:
    return run_of(files.tcx_bytes(points, **options))


@pytest.mark.parametrize(
    ("times", "cadences", "steps"),
    [
        ([600, 200], [80, 90], 165),  # (80 x 600 + 90 x 200) / 800 = 82.5 strides
        ([200, 600], [80, 90], 175),  # (80 x 200 + 90 x 600) / 800 = 87.5
        ([400, 400], [80, 90], 170),
        ([600, 200], [80, 0], 160),  # a lap without a cadence does not count as 0
        ([600, 200], [0, 0], None),
    ],
)
def test_lap_cadence_is_weighted_by_lap_time_and_doubled(times, cadences, steps):
    # The points' own cadence (a steady 95 strides) gives way to the device's lap averages.
    points = files.route(20, cad=95)
    run = _laps(points, laps=2, lap_time_s=times, lap_cadence=cadences)
    expected = steps if steps is not None else 190  # no lap figures: the points decide
    assert run.avg_cadence == expected


@pytest.mark.parametrize(
    ("times", "rates", "average"),
    [
        ([600, 200], [140, 160], 145),
        ([200, 600], [140, 160], 155),
        ([600, 200], [140, 0], 140),  # a lap without a heart rate is left out
        ([600, 0], [140, 180], 140),  # and so is a lap without a time
        ([600, 200], [0, 0], 120),  # none at all: the track points' own average
    ],
)
def test_lap_heart_rate_is_weighted_by_lap_time(times, rates, average):
    points = files.route(20, hr=120)
    run = _laps(points, laps=2, lap_time_s=times, lap_hr=rates)
    assert run.avg_heart_rate == average


def test_the_laps_times_and_distances_add_up():
    points = files.route(30, interval_s=100)  # laps start at 0, 1000 and 2000 s
    run = _laps(points, laps=3, lap_time_s=[600, 700.25, 0], lap_distance_m=[1000, 1500.25, 250])
    assert run.moving_s == 1300  # the lap without a time adds none (600 + 700.25)
    assert run.distance_m == 2750  # but its distance counts
    assert run.elapsed_s == 2900  # to the last track point


@pytest.mark.parametrize("bad", ["0", "-50", "NaN", "lots"])
def test_a_lap_distance_that_is_not_positive_falls_back_on_the_track(bad):
    points = files.route(101)
    data = files.tcx_bytes(points, lap_distance_m=1).replace(
        b"<DistanceMeters>1.0</DistanceMeters><Calories>",
        f"<DistanceMeters>{bad}</DistanceMeters><Calories>".encode(),
    )
    run = run_of(data)
    assert run.distance_m == 300  # the trackpoints' own DistanceMeters


@pytest.mark.parametrize("bad", ["0", "-5", "NaN"])
def test_a_lap_time_that_is_not_positive_falls_back_on_the_track(bad):
    points = files.route(101, pause_at=50, pause_s=60)
    data = files.tcx_bytes(points, lap_time_s=1).replace(
        b"<TotalTimeSeconds>1.0</TotalTimeSeconds>",
        f"<TotalTimeSeconds>{bad}</TotalTimeSeconds>".encode(),
    )
    run = run_of(data)
    assert (run.moving_s, run.elapsed_s) == (99, 160)


def test_without_lap_or_device_distances_the_gps_track_decides():
    points = files.route(101)
    activity = files.tcx_activity(points, lap_distance_m=0)
    activity = activity.replace("<DistanceMeters>", "<X>").replace("</DistanceMeters>", "</X>")
    run = run_of(files.tcx_text(activity).encode())
    assert run.distance_m == 300


def test_a_lap_that_ends_after_the_track_sets_the_elapsed_time():
    points = files.route(101)  # the track spans 100 s
    run = _laps(points, lap_time_s=400)
    assert (run.moving_s, run.elapsed_s) == (400, 400)


def test_a_track_that_ends_after_its_laps_sets_the_elapsed_time():
    points = files.route(101)
    run = _laps(points, lap_time_s=50)
    assert (run.moving_s, run.elapsed_s) == (50, 100)


# --- What the track points give ---------------------------------------------------------------


def test_track_point_averages_leave_out_zero_heart_rates_but_not_zero_degrees():
    points = files.route(4, hr=150, temp=10.0, cad=80)
    points[1].hr, points[1].temp, points[1].cad = 0, 0.0, 0
    run = run_of(files.tcx_bytes(points))
    assert run.avg_heart_rate == 150  # 0 is a strap that lost contact
    assert run.avg_cadence == 160
    assert run.temperature_c == Decimal("7.5")  # 0 °C is a reading: (10 + 0 + 10 + 10) / 4


@pytest.mark.parametrize(
    ("cadence", "run_cadence", "steps"),
    [
        (85, True, 170),  # RunCadence: strides
        (125, True, 250),  # strides, however high
        (85, False, 170),  # plain <Cadence> under 120: strides
        (170, False, 170),  # plain <Cadence> from 120: steps already
    ],
)
def test_point_cadence_in_strides_or_steps(cadence, run_cadence, steps):
    run = run_of(files.tcx_bytes(files.route(50, cad=cadence), run_cadence=run_cadence))
    assert run.avg_cadence == steps


def test_points_with_several_tracks_count_no_distance_across_the_gap():
    points = files.route(200)
    whole = run_of(files.tcx_bytes(points, lap_distance_m=0))
    activity = files.tcx_activity(points, lap_distance_m=0)
    activity = activity.replace("<DistanceMeters>", "<X>").replace("</DistanceMeters>", "</X>")
    split = activity.replace(
        "<Trackpoint><Time>2024-05-01T06:01:40Z",
        "</Track><Track><Trackpoint><Time>2024-05-01T06:01:40Z",
    )
    gpx_distance = run_of(files.tcx_text(split).encode())
    assert whole.distance_m == 597 and gpx_distance.distance_m == 594  # 3 m less: the gap
    assert gpx_distance.moving_s == 200  # the laps' time


def test_trackpoints_without_times_count_their_distance_but_not_their_time():
    points = files.route(11)
    activity = files.tcx_activity(points, lap_distance_m=0, lap_time_s=0)
    activity = activity.replace("<Time>2024-05-01T06:00:10Z</Time>", "")
    run = run_of(files.tcx_text(activity).encode())
    assert run.elapsed_s == 9  # the last point with a time is at 9 s
    assert run.points == 11


# --- Times, ids and sports ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("2024-05-01T06:00:00Z", files.START),
        ("2024-05-01T06:00:00.000Z", files.START),
        ("2024-05-01T08:00:00+02:00", files.START),  # an offset: the same moment
        ("2024-05-01T01:30:00-04:30", files.START),
        ("2024-05-01T06:00:00", files.START),  # no zone: UTC
        (" 2024-05-01T06:00:00Z ", files.START),
    ],
)
def test_lap_start_times_with_any_offset(written, start):
    activity = files.tcx_activity(files.route(10), activity_id="run")
    activity = activity.replace('StartTime="2024-05-01T06:00:00Z"', f'StartTime="{written}"')
    run = run_of(files.tcx_text(activity).encode())
    assert run.start == start


def test_without_a_lap_start_the_activity_id_gives_the_start():
    activity = files.tcx_activity(files.route(10), activity_id="2024-05-01T05:59:00Z")
    activity = activity.replace('StartTime="2024-05-01T06:00:00Z"', 'StartTime="soon"')
    run = run_of(files.tcx_text(activity).encode())
    assert run.start == files.START - timedelta(minutes=1)
    assert run.elapsed_s == 69  # to the last point (the lap's own end is unknown)


def test_without_a_lap_start_or_a_date_id_the_first_point_gives_the_start():
    activity = files.tcx_activity(files.route(10), activity_id="12345", lap_time_s=0)
    activity = activity.replace('StartTime="2024-05-01T06:00:00Z"', "")
    run = run_of(files.tcx_text(activity).encode())
    assert run.start == files.START
    assert run.external_id == "tcx:12345"


def test_an_activity_without_any_time_is_refused():
    activity = files.tcx_activity(files.route(10), activity_id="", trackpoints=False)
    activity = activity.replace('StartTime="2024-05-01T06:00:00Z"', "")
    with pytest.raises(ImportRefused, match="no start time"):
        parse_tcx(files.tcx_text(activity).encode())


def test_an_activity_without_an_id_has_no_external_id():
    (run,) = parse_tcx(files.tcx_bytes(files.route(10), activity_id=""))
    assert run.external_id == ""
    (ride,) = parse_tcx(files.tcx_bytes(files.route(10), activity_id="", sport="Biking"))
    assert ride.external_id == ""


def test_several_activities_are_numbered_and_each_keeps_its_own_sport():
    starts = [files.START + timedelta(hours=h) for h in range(3)]
    text = files.tcx_text(
        *(files.tcx_activity(files.route(10, start=s), sport="Running") for s in starts)
    )
    given = sports.Verdict("trail_run", True, "Trail Run")
    results = parse_tcx(text.encode(), sport=given)
    assert [r.external_id for r in results] == [
        "tcx:2024-05-01T06:00:00Z#1",
        "tcx:2024-05-01T07:00:00Z#2",
        "tcx:2024-05-01T08:00:00Z#3",
    ]
    assert [r.sport for r in results] == ["run", "run", "run"]  # one sport can't fit three


def test_the_sport_given_overrides_a_single_activitys_own():
    given = sports.Verdict("trail_run", True, "Trail Run")
    run = run_of(files.tcx_bytes(files.route(10), sport="Biking"), sport=given)
    assert (run.sport, run.terrain) == ("trail_run", "trail")


def test_a_single_activity_is_not_numbered():
    assert run_of(files.tcx_bytes(files.route(10))).external_id == "tcx:2024-05-01T06:00:00Z"


@pytest.mark.parametrize(
    ("seconds", "metres", "moving", "distance"),
    [
        ([600.3, 0.5], [1000.3, 0.5], 601, 1001),  # half a second, half a metre: they count
        ([600.7, -0.5], [1000.7, -0.5], 601, 1001),  # below zero: they do not
    ],
)
def test_every_positive_lap_time_and_distance_counts_however_small(
    seconds, metres, moving, distance
):
    points = files.route(20, interval_s=100)
    run = _laps(points, laps=2, lap_time_s=seconds, lap_distance_m=metres)
    assert (run.moving_s, run.distance_m) == (moving, distance)


def test_a_single_trackpoints_heart_rate_is_the_average():
    points = files.route(1, hr=150)
    run = _laps(points, lap_time_s=600, lap_distance_m=1500)
    assert run.avg_heart_rate == 150

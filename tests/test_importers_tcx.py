"""TCX import: laps' device figures, treadmill files without GPS, sports, extensions."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from runlog.importers import ImportRefused, ParsedActivity, SkippedActivity, parse_tcx
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

"""runlog.route: a stored activity file's track points, drawn as an outline and an elevation
profile fitted to a box, and cut into per-km or per-mile splits. Plain: no database."""

import gzip
import re

import pytest

from runlog import route, units
from tests import importer_files as files


def box_of(points_attribute: str) -> tuple[float, float, float, float]:
    pairs = [tuple(map(float, pair.split(","))) for pair in points_attribute.split()]
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return min(xs), min(ys), max(xs), max(ys)


def steady(metres: float, seconds_per_km: float = 300.0, step_m: float = 10.0, **options):
    """Points every `step_m` along a straight line, at a steady pace."""
    n = round(metres / step_m) + 1
    return [
        route.Point(
            51.0 + i * step_m / 111_195.0,
            -0.5,
            options.get("ele"),
            i * step_m * seconds_per_km / 1000,
            i * step_m,
        )  # fmt: skip
        for i in range(n)
    ]


# Reading.


def test_a_gpx_gives_its_points_with_time_and_distance():
    data = files.gpx_bytes(files.route(601, elevation=files.climb(30)))
    points = route.points_of("gpx", data)
    assert len(points) == 601
    assert points[0].seconds_from_start == 0 and points[-1].seconds_from_start == 600
    assert points[-1].distance_m == pytest.approx(1800, rel=0.01)
    assert points[0].ele == pytest.approx(20) and points[-1].ele == pytest.approx(50)


def test_gzipped_tcx_and_fit_are_read_too():
    track = files.route(301, elevation=files.flat(80))
    for fmt, data in [
        ("tcx", files.gz(files.tcx_bytes(track))),
        ("fit", files.fit_bytes(track)),
        ("fit", files.gz(files.fit_bytes(track))),
    ]:
        points = route.points_of(fmt, data)
        assert len(points) == 301, fmt
        assert points[-1].distance_m == pytest.approx(900, rel=0.02), fmt
        assert points[-1].seconds_from_start == pytest.approx(300), fmt
        assert points[0].lat == pytest.approx(51.4769, abs=1e-4), fmt


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("gpx", b"<gpx><trk><trkseg><trkpt lat="),
        ("gpx", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><gpx>&a;</gpx>'),
        ("tcx", b"not xml at all"),
        ("fit", b"\x0e\x10" + b"\x00" * 30),
        ("fit", files.fit_bytes(files.route(50))[:-40]),  # cut short
        ("gpx", b"\x1f\x8b\x08\x00garbage"),  # damaged gzip
        ("zip", b"PK"),
    ],
)
def test_a_file_that_cannot_be_read_is_unreadable(fmt, data):
    with pytest.raises(route.Unreadable):
        route.points_of(fmt, data)


def test_a_gzip_bomb_is_refused_not_inflated():
    with pytest.raises(route.Unreadable):
        route.points_of("gpx", gzip.compress(b" " * (70 * 1024 * 1024)))


# The outline.


def test_the_outline_fits_the_box():
    points = route.points_of("gpx", files.gpx_bytes(files.route(401, bearing=30)))
    left, top, right, bottom = box_of(route.outline(points, 320, 200))
    assert left >= 0 and right <= 320 and top >= 0 and bottom <= 200
    # It fills the box one way (one scale for both axes, the margin aside).
    assert right - left == pytest.approx(312, abs=0.5) or bottom - top == pytest.approx(
        192, abs=0.5
    )


def test_an_east_west_track_is_wider_than_tall_and_north_is_up():
    east = route.points_of("gpx", files.gpx_bytes(files.route(401, bearing=90)))
    left, top, right, bottom = box_of(route.outline(east, 300, 300))
    assert right - left > 10 * (bottom - top)
    assert route.aspect(east) < 0.1
    north = route.points_of("gpx", files.gpx_bytes(files.route(401, bearing=0)))
    drawn = route.outline(north, 300, 300).split()
    first_y, last_y = float(drawn[0].split(",")[1]), float(drawn[-1].split(",")[1])
    assert last_y < first_y  # running north goes up the page


def test_longitude_is_scaled_by_the_cosine_of_latitude():
    # 0.01 degrees either way at 60 degrees north: half as wide as tall.
    points = [route.Point(60.0, 10.0, None, 0, 0), route.Point(60.01, 10.01, None, 1, 1)]
    assert route.aspect(points) == pytest.approx(2.0, rel=0.01)


def test_the_outline_has_at_most_500_points():
    points = steady(30_000, step_m=3.0)  # 10,001 points
    assert len(route.outline(points, 320, 320).split()) <= route.MAX_OUTLINE_POINTS


def test_no_positions_no_outline():
    points = [route.Point(None, None, 10.0, i, i * 3.0) for i in range(10)]
    assert route.outline(points, 320, 200) == "" and route.aspect(points) is None


# The elevation profile.


def test_the_profile_gives_the_lowest_and_highest_elevation_and_fits_the_box():
    points = route.points_of("gpx", files.gpx_bytes(files.route(601, elevation=files.waves(40, 3))))
    drawn = route.profile(points, 320, 100)
    assert drawn.low_m == pytest.approx(60, abs=0.1) and drawn.high_m == pytest.approx(140, abs=0.1)
    left, top, right, bottom = box_of(drawn.points)
    assert (left, right) == (0, 320) and top == pytest.approx(0) and bottom == pytest.approx(100)
    assert len(drawn.points.split()) <= route.MAX_PROFILE_POINTS


def test_no_elevations_no_profile():
    points = route.points_of("gpx", files.gpx_bytes(files.route(100)))
    assert route.profile(points, 320, 100) is None


def test_a_flat_profile_is_a_level_line():
    drawn = route.profile(steady(2000, ele=50.0), 320, 100)
    assert (drawn.low_m, drawn.high_m) == (50.0, 50.0)
    assert {pair.split(",")[1] for pair in drawn.points.split()} == {"50.0"}


# Splits.


def test_a_steady_5_3_km_gives_five_whole_km_and_the_rest():
    result = route.splits(steady(5300, seconds_per_km=300), units.KM)
    assert [s.number for s in result] == [1, 2, 3, 4, 5, 6]
    assert [s.whole for s in result] == [True] * 5 + [False]
    for split in result[:5]:
        assert split.distance_m == 1000
        assert split.seconds == pytest.approx(300)
        assert split.pace_s == pytest.approx(300)
    last = result[-1]
    assert last.distance_m == pytest.approx(300) and last.seconds == pytest.approx(90)
    assert last.pace_s == pytest.approx(300)  # the same pace, per km


def test_splits_in_miles():
    # 5.3 km at 5:00 /km: three whole miles of 8:03 (483 s) and 0.29 mile left.
    result = route.splits(steady(5300, seconds_per_km=300), units.MI)
    assert [s.whole for s in result] == [True, True, True, False]
    for split in result[:3]:
        assert split.distance_m == pytest.approx(1609.344)
        assert split.seconds == pytest.approx(482.8, abs=0.1)
    assert result[-1].distance_m == pytest.approx(5300 - 3 * 1609.344)
    assert result[-1].pace_s == pytest.approx(482.8, abs=0.1)


def test_a_boundary_between_points_is_interpolated():
    # Points every 300 m: km 1 ends a third of the way from 900 m to 1200 m.
    result = route.splits(steady(2100, seconds_per_km=360, step_m=300), units.KM)
    assert [round(s.seconds, 1) for s in result] == [360.0, 360.0, 36.0]


def test_an_uneven_run_has_uneven_splits():
    fast = steady(1000, seconds_per_km=240)
    slow = [p._replace(seconds_from_start=240 + p.seconds_from_start * 1.5,
                       distance_m=1000 + p.distance_m) for p in steady(1000)[1:]]  # fmt: skip
    assert [round(s.seconds) for s in route.splits(fast + slow, units.KM)] == [240, 450]


def test_no_times_no_splits_and_a_tiny_remainder_is_left_out():
    untimed = [p._replace(seconds_from_start=None) for p in steady(3000)]
    assert route.splits(untimed, units.KM) == []
    assert len(route.splits(steady(2005), units.KM)) == 2


def test_gpx_times_give_splits_from_the_file():
    data = files.gpx_bytes(files.route(701, step_m=3.0, interval_s=1.0))  # 2.1 km at 5:33 /km
    result = route.splits(route.points_of("gpx", data), units.KM)
    assert len(result) == 3
    assert result[0].seconds == pytest.approx(1000 / 3, rel=0.01)
    assert re.fullmatch(r"5:3\d /km", units.format_pace(1000, result[0].seconds, units.KM))

"""`track`: what a series of points adds up to. Distance on the sphere in every direction,
moving time, the clock, the climb filter, terrain and cadence, without files or a database."""

from math import acos, asin, cos, pi, radians, sin

import pytest

from runlog.importers import track

R = 6_371_008.8  # the mean Earth radius, metres
DEGREE = 2 * pi * R / 360  # one degree of a great circle: 111,195.08 m


def distance(*points) -> float:
    """The great-circle length of a path through (lat, lon) points, as a Track measures it."""
    acc = track.Track()
    for lat, lon in points:
        acc.add(lat, lon, None, None)
    return acc.gps_distance_m


def law_of_cosines(lat1, lon1, lat2, lon2) -> float:
    """The same distance by another formula (fine for points far apart)."""
    p1, p2, dl = radians(lat1), radians(lat2), radians(lon2 - lon1)
    return R * acos(sin(p1) * sin(p2) + cos(p1) * cos(p2) * cos(dl))


# --- Distance ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "metres"),
    [
        ((0, 0), (1, 0), DEGREE),  # north along a meridian
        ((1, 0), (0, 0), DEGREE),  # south
        ((0, 0), (0, 1), DEGREE),  # east along the equator
        ((0, 1), (0, 0), DEGREE),  # west
        ((0, 179.5), (0, -179.5), DEGREE),  # east across the date line
        ((60, 0), (60, 1), 2 * R * asin(cos(radians(60)) * sin(radians(0.5)))),  # east at 60° N
        ((-60, 1), (-60, 0), 2 * R * asin(cos(radians(60)) * sin(radians(0.5)))),  # west at 60° S
        ((0, 0), (1, 1), R * acos(cos(radians(1)) ** 2)),  # north-east
        ((1, 1), (0, 0), R * acos(cos(radians(1)) ** 2)),  # south-west
        ((0, 0), (90, 0), pi * R / 2),  # equator to the pole
        ((0, 0), (0, 180), pi * R),  # to the other side of the Earth
        ((45, 10), (-45, -170), pi * R),  # antipodes off the equator
        ((51.5007, -0.1246), (48.8584, 2.2945), law_of_cosines(51.5007, -0.1246, 48.8584, 2.2945)),
    ],
    ids=[
        "north",
        "south",
        "east",
        "west",
        "date-line",
        "east-at-60N",
        "west-at-60S",
        "north-east",
        "south-west",
        "quarter-meridian",
        "antipodes",
        "antipodes-45",
        "london-paris",
    ],
)
def test_great_circle_distance_in_every_direction(start, end, metres):
    assert distance(start, end) == pytest.approx(metres, abs=0.5)


def test_london_to_paris_is_about_340_km():
    assert distance((51.5007, -0.1246), (48.8584, 2.2945)) == pytest.approx(340_540, abs=10)


@pytest.mark.parametrize(
    ("lat", "east_m_per_degree"),
    [(0, DEGREE), (51.4769, DEGREE * cos(radians(51.4769))), (80, DEGREE * cos(radians(80)))],
)
def test_a_short_step_east_shrinks_with_the_cosine_of_the_latitude(lat, east_m_per_degree):
    step = 3 / east_m_per_degree  # degrees of longitude for 3 m east
    assert distance((lat, 0.0), (lat, step)) == pytest.approx(3.0, abs=0.001)
    assert distance((lat, 0.0), (lat, step), (lat, 2 * step)) == pytest.approx(6.0, abs=0.002)


def test_a_square_around_a_park_is_four_sides():
    side = 100 / DEGREE  # 100 m of latitude; longitude at the equator: the same
    path = [(0, 0), (side, 0), (side, side), (0, side), (0, 0)]
    assert distance(*path) == pytest.approx(400, abs=0.01)


def test_points_without_a_position_add_nothing_and_keep_the_path_going():
    acc = track.Track()
    acc.add(0.0, 0.0, None, None)
    acc.add(None, 0.5, None, None)  # half a fix is no fix
    acc.add(0.5, None, None, None)
    acc.add(1.0, 0.0, None, None)
    assert acc.gps_distance_m == pytest.approx(DEGREE, abs=0.5)
    assert (acc.points, acc.positions) == (4, 2)


def test_no_distance_is_counted_across_a_new_segment():
    acc = track.Track()
    acc.add(0.0, 0.0, 0, None)
    acc.add(0.001, 0.0, 1, None)
    acc.new_segment()
    acc.add(0.5, 0.0, 100, None)  # a gap of 55 km: not run
    acc.add(0.501, 0.0, 101, None)
    assert acc.gps_distance_m == pytest.approx(2 * DEGREE / 1000, abs=0.01)
    assert acc.moving_s == 2
    assert acc.elapsed_s == 101


def test_the_device_distance_is_the_furthest_it_wrote():
    acc = track.Track()
    for t, dist in enumerate((0.0, 400.0, 1000.0, 0.0, 200.0)):  # reset mid-run
        acc.add(None, None, t, None, dist)
    assert acc.device_distance_m == 1000
    assert track.Track().device_distance_m == 0


# --- Moving time --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metres_per_second", "moving"),
    [(0.0, 0), (0.25, 0), (0.49, 0), (0.5, 10), (0.51, 10), (3.0, 10)],
)
def test_a_step_slower_than_half_a_metre_a_second_is_standing_still(metres_per_second, moving):
    acc = track.Track()
    for t in range(11):
        acc.add(None, None, float(t), None, t * metres_per_second)
    assert acc.moving_s == moving
    assert acc.elapsed_s == 10


def test_a_slow_gps_drift_is_standing_still_and_a_run_is_moving():
    acc = track.Track()
    metres = 1 / DEGREE
    for t in range(5):  # 0.4 m a second: drift at a red light
        acc.add(t * 0.4 * metres, 0.0, float(t), None)
    for t in range(5, 10):  # 3 m a second
        acc.add((1.6 + (t - 4) * 3) * metres, 0.0, float(t), None)
    assert acc.moving_s == 5
    assert acc.elapsed_s == 9


def test_a_device_distance_that_stands_still_is_standing_still_whatever_the_gps_says():
    acc = track.Track()
    for t in range(6):  # the watch's own distance says stopped; the GPS wanders 3 m a second
        acc.add(t * 3 / DEGREE, 0.0, float(t), None, 100.0)
    assert acc.moving_s == 0
    assert acc.gps_distance_m == pytest.approx(15, abs=0.01)


def test_a_device_distance_going_back_leaves_the_gps_to_decide():
    acc = track.Track()
    for t, dist in enumerate((500.0, 10.0, 13.0)):  # reset after the first point
        acc.add(t * 3 / DEGREE, 0.0, float(t), None, dist)
    assert acc.moving_s == 2


def test_the_same_second_twice_adds_no_time():
    acc = track.Track()
    for t, dist in ((0.0, 0.0), (1.0, 3.0), (1.0, 6.0), (2.0, 9.0)):
        acc.add(None, None, t, None, dist)
    assert (acc.moving_s, acc.elapsed_s) == (2, 2)


# --- The clock ----------------------------------------------------------------------------------


def test_the_first_and_last_times_are_the_tracks_span():
    acc = track.Track()
    assert acc.elapsed_s is None
    acc.add(None, None, None, None)
    assert (acc.first_time, acc.elapsed_s) == (None, None)
    for t in (100.0, 130.0, 160.0):
        acc.add(None, None, t, None)
    assert (acc.first_time, acc.last_time, acc.elapsed_s) == (100, 160, 60)


def test_a_time_going_back_never_resets_the_clock():
    acc = track.Track()
    for t, dist in ((0.0, 0.0), (60.0, 180.0), (30.0, 270.0), (90.0, 360.0)):
        acc.add(None, None, t, None, dist)
    assert (acc.first_time, acc.last_time, acc.elapsed_s) == (0, 90, 90)
    assert acc.moving_s == 90


@pytest.mark.parametrize(
    ("times", "keep"),
    [
        ([], None),
        ([None, None], None),
        ([3, 2], [False, True]),
        ([3, 3, 2, 3], [True, True, False, True]),
        ([None, 5, None, 4], [True, False, True, True]),  # a tie: the later point stays
        ([9, 1, 2, 3, 10], [False, True, True, True, True]),
        ([1, 5, 2, 3, 4, 7], [True, False, True, True, True, True]),
    ],
)
def test_in_time_order_keeps_the_longest_run_of_times_that_never_go_back(times, keep):
    assert track.in_time_order(times) == keep


@pytest.mark.parametrize(
    ("dropped", "text"),
    [
        (1, "1 track point out of time order was left out"),
        (2, "2 track points out of time order were left out"),
        (1234, "1,234 track points out of time order were left out"),
    ],
)
def test_the_warning_for_dropped_points_counts_them(dropped, text):
    assert text in track.dropped_warning(dropped)


# --- Climb ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elevations", "gain_loss"),
    [
        ([], (None, None)),
        ([100], (None, None)),
        ([None, 100, None], (None, None)),
        ([100, 100], (0, 0)),
        ([100, 105], (0, 0)),  # within the 5 m band: noise
        ([100, 95], (0, 0)),
        ([100, 105.5], (5.5, 0)),  # out of the band: a climb, counted from the start
        ([100, 94.5], (0, 5.5)),
        ([100, 102, 98, 102, 98], (0, 0)),  # ±2 m of noise
        ([100, 103, 97], (0, 6)),  # 6 m from top to bottom: out of the band
        ([100, 103, 94], (0, 9)),  # down from the highest point of the band
        ([100, 97, 106], (9, 0)),  # up from the lowest
        ([0, 10, 20, 10, 0], (20, 20)),
        ([0, 10, 20, 16, 20, 30], (30, 0)),  # a 4 m dip on the way up is not a descent
        ([30, 20, 10, 14, 10, 0], (0, 30)),  # a 4 m rise on the way down is not a climb
        ([0, 20, 14, 20], (26, 6)),  # a 6 m dip is a descent, and climbing out again a climb
        ([20, 0, 6, 0], (6, 26)),
        ([0, 20, 15, 20], (20, 0)),  # exactly 5 m back is still within the band
        ([20, 0, 5, 0], (0, 20)),
        ([0, 40, 0, 40, 0], (80, 80)),  # hill repeats
        ([0, 40, 0, 40, 38], (80, 40)),  # ends on the way down, within the band
    ],
)
def test_climb_and_descent_through_the_5_m_band(elevations, gain_loss):
    assert track.elevation_of(elevations) == gain_loss


@pytest.mark.parametrize(
    ("seconds", "jump", "counted"),
    [
        (0, 9.9, True),  # same second: up to 10 m
        (0, 10.1, False),
        (10, 29.9, True),  # 10 m + 2 m/s x 10 s
        (10, 30.1, False),
        (10, -30.1, False),  # a drop as much as a climb
        (10, -29.9, True),
        (100, 209, True),
    ],
)
def test_a_jump_faster_than_a_runner_climbs_is_a_glitch(seconds, jump, counted):
    acc = track.Track()
    acc.add(None, None, 1000.0, 300.0)
    acc.add(None, None, 1000.0 + seconds, 300.0 + jump)
    acc.add(None, None, 2000.0, 300.0 + jump)
    gain, loss = acc.elevation()
    climbed = (max(jump, 0), max(-jump, 0)) if counted else (0, 0)
    assert (gain, loss) == pytest.approx(climbed)
    assert acc.elevation_jumps == (0 if counted else 1)


def test_after_a_glitch_the_profile_goes_on_from_the_new_level():
    acc = track.Track()
    for t, ele in ((0, 300.0), (1, 0.0), (2, 0.0), (3, 10.0), (4, 20.0), (5, 300.0)):
        acc.add(None, None, float(t), ele)
    # 300 -> 0 and 0 -> 300 are glitches; the 20 m between them is a real climb.
    assert acc.elevation() == (20, 0)
    assert acc.elevation_jumps == 2


@pytest.mark.parametrize(("jump", "counted"), [(49.0, True), (50.0, True), (50.5, False)])
def test_without_times_a_jump_over_50_m_is_a_glitch(jump, counted):
    gain, _ = track.elevation_of([100.0, 100.0 + jump, 100.0 + jump])
    assert gain == (jump if counted else 0)


def test_a_timed_sample_after_an_untimed_one_is_judged_from_the_last_time_known():
    acc = track.Track()
    acc.add(None, None, 0.0, 100.0)
    acc.add(None, None, None, 100.0)
    acc.add(None, None, 100.0, 300.0)  # 200 m in 100 s since the last time: allowed
    acc.add(None, None, 101.0, 300.0)
    assert acc.elevation() == (200, 0)


# --- Terrain ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("distance_m", "gain", "loss", "trail", "terrain"),
    [
        (10_000, 49.9, 49.9, False, "flat"),
        (10_000, 50, 50, False, "rolling"),
        (10_000, 149.9, 149.9, False, "rolling"),
        (10_000, 150, 150, False, "hilly"),
        (1_000, 4.9, 0, False, "flat"),  # per km, not per run
        (1_000, 5, 0, False, "rolling"),
        (2_000, 29, 0, False, "rolling"),
        (2_000, 30, 0, False, "hilly"),
        (999, 0, 0, False, ""),  # too short to say
        (1_000, 0, 0, False, "flat"),
        (10_000, None, 0, False, ""),
        (10_000, 0, None, False, ""),
        (10_000, None, None, True, "trail"),
        (10_000, 0, 0, True, "trail"),
        (10_000, 100, 200, False, "downhill"),  # twice the climb, 100 m net, 20 m a km
        (10_000, 100, 199, False, "rolling"),  # under twice the climb
        (10_000, 0, 100, False, "downhill"),
        (10_000, 0, 99, False, "flat"),  # under 100 m net
        (10_000, 150, 299, False, "hilly"),  # 149 m net, but not twice the climb
        (10_000, 150, 300, False, "downhill"),
        (10_000, 50, 149, False, "rolling"),
        (10_000, 50, 150, False, "downhill"),
        (12_000, 10, 120, False, "downhill"),  # 10 m a km
        (12_001, 10, 120, False, "flat"),  # just under 10 m a km
    ],
)
def test_terrain_from_climb_per_km(distance_m, gain, loss, trail, terrain):
    assert track.classify_terrain(distance_m, gain, loss, trail=trail) == terrain


# --- Cadence and means --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "strides", "steps"),
    [
        (None, None, None),
        (0, None, None),
        (-80, True, None),
        (85, None, 170),  # under 120 a minute: strides
        (119, None, 238),
        (120, None, 120),  # from 120: already steps
        (172, None, 172),
        (130, True, 260),  # the file says strides
        (85, False, 85),  # the file says steps
        (87.5, True, 175),
        (0.5, None, 1.0),  # any positive value is a cadence (build_activity judges it)
        (1, True, 2),
    ],
)
def test_running_cadence_in_steps_per_minute(value, strides, steps):
    assert track.running_cadence_spm(value, strides=strides) == steps


@pytest.mark.parametrize(("total", "count", "mean"), [(10, 4, 2.5), (0, 0, None), (-3, 1, -3)])
def test_mean(total, count, mean):
    assert track.mean(total, count) == mean

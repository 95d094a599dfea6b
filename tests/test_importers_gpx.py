"""GPX import: what a run's track adds up to, sports, elevation smoothing, terrain, speed."""

import hashlib
import re
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from xml.etree import ElementTree

import gpxpy
import pytest

from runlog.importers import ImportRefused, ParsedActivity, SkippedActivity, gpx, parse_gpx, track
from runlog.importers.activity import NO_SPORT_WARNING
from tests import importer_files as files


def run_of(data: bytes, **options) -> ParsedActivity:
    (activity,) = parse_gpx(data, **options)
    assert isinstance(activity, ParsedActivity)
    return activity


def test_a_run_adds_up_from_its_track_points():
    points = files.route(601, hr=151, cad=86, temp=17.5, elevation=files.flat())
    data = files.gpx_bytes(points, sport_type="running")

    run = run_of(data)

    assert run.start == files.START
    assert run.start.tzinfo is not None and run.start.utcoffset() == timedelta(0)
    assert run.distance_m == pytest.approx(1800, abs=2)  # 600 steps of 3 m
    assert run.moving_s == 600
    assert run.elapsed_s == 600
    assert (run.sport, run.sport_named, run.source_format) == ("run", True, "gpx")
    assert run.avg_heart_rate == 151
    assert run.avg_cadence == 172  # gpxtpx:cad 86 strides a minute: 172 steps
    assert run.temperature_c == Decimal("17.5")
    assert run.points == 601
    assert run.name == "Morning Run"
    assert run.external_id == ""
    assert run.content_sha256 == hashlib.sha256(data).hexdigest()
    assert run.warnings == []


def test_the_content_hash_is_stable():
    data = files.gpx_bytes(files.route(50))
    assert run_of(data).content_sha256 == run_of(bytes(data)).content_sha256


def test_a_cadence_already_in_steps_is_not_doubled():
    run = run_of(files.gpx_bytes(files.route(100, cad=172), sport_type="running"))
    assert run.avg_cadence == 172


def test_extensions_without_garmins_wrapper_are_read():
    points = files.route(100, hr=140, temp=9.0)
    run = run_of(files.gpx_bytes(points, flat_extensions=True))
    assert (run.avg_heart_rate, run.temperature_c) == (140, Decimal("9.0"))


def test_no_heart_rate_or_temperature_recorded_stays_empty():
    run = run_of(files.gpx_bytes(files.route(100)))
    assert (run.avg_heart_rate, run.avg_cadence, run.temperature_c) == (None, None, None)
    assert (run.elevation_gain_m, run.elevation_loss_m, run.terrain) == (None, None, "")


@pytest.mark.parametrize(
    ("sport_type", "sport"),
    [
        ("9", "run"),  # Strava's GPX: the numeric type of a run
        ("running", "run"),
        ("Run", "run"),
        ("trail_running", "trail_run"),
        ("treadmill_running", "treadmill"),
        ("VirtualRun", "virtual_run"),
    ],
)
def test_running_types_are_imported(sport_type, sport):
    run = run_of(files.gpx_bytes(files.route(100), sport_type=sport_type))
    assert (run.sport, run.sport_named) == (sport, True)


@pytest.mark.parametrize(
    ("sport_type", "named"),
    [("1", "Ride"), ("10", "Walk"), ("23", "Strava type 23"), ("cycling", "cycling")],
)
def test_other_sports_are_skipped_by_name(sport_type, named):
    (skipped,) = parse_gpx(files.gpx_bytes(files.route(100), sport_type=sport_type))
    assert isinstance(skipped, SkippedActivity)
    assert skipped.sport == named
    assert skipped.start == files.START


def test_a_file_naming_no_sport_is_taken_as_a_run_and_says_so():
    run = run_of(files.gpx_bytes(files.route(100)))
    assert (run.sport, run.sport_named) == ("run", False)
    assert NO_SPORT_WARNING in run.warnings


def test_a_trail_run_is_trail_terrain_whatever_its_profile():
    points = files.route(400, elevation=files.flat())
    run = run_of(files.gpx_bytes(points, sport_type="trail_running"))
    assert run.terrain == "trail"


def test_gps_noise_on_a_flat_route_invents_no_hills():
    points = files.route(3334, elevation=files.flat(), noise_m=2.0)  # 10 km, ±2 m
    run = run_of(files.gpx_bytes(points))
    assert run.elevation_gain_m == 0
    assert run.elevation_loss_m == 0
    assert run.terrain == "flat"


def test_noise_summed_naively_would_have_made_hills():
    points = files.route(3334, elevation=files.flat(), noise_m=2.0)
    rises = [b.ele - a.ele for a, b in zip(points, points[1:], strict=False)]
    assert sum(r for r in rises if r > 0) > 1000  # what the smoothing saves the runner from


def test_a_real_climb_counts_whole():
    points = files.route(1000, step_m=5, elevation=files.climb(100), noise_m=2.0)
    run = run_of(files.gpx_bytes(points))
    assert 95 <= run.elevation_gain_m <= 105
    assert run.elevation_loss_m <= 5
    assert run.terrain == "hilly"  # 100 m in 5 km: 20 m per km


def test_gentle_hills_are_rolling():
    points = files.route(2001, step_m=5, elevation=files.waves(10, 4), noise_m=1.0)  # 10 km
    run = run_of(files.gpx_bytes(points))
    # Four climbs of 20 m, each measured between noisy ends: at most 2 x 1 m more.
    assert 78 <= run.elevation_gain_m <= 88
    assert run.terrain == "rolling"


def test_a_long_descent_is_downhill():
    points = files.route(2001, step_m=5, elevation=files.descent(300), noise_m=2.0)
    run = run_of(files.gpx_bytes(points))
    assert 295 <= run.elevation_loss_m <= 305
    assert run.elevation_gain_m <= 5
    assert run.terrain == "downhill"


def test_terrain_thresholds():
    assert track.classify_terrain(10_000, 49, 49) == "flat"
    assert track.classify_terrain(10_000, 50, 50) == "rolling"
    assert track.classify_terrain(10_000, 149, 149) == "rolling"
    assert track.classify_terrain(10_000, 150, 150) == "hilly"
    assert track.classify_terrain(10_000, 100, 250) == "downhill"
    assert track.classify_terrain(10_000, 120, 200) == "rolling"  # loss not twice the gain
    assert track.classify_terrain(10_000, 0, 90) == "flat"  # under 100 m net
    assert track.classify_terrain(500, 0, 0) == ""  # too short to say
    assert track.classify_terrain(10_000, None, None) == ""
    assert track.classify_terrain(10_000, None, None, trail=True) == "trail"


def test_a_pause_counts_in_elapsed_but_not_moving_time():
    points = files.route(601, pause_at=300, pause_s=120)
    run = run_of(files.gpx_bytes(points))
    assert run.elapsed_s == 720
    assert run.moving_s == 599  # 600 one-second steps, less the one that spans the pause


def test_no_distance_is_counted_across_a_gap_between_segments():
    one = run_of(files.gpx_bytes(files.route(600)))
    two = run_of(files.gpx_bytes(files.route(600), segments=2))
    assert one.distance_m - two.distance_m == pytest.approx(3, abs=1)


def test_times_without_a_zone_are_utc():
    run = run_of(files.gpx_bytes(files.route(100), naive_times=True))
    assert run.start == files.START


def test_gpx_1_0_is_read():
    run = run_of(files.gpx_bytes(files.route(100), version="1.0"))
    assert run.distance_m == pytest.approx(297, abs=2)


def test_a_gpx_without_track_points_is_refused():
    with pytest.raises(ImportRefused, match="no track points"):
        parse_gpx(files.gpx_bytes([]))


def test_a_gpx_with_only_a_route_is_refused():
    data = (
        b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        b'<rte><rtept lat="51.5" lon="0"/><rtept lat="51.6" lon="0"/></rte></gpx>'
    )
    with pytest.raises(ImportRefused, match="no track points"):
        parse_gpx(data)


def test_a_track_without_times_is_refused():
    points = files.route(10)
    for point in points:
        point.time = None
    with pytest.raises(ImportRefused, match="no times"):
        parse_gpx(files.gpx_bytes(points))


def test_a_start_in_the_future_is_refused():
    now = datetime(2024, 4, 30, tzinfo=UTC)
    with pytest.raises(ImportRefused, match="future"):
        parse_gpx(files.gpx_bytes(files.route(10)), now=now)


def test_a_start_a_minute_ahead_of_the_servers_clock_is_accepted():
    now = files.START - timedelta(minutes=1)
    assert run_of(files.gpx_bytes(files.route(10)), now=now).start == files.START


def test_a_start_before_1990_is_refused():
    points = files.route(10, start=datetime(1980, 1, 1, tzinfo=UTC))
    with pytest.raises(ImportRefused, match="before 1990"):
        parse_gpx(files.gpx_bytes(points))


def test_invalid_gpx_is_refused_not_raised():
    with pytest.raises(ImportRefused, match="not valid"):
        parse_gpx(b'<gpx version="1.1"><trk><trkseg><trkpt lat="x" lon="0"/></trkseg></trk></gpx>')
    with pytest.raises(ImportRefused, match="not well-formed"):
        parse_gpx(b"<gpx><trk>")


def test_latin_1_gpx_is_read_in_its_declared_encoding():
    text = files.gpx_text(files.route(20), name="Lauf am Fluß")
    data = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    assert run_of(data).name == "Lauf am Fluß"


def test_fifty_thousand_points_import_whole():
    """A long file's every point counts (its speed against gpxpy's is `make bench`'s)."""
    points = files.route(50_000, elevation=files.waves(10, 20), hr=150, cad=85, temp=15.0)
    (run,) = parse_gpx(files.gpx_bytes(points, sport_type="running"))
    assert run.points == 50_000
    assert run.distance_m == pytest.approx(149_997, abs=10)


# --- As the watch recorded it: clocks that go back, placeholder and impossible elevations -----


def _clock_going_back(points, every: int = 10, back_s: int = 5):
    """Every `every`-th point's time `back_s` seconds early, as a stuttering clock writes."""
    for i in range(every, len(points) - 1, every):
        points[i].time -= timedelta(seconds=back_s)
    return points


def test_times_that_go_back_are_dropped_and_never_counted_twice():
    points = _clock_going_back(files.route(601))  # 59 points 5 s early
    run = run_of(files.gpx_bytes(points, sport_type="running"))
    # Each backward step used to reset the clock: about 59 x 5 s more moving time, and the
    # elapsed time raised to it.
    assert run.elapsed_s == 600  # the span of the times
    assert 590 <= run.moving_s <= run.elapsed_s
    assert run.distance_m == pytest.approx(1800, abs=2)  # the path goes on through the rest
    assert run.points == 601 - 59
    (warning,) = run.warnings
    assert "went back" in warning and "59 track points" in warning


def test_one_wrong_time_at_the_start_costs_only_that_point():
    points = files.route(601)
    points[0].time += timedelta(hours=1)
    run = run_of(files.gpx_bytes(points))
    assert run.start == files.START + timedelta(seconds=1)
    assert run.elapsed_s == 599
    assert run.moving_s == 599
    assert "1 track point " in run.warnings[0]


def test_times_in_order_or_equal_drop_nothing():
    points = files.route(11)
    points[5].time = points[4].time  # the same second twice: not back in time
    run = run_of(files.gpx_bytes(points, sport_type="running"))
    assert run.warnings == [] and run.points == 11


@pytest.mark.parametrize(
    ("times", "keep"),
    [
        ([1, 2, 3], None),
        ([1, 1, 2], None),
        ([1, None, 2], None),
        ([1, 2, 5, 3, 4], [True, True, False, True, True]),
        ([100, 1, 2, 3], [False, True, True, True]),
        ([1, 2, 3, 0, 4], [True, True, True, False, True]),
        ([2, None, 3, 0, 4], [True, True, True, False, True]),
        ([5, 6, 1, 2, 3, 7], [False, False, True, True, True, True]),
    ],
)
def test_in_time_order_keeps_the_most_points_whose_times_never_go_back(times, keep):
    assert track.in_time_order(times) == keep


def test_a_track_never_lets_a_time_going_back_reset_its_clock():
    acc = track.Track()
    for lat, t in ((51.0, 0.0), (51.001, 60.0), (51.002, 30.0), (51.003, 90.0)):
        acc.add(lat, 0.0, t, None)
    assert acc.elapsed_s == 90
    assert acc.moving_s <= acc.elapsed_s


def test_placeholder_zeros_in_a_track_at_300_m_add_no_climb():
    points = files.route(1001, elevation=files.flat(300.0))
    for i in (100, 101, 102, 400, 401, 402, 700, 701, 702, 900, 901, 902):
        points[i].ele = 0.0  # 12 placeholder points, as some watches write
    run = run_of(files.gpx_bytes(points))
    # Each block was a 300 m descent and a 300 m climb: 1,200 m of false climb.
    assert run.elevation_gain_m == 0
    assert run.elevation_loss_m == 0
    assert run.terrain == "flat"


def test_placeholder_zeros_before_the_altimeter_settles_add_no_climb():
    points = files.route(601, elevation=files.climb(30, base=300.0))
    for p in points[:12]:
        p.ele = 0.0
    run = run_of(files.gpx_bytes(points))
    assert 25 <= run.elevation_gain_m <= 31  # the real climb only, not 300 m more


def test_an_elevation_spike_is_not_climb():
    points = files.route(1000, step_m=5, elevation=files.climb(100))
    points[500].ele += 150  # one point 150 m up and straight back
    run = run_of(files.gpx_bytes(points))
    assert 95 <= run.elevation_gain_m <= 105
    assert run.elevation_loss_m <= 5


def test_a_steep_climb_sampled_every_10_seconds_still_counts():
    # 15 m between samples 10 s apart (1.5 m/s): fast, but a runner's pace on a steep climb.
    points = files.route(101, interval_s=10, elevation=files.climb(1500))
    run = run_of(files.gpx_bytes(points))
    assert 1495 <= run.elevation_gain_m <= 1505


def test_a_jump_beyond_what_a_runner_can_climb_is_left_out():
    acc = track.Track()
    allowed = track.ELEVATION_JUMP_M + track.MAX_VERTICAL_SPEED_MPS * 10
    for t, ele in ((0, 100.0), (10, 100.0 + allowed + 1), (20, 100.0 + allowed + 1)):
        acc.add(None, None, t, ele)
    assert acc.elevation() == (0.0, 0.0) and acc.elevation_jumps == 1
    acc = track.Track()
    for t, ele in ((0, 100.0), (10, 100.0 + allowed - 1), (20, 100.0 + allowed - 1)):
        acc.add(None, None, t, ele)
    assert acc.elevation() == (allowed - 1, 0.0) and acc.elevation_jumps == 0


def test_without_times_only_a_jump_over_50_m_is_left_out():
    assert track.elevation_of([0, 49, 49]) == (49, 0)
    assert track.elevation_of([0, 51, 51]) == (0, 0)


# --- Any direction, any zone, any writer ------------------------------------------------------


@pytest.mark.parametrize(
    ("bearing", "direction"),
    [(0, "north"), (90, "east"), (180, "south"), (270, "west"), (45, "north-east"), (225, "sw")],
)
def test_the_distance_is_the_same_whichever_way_the_route_runs(bearing, direction):
    run = run_of(files.gpx_bytes(files.route(601, bearing=bearing)))
    assert run.distance_m == pytest.approx(1800, abs=2), direction
    assert run.moving_s == 600


def test_an_out_and_back_run_east_counts_both_ways():
    out = files.route(301, bearing=90)
    back = files.route(301, bearing=270, start=out[-1].time + timedelta(seconds=1))
    shift = out[-1].lon - back[0].lon
    for point in back:  # from where the way out ended
        point.lon += shift
    run = run_of(files.gpx_bytes(out + back))
    assert run.distance_m == pytest.approx(1800, abs=2)  # 900 m out, 900 m back
    assert run.elapsed_s == 601


def _with_offset(text: str, hours: int) -> str:
    """The same moments written in local time at UTC+hours ("2024-05-01T08:00:00+02:00")."""
    zone = timezone(timedelta(hours=hours))

    def local(match):
        moment = datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
        return f"<time>{moment.astimezone(zone).isoformat()}</time>"

    return re.sub(r"<time>([^<]+Z)</time>", local, text)


@pytest.mark.parametrize("hours", [2, -5, 0, 13])
def test_times_with_an_offset_are_the_same_moments(hours):
    text = _with_offset(files.gpx_text(files.route(101)), hours)
    assert f"{hours:+03d}:00</time>" in text
    run = run_of(text.encode())
    assert (run.start, run.elapsed_s, run.moving_s) == (files.START, 100, 100)


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("hr", 0),
        ("heartrate", 0),
        ("heart_rate", 0),
        ("HeartRate", 0),
        (f"{{{files.TPX_NS}}}hr", 0),
        ("cad", 1),
        ("cadence", 1),
        ("RunCadence", 1),
        ("{urn:any}cad", 1),
        ("atemp", 2),
        ("temp", 2),
        ("Temperature", 2),
        (f"{{{files.TPX_NS}}}atemp", 2),
        ("TrackPointExtension", -1),
        ("speed", -1),
        ("power", -1),
        (None, -1),  # a comment's tag is a function, not a name
    ],
)
def test_extension_elements_by_local_name(tag, kind):
    assert gpx.extension_kind(tag if tag is not None else ElementTree.Comment) == kind


@pytest.mark.parametrize(
    ("rates", "cadences", "temperatures", "expected"),
    [
        ((150, 151), (85, 86), (10.0, 11.0), (150, 171, Decimal("10.5"))),  # 150.5: to even
        ((149, 150), (90, 90), (-2.0, 0.0), (150, 180, Decimal("-1.0"))),  # 149.5: to even
        ((150, 150), (None, None), (0.0, 0.0), (150, None, Decimal("0.0"))),  # 0 °C is a reading
    ],
)
def test_heart_rate_cadence_and_temperature_average_over_the_points(
    rates, cadences, temperatures, expected
):
    points = files.route(2, step_m=10)
    for point, hr, cad, temp in zip(points, rates, cadences, temperatures, strict=True):
        point.hr, point.cad, point.temp = hr, cad, temp
    run = run_of(files.gpx_bytes(points))
    assert (run.avg_heart_rate, run.avg_cadence, run.temperature_c) == expected


def test_extension_values_that_are_not_numbers_are_left_out():
    points = files.route(3, step_m=10, hr=150)
    text = files.gpx_text(points).replace(
        "<gpxtpx:hr>150</gpxtpx:hr>", "<gpxtpx:hr>n/a</gpxtpx:hr>", 1
    )
    text = text.replace("<gpxtpx:hr>150</gpxtpx:hr>", "<gpxtpx:hr>NaN</gpxtpx:hr>", 1)
    text = text.replace("<gpxtpx:hr>150</gpxtpx:hr>", "<gpxtpx:hr>140</gpxtpx:hr>", 1)
    assert run_of(text.encode()).avg_heart_rate == 140


def test_every_track_in_a_file_is_one_run():
    first = files.gpx_text(files.route(101), name="Out")
    second = files.gpx_text(files.route(101, start=files.START + timedelta(seconds=200)))
    tracks = second[second.index("<trk>") : second.index("</trk>") + 6]
    text = first.replace("</trk>", "</trk>" + tracks.replace("<trk>", "<trk><type>9</type>"))
    run = run_of(text.encode())
    assert run.points == 202
    assert run.distance_m == 600  # no distance across the gap between the tracks
    assert (run.moving_s, run.elapsed_s) == (200, 300)
    assert run.name == "Out"  # the first track with a name
    assert (run.sport, run.sport_named) == ("run", True)  # the first track with a type


def test_the_documents_name_when_no_track_has_one():
    text = files.gpx_text(files.route(10), name="").replace(
        "<metadata>", "<metadata><name>Sunday long run</name>"
    )
    assert run_of(text.encode()).name == "Sunday long run"


def test_points_without_a_time_count_their_distance_but_not_their_time():
    points = files.route(11)
    points[5].time = None
    points[10].time = None
    run = run_of(files.gpx_bytes(points, sport_type="running"))
    assert run.distance_m == 30
    assert run.elapsed_s == 9  # the last time is the tenth point's
    assert run.warnings == []


def test_only_the_roots_default_namespace_is_dropped_as_gpxpy_does():
    ns = "http://www.topografix.com/GPX/1/1"
    text = files.gpx_text(files.route(10)).replace("<trk>", f'<trk xmlns="{ns}">')
    assert len(gpxpy.parse(text).tracks) == 0  # gpxpy reads no track in this file
    with pytest.raises(ImportRefused, match="no track points"):
        parse_gpx(text.encode())


@pytest.mark.parametrize(("padding", "read"), [(0, True), (159, True), (160, False)])
def test_the_encoding_is_declared_within_the_first_200_bytes(padding, read):
    text = files.gpx_text(files.route(10), name="Lauf am Fluß")
    declaration = f'<?xml version="1.0"{" " * padding} encoding="ISO-8859-1"?>'
    text = text.replace('<?xml version="1.0" encoding="UTF-8"?>', declaration)
    data = text.encode("latin-1")
    if read:
        assert run_of(data).name == "Lauf am Fluß"
    else:  # taken as UTF-8, which the latin-1 ß is not
        with pytest.raises(ImportRefused, match="not valid utf-8"):
            parse_gpx(data)


def test_other_extension_values_do_not_count_as_temperature():
    points = files.route(3, step_m=10, temp=20.0)
    text = files.gpx_text(points).replace(
        "<gpxtpx:atemp>", "<gpxtpx:speed>3.5</gpxtpx:speed><gpxtpx:atemp>"
    )
    assert run_of(text.encode()).temperature_c == Decimal("20.0")

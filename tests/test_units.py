"""Units: SI in the database, the runner's own units on the page, both ways without drift."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlog import units


def test_a_mile_is_1609_344_metres():
    assert units.to_metres(1, "mi") == pytest.approx(1609.344)
    assert units.from_metres(1609.344, "mi") == pytest.approx(1)


@pytest.mark.parametrize(("km", "mi"), [(0, 0), (5, 3.10686), (10, 6.21371), (42.195, 26.21876)])
def test_km_and_miles_convert_both_ways(km, mi):
    assert units.km_to_mi(km) == pytest.approx(mi, abs=1e-5)
    assert units.mi_to_km(mi) == pytest.approx(km, abs=1e-4)


@pytest.mark.parametrize(("c", "f"), [(-40, -40), (0, 32), (37, 98.6), (50, 122), (-17.5, 0.5)])
def test_celsius_and_fahrenheit_convert_both_ways(c, f):
    assert units.c_to_f(c) == pytest.approx(f)
    assert units.f_to_c(f) == pytest.approx(c)
    assert units.to_celsius(f, "F") == pytest.approx(c)
    assert units.from_celsius(c, "F") == pytest.approx(f)
    assert units.to_celsius(c, "C") == c


@given(st.floats(min_value=0.001, max_value=2000, allow_nan=False))
def test_distance_round_trips_in_both_units(km):
    for unit in ("km", "mi"):
        assert units.from_metres(units.to_metres(km, unit), unit) == pytest.approx(km)


@given(st.floats(min_value=-40, max_value=50))
def test_temperature_round_trips(celsius):
    assert units.to_celsius(units.from_celsius(celsius, "F"), "F") == pytest.approx(celsius)


def test_unknown_units_are_refused():
    with pytest.raises(ValueError):
        units.to_metres(1, "furlong")
    with pytest.raises(ValueError):
        units.to_celsius(1, "K")


@pytest.mark.parametrize(
    ("metres", "unit", "shown"),
    [(10_000, "km", "10.00 km"), (5000, "mi", "3.11 mi"), (42_195, "mi", "26.22 mi")],
)
def test_distances_are_shown_in_the_runners_unit(metres, unit, shown):
    assert units.format_distance(metres, unit) == shown


@pytest.mark.parametrize(
    ("metres", "unit", "typed"),
    [(10_000, "km", Decimal("10")), (9978, "mi", Decimal("6.2")), (21_097, "km", Decimal("21.1"))],
)
def test_the_edit_form_shows_what_a_runner_would_have_typed(metres, unit, typed):
    assert units.distance_input(metres, unit) == typed


def test_climbs_are_in_feet_beside_miles_and_metres_beside_km():
    assert units.elevation_unit("mi") == "ft"
    assert units.elevation_unit("km") == "m"
    assert units.elevation_to_metres(1000, "mi") == pytest.approx(304.8)
    assert units.elevation_from_metres(304.8, "mi") == pytest.approx(1000)
    assert units.format_elevation(300, "mi") == "984 ft"
    assert units.format_elevation(300, "km") == "300 m"


def test_temperatures_are_shown_in_the_runners_unit():
    assert units.format_temperature(Decimal("20.0"), "C") == "20 °C"
    assert units.format_temperature(Decimal("-3.5"), "C") == "-3.5 °C"
    assert units.format_temperature(Decimal("20.0"), "F") == "68 °F"
    assert units.format_temperature(Decimal("21.1"), "F") == "70 °F"


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("45:30", 2730),
        ("1:02:03", 3723),
        ("0:59", 59),
        ("45", 2700),
        (" 45 ", 2700),
        ("100:00", 6000),
        ("26:00:00", 93_600),
        ("1h 5m", 3900),
        ("1h05m30s", 3930),
        ("45 min", 2700),
        ("90s", 90),
        ("2 hours", 7200),
    ],
)
def test_moving_times_are_read_as_runners_type_them(typed, seconds):
    assert units.parse_duration(typed) == seconds


@pytest.mark.parametrize(
    "typed", ["", "  ", "abc", "45:60", "1:60:00", "1:2:3:4", "-5", "4.5", "٤٥", "1e3", "h", "45::"]
)
def test_what_is_not_a_moving_time_is_refused(typed):
    with pytest.raises(ValueError):
        units.parse_duration(typed)


@pytest.mark.parametrize(
    ("seconds", "shown"), [(59, "0:59"), (2730, "45:30"), (3723, "1:02:03"), (93_600, "26:00:00")]
)
def test_durations_are_shown_as_on_a_watch(seconds, shown):
    assert units.format_duration(seconds) == shown


@given(st.integers(min_value=1, max_value=30 * 24 * 3600))
def test_a_shown_duration_reads_back_as_the_same_seconds(seconds):
    assert units.parse_duration(units.format_duration(seconds)) == seconds


def test_pace_is_per_kilometre_or_per_mile():
    assert units.format_pace(10_000, 3000, "km") == "5:00 /km"
    assert units.format_pace(1609.344, 480, "mi") == "8:00 /mi"
    assert units.format_pace(10_000, 3000, "mi") == "8:03 /mi"
    assert units.pace_seconds(5000, 1500, "km") == pytest.approx(300)
    with pytest.raises(ValueError):
        units.pace_seconds(0, 100, "km")

"""Fields that take the runner's units and give the log's, checked against the log's limits."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from runlog.form_fields import DistanceField, DurationField, ElevationField, TemperatureField


@pytest.mark.parametrize(
    ("unit", "typed", "metres"),
    [("km", "10", 10_000), ("km", "5.004", 5_004), ("mi", "1", 1_609), ("mi", "26.2", 42_165)],
)
def test_a_distance_in_the_runners_unit_becomes_metres(unit, typed, metres):
    assert DistanceField(unit=unit, max_digits=9, decimal_places=3).clean(typed) == metres


@pytest.mark.parametrize("typed", ["0", "2001", "5.0004", "NaN", "sNaN", "-1"])
def test_a_distance_outside_the_logs_limits_is_refused(typed):
    with pytest.raises(ValidationError):
        DistanceField(max_digits=9, decimal_places=3).clean(typed)


@pytest.mark.parametrize(
    ("typed", "seconds"), [("45:30", 2_730), ("1:05:00", 3_900), ("45", 2_700)]
)
def test_a_duration_becomes_seconds(typed, seconds):
    assert DurationField(invalid_message="bad").clean(typed) == seconds


def test_a_duration_that_cannot_be_read_says_how_to_write_it():
    with pytest.raises(ValidationError, match="h:mm:ss"):
        DurationField(invalid_message="Enter it as h:mm:ss").clean("soon")


@pytest.mark.parametrize(("unit", "typed", "metres"), [("km", "120", 120), ("mi", "1000", 305)])
def test_a_climb_in_metres_or_feet_becomes_metres(unit, typed, metres):
    assert ElevationField(unit=unit).clean(typed) == metres


@pytest.mark.parametrize(
    ("unit", "typed", "celsius"),
    [("C", "21.5", Decimal("21.5")), ("F", "32", Decimal("0.0")), ("F", "212", None)],
)
def test_a_temperature_becomes_celsius_within_the_logs_range(unit, typed, celsius):
    field = TemperatureField(unit=unit, max_digits=5, decimal_places=1, required=False)
    if celsius is None:
        with pytest.raises(ValidationError):
            field.clean(typed)
    else:
        assert field.clean(typed) == celsius
        assert str(field.clean(typed)) != "-0.0"


def test_an_untouched_box_is_unchanged_in_the_runners_own_unit():
    field = DistanceField(unit="mi", max_digits=9, decimal_places=3)
    assert not field.has_changed(Decimal("6.21"), "6.21")
    assert field.has_changed(Decimal("6.21"), "6.3")

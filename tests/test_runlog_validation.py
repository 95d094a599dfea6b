"""What the run log refuses: each plausibility rule on its own, then through the forms.

A refused form says what is wrong in words the runner can act on, answers 422, and saves
nothing at all (no run, no check-in, no region).
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from runlog import validation
from runlog.models import Run, SorenessEntry, SoreRegion
from tests.test_runlog_factories import (
    checkin_form,
    make_run,
    make_settings,
    run_form,
)

HX = {"HX-Request": "true"}
NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


# The rules as plain functions.


@pytest.mark.parametrize(
    ("metres", "record"),
    [
        (100, 9.58),
        (400, 43.03),
        (1609.344, 223.13),
        (5000, 755.36),
        (10_000, 1571.0),
        (42_195, 7235.0),  # 2:00:35
        (100_000, 21_935.0),  # 6:05:35
    ],
)
def test_world_records_are_the_limit_at_their_distances(metres, record):
    assert validation.world_record_seconds(metres) == pytest.approx(record)


def test_between_records_the_limit_lies_between_them():
    half, marathon = 3402.0, 7235.0
    at_30k = validation.world_record_seconds(30_000)
    assert half < at_30k < marathon
    # The real 30 km road record (1:26:47) is slower than the interpolated limit.
    assert at_30k <= 5207


def test_the_limit_never_gets_faster_with_distance():
    distances = [50, 100, 150, 300, 1000, 3000, 7000, 15_000, 30_000, 70_000, 500_000, 2e6]
    limits = [validation.world_record_seconds(d) for d in distances]
    assert limits == sorted(limits)
    paces = [t / d for t, d in zip(limits, distances, strict=True)]
    assert min(paces) == pytest.approx(9.58 / 100)  # nobody beats Bolt's 100 m pace


def test_a_pace_faster_than_the_world_record_is_refused():
    validation.check_pace(42_195, 7235, "km")  # equalling it is allowed
    with pytest.raises(ValidationError, match="world record") as refused:
        validation.check_pace(42_195, 7234, "km")
    assert "2:00:35" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="world record"):
        validation.check_pace(10_000, 20 * 60, "mi")
    validation.check_pace(10_000, 45 * 60, "km")


@pytest.mark.parametrize("metres", [0, -1, 0.4, float("nan")])
def test_zero_or_negative_distances_are_refused(metres):
    with pytest.raises(ValidationError, match="greater than zero"):
        validation.check_distance(metres)


def test_a_distance_beyond_any_run_is_refused():
    validation.check_distance(validation.MAX_DISTANCE_M)
    with pytest.raises(ValidationError, match="longer than any one run"):
        validation.check_distance(validation.MAX_DISTANCE_M + 1)


@pytest.mark.parametrize("seconds", [0, -60])
def test_zero_or_negative_durations_are_refused(seconds):
    with pytest.raises(ValidationError, match="greater than zero"):
        validation.check_duration(seconds)


def test_over_100_km_needs_a_confirmation():
    validation.check_long_run(100_000, False, "km")
    with pytest.raises(ValidationError, match="Over 100 km"):
        validation.check_long_run(100_001, False, "km")
    validation.check_long_run(100_001, True, "km")


@pytest.mark.parametrize(
    ("celsius", "ok"), [(-40, True), (50, True), (-40.1, False), (50.1, False)]
)
def test_temperatures_outside_minus_40_to_50_are_refused(celsius, ok):
    if ok:
        validation.check_temperature(celsius)
    else:
        with pytest.raises(ValidationError, match="between -40 and 50"):
            validation.check_temperature(celsius)


def test_a_start_in_the_future_is_refused_beyond_clock_skew():
    validation.check_when(NOW + timedelta(minutes=2), NOW)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        validation.check_when(NOW + timedelta(minutes=3), NOW)
    with pytest.raises(ValidationError, match="1900"):
        validation.check_when(datetime(1899, 12, 31, tzinfo=UTC), NOW)


@pytest.mark.parametrize(
    ("value", "scale", "ok"),
    [(0, (0, 10), True), (10, (0, 10), True), (11, (0, 10), False), (-1, (0, 10), False),
     (1, (1, 7), True), (7, (1, 7), True), (0, (1, 7), False), (8, (1, 7), False)],
)  # fmt: skip
def test_scales_have_their_ends(value, scale, ok):
    if ok:
        validation.check_scale(value, scale, "RPE")
    else:
        with pytest.raises(ValidationError, match="runs from"):
            validation.check_scale(value, scale, "RPE")


def test_regions_are_the_contracts_locations_on_a_known_side():
    assert validation.parse_region_value("left-calves") == ("calves", "left")
    assert validation.parse_region_value("right-hips_glutes") == ("hips_glutes", "right")
    assert validation.parse_region_value("knees") == ("knees", "")
    for bad in ["left-elbows", "middle-calves", "calves-left", "", "-calves", "left-"]:
        with pytest.raises(ValidationError, match="Choose sore areas"):
            validation.parse_region_value(bad)


# The rules through the pages: refused with a message, nothing saved.


def assert_refused(response, message):
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "Nothing was saved" in response.content.decode()


BAD_RUNS = [
    pytest.param({"distance": "0"}, "Enter a distance greater than zero.", id="zero-distance"),
    pytest.param({"distance": "-5"}, "Enter a distance greater than zero.", id="negative-distance"),
    pytest.param({"distance": ""}, "Enter the distance you ran.", id="no-distance"),
    pytest.param({"moving_time": "0:00"}, "Enter a moving time greater than zero.", id="zero-time"),
    pytest.param({"moving_time": "-5"}, "Enter the moving time as h:mm:ss", id="negative-time"),
    pytest.param({"moving_time": "soon"}, "Enter the moving time as h:mm:ss", id="not-a-time"),
    pytest.param({"moving_time": "25:00"}, "would beat the world record", id="faster-than-wr"),
    pytest.param({"rpe": "11"}, "Choose an effort from 0 (rest) to 10 (maximal).", id="rpe-11"),
    pytest.param({"rpe": "-1"}, "Choose an effort from 0 (rest) to 10 (maximal).", id="rpe-neg"),
    pytest.param({"temperature": "51"}, "between -40 and 50", id="too-hot"),
    pytest.param({"temperature": "-41"}, "between -40 and 50", id="too-cold"),
    pytest.param({"temperature": "NaN"}, "Enter a number.", id="nan-temperature"),
    pytest.param({"temperature": "sNaN"}, "Enter a number.", id="signalling-nan"),
    pytest.param({"distance": "Infinity"}, "Enter a number.", id="infinite-distance"),
    pytest.param({"elevation_gain": "-10"}, "from 0 up to 100,000 m", id="negative-climb"),
    pytest.param({"terrain": "moon"}, "Choose a terrain from the list.", id="unknown-terrain"),
    pytest.param({"fluids": "beer"}, "Choose how much you drank", id="unknown-fluids"),
    pytest.param({"warm_up_done": "maybe"}, "Choose yes, no or not recorded.", id="bad-yes-no"),
    pytest.param({"distance": "101", "moving_time": "12:00:00"}, "Over 100 km", id="over-100-km"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "message"), BAD_RUNS)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_bad_run_is_refused_and_nothing_is_saved(runner_client, changes, message, htmx):
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(**changes), headers=HX if htmx else None
    )
    assert_refused(response, message)
    assert ("<html" in response.text) is not htmx
    assert not Run.objects.exists()


@pytest.mark.django_db
def test_a_start_in_the_future_is_refused(runner_client):
    later = (timezone.now() + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M")
    response = runner_client.post(reverse("runlog:run_new"), run_form(start=later))
    assert_refused(response, "A run cannot be in the future.")
    assert not Run.objects.exists()


@pytest.mark.django_db
def test_a_start_a_minute_ahead_of_the_server_is_clock_skew_and_accepted(runner_client):
    ahead = (timezone.now() + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
    response = runner_client.post(reverse("runlog:run_new"), run_form(start=ahead))
    assert response.status_code == 302
    assert Run.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("tz_name", ["Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"])
@pytest.mark.parametrize("start", ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-30T00:00"])
def test_dates_at_the_ends_of_the_calendar_are_refused_in_any_zone(
    runner_client, runner, tz_name, start
):
    make_settings(runner, time_zone=tz_name)
    for url, data in [
        (reverse("runlog:run_new"), run_form(start=start)),
        (reverse("runlog:checkin"), checkin_form(recorded_at=start)),
    ]:
        response = runner_client.post(url, data)
        assert response.status_code == 422
        assert "1900 onwards" in response.text or "in the future" in response.text
    assert not Run.objects.exists() and not SorenessEntry.objects.exists()


@pytest.mark.django_db
def test_a_temperature_just_below_zero_is_not_stored_as_minus_zero(runner_client):
    runner_client.post(reverse("runlog:run_new"), run_form(temperature="-0.0"))
    assert str(Run.objects.get().temperature_c) == "0.0"


@pytest.mark.django_db
def test_fahrenheit_is_checked_after_converting(runner_client, runner):
    make_settings(runner, temperature_unit="F")
    assert (
        runner_client.post(reverse("runlog:run_new"), run_form(temperature="122")).status_code
        == 302
    )
    assert Run.objects.get().temperature_c == 50
    response = runner_client.post(reverse("runlog:run_new"), run_form(temperature="123"))
    assert_refused(response, "between -40 and 50 °C (-40 and 122 °F)")
    assert Run.objects.count() == 1


@pytest.mark.django_db
def test_the_world_record_is_judged_in_metres_whatever_the_unit(runner_client, runner):
    make_settings(runner, distance_unit="mi")
    # 26.2 mi in 2:00:00 beats the marathon record; in 2:01:00 it does not.
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(distance="26.219", moving_time="2:00:00")
    )
    assert_refused(response, "would beat the world record")
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(distance="26.219", moving_time="2:01:00")
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_over_100_km_is_saved_once_confirmed(runner_client):
    data = run_form(distance="101", moving_time="12:00:00")
    page = runner_client.post(reverse("runlog:run_new"), data)
    assert 'name="confirm_long"' in page.text  # the box appears only when it is needed
    assert 'name="confirm_long"' not in runner_client.get(reverse("runlog:run_new")).text
    response = runner_client.post(reverse("runlog:run_new"), {**data, "confirm_long": "on"})
    assert response.status_code == 302
    assert Run.objects.get().distance_m == 101_000


@pytest.mark.django_db
def test_over_62_miles_needs_the_same_confirmation(runner_client, runner):
    make_settings(runner, distance_unit="mi")
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(distance="63", moving_time="12:00:00")
    )
    assert_refused(response, "Over 100 km (62.1 mi) in one run?")


BAD_CHECKINS = [
    pytest.param({"soreness": None}, "Tap how sore your legs are", id="no-soreness"),
    pytest.param({"soreness": "11"}, "Tap how sore your legs are", id="soreness-11"),
    pytest.param({"soreness": "-1"}, "Tap how sore your legs are", id="soreness-negative"),
    pytest.param({"soreness": "3.5"}, "Tap how sore your legs are", id="soreness-fraction"),
    pytest.param({"regions": ["left-elbows"]}, "Choose sore areas", id="unknown-region"),
    pytest.param({"regions": ["middle-calves"]}, "Choose sore areas", id="unknown-side"),
    pytest.param({"regions": ["left-calves", "knee"]}, "Choose sore areas", id="singular"),
    pytest.param({"score-left-calves": "12"}, "Choose from 0 (none)", id="region-score-12"),
    pytest.param({"sleep_quality": "0"}, "Choose from 1 (very, very good)", id="sleep-0"),
    pytest.param({"fatigue": "8"}, "Choose from 1 (very, very low)", id="fatigue-8"),
    pytest.param({"stress": "-2"}, "Choose from 1 (very, very low)", id="stress-negative"),
    pytest.param({"run": "999999"}, "Choose one of your recent runs", id="unknown-run"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "message"), BAD_CHECKINS)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_bad_checkin_is_refused_and_nothing_is_saved(runner_client, changes, message, htmx):
    data = checkin_form(**{"regions": ["right-quads"], **changes})
    response = runner_client.post(reverse("runlog:checkin"), data, headers=HX if htmx else None)
    assert_refused(response, message)
    assert not SorenessEntry.objects.exists()
    assert not SoreRegion.objects.exists()


@pytest.mark.django_db
def test_a_checkin_in_the_future_or_before_its_run_is_refused(runner_client, runner):
    run = make_run(runner, start=timezone.now() - timedelta(hours=2))
    later = (timezone.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = runner_client.post(reverse("runlog:checkin"), checkin_form(recorded_at=later))
    assert_refused(response, "A check-in cannot be in the future.")
    earlier = (run.start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = runner_client.post(
        reverse("runlog:checkin"), checkin_form(recorded_at=earlier, run=str(run.pk))
    )
    assert_refused(response, "cannot be before the run started")
    assert not SorenessEntry.objects.exists()


@pytest.mark.django_db
def test_settings_refuse_unknown_time_zones_units_and_weights(runner_client, runner):
    url = reverse("runlog:settings")
    good = {"distance_unit": "mi", "temperature_unit": "F", "time_zone": "Europe/Paris"}
    for changes, message in [
        ({"time_zone": "Mars/Olympus"}, "Choose a time zone from the list."),
        ({"time_zone": "../../etc/passwd"}, "Choose a time zone from the list."),
        ({"distance_unit": "furlong"}, "Select a valid choice."),
        ({"body_weight_kg": "19"}, "from 20 to 300 kg"),
        ({"body_weight_kg": "301"}, "from 20 to 300 kg"),
    ]:
        response = runner_client.post(url, {**good, **changes})
        assert_refused(response, message)
    prefs = make_settings(runner)
    assert (prefs.distance_unit, prefs.time_zone) == ("km", "UTC")

"""A runner's day and week are local to their time zone, across DST and the date line."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from runlog import days


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_the_same_instant_is_a_different_day_in_different_places():
    moment = utc(2026, 3, 1, 10, 30)  # Sunday 10:30 UTC
    assert days.local_day(moment, "UTC") == date(2026, 3, 1)
    assert days.local_day(moment, "Pacific/Auckland") == date(2026, 3, 1)  # 23:30 Sunday
    assert days.local_day(utc(2026, 3, 1, 11, 30), "Pacific/Auckland") == date(2026, 3, 2)
    assert days.local_day(utc(2026, 3, 1, 3, 0), "America/New_York") == date(2026, 2, 28)


def test_a_late_sunday_run_belongs_to_that_week_wherever_it_was_stored():
    # Sunday 23:30 in Auckland is Sunday 10:30 UTC: ISO week 9 of 2026 either way; but
    # Monday 00:30 in Auckland (Sunday 11:30 UTC) is already week 10 for that runner.
    assert days.iso_week(utc(2026, 3, 1, 10, 30), "Pacific/Auckland") == (2026, 9)
    assert days.iso_week(utc(2026, 3, 1, 11, 30), "Pacific/Auckland") == (2026, 10)
    assert days.iso_week(utc(2026, 3, 1, 11, 30), "UTC") == (2026, 9)


def test_iso_weeks_cross_the_new_year():
    assert days.iso_week(utc(2026, 1, 1, 12), "UTC") == (2026, 1)
    assert days.iso_week(utc(2027, 1, 1, 12), "UTC") == (2026, 53)
    assert days.week_start(utc(2027, 1, 1, 12), "UTC") == date(2026, 12, 28)


def test_a_spring_forward_day_lasts_23_hours():
    start, end = days.day_bounds(date(2026, 3, 29), "Europe/London")
    assert end - start == timedelta(hours=23)
    assert start == utc(2026, 3, 29, 0)


def test_a_fall_back_day_lasts_25_hours():
    start, end = days.day_bounds(date(2026, 10, 25), "Europe/London")
    assert end - start == timedelta(hours=25)
    assert (start, end) == (utc(2026, 10, 24, 23), utc(2026, 10, 26, 0))


def test_a_run_in_the_repeated_hour_is_still_on_its_day():
    # 01:30 happens twice in London on 25 Oct 2026: both are that Sunday.
    assert days.local_day(utc(2026, 10, 25, 0, 30), "Europe/London") == date(2026, 10, 25)
    assert days.local_day(utc(2026, 10, 25, 1, 30), "Europe/London") == date(2026, 10, 25)


def test_a_day_whose_midnight_never_happens_starts_when_the_clocks_jump():
    # Santiago springs forward at midnight: 8 Sep 2024 began at 01:00 local (04:00 UTC).
    start, end = days.day_bounds(date(2024, 9, 8), "America/Santiago")
    assert start == utc(2024, 9, 8, 4)
    assert end - start == timedelta(hours=23)
    assert days.local_day(start, "America/Santiago") == date(2024, 9, 8)
    assert days.local_day(start - timedelta(seconds=1), "America/Santiago") == date(2024, 9, 7)


def test_week_bounds_span_monday_to_monday_across_dst():
    start, end = days.week_bounds(utc(2026, 3, 29, 12), "Europe/London")
    assert start == utc(2026, 3, 23, 0)  # Monday 00:00 GMT
    assert end == utc(2026, 3, 29, 23)  # Monday 00:00 BST
    assert end - start == timedelta(days=7) - timedelta(hours=1)


@pytest.mark.parametrize("tz_name", ["UTC", "Europe/London", "Asia/Kolkata", "Pacific/Chatham"])
def test_every_moment_of_a_day_falls_inside_its_bounds(tz_name):
    moment = utc(2026, 6, 15, 0)
    for hour in range(48):
        instant = moment + timedelta(minutes=30 * hour)
        start, end = days.day_bounds(days.local_day(instant, tz_name), tz_name)
        assert start <= instant < end


def test_today_is_the_runners_today():
    now = utc(2026, 6, 15, 23, 30)
    assert days.today("UTC", now) == date(2026, 6, 15)
    assert days.today("Europe/Berlin", now) == date(2026, 6, 16)
    assert days.today("America/Los_Angeles", now) == date(2026, 6, 15)


def test_only_real_time_zone_names_are_accepted():
    assert days.is_time_zone("Europe/London")
    assert days.is_time_zone("UTC")
    for name in [
        "",
        "Mars/Olympus",
        "../../etc/passwd",
        "europe/london",
        "Europe/London\x00",
        None,
    ]:
        assert not days.is_time_zone(name)
    with pytest.raises(ZoneInfoNotFoundError):
        days.zone("Mars/Olympus")
    assert days.zone("Asia/Tokyo") == ZoneInfo("Asia/Tokyo")


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        days.local_day(datetime(2026, 1, 1, 12), "UTC")

"""A runner's days and weeks are their own: local to their time zone, however a time was stored.

A run at 23:30 in Auckland on a Sunday is Sunday's run and that week's, although it is
Sunday 10:30 UTC or Saturday evening in New York. Days across a daylight-saving change last
23 or 25 hours; weeks are ISO weeks (Monday to Sunday). Plain functions on aware datetimes
and IANA names, with `zoneinfo`.
"""

import functools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@functools.cache
def available_time_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def is_time_zone(name: str) -> bool:
    """Only names in the IANA database this machine has: never a file path or a made-up name."""
    return isinstance(name, str) and name in available_time_zones()


def zone(name: str) -> ZoneInfo:
    if not is_time_zone(name):
        raise ZoneInfoNotFoundError(f"Unknown time zone {name!r}")
    return ZoneInfo(name)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("an aware datetime is needed: a naive one could be any runner's time")


def local_time(moment: datetime, tz_name: str) -> datetime:
    _require_aware(moment)
    return moment.astimezone(zone(tz_name))


def local_day(moment: datetime, tz_name: str) -> date:
    """The calendar day the runner lived `moment` on."""
    return local_time(moment, tz_name).date()


def iso_week(moment: datetime, tz_name: str) -> tuple[int, int]:
    """(ISO year, ISO week number) of the runner's local day."""
    year, week, _ = local_day(moment, tz_name).isocalendar()
    return year, week


def week_start(moment: datetime, tz_name: str) -> date:
    """The Monday of the runner's local week."""
    day = local_day(moment, tz_name)
    return day - timedelta(days=day.weekday())


def day_bounds(day: date, tz_name: str) -> tuple[datetime, datetime]:
    """[start, end) of a local day as aware UTC datetimes, for database range queries.

    Midnight may not exist (a few zones change the clocks at midnight); the day then starts
    when the clocks jump.
    """
    tz = zone(tz_name)
    start = _first_instant(day, tz)
    end = _first_instant(day + timedelta(days=1), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def week_bounds(moment: datetime, tz_name: str) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) of the runner's local week, in UTC."""
    monday = week_start(moment, tz_name)
    return day_bounds(monday, tz_name)[0], day_bounds(monday + timedelta(days=7), tz_name)[0]


def today(tz_name: str, now: datetime) -> date:
    return local_day(now, tz_name)


def _first_instant(day: date, tz: ZoneInfo) -> datetime:
    # fold=0 takes the offset in force before a change. For a midnight inside a
    # spring-forward gap that is the very instant the clocks jump (it reads 01:00 locally);
    # for a midnight that happens twice it is the first of the two. Either way, the day's
    # first instant.
    return datetime.combine(day, time(0)).replace(tzinfo=tz, fold=0)

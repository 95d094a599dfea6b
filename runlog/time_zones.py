"""The time zones a runner picks from: current IANA zones by region, the common ones first.

No database and no request. The list is the tz database's zone.tab (one canonical, current
Area/City zone per country and region, e.g. Europe/London, America/Argentina/Cordoba), read
from the `tzdata` package or the system's zoneinfo folder, and only the names this machine
knows (`days.is_time_zone`). Without zone.tab it falls back to the known names under the
region folders. "Factory", "localtime", "posixrules", Etc/*, and old aliases such as "GB",
"US/Eastern" or "Cuba" are never offered; "UTC" is, once, among the common zones.

Choices are Django's grouped choices: [("Common", [(name, label), ...]), ("Europe", ...)].
Labels are the city ("London", "New York", "Cordoba, Argentina"), then its offset from UTC
now, e.g. "London (UTC+01:00)", worked out each time the choices are read.
"""

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo

from . import days

UTC_NAME = "UTC"

COMMON = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Africa/Johannesburg",
    UTC_NAME,
)

# (group label, the first part of the names in it), in the order shown.
REGIONS = (
    ("Europe", ("Europe",)),
    ("Americas", ("America",)),
    ("Africa", ("Africa",)),
    ("Asia", ("Asia",)),
    ("Australia & Pacific", ("Australia", "Pacific")),
    ("Atlantic & Indian Ocean", ("Atlantic", "Indian")),
    ("Antarctica & Arctic", ("Antarctica", "Arctic")),
)

# Old names browsers still give (ICU keeps them: Chrome says Asia/Calcutta) -> today's name.
# static/js/timezone.js holds the same table.
BROWSER_ALIASES = {
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "America/Godthab": "America/Nuuk",
    "America/Indianapolis": "America/Indiana/Indianapolis",
    "America/Louisville": "America/Kentucky/Louisville",
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "Europe/Kiev": "Europe/Kyiv",
    "Etc/GMT": UTC_NAME,
    "Etc/UTC": UTC_NAME,
    "GMT": UTC_NAME,
}

# A country's most common zone, for a first guess from the browser's language (en-GB -> GB).
COUNTRY_ZONES = {
    "AU": "Australia/Sydney",
    "CA": "America/Toronto",
    "DE": "Europe/Berlin",
    "ES": "Europe/Madrid",
    "FR": "Europe/Paris",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "IN": "Asia/Kolkata",
    "IT": "Europe/Rome",
    "JP": "Asia/Tokyo",
    "NL": "Europe/Amsterdam",
    "NZ": "Pacific/Auckland",
    "US": "America/New_York",
    "ZA": "Africa/Johannesburg",
}


@cache
def listed_zones() -> tuple[str, ...]:
    """Every zone on offer, UTC included, sorted."""
    known = days.available_time_zones()
    names = _zone_tab_names() or {
        name for name in known if name.split("/")[0] in _region_folders() and "/" in name
    }
    return tuple(sorted(name for name in names | {UTC_NAME} if name in known))


def is_listed(name: str) -> bool:
    return name in _listed_set()


def label(name: str) -> str:
    """'Europe/London' -> 'London'; 'America/Argentina/Cordoba' -> 'Cordoba, Argentina'."""
    if name == UTC_NAME:
        return UTC_NAME
    parts = [part.replace("_", " ") for part in name.split("/")[1:]]
    return ", ".join(reversed(parts)) if parts else name


def offset(name: str, now: datetime | None = None) -> str:
    """The zone's offset from UTC at `now` (default: now), as '+01:00' or '-03:30'."""
    moment = (now or datetime.now(UTC)).astimezone(_zone(name))
    minutes = int(moment.utcoffset().total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def choices(now: datetime | None = None, *, extra: str = "") -> list:
    """Grouped choices, "Common" first, each zone once. `extra`, a valid zone not on the list
    (an old alias a runner already has), is offered first in a group of its own."""
    now = now or datetime.now(UTC)

    def option(name: str) -> tuple[str, str]:
        if name == UTC_NAME:
            return name, UTC_NAME
        return name, f"{label(name)} (UTC{offset(name, now)})"

    groups: list = []
    if extra and days.is_time_zone(extra) and extra not in _listed_set():
        groups.append(("Your current time zone", [(extra, f"{extra} (UTC{offset(extra, now)})")]))
    return groups + [(title, [option(name) for name in names]) for title, names in _groups()]


@cache
def _groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    listed = listed_zones()
    common = tuple(name for name in COMMON if name in _listed_set())
    groups = [("Common", common)]
    for title, folders in REGIONS:
        names = [n for n in listed if n.split("/")[0] in folders and n not in common]
        if names:
            groups.append((title, tuple(sorted(names, key=label))))
    return tuple(groups)


def preferred(name: str | None) -> str | None:
    """A browser's zone as a listed name (old aliases mapped), or None if it is not listed."""
    if not name or not isinstance(name, str):
        return None
    name = BROWSER_ALIASES.get(name, name)
    return name if is_listed(name) else None


def guess(*, browser_zone: str | None = None, country: str | None = None) -> str:
    """A first choice for a new runner: the browser's zone, else their country's, else UTC."""
    return (
        preferred(browser_zone) or preferred(COUNTRY_ZONES.get((country or "").upper())) or UTC_NAME
    )


@cache
def _zone(name: str) -> ZoneInfo:
    # Held here: ZoneInfo keeps only a few zones strongly, and reads the others' files again.
    return ZoneInfo(name)


@cache
def _listed_set() -> frozenset[str]:
    return frozenset(listed_zones())


def _region_folders() -> set[str]:
    return {folder for _, folders in REGIONS for folder in folders}


def _zone_tab_names() -> set[str]:
    for folder in _zoneinfo_folders():
        try:
            text = (folder / "zone.tab").read_text(encoding="utf-8")
        except OSError:
            continue
        names = set()
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                row = line.split("\t")
                if len(row) >= 3 and row[2].split("/")[0] in _region_folders():
                    names.add(row[2].strip())
        if names:
            return names
    return set()


def _zoneinfo_folders() -> list[Path]:
    folders = []
    try:
        from importlib.resources import files

        folders.append(Path(str(files("tzdata") / "zoneinfo")))
    except (ImportError, TypeError, OSError):
        pass
    return folders + [Path(path) for path in TZPATH]

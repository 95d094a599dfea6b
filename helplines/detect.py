"""Which country's numbers to show: plain inputs in, an ISO 3166 code (or None) out.

No database and no request here; helplines/services.py gathers the inputs. In order:

1. the country the runner chose (remembered in their session; "" means they chose
   "another country", which stops detection),
2. the country of the time zone in the runner's saved settings,
3. the region of the browser's first language (`en-US` -> US; a bare `en` or `de` tells
   nothing),
4. the country of the browser's time zone (the `tz` cookie set by static/js/timezone.js).

Only codes in `known` (the countries the site has numbers for) are answers; an unknown one
falls through to the next source. "UK" is accepted for GB.
"""

import re
from functools import cache
from pathlib import Path

ALIASES = {"UK": "GB"}
OTHER = ""  # the runner chose "another country": show 112 or the local number
MAX_ACCEPT_LANGUAGE = 500  # characters read of the header
TIME_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}")
SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")


def normalise(code: str | None) -> str | None:
    """'gb', ' UK ' -> 'GB'; anything but two ASCII letters -> None."""
    if not code:
        return None
    code = code.strip()
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        return None
    code = code.upper()
    return ALIASES.get(code, code)


def country_code(
    *,
    chosen: str | None,
    settings_country: str | None,
    accept_language: str,
    time_zone: str | None,
    known: set[str],
) -> str | None:
    if chosen == OTHER:
        return None
    for candidate in (
        normalise(chosen),
        normalise(settings_country),
        # The phone's time zone follows where it is (set from the network); a browser's
        # language often does not (en-US is the default far beyond the US).
        country_for_time_zone(time_zone),
        language_region(accept_language),
    ):
        if candidate in known:
            return candidate
    return None


def language_region(accept_language: str) -> str | None:
    """The region of the browser's most preferred language: 'en-GB,en;q=0.9' -> 'GB'.

    Only the first choice counts (a second-choice `en-US` says little about where someone
    is); a bare language, a wildcard or a numeric region like `es-419` gives None.
    """
    best, best_q = None, -1.0
    for part in accept_language[:MAX_ACCEPT_LANGUAGE].split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag.strip() and q > best_q:
            best, best_q = tag.strip(), q
    if not best or best == "*":
        return None
    subtags = re.split(r"[-_]", best)
    for subtag in subtags[1:]:
        if len(subtag) == 2 and subtag.isascii() and subtag.isalpha():
            return normalise(subtag)
    return None


def country_for_time_zone(name: str | None) -> str | None:
    """'Europe/London' -> 'GB', 'America/Toronto' -> 'CA'; unknown or 'UTC' -> None."""
    if not name or len(name) > 64 or not TIME_ZONE.fullmatch(name):
        return None
    return zone_countries().get(name)


@cache
def zone_countries() -> dict[str, str]:
    """IANA time zone -> ISO country code, from the tz database's tables.

    The `tzdata` package's copy when installed, else the system's (/usr/share/zoneinfo);
    an empty mapping when neither is there. zone.tab gives one country per zone; zone1970.tab
    adds zones of a single country; links in tzdata.zi (old names such as US/Eastern or
    Eire) take their target's country when only one country keeps that zone.
    """
    folder = _zoneinfo_folder()
    if folder is None:
        return {}
    zones: dict[str, str] = {}
    shared: set[str] = set()  # zones several countries keep (Europe/Berlin: DE, DK, NO...)
    for row in _table(folder / "zone.tab"):
        zones.setdefault(row[2], row[0])
    for row in _table(folder / "zone1970.tab"):
        codes = row[0].split(",")
        if len(codes) == 1:
            zones.setdefault(row[2], codes[0])
        else:
            shared.add(row[2])
    for line in _lines(folder / "tzdata.zi"):
        parts = line.split()
        if len(parts) == 3 and parts[0] == "L" and parts[1] in zones and parts[1] not in shared:
            zones.setdefault(parts[2], zones[parts[1]])
    return zones


def _zoneinfo_folder() -> Path | None:
    try:
        from importlib.resources import files

        folder = Path(str(files("tzdata") / "zoneinfo"))
        if (folder / "zone.tab").is_file():
            return folder
    except (ImportError, TypeError, OSError):
        pass
    return SYSTEM_ZONEINFO if (SYSTEM_ZONEINFO / "zone.tab").is_file() else None


def _lines(path: Path) -> list[str]:
    try:
        return [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    except OSError:
        return []


def _table(path: Path) -> list[list[str]]:
    rows = [line.split("\t") for line in _lines(path)]
    return [row for row in rows if len(row) >= 3]

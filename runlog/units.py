"""Units: the database keeps SI (metres, seconds, °C); runners read and type their own.

A runner who chose miles sees and enters miles, paces per mile and climbs in feet; one who
chose °F sees and enters °F. Conversions happen here and nowhere else, so the pages, the
forms and the exports cannot disagree. No database, no Django: plain functions.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344  # the international mile, exactly
METRES_PER_FOOT = 0.3048  # exactly

KM = "km"
MI = "mi"
CELSIUS = "C"
FAHRENHEIT = "F"

_METRES_PER_UNIT = {KM: METRES_PER_KM, MI: METRES_PER_MILE}


def km_to_mi(km: float) -> float:
    return km * METRES_PER_KM / METRES_PER_MILE


def mi_to_km(mi: float) -> float:
    return mi * METRES_PER_MILE / METRES_PER_KM


def c_to_f(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def f_to_c(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


def _metres_per(unit: str) -> float:
    try:
        return _METRES_PER_UNIT[unit]
    except KeyError:
        raise ValueError(f"Unknown distance unit {unit!r}") from None


# Distance.


def to_metres(value: float | Decimal, unit: str) -> float:
    """A distance typed in `unit` (km or mi), in metres."""
    return float(value) * _metres_per(unit)


def from_metres(metres: float, unit: str) -> float:
    return float(metres) / _metres_per(unit)


def distance_input(metres: float, unit: str) -> Decimal:
    """What the distance box shows when a run is edited: two decimals, no trailing zeros."""
    return _tidy(Decimal(str(from_metres(metres, unit))).quantize(Decimal("0.01"), ROUND_HALF_UP))


def format_distance(metres: float, unit: str) -> str:
    return f"{from_metres(metres, unit):.2f} {unit}"


# Elevation: metres beside kilometres, feet beside miles (as runners who use miles expect).


def elevation_unit(distance_unit: str) -> str:
    return "ft" if distance_unit == MI else "m"


def elevation_to_metres(value: float | Decimal, distance_unit: str) -> float:
    _metres_per(distance_unit)
    factor = METRES_PER_FOOT if distance_unit == MI else 1.0
    return float(value) * factor


def elevation_from_metres(metres: float, distance_unit: str) -> float:
    _metres_per(distance_unit)
    factor = METRES_PER_FOOT if distance_unit == MI else 1.0
    return float(metres) / factor


def format_elevation(metres: float, distance_unit: str) -> str:
    value = elevation_from_metres(metres, distance_unit)
    return f"{round(value):d} {elevation_unit(distance_unit)}"


# Temperature.


def to_celsius(value: float | Decimal, unit: str) -> float:
    if unit == CELSIUS:
        return float(value)
    if unit == FAHRENHEIT:
        return f_to_c(float(value))
    raise ValueError(f"Unknown temperature unit {unit!r}")


def from_celsius(celsius: float | Decimal, unit: str) -> float:
    if unit == CELSIUS:
        return float(celsius)
    if unit == FAHRENHEIT:
        return c_to_f(float(celsius))
    raise ValueError(f"Unknown temperature unit {unit!r}")


def temperature_input(celsius: float | Decimal, unit: str) -> Decimal:
    """What the temperature box shows when a run is edited: one decimal at most."""
    value = Decimal(str(from_celsius(celsius, unit))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return _tidy(value)


def format_temperature(celsius: float | Decimal, unit: str) -> str:
    return f"{temperature_input(celsius, unit)} °{unit}"


# Durations and paces.

_CLOCK = re.compile(r"(?:([0-9]{1,3}):)?([0-9]{1,4}):([0-9]{1,2})")
_WORDS = re.compile(
    r"(?:([0-9]{1,3}) ?h(?:ours?|rs?)?)? ?(?:([0-9]{1,4}) ?m(?:in(?:utes?|s)?)?)? ?"
    r"(?:([0-9]{1,5}) ?s(?:ec(?:onds?|s)?)?)?"
)
_MINUTES = re.compile(r"[0-9]{1,4}")


def parse_duration(text: str) -> int:
    """Seconds from what a runner types for a moving time.

    "1:02:03" (h:mm:ss), "45:30" (mm:ss), "45" (minutes), or "1h 5m", "45 min", "90s".
    Raises ValueError for anything else, including minutes or seconds of 60 and more after a
    colon, which are far likelier a typo than a deliberate way to write a time.
    """
    text = " ".join(str(text).strip().lower().split())
    if not text:
        raise ValueError("empty duration")
    if clock := _CLOCK.fullmatch(text):
        hours, minutes, seconds = (int(part) if part else 0 for part in clock.groups())
        if seconds >= 60 or (clock.group(1) is not None and minutes >= 60):
            raise ValueError("minutes and seconds run from 00 to 59")
        return hours * 3600 + minutes * 60 + seconds
    if _MINUTES.fullmatch(text):
        return int(text) * 60
    words = _WORDS.fullmatch(text)
    if words and any(words.groups()):
        hours, minutes, seconds = (int(part) if part else 0 for part in words.groups())
        return hours * 3600 + minutes * 60 + seconds
    raise ValueError(f"not a duration: {text!r}")


def format_duration(seconds: float) -> str:
    """45:30 below an hour, 1:02:03 from an hour up (as watches show them)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def pace_seconds(metres: float, seconds: float, unit: str) -> float:
    """Seconds per kilometre or per mile."""
    if metres <= 0:
        raise ValueError("a pace needs a distance")
    return float(seconds) / from_metres(metres, unit)


def format_pace(metres: float, seconds: float, unit: str) -> str:
    """ "5:30 /km": minutes and seconds per unit, as runners read it from a watch."""
    return f"{format_duration(pace_seconds(metres, seconds, unit))} /{unit}"


def _tidy(value: Decimal) -> Decimal:
    """2.50 -> 2.5, 10.00 -> 10: what a runner would have typed."""
    if not value.is_finite():
        raise ValueError("not a finite number")
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal

"""What a run log will believe: the plausibility rules, as plain functions.

Forms call these and show their messages; the database repeats the fixed ranges as CHECK
constraints, so a bulk update or an importer cannot store what a form would refuse. Each rule
raises Django's ValidationError with a message written for the runner, in their units.
"""

import bisect
import math
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError

from . import units
from .choices import Location, Side

# Ranges, in the units the database stores. The models' CHECK constraints use these too.
MAX_DISTANCE_M = 2_000_000  # 2,000 km: beyond any multi-day race, below any overflow
MAX_DURATION_S = 30 * 24 * 3600  # 30 days
MAX_ELEVATION_M = 100_000  # the hilliest multi-day races climb about a quarter of this
LONG_RUN_M = 100_000  # over 100 km in one run needs a "yes, really"
MIN_TEMPERATURE_C = -40
MAX_TEMPERATURE_C = 50
RPE_RANGE = (0, 10)  # Borg CR-10 session RPE
SORENESS_RANGE = (0, 10)  # 0 none, 10 worst imaginable
HOOPER_RANGE = (1, 7)  # Hooper index items: 1 very, very good/low .. 7 very, very bad/high
MIN_BODY_WEIGHT_KG = 20
MAX_BODY_WEIGHT_KG = 300
# A phone's clock may run a little ahead of the server's.
CLOCK_SKEW = timedelta(minutes=2)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)

# Men's world records (World Athletics, track to 10,000 m, then road and ultra), as
# (metres, seconds). No run may be faster than the record for its distance; between two
# records the limit follows a power law through both, as Riegel's formula does.
WORLD_RECORDS = (
    (100, 9.58),
    (200, 19.19),
    (400, 43.03),
    (800, 100.91),
    (1000, 131.96),
    (1500, 206.00),
    (1609.344, 223.13),  # the mile
    (2000, 284.79),
    (3000, 437.55),
    (5000, 755.36),
    (10_000, 1571.00),
    (21_097.5, 3402.0),  # half marathon, 56:42
    (42_195, 7235.0),  # marathon, 2:00:35
    (50_000, 9613.0),  # 2:40:13
    (100_000, 21_935.0),  # 6:05:35
    (319_614, 86_400.0),  # 24 hours
    (1_036_800, 518_400.0),  # 6 days
)
_RECORD_DISTANCES = [metres for metres, _ in WORLD_RECORDS]


def world_record_seconds(metres: float) -> float:
    """The fastest time anyone has run `metres` in, or would by the neighbouring records.

    Shorter than 100 m or longer than six days' record: the nearest record's pace.
    """
    if metres <= 0:
        raise ValueError("a distance must be positive")
    first_m, first_s = WORLD_RECORDS[0]
    last_m, last_s = WORLD_RECORDS[-1]
    if metres <= first_m:
        return first_s * metres / first_m
    if metres >= last_m:
        return last_s * metres / last_m
    i = bisect.bisect_left(_RECORD_DISTANCES, metres)
    (d0, t0), (d1, t1) = WORLD_RECORDS[i - 1], WORLD_RECORDS[i]
    if metres == d1:
        return t1
    share = math.log(metres / d0) / math.log(d1 / d0)
    return math.exp(math.log(t0) + share * math.log(t1 / t0))


def check_distance(metres: float) -> None:
    if not metres > 0 or round(metres) < 1:
        raise ValidationError("Enter a distance greater than zero.", code="not_positive")
    if metres > MAX_DISTANCE_M:
        raise ValidationError(
            "That is longer than any one run could be (over 2,000 km). Check the distance and "
            "its unit.",
            code="too_long",
        )


def check_duration(seconds: float) -> None:
    if not seconds > 0:
        raise ValidationError("Enter a moving time greater than zero.", code="not_positive")
    if seconds > MAX_DURATION_S:
        raise ValidationError(
            "That moving time is over 30 days. Check the hours and minutes.", code="too_long"
        )


def check_pace(metres: float, seconds: float, unit: str) -> None:
    """No faster than the men's world record for the distance."""
    record = world_record_seconds(metres)
    if seconds < record:
        raise ValidationError(
            "A pace of %(pace)s over %(distance)s would beat the world record (%(record)s for "
            "that distance). Check the distance and the moving time.",
            code="faster_than_world_record",
            params={
                "pace": units.format_pace(metres, seconds, unit),
                "distance": units.format_distance(metres, unit),
                "record": units.format_duration(math.ceil(record)),
            },
        )


def check_long_run(metres: float, confirmed: bool, unit: str) -> None:
    if metres > LONG_RUN_M and not confirmed:
        raise ValidationError(
            "Over 100 km%(other)s in one run? If so, tick “Yes, this run really was over "
            "100 km” and save again.",
            code="confirm_long_run",
            params={"other": "" if unit == units.KM else " (62.1 mi)"},
        )


def check_temperature(celsius: float) -> None:
    if not MIN_TEMPERATURE_C <= celsius <= MAX_TEMPERATURE_C:
        raise ValidationError(
            "Enter a temperature between -40 and 50 °C (-40 and 122 °F).", code="out_of_range"
        )


def check_elevation(metres: float) -> None:
    if not 0 <= metres <= MAX_ELEVATION_M:
        raise ValidationError(
            "Enter a climb or descent from 0 up to 100,000 m (328,084 ft).", code="out_of_range"
        )


def check_when(moment: datetime, now: datetime, what: str = "A run") -> None:
    """Not in the future (beyond a phone's clock running a little fast), not before 1900."""
    if moment > now + CLOCK_SKEW:
        raise ValidationError(
            "%(what)s cannot be in the future. Check the date and time.",
            code="future",
            params={"what": what},
        )
    if moment < EARLIEST:
        raise ValidationError(
            "Enter a date from 1900 onwards.", code="too_early", params={"what": what}
        )


def check_scale(value: int, scale: tuple[int, int], name: str) -> None:
    low, high = scale
    if not low <= value <= high:
        raise ValidationError(
            "%(name)s runs from %(low)s to %(high)s.",
            code="out_of_scale",
            params={"name": name, "low": low, "high": high},
        )


# Sore regions: "left-calves" names the calf of the left leg.


def region_value(region: str, side: str) -> str:
    return f"{side}-{region}" if side else region


def parse_region_value(value: str) -> tuple[str, str]:
    """("calves", "left") from "left-calves"; ValidationError for an unknown region or side."""
    side, _, region = value.rpartition("-")
    if (
        region not in Location.values
        or side not in Side.values
        or region_value(region, side) != value
    ):
        raise ValidationError("Choose sore areas from the map or the list.", code="unknown_region")
    return region, side

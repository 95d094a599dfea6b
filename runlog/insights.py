"""What a runner's own log says about their soreness: comparisons of like with like, not proof.

For each factor the log can tell, runs with it and without it are compared by the soreness of
the check-in that followed them, but only runs of similar length and effort with each other.
Plain `RunFacts` and `CheckIn` in (see `runlog.load`, whose rules on local days apply here
too), plain `Insight`s out; no database, no numpy (`statistics` and `math` only).

The rules:
- A run counts when a check-in follows it within 72 hours: the FIRST check-in recorded at or
  after the run's end (start + moving time) and no more than 72 real hours later (so 72 hours
  across a daylight-saving change are still 72 hours). Its overall 0-10 soreness is the
  run's. Two runs before the same check-in both take its score; a later run in between does
  not stop a check-in counting for the earlier one.
- Like with like: each run falls in a group by its distance against the runner's median run
  (short: under 80 % of it; usual: 80-125 %; long: over 125 %) and by its effort (RPE 0-4
  easy, 5-6 moderate, 7-10 hard, or not rated). Only groups holding runs on both sides of a
  factor are compared, and the within-group differences in average soreness are pooled, each
  weighted by n1 x n2 / (n1 + n2) (what a regression with a term per group would do). So a
  factor seen only on long runs is not compared at all, and long runs' soreness is never
  put down to it (confounding).
- The uncertainty: a 95 % interval from the t-distribution, with the spread of soreness
  within each group and side pooled (degrees of freedom: the runs compared less 2 per group).
  When the interval (to one decimal) includes 0, the comparison says it could be chance.
- Enough data: at least 5 runs compared on each side (runs in groups with both sides) and at
  least 2 degrees of freedom. Until then there is no comparison, only what is missing.
- Each factor names the side its causes would make sorer (`Factor.blamed`: no warm-up,
  hills, cold, little to drink, a week more than 10 % up, a spike). The difference is that
  side's soreness less the other's; the causes and strategies are linked only when it is
  above 0 (to one decimal): "may be linked to", never "the cause".
- Runs whose factor is unknown or in between (no warm-up answer; rolling or trail terrain;
  above 20 °C; "some" fluid; no base week; no run in the 30 days before) are on neither side.
"""

import math
import statistics
from bisect import bisect_left
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from .load import SPIKE_WINDOW_DAYS, RunFacts, spike_checks

CHECKIN_WITHIN = timedelta(hours=72)
MIN_RUNS_PER_SIDE = 5  # runs compared (like with like) on each side before a comparison shows
MIN_DEGREES_OF_FREEDOM = 2  # and enough runs within groups to judge their spread
COLD_BELOW_C = 5  # contract: cold is below 5 °C
MILD_UP_TO_C = 20  # mild is 5-20 °C, both included
# "More than 10 % up": the 7 days ending on the run's day against the 7 before (exact: a
# fraction, so exactly 10 % is not more).
WEEK_UP_RATIO = Fraction(11, 10)
# Groups of similar runs: by distance against the runner's median run, and by effort (RPE).
SHORT_BELOW = Fraction(4, 5)  # under 80 % of the median: short
LONG_ABOVE = Fraction(5, 4)  # over 125 %: long
EFFORT_BANDS = ((4, "easy"), (6, "moderate"), (10, "hard"))  # RPE up to 4, 5-6, 7-10

INSIGHT_CAVEAT = (
    "This is what your own log shows, not proof of a cause: other things change from run to "
    "run too. Each comparison is only between runs of similar length and effort, and shows "
    f"once each side has at least {MIN_RUNS_PER_SIDE} such runs; the 95 % interval is how far "
    "chance alone could move the difference."
)


@dataclass(frozen=True, slots=True)
class Factor:
    slug: str
    title: str
    blamed: str  # the side its causes would make sorer, as "runs ..." goes on: "without a warm-up"
    other: str  # the side it is compared with: "with a warm-up"
    log_what: str | None  # what to log, when the runner can log it: "whether you warmed up"
    causes: tuple[str, ...]
    strategies: tuple[str, ...]


FACTORS = (
    Factor(
        "warm_up",
        "Warm-up or none",
        "without a warm-up",
        "with a warm-up",
        "whether you warmed up",
        # The questionnaire's scoring ties a missing warm-up to `cold` (muscles start cold).
        ("cold",),
        ("warm_up_cool_down",),
    ),
    Factor(
        "hills",
        "Hills or flat",
        "on hilly or downhill routes",
        "on flat routes",
        "the terrain",
        ("eccentric_load",),
        ("repeated_bout", "flat_surfaces"),
    ),
    Factor(
        "cold",
        "Cold or mild",
        "in the cold (below 5 °C)",
        "in mild weather (5-20 °C)",
        "the temperature",
        ("cold",),
        ("dress_for_cold",),
    ),
    Factor(
        "fluids",
        "Little to drink or plenty",
        "with little or nothing to drink",
        "with plenty to drink",
        "how much you drank",
        ("dehydration",),
        ("hydrate",),
    ),
    Factor(
        "week_up",
        "A week more than 10 % up",
        "in a week more than 10 % up on the week before",
        "in other weeks",
        None,
        ("overuse",),
        ("gradual_increase",),
    ),
    Factor(
        "spike",
        "After a single-run spike",
        f"more than 10 % longer than your longest in the {SPIKE_WINDOW_DAYS} days before",
        f"not more than 10 % longer than your longest in the {SPIKE_WINDOW_DAYS} days before",
        None,
        ("overuse",),
        ("gradual_increase",),
    ),
)


@dataclass(frozen=True, slots=True)
class Insight:
    """One factor compared, like with like: side `blamed` is the one its causes would make
    sorer ("without a warm-up", "on hilly or downhill routes", "in the cold"...).

    `difference` is the soreness (points of 0-10) after runs on the blamed side less the
    other, pooled over the groups of similar runs, with its 95 % interval `low` to `high`.
    With `enough` False those are None and `text` says what is missing. `causes` and
    `strategies` are the factor's; `linked_causes` and `linked_strategies` the ones to show.
    """

    slug: str
    title: str
    blamed_label: str
    other_label: str
    blamed_runs: int  # runs compared: in groups with runs on both sides
    other_runs: int
    groups: int  # groups of similar length and effort compared
    difference: float | None
    low: float | None
    high: float | None
    causes: tuple[str, ...]
    strategies: tuple[str, ...]
    enough: bool
    text: str
    caveat: str = INSIGHT_CAVEAT

    @property
    def could_be_chance(self) -> bool:
        """The interval, as shown (one decimal), includes no difference."""
        return self.enough and includes_zero(self.low, self.high)

    @property
    def points_to_causes(self) -> bool:
        """More soreness on the blamed side (as shown, to one decimal)."""
        return self.enough and round(self.difference, 1) > 0

    @property
    def linked_causes(self) -> tuple[str, ...]:
        return self.causes if self.points_to_causes else ()

    @property
    def linked_strategies(self) -> tuple[str, ...]:
        return self.strategies if self.points_to_causes else ()


@dataclass(frozen=True, slots=True)
class Difference:
    """A difference in means pooled over groups, with its 95 % interval."""

    estimate: float
    low: float
    high: float
    degrees_of_freedom: int


def soreness_after(runs: list[RunFacts], checkins) -> list[int | None]:
    """For each run, the soreness of the first check-in within 72 h after its end, or None."""
    ordered = sorted(checkins, key=lambda checkin: checkin.recorded_at)
    times = [checkin.recorded_at for checkin in ordered]
    result: list[int | None] = []
    for run in runs:
        end = run.end
        i = bisect_left(times, end)
        if i < len(times) and times[i] - end <= CHECKIN_WITHIN:
            result.append(ordered[i].soreness)
        else:
            result.append(None)
    return result


# Each factor's sides, one value per run (in start order): True = the blamed side, False =
# the other, None = on neither side.


def _warm_up(runs: list[RunFacts]) -> list[bool | None]:
    return [None if run.warm_up_done is None else not run.warm_up_done for run in runs]


def _hills(runs: list[RunFacts]) -> list[bool | None]:
    sides = {"hilly": True, "downhill": True, "flat": False}
    return [sides.get(run.terrain) for run in runs]


def _cold(runs: list[RunFacts]) -> list[bool | None]:
    def side(celsius):
        if celsius is None:
            return None
        if celsius < COLD_BELOW_C:
            return True
        return False if celsius <= MILD_UP_TO_C else None

    return [side(run.temperature_c) for run in runs]


def _fluids(runs: list[RunFacts]) -> list[bool | None]:
    sides = {"little": True, "plenty": False}
    return [sides.get(run.fluids) for run in runs]


def _week_up(runs: list[RunFacts]) -> list[bool | None]:
    """The 7 local days ending on the run's day (that whole day included) against the 7
    before; None when those 7 days hold no run (nothing to compare with)."""
    if not runs:
        return []
    first = min(run.day for run in runs) - timedelta(days=14)
    span = (max(run.day for run in runs) - first).days + 1
    prefix = [0] * (span + 1)  # prefix[i] = metres on days first .. first + i - 1
    daily = [0] * span
    for run in runs:
        daily[(run.day - first).days] += run.distance_m
    for i, metres in enumerate(daily):
        prefix[i + 1] = prefix[i] + metres
    sides: list[bool | None] = []
    for run in runs:
        end = (run.day - first).days + 1
        week = prefix[end] - prefix[end - 7]
        before = prefix[end - 7] - prefix[end - 14]
        sides.append(None if before == 0 else week > before * WEEK_UP_RATIO)
    return sides


def _spike(runs: list[RunFacts]) -> list[bool | None]:
    return [
        None if check.longest_before_m is None else check.flagged for check in spike_checks(runs)
    ]


_SIDES = {
    "warm_up": _warm_up,
    "hills": _hills,
    "cold": _cold,
    "fluids": _fluids,
    "week_up": _week_up,
    "spike": _spike,
}


def insights(runs, checkins) -> list[Insight]:
    """One `Insight` per factor, in the order of `FACTORS`."""
    ordered = sorted(runs, key=lambda run: run.start)
    soreness = soreness_after(ordered, checkins)
    groups = like_groups(ordered)
    return [
        compare(factor, factor_sides(factor.slug, ordered), soreness, groups) for factor in FACTORS
    ]


def factor_sides(slug: str, runs: list[RunFacts]) -> list[bool | None]:
    """Which side of factor `slug` each run is on (True blamed, False other, None neither).

    `runs` must be in order of start (the spike and week factors look back).
    """
    return _SIDES[slug](runs)


# --------------------------------------------------------------------------- like with like


def like_groups(runs: list[RunFacts]) -> list[tuple[str, str]]:
    """Each run's group of similar runs: (length against the median run, effort band)."""
    distances = [run.distance_m for run in runs if run.distance_m > 0]
    median = statistics.median(distances) if distances else 0
    return [(_length(run.distance_m, median), _effort(run.rpe)) for run in runs]


def _length(metres: int, median: float) -> str:
    if median <= 0:
        return "usual"
    if metres < median * SHORT_BELOW:
        return "short"
    return "long" if metres > median * LONG_ABOVE else "usual"


def _effort(rpe: int | None) -> str:
    if rpe is None:
        return "not rated"
    return next((name for top, name in EFFORT_BANDS if rpe <= top), EFFORT_BANDS[-1][1])


# The two-sided 95 % points of Student's t for 1-10 degrees of freedom; above 10 the
# Cornish-Fisher expansion is exact to 4 decimals.
_T975 = (12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281)


def t_975(degrees_of_freedom: int) -> float:
    """The 97.5th percentile of Student's t (the half-width factor of a 95 % interval)."""
    if degrees_of_freedom < 1:
        raise ValueError("a t-interval needs at least 1 degree of freedom")
    if degrees_of_freedom <= len(_T975):
        return _T975[degrees_of_freedom - 1]
    z = statistics.NormalDist().inv_cdf(0.975)
    v = degrees_of_freedom
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


def stratified_difference(groups) -> Difference:
    """The difference in means (first list less second) pooled over `groups`, a list of
    (blamed scores, other scores) pairs, each list non-empty.

    Each group's difference is weighted by n1 x n2 / (n1 + n2); the spread is the pooled
    within-group-and-side variance s2 with sum(n1 + n2 - 2) degrees of freedom, so the
    estimate's standard error is sqrt(s2 / sum of the weights) (one group: the two-sample t).
    """
    weights = weighted = squares = 0.0
    degrees = 0
    for blamed, other in groups:
        mean_blamed, mean_other = statistics.fmean(blamed), statistics.fmean(other)
        weight = len(blamed) * len(other) / (len(blamed) + len(other))
        weights += weight
        weighted += weight * (mean_blamed - mean_other)
        squares += sum((x - mean_blamed) ** 2 for x in blamed)
        squares += sum((x - mean_other) ** 2 for x in other)
        degrees += len(blamed) + len(other) - 2
    estimate = weighted / weights
    margin = t_975(degrees) * math.sqrt(squares / degrees / weights)
    return Difference(estimate, estimate - margin, estimate + margin, degrees)


def compare(
    factor: Factor,
    sides: list[bool | None],
    soreness: list[int | None],
    groups: list | None = None,
) -> Insight:
    """The factor's two sides compared within each group of similar runs (`groups`, one key
    per run; None: all runs alike), once there is enough to compare."""
    if groups is None:
        groups = [None] * len(sides)
    cells: dict[tuple, list[int]] = {}
    for side, score, group in zip(sides, soreness, groups, strict=True):
        if side is not None and score is not None:
            cells.setdefault((group, side), []).append(score)
    matched = [
        group
        for group in dict.fromkeys(group for group, _ in cells)
        if (group, True) in cells and (group, False) in cells
    ]
    blamed = sum(len(cells[group, True]) for group in matched)
    other = sum(len(cells[group, False]) for group in matched)
    degrees = blamed + other - 2 * len(matched)
    found = None
    if (
        blamed >= MIN_RUNS_PER_SIDE
        and other >= MIN_RUNS_PER_SIDE
        and degrees >= MIN_DEGREES_OF_FREEDOM
    ):
        found = stratified_difference([(cells[g, True], cells[g, False]) for g in matched])
    if found is None:
        text = _not_enough(factor, blamed, other, len(matched))
    else:
        text = _comparison(factor, found, blamed, other)
    return Insight(
        factor.slug,
        factor.title,
        factor.blamed,
        factor.other,
        blamed,
        other,
        len(matched),
        None if found is None else found.estimate,
        None if found is None else found.low,
        None if found is None else found.high,
        factor.causes,
        factor.strategies,
        found is not None,
        text,
    )


# --------------------------------------------------------------------------- wording


def _points(value: float) -> str:
    return f"{abs(value):.1f} point{'' if round(abs(value), 1) == 1 else 's'}"


def interval_words(low: float, high: float) -> str:
    """A 95 % interval of a difference, in words: "0.4 to 2.6 points higher"."""
    low, high = round(low, 1), round(high, 1)
    if low == high == 0:
        return "no difference either way"
    if low >= 0:
        return f"{abs(low):.1f} to {_points(high)} higher"
    if high <= 0:
        return f"{abs(high):.1f} to {_points(low)} lower"
    return f"{_points(low)} lower to {_points(high)} higher"


def includes_zero(low: float, high: float) -> bool:
    """The interval, as shown (to one decimal), includes no difference: could be chance."""
    return round(low, 1) <= 0 <= round(high, 1)


def _comparison(factor: Factor, found: Difference, blamed: int, other: int) -> str:
    shown = round(found.estimate, 1)
    after = f"after runs {factor.blamed}"
    if shown == 0:
        how = f"about the same {after} as after runs {factor.other}"
    else:
        way = "higher" if shown > 0 else "lower"
        how = f"{_points(shown)} {way} {after} than after runs {factor.other}"
    text = (
        f"In your runs of similar length and effort, soreness at your next check-in was {how} "
        f"({blamed} and {other} runs compared; 95 % interval: "
        f"{interval_words(found.low, found.high)})."
    )
    if includes_zero(found.low, found.high):
        text += " This could be chance: the interval includes no difference."
    return text


def _runs(n: int, phrase: str, more: bool = False) -> str:
    return f"{n}{' more' if more else ''} run{'' if n == 1 else 's'} {phrase}"


def _not_enough(factor: Factor, blamed: int, other: int, groups: int) -> str:
    if blamed >= MIN_RUNS_PER_SIDE and other >= MIN_RUNS_PER_SIDE:
        return (
            f"Not enough data yet: your {blamed + other} runs that can be compared are spread "
            f"over {groups} kinds of run (by length and effort), too few of each to tell a "
            "difference from chance. It fills in as you log more runs like them."
        )
    so_far = (
        f"Not enough data yet: each side needs {MIN_RUNS_PER_SIDE} runs that can be compared "
        "with runs of similar length and effort on the other side, each with a check-in "
        f"within 3 days after it. So far: {_runs(blamed, factor.blamed)} and "
        f"{_runs(other, factor.other)}."
    )
    needed = [
        _runs(MIN_RUNS_PER_SIDE - n, phrase, more=True)
        for n, phrase in ((blamed, factor.blamed), (other, factor.other))
        if n < MIN_RUNS_PER_SIDE
    ]
    if factor.log_what:
        how = f"Log {factor.log_what} with each run and check in within 3 days after it"
    else:
        how = "This fills in as you log your runs and check in within 3 days after each"
    return f"{so_far} {how}: it needs at least {' and '.join(needed)}."

"""What a runner's own log says about the causes of their soreness: comparisons, not proof.

For each factor the log can tell, the runs on each side are compared by the soreness of the
check-in that followed them. Plain `RunFacts` and `CheckIn` in (see `runlog.load`, whose
rules on local days apply here too), plain `Insight`s out; no database.

The rules:
- A run counts when a check-in follows it within 72 hours: the FIRST check-in recorded at or
  after the run's end (start + moving time) and no more than 72 real hours later (so 72 hours
  across a daylight-saving change are still 72 hours). Its overall 0-10 soreness is the
  run's. Two runs before the same check-in both take its score; a later run in between does
  not stop a check-in counting for the earlier one.
- An insight shows only when each side has at least 3 such runs; otherwise it is "not
  enough data yet", with the counts so far and what to log.
- Runs whose factor is unknown or in between (no warm-up answer; rolling or trail terrain;
  above 20 °C; "some" fluid; no base week; no run in the 30 days before) are on neither side.
- The wording reports averages and counts, never a cause: other things change too.
"""

from bisect import bisect_left
from dataclasses import dataclass
from datetime import timedelta

from .load import SPIKE_WINDOW_DAYS, RunFacts, spike_checks

CHECKIN_WITHIN = timedelta(hours=72)
MIN_RUNS_PER_SIDE = 3
COLD_BELOW_C = 5  # contract: cold is below 5 °C
MILD_UP_TO_C = 20  # mild is 5-20 °C, both included
WEEK_UP_RATIO = 1.1  # "more than 10 % up": the 7 days ending on the run's day vs the 7 before

INSIGHT_CAVEAT = (
    "This is what your own log shows, not proof of a cause: other things change from run to "
    "run too, and a few runs can differ by chance."
)


@dataclass(frozen=True, slots=True)
class Factor:
    slug: str
    title: str
    a: str  # the side named first, as "runs ..." goes on: "with a warm-up"
    b: str
    log_what: str | None  # what to log, when the runner can log it: "whether you warmed up"
    causes: tuple[str, ...]
    strategies: tuple[str, ...]


FACTORS = (
    Factor(
        "warm_up",
        "Warm-up or none",
        "with a warm-up",
        "without a warm-up",
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
    """One factor compared: side `a` is the one the title names first ("with a warm-up",
    "on hilly or downhill routes", "in the cold"...), side `b` the other.

    With `enough` False the averages are None and `text` says what to log.
    """

    slug: str
    title: str
    a_label: str
    b_label: str
    a_runs: int
    b_runs: int
    a_soreness: float | None
    b_soreness: float | None
    causes: tuple[str, ...]
    strategies: tuple[str, ...]
    enough: bool
    text: str
    caveat: str = INSIGHT_CAVEAT


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


# Each factor's sides, one value per run (in start order): True = side a, False = side b,
# None = on neither side.


def _warm_up(runs: list[RunFacts]) -> list[bool | None]:
    return [run.warm_up_done for run in runs]


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
        sides.append(None if before == 0 else week * 10 > before * 11)
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
    return [compare(factor, factor_sides(factor.slug, ordered), soreness) for factor in FACTORS]


def factor_sides(slug: str, runs: list[RunFacts]) -> list[bool | None]:
    """Which side of factor `slug` each run is on (True a, False b, None neither).

    `runs` must be in order of start (the spike and week factors look back).
    """
    return _SIDES[slug](runs)


def compare(factor: Factor, sides: list[bool | None], soreness: list[int | None]) -> Insight:
    """The two sides' average soreness, when each side has at least 3 runs with a check-in."""
    a = [s for side, s in zip(sides, soreness, strict=True) if side is True and s is not None]
    b = [s for side, s in zip(sides, soreness, strict=True) if side is False and s is not None]
    enough = len(a) >= MIN_RUNS_PER_SIDE and len(b) >= MIN_RUNS_PER_SIDE
    a_avg = sum(a) / len(a) if enough else None
    b_avg = sum(b) / len(b) if enough else None
    if enough:
        text = (
            f"In your {len(a)} runs {factor.a}, soreness at your next check-in averaged "
            f"{a_avg:.1f}/10; in your {len(b)} runs {factor.b}, {b_avg:.1f}/10."
        )
    else:
        text = _not_enough(factor, len(a), len(b))
    return Insight(
        factor.slug,
        factor.title,
        factor.a,
        factor.b,
        len(a),
        len(b),
        a_avg,
        b_avg,
        factor.causes,
        factor.strategies,
        enough,
        text,
    )


def _runs(n: int, phrase: str, more: bool = False) -> str:
    return f"{n}{' more' if more else ''} run{'' if n == 1 else 's'} {phrase}"


def _not_enough(factor: Factor, a: int, b: int) -> str:
    so_far = (
        f"Not enough data yet: so far {_runs(a, factor.a)} and {_runs(b, factor.b)} have a "
        f"check-in within 3 days after them, and each side needs {MIN_RUNS_PER_SIDE}."
    )
    needed = [
        _runs(MIN_RUNS_PER_SIDE - n, phrase, more=True)
        for n, phrase in ((a, factor.a), (b, factor.b))
        if n < MIN_RUNS_PER_SIDE
    ]
    if factor.log_what:
        how = f"Log {factor.log_what} with each run and check in within 3 days after it"
    else:
        how = "This fills in as you log your runs and check in within 3 days after each"
    return f"{so_far} {how}: it needs {' and '.join(needed)}."

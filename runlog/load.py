"""Training load, run spikes and soreness trends: plain runs and check-ins in, numbers out.

No database and no Django here. The caller (the dashboard view) reads the models and builds
the plain `RunFacts` and `CheckIn` below; every function then makes one or two passes over
them (plus a sort), so 5,000 runs cost milliseconds.

Days and weeks are the runner's own. Each fact carries both its aware datetime (for spans in
real hours, such as "a check-in within 72 hours") and its `day`: the runner's LOCAL calendar
day, converted by the caller (`RunFacts.local` and `CheckIn.local` do it with
`runlog.days.local_day`). Every function that needs "now" takes `today`, the runner's local
date. Nothing here looks at the clock or at a time zone, so daylight-saving changes cannot
shift a run into another day: a day is a date, whether it lasted 23, 24 or 25 hours. A week
is 7 days ending on a given day: "this week" is the 7 days ending today, and weekly series
go back in blocks of 7 days from there (`week_starts`), never in calendar weeks. Runs and
check-ins after `today` are ignored.

Unknown stays unknown. A run without an effort score (RPE) has no session load: it adds
nothing to the daily load and every load figure reports how many such runs it left out
(`runs_without_rpe`); it still counts as a run (it ends a break and has a distance).
"""

import math
import statistics
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from . import days, units

# Body regions and their labels, as in `runlog.choices.Location` (repeated so this module needs
# no Django; a test checks the two agree). Their order is the body map's, top to bottom.
REGION_LABELS = {
    "hips_glutes": "Hip or buttock",
    "quads": "Front of thigh",
    "hamstrings": "Back of thigh",
    "knees": "Knee",
    "shins": "Shin",
    "calves": "Calf",
    "feet": "Foot",
}
SIDE_LABELS = {"left": "Left", "right": "Right", "": ""}

# Caveats, shown beside each metric.
SESSION_LOAD_CAVEAT = (
    "Session load is your effort score (RPE, 0-10) times the minutes you ran: a rough measure "
    "of how hard a run was for you. Runs without an effort score have no load; they are left "
    "out of the load figures and counted."
)
ACWR_CAVEAT = (
    "This ratio compares your last 7 days with the 21 days before them. It is context, not a "
    "risk score: in 5,205 adult runners (Frandsen et al., BJSM 2025, "
    "doi:10.1136/bjsports-2024-109380), weekly ratios like this were not linked to overuse "
    "injuries, while single runs much longer than the runner's recent longest were."
)
SPIKE_CAVEAT = (
    "In 5,205 adult runners (Frandsen et al., BJSM 2025, doi:10.1136/bjsports-2024-109380), "
    "single runs longer than the longest of the previous 30 days went with more overuse "
    "injuries: hazard ratio 1.64 for runs 10-30 % longer, 1.52 for 30-100 % longer and 2.28 "
    "for over 100 % longer, while weekly ratios were not linked to injury. A flag is a "
    "reason to build up gradually, not a diagnosis."
)
MONOTONY_CAVEAT = (
    "Monotony is how alike your days were (the mean daily load divided by its standard "
    "deviation, rest days included); strain is the week's load times monotony. They describe "
    "your week; they do not predict injury."
)
HOOPER_CAVEAT = (
    "The Hooper index adds sleep, fatigue, stress and soreness, each from 1 (very, very good "
    "or low) to 7 (very, very bad or high). Your 0-10 soreness is mapped to 1 + 0.6 x "
    "soreness. A rising sum says you are recovering less; it does not say why."
)


# --------------------------------------------------------------------------- plain facts


@dataclass(frozen=True, slots=True)
class RunFacts:
    """One run. `day` is the runner's local day of `start` (an aware datetime)."""

    day: date
    start: datetime
    distance_m: int
    duration_s: int
    rpe: int | None = None
    terrain: str = ""
    temperature_c: float | Decimal | None = None
    fluids: str = ""
    warm_up_done: bool | None = None
    cool_down_done: bool | None = None
    run_id: int | None = None

    @classmethod
    def local(cls, start: datetime, tz_name: str, **facts) -> "RunFacts":
        """The run with `day` set to its local day in `tz_name`."""
        return cls(day=days.local_day(start, tz_name), start=start, **facts)

    @property
    def minutes(self) -> float:
        return self.duration_s / 60

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.duration_s)

    @property
    def load(self) -> float | None:
        return session_load(self)


@dataclass(frozen=True, slots=True)
class Region:
    """A region named in a check-in; `soreness` is its own 0-10 when the runner gave one."""

    region: str
    side: str = ""
    soreness: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.region, self.side


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One soreness check-in. `day` is the runner's local day of `recorded_at` (aware)."""

    day: date
    recorded_at: datetime
    soreness: int
    sleep_quality: int | None = None
    fatigue: int | None = None
    stress: int | None = None
    regions: tuple[Region, ...] = ()
    run_id: int | None = None

    @classmethod
    def local(cls, recorded_at: datetime, tz_name: str, **facts) -> "CheckIn":
        return cls(day=days.local_day(recorded_at, tz_name), recorded_at=recorded_at, **facts)


def region_label(region: str, side: str = "") -> str:
    """ "Left calf", "Knee": as `SoreRegion.label` says it."""
    name = REGION_LABELS[region]
    return f"{SIDE_LABELS[side]} {name.lower()}" if side else name


def region_value(region: str, side: str = "") -> str:
    """The body map's name, e.g. "left-calves" (as `SoreRegion.value`)."""
    return f"{side}-{region}" if side else region


def _up_to(items, today: date) -> list:
    return [item for item in items if item.day <= today]


# --------------------------------------------------------------------------- load


def session_load(run: RunFacts) -> float | None:
    """RPE x minutes; None (unknown, never 0) for a run without an RPE."""
    return None if run.rpe is None else run.rpe * run.minutes


@dataclass(frozen=True, slots=True)
class DailyLoad:
    """Load per local day from `first_day` to `last_day`; rest days are 0."""

    first_day: date
    loads: tuple[float, ...]
    runs_without_rpe: int

    @property
    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(len(self.loads))]

    @property
    def total(self) -> float:
        return sum(self.loads)

    def on(self, day: date) -> float:
        return self.loads[(day - self.first_day).days]


def daily_load(runs, first_day: date, last_day: date) -> DailyLoad:
    """Sum of session loads per day; runs without RPE add nothing and are counted."""
    loads = [0.0] * ((last_day - first_day).days + 1)
    unrated = 0
    for run in runs:
        if first_day <= run.day <= last_day:
            load = session_load(run)
            if load is None:
                unrated += 1
            else:
                loads[(run.day - first_day).days] += load
    return DailyLoad(first_day, tuple(loads), unrated)


# --------------------------------------------------------------------------- ACWR

ACUTE_DAYS = 7
CHRONIC_DAYS = 21
ACWR_LOG_DAYS = ACUTE_DAYS + CHRONIC_DAYS  # 28
BREAK_DAYS = 14


@dataclass(frozen=True, slots=True)
class Acwr:
    """The acute:chronic workload ratio, or why it is hidden (`hidden` is then a slug).

    Context only: the ratio comes with no band or verdict ("steady", "a jump"), because in
    runners weekly ratios were not linked to injury (`ACWR_CAVEAT`).
    `hidden`: "no_runs", "on_a_break", "too_little_log", "after_a_break" or "no_chronic_load".
    `shows_from`: the first day it can show if the runner keeps logging (None when unknown).
    """

    ratio: float | None
    acute: float | None
    chronic: float | None
    runs_without_rpe: int
    hidden: str | None
    message: str
    shows_from: date | None = None
    caveat: str = ACWR_CAVEAT


def _hidden_acwr(reason: str, message: str, shows_from: date | None = None) -> Acwr:
    return Acwr(None, None, None, 0, reason, message, shows_from)


def _last_break(run_days: list[date], today: date) -> tuple[int, date | None] | None:
    """The latest stretch of BREAK_DAYS or more run-free days: (length, first run after).

    The first run after is None while the break goes on (no run since, up to today).
    """
    if (today - run_days[-1]).days >= BREAK_DAYS:
        return (today - run_days[-1]).days, None
    for before, after in zip(reversed(run_days[:-1]), reversed(run_days[1:]), strict=True):
        gap = (after - before).days - 1
        if gap >= BREAK_DAYS:
            return gap, after
    return None


def acwr(runs, today: date) -> Acwr:
    """Uncoupled ACWR (Lolli et al., BJSM 2019): the mean daily load of the 7 days ending
    `today` over the mean daily load of the 21 days before them; rest days are 0.

    Shown only when the 28-day window [today - 27, today] lies wholly inside the log, and
    inside it since the last break:
    - the log begins on the day of the first run, so the window must start on or after it;
    - a break is 14 or more consecutive days without any run (a run without RPE still
      counts as a run); after one, the window must start on or after the first run back, so
      the ratio returns 27 days after that run (28 days of log since the break ended);
      during a break (no run in the last 14 days or more) it is hidden.
    Hidden too when the 21 chronic days hold no rated load (a ratio over 0 has no value).
    The ratio is rounded to 2 decimals, and given without words that judge it.
    """
    runs = _up_to(runs, today)
    if not runs:
        return _hidden_acwr(
            "no_runs",
            "Log your runs with an effort score (RPE) for 4 weeks to see how your last week "
            "compares with the three before.",
        )
    run_days = sorted({run.day for run in runs})
    window_start = today - timedelta(days=ACWR_LOG_DAYS - 1)
    brk = _last_break(run_days, today)
    if brk is not None and brk[1] is None:
        return _hidden_acwr(
            "on_a_break",
            f"No runs for {brk[0]} days. The ratio comes back 28 days after your first run "
            "back, when there is a full 4 weeks to compare.",
        )
    log_start = run_days[0]
    if brk is not None and brk[1] > log_start:
        log_start = brk[1]
    if log_start > window_start:
        shows_from = log_start + timedelta(days=ACWR_LOG_DAYS - 1)
        if log_start == run_days[0]:
            reason = "too_little_log"
            message = (
                f"The ratio needs 28 days of log; yours starts on {_date(log_start)}. "
                f"It shows from {_date(shows_from)}."
            )
        else:
            reason = "after_a_break"
            message = (
                f"After your break of {brk[0]} days without runs, the ratio needs 28 days of "
                f"log again. It shows from {_date(shows_from)}."
            )
        return _hidden_acwr(reason, message, shows_from)

    series = daily_load(runs, window_start, today)
    chronic = sum(series.loads[:CHRONIC_DAYS]) / CHRONIC_DAYS
    acute = sum(series.loads[CHRONIC_DAYS:]) / ACUTE_DAYS
    if chronic == 0:
        return Acwr(
            None,
            acute,
            chronic,
            series.runs_without_rpe,
            "no_chronic_load",
            "No rated load in the 21 days before your last week: log an effort score (RPE) "
            "with your runs to see the ratio.",
        )
    ratio = round(acute / chronic, 2)
    message = (
        f"Your last 7 days averaged a load of {acute:.0f} a day, against {chronic:.0f} a day "
        f"in the 21 days before: a ratio of {ratio:.2f}."
    )
    if series.runs_without_rpe:
        message += f" {_runs_without_rpe(series.runs_without_rpe)} left out."
    return Acwr(ratio, acute, chronic, series.runs_without_rpe, None, message)


def _runs_without_rpe(n: int) -> str:
    return f"{n} run{'' if n == 1 else 's'} without an effort score (RPE)"


def _date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# --------------------------------------------------------------------------- monotony


@dataclass(frozen=True, slots=True)
class Monotony:
    """Foster's monotony and strain over the 7 days ending `last_day`, rest days as 0."""

    first_day: date
    last_day: date
    week_load: float
    mean: float
    sd: float
    monotony: float | None
    strain: float | None
    runs_without_rpe: int
    caveat: str = MONOTONY_CAVEAT


def weekly_monotony(runs, last_day: date) -> Monotony:
    """Monotony = mean daily load / its POPULATION standard deviation (the 7 days are the
    whole week, not a sample: divide by 7); strain = the week's load x monotony.
    Both None when the deviation is 0 (every day alike, an empty week included).
    """
    first_day = last_day - timedelta(days=6)
    series = daily_load(runs, first_day, last_day)
    mean = statistics.fmean(series.loads)
    sd = statistics.pstdev(series.loads)
    monotony = mean / sd if sd else None
    strain = series.total * monotony if monotony is not None else None
    return Monotony(
        first_day, last_day, series.total, mean, sd, monotony, strain, series.runs_without_rpe
    )


# --------------------------------------------------------------------------- spikes

SPIKE_WINDOW_DAYS = 30


@dataclass(frozen=True, slots=True)
class SpikeBand:
    """How much longer a flagged run was, with its hazard ratio (Frandsen et al., BJSM 2025).

    The band holds runs MORE than `above` % longer, up to and including `up_to` % (None: no
    upper bound).
    """

    above: int
    up_to: int | None
    hazard_ratio: float

    @property
    def words(self) -> str:
        return f"over {self.above} %" if self.up_to is None else f"{self.above}-{self.up_to} %"

    @property
    def finding(self) -> str:
        return (
            f"In 5,205 adult runners (Frandsen et al., BJSM 2025, "
            f"doi:10.1136/bjsports-2024-109380), single runs {self.words} longer than the "
            f"longest of the previous 30 days went with more overuse injuries: hazard ratio "
            f"{self.hazard_ratio:.2f}. A flag is a reason to build up gradually, not a diagnosis."
        )


SPIKE_BANDS = (
    SpikeBand(10, 30, 1.64),
    SpikeBand(30, 100, 1.52),
    SpikeBand(100, None, 2.28),
)


def spike_band(distance_m: int, longest_m: int) -> SpikeBand | None:
    """The band of a run against the longest before it, exactly in whole metres (30 % longer
    is in 10-30 %, 100 % longer in 30-100 %); None when it is not more than 10 % longer."""
    if distance_m * 10 <= longest_m * 11:
        return None
    for band in SPIKE_BANDS:
        if band.up_to is None or distance_m * 100 <= longest_m * (100 + band.up_to):
            return band
    return None  # unreachable: the last band has no upper bound


@dataclass(frozen=True, slots=True)
class SpikeCheck:
    """A run checked against the longest run of the 30 days before it.

    `kind`:
    - "compared": the log covers those 30 days and holds a run in them; `longest_before_m`
      and `percent_longer` say how this run compares, `flagged` when more than 10 % longer;
    - "short_log": the runner's log (from `log_start`, the day of their first run) starts
      less than 30 days before this run: too short to compare, so no flag and no "not
      longer" either;
    - "after_break": the log covers the 30 days but holds no run in them: the first run
      after a break of `break_days` run-free days (None when the run before it was not
      read), named as such rather than compared.
    `longest_before_m` and `percent_longer` are None unless the run was compared.
    """

    run: RunFacts
    longest_before_m: int | None
    percent_longer: float | None
    flagged: bool
    kind: str = "compared"
    log_start: date | None = None
    break_days: int | None = None

    @property
    def compared(self) -> bool:
        return self.kind == "compared"

    @property
    def band(self) -> SpikeBand | None:
        """A flagged run's band (10-30 %, 30-100 %, over 100 %); None when not flagged."""
        if not self.flagged:
            return None
        return spike_band(self.run.distance_m, self.longest_before_m)

    @property
    def caveat(self) -> str:
        """The finding for this run's own band when flagged, else the general one."""
        band = self.band
        return SPIKE_CAVEAT if band is None else band.finding

    @property
    def message(self) -> str:
        if self.kind == "short_log":
            return (
                f"Your log starts on {_date(self.log_start)}: too short to compare this run "
                "with the 30 days before it."
            )
        if self.kind == "after_break":
            length = "30 days or more" if self.break_days is None else _days(self.break_days)
            return (
                f"Your first run after a break of {length}: start shorter than before the "
                "break and build up."
            )
        if self.flagged:
            return (
                f"{spike_percent(self.percent_longer)} % longer than your longest run in the "
                f"30 days before ({_distance(self.longest_before_m, units.KM)})."
            )
        return "Not more than 10 % longer than your longest run in the 30 days before."


def spike_percent(percent: float) -> str:
    """ "25", "23.4", or "just over 10" when it would show as 10 (a flag is MORE than 10 %)."""
    shown = round(percent, 1)
    return "just over 10" if shown <= 10 else f"{shown:g}"


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def spike_checks(
    runs, log_start: date | None = None, run_before: date | None = None
) -> list[SpikeCheck]:
    """Every run (up to any day), in order of start, checked for a single-run spike.

    The window: runs that started earlier on the same local day or on the 30 local days
    before it (day - 30 included). A run is compared only when the log covers that window:
    the log starts (`log_start`, the runner's first run) on day - 30 or before. Then, with
    runs in the window, it is flagged when MORE than 10 % longer than the longest of them
    (distance x 10 > longest x 11, in whole metres: exactly 10 % is not a spike); with none,
    it is the first run after a break (of 30 run-free days or more). Otherwise it is
    "short_log": two runs in a 4-day log are never "111 % longer".

    `log_start` defaults to the first day in `runs`; pass the log's real first day when
    `runs` is a window of a longer log. `run_before`: the day of the last run before those
    in `runs`, so that a break which began before them has its length. One pass with a
    sliding-window maximum (a monotonic queue).
    """
    ordered = sorted(runs, key=lambda run: run.start)
    if not ordered:
        return []
    first_day = ordered[0].day if log_start is None else min(log_start, ordered[0].day)
    window: deque[RunFacts] = deque()  # distances strictly decreasing from the left
    previous = run_before
    checks = []
    for run in ordered:
        oldest = run.day - timedelta(days=SPIKE_WINDOW_DAYS)
        while window and window[0].day < oldest:
            window.popleft()
        if first_day > oldest:
            checks.append(SpikeCheck(run, None, None, False, "short_log", first_day))
        elif window:
            longest = window[0].distance_m
            percent = (run.distance_m - longest) * 100 / longest
            flagged = run.distance_m * 10 > longest * 11
            checks.append(SpikeCheck(run, longest, percent, flagged, "compared", first_day))
        else:
            gap = None if previous is None else (run.day - previous).days - 1
            checks.append(SpikeCheck(run, None, None, False, "after_break", first_day, gap))
        while window and window[-1].distance_m <= run.distance_m:
            window.pop()
        window.append(run)
        previous = run.day
    return checks


def single_run_spikes(runs, log_start: date | None = None) -> list[SpikeCheck]:
    """Only the flagged runs, oldest first."""
    return [check for check in spike_checks(runs, log_start) if check.flagged]


@dataclass(frozen=True, slots=True)
class RecentSpikes:
    """The checks of the runs from `since` to `until` (local days, both included), newest
    first, and one honest line about them (`text`)."""

    since: date
    until: date
    checks: tuple[SpikeCheck, ...]

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def flagged(self) -> tuple[SpikeCheck, ...]:
        return tuple(check for check in self.checks if check.flagged)

    @property
    def after_break(self) -> tuple[SpikeCheck, ...]:
        return tuple(check for check in self.checks if check.kind == "after_break")

    @property
    def short_log(self) -> tuple[SpikeCheck, ...]:
        return tuple(check for check in self.checks if check.kind == "short_log")

    @property
    def compared(self) -> tuple[SpikeCheck, ...]:
        return tuple(check for check in self.checks if check.compared)

    @property
    def text(self) -> str:
        """What the flags alone do not say. "No run ... was more than 10 % longer" only when
        every run of the period was compared; runs that could not be, counted with why."""
        days = self.days
        if not self.checks:
            return f"No runs in the last {days} days to compare."
        parts = []
        compared, short, breaks = self.compared, self.short_log, self.after_break
        if compared and not self.flagged:
            if len(compared) == len(self.checks):
                parts.append(
                    f"No run in the last {days} days was more than 10 % longer than your "
                    "longest run in the 30 days before it."
                )
            elif len(compared) == 1:
                parts.append(
                    f"1 run in the last {days} days could be compared: it was not more than "
                    "10 % longer than your longest run in the 30 days before it."
                )
            else:
                parts.append(
                    f"{len(compared)} runs in the last {days} days could be compared: none was "
                    "more than 10 % longer than your longest run in the 30 days before it."
                )
        if short:
            log_start = short[0].log_start
            one = len(short) == 1
            parts.append(
                f"{_count_runs(len(short))} in the last {days} days could not be compared. "
                f"Your log starts on {_date(log_start)}: too short to compare "
                f"{'this run' if one else 'these runs'} with the 30 days before "
                f"{'it' if one else 'them'}. Runs are compared from "
                f"{_date(log_start + timedelta(days=SPIKE_WINDOW_DAYS))}."
            )
        if breaks:
            one = len(breaks) == 1
            parts.append(
                f"{_count_runs(len(breaks))} in the last {days} days could not be compared: "
                f"{'it was your first run' if one else 'they were first runs'} after a break "
                f"of 30 days or more, with no run in the 30 days before."
            )
        return " ".join(parts)


def _count_runs(n: int) -> str:
    return f"{n} run{'' if n == 1 else 's'}"


def recent_spikes(checks, today: date, days: int = 28) -> RecentSpikes:
    """The checks of the runs of the last `days` days up to today, newest first."""
    since = today - timedelta(days=days - 1)
    recent = sorted(
        (check for check in checks if since <= check.run.day <= today),
        key=lambda check: check.run.start,
        reverse=True,
    )
    return RecentSpikes(since, today, tuple(recent))


# --------------------------------------------------------------------------- today's longest


@dataclass(frozen=True, slots=True)
class TodaysLongest:
    """The distance that keeps a run today within 10 % of the longest run of the last 30
    days (`limit_m`, whole metres rounded down: not flagged as a spike), with that longest
    run; all None when there was no run in the last 30 days."""

    today: date
    longest_m: int | None = None
    longest_day: date | None = None
    limit_m: int | None = None

    def text(self, unit: str = units.KM) -> str:
        if self.limit_m is None:
            return "No run in the last 30 days: start shorter than your usual and build up."
        return (
            f"Today's longest: {_distance_down(self.limit_m, unit)}. That keeps a run today "
            f"within 10 % of your longest in the last 30 days "
            f"({_distance_tenths(self.longest_m, unit)} on {_date(self.longest_day)})."
        )


def todays_longest(runs, today: date) -> TodaysLongest:
    """The longest run from today - 30 to today (the window a run today is checked against)
    x 1.10, rounded down to the metre; none without a run in those days."""
    oldest = today - timedelta(days=SPIKE_WINDOW_DAYS)
    longest = None
    for run in runs:
        if oldest <= run.day <= today and (
            longest is None or (run.distance_m, run.start) > (longest.distance_m, longest.start)
        ):
            longest = run
    if longest is None:
        return TodaysLongest(today)
    return TodaysLongest(today, longest.distance_m, longest.day, longest.distance_m * 11 // 10)


def _distance_tenths(metres: float, unit: str) -> str:
    return f"{units.from_metres(metres, unit):.1f} {unit}"


def _distance_down(metres: float, unit: str) -> str:
    """Rounded DOWN to a tenth, so the figure shown is never over the limit."""
    tenths = math.floor(units.from_metres(metres, unit) * 10 + 1e-9)
    return f"{tenths / 10:.1f} {unit}"


# --------------------------------------------------------------------------- weeks


WEEK_DAYS = 7


def week_starts(today: date, weeks: int) -> list[date]:
    """The first days of the last `weeks` weeks, oldest first. A week is 7 local days: the
    last one ends today (the same "this week" as `this_week_vs_usual`, the ACWR's acute
    week and monotony), and each one before it ends the day before the next begins."""
    first = today - timedelta(days=WEEK_DAYS * weeks - 1)
    return [first + timedelta(days=WEEK_DAYS * i) for i in range(weeks)]


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """One week: 7 local days from `first_day` (see `week_starts`). Weeks with nothing
    logged: 0 and None."""

    first_day: date
    distance_m: int
    runs: int
    load: float
    runs_without_rpe: int
    soreness: float | None  # mean 0-10 of the week's check-ins
    checkins: int

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=WEEK_DAYS - 1)

    @property
    def km(self) -> float:
        return self.distance_m / 1000


def _week_index(day: date, first_day: date, weeks: int) -> int | None:
    index = (day - first_day).days // WEEK_DAYS
    return index if 0 <= index < weeks else None


def weekly_totals(runs, checkins, today: date, weeks: int = 12) -> list[WeekTotals]:
    """The last `weeks` weeks of 7 days, oldest first; the last one ends today."""
    starts = week_starts(today, weeks)
    first_day = starts[0]
    distance = [0] * weeks
    count = [0] * weeks
    load = [0.0] * weeks
    unrated = [0] * weeks
    soreness_sum = [0] * weeks
    entries = [0] * weeks
    for run in _up_to(runs, today):
        i = _week_index(run.day, first_day, weeks)
        if i is not None:
            distance[i] += run.distance_m
            count[i] += 1
            if run.rpe is None:
                unrated[i] += 1
            else:
                load[i] += session_load(run)
    for checkin in _up_to(checkins, today):
        i = _week_index(checkin.day, first_day, weeks)
        if i is not None:
            soreness_sum[i] += checkin.soreness
            entries[i] += 1
    return [
        WeekTotals(
            starts[i],
            distance[i],
            count[i],
            load[i],
            unrated[i],
            soreness_sum[i] / entries[i] if entries[i] else None,
            entries[i],
        )
        for i in range(weeks)
    ]


# --------------------------------------------------------------------------- Hooper


def hooper_soreness(soreness: float) -> float:
    """0-10 soreness on the Hooper 1-7 scale, linearly: 1 + 0.6 x soreness (0 -> 1, 10 -> 7)."""
    return 1 + soreness * 3 / 5


def hooper_index(checkin: CheckIn) -> float | None:
    """Sleep + fatigue + stress + mapped soreness (4-28); None if any item is missing."""
    items = (checkin.sleep_quality, checkin.fatigue, checkin.stress)
    if any(item is None for item in items):
        return None
    return sum(items) + hooper_soreness(checkin.soreness)


@dataclass(frozen=True, slots=True)
class HooperWeek:
    """Each item's weekly mean on 1-7 (None when no check-in that week gave it).

    `total` is the sum of the four weekly means, None when any is None: a missing item is
    never filled in, so a total always adds up what is shown beside it.
    """

    first_day: date  # the week's first day (see `week_starts`)
    sleep: float | None
    fatigue: float | None
    stress: float | None
    soreness: float | None
    total: float | None
    checkins: int
    caveat: str = HOOPER_CAVEAT


def hooper_weekly(checkins, today: date, weeks: int = 12) -> list[HooperWeek]:
    """The Hooper items and their sum per week of 7 days, oldest first, the last ending
    today."""
    starts = week_starts(today, weeks)
    sums = [[0.0] * 4 for _ in range(weeks)]
    counts = [[0] * 4 for _ in range(weeks)]
    entries = [0] * weeks
    for checkin in _up_to(checkins, today):
        i = _week_index(checkin.day, starts[0], weeks)
        if i is None:
            continue
        entries[i] += 1
        items = (
            checkin.sleep_quality,
            checkin.fatigue,
            checkin.stress,
            hooper_soreness(checkin.soreness),
        )
        for item, value in enumerate(items):
            if value is not None:
                sums[i][item] += value
                counts[i][item] += 1
    result = []
    for i in range(weeks):
        means = [s / n if n else None for s, n in zip(sums[i], counts[i], strict=True)]
        total = None if None in means else sum(means)
        result.append(HooperWeek(starts[i], *means, total, entries[i]))
    return result


# --------------------------------------------------------------------------- regions


@dataclass(frozen=True, slots=True)
class RegionCount:
    region: str
    side: str
    checkins: int  # check-ins that named this region and side
    worst: int | None  # the highest 0-10 given for it, when any was given

    @property
    def label(self) -> str:
        return region_label(self.region, self.side)

    @property
    def value(self) -> str:
        return region_value(self.region, self.side)


@dataclass(frozen=True, slots=True)
class SoreRegions:
    since: date
    until: date
    checkins: int  # all check-ins in the period, to say "in 5 of your 12 check-ins"
    regions: tuple[RegionCount, ...]  # most often first, then top to bottom, left first


_SIDE_ORDER = {"": 0, "left": 1, "right": 2}
_REGION_ORDER = {name: i for i, name in enumerate(REGION_LABELS)}


def sore_regions(checkins, today: date, weeks: int = 8) -> SoreRegions:
    """How many check-ins named each region and side in the last `weeks` weeks of 7 days
    (the last ending today, as the weekly charts count weeks)."""
    since = week_starts(today, weeks)[0]
    counts: dict[tuple[str, str], int] = {}
    worst: dict[tuple[str, str], int | None] = {}
    total = 0
    for checkin in checkins:
        if not since <= checkin.day <= today:
            continue
        total += 1
        for region in checkin.regions:
            key = region.key
            counts[key] = counts.get(key, 0) + 1
            before = worst.get(key)
            if region.soreness is not None and (before is None or region.soreness > before):
                worst[key] = region.soreness
            else:
                worst.setdefault(key, None)
    ordered = sorted(
        counts,
        key=lambda key: (-counts[key], _REGION_ORDER.get(key[0], 99), _SIDE_ORDER.get(key[1], 9)),
    )
    regions = tuple(RegionCount(r, s, counts[(r, s)], worst[(r, s)]) for r, s in ordered)
    return SoreRegions(since, today, total, regions)


# --------------------------------------------------------------------------- this week


@dataclass(frozen=True, slots=True)
class WeekComparison:
    """The last 7 days' distance against the weekly average of the 28 days before them.

    `usual_week_m` is None (and `ratio` too) when the log does not yet cover those 28 days.
    """

    this_week_m: int
    usual_week_m: float | None
    ratio: float | None
    text: str


USUAL_DAYS = 28


def _distance(metres: float, unit: str) -> str:
    value = units.from_metres(metres, unit)
    if value >= 10:
        return f"{int(value + 0.5)} {unit}"
    return f"{int(value * 10 + 0.5) / 10:g} {unit}"


def this_week_vs_usual(runs, today: date, unit: str = units.KM) -> WeekComparison:
    """One line for the top of the page.

    "This week" is the 7 days ending today; "usual" is a quarter of the distance of the 28
    days before them (uncoupled, as the ACWR: this week is not inside its own yardstick).
    Within 10 % either way (0.9-1.1, both included) it is "about the same"; otherwise the
    percentage more or less. With a log younger than those 35 days, no comparison: it says
    when there will be one.
    """
    runs = _up_to(runs, today)
    if not runs:
        return WeekComparison(0, None, None, "No runs logged yet: log your first run to start.")
    week_start = today - timedelta(days=6)
    usual_start = week_start - timedelta(days=USUAL_DAYS)
    this_week = sum(run.distance_m for run in runs if run.day >= week_start)
    first_day = min(run.day for run in runs)
    shown = _distance(this_week, unit) if this_week else "no runs so far"
    if first_day > usual_start:
        ready = first_day + timedelta(days=USUAL_DAYS + 6)
        text = (
            f"This week: {shown}. Too little history to compare yet: your usual week shows "
            f"once your log covers 5 weeks, from {_date(ready)}."
        )
        return WeekComparison(this_week, None, None, text)
    usual = sum(run.distance_m for run in runs if usual_start <= run.day < week_start) / 4
    if usual == 0:
        text = f"This week: {shown}. You ran nothing in the 4 weeks before."
        return WeekComparison(this_week, 0.0, None, text)
    ratio = this_week / usual
    usual_text = f"your usual {_distance(usual, unit)} a week"
    if this_week == 0:
        text = f"This week: no runs so far. Your usual is {_distance(usual, unit)} a week."
    elif 0.9 <= ratio <= 1.1:
        text = f"This week: {shown}, about the same as {usual_text}."
    elif ratio > 1.1:
        text = f"This week: {shown}, {round((ratio - 1) * 100)} % more than {usual_text}."
    else:
        text = f"This week: {shown}, {round((1 - ratio) * 100)} % less than {usual_text}."
    return WeekComparison(this_week, usual, ratio, text)

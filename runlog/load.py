"""Training load, run spikes and soreness trends: plain runs and check-ins in, numbers out.

No database and no Django here. The caller (the dashboard view) reads the models and builds
the plain `RunFacts` and `CheckIn` below; every function then makes one or two passes over
them (plus a sort), so 5,000 runs cost milliseconds.

Days and weeks are the runner's own. Each fact carries both its aware datetime (for spans in
real hours, such as "a check-in within 72 hours") and its `day`: the runner's LOCAL calendar
day, converted by the caller (`RunFacts.local` and `CheckIn.local` do it with
`runlog.days.local_day`). Every function that needs "now" takes `today`, the runner's local
date. Nothing here looks at the clock or at a time zone, so daylight-saving changes cannot
shift a run into another day: a day is a date, whether it lasted 23, 24 or 25 hours. Weeks
are ISO weeks, Monday to Sunday. Runs and check-ins after `today` are ignored.

Unknown stays unknown. A run without an effort score (RPE) has no session load: it adds
nothing to the daily load and every load figure reports how many such runs it left out
(`runs_without_rpe`); it still counts as a run (it ends a break and has a distance).
"""

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
    "This ratio compares your last 7 days with the 21 days before them. For one runner it "
    "predicts injury poorly: in 5,205 adult runners (Frandsen et al., BJSM 2025, "
    "doi:10.1136/bjsports-2024-109380) weekly ratios like this did not predict overuse "
    "injuries, while single runs much longer than usual did. Read it as a description of your "
    "training, not as a risk score."
)
SPIKE_CAVEAT = (
    "In 5,205 adult runners (Frandsen et al., BJSM 2025, doi:10.1136/bjsports-2024-109380), a "
    "single run 10-30 % longer than the longest of the previous 30 days went with more overuse "
    "injuries (hazard ratio 1.64), while weekly ratios did not predict them. A flag is a "
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
NOT_EASING_ADVICE = (
    "Ordinary muscle soreness eases day by day. Soreness that is no better after 5 days, or "
    "getting worse, or that comes back without a new run, can be an injury (NHS inform): stop "
    "running on it and book a GP or physiotherapist within the next few days."
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


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


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

# (upper bound, slug, words): a ratio belongs to the first band whose bound it does not pass.
# Below 0.8; 0.8 up to and including 1.3; over 1.3 up to and including 1.5; over 1.5.
ACWR_BANDS = (
    ("less", "less than usual"),
    ("steady", "steady"),
    ("climbing", "climbing fast"),
    ("jump", "a jump"),
)


def acwr_band(ratio: float) -> tuple[str, str]:
    """(slug, words) for a ratio as shown (rounded to 2 decimals).

    < 0.80 less than usual; 0.80-1.30 steady (both included); > 1.30 to 1.50 climbing fast
    (1.50 included); > 1.50 a jump.
    """
    if ratio < 0.8:
        return ACWR_BANDS[0]
    if ratio <= 1.3:
        return ACWR_BANDS[1]
    if ratio <= 1.5:
        return ACWR_BANDS[2]
    return ACWR_BANDS[3]


@dataclass(frozen=True, slots=True)
class Acwr:
    """The acute:chronic workload ratio, or why it is hidden (`hidden` is then a slug).

    `hidden`: "no_runs", "on_a_break", "too_little_log", "after_a_break" or "no_chronic_load".
    `shows_from`: the first day it can show if the runner keeps logging (None when unknown).
    """

    ratio: float | None
    band: str | None
    words: str | None
    acute: float | None
    chronic: float | None
    runs_without_rpe: int
    hidden: str | None
    message: str
    shows_from: date | None = None
    caveat: str = ACWR_CAVEAT


def _hidden_acwr(reason: str, message: str, shows_from: date | None = None) -> Acwr:
    return Acwr(None, None, None, None, None, 0, reason, message, shows_from)


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
    The ratio is rounded to 2 decimals and the band read from the rounded figure, so the
    number and the words on the page always agree.
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
            None,
            None,
            acute,
            chronic,
            series.runs_without_rpe,
            "no_chronic_load",
            "No rated load in the 21 days before your last week: log an effort score (RPE) "
            "with your runs to see the ratio.",
        )
    ratio = round(acute / chronic, 2)
    band, words = acwr_band(ratio)
    message = (
        f"Your last 7 days averaged a load of {acute:.0f} a day, against {chronic:.0f} a day "
        f"in the 21 days before: {ratio:.2f}, {words}."
    )
    if series.runs_without_rpe:
        message += f" {_runs_without_rpe(series.runs_without_rpe)} left out."
    return Acwr(ratio, band, words, acute, chronic, series.runs_without_rpe, None, message)


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
class SpikeCheck:
    """A run compared with the longest run of the 30 days before it.

    `longest_before_m` is None when no run came in those 30 days: then there is nothing to
    compare with, and no flag.
    """

    run: RunFacts
    longest_before_m: int | None
    percent_longer: float | None
    flagged: bool
    caveat: str = SPIKE_CAVEAT

    @property
    def message(self) -> str:
        if self.longest_before_m is None:
            return "No run in the 30 days before this one, so nothing to compare it with."
        if self.flagged:
            shown = round(self.percent_longer, 1)
            amount = "just over 10" if shown <= 10 else f"{shown:g}"
            return (
                f"{amount} % longer than your longest run in the 30 days before "
                f"({_distance(self.longest_before_m, units.KM)})."
            )
        return "Not more than 10 % longer than your longest run in the 30 days before."


def spike_checks(runs) -> list[SpikeCheck]:
    """Every run (up to any day), in order of start, checked for a single-run spike.

    The window: runs that started earlier on the same local day or on the 30 local days
    before it (day - 30 included). A run is flagged when it is MORE than 10 % longer than
    the longest of them: distance x 10 > longest x 11, in whole metres, so exactly 10 % is
    not a spike. One pass with a sliding-window maximum (a monotonic queue).
    """
    ordered = sorted(runs, key=lambda run: run.start)
    window: deque[RunFacts] = deque()  # distances strictly decreasing from the left
    checks = []
    for run in ordered:
        oldest = run.day - timedelta(days=SPIKE_WINDOW_DAYS)
        while window and window[0].day < oldest:
            window.popleft()
        if window:
            longest = window[0].distance_m
            percent = (run.distance_m - longest) * 100 / longest
            flagged = run.distance_m * 10 > longest * 11
            checks.append(SpikeCheck(run, longest, percent, flagged))
        else:
            checks.append(SpikeCheck(run, None, None, False))
        while window and window[-1].distance_m <= run.distance_m:
            window.pop()
        window.append(run)
    return checks


def single_run_spikes(runs) -> list[SpikeCheck]:
    """Only the flagged runs, oldest first."""
    return [check for check in spike_checks(runs) if check.flagged]


# --------------------------------------------------------------------------- weeks


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """One ISO week (Monday to Sunday, local). Weeks with nothing logged: 0 and None."""

    monday: date
    distance_m: int
    runs: int
    load: float
    runs_without_rpe: int
    soreness: float | None  # mean 0-10 of the week's check-ins
    checkins: int

    @property
    def km(self) -> float:
        return self.distance_m / 1000


def _week_index(day: date, first_monday: date, weeks: int) -> int | None:
    index = (day - first_monday).days // 7
    return index if 0 <= index < weeks else None


def weekly_totals(runs, checkins, today: date, weeks: int = 12) -> list[WeekTotals]:
    """The last `weeks` ISO weeks, oldest first; the last one is today's (so far)."""
    first_monday = monday_of(today) - timedelta(weeks=weeks - 1)
    distance = [0] * weeks
    count = [0] * weeks
    load = [0.0] * weeks
    unrated = [0] * weeks
    soreness_sum = [0] * weeks
    entries = [0] * weeks
    for run in _up_to(runs, today):
        i = _week_index(run.day, first_monday, weeks)
        if i is not None:
            distance[i] += run.distance_m
            count[i] += 1
            if run.rpe is None:
                unrated[i] += 1
            else:
                load[i] += session_load(run)
    for checkin in _up_to(checkins, today):
        i = _week_index(checkin.day, first_monday, weeks)
        if i is not None:
            soreness_sum[i] += checkin.soreness
            entries[i] += 1
    return [
        WeekTotals(
            first_monday + timedelta(weeks=i),
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

    monday: date
    sleep: float | None
    fatigue: float | None
    stress: float | None
    soreness: float | None
    total: float | None
    checkins: int
    caveat: str = HOOPER_CAVEAT


def hooper_weekly(checkins, today: date, weeks: int = 12) -> list[HooperWeek]:
    """The Hooper items and their sum per ISO week, oldest first, the last being today's."""
    first_monday = monday_of(today) - timedelta(weeks=weeks - 1)
    sums = [[0.0] * 4 for _ in range(weeks)]
    counts = [[0] * 4 for _ in range(weeks)]
    entries = [0] * weeks
    for checkin in _up_to(checkins, today):
        i = _week_index(checkin.day, first_monday, weeks)
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
        monday = first_monday + timedelta(weeks=i)
        result.append(HooperWeek(monday, *means, total, entries[i]))
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
    """How many check-ins named each region and side in the last `weeks` ISO weeks
    (this week so far and the 7 before it, as the weekly charts count weeks)."""
    since = monday_of(today) - timedelta(weeks=weeks - 1)
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


# --------------------------------------------------------------------------- not easing

NOT_EASING_SORENESS = 4  # out of 10, for both rules
LINGERING_OVER_DAYS = 7
RISING_AFTER_DAY = 3
NOT_EASING_STALE_DAYS = 14  # older than this, the last check-in says nothing about now


@dataclass(frozen=True, slots=True)
class NotEasing:
    """Soreness that does not ease as ordinary soreness does.

    kind "lingering": `region` and `side` at 4/10 or more in every check-in from `since` to
    `last_day`, more than 7 days apart. kind "rising_again": overall soreness rose to
    `soreness` on `last_day`, 4 or more days after the run of `run_day`, above the `low` of
    `low_day`, with no run since. `duration_days` pre-fills the questionnaire.
    """

    kind: str
    since: date
    last_day: date
    soreness: int
    duration_days: str
    region: str | None = None
    side: str = ""
    low: int | None = None
    low_day: date | None = None
    run_day: date | None = None
    advice: str = NOT_EASING_ADVICE

    @property
    def text(self) -> str:
        if self.kind == "lingering":
            return (
                f"{region_label(self.region, self.side)}: {NOT_EASING_SORENESS}/10 or more in "
                f"your check-ins from {_date(self.since)} to {_date(self.last_day)}, over "
                f"{LINGERING_OVER_DAYS} days."
            )
        return (
            f"Your soreness rose again to {self.soreness}/10 on {_date(self.last_day)}, "
            f"{(self.last_day - self.run_day).days} days after your run of "
            f"{_date(self.run_day)}, with no run since (it was {self.low}/10 on "
            f"{_date(self.low_day)})."
        )


def _duration_days(since: date, today: date) -> str:
    return "over_7" if (today - since).days > LINGERING_OVER_DAYS else "3_7"


def _region_soreness(region: Region, checkin: CheckIn) -> int:
    """The region's own score, or the check-in's overall one when it has none."""
    return checkin.soreness if region.soreness is None else region.soreness


def not_easing(checkins, runs, today: date) -> list[NotEasing]:
    """Both NHS-based rules, as of the runner's latest check-in (at most 14 days old).

    (a) lingering: a region and side at 4/10 or more (its own score, else the check-in's)
        in consecutive check-ins whose first and last local days are MORE than 7 days apart
        (day 0 and day 8: flagged; day 0 and day 7: not), and still so in the latest
        check-in. A check-in that leaves the region out, or scores it under 4, ends it.
    (b) rising again: the latest check-in since the last run (none between) is on day 4 or
        later counted in local days from that run's day, is 4/10 or more, and is higher than
        the lowest earlier check-in since that run.
    `duration_days` is "over_7" when `since` is more than 7 days before today, else "3_7".
    """
    ordered = sorted(_up_to(checkins, today), key=lambda checkin: checkin.recorded_at)
    if not ordered or (today - ordered[-1].day).days > NOT_EASING_STALE_DAYS:
        return []
    return _lingering(ordered, today) + _rising_again(ordered, _up_to(runs, today), today)


def _lingering(ordered: list[CheckIn], today: date) -> list[NotEasing]:
    streaks: dict[tuple[str, str], CheckIn] = {}
    for checkin in ordered:
        sore = {
            region.key
            for region in checkin.regions
            if _region_soreness(region, checkin) >= NOT_EASING_SORENESS
        }
        for key in list(streaks):
            if key not in sore:
                del streaks[key]
        for key in sore:
            streaks.setdefault(key, checkin)
    last = ordered[-1]
    found = []
    for region in last.regions:
        first = streaks.get(region.key)
        if first is not None and (last.day - first.day).days > LINGERING_OVER_DAYS:
            found.append(
                NotEasing(
                    "lingering",
                    first.day,
                    last.day,
                    _region_soreness(region, last),
                    _duration_days(first.day, today),
                    region=region.region,
                    side=region.side,
                )
            )
    return sorted(found, key=lambda item: (item.since, _REGION_ORDER.get(item.region, 99)))


def _rising_again(ordered: list[CheckIn], runs: list[RunFacts], today: date) -> list[NotEasing]:
    if not runs:
        return []
    run = max(runs, key=lambda r: r.start)
    since_run = [checkin for checkin in ordered if checkin.recorded_at >= run.end]
    if len(since_run) < 2:
        return []
    last = since_run[-1]
    low = min(since_run[:-1], key=lambda checkin: checkin.soreness)
    if (
        (last.day - run.day).days > RISING_AFTER_DAY
        and last.soreness >= NOT_EASING_SORENESS
        and last.soreness > low.soreness
    ):
        return [
            NotEasing(
                "rising_again",
                run.day,
                last.day,
                last.soreness,
                _duration_days(run.day, today),
                low=low.soreness,
                low_day=low.day,
                run_day=run.day,
            )
        ]
    return []

"""The runner's dashboard (`/me/`): reads the log once, hands plain facts to `runlog.load` and
`runlog.insights`, and shapes what the page shows. No metric is computed here.

Reads, a FIXED number whatever the size of the log (`values_list` of only the columns that
are needed, every window bounded in time):

1. runs: one aggregate: count and latest `updated_at` (the fingerprint for the insights
   cache), the first run's start, and the last start before the window;
2. check-ins: one aggregate: count and latest `updated_at`;
3. the runs of the window: the 12 weeks of the weekly charts and the 30 days before them,
   so every run in view has its spike look-back (that covers the ACWR's 28 days and its
   14-day break rule, and the 35 days of "this week compared with your usual");
4. the check-ins of the 12 weeks, with their sore regions (one LEFT JOIN);
5-6. on an insights cache miss only: every run and every check-in, a few columns each.

Runs before the window matter to the ACWR and to "your usual week" only through their
days: the log's first day and the last run before the window (for a break that began
before it). The aggregate gives both, and they are handed to those two functions as
day-only markers with no distance and no load; every other function gets the window alone.

The insights compare the whole history, so they are cached per runner under a fingerprint
of the log (count and latest change of runs and of check-ins, and the time zone): any new,
edited or deleted run or check-in makes a new key. On a miss they are computed from two
`values_list` reads in linear time.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Max, Min, Q

from . import body_map, charts, days, load, queries, units
from . import insights as log_insights
from .models import Run, SorenessEntry

WEEKS = 12  # the weekly charts
MAP_WEEKS = 8  # the soreness map
SPIKE_RECENT_DAYS = 28  # flagged runs of these last days lead the page
INSIGHTS_CACHE_VERSION = 1
INSIGHTS_CACHE_SECONDS = 7 * 24 * 3600

# Link text for the cause and strategy pages the insights name (their default titles; the
# pages themselves are content, so runlog does not read them).
CAUSE_NAMES = {
    "overuse": "Too much, too soon",
    "dehydration": "Not drinking enough",
    "cold": "Cold weather",
    "eccentric_load": "Downhill and unaccustomed running",
}
STRATEGY_NAMES = {
    "hydrate": "Drink to thirst",
    "warm_up_cool_down": "Warm up; don't count on stretching",
    "flat_surfaces": "Run flat while sore, then add hills back",
    "gradual_increase": "Build up gradually",
    "dress_for_cold": "Dress for the cold and warm up longer",
    "repeated_bout": "Build up downhills in small doses",
}

HOOPER_ITEMS = (
    ("Sleep", "sleep"),
    ("Tiredness", "fatigue"),
    ("Stress", "stress"),
    ("Soreness", "soreness"),
)


# --------------------------------------------------------------------------- reading


def window_start(today: date) -> date:
    """The first local day of runs read: 30 days before the first Monday charted."""
    first_monday = load.monday_of(today) - timedelta(weeks=WEEKS - 1)
    return first_monday - timedelta(days=load.SPIKE_WINDOW_DAYS)


def checkins_start(today: date) -> date:
    return load.monday_of(today) - timedelta(weeks=WEEKS - 1)


def _window_runs(user, since, until, tz) -> list[load.RunFacts]:
    window = Run.objects.filter(owner=user, start__gte=since, start__lt=until)
    return queries.run_facts(window.order_by("start", "id"), tz)


def _window_checkins(user, since, until, tz) -> list[load.CheckIn]:
    window = SorenessEntry.objects.filter(owner=user, recorded_at__gte=since, recorded_at__lt=until)
    return queries.checkin_facts(window, tz)


def _marker(start: datetime | None, tz) -> list[load.RunFacts]:
    """A day-only stand-in for a run outside the window: no distance, no load."""
    if start is None:
        return []
    return [load.RunFacts(day=start.astimezone(tz).date(), start=start, distance_m=0, duration_s=0)]


# --------------------------------------------------------------------------- insights


def _fingerprint(runs_agg: dict, entries_agg: dict, tz_name: str) -> str:
    def stamp(moment):
        return "-" if moment is None else f"{moment.timestamp():.6f}"

    return (
        f"{runs_agg['count']}.{stamp(runs_agg['updated'])}."
        f"{entries_agg['count']}.{stamp(entries_agg['updated'])}.{tz_name}"
    )


def insights_cache_key(user_id: int, fingerprint: str) -> str:
    return f"runlog:insights:v{INSIGHTS_CACHE_VERSION}:{user_id}:{fingerprint}"


def compute_insights(user, tz) -> list[log_insights.Insight]:
    """The whole history, a few columns of each row, in linear time."""
    runs = [
        load.RunFacts(
            day=start.astimezone(tz).date(),
            start=start,
            distance_m=distance_m,
            duration_s=duration_s,
            terrain=terrain,
            temperature_c=temperature_c,
            fluids=fluids,
            warm_up_done=warm_up_done,
        )
        for start, distance_m, duration_s, terrain, temperature_c, fluids, warm_up_done in (
            Run.objects.filter(owner=user)
            .order_by("start", "id")
            .values_list(
                "start",
                "distance_m",
                "duration_s",
                "terrain",
                "temperature_c",
                "fluids",
                "warm_up_done",
            )
        )
    ]
    checkins = [
        load.CheckIn(day=recorded_at.astimezone(tz).date(), recorded_at=recorded_at, soreness=s)
        for recorded_at, s in (
            SorenessEntry.objects.filter(owner=user)
            .order_by("recorded_at", "id")
            .values_list("recorded_at", "soreness")
        )
    ]
    return log_insights.insights(runs, checkins)


def cached_insights(user, tz, fingerprint: str) -> list[log_insights.Insight]:
    key = insights_cache_key(user.pk, fingerprint)
    stored = cache.get(key)
    if stored is not None:
        try:
            return [log_insights.Insight(**fields) for fields in stored]
        except TypeError:  # stored by an older shape of Insight
            pass
    found = compute_insights(user, tz)
    cache.set(key, [dataclasses.asdict(item) for item in found], INSIGHTS_CACHE_SECONDS)
    return found


# --------------------------------------------------------------------------- shaping


def _week_label(monday: date) -> str:
    return f"{monday.day}\N{NO-BREAK SPACE}{monday:%b}"


def _row_label(monday: date, current: bool) -> str:
    """A table's week: "6 Apr", or "25 May (so far)" (wrapping only before the bracket)."""
    label = _week_label(monday)
    return f"{label} (so\N{NO-BREAK SPACE}far)" if current else label


def _date(day: date) -> str:
    return f"{day.day} {day:%B}"


def _number(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def _distance(metres: float, unit: str) -> str:
    return f"{units.from_metres(metres, unit):.1f} {unit}"


@dataclass(frozen=True, slots=True)
class Spike:
    """A flagged run, in the runner's unit."""

    check: load.SpikeCheck
    day: date
    distance: str
    longest_before: str
    percent: str  # "33", or "just over 10"

    @property
    def run_id(self) -> int | None:
        return self.check.run.run_id


def _spike(check: load.SpikeCheck, unit: str) -> Spike:
    shown = round(check.percent_longer, 1)
    percent = "just over 10" if shown <= 10 else f"{shown:g}"
    return Spike(
        check,
        check.run.day,
        _distance(check.run.distance_m, unit),
        _distance(check.longest_before_m, unit),
        percent,
    )


@dataclass(frozen=True, slots=True)
class InsightLink:
    kind: str  # "The cause" or "What helps"
    url_name: str
    slug: str
    text: str


@dataclass(frozen=True, slots=True)
class InsightView:
    insight: log_insights.Insight
    links: tuple[InsightLink, ...]

    @property
    def a_average(self) -> str:
        return _number(self.insight.a_soreness)

    @property
    def b_average(self) -> str:
        return _number(self.insight.b_soreness)


def _insight_view(insight: log_insights.Insight) -> InsightView:
    links = [
        InsightLink(
            "The cause", "cause_detail", slug, CAUSE_NAMES.get(slug, slug.replace("_", " "))
        )
        for slug in insight.causes
    ] + [
        InsightLink(
            "What helps",
            "strategy_detail",
            slug,
            STRATEGY_NAMES.get(slug, slug.replace("_", " ")),
        )
        for slug in insight.strategies
    ]
    return InsightView(insight, tuple(links))


@dataclass(frozen=True, slots=True)
class RegionRow:
    count: load.RegionCount
    level: int  # the heat map's 1-10: the share of check-ins that named it


@dataclass(frozen=True, slots=True)
class SorenessMap:
    regions: load.SoreRegions
    rows: tuple[RegionRow, ...]
    body_map: dict


def heat_level(count: int, checkins: int) -> int:
    """1-10 from how often a region was named: the share of check-ins, in tenths, rounded
    up (named once is at least 1; named in every check-in is 10)."""
    if count <= 0 or checkins <= 0:
        return 0
    return min(10, max(1, -(-count * 10 // checkins)))


def soreness_map(checkins, today: date) -> SorenessMap:
    found = load.sore_regions(checkins, today, weeks=MAP_WEEKS)
    rows = tuple(RegionRow(c, heat_level(c.checkins, found.checkins)) for c in found.regions)
    levels = {row.count.value: row.level for row in rows}
    # A region named without a side ("Knee") shades both legs' shapes.
    for row in rows:
        if not row.count.side:
            for side in ("left", "right"):
                value = load.region_value(row.count.region, side)
                levels[value] = max(levels.get(value, 0), row.level)
    return SorenessMap(found, rows, body_map.context(levels=levels))


def _distance_chart(weeks: list[load.WeekTotals], unit: str) -> charts.BarChart:
    values = [units.from_metres(week.distance_m, unit) for week in weeks]
    labels = [_week_label(week.monday) for week in weeks]
    table = charts.Table(
        f"Distance per week ({unit}), last {WEEKS} weeks",
        ("Week of", f"Distance ({unit})", "Runs"),
        tuple(
            (
                _row_label(week.monday, i == len(weeks) - 1),
                (f"{value:.1f}", str(week.runs)),
            )
            for i, (week, value) in enumerate(zip(weeks, values, strict=True))
        ),
    )
    return charts.bar_chart(values, labels, current_last=True, table=table)


def _distance_desc(weeks: list[load.WeekTotals], unit: str) -> str:
    values = [units.from_metres(week.distance_m, unit) for week in weeks]
    top = max(range(len(weeks)), key=lambda i: values[i])
    return (
        f"Bars, one per week from the week of {_date(weeks[0].monday)} to this week so far. "
        f"Most: {values[top]:.1f} {unit} in the week of {_date(weeks[top].monday)}. "
        f"This week so far: {values[-1]:.1f} {unit}. The numbers are in the table below."
    )


def _soreness_chart(weeks: list[load.WeekTotals]) -> charts.BarChart:
    values = [week.soreness for week in weeks]
    labels = [_week_label(week.monday) for week in weeks]
    table = charts.Table(
        f"Average soreness per week (0-10), last {WEEKS} weeks",
        ("Week of", "Average soreness", "Check-ins"),
        tuple(
            (
                _row_label(week.monday, i == len(weeks) - 1),
                (_number(week.soreness), str(week.checkins)),
            )
            for i, week in enumerate(weeks)
        ),
    )
    return charts.bar_chart(values, labels, y_max=10, step=2, current_last=True, table=table)


def _soreness_desc(weeks: list[load.WeekTotals]) -> str:
    given = [week for week in weeks if week.soreness is not None]
    worst = max(given, key=lambda week: week.soreness)
    empty = len(weeks) - len(given)
    gaps = f" {empty} weeks have no check-in and no bar." if empty else ""
    return (
        f"Bars from 0 (no soreness) to 10, one per week from the week of "
        f"{_date(weeks[0].monday)}. Highest: {worst.soreness:.1f} in the week of "
        f"{_date(worst.monday)}.{gaps} The numbers are in the table below."
    )


def _hooper_charts(weeks: list[load.HooperWeek]) -> tuple[charts.LineChart, charts.LineChart]:
    labels = [_week_label(week.monday) for week in weeks]
    heads = [_row_label(week.monday, i == len(weeks) - 1) for i, week in enumerate(weeks)]
    total_table = charts.Table(
        "Hooper index per week (4-28: the four items added)",
        ("Week of", "Hooper index", "Check-ins"),
        tuple(
            (head, (_number(week.total), str(week.checkins)))
            for head, week in zip(heads, weeks, strict=True)
        ),
    )
    total = charts.line_chart(
        [("Hooper index", "total", [week.total for week in weeks])],
        labels,
        y_min=4,
        y_max=28,
        step=6,
        table=total_table,
    )
    items_table = charts.Table(
        "The Hooper items per week (each 1-7; soreness mapped from 0-10)",
        # Soft hyphens let the longer words break on a narrow phone.
        ("Week of", *(name.replace("ness", "\N{SOFT HYPHEN}ness") for name, _ in HOOPER_ITEMS)),
        tuple(
            (head, tuple(_number(getattr(week, attr)) for _, attr in HOOPER_ITEMS))
            for head, week in zip(heads, weeks, strict=True)
        ),
    )
    items = charts.line_chart(
        [(name, attr, [getattr(week, attr) for week in weeks]) for name, attr in HOOPER_ITEMS],
        labels,
        y_min=1,
        y_max=7,
        step=1,
        table=items_table,
    )
    return total, items


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart ready for the include: its geometry, id, title and description."""

    id: str
    title: str
    desc: str
    chart: object


@dataclass(frozen=True, slots=True)
class Dashboard:
    empty: bool
    today: date
    unit: str
    runs: int = 0
    checkins: int = 0
    week: load.WeekComparison | None = None
    spikes: tuple[Spike, ...] = ()
    spike_days: int = SPIKE_RECENT_DAYS
    spike_caveat: str = load.SPIKE_CAVEAT
    acwr: load.Acwr | None = None
    monotony: load.Monotony | None = None
    session_load_caveat: str = load.SESSION_LOAD_CAVEAT
    distance_chart: Chart | None = None
    soreness_chart: Chart | None = None
    hooper_total_chart: Chart | None = None
    hooper_items_chart: Chart | None = None
    hooper_caveat: str = load.HOOPER_CAVEAT
    soreness_map: SorenessMap | None = None
    insights: tuple[InsightView, ...] = ()
    insight_caveat: str = log_insights.INSIGHT_CAVEAT
    not_easing: tuple[load.NotEasing, ...] = ()


def log_summary(user, prefs, now: datetime) -> tuple[dict, dict]:
    """Two one-row aggregates: how much log there is, its first day and the last run before
    the charted window."""
    runs_from = days.day_bounds(window_start(days.today(prefs.time_zone, now)), prefs.time_zone)[0]
    runs_agg = Run.objects.filter(owner=user).aggregate(
        count=Count("id"),
        updated=Max("updated_at"),
        first=Min("start"),
        before=Max("start", filter=Q(start__lt=runs_from)),
    )
    entries_agg = SorenessEntry.objects.filter(owner=user).aggregate(
        count=Count("id"), updated=Max("updated_at")
    )
    return runs_agg, entries_agg


def page_key(user, prefs, now: datetime) -> str:
    """The dashboard depends on the log (its version), the settings and the day."""
    today = days.today(prefs.time_zone, now)
    return (
        f"dashboard:{user.pk}:{prefs.log_version}:{prefs.time_zone}:"
        f"{prefs.distance_unit}:{prefs.temperature_unit}:{today.isoformat()}"
    )


def build(user, prefs, now: datetime) -> Dashboard:
    """Everything the page shows, in at most 6 queries (4 on an insights cache hit)."""
    tz_name = prefs.time_zone
    tz = days.zone(tz_name)
    unit = prefs.distance_unit
    today = days.today(tz_name, now)
    tomorrow = days.day_bounds(today, tz_name)[1]
    runs_from = days.day_bounds(window_start(today), tz_name)[0]
    checkins_from = days.day_bounds(checkins_start(today), tz_name)[0]

    runs_agg, entries_agg = log_summary(user, prefs, now)
    if not runs_agg["count"] and not entries_agg["count"]:
        return Dashboard(empty=True, today=today, unit=unit)

    runs = _window_runs(user, runs_from, tomorrow, tz)
    checkins = _window_checkins(user, checkins_from, tomorrow, tz)
    # Runs before the window, by their days only: the log's first day, the last before it.
    markers = _marker(runs_agg["before"], tz)
    if runs_agg["first"] is not None and runs_agg["first"] < runs_from:
        markers = _marker(runs_agg["first"], tz) + markers
    with_markers = markers + runs

    recent = today - timedelta(days=SPIKE_RECENT_DAYS - 1)
    spikes = tuple(
        _spike(check, unit)
        for check in reversed(load.single_run_spikes(runs))
        if recent <= check.run.day <= today
    )
    weeks = load.weekly_totals(runs, checkins, today, weeks=WEEKS)
    hooper = load.hooper_weekly(checkins, today, weeks=WEEKS)
    distance_chart = soreness_chart = hooper_total = hooper_items = None
    if any(week.runs for week in weeks):
        distance_chart = Chart(
            "chart-distance",
            f"Distance per week, in {'miles' if unit == units.MI else 'kilometres'}",
            _distance_desc(weeks, unit),
            _distance_chart(weeks, unit),
        )
    if any(week.checkins for week in weeks):
        soreness_chart = Chart(
            "chart-soreness",
            "Average soreness per week, 0 to 10",
            _soreness_desc(weeks),
            _soreness_chart(weeks),
        )
        total, items = _hooper_charts(hooper)
        given = [week for week in hooper if week.total is not None]
        total_desc = (
            "A line from 4 (best) to 28 (worst), one point per week with a full set of items. "
            + (
                f"Latest: {given[-1].total:.1f} in the week of {_date(given[-1].monday)}. "
                if given
                else "No week has all four items yet. "
            )
            + "The numbers are in the table below."
        )
        items_desc = (
            "Four lines from 1 (very, very good or low) to 7 (very, very bad or high): sleep, "
            "tiredness, stress and soreness, one point per week. The numbers are in the table "
            "below."
        )
        hooper_total = Chart("chart-hooper", "Hooper index per week", total_desc, total)
        hooper_items = Chart("chart-hooper-items", "The Hooper items per week", items_desc, items)

    return Dashboard(
        empty=False,
        today=today,
        unit=unit,
        runs=runs_agg["count"],
        checkins=entries_agg["count"],
        week=load.this_week_vs_usual(with_markers, today, unit),
        spikes=spikes,
        acwr=load.acwr(with_markers, today),
        monotony=load.weekly_monotony(runs, today),
        distance_chart=distance_chart,
        soreness_chart=soreness_chart,
        hooper_total_chart=hooper_total,
        hooper_items_chart=hooper_items,
        soreness_map=soreness_map(checkins, today),
        insights=tuple(
            _insight_view(item)
            for item in cached_insights(user, tz, _fingerprint(runs_agg, entries_agg, tz_name))
        ),
        not_easing=tuple(load.not_easing(checkins, with_markers, today)),
    )


def not_easing_for(user, prefs, now: datetime) -> list[load.NotEasing]:
    """The not-easing notice alone (the check-in page): the same 12 weeks of check-ins as
    the dashboard and the latest run up to today, in two queries."""
    tz_name = prefs.time_zone
    tz = days.zone(tz_name)
    today = days.today(tz_name, now)
    tomorrow = days.day_bounds(today, tz_name)[1]
    checkins_from = days.day_bounds(checkins_start(today), tz_name)[0]
    checkins = _window_checkins(user, checkins_from, tomorrow, tz)
    if not checkins:
        return []
    latest = Run.objects.filter(owner=user, start__lt=tomorrow).order_by("-start", "-id")[:1]
    return load.not_easing(checkins, queries.run_facts(latest, tz), today)

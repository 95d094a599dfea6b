"""The runner's dashboard (`/me/`): reads the log once, hands plain facts to `runlog.load` and
`runlog.insights`, and shapes what the page shows. No metric is computed here.

Reads, a FIXED number whatever the size of the log (`values_list` of only the columns that
are needed, every window bounded in time):

1. runs: one aggregate: count and latest `updated_at` (the fingerprint for the insights
   cache), the first run's start, and the last start before the window;
2. check-ins: one aggregate: count, latest `updated_at` and the first check-in (with the
   first run, where the charts start: no empty weeks before the log);
3. the runs of the window: the 12 weeks of the weekly charts and the 30 days before them,
   so every run in view has its spike look-back (that covers the ACWR's 28 days and its
   14-day break rule, and the 35 days of "this week compared with your usual");
4. the check-ins of the 12 weeks, with their sore regions (one LEFT JOIN);
5-6. on an insights cache miss only: every run and every check-in, a few columns each;
7. the cause and strategy titles the insights link to (`runlog.content`: assessments reads
   them once per content revision per process; the revision itself at most once a second,
   and it is part of the page's key, so a renamed page shows at once).

Runs before the window matter to the ACWR, to "your usual week" and to the spike checks
only through their days: the log's first day and the last run before the window (for a
break that began before it). The aggregate gives both: the ACWR and "your usual week" get
them as day-only markers with no distance and no load, the spike checks as days (a run is
compared only when the log covers the 30 days before it); every other function gets the
window alone.

A week is the same everywhere on the page: 7 days ending today ("this week", the ACWR's
acute week, monotony), and the weekly charts and tables go back in blocks of 7 days from
there, labelled by their dates (`load.week_starts`, `week_span`).

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

from legache.page_cache import owned_key, runner_pages

from . import body_map, charts, content, days, load, queries, units
from . import insights as log_insights
from . import watch as watch_
from .models import Run, SorenessEntry

WEEKS = 12  # the weekly charts
MAP_WEEKS = 8  # the soreness map
SPIKE_RECENT_DAYS = 28  # the runs of these last days are checked for spikes on the page
INSIGHTS_CACHE_VERSION = 2
# A day, as the whole-page cache: a deleted run or check-in leaves its key unreachable, and
# what it held gone within a day (deleting the account forgets it at once).
INSIGHTS_CACHE_SECONDS = 24 * 3600

HOOPER_ITEMS = (
    ("Sleep", "sleep"),
    ("Tiredness", "fatigue"),
    ("Stress", "stress"),
    ("Soreness", "soreness"),
)


# --------------------------------------------------------------------------- reading


def window_start(today: date) -> date:
    """The first local day of runs read: 30 days before the first week charted."""
    return checkins_start(today) - timedelta(days=load.SPIKE_WINDOW_DAYS)


def checkins_start(today: date) -> date:
    """The first day of the first week charted (weeks of 7 days, the last ending today)."""
    return load.week_starts(today, WEEKS)[0]


def _window_runs(user, since, until, tz) -> list[load.RunFacts]:
    window = Run.objects.filter(owner=user, start__gte=since, start__lt=until)
    return queries.run_facts(window.order_by("start", "id"), tz)


def _window_checkins(user, since, until, tz) -> list[load.CheckIn]:
    window = SorenessEntry.objects.filter(owner=user, recorded_at__gte=since, recorded_at__lt=until)
    return queries.checkin_facts(window, tz)


def _local_day(start: datetime | None, tz) -> date | None:
    return None if start is None else start.astimezone(tz).date()


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
    # Filed under the runner's pages, so deleting the account forgets it with them.
    key = f"insights:v{INSIGHTS_CACHE_VERSION}:{fingerprint}"
    return owned_key(runner_pages(user_id), key)


def compute_insights(user, tz) -> list[log_insights.Insight]:
    """The whole history, a few columns of each row (the `queries` readers), in linear time."""
    runs = queries.run_facts(queries.runs_of(user).order_by("start", "id"), tz)
    checkins = queries.checkin_facts(queries.entries_of(user), tz)
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


def _week_label(first_day: date) -> str:
    """A chart's week, under its bar: its last day, "31 May" (the last bar ends today)."""
    last = first_day + timedelta(days=load.WEEK_DAYS - 1)
    return f"{last.day}\N{NO-BREAK SPACE}{last:%b}"


def week_span(first_day: date) -> str:
    """A week of 7 days by its dates: "25–31 May", or "26 Nov – 2 Dec" across two months
    (wrapping only around the dash)."""
    last = first_day + timedelta(days=load.WEEK_DAYS - 1)
    if (first_day.year, first_day.month) == (last.year, last.month):
        return f"{first_day.day}\N{EN DASH}{last.day}\N{NO-BREAK SPACE}{last:%b}"
    return (
        f"{first_day.day}\N{NO-BREAK SPACE}{first_day:%b} \N{EN DASH} "
        f"{last.day}\N{NO-BREAK SPACE}{last:%b}"
    )


def _row_label(first_day: date, current: bool) -> str:
    """A table's week: "13–19 Apr", or "25–31 May (this week)" (wrapping only before the
    bracket)."""
    label = week_span(first_day)
    return f"{label} (this\N{NO-BREAK SPACE}week)" if current else label


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

    @property
    def finding(self) -> str:
        """The study's figure for this spike's own band (10-30 %, 30-100 %, over 100 %)."""
        return self.check.caveat


def _spike(check: load.SpikeCheck, unit: str) -> Spike:
    return Spike(
        check,
        check.run.day,
        _distance(check.run.distance_m, unit),
        _distance(check.longest_before_m, unit),
        load.spike_percent(check.percent_longer),
    )


@dataclass(frozen=True, slots=True)
class AfterBreak:
    """A first run after a break of 30 days or more, in the runner's unit: named, not
    compared."""

    check: load.SpikeCheck
    day: date
    distance: str

    @property
    def run_id(self) -> int | None:
        return self.check.run.run_id

    @property
    def message(self) -> str:
        return self.check.message


def _after_break(check: load.SpikeCheck, unit: str) -> AfterBreak:
    return AfterBreak(check, check.run.day, _distance(check.run.distance_m, unit))


@dataclass(frozen=True, slots=True)
class InsightLink:
    kind: str  # "May be linked to" (a cause) or "What may help" (a strategy)
    url_name: str
    slug: str
    text: str  # the page's current title (runlog.content)


@dataclass(frozen=True, slots=True)
class InsightView:
    """A comparison with enough data, and its links: only when the difference points the
    causes' way (more soreness on the factor's side), and only to pages that are published."""

    insight: log_insights.Insight
    links: tuple[InsightLink, ...]

    @property
    def difference(self) -> str:
        """Signed, one decimal: "+1.5", "-0.7", "0.0"."""
        shown = round(self.insight.difference, 1)
        return "0.0" if shown == 0 else f"{shown:+.1f}"

    @property
    def interval(self) -> str:
        return log_insights.interval_words(self.insight.low, self.insight.high)


def insight_views(found) -> tuple[tuple[InsightView, ...], tuple[log_insights.Insight, ...]]:
    """The comparisons to show (enough data), with their links under the pages' current
    titles (one look-up per kind), and the ones still waiting for data (no card, no link)."""
    shown = [insight for insight in found if insight.enough]
    causes = content.titles(content.CAUSE, (s for i in shown for s in i.linked_causes))
    strategies = content.titles(content.STRATEGY, (s for i in shown for s in i.linked_strategies))
    views = tuple(
        InsightView(
            insight,
            tuple(
                InsightLink("May be linked to", "cause_detail", slug, causes[slug])
                for slug in insight.linked_causes
                if slug in causes
            )
            + tuple(
                InsightLink("What may help", "strategy_detail", slug, strategies[slug])
                for slug in insight.linked_strategies
                if slug in strategies
            ),
        )
        for insight in shown
    )
    return views, tuple(insight for insight in found if not insight.enough)


@dataclass(frozen=True, slots=True)
class RegionRow:
    count: load.RegionCount
    level: int  # 1-10: the share of check-ins that named it, in tenths

    @property
    def band(self) -> int:
        """The heat map's band (HEAT_BANDS): by how many check-ins named it."""
        return heat_band(self.count.checkins)


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


# The heat map's bands: how many check-ins of the last 8 weeks named an area. Counts, not
# shares, so an area named once and one named 7 times never share a colour (issue 17: "1/26
# and 7/26 in the same colour"); each band has its own class (`heat-N`) and legend entry.
HEAT_BANDS = (
    (0, 0, "Not named"),
    (1, 3, "1\N{EN DASH}3 check-ins"),
    (4, 6, "4\N{EN DASH}6 check-ins"),
    (7, 10, "7\N{EN DASH}10 check-ins"),
    (11, None, "11 or more"),
)


def heat_band(count: int) -> int:
    """The band (0-4 in HEAT_BANDS) of an area named in `count` check-ins."""
    for band, (_, high, _) in enumerate(HEAT_BANDS):
        if high is None or count <= high:
            return band
    return len(HEAT_BANDS) - 1  # pragma: no cover (the last band has no top)


@dataclass(frozen=True, slots=True)
class HeatKey:
    band: int
    label: str


HEAT_LEGEND = tuple(HeatKey(band, label) for band, (_, _, label) in enumerate(HEAT_BANDS))


def soreness_map(checkins, today: date) -> SorenessMap:
    found = load.sore_regions(checkins, today, weeks=MAP_WEEKS)
    rows = tuple(RegionRow(c, heat_level(c.checkins, found.checkins)) for c in found.regions)
    bands = {row.count.value: heat_band(row.count.checkins) for row in rows}
    # A region named without a side ("Knee") shades both legs' shapes.
    for row in rows:
        if not row.count.side:
            for side in ("left", "right"):
                value = load.region_value(row.count.region, side)
                bands[value] = max(bands.get(value, 0), heat_band(row.count.checkins))
    return SorenessMap(found, rows, body_map.context(levels=bands))


def _distance_chart(weeks: list[load.WeekTotals], unit: str) -> charts.BarChart:
    values = [units.from_metres(week.distance_m, unit) for week in weeks]
    labels = [_week_label(week.first_day) for week in weeks]
    table = charts.Table(
        f"Distance per week ({unit}), since {week_span(weeks[0].first_day)}",
        ("Week", f"Distance ({unit})", "Runs"),
        tuple(
            (
                _row_label(week.first_day, i == len(weeks) - 1),
                (f"{value:.1f}", str(week.runs)),
            )
            for i, (week, value) in enumerate(zip(weeks, values, strict=True))
        ),
    )
    return charts.bar_chart(
        values, labels, current_last=True, table=table, label_every=_label_every(weeks)
    )


def _distance_desc(weeks: list[load.WeekTotals], unit: str) -> str:
    values = [units.from_metres(week.distance_m, unit) for week in weeks]
    top = max(range(len(weeks)), key=lambda i: values[i])
    return (
        f"Bars, one per week of 7 days, from {week_span(weeks[0].first_day)} to this week, "
        f"{week_span(weeks[-1].first_day)}. Most: {values[top]:.1f} {unit} in "
        f"{week_span(weeks[top].first_day)}. This week: {values[-1]:.1f} {unit}. The numbers "
        'are under "Show the numbers".'
    )


def _soreness_chart(weeks: list[load.WeekTotals]) -> charts.BarChart:
    values = [week.soreness for week in weeks]
    labels = [_week_label(week.first_day) for week in weeks]
    table = charts.Table(
        f"Average soreness per week (0-10), since {week_span(weeks[0].first_day)}",
        ("Week", "Average soreness", "Check-ins"),
        tuple(
            (
                _row_label(week.first_day, i == len(weeks) - 1),
                (_number(week.soreness), str(week.checkins)),
            )
            for i, week in enumerate(weeks)
        ),
    )
    return charts.bar_chart(
        values,
        labels,
        y_max=10,
        step=2,
        current_last=True,
        table=table,
        label_every=_label_every(weeks),
    )


def _soreness_desc(weeks: list[load.WeekTotals]) -> str:
    given = [week for week in weeks if week.soreness is not None]
    worst = max(given, key=lambda week: week.soreness)
    empty = len(weeks) - len(given)
    gaps = f" {empty} weeks have no check-in and no bar." if empty else ""
    return (
        f"Bars from 0 (no soreness) to 10, one per week of 7 days from "
        f"{week_span(weeks[0].first_day)}. Highest: {worst.soreness:.1f} in "
        f'{week_span(worst.first_day)}.{gaps} The numbers are under "Show the numbers".'
    )


def _hooper_charts(weeks: list[load.HooperWeek]) -> tuple[charts.LineChart, charts.LineChart]:
    labels = [_week_label(week.first_day) for week in weeks]
    heads = [_row_label(week.first_day, i == len(weeks) - 1) for i, week in enumerate(weeks)]
    total_table = charts.Table(
        "Hooper index per week (4-28: the four items added)",
        ("Week", "Hooper index", "Check-ins"),
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
        label_every=_label_every(weeks),
    )
    items_table = charts.Table(
        "The Hooper items per week (each 1-7; soreness mapped from 0-10)",
        # Soft hyphens let the longer words break on a narrow phone.
        ("Week", *(name.replace("ness", "\N{SOFT HYPHEN}ness") for name, _ in HOOPER_ITEMS)),
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
        label_every=_label_every(weeks),
    )
    return total, items


def _label_every(weeks) -> int:
    """Every week labelled while the labels fit a phone's chart, every other one past 7."""
    return 1 if len(weeks) <= 7 else 2


def logged_weeks(weeks: list, first_day: date | None) -> list:
    """The weeks from the one holding the log's first day (its first run or check-in): no
    empty weeks before the log starts. Never fewer than one (this week)."""
    if first_day is None:
        return weeks[-1:]
    shown = [
        week for week in weeks if week.first_day + timedelta(days=load.WEEK_DAYS - 1) >= first_day
    ]
    return shown or weeks[-1:]


def _thousands(value: float) -> str:
    """A whole number with a thousands comma: "1,236"."""
    return f"{value:,.0f}"


def _week_load(week: load.WeekTotals) -> float | None:
    """A week's load, or None (unknown, not 0) when it had runs and none had an effort score."""
    if week.runs and week.runs == week.runs_without_rpe:
        return None
    return week.load


def _load_soreness_chart(weeks: list[load.WeekTotals]) -> charts.DualChart:
    labels = [_week_label(week.first_day) for week in weeks]
    table = charts.Table(
        f"Load and soreness per week, since {week_span(weeks[0].first_day)}: "
        f"{_count(sum(week.runs for week in weeks), 'run')} and "
        f"{_count(sum(week.checkins for week in weeks), 'check-in')}",
        ("Week", "Load (RPE × min)", "Soreness (0-10)", "Runs", "Check-ins"),
        tuple(
            (
                _row_label(week.first_day, i == len(weeks) - 1),
                (
                    "–" if _week_load(week) is None else _thousands(week.load),
                    _number(week.soreness),
                    str(week.runs),
                    str(week.checkins),
                ),
            )
            for i, week in enumerate(weeks)
        ),
    )
    return charts.dual_chart(
        [_week_load(week) for week in weeks],
        [week.soreness for week in weeks],
        labels,
        bar_name="Training load (RPE × minutes)",
        line_name="Average soreness (0-10)",
        line_slug="soreness",
        left_title="Load",
        right_title="Soreness",
        label_every=_label_every(weeks),
        current_last=True,
        table=table,
    )


def _load_soreness_desc(weeks: list[load.WeekTotals]) -> str:
    this = weeks[-1]
    load_now = "no rated load" if _week_load(this) is None else f"load {_thousands(this.load)}"
    sore_now = "no check-in" if this.soreness is None else f"average soreness {this.soreness:.1f}"
    return (
        "Bars: training load per week (effort score times minutes), on the left axis. Line: "
        "average soreness per week, 0 to 10, on the right axis. One of each per week of 7 "
        f"days, from {week_span(weeks[0].first_day)} to this week, "
        f"{week_span(this.first_day)}: {load_now}, {sore_now}. The numbers are under "
        '"Show the numbers".'
    )


def _usual(values: list[float], fmt) -> str:
    """The usual range of a few weeks' values: "840", or "700–1,300"."""
    low, high = fmt(min(values)), fmt(max(values))
    return low if low == high else f"{low}\N{EN DASH}{high}"


@dataclass(frozen=True, slots=True)
class LoadFigures:
    """This week's load, monotony and strain, each with its unit and the range of the 4
    weeks of 7 days before this one (`usual_*`, "" when the log does not cover them all,
    or when no week in them has the figure)."""

    week_load: str = ""
    monotony: str = ""
    strain: str = ""
    usual_load: str = ""
    usual_monotony: str = ""
    usual_strain: str = ""
    usual_from: str = ""  # the first day of those 4 weeks, "27 April"
    usual_needs: str = ""  # when there is no usual yet: from when there will be


def load_figures(runs, log_start: date | None, today: date) -> LoadFigures:
    """Foster's weekly load, monotony and strain (load.weekly_monotony: session RPE x
    minutes, Foster et al., Med Sci Sports Exerc 1998 and J Strength Cond Res 2001) for
    this week and for each of the 4 weeks before it, the same "usual" as
    `load.this_week_vs_usual` (the 28 days before this week)."""
    now = load.weekly_monotony(runs, today)
    shown = {
        "week_load": _thousands(now.week_load),
        "monotony": "" if now.monotony is None else f"{now.monotony:.2f}",
        "strain": "" if now.strain is None else _thousands(now.strain),
    }
    week_start = today - timedelta(days=load.WEEK_DAYS - 1)
    usual_start = week_start - timedelta(days=load.USUAL_DAYS)
    if log_start is None or log_start > usual_start:
        if log_start is None:
            return LoadFigures(**shown)
        ready = log_start + timedelta(days=load.USUAL_DAYS + load.WEEK_DAYS - 1)
        return LoadFigures(**shown, usual_needs=_date(ready))
    before = [
        load.weekly_monotony(runs, week_start - timedelta(days=1 + load.WEEK_DAYS * i))
        for i in range(load.USUAL_DAYS // load.WEEK_DAYS)
    ]
    monotonies = [week.monotony for week in before if week.monotony is not None]
    strains = [week.strain for week in before if week.strain is not None]
    return LoadFigures(
        **shown,
        usual_load=_usual([week.week_load for week in before], _thousands),
        usual_monotony=_usual(monotonies, lambda v: f"{v:.2f}") if monotonies else "",
        usual_strain=_usual(strains, _thousands) if strains else "",
        usual_from=_date(usual_start),
    )


@dataclass(frozen=True, slots=True)
class TodayCheckIn:
    """The latest check-in of today, or failing that the latest in the window."""

    day: date
    soreness: int
    regions: tuple[str, ...]  # "Left calf 5/10", "Knee"
    today: bool


def latest_checkin(checkins, today: date) -> TodayCheckIn | None:
    done = [checkin for checkin in checkins if checkin.day <= today]
    if not done:
        return None
    latest = max(done, key=lambda checkin: checkin.recorded_at)
    regions = tuple(
        load.region_label(region.region, region.side)
        + ("" if region.soreness is None else f" {region.soreness}/10")
        for region in latest.regions
    )
    return TodayCheckIn(latest.day, latest.soreness, regions, latest.day == today)


# The folded sections, in page order: slug (its URL, /me/<slug>/, and its anchor id) and
# title. What each holds is said in its summary (`Section.what`), built with the data.
SECTIONS = (
    ("spikes", "Single-run spikes"),
    ("load", "Training load"),
    ("distance", "Distance per week"),
    ("soreness", "Soreness per week"),
    ("recovery", "Sleep, tiredness and stress"),
    ("map", "Where your legs were sore"),
    ("insights", "What your log says"),
)
SECTION_SLUGS = tuple(slug for slug, _ in SECTIONS)
SECTION_TITLES = dict(SECTIONS)


@dataclass(frozen=True, slots=True)
class Section:
    slug: str
    title: str
    what: str  # the summary's second line: what opening it shows


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def sections(board: "Dashboard") -> tuple[Section, ...]:
    spikes = len(board.spikes) + len(board.after_break)  # every flag the glance card shows
    what = {
        "spikes": (
            f"Your runs of the last 28 days against your longest in the 30 days before each: "
            f"{_count(spikes, 'flagged', 'flagged') if spikes else 'none flagged'}."
        ),
        "load": (
            "Effort times minutes: your last 7 days against the 21 before, monotony and "
            "strain, each with your usual."
        ),
        "distance": "Kilometres per week, with the numbers."
        if board.unit == units.KM
        else "Miles per week, with the numbers.",
        "soreness": "Your average soreness per week, 0 to 10, with the numbers.",
        "recovery": "The Hooper index: sleep, tiredness, stress and soreness per week.",
        "map": "A heat map of the areas you named in the last 8 weeks, with a legend.",
        "insights": (
            f"Runs compared by how sore you were after them: "
            f"{_count(len(board.insights), 'comparison')} with enough data."
        ),
    }
    return tuple(Section(slug, title, what[slug]) for slug, title in SECTIONS)


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
    week_span: str = ""  # this week's dates, "25–31 May": the 7 days ending today
    todays_longest: str = ""  # load.TodaysLongest in the runner's unit
    spikes: tuple[Spike, ...] = ()
    after_break: tuple[AfterBreak, ...] = ()
    spike_summary: str = ""  # load.RecentSpikes.text: what the flags alone do not say
    spike_caveat: str = load.SPIKE_CAVEAT
    acwr: load.Acwr | None = None
    monotony: load.Monotony | None = None
    session_load_caveat: str = load.SESSION_LOAD_CAVEAT
    load_soreness_chart: Chart | None = None  # the overview's one chart: both together
    chart_span: str = ""  # the weeks charted: from the log's first week to this week
    figures: LoadFigures = LoadFigures()
    latest_checkin: TodayCheckIn | None = None
    distance_chart: Chart | None = None
    soreness_chart: Chart | None = None
    hooper_total_chart: Chart | None = None
    hooper_items_chart: Chart | None = None
    hooper_caveat: str = load.HOOPER_CAVEAT
    soreness_map: SorenessMap | None = None
    heat_legend: tuple[HeatKey, ...] = HEAT_LEGEND
    insights: tuple[InsightView, ...] = ()  # the comparisons with enough data
    insights_waiting: tuple[log_insights.Insight, ...] = ()  # the others: what they need
    insight_caveat: str = log_insights.INSIGHT_CAVEAT
    # The sore spots the log follows and their see-someone notices (runlog.watch).
    watch: watch_.Watch | None = None

    @property
    def sections(self) -> tuple[Section, ...]:
        return sections(self)

    @property
    def problem_lines(self) -> tuple["ProblemLine", ...]:
        """The sore spots the log follows, for the glance card: those with a see-someone
        notice first (the notice itself stays above the card, never folded)."""
        if self.watch is None:
            return ()
        noticed = {(view.problem.region, view.problem.side) for view in self.watch.notices}
        lines = (
            ProblemLine(
                problem.label,
                problem.started,
                problem.days_on(self.today),
                problem.latest,
                problem.last_day,
                (problem.region, problem.side) in noticed,
            )
            for problem in self.watch.problems
        )
        return tuple(sorted(lines, key=lambda line: not line.noticed))


@dataclass(frozen=True, slots=True)
class ProblemLine:
    """A sore spot the log follows (runlog.problems), in facts only: no trend word, so the
    card never reassures about pain that persists or builds."""

    label: str
    started: date
    day: int  # day 1 is the first sore report
    latest: int
    last_day: date
    noticed: bool  # it has a see-someone notice


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
        count=Count("id"), updated=Max("updated_at"), first=Min("recorded_at")
    )
    return runs_agg, entries_agg


def page_key(user, prefs, now: datetime) -> str:
    """The dashboard depends on the log (its version), the settings, the day and the titles
    of the pages it links to (their revision: a renamed cause shows at once)."""
    today = days.today(prefs.time_zone, now)
    return (
        f"dashboard:{user.pk}:{prefs.log_version}:{prefs.time_zone}:"
        f"{prefs.distance_unit}:{prefs.temperature_unit}:{today.isoformat()}:"
        f"{content.revision()}"
    )


def build(user, prefs, now: datetime) -> Dashboard:
    """Everything the page shows, in at most 7 queries (5 on an insights cache hit): two
    aggregates, the runs and check-ins of the window, their follow-up answers, and the
    insights' two reads on a miss."""
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
    followups = queries.followups_of(user, checkins_from, tomorrow)
    # Runs before the window, by their days only: the log's first day, the last before it.
    markers = _marker(runs_agg["before"], tz)
    if runs_agg["first"] is not None and runs_agg["first"] < runs_from:
        markers = _marker(runs_agg["first"], tz) + markers
    with_markers = markers + runs

    # Spikes are checked against the log's real first day and the last run before the
    # window, so a short log or a break is named, never "not more than 10 % longer".
    log_start = _local_day(runs_agg["first"], tz)
    checks = load.spike_checks(runs, log_start, _local_day(runs_agg["before"], tz))
    recent = load.recent_spikes(checks, today, SPIKE_RECENT_DAYS)
    # The charts start at the log's first week (its first run or check-in): no empty weeks
    # before it.
    first_logged = min(
        (day for day in (log_start, _local_day(entries_agg["first"], tz)) if day is not None),
        default=None,
    )
    weeks = logged_weeks(load.weekly_totals(runs, checkins, today, weeks=WEEKS), first_logged)
    hooper = logged_weeks(load.hooper_weekly(checkins, today, weeks=WEEKS), first_logged)
    distance_chart = soreness_chart = hooper_total = hooper_items = None
    load_soreness = Chart(
        "chart-load-soreness",
        "Training load and soreness per week",
        _load_soreness_desc(weeks),
        _load_soreness_chart(weeks),
    )
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
                f"Latest: {given[-1].total:.1f} in {week_span(given[-1].first_day)}. "
                if given
                else "No week has all four items yet. "
            )
            + 'The numbers are under "Show the numbers".'
        )
        items_desc = (
            "Four lines from 1 (very, very good or low) to 7 (very, very bad or high): sleep, "
            "tiredness, stress and soreness, one point per week. The numbers are in the table "
            "below."
        )
        hooper_total = Chart("chart-hooper", "Hooper index per week", total_desc, total)
        hooper_items = Chart("chart-hooper-items", "The Hooper items per week", items_desc, items)

    shown_insights, waiting_insights = insight_views(
        cached_insights(user, tz, _fingerprint(runs_agg, entries_agg, tz_name))
    )
    return Dashboard(
        empty=False,
        today=today,
        unit=unit,
        runs=runs_agg["count"],
        checkins=entries_agg["count"],
        week=load.this_week_vs_usual(with_markers, today, unit),
        week_span=week_span(load.week_starts(today, 1)[0]),
        todays_longest=load.todays_longest(runs, today).text(unit),
        spikes=tuple(_spike(check, unit) for check in recent.flagged),
        after_break=tuple(_after_break(check, unit) for check in recent.after_break),
        spike_summary=recent.text,
        acwr=load.acwr(with_markers, today),
        monotony=load.weekly_monotony(runs, today),
        load_soreness_chart=load_soreness,
        chart_span=f"{week_span(weeks[0].first_day)} to {week_span(weeks[-1].first_day)}",
        figures=load_figures(runs, log_start, today),
        latest_checkin=latest_checkin(checkins, today),
        distance_chart=distance_chart,
        soreness_chart=soreness_chart,
        hooper_total_chart=hooper_total,
        hooper_items_chart=hooper_items,
        soreness_map=soreness_map(checkins, today),
        insights=shown_insights,
        insights_waiting=waiting_insights,
        watch=watch_.watch_from(checkins, with_markers, followups, today),
    )


def todays_longest_for(user, prefs, now: datetime) -> load.TodaysLongest:
    """Today's longest alone (the run form's hint): the longest run of the 30 days before
    today and today itself, as a run today is checked, in one query."""
    tz_name = prefs.time_zone
    tz = days.zone(tz_name)
    today = days.today(tz_name, now)
    since = days.day_bounds(today - timedelta(days=load.SPIKE_WINDOW_DAYS), tz_name)[0]
    until = days.day_bounds(today, tz_name)[1]
    window = Run.objects.filter(owner=user, start__gte=since, start__lt=until)
    longest = window.order_by("-distance_m", "-start", "-id")[:1]
    return load.todays_longest(queries.run_facts(longest, tz), today)

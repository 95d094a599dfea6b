"""Chart geometry for server-rendered SVG: values in, shapes with coordinates out.

No database, no Django, no JavaScript: the dashboard's templates
(templates/runlog/includes/dash_*_chart.html) draw what these functions compute.
Coordinates are in the SVG's own user units (a `viewBox` of WIDTH x HEIGHT); the SVG scales
to its container with CSS, so a chart never makes the page wider than a phone. Every chart
also carries its numbers as a `Table` for screen readers and print: the picture is never the
only copy of a number.

Slots are the same in both kinds of chart: value i sits in the i-th of n equal slots of the
plot area, so a bar chart and a line chart of the same weeks line up.
"""

import math
from dataclasses import dataclass

WIDTH = 320
HEIGHT = 180
MARGIN_LEFT = 34  # room for the y-axis labels
MARGIN_RIGHT = 16  # room for half the newest week's label, centred under its bar
MARGIN_TOP = 10
MARGIN_BOTTOM = 24  # room for the x-axis labels
BAR_GAP = 0.25  # the share of each slot left empty between bars
TICKS = 4  # intervals on the y axis (5 labels: 0 to the top)


def _r(value: float) -> float:
    """Coordinates to 2 decimals: enough for any screen, and a short SVG."""
    return round(value, 2)


@dataclass(frozen=True, slots=True)
class Plot:
    """The plot area inside the margins."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


def plot_area(width: float = WIDTH, height: float = HEIGHT) -> Plot:
    return Plot(MARGIN_LEFT, MARGIN_TOP, width - MARGIN_RIGHT, height - MARGIN_BOTTOM)


@dataclass(frozen=True, slots=True)
class Tick:
    """A y-axis gridline and its label."""

    value: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class XLabel:
    x: float
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """The chart's numbers: `rows` are (row header, [cells]); cells are already text."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k that is at least `raw` (1 for nothing)."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * power
        if step >= raw * (1 - 1e-9):
            return step
    return 10 * power  # pragma: no cover (10 always qualifies)


def nice_scale(largest: float, ticks: int = TICKS) -> tuple[float, float]:
    """(top of the axis, step) so that `ticks` equal, round steps cover `largest`."""
    step = nice_step(largest / ticks)
    return step * ticks, step


def _label(value: float) -> str:
    return f"{value:g}"


def y_ticks(plot: Plot, y_min: float, y_max: float, step: float) -> tuple[Tick, ...]:
    count = round((y_max - y_min) / step)
    return tuple(
        Tick(value, _r(_y(plot, value, y_min, y_max)), _label(value))
        for value in (y_min + i * step for i in range(count + 1))
    )


def _y(plot: Plot, value: float, y_min: float, y_max: float) -> float:
    share = (value - y_min) / (y_max - y_min)
    return plot.bottom - share * plot.height


def slot_centre(plot: Plot, index: int, count: int) -> float:
    return plot.left + (index + 0.5) * plot.width / count


def x_labels(plot: Plot, labels, every: int = 1) -> tuple[XLabel, ...]:
    """Labels under every `every`-th slot, counted back from the last (the newest always
    has one); the table carries them all."""
    labels = list(labels)
    n = len(labels)
    y = _r(plot.bottom + 16)
    return tuple(
        XLabel(_r(slot_centre(plot, i, n)), y, text)
        for i, text in enumerate(labels)
        if (n - 1 - i) % every == 0
    )


# --------------------------------------------------------------------------- bars


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar. A missing value (None) has no bar: `height` 0 at the baseline, `missing`."""

    x: float
    y: float
    width: float
    height: float
    value: float | None
    label: str
    current: bool = False

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True)
class BarChart:
    width: float
    height: float
    plot: Plot
    bars: tuple[Bar, ...]
    y_ticks: tuple[Tick, ...]
    x_labels: tuple[XLabel, ...]
    y_max: float
    table: Table | None = None

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def baseline(self) -> float:
        return self.plot.bottom


def bar_chart(
    values,
    labels,
    *,
    y_max: float | None = None,
    step: float | None = None,
    label_every: int = 2,
    current_last: bool = False,
    table: Table | None = None,
    width: float = WIDTH,
    height: float = HEIGHT,
) -> BarChart:
    """Bars from 0 for `values` (None: no bar), one per label, oldest first.

    `y_max` fixes the top of the axis (10 for a 0-10 scale, with gridlines every `step`);
    otherwise it is the next round number above the largest value. Values are drawn between
    0 and the top (the table has the true number). `current_last` marks the last bar as a
    period still going on (this week so far).
    """
    values = list(values)
    labels = list(labels)
    if len(values) != len(labels):
        raise ValueError("one label per value")
    plot = plot_area(width, height)
    largest = max((v for v in values if v is not None), default=0)
    if y_max is None:
        y_max, step = nice_scale(largest)
    elif step is None:
        step = nice_step(y_max / TICKS)
    n = max(len(values), 1)
    slot = plot.width / n
    bar_width = slot * (1 - BAR_GAP)
    bars = []
    for i, (value, label) in enumerate(zip(values, labels, strict=True)):
        x = plot.left + i * slot + (slot - bar_width) / 2
        if value is None:
            top, bar_height = plot.bottom, 0.0
        else:
            top = _y(plot, min(max(value, 0), y_max), 0, y_max)
            bar_height = plot.bottom - top
        bars.append(
            Bar(
                _r(x),
                _r(top),
                _r(bar_width),
                _r(bar_height),
                value,
                label,
                current_last and i == len(values) - 1,
            )
        )
    return BarChart(
        width,
        height,
        plot,
        tuple(bars),
        y_ticks(plot, 0, y_max, step),
        x_labels(plot, labels, label_every),
        y_max,
        table,
    )


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    value: float
    label: str


@dataclass(frozen=True, slots=True)
class Series:
    """One line: its points, and `segments` (SVG `points` strings) broken where a value is
    missing, so a gap week shows as a gap rather than a made-up line across it."""

    name: str
    slug: str  # for the CSS class `series-<slug>`
    points: tuple[Point, ...]
    segments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LineChart:
    width: float
    height: float
    plot: Plot
    series: tuple[Series, ...]
    y_ticks: tuple[Tick, ...]
    x_labels: tuple[XLabel, ...]
    y_min: float
    y_max: float
    table: Table | None = None

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"


def line_chart(
    series,
    labels,
    *,
    y_min: float,
    y_max: float,
    step: float,
    label_every: int = 2,
    table: Table | None = None,
    width: float = WIDTH,
    height: float = HEIGHT,
) -> LineChart:
    """Lines on a fixed scale (`y_min` to `y_max`, gridlines every `step`).

    `series`: (name, slug, values) with one value per label, None where there is none.
    Values outside the scale are drawn at its edge (the table has the true number).
    """
    labels = list(labels)
    plot = plot_area(width, height)
    n = max(len(labels), 1)
    built = []
    for name, slug, values in series:
        values = list(values)
        if len(values) != len(labels):
            raise ValueError("one label per value")
        points: list[Point] = []
        segments: list[str] = []
        run: list[str] = []
        for i, (value, label) in enumerate(zip(values, labels, strict=True)):
            if value is None:
                if run:
                    segments.append(" ".join(run))
                    run = []
                continue
            shown = min(max(value, y_min), y_max)
            point = Point(
                _r(slot_centre(plot, i, n)), _r(_y(plot, shown, y_min, y_max)), value, label
            )
            points.append(point)
            run.append(f"{point.x:g},{point.y:g}")
        if run:
            segments.append(" ".join(run))
        built.append(Series(name, slug, tuple(points), tuple(segments)))
    return LineChart(
        width,
        height,
        plot,
        tuple(built),
        y_ticks(plot, y_min, y_max, step),
        x_labels(plot, labels, label_every),
        y_min,
        y_max,
        table,
    )


# --------------------------------------------------------------------------- two axes

DUAL_MARGIN_TOP = 24  # room for the two axis titles above the plot
DUAL_MARGIN_RIGHT = 30  # room for the right axis labels ("7.5", "10")


@dataclass(frozen=True, slots=True)
class DualChart:
    """Bars on the left axis and one line on the right axis, over the same slots.

    Both axes have TICKS intervals, so their labels sit on the same gridlines: the left
    one counts from 0 to a round top (`left_max`), the right one spans its fixed scale
    (`right_min` to `right_max`). The axis titles say which is which; so do the legend and
    the table the template draws.
    """

    width: float
    height: float
    plot: Plot
    bars: tuple[Bar, ...]
    line: Series
    left_ticks: tuple[Tick, ...]
    right_ticks: tuple[Tick, ...]
    x_labels: tuple[XLabel, ...]
    left_max: float
    right_min: float
    right_max: float
    left_title: str
    right_title: str
    bar_name: str
    table: Table | None = None

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def baseline(self) -> float:
        return self.plot.bottom

    @property
    def left_label_x(self) -> float:
        return self.plot.left - 4

    @property
    def right_label_x(self) -> float:
        return self.plot.right + 4

    @property
    def title_y(self) -> float:
        return self.plot.top - 10

    @property
    def series(self) -> tuple[Series, ...]:
        return (self.line,)


def dual_chart(
    bar_values,
    line_values,
    labels,
    *,
    bar_name: str,
    line_name: str,
    line_slug: str,
    left_title: str,
    right_title: str,
    right_min: float = 0,
    right_max: float = 10,
    label_every: int = 2,
    current_last: bool = False,
    table: Table | None = None,
    width: float = WIDTH,
    height: float = HEIGHT,
) -> DualChart:
    """Bars from 0 on a round left axis (as `bar_chart`) and a line on a fixed right axis
    (as `line_chart`), one value of each per label, oldest first; None is no bar or a gap
    in the line."""
    bar_values = list(bar_values)
    line_values = list(line_values)
    labels = list(labels)
    if not len(bar_values) == len(line_values) == len(labels):
        raise ValueError("one label per value")
    plot = Plot(MARGIN_LEFT, DUAL_MARGIN_TOP, width - DUAL_MARGIN_RIGHT, height - MARGIN_BOTTOM)
    largest = max((v for v in bar_values if v is not None), default=0)
    left_max, left_step = nice_scale(largest)
    n = max(len(labels), 1)
    slot = plot.width / n
    bar_width = slot * (1 - BAR_GAP)
    bars = []
    for i, (value, label) in enumerate(zip(bar_values, labels, strict=True)):
        x = plot.left + i * slot + (slot - bar_width) / 2
        if value is None:
            top, bar_height = plot.bottom, 0.0
        else:
            top = _y(plot, min(max(value, 0), left_max), 0, left_max)
            bar_height = plot.bottom - top
        current = current_last and i == len(labels) - 1
        bars.append(Bar(_r(x), _r(top), _r(bar_width), _r(bar_height), value, label, current))
    points: list[Point] = []
    segments: list[str] = []
    run: list[str] = []
    for i, (value, label) in enumerate(zip(line_values, labels, strict=True)):
        if value is None:
            if run:
                segments.append(" ".join(run))
                run = []
            continue
        shown = min(max(value, right_min), right_max)
        point = Point(
            _r(slot_centre(plot, i, n)), _r(_y(plot, shown, right_min, right_max)), value, label
        )
        points.append(point)
        run.append(f"{point.x:g},{point.y:g}")
    if run:
        segments.append(" ".join(run))
    return DualChart(
        width,
        height,
        plot,
        tuple(bars),
        Series(line_name, line_slug, tuple(points), tuple(segments)),
        y_ticks(plot, 0, left_max, left_step),
        y_ticks(plot, right_min, right_max, (right_max - right_min) / TICKS),
        x_labels(plot, labels, label_every),
        left_max,
        right_min,
        right_max,
        left_title,
        right_title,
        bar_name,
        table,
    )

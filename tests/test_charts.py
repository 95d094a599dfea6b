"""Chart geometry (runlog/charts.py): values in, coordinates out. No database, no templates.

The default canvas is 320 x 180 with a plot area from x 34 to 304 (270 wide) and from y 10
to 156 (146 high): 12 slots of 22.5, bars 16.88 wide (a quarter of each slot left empty).
"""

import pytest

from runlog import charts

WEEKS = [f"w{i}" for i in range(12)]


def test_the_plot_area_sits_inside_the_margins():
    plot = charts.plot_area()
    assert (plot.left, plot.top, plot.right, plot.bottom) == (34, 10, 304, 156)
    assert (plot.width, plot.height) == (270, 146)


@pytest.mark.parametrize(
    ("raw", "step"),
    [(0, 1), (-3, 1), (0.3, 0.5), (1, 1), (1.2, 2), (2.1, 2.5), (3, 5), (7, 10), (9.25, 10),
     (11, 20), (26, 50), (2_400, 2_500)],
)  # fmt: skip
def test_nice_steps_are_1_2_2_5_or_5_times_a_power_of_ten(raw, step):
    assert charts.nice_step(raw) == pytest.approx(step)


@pytest.mark.parametrize(
    ("largest", "top", "step"), [(0, 4, 1), (3.7, 4, 1), (9.2, 10, 2.5), (34, 40, 10),
                                 (40, 40, 10), (41, 80, 20), (123, 200, 50)],
)  # fmt: skip
def test_the_axis_top_is_four_round_steps_over_the_largest_value(largest, top, step):
    assert charts.nice_scale(largest) == (pytest.approx(top), pytest.approx(step))


def test_bars_are_proportional_to_their_values_from_a_zero_baseline():
    values = [0, 0, 0, 0, 0, 0, 28, 28, 28, 28, 28, 34]
    chart = charts.bar_chart(values, WEEKS, current_last=True)
    assert chart.y_max == 40
    assert chart.viewbox == "0 0 320 180"
    assert chart.baseline == 156
    bars = chart.bars
    assert len(bars) == 12
    # 28 of 40 over 146 units: 102.2 high, its top at 156 - 102.2 = 53.8.
    assert (bars[6].y, bars[6].height) == (53.8, 102.2)
    assert (bars[11].y, bars[11].height) == (31.9, 124.1)
    assert bars[0].height == 0 and bars[0].y == 156
    for bar in bars:
        assert bar.y + bar.height == pytest.approx(156)
        assert bar.width == 16.88
    # Slots of 270 / 12 = 22.5: the first bar starts a half-gap (2.81) into its slot.
    assert bars[0].x == 36.81
    assert bars[1].x == 59.31
    assert bars[-1].x + bars[-1].width <= 304
    assert [bar.current for bar in bars] == [False] * 11 + [True]
    assert [bar.label for bar in bars] == WEEKS


def test_the_y_axis_has_five_round_labels_from_zero():
    chart = charts.bar_chart([12.5, 37], ["a", "b"])
    assert [tick.label for tick in chart.y_ticks] == ["0", "10", "20", "30", "40"]
    assert [tick.y for tick in chart.y_ticks] == [156, 119.5, 83, 46.5, 10]


def test_a_fixed_scale_keeps_its_top_and_clamps_what_passes_it():
    chart = charts.bar_chart([None, 4, 10, 12], ["a", "b", "c", "d"], y_max=10, step=2)
    assert [tick.label for tick in chart.y_ticks] == ["0", "2", "4", "6", "8", "10"]
    missing, four, ten, twelve = chart.bars
    assert missing.missing and missing.height == 0
    assert four.height == pytest.approx(146 * 0.4)
    assert ten.height == 146 and ten.y == 10
    assert twelve.height == 146  # drawn at the top; the table has 12
    assert twelve.value == 12


def test_negative_values_are_drawn_as_nothing():
    (bar,) = charts.bar_chart([-3], ["a"]).bars
    assert bar.height == 0 and not bar.missing


def test_an_empty_or_all_zero_chart_still_has_an_axis():
    chart = charts.bar_chart([0, 0, 0], ["a", "b", "c"])
    assert chart.y_max == 4
    assert all(bar.height == 0 for bar in chart.bars)
    assert charts.bar_chart([], []).bars == ()


def test_values_and_labels_must_pair_up():
    with pytest.raises(ValueError, match="one label per value"):
        charts.bar_chart([1, 2], ["a"])
    with pytest.raises(ValueError, match="one label per value"):
        charts.line_chart([("x", "x", [1])], ["a", "b"], y_min=0, y_max=1, step=1)


def test_x_labels_go_under_every_other_slot_ending_with_the_newest():
    chart = charts.bar_chart([1] * 12, WEEKS)
    assert [label.text for label in chart.x_labels] == ["w1", "w3", "w5", "w7", "w9", "w11"]
    assert chart.x_labels[-1].x == 292.75
    assert {label.y for label in chart.x_labels} == {172}
    every = charts.bar_chart([1] * 3, ["a", "b", "c"], label_every=1)
    assert [label.text for label in every.x_labels] == ["a", "b", "c"]


def test_a_custom_canvas_scales_the_geometry():
    chart = charts.bar_chart([5, 10], ["a", "b"], width=200, height=100)
    assert chart.viewbox == "0 0 200 100"
    assert chart.plot.right == 184 and chart.plot.bottom == 76
    assert chart.bars[1].y == 10


def test_the_table_travels_with_the_chart():
    table = charts.Table("Distance", ("Week", "km"), (("w0", ("1.0",)),))
    assert charts.bar_chart([1], ["w0"], table=table).table is table


# ----------------------------------------------------------------- lines


def test_line_points_sit_at_slot_centres_on_a_fixed_scale():
    chart = charts.line_chart(
        [("Sum", "total", [4, 16, 28])], ["a", "b", "c"], y_min=4, y_max=28, step=6
    )
    (series,) = chart.series
    assert (series.name, series.slug) == ("Sum", "total")
    assert [point.x for point in series.points] == [79, 169, 259]  # slots of 90
    assert [point.y for point in series.points] == [156, 83, 10]
    assert series.segments == ("79,156 169,83 259,10",)
    assert [tick.label for tick in chart.y_ticks] == ["4", "10", "16", "22", "28"]


def test_bars_and_lines_of_the_same_weeks_line_up():
    bars = charts.bar_chart([1] * 12, WEEKS)
    lines = charts.line_chart([("x", "x", [1] * 12)], WEEKS, y_min=0, y_max=2, step=1)
    for bar, point in zip(bars.bars, lines.series[0].points, strict=True):
        assert bar.x + bar.width / 2 == pytest.approx(point.x, abs=0.02)


def test_a_missing_week_breaks_the_line_instead_of_bridging_it():
    chart = charts.line_chart(
        [("Sleep", "sleep", [2, 3, None, None, 4, None, 5])],
        list("abcdefg"),
        y_min=1,
        y_max=7,
        step=1,
    )
    (series,) = chart.series
    assert [point.value for point in series.points] == [2, 3, 4, 5]
    assert [point.label for point in series.points] == ["a", "b", "e", "g"]
    assert len(series.segments) == 3
    assert [segment.count(",") for segment in series.segments] == [2, 1, 1]


def test_a_line_with_no_values_has_no_points():
    chart = charts.line_chart([("x", "x", [None, None])], ["a", "b"], y_min=0, y_max=1, step=1)
    assert chart.series[0].points == () and chart.series[0].segments == ()


def test_values_off_the_scale_are_drawn_at_its_edge_but_keep_their_value():
    chart = charts.line_chart([("x", "x", [0, 9])], ["a", "b"], y_min=1, y_max=7, step=1)
    low, high = chart.series[0].points
    assert (low.y, low.value) == (156, 0)
    assert (high.y, high.value) == (10, 9)


def test_several_series_share_the_slots():
    chart = charts.line_chart(
        [("A", "a", [1, 2]), ("B", "b", [2, 1])], ["x", "y"], y_min=0, y_max=2, step=1
    )
    a, b = chart.series
    assert [p.x for p in a.points] == [p.x for p in b.points]
    assert [p.y for p in a.points] == [p.y for p in reversed(b.points)]


# ----------------------------------------------------------------- two axes


def test_a_dual_chart_shares_its_slots_and_gridlines_between_two_axes():
    chart = charts.dual_chart(
        [840, None, 1236],
        [3.0, None, 4.0],
        ["a", "b", "c"],
        bar_name="Load",
        line_name="Soreness",
        line_slug="soreness",
        left_title="Load",
        right_title="Soreness",
        current_last=True,
    )
    # Room above the plot for the axis titles, and on the right for the second axis.
    assert (chart.plot.left, chart.plot.top, chart.plot.right, chart.plot.bottom) == (
        34,
        24,
        290,
        156,
    )
    assert chart.left_max == 2000  # four round steps of 500 over 1,236
    assert [tick.label for tick in chart.left_ticks] == ["0", "500", "1000", "1500", "2000"]
    assert [tick.label for tick in chart.right_ticks] == ["0", "2.5", "5", "7.5", "10"]
    assert [t.y for t in chart.left_ticks] == [t.y for t in chart.right_ticks]
    first, missing, last = chart.bars
    assert missing.missing and last.current and not first.current
    assert first.height == pytest.approx(132 * 840 / 2000, abs=0.01)
    # The line's points sit at the bars' centres, on the 0-10 scale; a gap stays a gap.
    points = chart.line.points
    assert [p.value for p in points] == [3.0, 4.0]
    assert points[0].x == pytest.approx(first.x + first.width / 2, abs=0.02)
    assert points[1].y == pytest.approx(156 - 132 * 0.4, abs=0.01)
    assert len(chart.line.segments) == 2
    assert chart.series == (chart.line,)
    assert chart.viewbox == "0 0 320 180"
    assert (chart.left_label_x, chart.right_label_x, chart.title_y) == (30, 294, 14)


def test_a_dual_chart_needs_one_value_of_each_per_label():
    with pytest.raises(ValueError, match="one label per value"):
        charts.dual_chart([1], [1, 2], ["a"], bar_name="", line_name="", line_slug="x",
                          left_title="", right_title="")  # fmt: skip

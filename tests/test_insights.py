"""What a runner's own log says about causes: comparisons on hand-made logs. No database."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from runlog import insights
from runlog.insights import (
    FACTORS,
    compare,
    factor_sides,
    interval_words,
    like_groups,
    soreness_after,
    stratified_difference,
    t_975,
)
from runlog.load import CheckIn, RunFacts

DAY0 = date(2026, 1, 5)

CAUSES = {
    "overuse", "dehydration", "nutrition", "form", "genetics", "cold", "electrolytes",
    "eccentric_load",
}  # fmt: skip
STRATEGIES = {
    "hydrate", "balanced_diet", "warm_up_cool_down", "flat_surfaces", "gradual_increase",
    "compression", "rest_recovery", "electrolyte_plan", "dress_for_cold", "repeated_bout",
}  # fmt: skip


def run(day: date, km: float = 10, hour: int = 8, minutes: int = 60, **facts) -> RunFacts:
    start = datetime.combine(day, time(hour), tzinfo=UTC)
    return RunFacts(
        day=day, start=start, distance_m=round(km * 1000), duration_s=minutes * 60, **facts
    )


def checkin_at(moment: datetime, soreness: int) -> CheckIn:
    return CheckIn(day=moment.date(), recorded_at=moment, soreness=soreness)


def next_day(a_run: RunFacts, soreness: int) -> CheckIn:
    return checkin_at(a_run.start + timedelta(hours=24), soreness)


def by_slug(results):
    return {insight.slug: insight for insight in results}


# ----------------------------------------------------------------- which check-in counts


def test_the_first_check_in_after_the_run_ends_counts():
    the_run = run(DAY0, hour=8, minutes=60)  # ends 09:00
    checkins = [
        checkin_at(datetime(2026, 1, 5, 8, 30, tzinfo=UTC), 9),  # during the run
        checkin_at(datetime(2026, 1, 6, 20, 0, tzinfo=UTC), 4),  # the first after it
        checkin_at(datetime(2026, 1, 6, 9, 0, tzinfo=UTC), 3),  # earlier: given out of order
    ]
    assert soreness_after([the_run], checkins) == [3]


def test_a_check_in_exactly_72_hours_after_counts_and_one_minute_later_does_not():
    the_run = run(DAY0, hour=8, minutes=60)
    end = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert soreness_after([the_run], [checkin_at(end + timedelta(hours=72), 5)]) == [5]
    late = end + timedelta(hours=72, minutes=1)
    assert soreness_after([the_run], [checkin_at(late, 5)]) == [None]


def test_72_hours_are_real_hours_across_the_clocks_going_back():
    # Saturday 24 October 2026, 08:00-09:00 BST (07:00-08:00 UTC); the clocks go back on the
    # Sunday. Tuesday 09:00 GMT by the kitchen clock is 73 hours later: too late.
    tz = "Europe/London"
    the_run = RunFacts.local(
        datetime(2026, 10, 24, 7, 0, tzinfo=UTC), tz, distance_m=10_000, duration_s=3600
    )
    tuesday_9 = CheckIn.local(datetime(2026, 10, 27, 9, 0, tzinfo=UTC), tz, soreness=4)
    tuesday_8 = CheckIn.local(datetime(2026, 10, 27, 8, 0, tzinfo=UTC), tz, soreness=6)
    assert soreness_after([the_run], [tuesday_9]) == [None]
    assert soreness_after([the_run], [tuesday_8]) == [6]


def test_two_runs_before_one_check_in_both_take_it():
    runs = [run(DAY0, hour=7), run(DAY0, hour=18)]
    checkins = [checkin_at(datetime(2026, 1, 6, 8, 0, tzinfo=UTC), 5)]
    assert soreness_after(runs, checkins) == [5, 5]


def test_no_check_ins_no_soreness():
    assert soreness_after([run(DAY0)], []) == [None]
    assert soreness_after([], []) == []


# ----------------------------------------------------------------- the sides of each factor


def test_warm_up_sides_blame_the_runs_without_one():
    runs = [run(DAY0, warm_up_done=v) for v in (True, False, None)]
    assert factor_sides("warm_up", runs) == [False, True, None]


def test_hills_against_flat_leave_rolling_and_trail_out():
    terrains = ["hilly", "downhill", "flat", "rolling", "trail", ""]
    runs = [run(DAY0, terrain=t) for t in terrains]
    assert factor_sides("hills", runs) == [True, True, False, None, None, None]


def test_cold_is_below_5_and_mild_is_5_to_20_included():
    temps = [-3, 4.9, Decimal("4.9"), 5, 12, 20, Decimal("20.0"), 20.1, 30, None]
    runs = [run(DAY0, temperature_c=t) for t in temps]
    assert factor_sides("cold", runs) == [
        True, True, True, False, False, False, False, None, None, None,
    ]  # fmt: skip


def test_little_fluid_against_plenty_leave_some_out():
    runs = [run(DAY0, fluids=f) for f in ("little", "plenty", "some", "")]
    assert factor_sides("fluids", runs) == [True, False, None, None]


def test_a_week_more_than_10_percent_up_on_the_week_before():
    # The 7 days ending on each run's day against the 7 days before them.
    runs = [
        run(DAY0, km=10),  # nothing before: no base, neither side
        run(DAY0 + timedelta(days=7), km=12),  # 12 against 10: 20 % up
        run(DAY0 + timedelta(days=14), km=11),  # 11 against 12: down
        run(DAY0 + timedelta(days=21), km=12.1),  # 12.1 against 11: exactly 10 %, not more
        run(DAY0 + timedelta(days=28), km=13.32),  # 13.32 against 12.1: 10.08 % up
    ]
    assert factor_sides("week_up", runs) == [None, True, False, False, True]


def test_the_week_up_rule_reads_its_ratio(monkeypatch):
    runs = [run(DAY0, km=10), run(DAY0 + timedelta(days=7), km=12)]  # 20 % up
    assert factor_sides("week_up", runs)[-1] is True
    monkeypatch.setattr(insights, "WEEK_UP_RATIO", Fraction(13, 10))  # "more than 30 % up"
    assert factor_sides("week_up", runs)[-1] is False


def test_the_week_up_counts_the_runs_whole_day_and_the_six_before():
    runs = [
        run(DAY0, km=10),
        run(DAY0 + timedelta(days=6), km=5, hour=7),
        run(DAY0 + timedelta(days=6), km=6, hour=18),
    ]
    # Days -6 .. 0 hold 10 km; days 0 .. 6 hold all three, so the base is days -7 .. -1: none.
    assert factor_sides("week_up", runs) == [None, None, None]
    later = [*runs, run(DAY0 + timedelta(days=13), km=12.2)]
    # Days 7 .. 13: 12.2 against days 0 .. 6: 21: down.
    assert factor_sides("week_up", later)[-1] is False


def test_after_a_spike_against_runs_that_were_not():
    runs = [
        run(DAY0 - timedelta(days=40), km=5),  # the log's first run: too short a log before it
        run(DAY0, km=10),  # nothing in the 30 days before: after a break, neither side
        run(DAY0 + timedelta(days=2), km=11),  # exactly 10 %: not a spike
        run(DAY0 + timedelta(days=4), km=12.5),  # a spike
    ]
    assert factor_sides("spike", runs) == [None, None, False, True]
    # A log shorter than 30 days compares nothing (runlog.load's rule).
    assert factor_sides("spike", runs[1:]) == [None, None, None]


def test_every_factor_links_only_the_contracts_causes_and_strategies():
    assert [f.slug for f in FACTORS] == ["warm_up", "hills", "cold", "fluids", "week_up", "spike"]
    for factor in FACTORS:
        assert factor.causes and set(factor.causes) <= CAUSES
        assert factor.strategies and set(factor.strategies) <= STRATEGIES
    links = {f.slug: (f.causes, f.strategies) for f in FACTORS}
    assert links["hills"][0] == ("eccentric_load",) and "repeated_bout" in links["hills"][1]
    assert links["cold"] == (("cold",), ("dress_for_cold",))
    assert links["fluids"] == (("dehydration",), ("hydrate",))
    assert links["week_up"] == links["spike"] == (("overuse",), ("gradual_increase",))
    assert links["warm_up"][1] == ("warm_up_cool_down",)


# ----------------------------------------------------------------- like with like


def test_runs_are_grouped_by_length_against_the_median_and_by_effort():
    kms = [10, 10, 10, 7.9, 8, 12.5, 12.6]  # the median run: 10 km
    rpes = [None, 4, 5, 6, 7, 10, 0]
    runs = [run(DAY0, km=km, rpe=rpe) for km, rpe in zip(kms, rpes, strict=True)]
    assert like_groups(runs) == [
        ("usual", "not rated"),
        ("usual", "easy"),
        ("usual", "moderate"),
        ("short", "moderate"),  # under 80 % of the median
        ("usual", "hard"),  # 80 % exactly is usual
        ("usual", "hard"),  # 125 % exactly is usual
        ("long", "easy"),  # over 125 %
    ]
    assert like_groups([]) == []


def test_the_t_points_of_a_95_percent_interval():
    assert t_975(1) == pytest.approx(12.7062)
    assert t_975(8) == pytest.approx(2.3060)
    # Above 10 degrees of freedom, the expansion (checked against the tables).
    assert t_975(11) == pytest.approx(2.2010, abs=1e-4)
    assert t_975(30) == pytest.approx(2.0423, abs=1e-4)
    assert t_975(1000) == pytest.approx(1.9623, abs=1e-4)
    with pytest.raises(ValueError):
        t_975(0)


def test_the_pooled_difference_by_hand():
    # Two groups, each 2 points sorer on the blamed side; the spread within each cell is 1
    # (sum of squares 2 each, 8 in all, over 12 - 4 = 8 degrees of freedom: s2 = 1); the
    # weights are 3 x 3 / 6 = 1.5 each, so the standard error is sqrt(1 / 3).
    found = stratified_difference([([4, 5, 6], [2, 3, 4]), ([7, 8, 9], [5, 6, 7])])
    margin = 2.3060 * (1 / 3) ** 0.5
    assert found.estimate == pytest.approx(2)
    assert found.degrees_of_freedom == 8
    assert (found.low, found.high) == (pytest.approx(2 - margin), pytest.approx(2 + margin))


def test_the_pooled_difference_weights_each_group_by_its_sizes():
    # Group 1: 5 against 2 (d = 3), weight 2 x 1 / 3; group 2: 5 against 3 (d = 2), weight
    # 1 x 3 / 4. Sums of squares 2 and 8 over (3 - 2) + (4 - 2) = 3 degrees of freedom.
    found = stratified_difference([([4, 6], [2]), ([5], [1, 3, 5])])
    weights = 2 / 3 + 3 / 4
    estimate = (2 / 3 * 3 + 3 / 4 * 2) / weights
    margin = 3.1824 * (10 / 3 / weights) ** 0.5
    assert found.estimate == pytest.approx(estimate)  # 2.47
    assert found.degrees_of_freedom == 3
    assert found.low == pytest.approx(estimate - margin)
    assert found.high == pytest.approx(estimate + margin)


# ----------------------------------------------------------------- the comparison


def runs_with_checkins(sides: list[tuple[dict, int]]) -> tuple[list, list]:
    """One run every 5 days with the given facts, each checked in on the next day."""
    runs, checkins = [], []
    for i, (facts, soreness) in enumerate(sides):
        a_run = run(DAY0 + timedelta(days=5 * i), **facts)
        runs.append(a_run)
        checkins.append(next_day(a_run, soreness))
    return runs, checkins


def warm_up_log(without: dict[tuple[float, int], list[int]], with_: dict) -> tuple[list, list]:
    """Runs by (km, RPE): the soreness after each run without a warm-up and with one."""
    sides = []
    for done, groups in ((False, without), (True, with_)):
        for (km, rpe), scores in groups.items():
            sides += [({"km": km, "rpe": rpe, "warm_up_done": done}, s) for s in scores]
    return runs_with_checkins(sides)


def test_a_real_difference_with_enough_data_shows_its_interval_and_may_be_linked():
    # 10 km easy-ish runs and 16 km hard ones, each kind with and without a warm-up: 2
    # points sorer without one in both (the pooled difference by hand, above).
    runs, checkins = warm_up_log(
        without={(10, 5): [4, 5, 6], (16, 8): [7, 8, 9]},
        with_={(10, 5): [2, 3, 4], (16, 8): [5, 6, 7]},
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert insight.enough
    assert (insight.blamed_runs, insight.other_runs, insight.groups) == (6, 6, 2)
    assert insight.difference == pytest.approx(2)
    assert (round(insight.low, 2), round(insight.high, 2)) == (0.67, 3.33)
    assert insight.text == (
        "In your runs of similar length and effort, soreness at your next check-in was 2.0 "
        "points higher after runs without a warm-up than after runs with a warm-up (6 and 6 "
        "runs compared; 95 % interval: 0.7 to 3.3 points higher)."
    )
    assert not insight.could_be_chance
    assert insight.points_to_causes
    assert (insight.linked_causes, insight.linked_strategies) == (("cold",), ("warm_up_cool_down",))
    assert "caus" not in insight.text  # the numbers, never a claim of cause
    assert "not proof of a cause" in insight.caveat
    assert "at least 5 such runs" in insight.caveat


def test_a_difference_the_other_way_links_no_cause():
    runs, checkins = warm_up_log(
        without={(10, 5): [2, 3, 4], (16, 8): [5, 6, 7]},
        with_={(10, 5): [4, 5, 6], (16, 8): [7, 8, 9]},
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert insight.enough
    assert insight.difference == pytest.approx(-2)
    assert "2.0 points lower after runs without a warm-up than after runs with a warm-up" in (
        insight.text
    )
    assert "95 % interval: 0.7 to 3.3 points lower" in insight.text
    assert not insight.points_to_causes
    assert (insight.linked_causes, insight.linked_strategies) == ((), ())
    assert insight.causes == ("cold",)  # the factor's, kept for the record


def test_an_interval_that_spans_0_could_be_chance():
    # One kind of run: 4.0 against 3.4. Sums of squares 10 and 5.2 over 8 degrees of freedom
    # (s2 = 1.9), weight 2.5: standard error sqrt(0.76); 0.6 +/- 2.306 x 0.872 = -1.4 to 2.6.
    runs, checkins = warm_up_log(
        without={(10, None): [2, 5, 3, 6, 4]}, with_={(10, None): [3, 4, 2, 5, 3]}
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert insight.enough
    assert insight.difference == pytest.approx(0.6)
    assert (round(insight.low, 1), round(insight.high, 1)) == (-1.4, 2.6)
    assert insight.could_be_chance
    assert insight.text == (
        "In your runs of similar length and effort, soreness at your next check-in was 0.6 "
        "points higher after runs without a warm-up than after runs with a warm-up (5 and 5 "
        "runs compared; 95 % interval: 1.4 points lower to 2.6 points higher). This could be "
        "chance: the interval includes no difference."
    )
    # It points the cause's way, so the cause may be linked; the wording says it could be
    # chance.
    assert insight.linked_causes == ("cold",)


def test_interval_words():
    assert interval_words(0.44, 2.56) == "0.4 to 2.6 points higher"
    assert interval_words(-2.56, -0.44) == "0.4 to 2.6 points lower"
    assert interval_words(-1.04, 2.6) == "1.0 point lower to 2.6 points higher"
    assert interval_words(0.0, 1.0) == "0.0 to 1.0 point higher"
    assert interval_words(-0.01, 0.02) == "no difference either way"
    assert interval_words(-0.04, 1.0) == "0.0 to 1.0 point higher"  # never "-0.0"
    assert interval_words(-1.5, 0.04) == "0.0 to 1.5 points lower"


def confounded_fluids(overlap: bool) -> tuple[list, list]:
    """Little to drink mostly (or only) on 20 km runs, plenty mostly on 10 km runs; the 20 km
    runs are sorer whatever was drunk. With `overlap`, some of each kind drank the other
    way, as sore as their kind."""
    sides = [({"km": 20, "rpe": 5, "fluids": "little"}, s) for s in [6, 7] * 5]
    sides += [({"km": 10, "rpe": 5, "fluids": "plenty"}, s) for s in [2, 3] * 5]
    if overlap:
        sides += [({"km": 10, "rpe": 5, "fluids": "little"}, s) for s in [2, 3, 2, 3, 2]]
        sides += [({"km": 20, "rpe": 5, "fluids": "plenty"}, s) for s in [6, 7, 6, 7, 6]]
    return runs_with_checkins(sides)


def test_a_confounded_comparison_is_not_blamed_on_the_factor():
    runs, checkins = confounded_fluids(overlap=False)
    insight = by_slug(insights.insights(runs, checkins))["fluids"]
    # No 10 km run with little to drink, no 20 km run with plenty: nothing like with like.
    assert not insight.enough
    assert (insight.blamed_runs, insight.other_runs, insight.groups) == (0, 0, 0)
    assert insight.linked_causes == () and insight.linked_strategies == ()
    assert insight.text.startswith("Not enough data yet")
    # Compared as one heap, it would have blamed drinking: 6.5 against 2.5.
    ordered = sorted(runs, key=lambda r: r.start)
    heap = compare(FACTORS[3], factor_sides("fluids", ordered), soreness_after(ordered, checkins))
    assert heap.enough and heap.difference == pytest.approx(4)
    assert heap.linked_causes == ("dehydration",)


def test_a_confounded_comparison_with_some_overlap_finds_no_difference():
    runs, checkins = confounded_fluids(overlap=True)
    insight = by_slug(insights.insights(runs, checkins))["fluids"]
    assert insight.enough
    assert (insight.blamed_runs, insight.other_runs, insight.groups) == (15, 15, 2)
    # 10 km: 2.4 against 2.5; 20 km: 6.5 against 6.4; equal weights: no difference.
    assert insight.difference == pytest.approx(0, abs=1e-9)
    assert "about the same after runs with little or nothing to drink as after runs with " in (
        insight.text
    )
    assert insight.could_be_chance
    assert insight.linked_causes == ()
    # As one heap: 77 / 15 = 5.13 against 57 / 15 = 3.8, which would have linked drinking.
    ordered = sorted(runs, key=lambda r: r.start)
    heap = compare(FACTORS[3], factor_sides("fluids", ordered), soreness_after(ordered, checkins))
    assert heap.difference == pytest.approx(77 / 15 - 57 / 15)
    assert heap.linked_causes == ("dehydration",)


def test_too_few_comparable_runs_is_not_enough_and_it_says_what_to_log():
    runs, checkins = warm_up_log(
        without={(10, 5): [5, 5, 6, 6]}, with_={(10, 5): [1, 2, 1, 2, 1, 2]}
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert not insight.enough
    assert (insight.blamed_runs, insight.other_runs) == (4, 6)
    assert (insight.difference, insight.low, insight.high) == (None, None, None)
    assert insight.linked_causes == ()
    assert insight.text == (
        "Not enough data yet: each side needs 5 runs that can be compared with runs of similar "
        "length and effort on the other side, each with a check-in within 3 days after it. So "
        "far: 4 runs without a warm-up and 6 runs with a warm-up. Log whether you warmed up "
        "with each run and check in within 3 days after it: it needs at least 1 more run "
        "without a warm-up."
    )


def test_runs_spread_over_too_many_kinds_are_not_enough():
    factor = FACTORS[0]
    sides = [True, False] * 5
    soreness = [5, 2, 6, 3, 4, 1, 5, 2, 6, 2]
    groups = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]  # one run a side in each: no spread to judge
    insight = compare(factor, sides, soreness, groups)
    assert not insight.enough
    assert (insight.blamed_runs, insight.other_runs, insight.groups) == (5, 5, 5)
    assert "spread over 5 kinds of run" in insight.text


def test_a_run_without_a_check_in_within_72_hours_does_not_count():
    runs, checkins = runs_with_checkins(
        [({"warm_up_done": True}, 2)] * 5 + [({"warm_up_done": False}, 5)] * 4
    )
    runs.append(run(DAY0 + timedelta(days=80), warm_up_done=False))  # no check-in after it
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert (insight.blamed_runs, insight.other_runs) == (4, 5)
    assert not insight.enough


def test_an_empty_log_has_every_insight_waiting_for_data():
    results = insights.insights([], [])
    assert [i.slug for i in results] == [f.slug for f in FACTORS]
    assert not any(i.enough for i in results)
    assert not any(i.linked_causes or i.linked_strategies for i in results)
    cold = by_slug(results)["cold"]
    assert cold.text == (
        "Not enough data yet: each side needs 5 runs that can be compared with runs of similar "
        "length and effort on the other side, each with a check-in within 3 days after it. So "
        "far: 0 runs in the cold (below 5 °C) and 0 runs in mild weather (5-20 °C). Log the "
        "temperature with each run and check in within 3 days after it: it needs at least 5 "
        "more runs in the cold (below 5 °C) and 5 more runs in mild weather (5-20 °C)."
    )


def test_a_single_run_log():
    a_run = run(DAY0, warm_up_done=True, terrain="flat", temperature_c=2, fluids="plenty")
    results = by_slug(insights.insights([a_run], [next_day(a_run, 3)]))
    assert all((i.blamed_runs, i.other_runs) == (0, 0) for i in results.values())
    assert not any(i.enough for i in results.values())


def test_factors_the_runner_does_not_choose_say_they_fill_in_with_time():
    insight = by_slug(insights.insights([], []))["spike"]
    assert "This fills in as you log your runs and check in within 3 days after each" in (
        insight.text
    )


# Each factor at the threshold: 4 comparable runs on a side is not enough, 5 is.


def simple_factor(facts_blamed: dict, facts_other: dict):
    def build(n_blamed: int, n_other: int):
        return runs_with_checkins([(facts_blamed, 6)] * n_blamed + [(facts_other, 2)] * n_other)

    return build


def paired_factor(first_km: float, blamed_km: float, other_km: float, gap_days: int):
    """Pairs 40 days apart: a first run (no base), then after `gap_days` the compared run,
    checked in on the next day. All of them are of a length (within 20 % of 10 km). The log
    starts 40 days before the first pair (so every spike check has 30 days of log)."""

    def build(n_blamed: int, n_other: int):
        runs, checkins = [run(DAY0 - timedelta(days=40), km=first_km)], []
        for i, km in enumerate([blamed_km] * n_blamed + [other_km] * n_other):
            first = run(DAY0 + timedelta(days=40 * i), km=first_km)
            second = run(first.day + timedelta(days=gap_days), km=km)
            runs += [first, second]
            checkins.append(next_day(second, 6 if km == blamed_km else 2))
        return runs, checkins

    return build


BUILDERS = {
    "warm_up": simple_factor({"warm_up_done": False}, {"warm_up_done": True}),
    "hills": simple_factor({"terrain": "downhill"}, {"terrain": "flat"}),
    "cold": simple_factor({"temperature_c": 0}, {"temperature_c": 15}),
    "fluids": simple_factor({"fluids": "little"}, {"fluids": "plenty"}),
    "week_up": paired_factor(10, blamed_km=12, other_km=10, gap_days=7),
    "spike": paired_factor(10, blamed_km=12, other_km=10, gap_days=2),
}


@pytest.mark.parametrize("slug", list(BUILDERS))
@pytest.mark.parametrize(("n_blamed", "n_other"), [(4, 5), (5, 4), (4, 4)])
def test_fewer_than_5_runs_on_a_side_is_not_enough(slug, n_blamed, n_other):
    runs, checkins = BUILDERS[slug](n_blamed, n_other)
    insight = by_slug(insights.insights(runs, checkins))[slug]
    assert (insight.blamed_runs, insight.other_runs) == (n_blamed, n_other)
    assert not insight.enough
    assert insight.text.startswith("Not enough data yet")
    assert "at least 1 more run " in insight.text
    assert insight.linked_causes == ()


@pytest.mark.parametrize("slug", list(BUILDERS))
def test_5_runs_on_each_side_show_the_comparison(slug):
    runs, checkins = BUILDERS[slug](5, 5)
    insight = by_slug(insights.insights(runs, checkins))[slug]
    assert (insight.blamed_runs, insight.other_runs, insight.groups) == (5, 5, 1)
    assert insight.enough
    assert insight.difference == pytest.approx(4)
    assert insight.text.startswith("In your runs of similar length and effort")
    assert "4.0 points higher" in insight.text
    assert "caus" not in insight.text
    assert insight.linked_causes == FACTORS[[f.slug for f in FACTORS].index(slug)].causes


def test_insights_on_5000_runs_are_fast():
    runs, checkins = [], []
    for n in range(5000):
        a_run = run(
            date(2012, 1, 2) + timedelta(days=n),
            km=5 if n % 40 < 32 else n % 40 - 26,  # 31 days of 5 km, then 6, 7 .. 13 km
            rpe=n % 11,
            warm_up_done=n % 3 == 0,
            terrain=["flat", "hilly", "rolling"][n % 3],
            temperature_c=n % 30 - 5,
            fluids=["little", "some", "plenty"][n % 3],
        )
        runs.append(a_run)
        if n % 2:
            checkins.append(next_day(a_run, n % 10))
    results = insights.insights(runs, checkins)
    assert all(i.enough for i in results)

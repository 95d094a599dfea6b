"""What a runner's own log says about causes: comparisons on hand-made logs. No database."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from runlog import insights
from runlog.insights import FACTORS, factor_sides, soreness_after
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


def test_warm_up_sides():
    runs = [run(DAY0, warm_up_done=v) for v in (True, False, None)]
    assert factor_sides("warm_up", runs) == [True, False, None]


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
        run(DAY0, km=10),  # nothing in the 30 days before: neither side
        run(DAY0 + timedelta(days=2), km=11),  # exactly 10 %: not a spike
        run(DAY0 + timedelta(days=4), km=12.5),  # a spike
    ]
    assert factor_sides("spike", runs) == [None, False, True]


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


# ----------------------------------------------------------------- the comparison


def runs_with_checkins(sides: list[tuple[dict, int]]) -> tuple[list, list]:
    """One run every 5 days with the given facts, each checked in on the next day."""
    runs, checkins = [], []
    for i, (facts, soreness) in enumerate(sides):
        a_run = run(DAY0 + timedelta(days=5 * i), **facts)
        runs.append(a_run)
        checkins.append(next_day(a_run, soreness))
    return runs, checkins


def test_a_warm_up_insight_with_3_runs_on_each_side():
    runs, checkins = runs_with_checkins(
        [({"warm_up_done": True}, s) for s in (1, 2, 3)]
        + [({"warm_up_done": False}, s) for s in (4, 4, 5)]
        + [({"warm_up_done": None}, 9)]  # not said: on neither side
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert insight.enough
    assert (insight.a_runs, insight.b_runs) == (3, 3)
    assert insight.a_soreness == pytest.approx(2)
    assert insight.b_soreness == pytest.approx(13 / 3)
    assert insight.text == (
        "In your 3 runs with a warm-up, soreness at your next check-in averaged 2.0/10; in "
        "your 3 runs without a warm-up, 4.3/10."
    )
    assert (insight.causes, insight.strategies) == (("cold",), ("warm_up_cool_down",))
    assert "not proof of a cause" in insight.caveat


def test_a_run_without_a_check_in_within_72_hours_does_not_count():
    runs, checkins = runs_with_checkins([({"warm_up_done": True}, 2)] * 3)
    runs.append(run(DAY0 + timedelta(days=40), warm_up_done=False))  # no check-in after it
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert (insight.a_runs, insight.b_runs) == (3, 0)


def test_two_runs_on_a_side_are_not_enough_and_it_says_what_to_log():
    runs, checkins = runs_with_checkins(
        [({"warm_up_done": True}, 2)] * 2 + [({"warm_up_done": False}, 5)] * 3
    )
    insight = by_slug(insights.insights(runs, checkins))["warm_up"]
    assert not insight.enough
    assert (insight.a_runs, insight.b_runs) == (2, 3)
    assert (insight.a_soreness, insight.b_soreness) == (None, None)
    assert insight.text == (
        "Not enough data yet: so far 2 runs with a warm-up and 3 runs without a warm-up have a "
        "check-in within 3 days after them, and each side needs 3. Log whether you warmed up "
        "with each run and check in within 3 days after it: it needs 1 more run with a "
        "warm-up."
    )


def test_an_empty_log_has_every_insight_waiting_for_data():
    results = insights.insights([], [])
    assert [i.slug for i in results] == [f.slug for f in FACTORS]
    assert not any(i.enough for i in results)
    cold = by_slug(results)["cold"]
    assert cold.text == (
        "Not enough data yet: so far 0 runs in the cold (below 5 °C) and 0 runs in mild weather "
        "(5-20 °C) have a check-in within 3 days after them, and each side needs 3. Log the "
        "temperature with each run and check in within 3 days after it: it needs 3 more runs "
        "in the cold (below 5 °C) and 3 more runs in mild weather (5-20 °C)."
    )


def test_a_single_run_log():
    a_run = run(DAY0, warm_up_done=True, terrain="flat", temperature_c=2, fluids="plenty")
    results = by_slug(insights.insights([a_run], [next_day(a_run, 3)]))
    assert (results["warm_up"].a_runs, results["hills"].b_runs) == (1, 1)
    assert (results["cold"].a_runs, results["fluids"].b_runs) == (1, 1)
    assert (results["spike"].a_runs, results["spike"].b_runs) == (0, 0)
    assert not any(i.enough for i in results.values())


def test_factors_the_runner_does_not_choose_say_they_fill_in_with_time():
    insight = by_slug(insights.insights([], []))["spike"]
    assert "This fills in as you log your runs and check in within 3 days after each" in (
        insight.text
    )


# Each factor at the threshold: 2 runs on a side is not enough, 3 is.


def simple_factor(facts_a: dict, facts_b: dict):
    def build(n_a: int, n_b: int):
        return runs_with_checkins([(facts_a, 6)] * n_a + [(facts_b, 2)] * n_b)

    return build


def paired_factor(first_km: float, a_km: float, b_km: float, gap_days: int):
    """Pairs 40 days apart: a first run (no base), then after `gap_days` the compared run,
    checked in on the next day."""

    def build(n_a: int, n_b: int):
        runs, checkins = [], []
        for i, km in enumerate([a_km] * n_a + [b_km] * n_b):
            first = run(DAY0 + timedelta(days=40 * i), km=first_km)
            second = run(first.day + timedelta(days=gap_days), km=km)
            runs += [first, second]
            checkins.append(next_day(second, 6 if km == a_km else 2))
        return runs, checkins

    return build


BUILDERS = {
    "warm_up": simple_factor({"warm_up_done": True}, {"warm_up_done": False}),
    "hills": simple_factor({"terrain": "downhill"}, {"terrain": "flat"}),
    "cold": simple_factor({"temperature_c": 0}, {"temperature_c": 15}),
    "fluids": simple_factor({"fluids": "little"}, {"fluids": "plenty"}),
    "week_up": paired_factor(10, a_km=12, b_km=10, gap_days=7),
    "spike": paired_factor(10, a_km=12, b_km=10, gap_days=2),
}


@pytest.mark.parametrize("slug", list(BUILDERS))
@pytest.mark.parametrize(("n_a", "n_b"), [(2, 3), (3, 2), (2, 2)])
def test_fewer_than_3_runs_on_a_side_is_not_enough(slug, n_a, n_b):
    runs, checkins = BUILDERS[slug](n_a, n_b)
    insight = by_slug(insights.insights(runs, checkins))[slug]
    assert (insight.a_runs, insight.b_runs) == (n_a, n_b)
    assert not insight.enough
    assert insight.text.startswith("Not enough data yet")
    assert "1 more run " in insight.text


@pytest.mark.parametrize("slug", list(BUILDERS))
def test_3_runs_on_each_side_show_the_insight(slug):
    runs, checkins = BUILDERS[slug](3, 3)
    insight = by_slug(insights.insights(runs, checkins))[slug]
    assert (insight.a_runs, insight.b_runs) == (3, 3)
    assert insight.enough
    assert (insight.a_soreness, insight.b_soreness) == (6, 2)
    assert insight.text.startswith("In your 3 runs ")
    assert "6.0/10" in insight.text and "2.0/10" in insight.text
    assert "caus" not in insight.text  # the numbers, never a claim of cause


def test_insights_on_5000_runs_are_fast():

    runs, checkins = [], []
    for n in range(5000):
        a_run = run(
            date(2012, 1, 2) + timedelta(days=n),
            km=5 if n % 40 < 32 else n % 40 - 26,  # 31 days of 5 km, then 6, 7 .. 13 km
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

"""Training metrics from a plain log, on hand-computed numbers. No database.

Dates: 2 March 2026 is a Monday. In Europe/London the clocks go forward on Sunday
29 March 2026 and back on Sunday 25 October 2026.
"""

import math
from datetime import UTC, date, datetime, time, timedelta

import pytest

from runlog import load, problems
from runlog.load import CheckIn, Region, RunFacts

MON = date(2026, 3, 2)


def run(day: date, km: float = 10, minutes: float = 60, rpe: int | None = 5, hour=8, **facts):
    start = datetime.combine(day, time(hour), tzinfo=UTC)
    return RunFacts(
        day=day,
        start=start,
        distance_m=round(km * 1000),
        duration_s=round(minutes * 60),
        rpe=rpe,
        **facts,
    )


def loaded(day: date, load_au: float) -> RunFacts:
    """A run whose session load is `load_au` (RPE 1 x that many minutes)."""
    return run(day, minutes=load_au, rpe=1)


def checkin(day: date, soreness: int, *regions: Region, hour=20, **facts) -> CheckIn:
    recorded = datetime.combine(day, time(hour), tzinfo=UTC)
    return CheckIn(day=day, recorded_at=recorded, soreness=soreness, regions=regions, **facts)


def days_before(today: date, n: int) -> date:
    return today - timedelta(days=n)


# ----------------------------------------------------------------- session and daily load


def test_session_load_is_rpe_times_minutes():
    assert load.session_load(run(MON, minutes=45, rpe=5)) == 225
    assert run(MON, minutes=30, rpe=0).load == 0  # an easy walk-jog is known and zero


def test_a_run_without_rpe_has_unknown_load_not_zero():
    assert load.session_load(run(MON, rpe=None)) is None


def test_daily_load_sums_each_day_and_rest_days_are_zero():
    runs = [
        run(MON, minutes=60, rpe=5),  # 300
        run(MON, minutes=30, rpe=4, hour=18),  # 120
        run(MON + timedelta(days=2), minutes=40, rpe=6),  # 240
        run(MON + timedelta(days=10), minutes=40, rpe=6),  # outside
    ]
    series = load.daily_load(runs, MON, MON + timedelta(days=3))
    assert series.loads == (420, 0, 240, 0)
    assert series.days == [MON + timedelta(days=i) for i in range(4)]
    assert series.on(MON + timedelta(days=2)) == 240
    assert series.total == 660
    assert series.runs_without_rpe == 0


def test_daily_load_counts_runs_without_rpe_instead_of_adding_zero():
    series = load.daily_load([run(MON, rpe=None), run(MON, rpe=2, hour=9)], MON, MON)
    assert series.loads == (120,)
    assert series.runs_without_rpe == 1


def test_daily_load_of_an_empty_log_is_all_rest_days():
    series = load.daily_load([], MON, MON + timedelta(days=6))
    assert series.loads == (0,) * 7
    assert series.runs_without_rpe == 0


def test_local_days_across_the_spring_forward_change():
    # Saturday 28 March 23:30 UTC is 23:30 GMT: Saturday. Sunday 29 March 23:30 UTC is 00:30 BST
    # on Monday 30 March: Monday's run, although the UTC date is Sunday.
    saturday = RunFacts.local(
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "Europe/London", distance_m=5000,
        duration_s=1800, rpe=4,
    )  # fmt: skip
    monday = RunFacts.local(
        datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "Europe/London", distance_m=5000,
        duration_s=1800, rpe=6,
    )  # fmt: skip
    assert saturday.day == date(2026, 3, 28)
    assert monday.day == date(2026, 3, 30)
    series = load.daily_load([saturday, monday], date(2026, 3, 28), date(2026, 3, 30))
    assert series.loads == (120, 0, 180)  # the 23-hour Sunday is a rest day


# ----------------------------------------------------------------- ACWR

TODAY = date(2026, 3, 29)  # a Sunday: the window is 2 March .. 29 March


def three_runs_a_week(today: date, acute_rpe: int = 6) -> list[RunFacts]:
    """Chronic: Mon/Wed/Fri of 3 weeks at RPE 5 x 60 min (300 each, 2,700 in 21 days).
    Acute: Mon/Wed/Fri of the last 7 days at `acute_rpe` x 60 min."""
    start = days_before(today, 27)
    runs = []
    for week in range(4):
        for offset in (0, 2, 4):
            rpe = acute_rpe if week == 3 else 5
            runs.append(run(start + timedelta(days=7 * week + offset), rpe=rpe))
    return runs


def test_acwr_is_the_last_7_days_mean_over_the_21_days_before():
    result = load.acwr(three_runs_a_week(TODAY), TODAY)
    # acute 3 x 360 / 7 = 154.29; chronic 9 x 300 / 21 = 128.57; ratio 1080 x 3 / 2700 = 1.2
    assert result.acute == pytest.approx(1080 / 7)
    assert result.chronic == pytest.approx(2700 / 21)
    assert result.ratio == 1.2
    assert result.hidden is None
    assert result.message == (
        "Your last 7 days averaged a load of 154 a day, against 129 a day in the 21 days "
        "before: a ratio of 1.20."
    )
    assert "Frandsen" in result.caveat and "not linked to overuse injuries" in result.caveat
    assert "context, not a risk score" in result.caveat


def test_acwr_is_uncoupled_the_acute_week_is_not_in_the_chronic_mean():
    result = load.acwr(daily(TODAY, chronic=100, acute=200), TODAY)
    assert result.chronic == pytest.approx(100)  # coupled, it would be 125
    assert result.ratio == 2.0


def test_acwr_hidden_when_the_21_days_before_hold_no_rated_load():
    easy = [run(days_before(TODAY, n), rpe=0) for n in range(27, 6, -3)]  # RPE 0: load 0
    result = load.acwr([*easy, loaded(TODAY, 500)], TODAY)
    assert (result.ratio, result.hidden) == (None, "no_chronic_load")
    assert result.acute == pytest.approx(500 / 7)


BAND_WORDS = ("steady", "climbing", "jump", "less than usual", "sweet spot", "danger", "safe")


@pytest.mark.parametrize("acute", [0, 50, 79.6, 100, 130.6, 150.6, 300])
def test_acwr_is_context_only_without_band_words(acute):
    # Weekly ratios were not linked to injury in runners (Frandsen et al. 2025): the ratio
    # is given as a number and a caveat, with no verdict in words whatever its value.
    result = load.acwr(daily(TODAY, 100, acute), TODAY)
    assert result.ratio is not None
    said = f"{result.message} {result.caveat}".lower()
    assert not [word for word in BAND_WORDS if word in said]
    assert not hasattr(result, "band") and not hasattr(result, "words")
    assert not hasattr(load, "acwr_band") and not hasattr(load, "ACWR_BANDS")


def daily(today: date, chronic: float, acute: float) -> list[RunFacts]:
    """A run every day: `chronic` load for 21 days, then `acute` for the last 7."""
    return [loaded(days_before(today, n), chronic if n >= 7 else acute) for n in range(27, -1, -1)]


@pytest.mark.parametrize(
    ("acute", "ratio"),
    [(79.6, 0.8), (79.4, 0.79), (130.4, 1.3), (130.6, 1.31), (150.4, 1.5), (150.6, 1.51)],
)
def test_acwr_is_rounded_to_2_decimals_as_shown(acute, ratio):
    result = load.acwr(daily(TODAY, 100, acute), TODAY)
    assert result.ratio == ratio
    assert result.message.endswith(f"a ratio of {ratio:.2f}.")


def test_acwr_hidden_with_no_runs():
    result = load.acwr([], TODAY)
    assert (result.ratio, result.hidden) == (None, "no_runs")
    assert "4 weeks" in result.message


def test_acwr_shows_with_exactly_28_days_of_log():
    # The log starts on the first day of the window (27 days before today).
    assert load.acwr(daily(TODAY, 100, 100), TODAY).ratio == 1.0


def test_acwr_hidden_until_28_days_of_log():
    runs = daily(TODAY, 100, 100)[1:]  # first run 26 days before today: 27 days of log
    result = load.acwr(runs, TODAY)
    assert (result.ratio, result.hidden) == (None, "too_little_log")
    assert result.shows_from == TODAY + timedelta(days=1)
    assert "starts on 3 March 2026" in result.message
    assert "shows from 30 March 2026" in result.message


def test_acwr_single_run_log():
    result = load.acwr([run(TODAY)], TODAY)
    assert result.hidden == "too_little_log"
    assert result.shows_from == TODAY + timedelta(days=27)


def with_gap(today: date, last_before: int, first_back: int) -> list[RunFacts]:
    """A run every day from 60 days before today to `last_before` days before, none until
    `first_back` days before, then every day up to today."""
    return [
        loaded(days_before(today, n), 100)
        for n in range(60, -1, -1)
        if n >= last_before or n <= first_back
    ]


def test_acwr_shows_after_13_run_free_days():
    runs = with_gap(TODAY, last_before=40, first_back=26)  # 39 .. 27 days before: 13 days
    result = load.acwr(runs, TODAY)
    assert result.hidden is None
    # chronic: runs on 20 of the 21 days (26 .. 7 days before): 2000 / 21; acute 100
    assert result.ratio == 1.05


def test_acwr_hidden_for_28_days_after_a_break_of_14_days():
    runs = with_gap(TODAY, last_before=40, first_back=25)  # 39 .. 26 days before: 14 days
    result = load.acwr(runs, TODAY)
    assert (result.ratio, result.hidden) == (None, "after_a_break")
    first_back = days_before(TODAY, 25)
    assert result.shows_from == first_back + timedelta(days=27) == TODAY + timedelta(days=2)
    assert "break of 14 days" in result.message


def test_acwr_returns_28_days_after_the_first_run_back():
    runs = with_gap(TODAY, last_before=40, first_back=25)
    later = TODAY + timedelta(days=2)
    runs += [loaded(TODAY + timedelta(days=n), 100) for n in (1, 2)]
    assert load.acwr(runs, later - timedelta(days=1)).hidden == "after_a_break"
    assert load.acwr(runs, later).ratio == 1.0


def test_acwr_hidden_during_a_break_of_14_days():
    runs = daily(TODAY - timedelta(days=14), 100, 100)  # last run 14 days ago
    result = load.acwr(runs, TODAY)
    assert (result.hidden, result.shows_from) == ("on_a_break", None)
    assert "No runs for 14 days" in result.message


def test_acwr_still_shows_13_days_into_a_pause():
    runs = daily(TODAY - timedelta(days=13), 100, 100)  # 40 .. 13 days before today
    result = load.acwr(runs, TODAY)
    assert result.hidden is None
    assert result.chronic == pytest.approx(1500 / 21)
    assert result.ratio == 0.0


def test_a_run_without_rpe_ends_a_break_but_adds_no_load():
    runs = with_gap(TODAY, last_before=40, first_back=25)  # a 14-day break ...
    runs.append(run(days_before(TODAY, 33), rpe=None))  # ... split in two by an unrated run
    result = load.acwr(runs, TODAY)
    assert result.hidden is None
    assert result.runs_without_rpe == 0  # 33 days before is outside the 28-day window


def test_acwr_counts_runs_without_rpe_in_its_window():
    runs = daily(TODAY, 100, 100) + [run(TODAY, rpe=None, hour=18)]
    result = load.acwr(runs, TODAY)
    assert result.ratio == 1.0
    assert result.runs_without_rpe == 1
    assert "1 run without an effort score (RPE) left out" in result.message


def test_acwr_ignores_runs_after_today():
    runs = daily(TODAY, 100, 100) + [loaded(TODAY + timedelta(days=1), 10_000)]
    assert load.acwr(runs, TODAY).ratio == 1.0


# ----------------------------------------------------------------- monotony and strain


def test_monotony_uses_the_population_sd_over_7_days_with_rest_days():
    runs = [loaded(MON + timedelta(days=d), 300) for d in (0, 2, 4)]  # 300, 0, 300, 0, 300, 0, 0
    result = load.weekly_monotony(runs, MON + timedelta(days=6))
    # mean 900/7; population variance 270000/7 - (900/7)^2 = 1080000/49; sd = 600 sqrt(3) / 7
    assert result.week_load == 900
    assert result.mean == pytest.approx(900 / 7)
    assert result.sd == pytest.approx(600 * math.sqrt(3) / 7)
    assert result.monotony == pytest.approx(math.sqrt(3) / 2)  # sample SD would give 0.80
    assert result.strain == pytest.approx(900 * math.sqrt(3) / 2)
    assert (result.first_day, result.last_day) == (MON, MON + timedelta(days=6))


def test_monotony_is_none_when_every_day_is_alike():
    runs = [loaded(MON + timedelta(days=d), 100) for d in range(7)]
    result = load.weekly_monotony(runs, MON + timedelta(days=6))
    assert result.sd == 0
    assert (result.monotony, result.strain) == (None, None)
    assert result.week_load == 700


def test_monotony_of_an_empty_week_is_none():
    result = load.weekly_monotony([], MON)
    assert (result.week_load, result.monotony, result.strain) == (0, None, None)


def test_monotony_of_a_single_run_week():
    result = load.weekly_monotony([loaded(MON, 700)], MON + timedelta(days=6))
    # mean 100, population sd sqrt((600^2 + 6 x 100^2) / 7) = sqrt(60000) = 244.95
    assert result.monotony == pytest.approx(100 / math.sqrt(60000))
    assert result.strain == pytest.approx(700 * 100 / math.sqrt(60000))


def test_monotony_reports_runs_without_rpe():
    runs = [loaded(MON, 300), run(MON + timedelta(days=1), rpe=None)]
    assert load.weekly_monotony(runs, MON + timedelta(days=6)).runs_without_rpe == 1


# ----------------------------------------------------------------- single-run spikes

LONG_AGO = MON - timedelta(days=60)  # a log that covers the 30 days before every run here


def test_a_run_exactly_10_percent_longer_is_not_a_spike():
    runs = [run(MON, km=10), run(MON + timedelta(days=3), km=11)]
    check = load.spike_checks(runs, log_start=LONG_AGO)[1]
    assert check.kind == "compared"
    assert check.longest_before_m == 10_000
    assert check.percent_longer == pytest.approx(10)
    assert not check.flagged
    assert check.band is None
    assert "Not more than 10 %" in check.message


def test_a_run_just_over_10_percent_longer_is_a_spike():
    runs = [run(MON, km=10), run(MON + timedelta(days=3), km=11.001)]
    check = load.spike_checks(runs, log_start=LONG_AGO)[1]
    assert check.flagged
    assert check.percent_longer == pytest.approx(10.01)
    assert check.message.startswith("just over 10 % longer")


def test_a_spike_says_by_how_much_and_against_what():
    runs = [run(MON, km=10), run(MON + timedelta(days=3), km=12.5)]
    check = load.spike_checks(runs, log_start=LONG_AGO)[1]
    assert check.percent_longer == pytest.approx(25)
    assert check.message == "25 % longer than your longest run in the 30 days before (10 km)."
    assert "hazard ratio 1.64" in check.caveat


@pytest.mark.parametrize(
    ("km", "words", "ratio"),
    [
        (11.001, "10-30 %", "1.64"),
        (13, "10-30 %", "1.64"),  # exactly 30 % longer
        (13.001, "30-100 %", "1.52"),
        (20, "30-100 %", "1.52"),  # exactly 100 % longer
        (20.001, "over 100 %", "2.28"),
        (50, "over 100 %", "2.28"),
    ],
)
def test_each_spike_gives_the_hazard_ratio_of_its_own_band(km, words, ratio):
    runs = [run(MON, km=10), run(MON + timedelta(days=3), km=km)]
    check = load.spike_checks(runs, log_start=LONG_AGO)[1]
    assert check.flagged
    assert check.band.words == words
    assert f"single runs {words} longer" in check.caveat
    assert f"hazard ratio {ratio}" in check.caveat
    others = {"1.64", "1.52", "2.28"} - {ratio}
    assert not [figure for figure in others if figure in check.caveat]
    assert "Frandsen et al., BJSM 2025" in check.caveat


def test_the_bands_and_the_general_caveat_agree():
    assert [(b.words, b.hazard_ratio) for b in load.SPIKE_BANDS] == [
        ("10-30 %", 1.64),
        ("30-100 %", 1.52),
        ("over 100 %", 2.28),
    ]
    for band in load.SPIKE_BANDS:
        assert f"{band.hazard_ratio:.2f} for" in load.SPIKE_CAVEAT
        assert f"{band.words} longer" in load.SPIKE_CAVEAT
    assert load.spike_band(11_000, 10_000) is None
    assert load.spike_band(11_001, 10_000).hazard_ratio == 1.64


def test_a_spike_after_a_35_day_break_is_named_as_such():
    before = [run(MON + timedelta(days=d), km=10) for d in range(0, 40, 3)]  # up to day 39
    back = MON + timedelta(days=39 + 36)  # 35 run-free days in between
    runs = [*before, run(back, km=20), run(back + timedelta(days=2), km=25)]
    checks = load.spike_checks(runs)
    first_back, next_one = checks[-2], checks[-1]
    assert first_back.kind == "after_break"
    assert first_back.break_days == 35
    assert not first_back.flagged
    assert (first_back.longest_before_m, first_back.percent_longer) == (None, None)
    assert first_back.message == (
        "Your first run after a break of 35 days: start shorter than before the break and build up."
    )
    assert "10 %" not in first_back.message
    # The run after it is compared with the runs since the break.
    assert (next_one.kind, next_one.longest_before_m, next_one.flagged) == (
        "compared", 20_000, True,
    )  # fmt: skip
    assert next_one.band.words == "10-30 %"


def test_a_break_is_30_run_free_days_or_more():
    def last(gap_days: int):
        runs = [run(MON - timedelta(days=40), km=10), run(MON, km=10)]
        runs.append(run(MON + timedelta(days=gap_days + 1), km=10))
        return load.spike_checks(runs)[-1]

    assert (last(30).kind, last(30).break_days) == ("after_break", 30)
    assert last(29).kind == "compared"  # the run 30 days before is still in the window


def test_a_break_that_began_before_the_runs_read_has_its_length():
    # The dashboard reads a window: the log's first day and the last run before it come apart.
    window = [run(MON, km=8)]
    checks = load.spike_checks(window, log_start=LONG_AGO, run_before=MON - timedelta(days=45))
    assert (checks[0].kind, checks[0].break_days) == ("after_break", 44)
    unknown = load.spike_checks(window, log_start=LONG_AGO)[0]
    assert unknown.message.startswith("Your first run after a break of 30 days or more:")


def test_a_4_day_log_is_too_short_to_compare():
    # Two runs in a 4-day log: never "111 % longer than your longest in the 30 days before".
    runs = [run(MON, km=5), run(MON + timedelta(days=3), km=10.55)]
    checks = load.spike_checks(runs)
    assert [c.kind for c in checks] == ["short_log", "short_log"]
    assert [c.flagged for c in checks] == [False, False]
    assert [c.percent_longer for c in checks] == [None, None]
    assert checks[1].message == (
        "Your log starts on 2 March 2026: too short to compare this run with the 30 days before it."
    )
    assert load.single_run_spikes(runs) == []


def test_a_run_is_compared_once_the_log_covers_its_30_days():
    runs = [run(MON, km=10), run(MON + timedelta(days=29), km=15)]
    assert load.spike_checks(runs)[1].kind == "short_log"
    runs = [run(MON, km=10), run(MON + timedelta(days=30), km=15)]
    check = load.spike_checks(runs)[1]
    assert (check.kind, check.longest_before_m, check.flagged) == ("compared", 10_000, True)


def test_the_log_start_given_by_the_caller_counts():
    runs = [run(MON, km=10), run(MON + timedelta(days=3), km=15)]
    assert load.spike_checks(runs, log_start=MON - timedelta(days=27))[1].kind == "compared"
    assert load.spike_checks(runs, log_start=MON - timedelta(days=26))[1].kind == "short_log"


def test_the_window_reaches_back_30_days_exactly():
    runs = [run(MON, km=20), run(MON + timedelta(days=30), km=21)]
    checks = load.spike_checks(runs)
    assert checks[1].longest_before_m == 20_000
    assert not checks[1].flagged


def test_the_longest_of_the_window_counts_not_the_latest():
    runs = [
        run(MON, km=20),
        run(MON + timedelta(days=10), km=5),
        run(MON + timedelta(days=20), km=21),  # 5 % over the 20 km
        run(MON + timedelta(days=31), km=23),  # the 20 km has left; 21 km is the longest
        run(MON + timedelta(days=52), km=6),  # only the 23 km left: far shorter
        run(MON + timedelta(days=53), km=6.7),  # 23 km still in: not a spike
    ]
    checks = load.spike_checks(runs, log_start=LONG_AGO)
    assert [c.longest_before_m for c in checks] == [None, 20_000, 20_000, 21_000, 23_000, 23_000]
    assert checks[0].kind == "after_break"  # nothing in the 30 days before, in a long log
    assert [c.flagged for c in checks] == [False, False, False, False, False, False]


def test_an_earlier_run_on_the_same_day_counts():
    runs = [run(MON, km=5, hour=7), run(MON, km=8, hour=18)]
    checks = load.spike_checks(runs, log_start=LONG_AGO)
    assert checks[1].flagged
    assert checks[1].percent_longer == pytest.approx(60)


def test_spikes_come_in_order_of_start_whatever_the_input_order():
    runs = [run(MON + timedelta(days=2), km=15), run(MON, km=10)]
    spikes = load.single_run_spikes(runs, log_start=LONG_AGO)
    assert [s.run.distance_m for s in spikes] == [15_000]


def test_spikes_of_an_empty_log():
    assert load.spike_checks([]) == []
    assert load.single_run_spikes([]) == []


# ----------------------------------------------------------------- recent spikes, in one line

TODAY_28 = MON + timedelta(days=60)


def test_no_run_more_than_10_percent_longer_only_when_every_run_was_compared():
    runs = [run(MON + timedelta(days=d), km=10) for d in range(0, 61, 2)]
    recent = load.recent_spikes(load.spike_checks(runs), TODAY_28)
    assert (recent.since, recent.until) == (TODAY_28 - timedelta(days=27), TODAY_28)
    assert len(recent.checks) == 14
    assert recent.checks[0].run.day == TODAY_28  # newest first
    assert recent.text == (
        "No run in the last 28 days was more than 10 % longer than your longest run in the 30 "
        "days before it."
    )


def test_a_short_log_says_how_many_runs_could_not_be_compared_and_why():
    runs = [run(TODAY_28 - timedelta(days=d), km=5 + d) for d in (3, 2, 0)]
    recent = load.recent_spikes(load.spike_checks(runs), TODAY_28)
    assert recent.flagged == ()
    assert len(recent.short_log) == 3
    assert "No run in the last 28 days was" not in recent.text
    assert recent.text == (
        "3 runs in the last 28 days could not be compared. Your log starts on 28 April 2026: "
        "too short to compare these runs with the 30 days before them. Runs are compared from "
        "28 May 2026."
    )


def test_a_partly_compared_month_counts_both():
    runs = [run(TODAY_28 - timedelta(days=d), km=10) for d in (60, 45, 20, 15, 10)]
    runs.append(run(TODAY_28 - timedelta(days=5), km=9))
    recent = load.recent_spikes(load.spike_checks(runs), TODAY_28)
    # The log starts 60 days ago and every run since has a run in its 30 days before.
    assert [c.kind for c in recent.checks] == ["compared"] * 4
    assert recent.text.startswith("No run in the last 28 days was more than 10 % longer")
    # A log from 35 days ago: the run of 25 days ago cannot be compared, the latest can.
    short = [run(TODAY_28 - timedelta(days=d), km=10) for d in (35, 25, 5)]
    recent = load.recent_spikes(load.spike_checks(short), TODAY_28)
    assert [c.kind for c in recent.checks] == ["compared", "short_log"]
    assert recent.text == (
        "1 run in the last 28 days could be compared: it was not more than 10 % longer than "
        "your longest run in the 30 days before it. 1 run in the last 28 days could not be "
        "compared. Your log starts on 27 March 2026: too short to compare this run with the "
        "30 days before it. Runs are compared from 26 April 2026."
    )


def test_a_run_after_a_break_is_counted_in_the_line():
    runs = [run(TODAY_28 - timedelta(days=d), km=10) for d in (80, 70, 60, 10)]
    recent = load.recent_spikes(load.spike_checks(runs), TODAY_28)
    assert [c.kind for c in recent.checks] == ["after_break"]
    assert recent.checks[0].break_days == 49
    assert "No run in the last 28 days was" not in recent.text
    assert recent.text == (
        "1 run in the last 28 days could not be compared: it was your first run after a "
        "break of 30 days or more, with no run in the 30 days before."
    )


def test_recent_spikes_without_runs():
    assert load.recent_spikes([], TODAY_28).text == "No runs in the last 28 days to compare."


# ----------------------------------------------------------------- today's longest


def test_todays_longest_keeps_a_run_within_10_percent_of_the_last_30_days():
    runs = [
        run(TODAY_28 - timedelta(days=31), km=30),  # too old
        run(TODAY_28 - timedelta(days=30), km=10),  # day - 30: in, as for a spike
        run(TODAY_28 - timedelta(days=1), km=8),
        run(TODAY_28 + timedelta(days=1), km=40),  # after today: left out
    ]
    longest = load.todays_longest(runs, TODAY_28)
    assert (longest.longest_m, longest.longest_day, longest.limit_m) == (
        10_000, TODAY_28 - timedelta(days=30), 11_000,
    )  # fmt: skip
    assert longest.text() == (
        "Today's longest: 11.0 km. That keeps a run today within 10 % of your longest in the "
        "last 30 days (10.0 km on 1 April 2026)."
    )
    assert longest.text("mi").startswith("Today's longest: 6.8 mi.")  # 6.835 mi, rounded down
    # The limit is the longest run today that is not a spike.
    for metres, flagged in ((11_000, False), (11_001, True)):
        today_run = RunFacts(day=TODAY_28, start=datetime.combine(TODAY_28, time(9), tzinfo=UTC),
                             distance_m=metres, duration_s=3600)  # fmt: skip
        check = load.spike_checks([*runs[:3], today_run], log_start=LONG_AGO)[-1]
        assert check.flagged is flagged


def test_todays_longest_is_rounded_down_never_over_the_limit():
    longest = load.todays_longest([run(TODAY_28, km=10.05)], TODAY_28)
    assert longest.limit_m == 11_055
    assert longest.text().startswith("Today's longest: 11.0 km.")


def test_todays_longest_without_a_run_in_the_last_30_days():
    for runs in ([], [run(TODAY_28 - timedelta(days=31), km=10)]):
        longest = load.todays_longest(runs, TODAY_28)
        assert (longest.longest_m, longest.limit_m) == (None, None)
        assert longest.text() == (
            "No run in the last 30 days: start shorter than your usual and build up."
        )


# ----------------------------------------------------------------- weekly distance, soreness

WED = MON + timedelta(days=2)  # today in these tests: Wednesday 4 March 2026


def test_a_week_is_7_days_ending_today_not_a_calendar_week():
    # Today is a Wednesday: this week is Thursday 26 February to today, not Monday to Sunday.
    starts = load.week_starts(WED, 12)
    assert starts[-1] == date(2026, 2, 26)
    assert starts[0] == date(2025, 12, 11)
    assert all((b - a).days == 7 for a, b in zip(starts, starts[1:], strict=False))
    weeks = load.weekly_totals([], [], WED)
    assert [w.first_day for w in weeks] == starts
    assert weeks[-1].last_day == WED


def test_this_week_is_the_same_in_the_headline_the_charts_and_the_load():
    # A run on the Friday before today (in the 7 days, though last calendar week) counts in
    # the headline, the last chart week, the acute week and monotony alike.
    runs = [run(date(2026, 2, 27), km=9), run(MON, km=6), run(date(2026, 2, 25), km=50)]
    headline = load.this_week_vs_usual(runs, WED)
    chart_week = load.weekly_totals(runs, [], WED)[-1]
    monotony = load.weekly_monotony(runs, WED)
    assert headline.this_week_m == chart_week.distance_m == 15_000
    assert (monotony.first_day, monotony.last_day) == (chart_week.first_day, chart_week.last_day)
    assert load.hooper_weekly([], WED)[-1].first_day == chart_week.first_day
    assert load.sore_regions([], WED, weeks=1).since == chart_week.first_day


def test_twelve_weeks_oldest_first_ending_with_this_week():
    weeks = load.weekly_totals([], [], WED)
    assert len(weeks) == 12
    assert weeks[0].first_day == date(2025, 12, 11)
    assert weeks[-1].first_day == date(2026, 2, 26)
    assert all((w.distance_m, w.soreness, w.checkins, w.runs) == (0, None, 0, 0) for w in weeks)


def test_weekly_distance_and_soreness_with_gap_weeks():
    runs = [
        run(MON, km=8),
        run(WED, km=12, rpe=None),
        run(date(2026, 2, 25), km=10),  # the day before this week: the week before
        run(date(2026, 2, 9), km=5),  # three weeks ago; the two weeks between are empty
        run(date(2025, 12, 10), km=50),  # the day before the 12 weeks: left out
        run(WED + timedelta(days=1), km=99),  # tomorrow: left out
    ]
    checkins = [checkin(MON, 2), checkin(WED, 5), checkin(date(2026, 2, 10), 7)]
    weeks = load.weekly_totals(runs, checkins, WED)
    this, last, two_ago, three_ago, four_ago = weeks[-1], weeks[-2], weeks[-3], weeks[-4], weeks[-5]
    assert (this.distance_m, this.km, this.runs, this.soreness, this.checkins) == (
        20_000, 20, 2, 3.5, 2,
    )  # fmt: skip
    assert (this.load, this.runs_without_rpe) == (300, 1)
    assert (last.first_day, last.last_day, last.km, last.soreness) == (
        date(2026, 2, 19), date(2026, 2, 25), 10, None,
    )  # fmt: skip
    assert (two_ago.km, two_ago.soreness, two_ago.checkins) == (0, None, 0)  # a gap week
    assert (three_ago.first_day, three_ago.km, three_ago.soreness) == (date(2026, 2, 5), 5, 7)
    assert (four_ago.km, four_ago.soreness) == (0, None)
    assert sum(w.distance_m for w in weeks) == 35_000


def test_a_late_run_in_summer_time_is_in_the_week_of_its_local_day():
    # Sunday 29 March 2026 23:30 UTC is Monday 30 March 00:30 BST. Today, Sunday 5 April:
    # the weeks are 23-29 March and 30 March - 5 April.
    late = RunFacts.local(
        datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "Europe/London", distance_m=7000,
        duration_s=2400,
    )  # fmt: skip
    weeks = load.weekly_totals([late], [], date(2026, 4, 5), weeks=2)
    assert [(w.first_day, w.km) for w in weeks] == [
        (date(2026, 3, 23), 0), (date(2026, 3, 30), 7),
    ]  # fmt: skip


# ----------------------------------------------------------------- Hooper


def test_soreness_maps_openly_onto_the_hooper_scale():
    assert [load.hooper_soreness(s) for s in (0, 5, 10)] == [1, 4, 7]
    assert load.hooper_soreness(1) == pytest.approx(1.6)


def test_hooper_index_of_one_check_in():
    full = checkin(MON, 5, sleep_quality=2, fatigue=4, stress=3)
    assert load.hooper_index(full) == 2 + 4 + 3 + 4
    assert load.hooper_index(checkin(MON, 5, sleep_quality=2, stress=3)) is None


def test_hooper_week_means_each_item_and_sums_the_means():
    checkins = [
        checkin(MON, 5, sleep_quality=2, fatigue=4, stress=3),
        checkin(WED, 0, sleep_quality=4, stress=1),  # no fatigue given
    ]
    week = load.hooper_weekly(checkins, WED)[-1]
    assert (week.sleep, week.fatigue, week.stress) == (3, 4, 2)
    assert week.soreness == pytest.approx(2.5)  # (4 + 1) / 2
    assert week.total == pytest.approx(11.5)
    assert week.checkins == 2
    assert "1 + 0.6 x soreness" in week.caveat


def test_hooper_total_is_none_when_an_item_is_missing_all_week():
    week = load.hooper_weekly([checkin(MON, 3, sleep_quality=2, stress=3)], WED)[-1]
    assert (week.sleep, week.fatigue, week.stress) == (2, None, 3)
    assert week.soreness == pytest.approx(2.8)
    assert week.total is None


def test_hooper_weeks_without_check_ins_are_empty():
    weeks = load.hooper_weekly([checkin(date(2026, 2, 16), 0)], WED)
    assert len(weeks) == 12
    assert weeks[-3].soreness == 1
    assert weeks[-3].sleep is None
    empty = weeks[-1]
    assert (empty.sleep, empty.fatigue, empty.stress, empty.soreness, empty.total) == (None,) * 5


# ----------------------------------------------------------------- sore regions


def calf(side="left", soreness=None):
    return Region("calves", side, soreness)


def test_sore_regions_count_check_ins_by_region_and_side_over_8_weeks():
    since = date(2026, 1, 8)  # the first day of the 8 weeks of 7 days ending today
    checkins = [
        checkin(MON, 4, calf(soreness=6), Region("knees")),
        checkin(WED, 2, calf(soreness=3), Region("knees", soreness=2)),
        checkin(date(2026, 2, 20), 5, calf(), calf("right", 5), Region("knees")),
        checkin(since, 1),
        checkin(since - timedelta(days=1), 9, Region("feet")),  # too old
    ]
    result = load.sore_regions(checkins, WED)
    assert (result.since, result.until, result.checkins) == (since, WED, 4)
    assert [(r.label, r.value, r.checkins, r.worst) for r in result.regions] == [
        ("Knee", "knees", 3, 2),  # ties: top of the body first
        ("Left calf", "left-calves", 3, 6),
        ("Right calf", "right-calves", 1, 5),
    ]


def test_sore_regions_of_an_empty_log():
    result = load.sore_regions([], WED)
    assert (result.checkins, result.regions) == (0, ())


def test_region_labels_match_the_models_choices():
    from runlog.choices import Location, Side

    assert dict(Location.choices) == load.REGION_LABELS
    assert set(load.SIDE_LABELS) == set(Side.values)


# ----------------------------------------------------------------- this week vs usual

SUNDAY = date(2026, 3, 29)  # this week: 23 .. 29 March; usual: 23 February .. 22 March


def usual_weeks(km_a_week: float, today: date = SUNDAY) -> list[RunFacts]:
    """One run a week on 23 February, 2, 9 and 16 March: the log covers the 4 usual weeks."""
    return [run(days_before(today, 7 * w + 13), km=km_a_week) for w in range(4)]


def test_this_week_about_the_same_as_usual():
    line = load.this_week_vs_usual([*usual_weeks(30), run(SUNDAY, km=32)], SUNDAY)
    assert line.text == "This week: 32 km, about the same as your usual 30 km a week."
    assert (line.this_week_m, line.usual_week_m) == (32_000, 30_000)
    assert line.ratio == pytest.approx(32 / 30)


@pytest.mark.parametrize(
    ("km", "text"),
    [
        (33, "This week: 33 km, about the same as your usual 30 km a week."),  # 10 % exactly
        (27, "This week: 27 km, about the same as your usual 30 km a week."),
        (45, "This week: 45 km, 50 % more than your usual 30 km a week."),
        (15, "This week: 15 km, 50 % less than your usual 30 km a week."),
        (6.5, "This week: 6.5 km, 78 % less than your usual 30 km a week."),
    ],
)
def test_this_week_more_or_less_than_usual(km, text):
    line = load.this_week_vs_usual([*usual_weeks(30), run(SUNDAY, km=km)], SUNDAY)
    assert line.text == text


def test_this_week_with_no_runs_yet():
    line = load.this_week_vs_usual(usual_weeks(30), SUNDAY)
    assert line.text == "This week: no runs so far. Your usual is 30 km a week."


def test_this_week_in_miles():
    runs = [*usual_weeks(16.09344), run(SUNDAY, km=32.18688)]
    line = load.this_week_vs_usual(runs, SUNDAY, unit="mi")
    assert line.text == "This week: 20 mi, 100 % more than your usual 10 mi a week."


def test_this_week_needs_5_weeks_of_log_to_compare():
    runs = [run(days_before(SUNDAY, 33), km=10), run(SUNDAY, km=8)]
    line = load.this_week_vs_usual(runs, SUNDAY)
    assert line.usual_week_m is None
    assert line.text == (
        "This week: 8 km. Too little history to compare yet: your usual week shows once your "
        "log covers 5 weeks, from 30 March 2026."
    )
    assert load.this_week_vs_usual(runs, SUNDAY + timedelta(days=1)).usual_week_m == 2500


def test_this_week_after_four_empty_weeks():
    runs = [run(days_before(SUNDAY, 40), km=10), run(SUNDAY, km=10)]
    line = load.this_week_vs_usual(runs, SUNDAY)
    assert line.text == "This week: 10 km. You ran nothing in the 4 weeks before."


def test_this_week_of_an_empty_log():
    line = load.this_week_vs_usual([], SUNDAY)
    assert line.text == "No runs logged yet: log your first run to start."
    assert line.this_week_m == 0


# ----------------------------------------------------------------- not easing
# Soreness followed over time is runlog/problems.py's (tests/test_problems.py).


# ----------------------------------------------------------------- speed


def test_5000_runs_take_well_under_a_second():
    first = date(2012, 1, 2)
    runs = [
        run(first + timedelta(days=n), km=5 + n % 17, minutes=30 + n % 50, rpe=n % 11)
        for n in range(5000)
    ]
    checkins = [
        checkin(first + timedelta(days=n), n % 10, calf(soreness=n % 10)) for n in range(0, 5000, 2)
    ]
    today = runs[-1].day
    # Speed is `make bench`'s to measure; here every metric simply copes with a long log.
    load.acwr(runs, today)
    load.weekly_monotony(runs, today)
    load.spike_checks(runs)
    load.weekly_totals(runs, checkins, today)
    load.hooper_weekly(checkins, today)
    load.sore_regions(checkins, today)
    load.this_week_vs_usual(runs, today)
    load.recent_spikes(load.spike_checks(runs), today)
    load.todays_longest(runs, today)
    assert problems.problems_from(checkins, runs, today=today) is not None

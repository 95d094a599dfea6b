"""Sore spots followed over time, from logs written as data and judged day by day. No database.

Day 1 is Monday 4 May 2026. Runs start at 07:00 and check-ins are at 20:00 (UTC), so a run
on a check-in's day comes before it. `replay` rebuilds the problems as of each day from the
log up to that day and records the notices shown that day: (label, rules) per notice, most
urgent first. Every test asserts the exact state of every day.
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from runlog import problems as p
from runlog.load import CheckIn, Region, RunFacts

DAY1 = date(2026, 5, 4)
QUIET = ()


def day(n: int) -> date:
    return DAY1 + timedelta(days=n - 1)


def run(n: int, run_id: int | None = None, km: float = 10) -> RunFacts:
    start = datetime.combine(day(n), time(7), tzinfo=UTC)
    return RunFacts(day(n), start, round(km * 1000), 3600, rpe=5, run_id=run_id)


def at(n: int) -> datetime:
    return datetime.combine(day(n), time(20), tzinfo=UTC)


def checkin(n: int, overall: int, *regions: Region) -> CheckIn:
    return CheckIn(day=day(n), recorded_at=at(n), soreness=overall, regions=regions)


def spot(region: str, side: str = "", soreness: int | None = None) -> Region:
    return Region(region, side, soreness)


def replay(checkins, runs=(), *, last: int, followups=None) -> dict[int, tuple]:
    """Day n -> the notices shown on day n, from the log up to day n only."""
    states = {}
    for n in range(1, last + 1):
        shown = [c for c in checkins if c.day <= day(n)]
        found = p.problems_from(shown, runs, today=day(n), followups=followups)
        states[n] = tuple(
            (notice.problem.label, notice.rules) for notice in p.notices(found, day(n))
        )
    return states


def expect(*spans) -> dict[int, tuple]:
    """expect((1, 2, QUIET), (3, 21, state)): the same state on each day of each span."""
    return {n: state for first, last, state in spans for n in range(first, last + 1)}


def only(checkins, runs=(), *, today: int, followups=None) -> p.Problem:
    [problem] = p.problems_from(checkins, runs, today=day(today), followups=followups)
    return problem


# ----------------------------------------------------------------- a building bone stress injury

# Four runs a week (Monday, Wednesday, Friday, Sunday) for three weeks.
FOUR_A_WEEK = [
    run(n, run_id=n) for week in (0, 7, 14) for n in (1 + week, 3 + week, 5 + week, 7 + week)
]


def building_shin() -> list[CheckIn]:
    """One shin at 2/10, then 3/10 from day 11: never 4/10, never a 2-point rise. The runner
    skips a check-in every Saturday."""
    return [
        checkin(n, 2, spot("shins", "left", 2 if n <= 10 else 3))
        for n in range(1, 22)
        if n not in (6, 13, 20)
    ]


def test_a_building_bone_stress_injury_under_4_is_noticed_by_day_3_and_never_dropped():
    states = replay(building_shin(), FOUR_A_WEEK, last=21)
    assert states == expect(
        (1, 2, QUIET),
        (3, 5, (("Left shin", (p.BONE_SITE_LASTING,)),)),
        (6, 21, (("Left shin", (p.NOT_EASING, p.BONE_SITE_LASTING)),)),
    )


def test_the_building_shin_notice_says_why_and_what_to_do():
    found = p.problems_from(building_shin(), FOUR_A_WEEK, today=day(9))
    [notice] = p.notices(found, day(9))
    assert notice.reasons == (
        "Your left shin has been sore for 9 days and is not easing.",
        "Pain at a shin, foot or hip that lasts or builds up can be a bone stress injury, even "
        "when it is mild.",
    )
    assert (notice.when, notice.advice, notice.warning_signs) == ("days", p.ADVICE, ())
    [on_day_3] = p.notices(p.problems_from(building_shin(), FOUR_A_WEEK, today=day(3)), day(3))
    assert on_day_3.reasons[0] == "Your left shin has been sore for 3 days."


def test_the_building_shin_is_one_problem_across_all_its_runs():
    problem = only(building_shin(), FOUR_A_WEEK, today=21)
    assert (problem.region, problem.side, problem.label) == ("shins", "left", "Left shin")
    assert (problem.started, problem.last_day, problem.days) == (day(1), day(21), 21)
    assert (problem.worst, problem.latest, problem.trend) == (3, 3, "steady")
    assert not problem.rising and not problem.clearly_easing and not problem.gone
    assert problem.bone_site and problem.one_sided
    # Runs after the first check-in (day 1, 20:00) and before the latest (day 21, 20:00).
    assert problem.run_ids == (3, 5, 7, 8, 10, 12, 14, 15, 17, 19, 21)
    assert problem.runs_between == 11
    assert problem.scores[:2] == ((day(1), 2), (day(2), 2))
    assert len(problem.scores) == 18


# ----------------------------------------------------------------- a check-in without areas


def test_check_ins_without_areas_are_legs_overall_and_noticed_after_day_5():
    states = replay([checkin(n, 3) for n in range(1, 9)], last=8)
    assert states == expect((1, 5, QUIET), (6, 8, (("Legs overall", (p.NOT_EASING,)),)))
    found = p.problems_from([checkin(n, 3) for n in range(1, 9)], [], today=day(6))
    [notice] = p.notices(found, day(6))
    assert notice.reasons == ("Your legs have been sore for 6 days and are not easing.",)
    assert (notice.problem.region, notice.problem.side) == (p.LEGS, "")


def test_a_check_in_without_areas_does_not_end_a_region_problem():
    log = [
        checkin(1, 3, spot("knees", "left")),
        checkin(2, 3),  # no area: legs overall
        checkin(3, 3, spot("knees", "left")),  # names an area: legs overall is gone
    ]
    knee, legs = p.problems_from(log, [], today=day(3))
    assert (knee.label, knee.scores, knee.gone) == ("Left knee", ((day(1), 3), (day(3), 3)), False)
    # Legs overall ends at once when an area is named (a one-sided spot would wait 3 days).
    assert (legs.label, legs.started, legs.gone, legs.ended) == (
        "Legs overall",
        day(2),
        True,
        day(3),
    )


def test_no_soreness_at_all_ends_every_problem():
    log = [checkin(1, 3, spot("knees", "left")), checkin(2, 3), checkin(3, 0)]
    knee, legs = p.problems_from(log, [], today=day(3))
    assert (knee.gone, legs.gone) == (False, True)  # the one-sided knee waits 3 days
    found = p.problems_from(log, [], today=day(5))
    assert [(x.label, x.gone, x.ended) for x in found] == [
        ("Left knee", True, day(3)),
        ("Legs overall", True, day(3)),
    ]


def test_a_named_area_keeps_its_own_score_over_an_overall_0():
    log = [checkin(1, 3, spot("knees", "left")), checkin(2, 0, spot("knees", "left", 2))]
    problem = only(log, today=2)
    assert (problem.scores, problem.gone) == (((day(1), 3), (day(2), 2)), False)


# ----------------------------------------------------------------- pain rising across runs

RISING_KNEE = [
    checkin(n, score, spot("knees"))
    for n, score in [(1, 2), (2, 2), (3, 2), (4, 3), (5, 4), (6, 5)]
]


@pytest.mark.parametrize("runs", [[run(1, 1), run(3, 3), run(5, 5)], []], ids=["runs", "no-runs"])
def test_pain_rising_by_2_after_day_3_is_noticed_whether_or_not_runs_came_between(runs):
    states = replay(RISING_KNEE, runs, last=6)
    assert states == expect(
        (1, 4, QUIET),
        (5, 5, (("Knee", (p.RISING,)),)),
        (6, 6, (("Knee", (p.NOT_EASING, p.RISING)),)),
    )
    problem = only(RISING_KNEE, runs, today=5)
    assert (problem.rising, problem.trend) == (True, "rising")
    assert problem.runs_between == (2 if runs else 0)  # the runs of days 3 and 5
    [notice] = p.notices([problem], day(5))
    assert notice.reasons == ("Your knee is getting worse: 4/10 now, up from 2/10.",)


def test_a_rise_within_the_first_3_days_is_ordinary_soreness():
    # 2 on the evening of the run, 6 at the peak, then easing: no rise, no notice.
    log = [checkin(n, s, spot("quads")) for n, s in [(1, 2), (2, 6), (3, 6), (4, 4), (5, 3)]]
    assert replay(log, last=5) == expect((1, 5, QUIET))
    assert not only(log, today=4).rising


def test_a_rise_on_day_3_is_ordinary_and_one_on_day_4_is_not():
    by_day_3 = [checkin(n, s, spot("knees")) for n, s in [(1, 2), (2, 2), (3, 4)]]
    assert not only(by_day_3, today=3).rising
    on_day_4 = [checkin(n, s, spot("knees")) for n, s in [(1, 2), (2, 2), (3, 2), (4, 4)]]
    assert replay(on_day_4, last=4) == expect((1, 3, QUIET), (4, 4, (("Knee", (p.RISING,)),)))


def test_a_rise_after_easing_counts_from_the_low():
    # Soreness eased to 3 on day 5 and came back to 5 on day 7: rising, from 3.
    log = [checkin(n, s, spot("calves")) for n, s in [(1, 3), (2, 6), (3, 5), (5, 3), (7, 5)]]
    problem = only(log, today=7)
    assert problem.rising
    [notice] = p.notices([problem], day(7))
    assert notice.rules == (p.NOT_EASING, p.RISING)
    assert notice.reasons[0] == "Your calf is getting worse: 5/10 now, up from 3/10."


def test_a_one_point_wobble_is_not_rising_and_two_points_are():
    wobble = [checkin(n, s, spot("knees")) for n, s in [(1, 5), (4, 3), (5, 4)]]
    assert replay(wobble, last=5) == expect((1, 5, QUIET))
    # Lower on both days than on day 1: not rising, and easing.
    assert (only(wobble, today=5).rising, only(wobble, today=5).trend) == (False, "easing")

    two = [checkin(n, s, spot("knees")) for n, s in [(1, 5), (4, 3), (5, 5)]]
    assert replay(two, last=5) == expect((1, 4, QUIET), (5, 5, (("Knee", (p.RISING,)),)))


# ----------------------------------------------------------------- with and without a side


def test_knee_then_left_knee_is_one_problem_from_the_first_day():
    log = [
        checkin(1, 3, spot("knees")),
        checkin(2, 3, spot("knees", "left")),
        checkin(3, 4, spot("knees", "left")),
    ]
    problem = only(log, today=3)
    assert (problem.label, problem.started, problem.days) == ("Left knee", day(1), 3)
    assert problem.scores == ((day(1), 3), (day(2), 3), (day(3), 4))


def test_left_knee_then_knee_continues_the_left_knee():
    log = [checkin(1, 3, spot("knees", "left")), checkin(2, 3, spot("knees"))]
    problem = only(log, today=2)
    assert (problem.label, problem.started, len(problem.scores)) == ("Left knee", day(1), 2)


def test_knee_then_both_knees_continues_into_both():
    log = [
        checkin(1, 3, spot("knees")),
        checkin(2, 3, spot("knees", "left"), spot("knees", "right")),
    ]
    found = p.problems_from(log, [], today=day(2))
    assert [(x.label, x.started, len(x.scores), x.gone) for x in found] == [
        ("Left knee", day(1), 2, False),
        ("Right knee", day(1), 2, False),
    ]


def test_left_and_right_shins_continue_through_an_unsided_shin():
    log = [
        checkin(1, 3, spot("shins", "left"), spot("shins", "right")),
        checkin(2, 3, spot("shins")),
        checkin(3, 3, spot("shins", "left"), spot("shins", "right")),
    ]
    found = p.problems_from(log, [], today=day(3))
    assert [(x.label, x.started, len(x.scores), x.gone) for x in found] == [
        ("Left shin", day(1), 3, False),
        ("Right shin", day(1), 3, False),
    ]
    assert replay(log, last=3) == expect(
        (1, 2, QUIET),
        (3, 3, (("Left shin", (p.BONE_SITE_LASTING,)), ("Right shin", (p.BONE_SITE_LASTING,)))),
    )


def test_the_other_side_alone_ends_a_sided_problem():
    log = [checkin(1, 3, spot("knees", "left")), checkin(2, 3, spot("knees", "right"))]
    left, right = p.problems_from(log, [], today=day(2))
    assert (left.label, left.latest, right.label, right.started) == (
        "Left knee",
        0,
        "Right knee",
        day(2),
    )
    left, right = p.problems_from([*log, checkin(4, 3, spot("knees", "right"))], [], today=day(4))
    assert (left.gone, right.gone) == (True, False)


# ----------------------------------------------------------------- ordinary soreness stays quiet


@pytest.mark.parametrize(
    "quads",
    [(spot("quads", "left"), spot("quads", "right")), (spot("quads"),)],
    ids=["left-and-right", "unsided"],
)
@pytest.mark.parametrize(
    "day_4",
    [checkin(4, 0), checkin(4, 1, spot("calves", "left", 1)), None],
    ids=["not-sore", "another-area", "no-more-check-ins"],
)
def test_the_downhill_race_control_stays_quiet_every_day(quads, day_4):
    # A hilly race on day 1 and an easy run on day 3; both thighs sore 6, 5, 3, gone on day 4.
    runs = [run(1, 1, km=21), run(3, 2, km=5)]
    log = [
        checkin(n, s, *(Region(q.region, q.side, s) for q in quads))
        for n, s in [(1, 6), (2, 5), (3, 3)]
    ]
    if day_4 is not None:
        log.append(day_4)
    assert replay(log, runs, last=12) == expect((1, 12, QUIET))
    thighs = [x for x in p.problems_from(log, runs, today=day(12)) if x.region == "quads"]
    assert thighs and all(x.gone for x in thighs)


def test_easing_by_day_6_stays_quiet():
    log = [checkin(n, s, spot("calves")) for n, s in enumerate([5, 4, 2, 1, 1, 1], start=1)]
    assert replay(log, last=8) == expect((1, 8, QUIET))
    assert (only(log, today=6).clearly_easing, only(log, today=6).trend) == (
        True,
        "easing",
    )


@pytest.mark.parametrize(
    ("scores", "state"),
    [
        ([(1, 6), (3, 5), (6, 4)], QUIET),  # 2 below the worst, no higher than before: easing
        ([(1, 6), (3, 5), (6, 5)], (("Front of thigh", (p.NOT_EASING,)),)),  # 1 below the worst
        ([(1, 6), (3, 3), (6, 4)], (("Front of thigh", (p.NOT_EASING,)),)),  # up again by 1
    ],
)
def test_clearly_easing_on_day_6(scores, state):
    log = [checkin(n, s, spot("quads")) for n, s in scores]
    assert replay(log, last=6)[6] == state


def test_1_out_of_10_day_after_day_is_not_easing_after_5_days():
    lingering = [checkin(n, 1, spot("calves")) for n in range(1, 9)]
    assert replay(lingering, last=8) == expect((1, 5, QUIET), (6, 8, (("Calf", (p.NOT_EASING,)),)))
    # A dip to 1/10 does not end it: back to 2 after day 5, it is not easing.
    back = [checkin(n, s, spot("calves")) for n, s in [(1, 2), (2, 2), (3, 1), (4, 1), (6, 2)]]
    assert replay(back, last=6) == expect((1, 5, QUIET), (6, 6, (("Calf", (p.NOT_EASING,)),)))
    assert only(back, today=6).started == day(1)


def test_1_out_of_10_in_one_shin_is_still_a_bone_site_lasting():
    log = [checkin(n, 1, spot("shins", "right")) for n in range(1, 5)]
    assert replay(log, last=4) == expect(
        (1, 2, QUIET), (3, 4, (("Right shin", (p.BONE_SITE_LASTING,)),))
    )


# ----------------------------------------------------------------- a gap in the log


def test_a_gap_of_8_days_ends_a_problem_and_the_same_spot_within_2_weeks_continues_it():
    log = [checkin(n, 3, spot("knees", "left")) for n in (1, 2, 3, 11)]
    assert replay(log, last=12) == expect(
        (1, 5, QUIET),
        (6, 10, (("Left knee", (p.NOT_EASING,)),)),
        (11, 12, (("Left knee", (p.NOT_EASING,)),)),  # back within 2 weeks: the same problem
    )
    again = only(log, today=11)
    assert (again.started, again.gone) == (day(1), False)
    # Sore again more than 2 weeks after its last report: a new problem.
    late = [checkin(n, 3, spot("knees", "left")) for n in (1, 2, 3, 19)]
    old, new = p.problems_from(late, [], today=day(19))
    assert (old.gone, new.started, new.days) == (True, day(19), 1)
    [notice] = p.notices(p.problems_from(log, [], today=day(6)), day(6))
    assert notice.reasons == (
        "Your left knee has been sore for 6 days and is not easing (your latest check-in about "
        "it, on 6 May, said 3/10).",
    )


def test_a_gap_of_7_days_continues_the_problem():
    log = [checkin(n, 3, spot("knees", "left")) for n in (1, 2, 3, 10)]
    problem = only(log, today=10)
    assert (problem.started, problem.days, problem.gone) == (day(1), 10, False)


def test_runs_in_a_gap_do_not_keep_a_problem_going():
    log = [checkin(1, 3, spot("knees", "left"))]
    runs = [run(n) for n in range(2, 12)]
    assert only(log, runs, today=9).gone
    assert not only(log, runs, today=8).gone


# ----------------------------------------------------------------- follow-up questions


def test_follow_ups_are_asked_from_day_3_while_the_problem_goes_on():
    log = [checkin(n, 3, spot("knees", "left")) for n in (1, 2, 3)]
    asked = [p.needs_followup(only(log[:n], today=n), day(n)) for n in (1, 2, 3)]
    assert asked == [False, False, True]
    gone = only([*log, checkin(4, 0), checkin(6, 0)], today=6)
    assert gone.gone and not p.needs_followup(gone, day(6))


@pytest.mark.parametrize("region", ["calves", "hips_glutes"])
def test_a_calf_or_a_hip_is_asked_about_from_the_next_check_in(region):
    problem = only([checkin(1, 3, spot(region, "left"))], today=1)
    assert p.needs_followup(problem, day(1))
    assert ("hop_or_weight" in p.followup_questions(problem)) == (region == "hips_glutes")


def test_a_follow_up_yes_is_noticed_at_once_with_its_warning_sign():
    log = [checkin(n, 3, spot("knees", "left")) for n in range(1, 7)]
    answers = {(at(4), "knees", "left"): frozenset({"rest_or_night"})}
    assert replay(log, last=6, followups=answers) == expect(
        (1, 3, QUIET),
        (4, 5, (("Left knee", (p.FOLLOWUP,)),)),
        (6, 6, (("Left knee", (p.NOT_EASING, p.FOLLOWUP)),)),
    )
    [notice] = p.notices(p.problems_from(log, [], today=day(4), followups=answers), day(4))
    assert notice.warning_signs == ("night_pain",)
    assert notice.reasons == ("You said your left knee hurts at rest or at night.",)
    assert (notice.when, notice.advice) == ("days", p.ADVICE)
    assert replay(log, last=5) == expect((1, 5, QUIET))  # without the answer


@pytest.mark.parametrize(
    ("where", "answer", "sign", "when", "advice"),
    [
        (spot("shins", "left"), "bone_spot", "bone_tenderness", "days", p.ADVICE),
        (spot("knees", "right"), "rest_or_night", "night_pain", "days", p.ADVICE),
        (
            spot("calves", "left"),
            "swelling",
            "calf_swelling_one_side",
            "today",
            p.CALF_SWELLING_ADVICE,
        ),
        (spot("calves"), "swelling", "calf_swelling_one_side", "today", p.CALF_SWELLING_ADVICE),
        (spot("knees"), "swelling", "joint_swelling", "days", p.ADVICE),
        (spot("shins", "left"), "worse_each_run", "building_one_side", "days", p.ADVICE),
        (spot("shins"), "worse_each_run", "not_easing", "days", p.ADVICE),
        (spot("knees", "left"), "worse_each_run", "not_easing", "days", p.ADVICE),
        (spot("hips_glutes", "left"), "bone_spot", "bone_tenderness", "days", p.HIP_ADVICE),
        (spot("hips_glutes", "left"), "hop_or_weight", "groin_pain", "today", p.HIP_ADVICE),
        (spot("feet", "right"), "swelling", "bone_tenderness", "days", p.ADVICE),
    ],
)
def test_each_follow_up_maps_to_a_contract_sign(where, answer, sign, when, advice):
    log = [checkin(n, 3, where) for n in (1, 2, 3)]
    answers = {(at(3), where.region, where.side): frozenset({answer})}
    [notice] = p.notices(p.problems_from(log, [], today=day(3), followups=answers), day(3))
    assert (notice.warning_signs, notice.when, notice.advice) == ((sign,), when, advice)
    assert p.FOLLOWUP in notice.rules


def test_a_follow_up_for_legs_overall_uses_the_legs_key():
    log = [checkin(n, 3) for n in (1, 2, 3)]
    answers = {(at(3), p.LEGS, ""): frozenset({"bone_spot"})}
    [notice] = p.notices(p.problems_from(log, [], today=day(3), followups=answers), day(3))
    assert (notice.problem.label, notice.warning_signs) == ("Legs overall", ("bone_tenderness",))
    assert notice.reasons == ("You said your legs hurt on one spot of a bone.",)


def test_a_follow_up_yes_keeps_the_spot_open_on_a_day_it_was_not_tapped():
    # Day 4: the runner taps only a calf, but answers for the left shin: it still hurts.
    log = [checkin(n, 3, spot("shins", "left")) for n in (1, 2, 3)]
    log.append(checkin(4, 2, spot("calves", "right")))
    answers = {(at(4), "shins", "left"): frozenset({"bone_spot"})}
    shin, calf = p.problems_from(log, [], today=day(4), followups=answers)
    assert (shin.label, shin.gone, shin.last_day, shin.followup_answers) == (
        "Left shin", False, day(3), frozenset({"bone_spot"}),
    )  # fmt: skip
    assert (calf.label, calf.gone) == ("Right calf", False)
    shin_without = p.problems_from(log, [], today=day(4))[0]
    assert shin_without.latest == 0  # without the answer, left out: a 0, not yet gone


def test_an_empty_answer_set_is_no_answer():
    log = [checkin(1, 3, spot("shins", "left")), checkin(2, 3, spot("calves", "right"))]
    answers = {(at(2), "shins", "left"): frozenset()}
    shin, _calf = p.problems_from(log, [], today=day(2), followups=answers)
    assert (shin.latest, shin.followup_answers) == (0, frozenset())


def test_an_unsided_answer_reaches_the_sided_problem():
    log = [checkin(n, 3, spot("shins", "left")) for n in (1, 2, 3)]
    answers = {(at(3), "shins", ""): frozenset({"bone_spot", "rest_or_night"})}
    problem = only(log, today=3, followups=answers)
    assert problem.followup_answers == frozenset({"bone_spot", "rest_or_night"})


# ----------------------------------------------------------------- the hip


def test_the_hip_says_today_and_hop_and_is_for_today_once_a_follow_up_is_yes():
    log = [checkin(n, 3, spot("hips_glutes", "left")) for n in (1, 2, 3, 4)]
    assert replay(log, last=4) == expect(
        (1, 2, QUIET), (3, 4, (("Left hip or buttock", (p.BONE_SITE_LASTING,)),))
    )
    [notice] = p.notices(p.problems_from(log, [], today=day(3)), day(3))
    assert notice.when == "days"
    assert "today" in notice.advice and "hop" in notice.advice and "weight" in notice.advice
    answers = {(at(4), "hips_glutes", "left"): frozenset({"worse_each_run", "hop_or_weight"})}
    [notice] = p.notices(p.problems_from(log, [], today=day(4), followups=answers), day(4))
    assert (notice.when, notice.advice, notice.warning_signs) == (
        "today", p.HIP_ADVICE, ("building_one_side", "groin_pain"),
    )  # fmt: skip


def test_an_unsided_hip_sore_for_9_days_gets_the_hip_wording():
    log = [checkin(n, 4, spot("hips_glutes")) for n in range(1, 10)]
    [notice] = p.notices(p.problems_from(log, [], today=day(9)), day(9))
    # A side not said counts as one side at a bone site (fail safe), as in the contract.
    assert notice.rules == (p.NOT_EASING, p.BONE_SITE_LASTING)
    assert notice.advice == p.HIP_ADVICE
    assert notice.reasons[0] == "Your hip or buttock has been sore for 9 days and is not easing."


def test_notices_put_today_first():
    log = [checkin(n, 3, spot("shins", "left"), spot("calves", "right")) for n in range(1, 8)]
    answers = {
        (at(7), "calves", "right"): frozenset({"swelling"}),
        (at(7), "shins", "left"): frozenset({"bone_spot"}),
    }
    found = p.problems_from(log, [], today=day(7), followups=answers)
    assert [(n.problem.label, n.when) for n in p.notices(found, day(7))] == [
        ("Right calf", "today"),
        ("Left shin", "days"),
    ]


# ----------------------------------------------------------------- questionnaire pre-fill


def test_the_questionnaire_gets_the_problems_real_onset_and_duration():
    problem = only(building_shin(), FOUR_A_WEEK, today=20)
    assert p.questionnaire_answers(problem, day(20)) == {
        "location": ["shins"],
        "sides": "one",
        "duration_days": "over_7",
        "trend": "same",
        "started": day(1),
        "built_up_over_runs": True,
    }


@pytest.mark.parametrize(
    ("n", "bucket"), [(1, "under_3"), (2, "under_3"), (3, "3_7"), (7, "3_7"), (8, "over_7")]
)
def test_duration_is_counted_from_day_1(n, bucket):
    log = [checkin(k, 3, spot("knees", "left")) for k in range(1, n + 1)]
    assert p.questionnaire_answers(only(log, today=n), day(n))["duration_days"] == bucket


def test_sides_both_only_when_both_were_tapped_every_time_and_never_for_unsided():
    both = [checkin(n, 3, spot("calves", "left"), spot("calves", "right")) for n in (1, 2)]
    left, _right = p.problems_from(both, [], today=day(2))
    assert p.questionnaire_answers(left, day(2))["sides"] == "both"
    once = [*both, checkin(3, 3, spot("calves", "left"))]
    left, right = p.problems_from(once, [], today=day(3))
    assert (left.label, right.latest) == ("Left calf", 0)
    assert p.questionnaire_answers(left, day(3))["sides"] == "one"
    unsided = only([checkin(1, 3, spot("calves"))], today=1)
    assert "sides" not in p.questionnaire_answers(unsided, day(1))


def test_legs_overall_gives_no_location_and_easing_gives_easing():
    legs = only([checkin(1, 6), checkin(2, 3)], [run(2)], today=2)
    answers = p.questionnaire_answers(legs, day(2))
    assert "location" not in answers and "sides" not in answers
    assert (answers["trend"], answers["built_up_over_runs"]) == ("easing", False)
    rising = only(RISING_KNEE, [run(3)], today=6)
    assert p.questionnaire_answers(rising, day(6))["trend"] == "worse"


def test_check_ins_and_runs_after_today_are_ignored():
    log = [checkin(1, 3, spot("knees", "left")), checkin(3, 6, spot("knees", "left"))]
    problem = only(log, [run(2)], today=2)
    assert (problem.scores, problem.runs_between, problem.days) == (((day(1), 3),), 0, 2)


def test_soreness_that_eased_a_little_then_stuck_is_no_better_after_5_days():
    """6, then 3/10 day after day at a knee: lower than its worst, but no better since day 2."""
    log = [checkin(1, 6, spot("knees"))] + [checkin(n, 3, spot("knees")) for n in range(2, 13)]
    states = replay(log, last=12)
    assert all(states[n] == QUIET for n in range(1, 6))
    assert all(states[n] == (("Knee", (p.NOT_EASING,)),) for n in range(6, 13))


def test_easing_then_stuck_at_2_lingers_past_a_week():
    log = [checkin(n, s, spot("knees")) for n, s in [(1, 6), (2, 5), (3, 4), (4, 3), (5, 2)]]
    log += [checkin(n, 2, spot("knees")) for n in range(6, 10)]
    states = replay(log, last=9)
    assert states[8] != QUIET and states[9] != QUIET
    [notice] = p.notices(p.problems_from(log, [], today=day(9)), day(9))
    assert notice.problem.label == "Knee" and "sore for 9 days" in " ".join(notice.reasons)


def test_a_follow_up_yes_is_not_erased_by_a_check_in_that_taps_another_spot():
    """A swollen calf (a possible clot), then a check-in that taps only a knee."""
    log = [checkin(1, 3, spot("calves", "left")), checkin(2, 3, spot("knees", "right"))]
    answers = {(at(1), "calves", "left"): frozenset({"swelling"})}
    for today in (2, 3, 5, 9):
        found = p.problems_from(log, [], today=day(today), followups=answers)
        notices = p.notices(found, day(today))
        assert any(n.problem.label == "Left calf" and n.when == "today" for n in notices), today


def test_a_follow_up_yes_survives_a_week_without_check_ins():
    log = [checkin(n, 3, spot("shins", "left")) for n in (1, 2, 3)]
    answers = {(at(3), "shins", "left"): frozenset({"bone_spot"})}
    found = p.problems_from(log, [], today=day(12), followups=answers)
    assert [n.warning_signs for n in p.notices(found, day(12))] == [("bone_tenderness",)]


def test_an_area_tapped_after_days_of_legs_overall_continues_their_history():
    log = [checkin(n, 4) for n in range(1, 10)] + [checkin(10, 4, spot("shins", "left"))]
    found = p.problems_from(log, [], today=day(10))
    shin = next(x for x in found if x.region == "shins")
    assert (shin.started, shin.days) == (day(1), 10)
    assert any(n.problem.region == "shins" for n in p.notices(found, day(10)))

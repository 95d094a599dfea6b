"""Sore spots followed over time ("problems"), the see-someone notice, and the follow-ups.

Plain facts in, plain facts out: no Django and no database. The caller reads the check-ins
(`load.CheckIn`) and runs (`load.RunFacts`) as the dashboard does, passes the runner's local
`today`, and the follow-up answers it stores, keyed by (check-in `recorded_at`, region, side)
-> a frozenset of the yes answers among FOLLOWUP_QUESTIONS.

The rules (each number below is a named constant):

1. A problem is one region and side. A region tapped without a side ("" = both or not said)
   is followed as such and MERGES with a sided one of the same region: "Knee" one day and
   "Left knee" the next is one problem, the left knee, started on the first day (with both a
   left and a right tapped, each continues the unsided history). An unsided report continues
   every open sided problem of its region (both the left and the right one, if both exist).
2. A check-in with no area tapped still counts: it feeds the problem "Legs overall" (region
   LEGS) at its overall score, and it ends no region problem (it says nothing about them).
3. A problem continues while check-ins keep reporting it above 0. It is gone once a check-in
   that names areas leaves it out or scores it 0, or a check-in gives overall soreness 0
   with no area named (a named area's own score wins over the overall one). A gap of more
   than GAP_DAYS without any check-in ends every problem too, also the gap up to `today`; a
   later report starts a new one. Runs never end or reset a problem: pain that rises run
   after run is exactly what must count. A follow-up answer given for a problem in a
   check-in keeps it open even if that check-in did not tap it (the runner just said it
   still hurts).
4. Per problem: `started` (day of the first report), `last_day` (of the latest report),
   `days` (today - started + 1: day 1 is the first day; for a gone problem, counted to its
   last report), the (day, score) of each report, `worst`, `latest`, the runs between its
   first and latest report, `rising`, `clearly_easing`, a `trend` word, and the union of
   the follow-up answers given for it.
   - rising: the latest report is on day 4 or later (ORDINARY_SORENESS_DAYS: the first 72
     hours are ordinary delayed soreness, which peaks at 24-72 h) and is RISE_POINTS or more
     above the lowest earlier score, where the first 3 days count only by their last report
     (so a next-day peak that then eases is not a rise, but a low on day 3 or later is).
   - clearly easing: the latest is EASING_POINTS or more below the worst and no higher than
     the report before it, or it is 0-1. (Any level above 0 keeps a problem going: a dip to
     1/10 that comes back to 2 after day 5 is not easing.)
5. Notices, most urgent first, for problems not gone:
   - `not_easing`: still there after NOT_EASING_AFTER_DAYS days (days > 5, at any level
     above 0) and not clearly easing (NHS inform: no better after 5 days, or getting worse);
   - `rising`: rising (4), whether or not runs came between;
   - `bone_site_lasting`: at a bone-stress site (BONE_SITES) on one side for BONE_SITE_DAYS
     days or more; `building_one_side`: at a bone site on one side and rising (contract v3);
   - `followup`: any follow-up answer is yes.
   Advice by site: the hip says stop running and be seen today if it hurts to hop or to bear
   weight (and the notice is for today once any follow-up is yes); a calf with swelling is
   for today (a clot); anything else, a GP or physiotherapist within days. Ordinary soreness
   that eases within 5 days stays quiet, and so does a 1-point wobble.
6. Follow-ups: from day FOLLOWUP_AFTER_DAYS of a problem that is not gone, the next check-in
   asks the four FOLLOWUP_QUESTIONS for that spot; a yes maps to the contract's warning
   signs (FOLLOWUP_SIGNS).
7. `questionnaire_answers` turns a problem into contract answers for the pre-fill.
"""

import bisect
import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import load

GAP_DAYS = 7  # more days than this without any check-in end every problem
ORDINARY_SORENESS_DAYS = 3  # days 1-3: delayed-onset soreness may still be climbing
RISE_POINTS = 2  # a rise of 2 points or more is "rising" (a 1-point wobble is not)
EASED_SCORE = 0  # at 0/10 a problem is easing (it is gone once it stays so, see below)
RECENT_DAYS = 3  # easing is judged on the last 3 days against the days before them
NOT_EASING_AFTER_DAYS = 5  # NHS inform: soreness no better after 5 days
# Past a week, still sore at all: eased a little, then stuck (6, then 3, 3, 3...; or 1/10
# for weeks) is not ordinary soreness either.
LINGERING_AFTER_DAYS = 7  # still 2/10 or more past a week
LINGERING_LOW_AFTER_DAYS = 14  # still 1/10 past two weeks
BONE_SITE_DAYS = 3  # contract v3 `bone_site_lasting`: duration_days 3_7 or over_7
FOLLOWUP_AFTER_DAYS = 3  # from day 3 the check-in asks the follow-up questions
# A spot left out, or scored 0, is gone only once it has stayed so for 3 days: pain that is
# there on run days and not on rest days (a knee at km 5 of every run) is one problem.
RESOLVED_AFTER_DAYS = 3
# The same spot sore again within 2 weeks of its end continues it (a shin that flares again
# after the next long run is how a bone stress injury shows), keeping its first day.
RECUR_WITHIN_DAYS = 14

LEGS = "legs"  # the "region" of check-ins with no area tapped
LEGS_LABEL = "Legs overall"
BONE_SITES = frozenset({"shins", "feet", "hips_glutes"})
HIP_REGIONS = frozenset({"hips_glutes"})
CALF_REGIONS = frozenset({"calves"})
# Asked from the next check-in on, not from day 3: a swollen calf (a clot) and a hip that
# hurts to hop (a femoral neck stress fracture) cannot wait.
URGENT_FOLLOWUP_REGIONS = CALF_REGIONS | HIP_REGIONS
ONE_SIDE = frozenset({"left", "right"})

# The follow-up questions, by the slug under which the caller stores a yes.
FOLLOWUP_QUESTIONS = {
    "bone_spot": "Does it hurt on one spot of a bone?",
    "rest_or_night": "Does it hurt at rest or at night?",
    "worse_each_run": "Does it get worse with each run?",
    "swelling": "Is it swollen?",
    "hop_or_weight": "Does it hurt to hop, or to put weight on the leg?",  # the hip only
}
HIP_ONLY_FOLLOWUPS = frozenset({"hop_or_weight"})
# A yes -> the contract's warning sign (red_flags slug). `swelling` is the calf's one-sided
# swelling (a clot) at the calves; `worse_each_run` maps to an escalation (see _signs).
FOLLOWUP_SIGNS = {
    "bone_spot": "bone_tenderness",
    "rest_or_night": "night_pain",
    "hop_or_weight": "groin_pain",  # urgent: be seen today
}

HIP_ADVICE = (
    "Stop running. Be seen today if it hurts to hop or to put weight on the leg; otherwise see "
    "a GP or physiotherapist within the next few days."
)
CALF_SWELLING_ADVICE = "A swollen, warm or painful calf can be a blood clot: be seen today."
ADVICE = "Stop running on it and see a GP or physiotherapist within the next few days."

# Notice rules, in the order their reasons are said.
NOT_EASING = "not_easing"
LINGERING = "lingering"
RISING = "rising"
BONE_SITE_LASTING = "bone_site_lasting"
BUILDING_ONE_SIDE = "building_one_side"
FOLLOWUP = "followup"

_REGION_ORDER = {name: i for i, name in enumerate([*load.REGION_LABELS, LEGS])}


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True, slots=True)
class Problem:
    """One sore spot (region and side) from its first report to its latest, as of `today`."""

    region: str  # a Location slug, or LEGS for check-ins with no area tapped
    side: str  # "left", "right" or "" (both or not said)
    started: date
    last_day: date
    days: int  # day 1 is `started`; counted to today (to `last_day` once gone)
    scores: tuple[tuple[date, int], ...]  # (day, 0-10) per report, oldest first
    worst: int
    latest: int
    run_ids: tuple[int, ...]  # the runs between the first and the latest report (with an id)
    runs_between: int  # how many runs, those without an id included
    rising: bool
    clearly_easing: bool
    trend: str  # "rising", "easing" or "steady"
    gone: bool
    ended: date | None  # the day it was seen gone (None while it goes on)
    both_sides: bool  # every report also tapped the other side of the region
    followup_answers: frozenset[str] = frozenset()
    # The notice rules that fired on an earlier day of this problem: a notice, once shown,
    # stays until the problem is gone (one low day between sore ones does not reassure).
    earlier_rules: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """ "Left shin", "Knee", "Legs overall"."""
        return LEGS_LABEL if self.region == LEGS else load.region_label(self.region, self.side)

    @property
    def bone_site(self) -> bool:
        return self.region in BONE_SITES

    @property
    def one_sided(self) -> bool:
        return self.side in ONE_SIDE

    def days_on(self, today: date) -> int:
        until = self.last_day if self.gone else today
        return (until - self.started).days + 1


@dataclass(slots=True)
class _Open:
    """A problem being followed while the check-ins are read."""

    region: str
    side: str
    reports: list[tuple[date, datetime, int, bool]] = field(default_factory=list)
    answers: set[str] = field(default_factory=set)
    ended: date | None = None

    def copy_as(self, side: str) -> "_Open":
        return _Open(self.region, side, list(self.reports), set(self.answers))

    @property
    def last_sore_day(self) -> date:
        return max(day for day, _, score, _ in self.reports if score > 0)


def problems_from(
    checkins,
    runs,
    *,
    today: date,
    followups: dict[tuple[datetime, str, str], frozenset[str]] | None = None,
) -> list[Problem]:
    """Every problem in the check-ins up to `today`, gone ones included, oldest first."""
    ordered = sorted((c for c in checkins if c.day <= today), key=lambda c: c.recorded_at)
    answers_at: dict[datetime, list[tuple[str, str, frozenset[str]]]] = {}
    for (at, region, side), answers in (followups or {}).items():
        if answers:
            answers_at.setdefault(at, []).append((region, side, frozenset(answers)))

    open_: dict[tuple[str, str], _Open] = {}
    closed: list[_Open] = []

    def close_all(day: date) -> None:
        """A gap in the log ends every problem, except one with a follow-up yes (a warning
        sign the runner gave): that one stays until RECUR_WITHIN_DAYS after its last report."""
        for key, problem in list(open_.items()):
            if problem.answers and (day - problem.last_sore_day).days <= RECUR_WITHIN_DAYS:
                continue
            problem.ended = day
            closed.append(open_.pop(key))

    def reopen(checkin) -> None:
        """A spot sore again within RECUR_WITHIN_DAYS of its end continues its problem."""
        for region in checkin.regions or (load.Region(LEGS, ""),):
            score = checkin.soreness if region.soreness is None else region.soreness
            if score <= 0:
                continue
            for problem in reversed(closed):
                same = problem.region == region.region and (
                    problem.side == region.side or not region.side or not problem.side
                )
                recent = (checkin.day - problem.last_sore_day).days <= RECUR_WITHIN_DAYS
                key = (problem.region, problem.side)
                if same and recent and key not in open_ and _lingers(problem):
                    problem.ended = None
                    closed.remove(problem)
                    open_[key] = problem
                    break

    previous = None
    for checkin in ordered:
        if previous is not None and (checkin.day - previous.day).days > GAP_DAYS:
            close_all(previous.day + timedelta(days=GAP_DAYS + 1))
        previous = checkin
        reopen(checkin)
        _read(checkin, open_, closed, answers_at.get(checkin.recorded_at, ()))
    if previous is not None and (today - previous.day).days > GAP_DAYS:
        close_all(today)
    # Said to be gone (left out, or 0) and not sore since, for RESOLVED_AFTER_DAYS up to today.
    for key, problem in list(open_.items()):
        quiet = problem.reports[-1][2] == 0
        if quiet and (today - problem.last_sore_day).days >= RESOLVED_AFTER_DAYS:
            problem.ended = problem.reports[-1][0]
            closed.append(open_.pop(key))

    run_list = sorted((r for r in runs if r.day <= today), key=lambda r: r.start)
    starts = [r.start for r in run_list]
    built = [_sticky(p, today, run_list, starts) for p in [*closed, *open_.values()]]
    return sorted(built, key=lambda p: (p.started, _REGION_ORDER.get(p.region, 99), p.side))


def _read(checkin, open_: dict, closed: list, answers) -> None:
    """One check-in: feed, merge, start and end problems in `open_` (closed go to `closed`)."""
    if checkin.regions:
        entries: dict[tuple[str, str], int] = {}
        for region in checkin.regions:
            score = checkin.soreness if region.soreness is None else region.soreness
            entries[region.key] = max(score, entries.get(region.key, 0))
    else:
        entries = {(LEGS, ""): checkin.soreness}
    sore = {key: score for key, score in entries.items() if score > 0}

    fed: dict[tuple[str, str], int] = {}

    def feed(key, score):
        fed[key] = max(score, fed.get(key, 0))

    # An area tapped after days of "legs overall" continues that history: the runner has only
    # now said where it hurts.
    legs = open_.get((LEGS, ""))
    if legs is not None and checkin.regions:
        for key in sore:
            sided_open = any(k[0] == key[0] and k in open_ for k in [key, (key[0], "")])
            if not sided_open:
                open_[key] = _Open(key[0], key[1], list(legs.reports), set(legs.answers))
    # Sided taps first, so that an unsided tap in the same check-in joins them.
    merged = set()
    for (region, side), score in sore.items():
        if not side:
            continue
        if (region, side) not in open_ and (region, "") in open_:
            # "Knee" then "Left knee": the left knee continues the knee's history.
            open_[(region, side)] = open_[(region, "")].copy_as(side)
            merged.add((region, ""))
        open_.setdefault((region, side), _Open(region, side))
        feed((region, side), score)
    for key in merged:
        del open_[key]
    for (region, side), score in sore.items():
        if side:
            continue
        sided = [key for key in open_ if key[0] == region and key[1]]
        for key in sided or [(region, "")]:
            open_.setdefault(key, _Open(region, ""))
            feed(key, score)

    # A follow-up answer for an open problem: it still hurts, whatever was tapped.
    mentioned = set()
    for region, side, given in answers:
        for key, problem in open_.items():
            if key[0] == region and (side == key[1] or not side or not key[1]):
                problem.answers |= given
                mentioned.add(key)

    for key, problem in list(open_.items()):
        if key in fed:
            other = (key[0], {"left": "right", "right": "left"}.get(key[1], ""))
            both = bool(key[1]) and other in sore
            problem.reports.append((checkin.day, checkin.recorded_at, fed[key], both))
        elif key not in mentioned and (
            checkin.soreness == 0 or (checkin.regions and not problem.answers)
        ):
            if not _lingers(problem):
                # Legs overall, or a muscle sore on both sides: a 0 ends it at once (ordinary
                # soreness after each run that clears in between is no problem).
                problem.reports.append((checkin.day, checkin.recorded_at, 0, False))
                problem.ended = checkin.day
                closed.append(open_.pop(key))
                continue
            # Left out by a check-in that names areas, or "not sore at all": a 0 for it, and
            # gone once it has stayed so for RESOLVED_AFTER_DAYS. A check-in with no area and
            # some soreness says nothing about a region (it feeds LEGS).
            problem.reports.append((checkin.day, checkin.recorded_at, 0, False))
            if (checkin.day - problem.last_sore_day).days >= RESOLVED_AFTER_DAYS:
                problem.ended = checkin.day
                closed.append(open_.pop(key))


def _sticky(problem: _Open, today: date, runs: list, starts: list[datetime]) -> Problem:
    """The problem as of today, with the rules that fired on any earlier day it was reported."""
    frozen = _freeze(problem, today, runs, starts)
    if frozen.gone:
        return frozen
    for index in range(len(problem.reports) - 1, 0, -1):
        day = problem.reports[index - 1][0]
        earlier = _Open(problem.region, problem.side, problem.reports[:index], problem.answers)
        if not any(score > 0 for _, _, score, _ in earlier.reports):
            break
        if fired := _rules(_freeze(earlier, day, runs, starts), day):
            return dataclasses.replace(frozen, earlier_rules=fired)
    return frozen


def _lingers(problem: _Open) -> bool:
    """A spot whose 0 must hold RESOLVED_AFTER_DAYS before it is gone: one side, or a
    bone-stress site (pain that comes back with every run there is the warning)."""
    return problem.side in ONE_SIDE or problem.region in BONE_SITES


def _freeze(problem: _Open, today: date, runs: list, starts: list[datetime]) -> Problem:
    sore = [report for report in problem.reports if report[2] > 0]
    first_at, last_at = sore[0][1], sore[-1][1]
    between = runs[bisect.bisect_right(starts, first_at) : bisect.bisect_left(starts, last_at)]
    scores = tuple((day, score) for day, _, score, _ in problem.reports)
    started, last_day = sore[0][0], sore[-1][0]
    gone = problem.ended is not None
    rising = _rising(scores, started)
    easing = _clearly_easing(scores)
    return Problem(
        region=problem.region,
        side=problem.side,
        started=started,
        last_day=last_day,
        days=((last_day if gone else today) - started).days + 1,
        scores=scores,
        worst=max(score for _, score in scores),
        latest=scores[-1][1],  # 0 when the spot was left out since its last sore report
        run_ids=tuple(run.run_id for run in between if run.run_id is not None),
        runs_between=len(between),
        rising=rising,
        clearly_easing=easing,
        trend="rising" if rising else "easing" if easing else "steady",
        gone=gone,
        ended=problem.ended,
        both_sides=all(both for _, _, score, both in problem.reports if score > 0),
        followup_answers=frozenset(problem.answers),
    )


def _day_number(day: date, started: date) -> int:
    return (day - started).days + 1


def _baseline(scores, started: date) -> int:
    """The low a rise is measured from: the lowest score before the latest, where the first
    3 days count only by their last report (a next-day peak that eases is no rise)."""
    earlier = [(d, s) for d, s in scores[:-1] if s > 0]  # a rest-day 0 is no baseline
    early = [s for d, s in earlier if _day_number(d, started) <= ORDINARY_SORENESS_DAYS]
    later = [s for d, s in earlier if _day_number(d, started) > ORDINARY_SORENESS_DAYS]
    return min(later + early[-1:])  # the first sore report is on day 1: never empty


def _rising(scores, started: date) -> bool:
    """The latest, on day 4 or later, is 2 or more above the baseline."""
    if len(scores) < 2 or scores[-1][1] <= 0:
        return False
    if _day_number(scores[-1][0], started) <= ORDINARY_SORENESS_DAYS:
        return False
    return scores[-1][1] - _baseline(scores, started) >= RISE_POINTS


def _clearly_easing(scores) -> bool:
    """Easing day by day: gone quiet (0), or the last three sore reports each lower than the
    one before, or the last RECENT_DAYS days all below every sore day before them. A dip on
    one day between two sore ones is not easing (3, 5, 3, 5 goes on)."""
    if scores[-1][1] <= EASED_SCORE:
        return True
    sore = [(day, score) for day, score in scores if score > 0]
    last3 = [score for _, score in sore[-3:]]
    if len(last3) == 3 and last3[0] > last3[1] > last3[2]:
        return True
    worst = max(score for _, score in sore)
    if len(sore) > 1 and sore[-1][1] <= worst - 2 and sore[-1][1] < sore[-2][1]:
        return True  # well down from the worst, and lower again today
    since = sore[-1][0] - timedelta(days=RECENT_DAYS - 1)
    recent = [score for day, score in sore if day >= since]
    before = [score for day, score in sore if day < since]
    return bool(before) and max(recent) < min(before)


# --------------------------------------------------------------------------- notices


@dataclass(frozen=True, slots=True)
class Notice:
    """See someone about `problem`: why (plain sentences), how soon and what to do.

    `when` is "today" or "days". `warning_signs` are the contract slugs the follow-up yeses
    map to (red_flags slugs, or the escalation `building_one_side` / content `not_easing` for
    "worse with each run"), for the caller to show with their level and message. `rules` are
    the notice rules that fired (NOT_EASING, RISING, BONE_SITE_LASTING, BUILDING_ONE_SIDE,
    FOLLOWUP).
    """

    problem: Problem
    reasons: tuple[str, ...]
    when: str
    advice: str
    warning_signs: tuple[str, ...]
    rules: tuple[str, ...]


def notices(problems, today: date) -> list[Notice]:
    """The see-someone notices for the problems not gone, most urgent first."""
    found = []
    for problem in problems:
        if problem.gone:
            continue
        rules = _rules(problem, today) or problem.earlier_rules
        if rules:
            found.append(_notice(problem, today, rules))
    return sorted(
        found,
        key=lambda n: (
            n.when != "today",
            not n.warning_signs,
            not n.problem.rising,
            -n.problem.days_on(today),
            _REGION_ORDER.get(n.problem.region, 99),
            n.problem.side,
        ),
    )


def _rules(problem: Problem, today: date) -> tuple[str, ...]:
    days = problem.days_on(today)
    # At a bone site, one side or a side not said (fail safe: a skipped side counts as one);
    # both sides only when it is not easing (shin splints on both sides still need a check).
    bone_one_side = problem.bone_site and (not problem.both_sides or not problem.clearly_easing)
    fired = {
        # One report cannot show that something is not easing: it needs two days of it.
        NOT_EASING: days > NOT_EASING_AFTER_DAYS
        and not problem.clearly_easing
        and len({day for day, score in problem.scores if score > 0}) > 1,
        # Only where NOT_EASING is quiet: eased from its worst, then stuck.
        LINGERING: days > LINGERING_AFTER_DAYS
        and (today - problem.last_day).days < RECENT_DAYS  # still being reported
        and problem.clearly_easing
        and (
            max(score for _, score in problem.scores[-RECENT_DAYS:]) >= 2
            or (days > LINGERING_LOW_AFTER_DAYS and problem.latest >= 1)
        ),
        RISING: problem.rising,
        BONE_SITE_LASTING: bone_one_side and days >= BONE_SITE_DAYS,
        BUILDING_ONE_SIDE: bone_one_side and problem.rising,
        FOLLOWUP: bool(problem.followup_answers),
    }
    return tuple(rule for rule, on in fired.items() if on)


def _signs(problem: Problem) -> tuple[str, ...]:
    signs = []
    for answer in FOLLOWUP_QUESTIONS:  # in the questions' order
        if answer not in problem.followup_answers:
            continue
        if answer == "swelling":
            if problem.region in CALF_REGIONS and not problem.both_sides:
                signs.append("calf_swelling_one_side")  # a clot: today
            elif problem.region in BONE_SITES - HIP_REGIONS:
                signs.append("bone_tenderness")  # a swollen foot or shin: a bone stress injury
            else:
                signs.append("joint_swelling")
        elif answer == "worse_each_run":
            bone_one_side = problem.bone_site and problem.one_sided
            signs.append(BUILDING_ONE_SIDE if bone_one_side else NOT_EASING)
        else:
            signs.append(FOLLOWUP_SIGNS[answer])
    return tuple(signs)


_SAID = {
    "bone_spot": ("hurts", "hurt", "on one spot of a bone"),
    "rest_or_night": ("hurts", "hurt", "at rest or at night"),
    "worse_each_run": ("gets", "get", "worse with each run"),
    "swelling": ("is", "are", "swollen"),
    "hop_or_weight": ("hurts", "hurt", "when you hop or put weight on the leg"),
}


def _notice(problem: Problem, today: date, rules: tuple[str, ...]) -> Notice:
    legs = problem.region == LEGS
    subject = "your legs" if legs else f"your {problem.label[0].lower()}{problem.label[1:]}"
    has, is_ = ("have", "are") if legs else ("has", "is")
    days = problem.days_on(today)
    reasons = []
    for answer in FOLLOWUP_QUESTIONS:
        if answer in problem.followup_answers:
            one, many, what = _SAID[answer]
            reasons.append(f"You said {subject} {many if legs else one} {what}.")
    # A report from today or yesterday is "now"; an older one is named, so that a spot the
    # runner has not mentioned since is not said to hurt today.
    stale = (today - problem.last_day).days > 1
    latest = f"on {problem.last_day.day} {problem.last_day:%B}" if stale else "now"
    if RISING in rules:
        low = _baseline(problem.scores, problem.started)
        reasons.append(
            f"{subject.capitalize()} {is_} getting worse: {problem.latest}/10 {latest}, up "
            f"from {low}/10."
        )
    lasting = f"{subject.capitalize()} {has} been sore for {days} days"
    since = f" (your latest check-in about it, {latest}, said {problem.latest}/10)" if stale else ""
    if NOT_EASING in rules:
        reasons.append(f"{lasting} and {is_} not easing{since}.")
    elif LINGERING in rules:
        last_sore = next(score for _, score in reversed(problem.scores) if score > 0)
        reasons.append(f"{lasting} and {is_} still {last_sore}/10{since}.")
    elif BONE_SITE_LASTING in rules:
        reasons.append(f"{lasting}{since}.")
    if BONE_SITE_LASTING in rules or BUILDING_ONE_SIDE in rules:
        reasons.append(
            "Pain at a shin, foot or hip that lasts or builds up can be a bone stress injury, "
            "even when it is mild."
        )

    if problem.region in HIP_REGIONS:
        when, advice = (
            ("today" if "hop_or_weight" in problem.followup_answers else "days"),
            HIP_ADVICE,
        )
    elif problem.region in CALF_REGIONS and "swelling" in problem.followup_answers:
        when, advice = "today", CALF_SWELLING_ADVICE
    else:
        when, advice = "days", ADVICE
    return Notice(problem, tuple(reasons), when, advice, _signs(problem), rules)


# --------------------------------------------------------------------------- follow-ups


def needs_followup(problem: Problem, today: date) -> bool:
    """Ask the FOLLOWUP_QUESTIONS for this spot at the next check-in: from day 3, or at once
    for a calf (swelling: a clot) or a hip (hopping: a stress fracture that can shift)."""
    if problem.gone or problem.latest == 0:
        return False  # gone, or said to be gone since its last sore report
    return (
        problem.region in URGENT_FOLLOWUP_REGIONS or problem.days_on(today) >= FOLLOWUP_AFTER_DAYS
    )


def followup_questions(problem: Problem) -> tuple[str, ...]:
    """The follow-up slugs to ask about this spot (the hop test at the hip only)."""
    return tuple(
        slug
        for slug in FOLLOWUP_QUESTIONS
        if slug not in HIP_ONLY_FOLLOWUPS or problem.region in HIP_REGIONS
    )


# --------------------------------------------------------------------------- questionnaire


def duration_bucket(days: int) -> str:
    """The contract's `duration_days` for a problem on its day `days` (day 1 = first day)."""
    if days < 3:
        return "under_3"
    return "3_7" if days <= 7 else "over_7"


_TREND_ANSWER = {"easing": "easing", "steady": "same", "rising": "worse"}


def questionnaire_answers(problem: Problem, today: date) -> dict:
    """Contract answers for the pre-fill, from the problem (never from the latest run).

    `location` ([region], none for legs overall), `sides` ("one" for a left or right
    problem, "both" only when every report tapped both sides; not given for an unsided one:
    a skipped `sides` counts as "one" in the contract), `duration_days`, `trend` (the v3
    content's question: easing, same, worse), `started` (a date) and `built_up_over_runs`
    (runs came between and it is not clearly easing: a hint for `onset` = "later", which the
    caller asks with the run the runner picks).
    """
    answers: dict = {}
    if problem.region != LEGS:
        answers["location"] = [problem.region]
    if problem.one_sided:
        answers["sides"] = "both" if problem.both_sides else "one"
    answers["duration_days"] = duration_bucket(problem.days_on(today))
    # Whether it is easing needs two days of reports: from one, it is not known.
    if len({day for day, score in problem.scores if score > 0}) > 1:
        answers["trend"] = _TREND_ANSWER[problem.trend]
    answers["started"] = problem.started
    answers["built_up_over_runs"] = problem.runs_between > 0 and not problem.clearly_easing
    return answers

"""What a runner's log can answer in the soreness questionnaire, and from which day.

The questionnaire (the `assessments` app) asks this module; this module names questions and
choices by their contract slugs only (../shared/assessment-contract.md) and never imports
the questionnaire. `answers_from(...)` is plain: facts in, answers out; `answers_from_log`
reads the facts from the database in a fixed handful of queries.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from . import days, load, problems, queries, units

# The latest run is "the run that made you sore" only while it is recent.
RECENT_RUN_DAYS = 10
# Weeks of runs read for the week-on-week questions.
HISTORY_DAYS = 7 + 21 + 14


@dataclass(frozen=True)
class LogAnswer:
    """One answer from the log: the value in the contract's shape, the local day it comes
    from, the runs it drew on, and where it came from in words a runner recognises."""

    value: str | list[str]
    day: date
    run_ids: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogFacts:
    runs: list[load.RunFacts]  # oldest first
    checkins: list[load.CheckIn]  # oldest first
    today: date
    followups: dict = field(default_factory=dict)  # runlog.problems' follow-up answers


def _minutes_bucket(seconds: int) -> str:
    minutes = seconds / 60
    if minutes < 30:
        return "under_30"
    if minutes < 60:
        return "30_60"
    if minutes < 90:
        return "60_90"
    return "over_90"


def _temperature_bucket(celsius) -> str:
    celsius = float(celsius)
    if celsius < 5:
        return "cold"
    if celsius <= 20:
        return "mild"
    if celsius <= 27:
        return "warm"
    return "hot"


def _warm_up(warm_up_done, cool_down_done) -> str | None:
    if warm_up_done is None or cool_down_done is None:
        return None  # half an answer is no answer
    return {
        (True, True): "both",
        (True, False): "warm_up_only",
        (False, True): "cool_down_only",
        (False, False): "neither",
    }[(warm_up_done, cool_down_done)]


def _load_change(runs: list[load.RunFacts], last_day: date) -> str | None:
    """The 7 days up to the latest run against the 3 weeks before them."""
    week_start = last_day - timedelta(days=6)
    this_week = sum(r.distance_m for r in runs if week_start <= r.day <= last_day)
    before = [r for r in runs if r.day < week_start]
    usual_from = week_start - timedelta(days=21)
    usual = [r for r in before if r.day >= usual_from]
    if not usual:
        # Runs before the last 3 weeks but none in them: the first runs after a break.
        return "returning" if before else None
    weekly_usual = sum(r.distance_m for r in usual) / 3
    ratio = this_week / weekly_usual if weekly_usual else 0
    if ratio < 0.9:
        return "less"
    if ratio <= 1.05:
        return "same"
    if ratio <= 1.10:
        return "up_small"
    return "up_large"


def _rest_days(runs: list[load.RunFacts], last_day: date) -> str:
    run_days = {r.day for r in runs if last_day - timedelta(days=6) <= r.day <= last_day}
    rest = 7 - len(run_days)
    return "none" if rest == 0 else "one" if rest == 1 else "two_plus"


# The run that made the legs sore: the candidates are the runs of the 3 days before the
# problem started (and its first day, before the first report).
CANDIDATE_DAYS = 3


def run_words(run: load.RunFacts, unit: str = units.KM) -> str:
    """ "your run of Sunday 29 November (21.1 km)": how the result names a source run."""
    distance = units.format_distance(run.distance_m, unit)
    return f"your run of {run.day:%A} {run.day.day} {run.day:%B} ({distance})"


def open_problems(facts: LogFacts) -> list[problems.Problem]:
    found = problems.problems_from(
        facts.checkins, facts.runs, today=facts.today, followups=facts.followups
    )
    return [problem for problem in found if not problem.gone]


def current_problem(facts: LogFacts, open_=None) -> problems.Problem | None:
    """The problem the questionnaire is about: the first with a notice, else the open one
    reported most recently (a tapped area before "legs overall")."""
    open_ = open_problems(facts) if open_ is None else open_
    if not open_:
        return None
    noticed = problems.notices(open_, facts.today)
    if noticed:
        return noticed[0].problem
    return max(open_, key=lambda p: (p.last_day, p.region != problems.LEGS, p.worst))


def candidate_runs(facts: LogFacts, problem: problems.Problem | None = None) -> list:
    """The runs the questionnaire offers as "the run that made your legs sore", most likely
    first: the longest or hilliest of the few days before the soreness started, then the
    other recent ones, newest first. Asked, never assumed."""
    problem = problem if problem is not None else current_problem(facts)
    recent = [r for r in facts.runs if (facts.today - r.day).days <= RECENT_RUN_DAYS]
    if problem is None:
        return sorted(recent, key=lambda r: r.start, reverse=True)
    first_report = next((c.recorded_at for c in facts.checkins if c.day == problem.started), None)
    before = [
        r
        for r in facts.runs
        if problem.started - timedelta(days=CANDIDATE_DAYS) <= r.day <= problem.started
        and (first_report is None or r.start <= first_report)
    ]
    likely = sorted(
        before,
        key=lambda r: (-(r.terrain in HILLY), -r.distance_m, -r.start.timestamp()),
    )
    rest = sorted((r for r in recent if r not in likely), key=lambda r: r.start, reverse=True)
    return likely + rest


HILLY = ("hilly", "downhill", "trail")


def answers_from(facts: LogFacts, run_id: int | None = None) -> dict[str, LogAnswer]:
    """The questionnaire's answers the log can give, keyed by question slug.

    Where it hurts, since when, on which side and whether it is easing come from the problem
    the log follows (runlog.problems), not from the check-ins after the latest run. What the
    run was like comes from the run the runner picked (`run_id`), never from a guess.
    """
    answers: dict[str, LogAnswer] = {}
    open_ = open_problems(facts)
    problem = current_problem(facts, open_)
    chosen = next((r for r in facts.runs if run_id is not None and r.run_id == run_id), None)
    if chosen is not None:
        _from_the_run(facts, chosen, answers)
    if problem is not None:
        # One problem: where, which side, since when and the trend all describe the same spot
        # (mixing a sore knee in both legs with a one-sided hip would hide the hip's pattern).
        _from_the_problem(facts, problem, chosen, answers)
    return answers


def _from_the_run(facts: LogFacts, run: load.RunFacts, answers: dict) -> None:
    ids = (run.run_id,) if run.run_id is not None else ()
    words = (run_words(run),)

    def give(question, value, run_ids=ids, sources=words):
        if value:
            answers[question] = LogAnswer(value, run.day, run_ids, sources)

    week = [r for r in facts.runs if run.day - timedelta(days=6) <= r.day <= run.day]
    week_ids = tuple(r.run_id for r in week if r.run_id is not None)
    week_words = (f"your runs of the 7 days to {run.day:%A} {run.day.day} {run.day:%B}",)
    give("load_change", _load_change(facts.runs, run.day), week_ids, week_words)
    give("rest_days", _rest_days(facts.runs, run.day), week_ids, week_words)
    give("terrain", run.terrain)
    give("duration", _minutes_bucket(run.duration_s))
    if run.temperature_c is not None:
        give("temperature", _temperature_bucket(run.temperature_c))
    give("fluids", run.fluids)
    give("warm_up", _warm_up(run.warm_up_done, run.cool_down_done))


def _from_the_problem(facts, problem, run, answers: dict) -> None:
    words = (
        f"your check-ins from {problem.started:%A} {problem.started.day} {problem.started:%B}",
    )
    from_problem = problems.questionnaire_answers(problem, facts.today)
    for question in ("location", "sides", "duration_days", "trend"):
        if from_problem.get(question):
            answers[question] = LogAnswer(from_problem[question], problem.last_day, (), words)
    onset = _onset(facts, problem, run, from_problem["built_up_over_runs"])
    if onset:
        answers["onset"] = LogAnswer(onset, problem.started, (), words)


def _onset(facts, problem, run, built_up: bool) -> str | None:
    """When it started, against the run the runner picked: a problem that built up over runs
    started "later" whatever run is picked; without a picked run, only that is known."""
    if built_up:
        return "later"
    if run is None:
        return None
    first = next(
        (
            c.recorded_at
            for c in facts.checkins
            if c.day == problem.started and c.recorded_at >= run.end
        ),
        None,
    )
    if first is None:
        return None
    hours = (first - run.end).total_seconds() / 3600
    if hours < 12:
        return "same_day"
    return "next_day" if hours <= 48 else "later"


def facts_for(user, now: datetime | None = None) -> LogFacts:
    from .models import Run, SorenessEntry

    now = now or timezone.now()
    tz_name = queries.settings_for(user).time_zone
    if not days.is_time_zone(tz_name):
        tz_name = "UTC"  # a zone the time-zone database has since dropped: never a 500 here
    tz = days.zone(tz_name)
    since = now - timedelta(days=HISTORY_DAYS + RECENT_RUN_DAYS + problems.GAP_DAYS * 4)
    runs = Run.objects.filter(owner=user, start__gte=since, start__lte=now)
    entries = SorenessEntry.objects.filter(owner=user, recorded_at__gte=since, recorded_at__lte=now)
    return LogFacts(
        queries.run_facts(runs.order_by("start", "id"), tz),
        queries.checkin_facts(entries, tz),
        days.local_day(now, tz_name),
        queries.followups_of(user, since, now + timedelta(seconds=1)),
    )


def answers_from_log(user, run_id: int | None = None, now: datetime | None = None):
    return answers_from(facts_for(user, now), run_id)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def run_choices(user, now: datetime | None = None, limit: int = 6) -> list[tuple[int, str]]:
    """The runs to offer as "the run that made your legs sore", most likely first, each as
    (run id, words), in the runner's own units."""
    facts = facts_for(user, now)
    unit = queries.settings_for(user).distance_unit
    return [
        (run.run_id, _first_upper(run_words(run, unit).removeprefix("your run of ")))
        for run in candidate_runs(facts)
        if run.run_id is not None
    ][:limit]

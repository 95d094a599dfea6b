"""What a runner's log can answer in the soreness questionnaire, and from which day.

The questionnaire (the `assessments` app) asks this module; this module names questions and
choices by their contract slugs only (../shared/assessment-contract.md) and never imports
the questionnaire. `answers_from(...)` is plain: facts in, answers out; `answers_from_log`
reads the facts from the database in a fixed handful of queries.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from . import days, load, queries

# The latest run is "the run that made you sore" only while it is recent.
RECENT_RUN_DAYS = 10
# Weeks of runs read for the week-on-week questions.
HISTORY_DAYS = 7 + 21 + 14


@dataclass(frozen=True)
class LogAnswer:
    """One answer from the log: the value in the contract's shape, the local day it comes
    from, and the runs it drew on."""

    value: str | list[str]
    day: date
    run_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LogFacts:
    runs: list[load.RunFacts]  # oldest first
    checkins: list[load.CheckIn]  # oldest first
    today: date


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


def answers_from(facts: LogFacts) -> dict[str, LogAnswer]:
    """The questionnaire's answers the log can give, keyed by question slug."""
    recent = [r for r in facts.runs if (facts.today - r.day).days <= RECENT_RUN_DAYS]
    if not recent:
        return {}
    latest = recent[-1]
    ids = (latest.run_id,) if latest.run_id is not None else ()
    answers: dict[str, LogAnswer] = {}

    def give(question, value, day=latest.day, run_ids=ids):
        if value:
            answers[question] = LogAnswer(value, day, run_ids)

    week_ids = tuple(
        r.run_id for r in facts.runs if r.run_id is not None and r.day > latest.day - timedelta(7)
    )
    give("load_change", _load_change(facts.runs, latest.day), run_ids=week_ids)
    give("rest_days", _rest_days(facts.runs, latest.day), run_ids=week_ids)
    give("terrain", latest.terrain)
    give("duration", _minutes_bucket(latest.duration_s))
    if latest.temperature_c is not None:
        give("temperature", _temperature_bucket(latest.temperature_c))
    give("fluids", latest.fluids)
    give("warm_up", _warm_up(latest.warm_up_done, latest.cool_down_done))

    after = [c for c in facts.checkins if c.recorded_at >= latest.start]
    regions = sorted({region.region for c in after for region in c.regions})
    if regions:
        give("location", regions, day=after[-1].day)
    sore = [c for c in after if c.soreness >= 2]
    if sore:
        hours = (sore[0].recorded_at - latest.end).total_seconds() / 3600
        onset = "same_day" if hours < 12 else "next_day" if hours <= 48 else "later"
        give("onset", onset, day=sore[0].day)
    lasting = load.not_easing(facts.checkins, facts.runs, facts.today)
    if lasting:
        give("duration_days", lasting[0].duration_days, day=lasting[0].last_day)
    elif sore and after[-1].soreness >= 2:
        span = (after[-1].day - sore[0].day).days + 1
        give(
            "duration_days",
            "under_3" if span < 3 else "3_7" if span <= 7 else "over_7",
            day=after[-1].day,
        )
    return answers


def facts_for(user, now: datetime | None = None) -> LogFacts:
    from .models import Run, SorenessEntry

    now = now or timezone.now()
    tz_name = queries.settings_for(user).time_zone
    tz = days.zone(tz_name)
    since = now - timedelta(days=HISTORY_DAYS + RECENT_RUN_DAYS)
    runs = Run.objects.filter(owner=user, start__gte=since, start__lte=now)
    entries = SorenessEntry.objects.filter(owner=user, recorded_at__gte=since, recorded_at__lte=now)
    return LogFacts(
        queries.run_facts(runs.order_by("start", "id"), tz),
        queries.checkin_facts(entries, tz),
        days.local_day(now, tz_name),
    )


def answers_from_log(user, now: datetime | None = None) -> dict[str, LogAnswer]:
    return answers_from(facts_for(user, now))

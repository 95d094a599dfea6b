"""The run log's reads, each scoped to one runner: nothing here can reach another's rows."""

from datetime import datetime, timedelta

from . import days
from .models import Run, RunnerSettings, SorenessEntry

RECENT_RUNS_FOR_CHECKIN = 10


def settings_for(user) -> RunnerSettings:
    """The runner's settings, made with the defaults on first use (get_or_create copes
    with two first requests at once)."""
    return RunnerSettings.objects.get_or_create(user=user)[0]


def runs_of(user):
    return Run.objects.filter(owner=user)


def entries_of(user):
    return SorenessEntry.objects.filter(owner=user)


def recent_runs(user, also=None) -> list[Run]:
    """The runs a check-in may follow: the latest few, and `also` (a run chosen elsewhere)."""
    runs = list(runs_of(user).order_by("-start", "-id")[:RECENT_RUNS_FOR_CHECKIN])
    if also is not None and all(run.pk != also.pk for run in runs):
        runs.append(also)
    return runs


def next_morning_run(user, prefs: RunnerSettings, now: datetime) -> Run | None:
    """The run to ask about when the runner has not checked in today, local time.

    Soreness peaks 24-72 hours after a run, so the morning after (or later the same day)
    is when a check-in says most. Yesterday's run or one earlier today qualifies.
    """
    today = days.today(prefs.time_zone, now)
    today_start, tomorrow_start = days.day_bounds(today, prefs.time_zone)
    yesterday_start, _ = days.day_bounds(today - timedelta(days=1), prefs.time_zone)
    run = (
        runs_of(user)
        .filter(start__gte=yesterday_start, start__lt=now)
        .order_by("-start", "-id")
        .first()
    )
    if run is None:
        return None
    checked_in = entries_of(user).filter(
        recorded_at__gte=today_start, recorded_at__lt=tomorrow_start
    )
    return None if checked_in.exists() else run

"""The run log's reads, each scoped to one runner: nothing here can reach another's rows."""

from datetime import datetime, timedelta

from . import days, load
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


def run_facts(runs, tz) -> list[load.RunFacts]:
    """A queryset of one runner's runs read as load's plain facts, in their local days."""
    rows = runs.values_list(
        "start", "distance_m", "duration_s", "rpe", "terrain", "temperature_c", "fluids",
        "warm_up_done", "cool_down_done", "id",
    )  # fmt: skip
    return [
        load.RunFacts(
            day=start.astimezone(tz).date(),
            start=start,
            distance_m=distance,
            duration_s=time,
            rpe=rpe,
            terrain=terrain,
            temperature_c=temperature,
            fluids=fluids,
            warm_up_done=warm_up,
            cool_down_done=cool_down,
            run_id=pk,
        )  # fmt: skip
        for start, distance, time, rpe, terrain, temperature, fluids, warm_up, cool_down, pk in rows
    ]


def checkin_facts(entries, tz) -> list[load.CheckIn]:
    """A queryset of one runner's check-ins, with their regions, read as load's plain facts
    in one query (a LEFT JOIN: one row per region, one row of NULLs for none)."""
    rows = entries.order_by("recorded_at", "id", "regions__id").values_list(
        "id", "recorded_at", "soreness", "sleep_quality", "fatigue", "stress", "run_id",
        "regions__region", "regions__side", "regions__soreness",
    )  # fmt: skip
    checkins: list[load.CheckIn] = []
    current_id, head, regions = None, None, []

    def close():
        if head is not None:
            recorded_at, soreness, sleep, fatigue, stress, run_id = head
            checkins.append(
                load.CheckIn(
                    day=recorded_at.astimezone(tz).date(),
                    recorded_at=recorded_at,
                    soreness=soreness,
                    sleep_quality=sleep,
                    fatigue=fatigue,
                    stress=stress,
                    regions=tuple(regions),
                    run_id=run_id,
                )  # fmt: skip
            )

    for entry_id, *facts, region, side, region_soreness in rows:
        if entry_id != current_id:
            close()
            current_id, head, regions = entry_id, facts, []
        if region is not None:
            regions.append(load.Region(region, side, region_soreness))
    close()
    return checkins


def followups_of(user, since, until) -> dict[tuple[datetime, str, str], frozenset[str]]:
    """The runner's follow-up answers given with check-ins between `since` and `until`, as
    runlog.problems reads them: (check-in time, region, side) -> the yeses. One query."""
    from .models import FollowUpAnswer

    rows = FollowUpAnswer.objects.filter(
        entry__owner=user, entry__recorded_at__gte=since, entry__recorded_at__lt=until
    ).values_list("entry__recorded_at", "region", "side", "answer")
    found: dict[tuple[datetime, str, str], set[str]] = {}
    for recorded_at, region, side, answer in rows:
        found.setdefault((recorded_at, region, side), set()).add(answer)
    return {key: frozenset(answers) for key, answers in found.items()}

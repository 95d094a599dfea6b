"""The sore spots a runner's log follows, read from the database: the see-someone notices
(the dashboard, the check-in), the follow-up questions a check-in asks, and the problem the
questionnaire's pre-fill starts from. The rules are runlog/problems.py's; this is glue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import days, problems, queries
from . import signs as warning_signs
from .models import Run, SorenessEntry

# Problems end after a week without a check-in; 12 weeks covers any still open.
WINDOW_DAYS = 84


@dataclass(frozen=True, slots=True)
class NoticeView:
    """A notice with its warning signs in the questionnaire's own words and levels."""

    notice: problems.Notice
    signs: tuple[warning_signs.Sign, ...] = ()

    @property
    def today(self) -> bool:
        return self.notice.when == "today" or any(sign.today for sign in self.signs)

    @property
    def problem(self) -> problems.Problem:
        return self.notice.problem


@dataclass(frozen=True, slots=True)
class FollowUpSpot:
    """A spot the next check-in asks the follow-up questions about."""

    region: str  # a Location slug, or "legs"
    side: str
    label: str
    questions: tuple[str, ...] = ()  # the FollowUp slugs to ask (the hop test at the hip)

    @property
    def value(self) -> str:
        return f"{self.side}-{self.region}" if self.side else self.region


@dataclass(frozen=True, slots=True)
class Watch:
    today: date
    problems: tuple[problems.Problem, ...] = ()  # open ones, oldest first
    notices: tuple[NoticeView, ...] = field(default=())
    followups: tuple[FollowUpSpot, ...] = ()

    @property
    def today_notices(self) -> bool:
        return any(view.today for view in self.notices)


def watch_from(checkins, runs, followups, today: date) -> Watch:
    """Plain: the log's facts in, the watch out."""
    found = problems.problems_from(checkins, runs, today=today, followups=followups)
    open_ = tuple(problem for problem in found if not problem.gone)
    views = tuple(
        NoticeView(notice, tuple(warning_signs.signs(notice.warning_signs)))
        for notice in problems.notices(found, today)
    )
    spots = tuple(
        FollowUpSpot(
            problem.region, problem.side, problem.label, problems.followup_questions(problem)
        )
        for problem in open_
        if problems.needs_followup(problem, today)
    )
    return Watch(today, open_, tuple(sorted(views, key=lambda v: not v.today)), spots)


def watch(user, prefs, now: datetime) -> Watch:
    """The runner's watch as of `now`, in three queries."""
    tz_name = prefs.time_zone
    tz = days.zone(tz_name)
    today = days.today(tz_name, now)
    since = days.day_bounds(today - timedelta(days=WINDOW_DAYS), tz_name)[0]
    until = days.day_bounds(today, tz_name)[1]
    entries = SorenessEntry.objects.filter(
        owner=user, recorded_at__gte=since, recorded_at__lt=until
    )
    runs = Run.objects.filter(owner=user, start__gte=since, start__lt=until).order_by("start", "id")
    return watch_from(
        queries.checkin_facts(entries, tz),
        queries.run_facts(runs, tz),
        queries.followups_of(user, since, until),
        today,
    )

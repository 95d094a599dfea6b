"""A signed-in runner's questionnaire starts from their log: each answer the log can give is
filled in, marked with its day and its sources, and changeable. Where it hurts, since when, on
which side come from the problem the log follows; what the run was like comes from the run
the runner says made their legs sore (asked, never assumed)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from assessments.models import Assessment, Question
from runlog import load
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from runlog.prefill import LogFacts, answers_from, candidate_runs

TODAY = date(2026, 11, 20)


def at(day: date, hour=7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def run(days_ago, km, minutes=50, run_id=None):
    day = TODAY - timedelta(days=days_ago)
    return load.RunFacts(day=day, start=at(day), distance_m=int(km * 1000),
                         duration_s=minutes * 60, run_id=run_id)  # fmt: skip


def checkin(days_ago, soreness, hour=20, regions=(), side=""):
    day = TODAY - timedelta(days=days_ago)
    return load.CheckIn(day=day, recorded_at=at(day, hour), soreness=soreness,
                        regions=tuple(load.Region(r, side) for r in regions))  # fmt: skip


def facts(runs, checkins=()):
    return LogFacts(list(runs), list(checkins), TODAY)


def steady_weeks(km=10, weeks=3, start=8):
    """Three runs a week for `weeks` weeks before the last 7 days."""
    return [run(start + week * 7 + offset, km) for week in range(weeks) for offset in (0, 2, 4)]


# Plain: facts in, answers out.


def test_an_empty_or_old_log_answers_nothing():
    assert answers_from(facts([])) == {}
    assert answers_from(facts([run(30, 10, run_id=1)])) == {}


def test_no_run_is_assumed_to_be_the_one_that_made_the_legs_sore():
    """Without the runner's pick, nothing about "that run" is filled in."""
    latest = replace(run(1, 10, run_id=7), terrain="downhill", fluids="little")
    assert answers_from(facts([latest])) == {}


@pytest.mark.parametrize(
    ("this_week_km", "expected"),
    [(20, "less"), (30, "same"), (32, "up_small"), (40, "up_large")],
)
def test_load_change_compares_the_last_week_with_the_three_before(this_week_km, expected):
    runs = [
        *steady_weeks(10),
        run(4, this_week_km / 2, run_id=1),
        run(1, this_week_km / 2, run_id=2),
    ]
    runs.sort(key=lambda r: r.start)
    answer = answers_from(facts(runs), run_id=2)["load_change"]
    assert answer.value == expected
    assert answer.day == TODAY - timedelta(days=1)
    assert set(answer.run_ids) == {1, 2}


def test_first_runs_after_a_break_are_returning():
    runs = [run(60, 10), run(50, 10), run(2, 5, run_id=3)]
    assert answers_from(facts(runs), run_id=3)["load_change"].value == "returning"


@pytest.mark.parametrize(("run_days", "expected"), [(7, "none"), (6, "one"), (3, "two_plus")])
def test_rest_days_count_the_days_without_a_run_in_the_last_week(run_days, expected):
    runs = [run(1 + n, 5, run_id=1 + n) for n in reversed(range(run_days))]
    assert answers_from(facts(runs), run_id=1)["rest_days"].value == expected


@pytest.mark.parametrize(
    ("minutes", "celsius", "duration", "temperature"),
    [(25, 3, "under_30", "cold"), (45, 12, "30_60", "mild"), (75, 24, "60_90", "warm"),
     (120, 30, "over_90", "hot")],
)  # fmt: skip
def test_the_latest_run_gives_duration_temperature_terrain_fluids_and_warm_up(
    minutes, celsius, duration, temperature
):
    latest = replace(run(1, 10, minutes, run_id=7), terrain="downhill", temperature_c=celsius,
                     fluids="little", warm_up_done=True, cool_down_done=False)  # fmt: skip
    answers = answers_from(facts([latest]), run_id=7)
    assert answers["duration"].value == duration
    assert answers["temperature"].value == temperature
    assert answers["terrain"].value == "downhill"
    assert answers["fluids"].value == "little"
    assert answers["warm_up"].value == "warm_up_only"
    assert answers["terrain"].run_ids == (7,)
    assert answers["terrain"].sources == (f"your run of {latest.day:%A} {latest.day.day} "
                                          f"{latest.day:%B} (10.00 km)",)  # fmt: skip


def test_what_the_runner_did_not_log_stays_unanswered():
    answers = answers_from(facts([replace(run(1, 10, run_id=7), warm_up_done=True)]), run_id=7)
    assert not {"terrain", "temperature", "fluids", "warm_up"} & set(answers)


def test_the_problem_gives_where_since_when_and_the_onset_against_the_picked_run():
    runs = [run(4, 10, run_id=1)]
    checkins = [checkin(3, 5, regions=["quads", "calves"]), checkin(2, 4, regions=["quads"]),
                checkin(1, 3, regions=["quads"])]  # fmt: skip
    answers = answers_from(facts(runs, checkins), run_id=1)
    assert answers["location"].value == ["quads"]  # the calves are gone since day 2
    assert answers["onset"].value == "next_day"
    assert answers["duration_days"].value == "3_7"
    assert answers["trend"].value == "easing"
    assert answers["location"].day == TODAY - timedelta(days=1)


def test_soreness_that_is_not_easing_fills_in_more_than_7_days():
    runs = [run(9, 10)]
    checkins = [checkin(days, 6, regions=["shins"]) for days in (8, 6, 4, 2, 0)]
    answers = answers_from(facts(runs, checkins))
    assert answers["duration_days"].value == "over_7"


def day_20_of_a_shin():
    """A left shin sore for 20 days while the runner keeps running; the latest run is an
    easy 5 km two days after a hilly 21 km; check-ins come the morning after each run."""
    runs = [run(days, 8, run_id=100 + days) for days in range(22, 4, -2)]
    runs += [replace(run(4, 21, 130, run_id=4), terrain="hilly"), run(2, 5, 30, run_id=2)]
    checkins = [checkin(days, 2 if days > 10 else 4, hour=8, regions=["shins"], side="left")
                for days in range(19, -1, -1)]  # fmt: skip
    return facts(sorted(runs, key=lambda r: r.start), checkins)


def test_on_day_20_of_shin_pain_the_onset_and_duration_come_from_the_problem():
    answers = answers_from(day_20_of_a_shin(), run_id=2)  # even with the latest run picked
    assert answers["onset"].value == "later"  # built up over runs, not "the next day"
    assert answers["duration_days"].value == "over_7"  # not "under 3 days"
    assert answers["sides"].value == "one"  # the check-ins recorded the side
    assert answers["location"].value == ["shins"]
    assert answers["onset"].sources == ("your check-ins from Sunday 1 November",)


def test_the_run_offered_first_is_the_longest_or_hilliest_before_it_started():
    log = day_20_of_a_shin()
    # The shin started 19 days ago: the runs of the 3 days before it, hilly/long first.
    offered = [r.run_id for r in candidate_runs(log)]
    assert offered[0] == 120  # the run the day before the first sore morning
    ordinary = facts([run(6, 8, run_id=6), replace(run(3, 21, 130, run_id=3), terrain="hilly"),
                      run(2, 5, 30, run_id=2)],
                     [checkin(1, 5, hour=8, regions=["quads"])])  # fmt: skip
    assert [r.run_id for r in candidate_runs(ordinary)][:2] == [3, 2]


# Through the web: a signed-in runner starts the questionnaire.


@pytest.fixture
def runner(client, django_user_model):
    user = django_user_model.objects.create_user("r", "r@example.com", "a-long-passphrase")
    RunnerSettings.objects.create(user=user, time_zone="Europe/London")
    client.force_login(user)
    now = timezone.now()
    for days_ago in (20, 17, 14, 12, 10, 8):
        Run.objects.create(owner=user, start=now - timedelta(days=days_ago),
                           distance_m=8000, duration_s=2800)  # fmt: skip
    latest = Run.objects.create(
        owner=user, start=now - timedelta(days=1, hours=2), distance_m=21000, duration_s=7200,
        terrain="hilly", temperature_c=3, fluids="little", warm_up_done=False,
        cool_down_done=False,
    )  # fmt: skip
    entry = SorenessEntry.objects.create(owner=user, recorded_at=now - timedelta(hours=2),
                                         soreness=5, run=latest)  # fmt: skip
    SoreRegion.objects.create(entry=entry, region="quads", side="left")
    return latest


@pytest.mark.django_db
def test_the_start_page_asks_which_run_made_the_legs_sore(client, runner):
    page = client.get(reverse("assessment_start")).text
    assert "Which run made your legs sore?" in page
    assert page.index(f'value="{runner.pk}"') < page.index("Not sure, or not after a run")
    assert f'value="{runner.pk}" checked' not in page  # asked, never assumed


@pytest.mark.django_db
def test_another_runners_run_cannot_fill_in_anything(client, runner, django_user_model):
    other = django_user_model.objects.create_user("o", "o@example.com", "a-long-passphrase")
    theirs = Run.objects.create(owner=other, start=timezone.now() - timedelta(hours=5),
                                distance_m=42000, duration_s=14000, terrain="downhill")  # fmt: skip
    client.post(reverse("assessment_new"), {"run": str(theirs.pk)})
    assert "terrain" not in Assessment.objects.get().answers


@pytest.mark.django_db
def test_the_questionnaire_starts_filled_in_and_marked_from_the_log(client, runner):
    client.post(reverse("assessment_new"), {"run": str(runner.pk)})
    assessment = Assessment.objects.get()
    assert assessment.answers["terrain"] == "hilly"
    assert assessment.answers["temperature"] == "cold"
    assert assessment.answers["load_change"] == "up_large"
    assert assessment.answers["location"] == ["quads"]
    assert "red_flags" not in assessment.answers, "warning signs are always the runner's own"
    screen_4 = client.get(reverse("assessment_step", args=[assessment.pk, 4])).text
    day = timezone.localtime(runner.start, timezone=None).date()
    assert f"From your log of {day.day} {day:%B}" in screen_4


@pytest.mark.django_db
def test_a_changed_answer_loses_its_mark_and_the_result_links_the_runs(client, runner):
    client.post(reverse("assessment_new"), {"run": str(runner.pk)})
    assessment = Assessment.objects.get()
    step = lambda n: reverse("assessment_step", args=[assessment.pk, n])  # noqa: E731

    def as_filled_in(number):
        screen = client.get(step(number)).context["form"]
        data = {f"q-{name}": value for name, value in screen.initial.items() if value}
        client.post(step(number), data)

    client.post(step(1), {"q-red_flags": ["none"]})
    for number in range(2, 5):
        as_filled_in(number)
    client.post(step(5), {"q-experience": "established", "q-load_change": "same",
                          "q-rest_days": assessment.answers["rest_days"]})  # fmt: skip
    screen_5 = client.get(step(5)).text
    assert screen_5.count("From your log of") == 1  # rest days kept; load change changed
    for number in range(6, 8):
        as_filled_in(number)
    assessment.refresh_from_db()
    assert assessment.is_complete
    page = client.get(assessment.get_absolute_url()).text
    assert "From your run log" in page
    assert reverse("runlog:run_detail", args=[runner.pk]) in page
    from_log = page.split("From your run log")[1].split("</section>")[0]
    questions = {q.slug: escape(q.text) for q in Question.objects.all()}
    assert questions["rest_days"] in from_log  # kept as the log gave it
    assert questions["load_change"] not in from_log  # changed by the runner
    start = client.get(reverse("assessment_start")).text
    assert "Your questionnaires" in start and assessment.get_absolute_url() in start


@pytest.mark.django_db
def test_an_anonymous_runner_starts_empty(client):
    client.post(reverse("assessment_new"))
    assert Assessment.objects.get().answers == {}

"""The log watches for injuries, through the check-in page: a sore spot followed over days gets
a see-someone notice, the next check-in asks the questions that matter about it, and a yes
shows the questionnaire's own warning at once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from runlog import watch
from runlog.models import FollowUpAnswer
from tests.test_runlog_factories import checkin_form, make_entry, make_run, make_settings, make_user

pytestmark = pytest.mark.django_db


def building_shin(runner, days=6, score=lambda n: min(2 + n // 3, 6)):
    """A left shin, checked in every morning for `days` days, a run every other day."""
    now = timezone.now()
    for n in range(days, 0, -1):
        if n % 2 == 0:
            make_run(runner, start=now - timedelta(days=n, hours=12))
        make_entry(
            runner,
            regions=[("shins", "left", score(days - n))],
            recorded_at=now - timedelta(days=n - 1, hours=1),
            soreness=2,
        )


def test_a_building_shin_gets_a_notice_and_the_follow_up_questions(runner_client, runner):
    make_settings(runner)
    building_shin(runner)
    page = runner_client.get(reverse("runlog:checkin")).text
    assert "Time to see someone" in page
    assert "Left shin" in page and "bone stress injury" in page
    assert 'name="followup-left-shins"' in page
    assert "It hurts on one spot of a bone" in page
    assert reverse("assessment_start") in page


def test_a_yes_is_the_contracts_warning_with_its_level_and_message(runner_client, runner):
    make_settings(runner)
    building_shin(runner)
    response = runner_client.post(
        reverse("runlog:checkin"), checkin_form(**{"followup-left-shins": ["bone_spot"]})
    )
    assert response.status_code == 302
    assert FollowUpAnswer.objects.filter(
        entry__owner=runner, region="shins", side="left", answer="bone_spot"
    ).exists()
    page = runner_client.get(reverse("runlog:checkin")).text
    # The questionnaire's own words for the sign, and its level.
    assert "Pain on one spot of a bone" in page and "(within days)" in page
    assert "bone stress injury (a stress reaction or stress fracture)" in page


def test_a_swollen_calf_says_today(runner_client, runner):
    make_settings(runner)
    now = timezone.now()
    for n in range(4, 0, -1):
        make_entry(runner, regions=[("calves", "right", 3)], recorded_at=now - timedelta(days=n))
    runner_client.post(
        reverse("runlog:checkin"), checkin_form(**{"followup-right-calves": ["swelling"]})
    )
    page = runner_client.get(reverse("runlog:checkin")).text
    assert "Be seen today" in page
    assert "One calf swollen" in page and "(today)" in page
    assert 'class="button call primary-call"' in page or "urgent care" in page  # one tap away


def test_an_ordinary_downhill_race_stays_quiet(runner_client, runner):
    make_settings(runner)
    now = timezone.now()
    make_run(runner, start=now - timedelta(days=4), terrain="downhill", distance_m=21_000)
    for n, score in ((3, 6), (2, 5), (1, 3)):
        make_entry(
            runner,
            regions=[("quads", "", score)],
            recorded_at=now - timedelta(days=n),
            soreness=score,
        )
    make_entry(runner, regions=[], recorded_at=now - timedelta(hours=1), soreness=0)
    page = runner_client.get(reverse("runlog:checkin")).text
    assert "Time to see someone" not in page and "Be seen today" not in page
    assert 'name="followup-' not in page


def test_another_runners_problems_stay_theirs(client, runner, django_user_model):
    make_settings(runner)
    building_shin(runner)
    other = make_user(django_user_model, "other")
    make_settings(other)
    client.force_login(other)
    page = client.get(reverse("runlog:checkin")).text
    assert "Time to see someone" not in page and 'name="followup-' not in page
    response = client.post(
        reverse("runlog:checkin"), checkin_form(**{"followup-left-shins": ["bone_spot"]})
    )
    assert response.status_code == 302  # the unknown field is ignored: nothing asked, nothing kept
    assert not FollowUpAnswer.objects.exists()


def test_the_watch_costs_three_queries_however_long_the_log(runner, django_assert_max_num_queries):
    prefs = make_settings(runner)
    building_shin(runner, days=40)
    with django_assert_max_num_queries(3):
        watched = watch.watch(runner, prefs, timezone.now())
    assert watched.notices


def test_deleting_a_check_in_takes_its_follow_up_answers(runner_client, runner):
    make_settings(runner)
    building_shin(runner)
    runner_client.post(
        reverse("runlog:checkin"), checkin_form(**{"followup-left-shins": ["rest_or_night"]})
    )
    entry = FollowUpAnswer.objects.get().entry
    runner_client.post(reverse("runlog:entry_delete", args=[entry.pk]))
    assert not FollowUpAnswer.objects.exists()


def test_follow_ups_given_with_an_old_check_in_are_refused_not_lost(runner_client, runner):
    make_settings(runner)
    building_shin(runner)
    old = (timezone.now() - timedelta(days=9)).strftime("%Y-%m-%dT%H:%M")
    response = runner_client.post(
        reverse("runlog:checkin"),
        checkin_form(recorded_at=old, **{"followup-left-shins": ["bone_spot"]}),
    )
    assert response.status_code == 422
    assert "how it is now" in response.text
    assert not FollowUpAnswer.objects.exists()

"""Issue 17, "logging in a few taps": a new check-in's "After which run?" pre-selects the
runner's latest run that started in the last 36 hours (none if there is none); the runner can
still choose none, and the check-in page costs no more queries for it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from runlog.models import SorenessEntry
from tests.test_runlog_factories import make_entry, make_run, make_user

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def preselected(response):
    return response.context["form"]["run"].value()


def test_a_run_5_hours_ago_is_preselected(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(hours=30))
    latest = make_run(runner, start=timezone.now() - timedelta(hours=5))
    response = runner_client.get(reverse("runlog:checkin"))
    assert preselected(response) == latest.pk
    html = response.content.decode()
    assert f'<option value="{latest.pk}" selected>' in html


def test_a_run_40_hours_ago_is_not(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(hours=40))
    response = runner_client.get(reverse("runlog:checkin"))
    assert preselected(response) in (None, "")
    assert '<option value="" selected>' in response.content.decode()


def test_a_run_not_started_yet_is_not(runner_client, runner):
    make_run(runner, start=timezone.now() + timedelta(hours=2))
    assert preselected(runner_client.get(reverse("runlog:checkin"))) in (None, "")


def test_another_runners_run_never_is(runner_client, runner, django_user_model):
    other = make_user(django_user_model, "other")
    theirs = make_run(other, start=timezone.now() - timedelta(hours=1))
    response = runner_client.get(reverse("runlog:checkin"))
    assert preselected(response) in (None, "")
    run_choices = [value for value, _ in response.context["form"].fields["run"].choices]
    assert theirs.pk not in run_choices


def test_a_run_chosen_in_the_address_wins(runner_client, runner):
    older = make_run(runner, start=timezone.now() - timedelta(days=3))
    make_run(runner, start=timezone.now() - timedelta(hours=5))
    response = runner_client.get(reverse("runlog:checkin") + f"?run={older.pk}")
    assert preselected(response) == older.pk


def test_the_runner_can_still_choose_none(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(hours=5))
    response = runner_client.post(reverse("runlog:checkin"), {"soreness": "2", "run": ""})
    assert response.status_code == 302
    assert SorenessEntry.objects.get(owner=runner).run is None


def test_after_saving_with_htmx_the_fresh_form_preselects_again(runner_client, runner):
    latest = make_run(runner, start=timezone.now() - timedelta(hours=5))
    response = runner_client.post(
        reverse("runlog:checkin"), {"soreness": "2", "run": str(latest.pk)}, headers=HX
    )
    assert response.status_code == 200
    assert preselected(response) == latest.pk


def test_editing_a_check_in_keeps_its_own_run(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(hours=5))
    entry = make_entry(runner, recorded_at=timezone.now() - timedelta(hours=1))
    response = runner_client.get(reverse("runlog:entry_edit", args=[entry.pk]))
    assert preselected(response) in (None, "")


def test_the_checkin_page_costs_no_more_queries(
    runner_client, runner, django_assert_max_num_queries
):
    for hours in (5, 30, 50, 80):
        run = make_run(runner, start=timezone.now() - timedelta(hours=hours))
        make_entry(runner, run=run, recorded_at=timezone.now() - timedelta(hours=hours - 2))
    runner_client.get(reverse("runlog:checkin"))
    with django_assert_max_num_queries(9):
        response = runner_client.get(reverse("runlog:checkin"))
    assert preselected(response) is not None

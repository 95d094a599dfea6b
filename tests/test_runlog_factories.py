"""Factories for the run log's tests, and the checks that they make what the site would.

The other runlog test modules import the plain functions below; the tests here keep them
honest (a factory run passes the same form and database rules as a runner's).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion

PASSWORD = "a-long-passphrase"


def make_user(django_user_model, name="runner"):
    return django_user_model.objects.create_user(name, f"{name}@example.com", PASSWORD)


def make_settings(user, **fields) -> RunnerSettings:
    prefs, _ = RunnerSettings.objects.update_or_create(user=user, defaults=fields)
    return prefs


def make_run(owner, **fields) -> Run:
    """A plain 10 km in 50 minutes yesterday, unless told otherwise."""
    values = {
        "start": timezone.now() - timedelta(days=1),
        "distance_m": 10_000,
        "duration_s": 50 * 60,
        **fields,
    }
    return Run.objects.create(owner=owner, **values)


def make_entry(owner, regions=(), **fields) -> SorenessEntry:
    """A check-in now with soreness 3; regions as (region, side, soreness) tuples."""
    values = {"recorded_at": timezone.now(), "soreness": 3, **fields}
    entry = SorenessEntry.objects.create(owner=owner, **values)
    for region, side, soreness in regions:
        SoreRegion.objects.create(entry=entry, region=region, side=side, soreness=soreness)
    return entry


def run_form(**overrides) -> dict:
    """What the run form posts for a 10 km in 50:00 an hour ago (UTC runner, km)."""
    start = timezone.now() - timedelta(hours=1)
    data = {
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "distance": "10",
        "moving_time": "50:00",
        "rpe": "",
        "elevation_gain": "",
        "elevation_loss": "",
        "terrain": "",
        "temperature": "",
        "fluids": "",
        "warm_up_done": "",
        "cool_down_done": "",
        "notes": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def checkin_form(**overrides) -> dict:
    """The check-in's two taps: a soreness and Save."""
    data = {"soreness": "3", **overrides}
    return {key: value for key, value in data.items() if value is not None}


pytestmark = pytest.mark.django_db


def test_a_factory_run_is_one_the_database_accepts(django_user_model):
    run = make_run(make_user(django_user_model))
    run.full_clean()
    assert (run.distance_m, run.duration_s, run.rpe, run.terrain) == (10_000, 3000, None, "")


def test_a_factory_entry_keeps_its_regions(django_user_model):
    entry = make_entry(make_user(django_user_model), regions=[("calves", "left", 4)])
    assert [(r.region, r.side, r.soreness) for r in entry.regions.all()] == [("calves", "left", 4)]

"""The run log's tables hold only what a form would accept, and stay the runner's own.

Every range is a CHECK constraint, so a bulk update, an importer or raw SQL cannot store
what the forms refuse; empty stays empty; editors get no permission on any of it.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.default_questionnaire import QUESTIONS
from assessments.editors import EDITORS_GROUP
from runlog.choices import Fluids, Location, Terrain
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from tests.test_runlog_factories import make_entry, make_run, make_settings, make_user

pytestmark = pytest.mark.django_db


def refused(queryset, **values):
    """The database itself refuses the update (IntegrityError), whatever Django would say."""
    with pytest.raises(IntegrityError), transaction.atomic():
        queryset.update(**values)


@pytest.mark.parametrize(
    "values",
    [
        {"distance_m": 0},
        {"duration_s": 0},
        {"distance_m": 2_000_001},
        {"duration_s": 30 * 24 * 3600 + 1},
        {"elevation_gain_m": 100_001},
        {"elevation_loss_m": 100_001},
        {"terrain": "moon"},
        {"fluids": "beer"},
        {"temperature_c": Decimal("50.1")},
        {"temperature_c": Decimal("-40.1")},
        {"rpe": 11},
        {"source": "telepathy"},
    ],
    ids=lambda values: next(iter(values)) + "=" + str(next(iter(values.values()))),
)
def test_a_run_out_of_range_is_refused_by_the_database(runner, values):
    run = make_run(runner)
    refused(Run.objects.filter(pk=run.pk), **values)


@pytest.mark.parametrize(
    "values",
    [{"soreness": 11}, {"sleep_quality": 0}, {"sleep_quality": 8}, {"fatigue": 8}, {"stress": 0}],
    ids=lambda values: "=".join(map(str, next(iter(values.items())))),
)
def test_a_checkin_out_of_range_is_refused_by_the_database(runner, values):
    entry = make_entry(runner)
    refused(SorenessEntry.objects.filter(pk=entry.pk), **values)


@pytest.mark.parametrize(
    "values",
    [{"region": "elbows"}, {"side": "mid"}, {"soreness": 11}],
    ids=lambda values: "=".join(map(str, next(iter(values.items())))),
)
def test_a_sore_region_out_of_range_is_refused_by_the_database(runner, values):
    entry = make_entry(runner, regions=[("calves", "left", None)])
    refused(SoreRegion.objects.filter(entry=entry), **values)


@pytest.mark.parametrize(
    "values",
    [
        {"distance_unit": "ft"},  # fits the column; the constraint refuses it
        {"temperature_unit": "K"},
        {"time_zone": ""},
        {"body_weight_kg": Decimal("19.9")},
        {"body_weight_kg": Decimal("300.1")},
    ],
    ids=lambda values: next(iter(values)),
)
def test_runner_settings_out_of_range_are_refused_by_the_database(runner, values):
    make_settings(runner)
    refused(RunnerSettings.objects.filter(user=runner), **values)


def test_the_ends_of_every_range_are_accepted(runner):
    run = make_run(
        runner,
        distance_m=1,
        duration_s=1,
        elevation_gain_m=0,
        elevation_loss_m=100_000,
        temperature_c=Decimal("-40"),
        rpe=0,
    )
    Run.objects.filter(pk=run.pk).update(temperature_c=Decimal("50"), rpe=10)
    entry = make_entry(runner, soreness=0, sleep_quality=1, fatigue=7, stress=7)
    SorenessEntry.objects.filter(pk=entry.pk).update(soreness=10)
    make_settings(runner, body_weight_kg=Decimal("20"))
    RunnerSettings.objects.filter(user=runner).update(body_weight_kg=Decimal("300"))


def test_nothing_defaults_to_a_value_the_runner_did_not_give(runner):
    run = Run.objects.create(owner=runner, start=timezone.now(), distance_m=5000, duration_s=1800)
    run.refresh_from_db()
    assert (run.elevation_gain_m, run.elevation_loss_m, run.temperature_c, run.rpe) == (
        None,
        None,
        None,
        None,
    )
    assert (run.terrain, run.fluids, run.notes, run.external_id) == ("", "", "", "")
    assert (run.warm_up_done, run.cool_down_done) == (None, None)
    assert run.source == "manual"
    entry = SorenessEntry.objects.create(owner=runner, recorded_at=timezone.now(), soreness=2)
    entry.refresh_from_db()
    assert (entry.sleep_quality, entry.fatigue, entry.stress, entry.run) == (None,) * 4


def test_soreness_is_required_on_every_checkin(runner):
    with pytest.raises(IntegrityError), transaction.atomic():
        SorenessEntry.objects.create(owner=runner, recorded_at=timezone.now(), soreness=None)


def test_an_external_id_is_unique_per_runner_only_when_given(runner, django_user_model):
    make_run(runner, external_id="garmin-1", source="imported")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_run(runner, external_id="garmin-1", source="imported")
    make_run(make_user(django_user_model, "other"), external_id="garmin-1", source="imported")
    make_run(runner)
    make_run(runner)  # many runs by hand, none with an external id
    assert Run.objects.filter(owner=runner, external_id="").count() == 2


def test_a_region_appears_once_per_entry_and_side(runner):
    entry = make_entry(runner, regions=[("calves", "left", 3)])
    SoreRegion.objects.create(entry=entry, region="calves", side="right")
    SoreRegion.objects.create(entry=entry, region="calves", side="")
    with pytest.raises(IntegrityError), transaction.atomic():
        SoreRegion.objects.create(entry=entry, region="calves", side="left")


def test_hours_since_the_run_are_derived_from_its_end(runner):
    start = timezone.now() - timedelta(hours=30)
    run = make_run(runner, start=start, duration_s=3600)
    entry = make_entry(runner, run=run, recorded_at=start + timedelta(hours=25, minutes=30))
    assert entry.hours_since_run == 24.5
    assert make_entry(runner).hours_since_run is None
    during = make_entry(runner, run=run, recorded_at=start + timedelta(minutes=10))
    assert during.hours_since_run == 0


def test_deleting_a_run_keeps_its_checkins_and_deleting_a_runner_keeps_nothing(runner):
    run = make_run(runner)
    entry = make_entry(runner, run=run, regions=[("quads", "left", None)])
    make_settings(runner)
    run.delete()
    entry.refresh_from_db()
    assert entry.run is None
    runner.delete()
    for model in (Run, SorenessEntry, SoreRegion, RunnerSettings):
        assert not model.objects.exists(), model


def test_region_labels_name_the_runners_side():
    assert SoreRegion(region="calves", side="left").label == "Left calf"
    assert SoreRegion(region="hips_glutes", side="right").label == "Right hip or buttock"
    assert SoreRegion(region="knees", side="").label == "Knee"
    assert SoreRegion(region="calves", side="left").value == "left-calves"


def test_content_editors_get_no_permission_on_the_run_log():
    group = Group.objects.get(name=EDITORS_GROUP)
    assert not group.permissions.filter(content_type__app_label="runlog").exists()
    assert Permission.objects.filter(content_type__app_label="runlog").exists()  # they exist


def test_no_run_log_model_is_in_the_admin():
    for model in (Run, RunnerSettings, SorenessEntry, SoreRegion):
        assert not admin.site.is_registered(model)


@pytest.mark.parametrize(
    ("question", "choices"),
    [("terrain", Terrain), ("fluids", Fluids), ("location", Location)],
)
def test_runlog_stores_the_contracts_slugs(question, choices):
    """runlog repeats the contract's slugs (it may not import assessments): they must agree."""
    spec = next(q for q in QUESTIONS if q["slug"] == question)
    assert [c["slug"] for c in spec["choices"]] == list(choices.values)


def test_runlog_never_imports_assessments():
    """The dependency runs one way: assessments may ask runlog, runlog names slugs only."""
    import ast
    from pathlib import Path

    import runlog

    for path in Path(runlog.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "assessments" for name in names), path

"""Exports: the runner's own runs and check-ins, in SI units, safe to open in a spreadsheet."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from runlog.export import RUN_COLUMNS, SORENESS_COLUMNS, csv_safe, runlog_data
from tests.test_runlog_factories import make_entry, make_run, make_settings, make_user

pytestmark = pytest.mark.django_db


def download(client, name) -> tuple[object, list[dict]]:
    response = client.get(reverse(name))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.DictReader(io.StringIO(text)))


def test_runs_csv_has_si_columns_named_with_their_units(runner_client, runner):
    make_settings(runner, distance_unit="mi", temperature_unit="F", time_zone="Europe/Paris")
    run = make_run(
        runner,
        start=datetime(2026, 7, 1, 5, 30, tzinfo=UTC),
        distance_m=16_093,
        duration_s=4800,
        elevation_gain_m=120,
        terrain="hilly",
        temperature_c=Decimal("18.5"),
        rpe=6,
        fluids="some",
        warm_up_done=True,
        cool_down_done=None,
        notes="Felt strong, 2nd half faster",
        name="Hill reps",
        sport="trail_run",
    )
    response, rows = download(runner_client, "runlog:export_runs_csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="legache-runs-')
    assert response["Cache-Control"] == "private, no-store"
    assert tuple(rows[0]) == RUN_COLUMNS
    assert rows == [
        {
            "run_id": str(run.pk),
            "start": "2026-07-01T07:30:00+02:00",  # the runner's time zone, with its offset
            "name": "Hill reps",
            "sport": "trail_run",
            "distance_m": "16093",  # metres, although the runner reads miles
            "moving_time_s": "4800",
            "elevation_gain_m": "120",
            "elevation_loss_m": "",  # not given stays empty, never 0
            "terrain": "hilly",
            "temperature_c": "18.5",  # °C, although the runner reads °F
            "rpe": "6",
            "fluids": "some",
            "warm_up_done": "true",
            "cool_down_done": "",
            "notes": "Felt strong, 2nd half faster",
            "source": "manual",
            "external_id": "",
            "created_at": rows[0]["created_at"],
            "updated_at": rows[0]["updated_at"],
        }
    ]
    assert datetime.fromisoformat(rows[0]["created_at"]).utcoffset() is not None


def test_soreness_csv_lists_checkins_with_their_regions(runner_client, runner):
    start = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    run = make_run(runner, start=start, duration_s=3600)
    entry = make_entry(
        runner,
        run=run,
        recorded_at=start + timedelta(hours=25),
        soreness=5,
        fatigue=4,
        regions=[("calves", "left", 6), ("quads", "right", None), ("knees", "", None)],
        notes="Stairs",
    )
    make_entry(runner, recorded_at=start + timedelta(days=3), soreness=1)
    response, rows = download(runner_client, "runlog:export_soreness_csv")
    assert response["Content-Disposition"].startswith('attachment; filename="legache-soreness-')
    assert response["Cache-Control"] == "private, no-store"
    assert tuple(rows[0]) == SORENESS_COLUMNS
    assert len(rows) == 2
    first = rows[0]
    assert first["entry_id"] == str(entry.pk)
    assert first["recorded_at"] == "2026-07-02T07:00:00+00:00"
    assert (first["run_id"], first["hours_since_run"], first["soreness"]) == (
        str(run.pk),
        "24.0",
        "5",
    )
    assert (first["sleep_quality"], first["fatigue"], first["stress"]) == ("", "4", "")
    assert first["sore_regions"] == "calves:left:6;quads:right:;knees::"
    assert (rows[1]["run_id"], rows[1]["hours_since_run"], rows[1]["sore_regions"]) == ("", "", "")


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_notes_that_look_like_formulas_stay_text(runner_client, runner, note):
    make_run(runner, notes=note, external_id=note, source="imported", name=note.strip())
    make_entry(runner, notes=note)
    _, runs = download(runner_client, "runlog:export_runs_csv")
    _, entries = download(runner_client, "runlog:export_soreness_csv")
    assert runs[0]["notes"] == f"'{note}"
    assert runs[0]["external_id"] == f"'{note}"
    assert runs[0]["name"] == f"'{note.strip()}"
    assert entries[0]["notes"] == f"'{note}"


def test_numbers_are_never_prefixed(runner_client, runner):
    make_run(runner, temperature_c=Decimal("-5.5"))
    _, runs = download(runner_client, "runlog:export_runs_csv")
    assert runs[0]["temperature_c"] == "-5.5"


def test_the_formula_guard_leaves_ordinary_text_alone():
    assert csv_safe("Easy run, 5 x 1 km") == "Easy run, 5 x 1 km"
    assert csv_safe("") == ""
    assert csv_safe("a=b") == "a=b"


def test_unicode_commas_quotes_and_newlines_survive(runner_client, runner):
    note = 'Sore "quads", 🦵\nsecond line; שלום'
    make_run(runner, notes=note)
    _, runs = download(runner_client, "runlog:export_runs_csv")
    assert runs[0]["notes"] == note


def test_another_runners_data_is_never_exported(runner_client, runner, django_user_model):
    other = make_user(django_user_model, "other")
    make_run(other, notes="other's run")
    make_entry(other, notes="other's check-in", regions=[("feet", "left", 9)])
    make_run(runner, notes="mine")
    _, runs = download(runner_client, "runlog:export_runs_csv")
    _, entries = download(runner_client, "runlog:export_soreness_csv")
    assert [row["notes"] for row in runs] == ["mine"]
    assert entries == []


def test_an_empty_log_exports_just_the_headers(runner_client):
    response = runner_client.get(reverse("runlog:export_runs_csv"))
    text = b"".join(response.streaming_content).decode()
    assert text.strip() == ",".join(RUN_COLUMNS)


def test_exports_cost_the_same_for_few_or_many(
    runner_client, runner, django_assert_max_num_queries
):
    for i in range(30):
        make_entry(runner, run=make_run(runner), regions=[("calves", "left", i % 11)])
    make_settings(runner)
    # The entries, their regions and their follow-up answers: one query each, however many.
    with django_assert_max_num_queries(6):
        _, rows = download(runner_client, "runlog:export_soreness_csv")
    assert len(rows) == 30


def test_runlog_data_holds_everything_of_one_runner_as_json(runner, django_user_model):
    make_settings(
        runner, distance_unit="mi", time_zone="Asia/Tokyo", body_weight_kg=Decimal("70.5")
    )
    run = make_run(
        runner, start=datetime(2026, 7, 1, 0, 0, tzinfo=UTC), temperature_c=Decimal("21")
    )
    make_entry(runner, run=run, recorded_at=datetime(2026, 7, 2, 0, 0, tzinfo=UTC),
               regions=[("shins", "right", 2)])  # fmt: skip
    make_run(make_user(django_user_model, "other"))
    data = runlog_data(runner)
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    assert data["settings"] == {
        "distance_unit": "mi",
        "temperature_unit": "C",
        "time_zone": "Asia/Tokyo",
        "body_weight_kg": 70.5,
    }
    assert len(data["runs"]) == 1
    assert data["runs"][0]["start"] == "2026-07-01T09:00:00+09:00"
    assert data["runs"][0]["temperature_c"] == 21.0
    (entry,) = data["soreness_entries"]
    assert entry["run_id"] == run.pk
    assert entry["sore_regions"] == [{"region": "shins", "side": "right", "soreness": 2}]


def test_runlog_data_of_a_runner_with_nothing_is_empty(runner):
    assert runlog_data(runner) == {"settings": None, "runs": [], "soreness_entries": []}

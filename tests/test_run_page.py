"""A run's own page: its name and kind, and from its stored original file the route's outline,
the elevation profile and the splits in the runner's unit; without a readable file, the page
without them (never a 500)."""

import re

import pytest
from django.urls import reverse

from runlog.choices import Sport
from runlog.models import Run
from tests import importer_files as files
from tests.test_runlog_factories import make_run, make_settings, make_user
from tests.test_runlog_import_factories import run_batch

pytestmark = pytest.mark.django_db


def hilly_gpx(name="Ridge &lt;loop&gt;", sport_type="trail_running", **options) -> bytes:
    """5.4 km over three hills, 3 m a second, eastwards then as the route goes."""
    track = files.route(1801, elevation=files.waves(40, 3), bearing=60, **options)
    return files.gpx_bytes(track, name=name, sport_type=sport_type)


def page_of(client, run) -> str:
    response = client.get(reverse("runlog:run_detail", args=[run.pk]))
    assert response.status_code == 200
    return response.text


def test_an_imported_gpx_runs_page_shows_its_name_route_profile_and_splits(runner_client, runner):
    run_batch(runner, ("ridge.gpx", hilly_gpx()))
    run = Run.objects.get(owner=runner)
    html = page_of(runner_client, run)
    assert "Ridge &lt;loop&gt;" in html and "<loop>" not in html  # the name, escaped
    assert "Trail run" in html
    outline = re.search(r'<svg class="route-outline" viewBox="0 0 320 (\d+)" role="img" '
                        r'aria-label="[^"]+"', html)  # fmt: skip
    assert outline
    points = re.search(r'<polyline points="([^"]+)"', html).group(1)
    assert 100 < len(points.split()) <= 500
    assert "Elevation over the distance, from 60 m to 140 m" in html
    assert "Highest 140 m" in html and "Lowest 60 m" in html
    # 5.4 km at 3 m/s: five whole km of 5:33 and 0.40 km.
    splits = re.findall(r"<tr><th scope=\"row\">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>", html)
    assert [row[0] for row in splits] == ["1", "2", "3", "4", "5", "0.40 km"]
    assert splits[0][1:] == ("5:33", "5:33 /km")
    assert '<details class="route-splits" open>' in html
    assert "style=" not in html and "<script>" not in html.split("</main>")[0].split("<main")[1]


def test_splits_are_per_mile_for_a_runner_who_runs_in_miles(runner_client, runner):
    make_settings(runner, distance_unit="mi")
    run_batch(runner, ("ridge.gpx", hilly_gpx()))
    html = page_of(runner_client, Run.objects.get(owner=runner))
    assert "Splits per mile" in html
    rows = re.findall(r"<tr><th scope=\"row\">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>", html)
    assert [row[0] for row in rows][:3] == ["1", "2", "3"]
    assert re.fullmatch(r"0\.3\d mi", rows[3][0]) and len(rows) == 4
    assert rows[0][1:] == ("8:56", "8:56 /mi")
    assert "Highest 459 ft" in html


def test_a_gzipped_tcx_and_a_fit_are_drawn_too(runner_client, runner):
    track = files.route(601, elevation=files.climb(30))
    run_batch(runner, ("a.tcx.gz", files.gz(files.tcx_bytes(track))))
    run = Run.objects.get(owner=runner)
    assert 'class="route-outline"' in page_of(runner_client, run)
    run.delete()
    later = files.route(601, start=files.START.replace(day=5), elevation=files.climb(30))
    run_batch(runner, ("b.fit", files.fit_bytes(later, time_created=files.START.replace(day=5))))
    html = page_of(runner_client, Run.objects.get(owner=runner))
    assert 'class="route-outline"' in html and "Highest 50 m" in html


def test_another_runners_run_is_a_404(runner_client, runner, django_user_model):
    other = make_user(django_user_model, "other")
    run_batch(other, ("ridge.gpx", hilly_gpx()))
    theirs = Run.objects.get(owner=other)
    response = runner_client.get(reverse("runlog:run_detail", args=[theirs.pk]))
    assert response.status_code == 404
    assert "Ridge" not in response.text


def test_a_run_without_a_file_has_no_route_section(runner_client, runner):
    run = make_run(runner, name="Lunch run", sport=Sport.TREADMILL)
    html = page_of(runner_client, run)
    assert "Lunch run" in html and "Treadmill" in html
    assert "route-outline" not in html and 'id="route-heading"' not in html


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing"])
def test_a_damaged_stored_file_shows_the_page_without_the_route(runner_client, runner, damage):
    run_batch(runner, ("ridge.gpx", hilly_gpx()))
    run = Run.objects.select_related("activity_file").get(owner=runner)
    stored = run.activity_file.file
    if damage == "missing":
        stored.storage.delete(stored.name)
    else:
        with stored.storage.open(stored.name, "rb") as source:
            data = source.read()
        stored.storage.delete(stored.name)
        damaged = b"\x00\xff<<not a gpx" if damage == "garbage" else data[: len(data) // 2]
        with stored.storage.open(stored.name, "wb") as target:
            target.write(damaged)
    html = page_of(runner_client, run)
    assert "Ridge &lt;loop&gt;" in html
    assert "route-outline" not in html and 'id="route-heading"' not in html


def test_with_htmx_the_page_is_the_runs_row_without_reading_the_file(runner_client, runner):
    run_batch(runner, ("ridge.gpx", hilly_gpx()))
    run = Run.objects.get(owner=runner)
    response = runner_client.get(
        reverse("runlog:run_detail", args=[run.pk]), headers={"HX-Request": "true"}
    )
    assert response.text.lstrip().startswith(f'<li class="run" id="run-{run.pk}"')
    assert "route-outline" not in response.text

"""The run log's pages, with and without JavaScript (HTMX), in the runner's units and time.

Without JavaScript every form posts and redirects; with HTMX the runs list swaps a row into
a form and back, and a refused form comes back as 422 with the form (see
tests/test_runlog_validation.py for each rule).
"""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from runlog.models import Run, RunnerSettings, SorenessEntry
from tests.test_runlog_factories import (
    checkin_form,
    make_entry,
    make_run,
    make_settings,
    run_form,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def fixed_now(monkeypatch):
    """Freeze the clock the views and the models read."""

    def freeze(moment: datetime):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


def as_posted(form, **changes) -> dict:
    """What the browser posts back for a form as shown (unticked boxes are left out)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, datetime):  # shown naive, in the runner's time zone
            value = value.strftime("%Y-%m-%dT%H:%M")
        data[name] = "on" if value is True else value
    return {**data, **changes}


def page_text(response) -> str:
    """The visible text, tags stripped, whitespace collapsed: what a runner reads."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


# The runs list.


def test_the_run_log_opens_on_the_dashboard(runner_client):
    response = runner_client.get(reverse("runlog:home"))
    assert response.status_code == 200
    assert reverse("runlog:runs") in response.text


def test_runs_are_listed_newest_first_with_distance_time_and_pace(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(days=3), distance_m=5000, duration_s=1500)
    make_run(runner, start=timezone.now() - timedelta(days=1), distance_m=21_097, duration_s=6300)
    text = page_text(runner_client.get(reverse("runlog:runs")))
    assert text.index("21.10 km · 1:45:00 · 4:59 /km") < text.index("5.00 km · 25:00 · 5:00 /km")


def test_runs_are_shown_in_miles_fahrenheit_and_feet_for_a_runner_who_chose_them(
    runner_client, runner
):
    make_settings(runner, distance_unit="mi", temperature_unit="F")
    make_run(runner, distance_m=16_093, duration_s=4800, temperature_c=Decimal("20.0"),
             elevation_gain_m=300)  # fmt: skip
    text = page_text(runner_client.get(reverse("runlog:runs")))
    assert "10.00 mi · 1:20:00 · 8:00 /mi" in text
    assert "1 run · 10.00 mi · 1:20:00 · 984 ft climb" in text  # the week's totals
    assert "km" not in text.replace("kilometres", "")
    run = Run.objects.get(owner=runner)
    text = page_text(runner_client.get(reverse("runlog:run_detail", args=[run.pk])))
    assert "10.00 mi in 1:20:00 (8:00 /mi)" in text
    assert "68 °F" in text and "984 ft" in text
    assert "km" not in text.replace("kilometres", "")


def test_dates_are_shown_in_the_runners_time_zone(runner_client, runner):
    make_settings(runner, time_zone="Pacific/Auckland")
    make_run(runner, start=datetime(2026, 3, 1, 10, 30, tzinfo=UTC))
    text = page_text(runner_client.get(reverse("runlog:runs")))
    assert "Sun 1 Mar" in text  # NZDT, UTC+13
    assert "Week of 23 Feb 2026" in text  # and the Monday of the runner's week, not UTC's
    run = Run.objects.get(owner=runner)
    detail = page_text(runner_client.get(reverse("runlog:run_detail", args=[run.pk])))
    assert "Sunday 1 March 2026, 23:30" in detail


def test_the_runs_list_has_20_a_page(runner_client, runner):
    for day in range(25):
        make_run(runner, start=timezone.now() - timedelta(days=day + 1))
    first = runner_client.get(reverse("runlog:runs"))
    assert len(first.context["runs"]) == 20
    assert "Page 1 of 2" in page_text(first)
    second = runner_client.get(reverse("runlog:runs"), {"page": "2"})
    assert len(second.context["runs"]) == 5
    assert runner_client.get(reverse("runlog:runs"), {"page": "zebra"}).status_code == 200


def test_an_empty_run_log_invites_the_first_run(runner_client):
    text = page_text(runner_client.get(reverse("runlog:runs")))
    assert "No runs yet" in text
    assert "Log a run" in text


def test_run_log_pages_are_private_and_vary_on_htmx(runner_client):
    response = runner_client.get(reverse("runlog:runs"))
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert "HX-Request" in response["Vary"]


def test_a_settings_row_is_made_on_first_use_with_plain_defaults(runner_client, runner):
    assert not RunnerSettings.objects.exists()
    runner_client.get(reverse("runlog:runs"))
    prefs = RunnerSettings.objects.get(user=runner)
    assert (prefs.distance_unit, prefs.temperature_unit, prefs.time_zone) == ("km", "C", "UTC")
    assert prefs.body_weight_kg is None


# Adding a run.


def test_without_javascript_a_new_run_is_saved_and_the_checkin_offered(runner_client, runner):
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(rpe="4", terrain="hilly", warm_up_done="no")
    )
    run = Run.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('runlog:runs')}?saved={run.pk}"
    assert (run.owner, run.distance_m, run.duration_s, run.rpe) == (runner, 10_000, 3000, 4)
    assert (run.terrain, run.warm_up_done, run.cool_down_done) == ("hilly", False, None)
    assert (run.temperature_c, run.elevation_gain_m, run.fluids) == (None, None, "")
    page = runner_client.get(response["Location"])
    text = page_text(page)
    assert "Run saved." in text
    assert "How do your legs feel?" in text
    assert f'href="{reverse("runlog:checkin")}?run={run.pk}"' in page.text


def test_the_new_run_form_opens_in_place_with_htmx(runner_client):
    response = runner_client.get(reverse("runlog:run_new"), headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="new-run"' in response.text
    assert 'hx-post="/me/runs/new/"' in response.text
    full = runner_client.get(reverse("runlog:run_new"))
    assert "<html" in full.text
    assert "hx-post" not in full.text  # the full page posts and redirects


def test_with_htmx_a_new_run_lands_on_top_of_the_list_with_the_checkin(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(days=2))
    response = runner_client.post(reverse("runlog:run_new"), run_form(), headers=HX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#runs"
    assert response["HX-Reswap"] == "outerHTML"
    assert "<html" not in response.text
    new = Run.objects.latest("created_at")
    first_row = re.search(r'<li class="run" id="run-(\d+)"', response.text)
    assert first_row.group(1) == str(new.pk)  # newest first
    assert f"?run={new.pk}" in response.text
    assert "Run saved." in page_text(response)


def test_miles_and_fahrenheit_are_stored_as_metres_and_celsius(runner_client, runner):
    make_settings(runner, distance_unit="mi", temperature_unit="F")
    response = runner_client.post(
        reverse("runlog:run_new"),
        run_form(distance="6.2", moving_time="50:00", temperature="50", elevation_gain="1000"),
    )
    assert response.status_code == 302
    run = Run.objects.get()
    assert run.distance_m == 9978
    assert run.temperature_c == Decimal("10.0")
    assert run.elevation_gain_m == 305


def test_a_start_typed_in_local_time_is_stored_as_that_instant(runner_client, runner):
    make_settings(runner, time_zone="America/New_York")
    runner_client.post(reverse("runlog:run_new"), run_form(start="2026-01-10T07:30"))
    assert Run.objects.get().start == datetime(2026, 1, 10, 12, 30, tzinfo=UTC)


# Editing and deleting in place.


def test_edit_swaps_the_row_for_a_form_and_saving_swaps_it_back(runner_client, runner):
    run = make_run(runner)
    url = reverse("runlog:run_edit", args=[run.pk])
    form = runner_client.get(url, headers=HX)
    assert form.text.lstrip().startswith(f'<li class="card run editing" id="run-{run.pk}"')
    assert 'hx-target="closest li"' in form.text
    assert 'value="10"' in form.text and 'value="50:00"' in form.text
    data = as_posted(form.context["form"], rpe="6")
    saved = runner_client.post(url, data, headers=HX)
    assert saved.status_code == 200
    assert saved.text.lstrip().startswith(f'<li class="run" id="run-{run.pk}"')
    assert "effort 6/10" in page_text(saved)
    run.refresh_from_db()
    assert run.rpe == 6


def test_rpe_can_be_added_later_without_javascript(runner_client, runner):
    run = make_run(runner, start=timezone.now() - timedelta(hours=20))
    detail = runner_client.get(reverse("runlog:run_detail", args=[run.pk]))
    assert "Add how hard it felt" in page_text(detail)
    page = runner_client.get(reverse("runlog:run_edit", args=[run.pk]))
    assert "<html" in page.text
    data = as_posted(page.context["form"], rpe="7")
    response = runner_client.post(reverse("runlog:run_edit", args=[run.pk]), data)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('runlog:runs')}#run-{run.pk}"
    run.refresh_from_db()
    assert (run.rpe, run.distance_m, run.duration_s) == (7, 10_000, 3000)


def test_an_unchanged_field_keeps_its_stored_precision(runner_client, runner):
    """Editing the effort of a 9,977 m run shown as 6.2 mi must not round it to 9,978 m."""
    make_settings(runner, distance_unit="mi", temperature_unit="F")
    start = timezone.now().replace(second=42, microsecond=0) - timedelta(hours=3)
    run = make_run(runner, start=start, distance_m=9977, duration_s=3001,
                   temperature_c=Decimal("21.1"))  # fmt: skip
    url = reverse("runlog:run_edit", args=[run.pk])
    data = as_posted(runner_client.get(url).context["form"], rpe="5")
    assert runner_client.post(url, data).status_code == 302
    run.refresh_from_db()
    assert (run.distance_m, run.duration_s, run.temperature_c, run.start) == (
        9977,
        3001,
        Decimal("21.1"),
        start,
    )
    assert run.rpe == 5


def test_a_refused_edit_comes_back_in_place_with_422(runner_client, runner):
    run = make_run(runner)
    response = runner_client.post(
        reverse("runlog:run_edit", args=[run.pk]), run_form(distance="0"), headers=HX
    )
    assert response.status_code == 422
    assert f'id="run-{run.pk}"' in response.text
    assert "<html" not in response.text
    run.refresh_from_db()
    assert run.distance_m == 10_000


def test_cancel_swaps_the_row_back(runner_client, runner):
    run = make_run(runner)
    row = runner_client.get(reverse("runlog:run_detail", args=[run.pk]), headers=HX)
    assert row.text.lstrip().startswith(f'<li class="run" id="run-{run.pk}"')
    assert "<html" in runner_client.get(reverse("runlog:run_detail", args=[run.pk])).text


def test_delete_asks_first_and_only_a_post_deletes(runner_client, runner):
    run = make_run(runner)
    entry = make_entry(runner, run=run)
    url = reverse("runlog:run_delete", args=[run.pk])
    ask = runner_client.get(url)
    assert "Delete this run?" in page_text(ask)
    assert Run.objects.filter(pk=run.pk).exists()
    response = runner_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("runlog:runs")
    assert not Run.objects.filter(pk=run.pk).exists()
    entry.refresh_from_db()
    assert entry.run is None  # the check-in stays


def test_delete_in_place_with_htmx(runner_client, runner):
    run = make_run(runner)
    url = reverse("runlog:run_delete", args=[run.pk])
    ask = runner_client.get(url, headers=HX)
    assert ask.text.lstrip().startswith(f'<li class="card run deleting" id="run-{run.pk}"')
    done = runner_client.post(url, headers=HX)
    assert done.status_code == 200
    assert 'role="status"' in done.text and "deleted" in done.text
    assert not Run.objects.exists()


def test_delete_refuses_other_methods(runner_client, runner):
    run = make_run(runner)
    assert runner_client.put(reverse("runlog:run_delete", args=[run.pk])).status_code == 405
    assert runner_client.delete(reverse("runlog:run_delete", args=[run.pk])).status_code == 405
    assert Run.objects.exists()


# The check-in: offered after a run and the morning after.


def test_the_checkin_is_offered_the_morning_after_a_run(runner_client, runner):
    run = make_run(runner, start=timezone.now() - timedelta(days=1))
    page = runner_client.get(reverse("runlog:runs"))
    assert page.context["checkin_run"] == run
    make_entry(runner)  # checked in today: no more asking
    assert runner_client.get(reverse("runlog:runs")).context["checkin_run"] is None


def test_the_checkin_is_not_offered_for_an_old_run(runner_client, runner):
    make_run(runner, start=timezone.now() - timedelta(days=3))
    assert runner_client.get(reverse("runlog:runs")).context["checkin_run"] is None


def test_today_means_the_runners_today(runner_client, runner, fixed_now):
    now = fixed_now(datetime(2026, 6, 15, 20, 0, tzinfo=UTC))  # 08:00 on the 16th in Auckland
    make_run(runner, start=datetime(2026, 6, 15, 6, 0, tzinfo=UTC))
    make_entry(runner, recorded_at=now - timedelta(hours=9))  # 11:00 UTC = 23:00 NZST on the 15th
    # In UTC the runner has checked in today (11:00 on the 15th); in Auckland, not yet.
    assert runner_client.get(reverse("runlog:runs")).context["checkin_run"] is None
    make_settings(runner, time_zone="Pacific/Auckland")
    assert runner_client.get(reverse("runlog:runs")).context["checkin_run"] is not None


def test_two_taps_save_a_checkin(runner_client, runner):
    response = runner_client.post(reverse("runlog:checkin"), {"soreness": "4"})
    assert response.status_code == 302
    entry = SorenessEntry.objects.get()
    assert (entry.owner, entry.soreness, entry.run) == (runner, 4, None)
    assert (entry.sleep_quality, entry.fatigue, entry.stress, entry.notes) == (None, None, None, "")
    assert not entry.regions.exists()
    assert abs(entry.recorded_at - timezone.now()) < timedelta(minutes=1)
    assert "Check-in saved" in page_text(runner_client.get(response["Location"]))


def test_the_checkin_page_asks_one_question_with_eleven_big_choices(runner_client):
    page = runner_client.get(reverse("runlog:checkin"))
    text = page_text(page)
    assert "How do your legs feel?" in text
    assert len(re.findall(r'type="radio" name="soreness"', page.text)) == 11
    assert "0 = none" in text and "10 = worst imaginable" in text
    # Where it hurts is open, on the map between the scale and Save; the optional rest waits
    # behind a disclosure.
    assert (
        page.text.index('name="soreness"')
        < page.text.index("data-body-map")
        < page.text.index(">Save</button>")
        < page.text.index('<details class="more"')
    )
    assert '<details class="more">' in page.text  # folded when nothing in it is answered


def test_a_run_can_be_preselected(runner_client, runner):
    run = make_run(runner)
    page = runner_client.get(reverse("runlog:checkin"), {"run": run.pk})
    assert page.context["form"]["run"].value() == run.pk
    assert f'<option value="{run.pk}" selected>' in page.text


def test_an_old_run_named_in_the_link_is_offered_too(runner_client, runner):
    old = make_run(runner, start=timezone.now() - timedelta(days=60))
    for day in range(12):
        make_run(runner, start=timezone.now() - timedelta(days=day, hours=1))
    page = runner_client.get(reverse("runlog:checkin"), {"run": old.pk})
    assert f'<option value="{old.pk}" selected>' in page.text


def test_a_full_checkin_saves_entry_and_regions_together(runner_client, runner):
    run = make_run(runner, start=timezone.now() - timedelta(hours=26), duration_s=3600)
    data = checkin_form(
        soreness="5",
        run=str(run.pk),
        regions=["left-calves", "right-calves", "left-quads", "left-calves"],
        sleep_quality="2",
        fatigue="5",
        stress="3",
        notes="Stairs hurt.",
        **{"score-left-calves": "6", "score-right-hamstrings": "2"},
    )
    assert runner_client.post(reverse("runlog:checkin"), data).status_code == 302
    entry = SorenessEntry.objects.get()
    regions = sorted((r.region, r.side, r.soreness) for r in entry.regions.all())
    assert regions == [
        ("calves", "left", 6),
        ("calves", "right", None),
        ("hamstrings", "right", 2),  # a score alone counts as choosing the area
        ("quads", "left", None),
    ]
    assert (entry.run, entry.sleep_quality, entry.fatigue, entry.stress) == (run, 2, 5, 3)
    assert entry.hours_since_run == pytest.approx(25, abs=0.1)


def test_with_htmx_the_checkin_saves_in_place_with_a_fresh_form(runner_client):
    response = runner_client.post(reverse("runlog:checkin"), {"soreness": "2"}, headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="checkin"' in response.text
    assert "Check-in saved: soreness 2 out of 10" in page_text(response)
    assert "checked" not in response.text  # the form is fresh for the next time
    assert SorenessEntry.objects.count() == 1


def test_a_checkin_can_be_edited_and_deleted(runner_client, runner):
    entry = make_entry(runner, regions=[("calves", "left", 4), ("knees", "right", None)])
    listing = runner_client.get(reverse("runlog:entries"))
    assert "Left calf (4), Right knee" in page_text(listing)
    url = reverse("runlog:entry_edit", args=[entry.pk])
    page = runner_client.get(url)
    assert 'value="left-calves" id="id_regions_10" checked' in page.text or re.search(
        r'value="left-calves"[^>]*checked', page.text
    )
    response = runner_client.post(url, checkin_form(soreness="6", regions=["right-shins"]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.soreness == 6
    assert [(r.region, r.side) for r in entry.regions.all()] == [("shins", "right")]
    assert runner_client.get(reverse("runlog:entry_delete", args=[entry.pk])).status_code == 200
    assert SorenessEntry.objects.exists()
    assert runner_client.post(reverse("runlog:entry_delete", args=[entry.pk])).status_code == 302
    assert not SorenessEntry.objects.exists()


def test_an_area_stored_without_a_side_survives_an_edit(runner_client, runner):
    entry = make_entry(runner, regions=[("knees", "", 4), ("calves", "left", None)])
    url = reverse("runlog:entry_edit", args=[entry.pk])
    page = runner_client.get(url)
    assert "Knee (both legs or side not said)" in page.text
    assert "Calf (both legs or side not said)" not in page.text  # only the ones it has
    data = as_posted(page.context["form"], soreness="5")
    assert runner_client.post(url, data).status_code == 302
    regions = sorted((r.region, r.side, r.soreness) for r in entry.regions.all())
    assert regions == [("calves", "left", None), ("knees", "", 4)]
    assert (
        "Knee (both legs or side not said)" not in runner_client.get(reverse("runlog:checkin")).text
    )


def test_a_refused_edit_keeps_the_checkin_and_its_regions(runner_client, runner):
    entry = make_entry(runner, regions=[("calves", "left", 4)])
    url = reverse("runlog:entry_edit", args=[entry.pk])
    response = runner_client.post(url, checkin_form(soreness="6", regions=["left-elbows"]))
    assert response.status_code == 422
    entry.refresh_from_db()
    assert entry.soreness == 3
    assert [(r.region, r.side, r.soreness) for r in entry.regions.all()] == [("calves", "left", 4)]


# The leg body map.


def test_the_body_map_has_both_legs_front_and_back_with_labelled_fallbacks(runner_client):
    page = runner_client.get(reverse("runlog:checkin")).text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<title" in svg and "<desc" in svg and "aria-labelledby" in svg
    regions = re.findall(r'data-region="([a-z_-]+)"', svg)
    assert len(regions) == len(set(regions)) == 14  # 7 locations x 2 legs, once each
    for side in ("left", "right"):
        for location in ("quads", "hamstrings", "calves", "shins", "knees", "feet", "hips_glutes"):
            value = f"{side}-{location}"
            assert value in regions
            # The real control: a checkbox with a label, and an optional labelled 0-10.
            box = re.search(
                rf'<input type="checkbox" name="regions" value="{value}" id="([^"]+)"', page
            )
            assert box, value
            assert f'<label class="region-check" for="{box.group(1)}">' in page
            assert re.search(rf'<label class="visually-hidden" for="id_score-{value}">', page)
    assert "Left calf" in page and "Right front of thigh" in page
    # Without JavaScript, a compact table: one row per area, its left and right leg side by side.
    assert page.count("<tr data-region-row>") == 7


def test_a_chosen_area_keeps_the_optional_rest_folded(runner_client, runner):
    entry = make_entry(runner, regions=[("calves", "left", 4)])
    page = runner_client.get(reverse("runlog:entry_edit", args=[entry.pk])).text
    assert '<details class="more">' in page  # the map, open above it, shows the area
    assert re.search(r'<option value="4" selected>4</option>', page)


def test_the_body_map_script_is_loaded_with_the_nonce(runner_client):
    page = runner_client.get(reverse("runlog:checkin"))
    script = re.search(r'<script src="/static/js/body_map\.js"[^>]*>', page.text).group(0)
    assert "nonce=" in script
    nonce = re.search(r'nonce="([^"]+)"', script).group(1)
    assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]


# Settings.


def test_settings_change_units_time_zone_and_weight(runner_client, runner):
    url = reverse("runlog:settings")
    page = runner_client.get(url)
    zones = re.findall(r'<option value="([^"]+)"', page.text)
    assert zones.count("Europe/London") == 1 and "Factory" not in zones  # tests/test_time_zones.py
    data = {"distance_unit": "mi", "temperature_unit": "F", "time_zone": "Asia/Tokyo",
            "body_weight_kg": "61.5"}  # fmt: skip
    response = runner_client.post(url, data)
    assert response.status_code == 302
    prefs = RunnerSettings.objects.get(user=runner)
    assert (prefs.distance_unit, prefs.temperature_unit, prefs.time_zone) == (
        "mi",
        "F",
        "Asia/Tokyo",
    )
    assert prefs.body_weight_kg == Decimal("61.5")
    data["body_weight_kg"] = ""
    runner_client.post(url, data)
    prefs.refresh_from_db()
    assert prefs.body_weight_kg is None  # cleared stays cleared


def test_settings_link_both_exports(runner_client):
    page = runner_client.get(reverse("runlog:settings")).text
    assert reverse("runlog:export_runs_csv") in page
    assert reverse("runlog:export_soreness_csv") in page


# The site's rules for markup.


def test_no_page_has_inline_script_style_or_hx_on(runner_client, runner):
    run = make_run(runner)
    entry = make_entry(runner, run=run, regions=[("feet", "left", 2)])
    urls = [
        reverse("runlog:runs"),
        reverse("runlog:run_new"),
        reverse("runlog:run_detail", args=[run.pk]),
        reverse("runlog:run_edit", args=[run.pk]),
        reverse("runlog:run_delete", args=[run.pk]),
        reverse("runlog:checkin"),
        reverse("runlog:entries"),
        reverse("runlog:entry_edit", args=[entry.pk]),
        reverse("runlog:entry_delete", args=[entry.pk]),
        reverse("runlog:settings"),
    ]
    for url in urls:
        for headers in (None, HX):
            html = runner_client.get(url, headers=headers).content.decode()
            assert not re.search(r"\sstyle=", html), url
            assert "hx-on" not in html, url
            assert not re.search(r"<script(?![^>]*\ssrc=)", html), url
            assert not re.search(r"\son[a-z]+=", html), url


def test_every_form_control_has_a_label(runner_client, runner):
    run = make_run(runner)
    for url in [
        reverse("runlog:run_new"),
        reverse("runlog:run_edit", args=[run.pk]),
        reverse("runlog:checkin"),
        reverse("runlog:settings"),
    ]:
        html = runner_client.get(url).content.decode()
        labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', html))
        for control in re.finditer(r"<(input|select|textarea)\b([^>]*)>", html):
            attrs = control.group(2)
            if 'type="hidden"' in attrs:
                continue
            ident = re.search(r'id="([^"]+)"', attrs)
            assert ident and ident.group(1) in labelled, (url, control.group(0))


# The runs list by week.


def test_runs_are_grouped_by_the_runners_week_with_its_totals(runner_client, runner):
    make_settings(runner, time_zone="Pacific/Auckland")
    # Monday 00:30 in Auckland is Sunday in UTC: still the new week.
    monday = datetime(2026, 3, 1, 11, 30, tzinfo=UTC)  # Mon 2 Mar 00:30 NZDT
    make_run(runner, start=monday, distance_m=5000, duration_s=1500, elevation_gain_m=40)
    make_run(runner, start=monday + timedelta(days=2), distance_m=10_000, duration_s=3000,
             elevation_gain_m=None, name="<b>Tempo</b>")  # fmt: skip
    make_run(runner, start=monday - timedelta(hours=2), distance_m=8000, duration_s=2400)
    response = runner_client.get(reverse("runlog:runs"))
    text = page_text(response)
    assert "Week of 2 Mar 2026 2 runs · 15.00 km · 1:15:00 · 40 m climb" in text
    assert "Week of 23 Feb 2026 1 run · 8.00 km · 40:00" in text
    assert text.index("Week of 2 Mar") < text.index("Week of 23 Feb")
    assert "&lt;b&gt;Tempo&lt;/b&gt;" in response.text and "<b>Tempo" not in response.text
    assert "continued" not in text


def test_a_week_split_across_pages_keeps_its_totals_and_says_continued(runner_client, runner):
    make_settings(runner, time_zone="UTC")
    sunday = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    for i in range(25):  # four a day: the page break falls on Friday 6 March
        make_run(runner, start=sunday - timedelta(hours=6 * i), distance_m=1000, duration_s=300)
    first = page_text(runner_client.get(reverse("runlog:runs")))
    second = page_text(runner_client.get(reverse("runlog:runs") + "?page=2"))
    assert "Week of 2 Mar 2026 25 runs · 25.00 km · 2:05:00" in first
    assert "continued" not in first
    assert "Week of 2 Mar 2026 (continued) 25 runs · 25.00 km · 2:05:00" in second
    assert second.count("Week of") == 1


# Query budgets: the page costs the same whatever the number of runs.


@pytest.mark.parametrize("count", [5, 200])
def test_the_runs_list_costs_the_same_for_5_or_200_runs(
    runner_client, runner, count, django_assert_max_num_queries
):
    start = timezone.now() - timedelta(days=1)
    Run.objects.bulk_create(
        Run(
            owner=runner,
            start=start - timedelta(hours=i),
            distance_m=8000,
            duration_s=2400,
            rpe=i % 11,
            terrain="flat",
            notes="ok",
        )  # fmt: skip
        for i in range(count)
    )
    make_entry(runner, run=Run.objects.first(), recorded_at=timezone.now() - timedelta(days=1))
    runner_client.get(reverse("runlog:runs"))  # the settings row exists from here on
    with django_assert_max_num_queries(7):
        response = runner_client.get(reverse("runlog:runs"))
    assert response.status_code == 200
    with django_assert_max_num_queries(7):
        runner_client.get(reverse("runlog:runs"), headers=HX)


@pytest.mark.parametrize("count", [3, 60])
def test_the_checkin_page_and_list_cost_the_same_for_few_or_many(
    runner_client, runner, count, django_assert_max_num_queries
):
    for i in range(count):
        run = make_run(runner, start=timezone.now() - timedelta(days=i + 1))
        make_entry(runner, run=run, regions=[("calves", "left", 3), ("quads", "right", None)],
                   recorded_at=timezone.now() - timedelta(days=i))  # fmt: skip
    runner_client.get(reverse("runlog:checkin"))
    with django_assert_max_num_queries(9):  # the watch: check-ins, runs, follow-ups
        runner_client.get(reverse("runlog:checkin"))
    with django_assert_max_num_queries(8):
        runner_client.get(reverse("runlog:entries"))

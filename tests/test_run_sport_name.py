"""A run's sport (road, trail, treadmill, virtual) and its name: stored on import, kept when the
runner changed them, set and edited in the run form, shown (escaped) and exported."""

from datetime import timedelta
from xml.sax.saxutils import escape

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from fit_tool.profile.profile_type import SubSport

from runlog import imports
from runlog.choices import Sport
from runlog.export import runlog_data
from runlog.models import NAME_MAX_LENGTH, MergeOffer, Run
from tests import importer_files as files
from tests.test_runlog_factories import make_run, make_user, run_form
from tests.test_runlog_import_factories import START, points, run_batch, strava_zip, tcx

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><a hx-get="/account/delete/" hx-trigger="load">Loop</a>'


def named_gpx(name: str, sport_type: str | None = "running", start=START, **options) -> bytes:
    """A GPX whose track has this title (XML-escaped here, as a real file holds it)."""
    text = escape(name, {'"': "&quot;"})
    return files.gpx_bytes(points(start, **options), name=text, sport_type=sport_type)


def fit(sub_sport=SubSport.GENERIC) -> bytes:
    """The watch's FIT of the run, saying which kind of run it was."""
    return files.fit_bytes(points(), time_created=START, sub_sport=sub_sport)


def page(client, name: str, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


# --- Stored on import -----------------------------------------------------------------------


def test_a_gpx_brings_its_name_and_sport_and_both_are_shown(runner_client, runner):
    run_batch(runner, ("trail.gpx", named_gpx("Ridge loop", "trail_running")))
    run = Run.objects.get(owner=runner)
    assert (run.name, run.sport) == ("Ridge loop", Sport.TRAIL_RUN)
    for html in (
        page(runner_client, "runlog:runs"),
        page(runner_client, "runlog:run_detail", run.pk),
    ):
        assert "Ridge loop" in html
        assert "Trail run" in html


@pytest.mark.parametrize(
    ("sub_sport", "sport", "label"),
    [
        (SubSport.GENERIC, Sport.RUN, "Road run"),
        (SubSport.TRAIL, Sport.TRAIL_RUN, "Trail run"),
        (SubSport.TREADMILL, Sport.TREADMILL, "Treadmill"),
        (SubSport.VIRTUAL_ACTIVITY, Sport.VIRTUAL_RUN, "Virtual run"),
    ],
)
def test_a_fit_brings_its_sport(runner_client, runner, sub_sport, sport, label):
    run_batch(runner, ("run.fit", fit(sub_sport=sub_sport)))
    run = Run.objects.get(owner=runner)
    assert (run.sport, run.name) == (sport, "")
    assert label in page(runner_client, "runlog:run_detail", run.pk)


def test_a_tcx_run_is_a_road_run_without_a_name(runner_client, runner):
    run_batch(runner, ("run.tcx", tcx()))
    run = Run.objects.get(owner=runner)
    assert (run.sport, run.name) == (Sport.RUN, "")
    html = page(runner_client, "runlog:run_detail", run.pk)
    assert "Road run" in html and "run-name" not in html


@pytest.mark.parametrize("with_files", [True, False], ids=["with-file", "row-only"])
def test_a_strava_row_brings_the_title_and_type_the_runner_gave_it_there(runner, with_files):
    run_batch(
        runner, ("export.zip", strava_zip([START], with_files=with_files, types={1: "Trail Run"}))
    )
    run = Run.objects.get(owner=runner)
    assert (run.name, run.sport) == ("Run 1", Sport.TRAIL_RUN)


def test_a_long_title_is_cut_to_fit(runner):
    run_batch(runner, ("long.gpx", named_gpx("Ä" * (NAME_MAX_LENGTH + 50))))
    assert Run.objects.get(owner=runner).name == "Ä" * NAME_MAX_LENGTH


def test_a_title_loses_control_characters_and_extra_spaces():
    assert (
        imports.clean_name("  Morning\x00 run\n\tby\x07 the  river ") == "Morning run by the river"
    )
    assert imports.clean_name("x" * 500) == "x" * NAME_MAX_LENGTH
    assert imports.clean_name("") == ""


# --- Shown, escaped --------------------------------------------------------------------------


def test_a_hostile_title_is_shown_as_text(runner_client, runner):
    run_batch(runner, ("evil.gpx", named_gpx(HOSTILE)))
    run = Run.objects.get(owner=runner)
    assert run.name == HOSTILE  # stored as the file gave it, escaped when shown
    pages = [
        page(runner_client, "runlog:runs"),
        page(runner_client, "runlog:run_detail", run.pk),
        page(runner_client, "runlog:run_edit", run.pk),  # in the form's name box
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert 'hx-get="/account/delete/"' not in html
        assert 'hx-trigger="load"' not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "&lt;a hx-get=&quot;/account/delete/&quot;" in html


# --- A better file, a merge: what the runner gave is kept ------------------------------------


def test_a_better_file_keeps_the_name_the_runner_gave(runner_client, runner):
    run_batch(runner, ("run.gpx", named_gpx("Morning Run")))
    run = Run.objects.get(owner=runner)
    response = runner_client.post(
        reverse("runlog:run_edit", args=[run.pk]),
        run_form(
            start=run.start.strftime("%Y-%m-%dT%H:%M"),
            distance="0.36",
            moving_time="2:00",
            name="Parkrun PB",
            sport=Sport.RUN,
        ),
    )
    assert response.status_code == 302
    batch = run_batch(runner, ("run.fit", fit(sub_sport=SubSport.TRAIL)))
    assert batch.duplicates == 1
    run.refresh_from_db()
    assert run.activity_file.format == "fit"  # the figures are the watch's now
    assert run.name == "Parkrun PB"
    assert run.sport == Sport.TRAIL_RUN  # a plain run takes the watch's kind of run


def test_a_better_file_keeps_the_kind_of_run_the_runner_chose(runner):
    run_batch(runner, ("run.gpx", named_gpx("Morning Run")))
    Run.objects.filter(owner=runner).update(sport=Sport.TREADMILL)
    run_batch(runner, ("run.fit", fit(sub_sport=SubSport.TRAIL)))
    run = Run.objects.get(owner=runner)
    assert run.activity_file.format == "fit"
    assert (run.name, run.sport) == ("Morning Run", Sport.TREADMILL)


def test_a_better_file_names_a_run_that_had_no_name(runner):
    # A Strava row without a file ranks lowest: its GPX replaces its figures.
    run_batch(runner, ("export.zip", strava_zip([START], with_files=False)))
    Run.objects.filter(owner=runner).update(name="")
    run_batch(runner, ("run.gpx", named_gpx("Along the canal", "trail_running")))
    run = Run.objects.get(owner=runner)
    assert run.activity_file.format == "gpx"
    assert (run.name, run.sport) == ("Along the canal", Sport.TRAIL_RUN)


@pytest.fixture
def by_hand(runner):
    return make_run(runner, start=START + timedelta(minutes=10), distance_m=400, duration_s=150)


def test_a_merge_names_a_run_logged_by_hand_without_a_name(runner, by_hand):
    run_batch(runner, ("trail.gpx", named_gpx("Ridge loop", "trail_running")))
    offer = MergeOffer.objects.get(owner=runner)
    assert (offer.activity["name"], offer.activity["sport"]) == ("Ridge loop", "trail_run")
    imports.accept_offer(offer.pk, runner)
    by_hand.refresh_from_db()
    assert (by_hand.name, by_hand.sport) == ("Ridge loop", Sport.TRAIL_RUN)


def test_a_merge_keeps_the_name_and_kind_the_runner_gave(runner, by_hand):
    Run.objects.filter(pk=by_hand.pk).update(name="Mine", sport=Sport.TREADMILL)
    run_batch(runner, ("trail.gpx", named_gpx("Ridge loop", "trail_running")))
    imports.accept_offer(MergeOffer.objects.get(owner=runner).pk, runner)
    by_hand.refresh_from_db()
    assert (by_hand.name, by_hand.sport) == ("Mine", Sport.TREADMILL)


def test_keeping_them_apart_imports_the_files_name_and_kind(runner, by_hand):
    run_batch(runner, ("trail.gpx", named_gpx("Ridge loop", "trail_running")))
    run = imports.keep_separate(MergeOffer.objects.get(owner=runner).pk, runner)
    assert (run.name, run.sport) == ("Ridge loop", Sport.TRAIL_RUN)
    by_hand.refresh_from_db()
    assert (by_hand.name, by_hand.sport) == ("", Sport.RUN)


def test_an_offer_saved_before_sport_was_kept_merges_as_a_plain_run(runner, by_hand):
    run_batch(runner, ("trail.gpx", named_gpx("Ridge loop", "trail_running")))
    offer = MergeOffer.objects.get(owner=runner)
    values = {k: v for k, v in offer.activity.items() if k not in ("name", "sport")}
    MergeOffer.objects.filter(pk=offer.pk).update(activity=values)
    imports.accept_offer(offer.pk, runner)
    by_hand.refresh_from_db()
    assert (by_hand.name, by_hand.sport) == ("", Sport.RUN)


# --- The run form -----------------------------------------------------------------------------


def test_the_form_saves_a_name_and_kind_of_run(runner_client, runner):
    response = runner_client.post(
        reverse("runlog:run_new"), run_form(name="  Hill reps  ", sport="trail_run")
    )
    assert response.status_code == 302
    run = Run.objects.get(owner=runner)
    assert (run.name, run.sport, run.source) == ("Hill reps", Sport.TRAIL_RUN, "manual")
    html = page(runner_client, "runlog:run_edit", run.pk)
    assert 'value="Hill reps"' in html
    assert '<option value="trail_run" selected>' in html


def test_a_run_logged_without_them_is_a_plain_run_without_a_name(runner_client, runner):
    assert runner_client.post(reverse("runlog:run_new"), run_form()).status_code == 302
    run = Run.objects.get(owner=runner)
    assert (run.name, run.sport) == ("", Sport.RUN)


def test_the_form_edits_them_and_keeps_the_kind_when_it_is_left_out(runner_client, runner):
    run = make_run(runner, name="Old", sport=Sport.TREADMILL)
    url = reverse("runlog:run_edit", args=[run.pk])
    data = run_form(
        start=run.start.strftime("%Y-%m-%dT%H:%M"), distance="10", moving_time="50:00", name="New"
    )
    assert runner_client.post(url, data).status_code == 302
    run.refresh_from_db()
    assert (run.name, run.sport) == ("New", Sport.TREADMILL)
    data.update(name="", sport="virtual_run")
    assert runner_client.post(url, data).status_code == 302
    run.refresh_from_db()
    assert (run.name, run.sport) == ("", Sport.VIRTUAL_RUN)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sport", "swimming", "Choose a kind of run from the list."),
        ("name", "x" * (NAME_MAX_LENGTH + 1), "Ensure this value has at most 200 characters"),
    ],
)
def test_the_form_refuses_an_unknown_kind_or_a_long_name(
    runner_client, runner, field, value, message
):
    response = runner_client.post(reverse("runlog:run_new"), run_form(**{field: value}))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Run.objects.filter(owner=runner).exists()


def test_the_database_refuses_an_unknown_sport(runner):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_run(runner, sport="swimming")


# --- Private, exported ----------------------------------------------------------------------


def test_another_runner_never_sees_them(runner_client, runner, django_user_model):
    other = make_user(django_user_model, "other")
    theirs = make_run(other, name="Secret loop past my house", sport=Sport.TRAIL_RUN)
    make_run(runner)
    for name in ("runlog:run_detail", "runlog:run_edit"):
        assert runner_client.get(reverse(name, args=[theirs.pk])).status_code == 404
    html = page(runner_client, "runlog:runs")
    assert "Secret loop" not in html and "Trail run" not in html
    assert [r["name"] for r in runlog_data(runner)["runs"]] == [""]


def test_the_export_has_them(runner):
    make_run(runner, name="Ridge loop", sport=Sport.TRAIL_RUN)
    (record,) = runlog_data(runner)["runs"]
    assert (record["name"], record["sport"]) == ("Ridge loop", "trail_run")


def test_the_merge_offer_shows_the_files_name_and_kind_beside_the_runners(
    runner, runner_client, by_hand
):
    run_batch(runner, ("trail.gpx", named_gpx("Ridge <b>loop</b>", "trail_running")))
    offer = MergeOffer.objects.get(owner=runner)
    page = runner_client.get(reverse("runlog:import_merge", args=[offer.pk])).text
    assert "Kind of run" in page and "Trail run" in page
    assert "Ridge &lt;b&gt;loop&lt;/b&gt;" in page and "<b>loop</b>" not in page

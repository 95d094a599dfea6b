"""Hostile and random input against the run log's forms.

Whatever a bot or a confused phone keyboard sends (very long or unicode text, NUL bytes,
markup, numbers too big for any column, NaN, negative values, repeated or unknown fields),
the runner never sees a server error, never gets markup rendered back live, and never finds
half a thing saved: a run is saved whole or not at all, a check-in with all its regions or
nothing. The test client re-raises any exception a view throws, so a crash fails the test.
"""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runlog import body_map
from runlog.choices import Fluids, Location, Terrain
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from tests.test_runlog_factories import make_run

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
FORM = "application/x-www-form-urlencoded"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LIVE_MARKUP = (SCRIPT, "onerror=alert(1)>", "<img src=x")
INJECTIONS = (
    SCRIPT,
    IMG,
    "' OR 1=1 --",
    "{{ request.META }}{% debug %}",
    "\x00",
    "10\x00",
    "\u202eevil\u202c שלום مرحبا",
    "🏃\u200d♀️🦵💥",
    '=HYPERLINK("http://evil.example")',
    "\r\nSet-Cookie: pwned=1",
    "9" * 5000,
    "-1e309",
    "1e309",
    "NaN",
    "sNaN",  # a signalling NaN: comparing it raises, unlike NaN
    "-Infinity",
    "0x1F",
    "١٠",  # Arabic-Indic digits
    "-0",
    "0.0000001",
    "99999999999999999999",
    "-5",
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(repr),
    st.decimals(allow_nan=True).map(str),
)
long_text = st.tuples(
    st.sampled_from((SCRIPT, "a", "é", "🦵", "\u202e")), st.integers(50, 2500)
).map(lambda pair: pair[0] * pair[1])
hostile = st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=30), numbers, long_text)

RUN_FIELDS = {
    "start": st.one_of(
        st.just((timezone.now() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")),
        st.sampled_from(["2026-02-30T10:00", "0001-01-01T00:00", "9999-12-31T23:59", "2026-13-01"]),
    ),
    "distance": st.one_of(st.sampled_from(["10", "5.5", "0", "120", "42.195"]), numbers),
    "moving_time": st.one_of(st.sampled_from(["50:00", "1:05:00", "45", "0:01"]), numbers),
    "rpe": st.one_of(st.integers(-2, 12).map(str), st.just("")),
    "elevation_gain": st.one_of(st.sampled_from(["", "120", "0"]), numbers),
    "elevation_loss": st.one_of(st.sampled_from(["", "80"]), numbers),
    "terrain": st.one_of(st.sampled_from(["", *Terrain.values]), st.just("moon")),
    "temperature": st.one_of(st.sampled_from(["", "12.5", "-40", "50"]), numbers),
    "fluids": st.one_of(st.sampled_from(["", *Fluids.values]), st.just("beer")),
    "warm_up_done": st.sampled_from(["", "yes", "no", "maybe"]),
    "cool_down_done": st.sampled_from(["", "yes", "no"]),
    "notes": st.one_of(st.just(""), st.text(max_size=60), hostile),
    "confirm_long": st.sampled_from(["", "on", "true", "0"]),
}


def form_pairs(fields: dict, required=()) -> st.SearchStrategy:
    """Optional fields sometimes left out; any field sometimes hostile or repeated; extras too.

    `required` fields are always sent (with values from their strategy), so that plausible
    submissions get through often enough to check what is saved.
    """
    one_field = st.sampled_from(sorted(fields)).flatmap(
        lambda name: st.tuples(st.just(name), st.one_of(fields[name], hostile))
    )
    base = st.fixed_dictionaries(
        {name: fields[name] for name in required},
        optional={name: s for name, s in fields.items() if name not in required},
    ).map(lambda d: list(d.items()))
    stranger = st.one_of(hostile, st.sampled_from(["owner", "id", "source", "external_id"]))
    extra = st.lists(st.one_of(one_field, st.tuples(stranger, hostile)), max_size=3)
    return st.tuples(base, extra).map(lambda parts: parts[0] + parts[1])


fuzz = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def post(client, url, pairs, htmx):
    return client.post(url, urlencode(pairs), content_type=FORM, headers=HX if htmx else None)


def assert_no_live_markup(response):
    body = response.content.decode("utf-8", errors="replace")
    headers = " ".join(response.headers.values())
    for marker in LIVE_MARKUP:
        assert marker not in body, f"{marker!r} rendered unescaped in the page"
        assert marker not in headers, f"{marker!r} echoed in a response header"


@settings(fuzz, max_examples=25)
@given(
    pairs=form_pairs(RUN_FIELDS, required=("start", "distance", "moving_time")),
    htmx=st.booleans(),
    editing=st.booleans(),
)
@example(pairs=[("distance", "1e309"), ("moving_time", "50:00")], htmx=False, editing=False)
@example(pairs=[("distance", "sNaN"), ("temperature", "-sNaN")], htmx=False, editing=True)
@example(pairs=list({**{"notes": SCRIPT}, "distance": "10", "moving_time": "50:00",
                     "start": "2026-01-01T10:00"}.items()), htmx=True, editing=True)  # fmt: skip
@example(pairs=[("distance", "NaN"), ("temperature", "NaN"), ("moving_time", "9" * 5000)],
         htmx=True, editing=False)  # fmt: skip
def test_the_run_form_saves_a_whole_run_or_nothing(runner_client, runner, pairs, htmx, editing):
    existing = make_run(runner, notes="before") if editing else None  # examples share the db
    before = list(Run.objects.order_by("pk").values())
    url = reverse("runlog:run_edit", args=[existing.pk]) if editing else reverse("runlog:run_new")
    response = post(runner_client, url, pairs, htmx)

    assert response.status_code < 500
    assert_no_live_markup(response)
    after = list(Run.objects.order_by("pk").values())
    if response.status_code in (413, 422):
        assert after == before, "a refused run changed the database"
        if response.status_code == 422:
            assert "Nothing was saved" in response.text
        return
    assert response.status_code in (200, 302)
    assert len(after) == len(before) + (0 if editing else 1)
    run = Run.objects.latest("updated_at")
    run.full_clean()  # whatever was saved is a run the rules accept
    assert (run.owner, run.source, run.external_id) == (runner, "manual", "")
    assert "\x00" not in run.notes


CHECKIN_FIELDS = {
    "soreness": st.one_of(st.integers(-2, 12).map(str), st.just("")),
    "regions": st.one_of(
        st.sampled_from([r.value for r in body_map.REGIONS]),
        hostile,
        st.sampled_from(["left-elbows", "middle-calves", *Location.values]),
    ),  # fmt: skip
    "score-left-calves": st.one_of(st.integers(-2, 12).map(str), st.just("")),
    "score-right-quads": st.one_of(st.integers(-1, 11).map(str), st.just("")),
    "sleep_quality": st.one_of(st.integers(-1, 9).map(str), st.just("")),
    "fatigue": st.one_of(st.integers(0, 8).map(str), st.just("")),
    "stress": st.one_of(st.integers(0, 8).map(str), st.just("")),
    "run": st.one_of(st.just(""), numbers),
    "recorded_at": st.sampled_from(["", "2026-01-01T08:00", "3000-01-01T00:00", "nope"]),
    "notes": st.one_of(st.just(""), st.text(max_size=60), hostile),
}


@settings(fuzz, max_examples=25)
@given(
    pairs=form_pairs(CHECKIN_FIELDS, required=("soreness",)),
    regions=st.lists(
        st.one_of(st.sampled_from([r.value for r in body_map.REGIONS]), hostile), max_size=6
    ),  # fmt: skip
    htmx=st.booleans(),
)
@example(pairs=[("soreness", "3")], regions=["left-calves", "left-calves", SCRIPT], htmx=False)
@example(pairs=[("soreness", "3")], regions=["left-calves", "left-calves"], htmx=True)
@example(pairs=[("soreness", "10"), ("notes", "\x00")], regions=["right-feet"], htmx=False)
def test_the_checkin_saves_entry_and_regions_together_or_nothing(
    runner_client, runner, pairs, regions, htmx
):
    # Hypothesis runs every example in the same test database: compare with before.
    if not Run.objects.exists():
        make_run(runner)
    entries_before = set(SorenessEntry.objects.values_list("pk", flat=True))
    regions_before = list(SoreRegion.objects.order_by("pk").values())
    pairs = pairs + [("regions", value) for value in regions]
    response = post(runner_client, reverse("runlog:checkin"), pairs, htmx)

    assert response.status_code < 500
    assert_no_live_markup(response)
    new_entries = SorenessEntry.objects.exclude(pk__in=entries_before)
    if response.status_code in (413, 422):
        assert not new_entries.exists()
        assert list(SoreRegion.objects.order_by("pk").values()) == regions_before
        return
    assert response.status_code in (200, 302)
    entry = new_entries.get()
    assert entry.owner == runner
    assert 0 <= entry.soreness <= 10
    assert "\x00" not in entry.notes
    values = [region.value for region in entry.regions.all()]
    assert len(values) == len(set(values))
    assert set(values) <= {r.value for r in body_map.REGIONS} | set(Location.values)


SETTINGS_FIELDS = {
    "distance_unit": st.one_of(st.sampled_from(["km", "mi"]), hostile),
    "temperature_unit": st.one_of(st.sampled_from(["C", "F"]), hostile),
    "time_zone": st.one_of(st.sampled_from(["UTC", "Europe/London", "../../etc/passwd"]), hostile),
    "body_weight_kg": st.one_of(st.sampled_from(["", "70", "19.9", "300.1"]), numbers),
}


@settings(fuzz, max_examples=25)
@given(pairs=form_pairs(SETTINGS_FIELDS), htmx=st.booleans())
def test_settings_keep_their_last_good_values(runner_client, runner, pairs, htmx):
    runner_client.get(reverse("runlog:settings"))
    before = list(RunnerSettings.objects.values())
    response = post(runner_client, reverse("runlog:settings"), pairs, htmx)
    assert response.status_code < 500
    assert_no_live_markup(response)
    if response.status_code in (413, 422):
        assert list(RunnerSettings.objects.values()) == before
        return
    assert response.status_code == 302
    RunnerSettings.objects.get(user=runner).full_clean()


@settings(fuzz, max_examples=25)
@given(query=st.lists(st.tuples(st.sampled_from(["run", "saved", "page"]), hostile), max_size=3))
def test_hostile_query_strings_are_a_page_or_a_404(runner_client, query):
    for name in ("runlog:runs", "runlog:checkin", "runlog:entries"):
        response = runner_client.get(f"{reverse(name)}?{urlencode(query)}")
        assert response.status_code in (200, 404)
        assert_no_live_markup(response)

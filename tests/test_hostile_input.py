"""Hostile and random input against every form and endpoint that takes input.

A bot or an attacker sends whatever it likes: very long strings, right-to-left text and emoji,
NUL bytes, numbers too big for any column, the wrong types, repeated or missing fields, SQL
and HTML fragments. Whatever arrives, they never see a server error, never get their markup
rendered back as live HTML, and never leave half an answer saved. The test client re-raises
any exception a view throws, so a crash fails the test instead of hiding in a 500.
"""

import io
import json
import re
from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assessments.content import current_content
from assessments.contract import SAFETY_QUESTIONS, TRIAGE_LEVELS
from assessments.models import Assessment, Cause, EvidenceGrade, Strategy
from assessments.scoring import (
    InvalidAnswers,
    Result,
    assess,
    escalation_applies,
    keep_known,
    normalise,
    skipped_questions,
)
from tests.factories import default_content_snapshot

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
FORM = "application/x-www-form-urlencoded"
CONTENT = default_content_snapshot()
QUESTION_SLUGS = [question.slug for question in CONTENT.questions]
FIELD_NAMES = [f"q-{slug}" for slug in QUESTION_SLUGS]
CHOICE_SLUGS = sorted({choice.slug for q in CONTENT.questions for choice in q.choices})
REAL_PAIRS = [(f"q-{q.slug}", choice.slug) for q in CONTENT.questions for choice in q.choices]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
# What would run in a browser if the injected strings were rendered unescaped.
LIVE_MARKUP = (SCRIPT, "onerror=alert(1)>", "<img src=x")
INJECTIONS = (
    SCRIPT,
    IMG,
    "' OR 1=1 --",
    "1; DROP TABLE assessments_assessment; --",
    '" OR ""="',
    "{{ request.META }}{% debug %}",
    "\x00",
    "none\x00",
    "\u202eevil\u202c שלום مرحبا",
    "🏃\u200d♀️🦵💥",
    "../../../etc/passwd",
    "%00%2e%2e%2f",
    "\r\nSet-Cookie: pwned=1",
    "9" * 5000,
    "-1e309",
)

huge_numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(repr),
)
# Up to about 100 kB: long, yet under Django's 2.5 MB body limit (that 400 has its own test).
long_text = st.tuples(
    st.sampled_from((SCRIPT, IMG, "a", "é", "🦵", "\u202e")), st.integers(50, 3000)
).map(lambda pair: pair[0] * pair[1])
hostile_text = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(max_size=30),
    huge_numbers,
    long_text,
    st.tuples(st.sampled_from(CHOICE_SLUGS), st.sampled_from(INJECTIONS)).map("".join),
)
field_name = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES).map(lambda name: f"{name}[]"),
    st.sampled_from(["q-", "q", "csrfmiddlewaretoken", "answers", "step", "result", "user"]),
    hostile_text,
)
field_value = st.one_of(st.sampled_from(CHOICE_SLUGS), st.just(""), hostile_text)
form_pairs = st.lists(
    st.one_of(
        st.sampled_from(REAL_PAIRS),
        st.tuples(st.sampled_from(FIELD_NAMES), field_value),
        st.tuples(field_name, field_value),
    ),
    max_size=8,
)

fuzz = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_no_live_markup(response):
    body = response.content.decode("utf-8", errors="replace")
    headers = " ".join(response.headers.values())
    for marker in LIVE_MARKUP:
        assert marker not in body, f"{marker!r} rendered unescaped in the page"
        assert marker not in headers, f"{marker!r} echoed in a response header"


def post_form(client, url, pairs, htmx=False):
    """POST url-encoded, as a browser form does; pairs may repeat a key."""
    return client.post(url, urlencode(pairs), content_type=FORM, headers=HX if htmx else None)


def fresh_assessment(client, answers=None) -> Assessment:
    """An assessment this client owns, started through the site; answers stored as given."""
    assert client.post(reverse("assessment_new")).status_code == 302
    assessment = Assessment.objects.latest("created_at")
    if answers is not None:
        Assessment.objects.filter(pk=assessment.pk).update(answers=answers)
        assessment.refresh_from_db()
    return assessment


def step_url(assessment, number):
    return reverse("assessment_step", args=[assessment.pk, number])


# Content pages.


@settings(fuzz, max_examples=40)
@given(grades=st.lists(hostile_text, max_size=3), htmx=st.booleans())
@example(grades=[SCRIPT], htmx=False)
@example(grades=["strong", IMG], htmx=True)
def test_an_unknown_evidence_filter_lists_every_cause(client, grades, htmx):
    """?grade=<anything>: a grade the site does not know is ignored, the page still lists causes."""
    from django.core.cache import cache

    cache.clear()  # each example renders afresh (public pages are cached whole), for .context
    query = urlencode([("grade", grade) for grade in grades])
    response = client.get(f"{reverse('cause_list')}?{query}", headers=HX if htmx else None)
    assert response.status_code == 200
    assert_no_live_markup(response)
    chosen = grades[-1] if grades else ""
    if chosen in EvidenceGrade.values:
        assert response.context["grade"] == chosen
    else:
        assert response.context["grade"] == ""
        assert list(response.context["causes"]) == list(Cause.objects.published())


@settings(fuzz, max_examples=60)
@given(
    slug=st.one_of(hostile_text, st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True)),
    section=st.sampled_from(["causes", "strategies"]),
)
@example(slug="overuse", section="causes")
@example(slug="hydrate", section="strategies")
@example(slug="overuse' OR 1=1 --", section="causes")
@example(slug="OVERUSE", section="causes")
def test_a_hostile_slug_is_a_plain_404(client, slug, section):
    """Only a published page's exact slug opens it; anything else is the friendly 404 page."""
    model = Cause if section == "causes" else Strategy
    published = set(model.objects.published().values_list("slug", flat=True))
    response = client.get(f"/{section}/{quote(slug, safe='')}/")
    assert response.status_code == (200 if slug in published else 404)
    assert_no_live_markup(response)


@settings(fuzz, max_examples=60)
@given(
    ident=st.one_of(
        hostile_text, st.uuids().map(str), st.uuids().map(lambda u: str(u).upper())
    ).filter(lambda ident: ident != "new"),
    tail=st.sampled_from(["", "step/1/", "step/6/warning/", "finish/"]),
)
@example(ident="' OR 1=1 --", tail="")
@example(ident=SCRIPT, tail="step/1/")
def test_an_assessment_that_is_not_yours_is_a_404(client, ident, tail):
    """Guessing, forging or injecting an assessment id finds nothing: 404, whatever the path."""
    fresh_assessment(client)  # the visitor owns one, just not this one
    url = f"/assessment/{quote(ident, safe='')}/{tail}"
    response = client.post(url) if tail == "finish/" else client.get(url)
    assert response.status_code == 404
    assert_no_live_markup(response)


@settings(fuzz, max_examples=20)
@given(
    number=st.one_of(st.integers(min_value=8).map(str), st.sampled_from(["0", "00", "1" * 4400]))
)
def test_a_step_number_that_does_not_exist_is_a_404_even_for_the_owner(client, number):
    """Steps 0, 8 and up, or 4400 digits long (too long for int()): 404, nothing saved."""
    assessment = fresh_assessment(client)
    for tail in ("", "warning/"):
        assert client.get(f"/assessment/{assessment.pk}/step/{number}/{tail}").status_code == 404
    response = post_form(client, f"/assessment/{assessment.pk}/step/{number}/", REAL_PAIRS[:3])
    assert response.status_code == 404
    assessment.refresh_from_db()
    assert assessment.answers == {}


def too_large(response) -> bool:
    """Bodies over the site-wide limit are refused whole (413) before anything reads them."""
    if response.status_code == 413:
        assert "too much to send" in response.text
        return True
    return False


# The questionnaire.


@settings(fuzz, max_examples=25)
@given(pairs=form_pairs, htmx=st.booleans())
def test_starting_ignores_whatever_fields_come_with_it(client, pairs, htmx):
    """Fields posted with "Start" cannot pre-fill answers, a step, a user or a result."""
    before = Assessment.objects.count()
    response = post_form(client, reverse("assessment_new"), pairs, htmx)
    if too_large(response):
        assert Assessment.objects.count() == before
        return
    assert response.status_code == 302
    assert Assessment.objects.count() == before + 1
    assessment = Assessment.objects.latest("created_at")
    assert response["Location"] == step_url(assessment, 1)
    assert (assessment.answers, assessment.step, assessment.user, assessment.result) == (
        {},
        1,
        None,
        None,
    )


def seed_answers(content):
    """One ordinary answer per screen, so an overwrite on any screen would show."""
    seed = {}
    for questions in content.steps:
        question = questions[0]
        choice = next(c for c in question.choices if c.triage_level != "emergency")
        seed[question.slug] = [choice.slug] if question.kind == "many" else choice.slug
    return seed


def expected_screen(questions, pairs):
    """The answers a screen must save, or None when the screen must be refused as a whole.

    The rule a runner sees: each answer must be one of that question's own choices, a pick-one
    question takes at most one, the warning-sign question must be answered, and an exclusive
    choice ("None of these") stands alone, except beside a warning sign or a health
    background, where the specific answer counts. Fields for other screens, or for no
    question at all, are ignored.
    """
    posted = {}
    for name, value in pairs:
        posted.setdefault(name, []).append(value)
    answers = {}
    for question in questions:
        values = posted.get(f"q-{question.slug}", [])
        if any(value not in question.choices_by_slug for value in values if value != ""):
            return None
        if question.kind == "one":
            if len(values) > 1:
                return None
            answers[question.slug] = values[0] if values and values[0] else None
        else:
            if "" in values:
                return None
            exclusive = [v for v in values if question.choices_by_slug[v].exclusive]
            if len(values) > 1 and exclusive:
                specific = [v for v in values if v not in exclusive]
                safety = question.slug in SAFETY_QUESTIONS or any(
                    question.choices_by_slug[v].triage_level for v in values
                )
                if not safety:
                    return None
                values = specific or values
            if question.required and not values:
                return None
            answers[question.slug] = values or None
    return answers


@settings(fuzz, max_examples=80)
@given(
    number=st.integers(1, 7),
    pairs=form_pairs,
    back=st.one_of(st.none(), st.just("1"), hostile_text),
    htmx=st.booleans(),
)
@example(number=5, pairs=[("q-load_change", SCRIPT)], back=None, htmx=False)
@example(number=5, pairs=[("q-experience", IMG)], back=None, htmx=True)
@example(number=1, pairs=[("q-red_flags", "none"), ("q-red_flags", SCRIPT)], back=None, htmx=True)
@example(number=4, pairs=[("q-terrain", "hilly"), ("q-terrain", "flat")], back="1", htmx=False)
@example(number=5, pairs=[("q-experience", "new"), ("q-terrain", "<x>")], back=None, htmx=False)
@example(number=7, pairs=[("q-form", "no_issues"), ("q-form", "no_issues")], back=None, htmx=False)
@example(number=3, pairs=[], back=None, htmx=False)
def test_a_screen_saves_all_its_answers_or_none_of_them(client, number, pairs, back, htmx):
    """Hostile values, extra and repeated fields, Back, with or without HTMX, on any screen.

    A refused screen comes back with inline errors (422) and leaves the saved answers exactly
    as they were; an accepted one saves exactly the valid answers for its own questions, so
    nothing typed into the request ever lands in the database unless it is a real choice.
    v3: a blank answer an escalation needs is asked again at once (200, "One more answer"),
    and then nothing is saved until the runner posts the screen again.
    """
    content = current_content()
    seed = seed_answers(content)
    assessment = fresh_assessment(client, seed)
    if back is not None:
        pairs = [*pairs, ("back", back)]
    response = post_form(client, step_url(assessment, number), pairs, htmx)

    assert response.status_code < 500
    assert_no_live_markup(response)
    refused_unread = too_large(response)
    expected = None if refused_unread else expected_screen(content.steps[number - 1], pairs)
    asked = set(re.findall(r'<input type="hidden" name="asked" value="([^"]*)">', response.text))
    assessment.refresh_from_db()
    if expected is not None and asked:
        assert back is None, "going back never stops to ask"
        assert response.status_code == 200
        assert (
            "One more answer, please" if len(asked) == 1 else "A few more answers"
        ) in response.text
        assert asked <= {slug for slug, value in expected.items() if value is None}
        assert assessment.answers == seed, "a screen asked again saved answers"
        assert assessment.step == 1
        assert not assessment.is_complete
    elif expected is None:
        assert assessment.answers == seed, "a refused screen changed the saved answers"
        assert assessment.step == 1
        assert not assessment.is_complete
        if back is None and not refused_unread:
            assert response.status_code == 422
            assert "Please check the answers marked below." in response.text
            assert ("<html" in response.text) is not htmx
    else:
        merged = {**seed, **expected}
        assert assessment.answers == {slug: v for slug, v in merged.items() if v is not None}
        assert response.status_code in (200, 302)
        if back is not None:
            assert assessment.step == max(number - 1, 1)


def test_too_many_fields_is_a_400_and_saves_nothing(client):
    """A flood of repeated keys (over Django's 1000-field limit) is refused before the view."""
    assessment = fresh_assessment(client)
    pairs = [("q-red_flags", "none")] * 1001
    response = post_form(client, step_url(assessment, 1), pairs, htmx=True)
    assert response.status_code == 400
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_a_body_over_the_size_limit_is_a_413_and_saves_nothing(client):
    """A 3 MB answer is refused as too big rather than parsed, echoed or stored."""
    assessment = fresh_assessment(client)
    response = post_form(client, step_url(assessment, 2), [("q-experience", "🦵" * 800_000)])
    assert response.status_code == 413
    assessment.refresh_from_db()
    assert assessment.answers == {}


@settings(fuzz, max_examples=25)
@given(pairs=form_pairs, htmx=st.booleans())
def test_finishing_scores_only_the_saved_answers(client, pairs, htmx):
    """Fields posted with "See my results" cannot change the result; finishing twice is harmless."""
    content = current_content()
    seed = seed_answers(content)
    assessment = fresh_assessment(client, seed)
    url = reverse("assessment_finish", args=[assessment.pk])
    response = post_form(client, url, pairs, htmx)
    if too_large(response):
        assessment.refresh_from_db()
        assert not assessment.is_complete
        return
    assert response.status_code == 302
    assert response["Location"] == assessment.get_absolute_url()
    assessment.refresh_from_db()
    expected = json.loads(json.dumps(assess(seed, content).snapshot()))
    assert assessment.result == expected
    assert post_form(client, url, pairs, htmx).status_code == 302
    assessment.refresh_from_db()
    assert assessment.result == expected
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_no_live_markup(page)


# Whatever JSON the app could have saved: PostgreSQL's jsonb cannot hold NUL or NaN, and the
# wizard never writes them, so they are left out here (the posts above try them).
stored_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    stored_text,
    st.sampled_from(CHOICE_SLUGS),
)
stored_json = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(stored_text, inner),
    max_leaves=8,
)
own_choices = st.sampled_from(CONTENT.questions).flatmap(
    lambda question: st.tuples(
        st.just(question.slug),
        st.lists(st.sampled_from([choice.slug for choice in question.choices]), max_size=4)
        | st.sampled_from([choice.slug for choice in question.choices]),
    )
)
stored_answers = st.tuples(
    st.dictionaries(
        st.one_of(st.sampled_from(QUESTION_SLUGS), stored_text),
        st.one_of(stored_json, st.lists(st.sampled_from(CHOICE_SLUGS), max_size=4)),
        max_size=4,
    ),
    st.lists(own_choices, max_size=4),
).map(lambda parts: {**parts[0], **dict(parts[1])})


@settings(fuzz, max_examples=25)
@given(stored=stored_answers)
@example(stored={"gone": "x", "experience": ["new", "building"], "location": "calves"})
@example(stored={"red_flags": ["none", "fever"]})  # saved before "none" was made exclusive
def test_answers_saved_under_an_older_questionnaire_still_resume_and_finish(client, stored):
    """Editors change the questionnaire while runners are mid-way through it.

    A saved answer may name a question or choice that is gone, have a pick-one answer where
    the question now takes several (or the reverse), or combine a choice an editor has since
    made exclusive. The runner can still open every screen, see the warning page and finish.
    """
    assessment = fresh_assessment(client, stored)
    for number in range(1, 7):
        assert client.get(step_url(assessment, number)).status_code == 200
    warning = client.get(reverse("assessment_warning", args=[assessment.pk, 1]))
    assert warning.status_code in (200, 302)
    response = client.post(reverse("assessment_finish", args=[assessment.pk]))
    assert response.status_code == 302
    assessment.refresh_from_db()
    if not keep_known(stored, CONTENT).get("red_flags"):
        # No result without the warning-sign answer: back to the first screen to give it.
        assert response["Location"] == step_url(assessment, 1)
        assert not assessment.is_complete
        return
    assert assessment.is_complete
    assert client.get(response["Location"]).status_code == 200


# The editors' sign-in.

OFF_SITE = [
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    " //evil.example",
    "/%2F/evil.example",
]


@pytest.fixture
def fast_hashing(settings):
    """Each failed sign-in hashes the password; a fast hasher keeps hundreds of tries quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@settings(fuzz, max_examples=40)
@given(username=hostile_text, password=hostile_text, next_url=hostile_text)
@example(username=SCRIPT, password=IMG, next_url=IMG)
@example(username="eddie' OR 1=1 --", password="' OR '1'='1", next_url="/admin/")
@example(username="eddie\x00", password="a-long-passphrase", next_url="/admin/")
def test_sign_in_with_hostile_credentials_is_refused(
    client, fast_hashing, editor, username, password, next_url
):
    """The sign-in page re-renders with an error; it never signs anyone in."""
    from django.core.cache import cache

    cache.clear()  # each example is a fresh visitor, so the sign-in limit never answers instead
    url = f"{reverse('account_login')}?{urlencode({'next': next_url})}"
    page = client.get(url)
    assert page.status_code == 200
    assert_no_live_markup(page)
    response = post_form(client, url, [("login", username), ("password", password)])
    assert response.status_code == (413 if too_large(response) else 200)
    assert "_auth_user_id" not in client.session
    assert_no_live_markup(response)


@settings(fuzz, max_examples=15)
@given(next_url=st.one_of(st.sampled_from(OFF_SITE), hostile_text))
def test_a_hostile_next_never_sends_an_editor_off_site(client, fast_hashing, editor, next_url):
    """After signing in, ?next= leads to a page of this site, never to an attacker's."""
    client.logout()
    url = f"{reverse('account_login')}?{urlencode({'next': next_url})}"
    credentials = [("login", "eddie@example.com"), ("password", "a-long-passphrase")]
    response = post_form(client, url, credentials)
    if response.status_code == 400:
        return  # Django refuses a redirect over 16,384 characters: nowhere is nowhere off-site
    assert response.status_code == 302
    # Browsers drop leading whitespace and read "\\" as "/": "/\\evil" is "//evil", off-site.
    location = response["Location"].lstrip().replace("\\", "/")
    assert not urlsplit(location).scheme and not urlsplit(location).netloc
    assert not location.startswith("//")


# The scoring core, as the wizard, the result page and `assess` all use it.


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)
any_value = st.one_of(
    json_values,
    st.sampled_from(CHOICE_SLUGS),
    st.lists(st.sampled_from(CHOICE_SLUGS), max_size=4),
    hostile_text,
    st.binary(max_size=8),
    st.tuples(st.sampled_from(CHOICE_SLUGS)),
    st.frozensets(st.sampled_from(CHOICE_SLUGS), max_size=3),
    st.integers(min_value=-(10**100), max_value=10**100),
)
raw_answers = st.one_of(
    json_values,
    hostile_text,
    st.lists(st.sampled_from(QUESTION_SLUGS)),
    st.dictionaries(
        st.one_of(st.sampled_from(QUESTION_SLUGS), hostile_text, st.integers(), st.none()),
        any_value,
        max_size=6,
    ),
    st.dictionaries(st.sampled_from(QUESTION_SLUGS), any_value, max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(raw=raw_answers)
@example(raw={"red_flags": ["none", "fever"]})
@example(raw={"experience": ["new"]})
@example(raw={"experience": None, "location": []})
@example(raw={1: "new"})
def test_scoring_either_returns_a_result_or_names_the_bad_answer(raw):
    """assess() accepts the answers or raises InvalidAnswers with a message; nothing else."""
    try:
        result = assess(raw, CONTENT)
    except InvalidAnswers as exc:
        assert str(exc)
        return
    assert isinstance(result, Result)
    for slug, chosen in result.answers.items():
        question = CONTENT.questions_by_slug[slug]
        assert chosen and all(choice in question.choices_by_slug for choice in chosen)


@st.composite
def valid_answers(draw):
    """Answers a runner could give: real choices, pick-one as a slug, several as a list."""
    answers = {}
    for question in CONTENT.questions:
        slugs = [choice.slug for choice in question.choices]
        if not question.required and draw(st.integers(0, 3)) == 0:
            unanswered = [None, []] if question.kind == "many" else [None]
            answers[question.slug] = draw(st.sampled_from(unanswered))
        elif question.kind == "one":
            answers[question.slug] = draw(st.sampled_from(slugs))
        else:
            exclusive = [[c.slug] for c in question.choices if c.exclusive]
            others = [c.slug for c in question.choices if not c.exclusive]
            alone = st.sampled_from(exclusive) if exclusive else st.nothing()
            several = st.lists(st.sampled_from(others), min_size=1, max_size=len(others) + 1)
            answers[question.slug] = draw(alone | several)
    return answers


@settings(max_examples=300, deadline=None)
@given(answers=valid_answers())
def test_a_warning_sign_is_never_outranked(answers):
    """The triage level is the most urgent level of any chosen answer or escalation, whatever
    the causes say, and the plan follows it.

    Scores are whole numbers from 1 to 100 and the likeliest cause comes first (a secondary
    cause, like slow-recovery genes, only after every other cause with points).
    """
    result = assess(answers, CONTENT)
    levels = [
        CONTENT.questions_by_slug[slug].choices_by_slug[choice].triage_level
        for slug, value in answers.items()
        if value
        for choice in ([value] if isinstance(value, str) else value)
    ]
    normalised = normalise(answers, CONTENT)
    skipped = skipped_questions(normalised, CONTENT)  # fail safe: a blank counts
    levels += [e.level for e in CONTENT.escalations if escalation_applies(e, normalised, skipped)]
    warning_levels = [level for level in levels if level]
    expected = max(warning_levels, key=TRIAGE_LEVELS.index, default="self_care")
    assert result.triage.level == expected
    assert {flag.level for flag in result.triage.flags} == set(warning_levels)
    if expected in ("urgent", "emergency"):
        assert result.causes == result.strategies == ()
    secondary = {cause.slug for cause in CONTENT.causes if cause.secondary}
    # v3: a cause an applying escalation names (RED-S: nutrition) ranks in the top two.
    lifted = {
        e.top_cause
        for e in CONTENT.escalations
        if e.top_cause and escalation_applies(e, normalised, skipped)
    }
    ranked = [c.slug for c in result.causes]
    assert all(ranked.index(slug) <= 1 for slug in lifted if slug in ranked)
    first = [c.score for c in result.causes if c.slug not in secondary | lifted]
    scores = [cause.score for cause in result.causes]
    assert all(type(score) is int and 1 <= score <= 100 for score in scores)
    assert first == sorted(first, reverse=True)
    main = [slug for slug in ranked if slug not in secondary]
    assert ranked[: len(main)] == main
    assert assess(keep_known(answers, CONTENT), CONTENT) == result


# The `assess` command.


def run_assess(monkeypatch, stdin_text):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    out = io.StringIO()
    call_command("assess", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def assert_json_or_exit_2(monkeypatch, stdin_text):
    try:
        out = run_assess(monkeypatch, stdin_text)
    except CommandError as exc:
        assert exc.returncode == 2
        assert str(exc)
    else:
        assert set(json.loads(out)) == {"triage", "causes", "plan", "strategies"}


@settings(fuzz, max_examples=60)
@given(
    stdin_text=st.one_of(
        st.text(max_size=40),
        hostile_text,
        json_values.map(json.dumps),
        valid_answers().map(json.dumps),
        st.dictionaries(st.sampled_from(QUESTION_SLUGS), json_values, max_size=4).map(json.dumps),
    )
)
@example(stdin_text="")
@example(stdin_text="9" * 5000)  # too many digits for int(): see the test below
@example(stdin_text="\ufeff{}")
@example(stdin_text='{"experience": "\\ud800"}')
@example(stdin_text='{"experience": "new", "experience": "' + SCRIPT + '"}')
def test_assess_prints_json_or_exits_2(monkeypatch, stdin_text):
    """Whatever is piped in, `manage.py assess` prints the result or one error with status 2."""
    assert_json_or_exit_2(monkeypatch, stdin_text)


@pytest.mark.parametrize(
    "stdin_text",
    [
        pytest.param("9" * 5000, id="a-5000-digit-number"),
        pytest.param('{"experience": ' + "1" * 5000 + "}", id="a-5000-digit-answer"),
        pytest.param("[" * 100_000, id="arrays-nested-100000-deep"),
        pytest.param('{"a":' * 100_000, id="objects-nested-100000-deep"),
    ],
)
def test_assess_refuses_pathological_json_with_exit_2(monkeypatch, stdin_text):
    """Input that Python's JSON parser cannot take is bad answers too: status 2, no traceback."""
    assert_json_or_exit_2(monkeypatch, stdin_text)

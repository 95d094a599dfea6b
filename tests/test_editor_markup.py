"""Editor text is untrusted: hostile markup in any content field never becomes markup.

An editor once saved `<i hx-post="/admin/auth/user/1/change/" hx-trigger="load" …>` as a
question's help text; a superuser opening step 1 made them superuser. This fills every
editor-writable text field of every content model with hostile markup, then renders every
public page, every wizard screen, the warning page and a result, and finds none of it live.
"""

import re

import pytest
from django.db import models
from django.urls import reverse

from assessments.content import CONTENT_MODELS, forget_local_snapshot
from assessments.models import Assessment, Cause, Strategy

pytestmark = pytest.mark.django_db

# Longest first; each field gets the longest that fits its max_length.
HOSTILE = [
    '<i hx-post="/admin/auth/user/1/change/" hx-trigger="load" hx-vals=\'{"is_superuser":"on"}\'>'
    '</i><script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    '<form action="https://evil.example/"><button>Go</button></form>',
    '<i hx-get="/evil" hx-trigger="load">x</i><script>alert(1)</script>',
    '<i hx-get="/evil" hx-trigger="load">x</i>',
    "<script>alert(1)</script>",
]
LIVE = [
    re.compile(r"<script>alert"),
    re.compile(r"<i hx-"),
    re.compile(r'href="javascript:', re.I),
    re.compile(r"<form action=\"https://evil"),
    re.compile(r"hx-get=\"/evil"),
    re.compile(r"hx-post=\"/admin"),
]


def hostile_for(field):
    fitting = [text for text in HOSTILE if not field.max_length or len(text) <= field.max_length]
    return fitting[0]


def editor_text_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.editable
        and not field.choices
        and not isinstance(field, models.SlugField)
    ]


@pytest.fixture
def hostile_content():
    filled = []
    for model in CONTENT_MODELS:
        fields = editor_text_fields(model)
        for row in model.objects.all():
            for field in fields:
                setattr(row, field.attname, hostile_for(field))
            row.save(update_fields=[f.attname for f in fields])
        filled += [f"{model.__name__}.{f.name}" for f in fields]
    forget_local_snapshot()
    return filled


def assert_nothing_live(response):
    assert response.status_code < 500
    for pattern in LIVE:
        assert not pattern.search(response.text), f"{pattern.pattern} live on {response.request}"


def public_urls():
    urls = ["/", "/about/", "/causes/", "/causes/?grade=weak", "/strategies/", "/assessment/"]
    urls += [cause.get_absolute_url() for cause in Cause.objects.all()]
    urls += [strategy.get_absolute_url() for strategy in Strategy.objects.all()]
    return urls


def test_every_text_field_of_every_content_model_is_covered(hostile_content):
    # A new content model or field joins this test by itself; this guards the list's scope.
    for expected in ("Question.help_text", "Choice.label", "Choice.triage_message",
                     "Cause.explanation", "Cause.first_step", "StrategyTip.text",
                     "Escalation.message", "Screen.title", "ChoiceWeight.reason"):  # fmt: skip
        assert expected in hostile_content


@pytest.mark.parametrize("htmx", [False, True])
def test_public_pages_show_editor_markup_as_text(client, hostile_content, htmx):
    headers = {"HX-Request": "true"} if htmx else None
    for url in public_urls():
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert_nothing_live(response)
    escaped = client.get(Cause.objects.first().get_absolute_url()).text
    assert "&lt;i hx-" in escaped, "the hostile text is shown, escaped"


@pytest.mark.parametrize("htmx", [False, True])
def test_the_questionnaire_warning_and_result_show_editor_markup_as_text(
    client, hostile_content, htmx
):
    headers = {"HX-Request": "true"} if htmx else None
    client.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    step = lambda n: reverse("assessment_step", args=[assessment.pk, n])  # noqa: E731
    for number in range(1, 8):
        page = client.get(step(number), headers=headers)
        assert_nothing_live(page)
        assert "&lt;i hx-" in page.text
    client.post(step(1), {"q-red_flags": ["breathless"]})
    warning = client.get(reverse("assessment_warning", args=[assessment.pk, 1]))
    assert_nothing_live(warning)
    client.post(step(2), {"q-health_background": ["clot_risk"]}, headers=headers)
    pain = client.post(step(3), {"q-location": ["calves"], "q-sides": "one"}, headers=headers)
    # The pain screen completed an urgent escalation, so it interrupted; finish from there.
    escalated = reverse("assessment_warning", args=[assessment.pk, 3])
    assert (pain["HX-Redirect"] if htmx else pain["Location"]) == escalated
    assert_nothing_live(client.get(escalated))
    client.post(reverse("assessment_finish", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.is_complete
    assert_nothing_live(client.get(assessment.get_absolute_url()))


def test_a_calm_result_with_causes_and_plan_shows_editor_markup_as_text(client, hostile_content):
    client.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    answers = {1: {"q-red_flags": ["none"]}, 5: {"q-experience": "new", "q-load_change":
               "up_large"}, 4: {"q-terrain": "downhill", "q-duration": "over_90"}}  # fmt: skip
    for number in range(1, 8):
        client.post(reverse("assessment_step", args=[assessment.pk, number]), answers.get(number))
    result = client.get(assessment.get_absolute_url())
    assert 'id="plan-heading"' in result.text and 'id="causes-heading"' in result.text
    assert_nothing_live(result)


def test_htmx_is_kept_to_this_site_and_off_editor_content(client):
    page = client.get("/causes/").text
    assert '"selfRequestsOnly": true' in page
    assert '"allowEval": false' in page
    assert re.search(r'<ul class="card-list" id="cause-list" hx-disable>', page)

"""What a visitor sees on the public, content-only pages."""

from html import escape

import pytest
from django.urls import reverse

from assessments.models import Cause, Strategy

pytestmark = pytest.mark.django_db


def test_home_explains_the_site_and_starts_the_assessment(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.text
    assert "Why do my legs ache after running?" in body
    assert "Start the questionnaire" in body
    assert "Not medical advice" in body


def test_cause_list_shows_every_published_cause(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("cause_list"))
    for cause in Cause.objects.all():
        assert escape(cause.name) in response.text


def test_cause_list_filters_by_evidence_grade_and_swaps_only_the_list_for_htmx(client):
    graded = Cause.objects.filter(evidence_grade="supported")
    others = Cause.objects.exclude(evidence_grade="supported")
    response = client.get(
        reverse("cause_list"), {"grade": "supported"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert all(escape(cause.name) in response.text for cause in graded)
    assert not any(escape(cause.name) in response.text for cause in others)
    assert "HX-Request" in response["Vary"]


def test_boosted_and_history_restore_requests_get_the_full_page(client):
    for headers in (
        {"HX-Request": "true", "HX-Boosted": "true"},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
    ):
        response = client.get(reverse("cause_list"), headers=headers)
        assert "<html" in response.text


def test_unknown_grade_is_ignored_not_an_error(client):
    response = client.get(reverse("cause_list"), {"grade": "<script>"})
    assert response.status_code == 200
    assert "&lt;script&gt;" not in response.text


def test_cause_page_shows_explanation_strategies_and_references(client):
    cause = Cause.objects.get(slug="overuse")
    response = client.get(cause.get_absolute_url())
    assert response.status_code == 200
    assert escape(cause.name) in response.text
    assert escape(cause.paragraphs()[0]) in response.text
    for link in cause.strategy_links.all():
        assert link.strategy.get_absolute_url() in response.text
    assert "References" in response.text


def test_strategy_page_links_back_to_its_causes(client):
    strategy = Strategy.objects.get(slug="gradual_increase")
    response = client.get(strategy.get_absolute_url())
    assert response.status_code == 200
    assert Cause.objects.get(slug="overuse").get_absolute_url() in response.text


def test_strategy_list(client):
    response = client.get(reverse("strategy_list"))
    assert all(escape(s.title) in response.text for s in Strategy.objects.all())


@pytest.mark.parametrize("url", ["/causes/no-such-cause/", "/strategies/nope/", "/no/such/page"])
def test_unknown_pages_are_a_styled_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "Not medical advice" in response.text


def test_unpublished_cause_is_hidden(client):
    cause = Cause.objects.get(slug="genetics")
    cause.published = False
    cause.save()
    assert client.get(cause.get_absolute_url()).status_code == 404
    assert escape(cause.name) not in client.get(reverse("cause_list")).text


def test_pages_load_htmx_locally_with_strict_config(client):
    body = client.get("/").text
    assert "/static/django-htmx/" in body or "htmx" in body
    assert "https://" not in body.split("<body")[0]
    assert '"allowEval": false' in body
    # Pages that post send the CSRF token with every htmx request; the questionnaire does.
    assert "X-CSRFToken" in client.get("/assessment/").text

"""Health advice changes only with a record of who changed what, and can be put back."""

import pytest
from django.urls import reverse

from assessments.models import (
    Cause,
    Choice,
    ChoiceWeight,
    Contraindication,
    Escalation,
    EscalationCondition,
    Question,
    Screen,
    Strategy,
    StrategyForCause,
    StrategyTip,
)
from tests.test_admin import cause_form

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    Cause, Strategy, StrategyForCause, Question, Choice, ChoiceWeight, StrategyTip, Screen,
    Escalation, EscalationCondition, Contraindication,
]  # fmt: skip


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_every_content_model_keeps_its_history_from_the_first_install(model):
    row = model.objects.first()
    assert row is not None
    assert row.history.exists(), "the default content has a first history row to go back to"


def test_an_editors_change_is_recorded_with_who_made_it(editor_client, editor):
    cause = Cause.objects.get(slug="cold")
    url = reverse("admin:assessments_cause_change", args=[cause.pk])
    editor_client.post(url, cause_form(cause, summary="Cold legs are stiff legs."))
    latest = cause.history.first()
    assert latest.summary == "Cold legs are stiff legs."
    assert latest.history_user == editor
    page = editor_client.get(reverse("admin:assessments_cause_history", args=[cause.pk]))
    assert page.status_code == 200
    assert "eddie" in page.text


def test_an_editor_can_put_a_change_back(editor_client):
    cause = Cause.objects.get(slug="cold")
    original = cause.summary
    url = reverse("admin:assessments_cause_change", args=[cause.pk])
    editor_client.post(url, cause_form(cause, summary="Nonsense an editor regrets."))
    before_edit = cause.history.earliest()
    revert_url = reverse(
        "admin:assessments_cause_simple_history", args=[cause.pk, before_edit.history_id]
    )
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    assert "Revert" in form.text
    cause.refresh_from_db()
    response = editor_client.post(revert_url, cause_form(cause, summary=original))
    assert response.status_code == 302
    cause.refresh_from_db()
    assert cause.summary == original
    assert cause.history.count() == 3  # installed, changed, put back


def test_a_warning_sign_change_is_recorded_too(editor_client):
    sign = Choice.objects.get(question__slug="red_flags", slug="numbness")
    sign.triage_level = "emergency"
    sign.save()
    assert [h.triage_level for h in sign.history.all()[:2]] == ["emergency", "urgent"]


def test_editors_see_the_history_of_content_only(editor_client, editor):
    users = reverse("admin:auth_user_history", args=[editor.pk])
    assert editor_client.get(users).status_code == 403
    index = editor_client.get(reverse("admin:index")).text
    assert "Historical" not in index

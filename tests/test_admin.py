"""Content editors edit content in the admin, and see nothing else."""

import pytest
from django.urls import reverse

from assessments.models import Cause

pytestmark = pytest.mark.django_db


def cause_form(cause, **changes):
    data = {
        "name": cause.name,
        "slug": cause.slug,
        "summary": cause.summary,
        "first_step": cause.first_step,
        "only_with": [choice.pk for choice in cause.only_with.all()],
        "explanation": cause.explanation,
        "evidence_grade": cause.evidence_grade,
        "references": cause.references,
        "order": cause.order,
        "published": "on",
        "strategy_links-TOTAL_FORMS": "0",
        "strategy_links-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_editor_can_change_a_cause(editor_client):
    cause = Cause.objects.get(slug="cold")
    url = reverse("admin:assessments_cause_change", args=[cause.pk])
    response = editor_client.post(url, cause_form(cause, summary="Cold legs are stiff legs."))
    assert response.status_code == 302
    cause.refresh_from_db()
    assert cause.summary == "Cold legs are stiff legs."


def test_editor_cannot_see_users_or_groups(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    index = editor_client.get(reverse("admin:index")).text
    assert "Causes" in index
    assert "Users" not in index


def test_cause_list_has_search_and_view_on_site(editor_client):
    response = editor_client.get(reverse("admin:assessments_cause_changelist"), {"q": "cold"})
    assert response.status_code == 200
    assert Cause.objects.get(slug="cold").name in response.text
    cause = Cause.objects.get(slug="cold")
    change = editor_client.get(reverse("admin:assessments_cause_change", args=[cause.pk]))
    assert "View on site" in change.text


def test_duplicate_slug_is_rejected_with_a_message(editor_client):
    cause = Cause.objects.get(slug="cold")
    response = editor_client.post(
        reverse("admin:assessments_cause_add"), cause_form(cause, name="Frost")
    )
    assert response.status_code == 200
    assert "Cause with this Slug already exists." in response.text
    assert Cause.objects.filter(name="Frost").count() == 0


def test_empty_name_is_rejected_with_a_message(editor_client):
    cause = Cause.objects.get(slug="cold")
    url = reverse("admin:assessments_cause_change", args=[cause.pk])
    response = editor_client.post(url, cause_form(cause, name=""))
    assert response.status_code == 200
    assert "This field is required." in response.text
    cause.refresh_from_db()
    assert cause.name


def test_create_editor_command_makes_a_staff_editor(django_user_model):
    from django.core.management import call_command

    call_command("create_editor", "ann", "ann@example.com")
    ann = django_user_model.objects.get(username="ann")
    assert ann.is_staff and not ann.is_superuser
    assert ann.has_perm("assessments.change_cause")
    assert not ann.has_perm("auth.view_user")


def test_editor_can_retune_a_weight_on_a_choice(editor_client):
    from assessments.models import Choice

    choice = Choice.objects.get(question__slug="terrain", slug="downhill")
    url = reverse("admin:assessments_choice_change", args=[choice.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update({"question": choice.question_id, "exclusive": ""})
    weights = list(choice.weights.all())
    original = weights[0].points
    tips = list(choice.tips.all())
    data.update(
        {
            "weights-TOTAL_FORMS": str(len(weights)),
            "weights-INITIAL_FORMS": str(len(weights)),
            "tips-TOTAL_FORMS": str(len(tips)),
            "tips-INITIAL_FORMS": str(len(tips)),
        }
    )
    for i, weight in enumerate(weights):
        data.update(
            {
                f"weights-{i}-id": weight.pk,
                f"weights-{i}-choice": choice.pk,
                f"weights-{i}-cause": weight.cause_id,
                f"weights-{i}-points": weight.points + (1 if i == 0 else 0),
                f"weights-{i}-reason": weight.reason,
            }
        )
    for i, tip in enumerate(tips):
        data.update(
            {
                f"tips-{i}-id": tip.pk,
                f"tips-{i}-choice": choice.pk,
                f"tips-{i}-strategy": tip.strategy_id,
                f"tips-{i}-text": tip.text,
            }
        )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    weights[0].refresh_from_db()
    assert weights[0].points == original + 1


def test_a_warning_sign_without_a_message_is_rejected(editor_client):
    from assessments.models import Choice, Question

    question = Question.objects.get(slug="red_flags")
    response = editor_client.post(
        reverse("admin:assessments_choice_add"),
        {
            "question": question.pk,
            "slug": "dizzy",
            "label": "Dizzy",
            "order": 99,
            "triage_level": "urgent",
            "triage_message": "",
            "weights-TOTAL_FORMS": "0",
            "weights-INITIAL_FORMS": "0",
            "tips-TOTAL_FORMS": "0",
            "tips-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "A warning sign needs a message saying what to do." in response.text
    assert not Choice.objects.filter(slug="dizzy").exists()


def test_editors_never_see_runners_assessments(editor_client, editor):
    index = editor_client.get(reverse("admin:index")).text
    assert "Questions" in index
    assert "/admin/assessments/assessment/" not in index
    assert not editor.has_perm("assessments.view_assessment")
    assert editor_client.get("/admin/assessments/assessment/").status_code == 404


def test_a_warning_level_set_in_the_question_inline_needs_its_message(editor_client):
    from assessments.models import Question

    question = Question.objects.get(slug="sides")
    url = reverse("admin:assessments_question_change", args=[question.pk])
    page = editor_client.get(url)
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    choices = list(question.choices.all())
    data.update({"choices-TOTAL_FORMS": len(choices), "choices-INITIAL_FORMS": len(choices)})
    for i, choice in enumerate(choices):
        data.update(
            {
                f"choices-{i}-id": choice.pk,
                f"choices-{i}-question": question.pk,
                f"choices-{i}-order": choice.order,
                f"choices-{i}-slug": choice.slug,
                f"choices-{i}-label": choice.label,
                f"choices-{i}-triage_level": "urgent" if i == 0 else "",
                f"choices-{i}-triage_message": "",
            }
        )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "A warning sign needs a message saying what to do." in response.text
    assert not question.choices.exclude(triage_level="").exists()


def test_an_editor_made_by_the_command_can_sign_in_with_verification_mandatory(client):
    """Sign-up needs a confirmed address (no account oracle); the command vouches for it."""
    import os

    from django.core.management import call_command

    os.environ["DJANGO_EDITOR_PASSWORD"] = "a-long-editor-passphrase"
    try:
        call_command("create_editor", "bea", "bea@example.com")
    finally:
        del os.environ["DJANGO_EDITOR_PASSWORD"]
    response = client.post(
        reverse("account_login"),
        {"login": "bea@example.com", "password": "a-long-editor-passphrase"},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200

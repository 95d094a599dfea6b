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

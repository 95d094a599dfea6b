"""Contract v3 through the web questionnaire, with and without JavaScript (HTMX): the pain is
asked on screen 3, an escalation interrupts there, a blank answer an escalation needs is
asked again with "Not sure", an emergency offers no way on to questions about soreness, a
warning is never shown twice, and a pre-filled answer never lowers the level."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments import wizard
from assessments.content import current_content
from assessments.models import Assessment, Choice, Escalation

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
NONE = {"q-red_flags": ["none"]}


@pytest.fixture
def assessment(client):
    client.post(reverse("assessment_new"))
    return Assessment.objects.get()


def step(assessment, number):
    return reverse("assessment_step", args=[assessment.pk, number])


def warning(assessment, number):
    return reverse("assessment_warning", args=[assessment.pk, number])


def post(client, url, data, htmx):
    response = client.post(url, data, headers=HX if htmx else None)
    return response


def went_to(response, htmx):
    return response.headers.get("HX-Redirect") if htmx else response.get("Location")


@pytest.mark.parametrize("htmx", [False, True])
def test_a_blank_side_beside_calf_pain_and_clot_risk_is_asked_again_then_fails_safe(
    client, assessment, htmx
):
    client.post(step(assessment, 1), NONE)
    client.post(step(assessment, 2), {"q-health_background": ["clot_risk"]})
    asked = post(client, step(assessment, 3), {"q-location": ["calves"]}, htmx)
    assert asked.status_code == 200
    assert 'name="asked" value="sides"' in asked.text
    assert "Not sure" in asked.text and "One more answer" in asked.text
    assessment.refresh_from_db()
    assert "location" not in assessment.answers  # nothing saved until the runner answers

    again = post(client, step(assessment, 3), {"q-location": ["calves"], "asked": "sides"}, htmx)
    assert went_to(again, htmx) == warning(assessment, 3)
    page = client.get(warning(assessment, 3)).text
    assert "Be seen today" in page and "Pain in one calf with a higher risk of clots" in page


@pytest.mark.parametrize("htmx", [False, True])
def test_not_sure_which_leg_interrupts_on_the_pain_screen(client, assessment, htmx):
    client.post(step(assessment, 1), NONE)
    client.post(step(assessment, 2), {"q-health_background": ["clot_risk"]})
    response = post(
        client, step(assessment, 3), {"q-location": ["calves"], "q-sides": "not_sure"}, htmx
    )
    assert went_to(response, htmx) == warning(assessment, 3)


def test_a_question_on_a_screen_not_reached_yet_is_not_assumed(client, assessment):
    """Clot risk on screen 2 is no warning until the pain screen says where it hurts."""
    client.post(step(assessment, 1), NONE)
    response = client.post(step(assessment, 2), {"q-health_background": ["clot_risk"]})
    assert response["Location"] == step(assessment, 3)


def test_one_sided_shin_pain_that_built_up_reaches_soon_without_any_box_ticked(client, assessment):
    client.post(step(assessment, 1), NONE)
    client.post(step(assessment, 2), {})
    response = client.post(
        step(assessment, 3), {"q-location": ["shins"], "q-sides": "one", "q-onset": "later"}
    )
    assert response["Location"] == step(assessment, 4)  # soon does not interrupt
    for number in range(4, 8):
        response = client.post(
            step(assessment, number), {"q-terrain": "downhill"} if number == 4 else {}
        )
    page = client.get(response["Location"]).text
    assert "Stop running and book an appointment" in page
    assert "built up over runs" in page
    assert "downhill repeats" not in page.lower()


def test_an_emergency_offers_no_way_on_to_the_questions(client, assessment):
    response = client.post(step(assessment, 1), {"q-red_flags": ["breathless"]})
    page = client.get(response["Location"]).text
    assert "Continue the questionnaire" not in page
    assert '<h1 id="warning-heading">Call 112 now</h1>' in page
    assert 'href="tel:112"' in page


def test_continuing_after_an_urgent_warning_never_shows_it_again(client, assessment):
    response = client.post(step(assessment, 1), {"q-red_flags": ["fever"]})
    assert response["Location"] == warning(assessment, 1)
    page = client.get(warning(assessment, 1)).text
    assert "Continue the questionnaire" in page
    for number in range(2, 7):
        response = client.post(step(assessment, number), {})
        assert response["Location"] == step(assessment, number + 1)


def test_a_second_urgent_warning_shows_only_the_new_one(client, assessment):
    client.post(step(assessment, 1), {"q-red_flags": ["fever"]})
    client.post(step(assessment, 2), {"q-health_background": ["clot_risk"]})
    response = client.post(step(assessment, 3), {"q-location": ["calves"], "q-sides": "one"})
    assert response["Location"] == warning(assessment, 3)
    page = client.get(response["Location"]).text
    assert "Pain in one calf" in page
    assert "A temperature of 38" not in page


def test_the_result_title_says_what_to_do_and_the_call_button_comes_first(client, assessment):
    client.post(step(assessment, 1), {"q-red_flags": ["collapse_or_confusion"]})
    client.post(reverse("assessment_finish", args=[assessment.pk]))
    page = client.get(reverse("assessment_result", args=[assessment.pk])).text
    assert "<title>Call 112 now" in page
    assert "Your soreness explained" not in page
    heading, button = page.index('id="result-heading"'), page.index('href="tel:112"')
    assert heading < button < page.index("Collapsed, confused")


def test_urgent_leads_with_the_health_line_and_folds_the_emergency_number(client, assessment):
    client.post(reverse("helplines:choose_country"), {"country": "GB", "next": "/"})
    client.post(step(assessment, 1), {"q-red_flags": ["fever"]})
    page = client.get(warning(assessment, 1)).text
    primary, folded = page.index('href="tel:111"'), page.index('href="tel:999"')
    assert primary < page.index("Other numbers") < folded


# A pre-filled answer never lowers the level.


def test_a_prefilled_side_that_would_lower_the_level_counts_as_skipped(client, assessment):
    assessment.answers = {
        "red_flags": ["none"],
        "health_background": ["clot_risk"],
        "location": ["calves"],
        "sides": "both",
    }
    assessment.prefilled = {"sides": {"value": "both", "day": "2026-11-30", "runs": []}}
    assessment.save()
    wizard.finish(assessment, current_content())
    assert assessment.result["triage"]["level"] == "urgent"


def test_a_prefilled_side_the_runner_confirmed_by_changing_nothing_else_is_kept_when_it_raises(
    client, assessment
):
    assessment.answers = {"red_flags": ["none"], "location": ["shins"], "onset": "next_day",
                          "sides": "one", "duration_days": "under_3"}  # fmt: skip
    assessment.prefilled = {"sides": {"value": "one", "day": "2026-11-30", "runs": []}}
    assessment.save()
    wizard.finish(assessment, current_content())
    assert assessment.result["triage"]["level"] == "self_care"  # one side, next-day: no pattern
    assert assessment.result["causes"]


# `assess`, against the database.


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ({"location": ["shins"], "sides": "one", "onset": "later"}, "soon"),
        ({"location": ["feet"], "sides": "one", "duration_days": "over_7"}, "soon"),
        ({"health_background": ["quinolone"], "location": ["knees"]}, "urgent"),
        ({"health_background": ["clot_risk"], "location": ["calves"]}, "urgent"),
        (
            {"health_background": ["clot_risk"], "location": ["calves"], "sides": "both"},
            "self_care",
        ),
        ({"health_background": ["under_16"], "location": ["knees"], "onset": "later"}, "soon"),
        ({"location": ["quads"], "sides": "both", "onset": "next_day"}, "self_care"),
    ],
)
def test_assess_applies_v3(answers, level, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"red_flags": ["none"], **answers}))
    out = StringIO()
    call_command("assess", str(path), stdout=out)
    assert json.loads(out.getvalue())["triage"]["level"] == level


# The lock covers the pain-pattern escalations.


@pytest.mark.parametrize("slug", ["building_one_side", "bone_site_lasting"])
def test_a_pain_pattern_escalation_cannot_be_deleted_narrowed_or_lowered(slug):
    escalation = Escalation.objects.get(slug=slug)
    assert escalation.background_id is None
    background = Choice.objects.get(question__slug="health_background", slug="under_16")
    for change in (
        lambda: Escalation.objects.filter(pk=escalation.pk).delete(),
        lambda: Escalation.objects.filter(pk=escalation.pk).update(level="self_care"),
        lambda: Escalation.objects.filter(pk=escalation.pk).update(background=background),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            change()
    assert Escalation.objects.filter(slug=slug, background__isnull=True, level="soon").exists()


def test_a_not_sure_answer_the_fail_safe_needs_cannot_be_deleted():
    choice = Choice.objects.get(question__slug="sides", slug="not_sure")
    with pytest.raises(IntegrityError), transaction.atomic():
        Choice.objects.filter(pk=choice.pk).delete()


def test_the_health_background_cannot_move_back_onto_the_warning_screen():
    from assessments.models import Question

    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(slug="health_background").update(step=1)


def test_the_home_page_gives_an_honest_time(client):
    content = current_content()
    page = client.get(reverse("home")).text
    minutes = wizard.minutes_to_answer(content)
    assert f"{len(content.steps)} short screens, about {minutes} minutes" in page
    assert minutes >= len(content.questions) * 8 // 60  # at least 8 s a question
    assert "About 2 minutes" not in page


def test_a_prefilled_side_never_hides_the_interrupt(client, assessment):
    assessment.answers = {"red_flags": ["none"], "sides": "both"}
    assessment.prefilled = {"sides": {"value": "both", "day": "2026-11-30", "runs": []}}
    assessment.step = 2
    assessment.save()
    client.post(step(assessment, 2), {"q-health_background": ["clot_risk"]})
    response = client.post(step(assessment, 3), {"q-location": ["calves"], "q-sides": "both"})
    assert response["Location"] == warning(assessment, 3)
    assert "Pain in one calf" in client.get(response["Location"]).text


def test_clearing_an_answer_on_the_screen_does_not_ask_again_about_it(client, assessment):
    assessment.answers = {"red_flags": ["none"], "location": ["shins"]}
    assessment.step = 3
    assessment.save()
    response = client.post(step(assessment, 3), {})
    assert response["Location"] == step(assessment, 4)
    assessment.refresh_from_db()
    assert "location" not in assessment.answers

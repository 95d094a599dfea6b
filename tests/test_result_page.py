"""What a runner sees: warnings that interrupt, a result that never contradicts them.

Walks the questionnaire through Django's test client, with and without the HX-Request header,
on the default content.
"""

import re

import pytest
from django.urls import reverse

from assessments.models import Assessment, Cause
from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
NONE = {"q-red_flags": ["none"]}


@pytest.fixture
def assessment(client):
    client.post(reverse("assessment_new"))
    return Assessment.objects.get()


def step_url(assessment, number):
    return reverse("assessment_step", args=[assessment.pk, number])


def take(client, assessment, screens, htmx=False):
    """Answer all seven screens (step 1 defaults to "none of these") and open the result."""
    for number in range(1, 8):
        data = screens.get(number, NONE if number == 1 else {})
        client.post(step_url(assessment, number), data, headers=HX if htmx else None)
    assessment.refresh_from_db()
    assert assessment.is_complete, "the questionnaire should have finished"
    return client.get(assessment.get_absolute_url()).text


def section(page, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', page, re.S)
    return match.group(0) if match else ""


# Step 1: the warning signs must be answered.


@pytest.mark.parametrize("htmx", [False, True])
def test_step_1_cannot_be_skipped(client, assessment, htmx):
    response = client.post(step_url(assessment, 1), {}, headers=HX if htmx else None)
    assert response.status_code == 422
    assert "Please answer this first" in response.text
    assessment.refresh_from_db()
    assert assessment.step == 1 and assessment.answers == {}


def test_jumping_to_the_last_screen_still_asks_for_the_warning_signs(client, assessment):
    response = client.post(step_url(assessment, 7), {"q-sleep": "good"})
    assert response["Location"] == step_url(assessment, 1)
    assessment.refresh_from_db()
    assert not assessment.is_complete


def test_each_screen_has_its_own_heading_named_by_the_progress_label(client, assessment):
    headings = []
    for number in range(1, 8):
        page = client.get(step_url(assessment, number)).text
        heading = re.search(r'<h1 id="step-heading"[^>]*>(.*?)</h1>', page).group(1)
        # v3: the progress label is just the step; the title names the screen.
        assert f"<title>Step {number} of 7: {heading} · Questionnaire" in page
        assert f'<p class="progress-label" id="progress-label">Step {number} of 7</p>' in page
        headings.append(heading)
    assert len(set(headings)) == 7
    assert headings == [
        "Warning signs",
        "Your health",
        "Where and how it hurts",
        "The run that made you sore",
        "Your training in the week before",
        "Drinks, cramps and food",
        "Warm-up, form and recovery",
    ]
    assert "7 days before the run that made you sore" in client.get(step_url(assessment, 5)).text


# Urgent and emergency signs interrupt at once.


@pytest.mark.parametrize(
    ("sign", "heading", "numbers"),
    [
        ("breathless", "Call 999 now", ["tel:999", "tel:112"]),
        ("fever", "Be seen today", ["tel:111", "tel:999"]),
        ("calf_swelling_one_side", "Be seen today", ["tel:111"]),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_urgent_and_emergency_signs_interrupt_with_tap_to_call(
    client, assessment, sign, heading, numbers, htmx
):
    response = client.post(
        step_url(assessment, 1), {"q-red_flags": [sign]}, headers=HX if htmx else None
    )
    warning_url = reverse("assessment_warning", args=[assessment.pk, 1])
    assert (response["HX-Redirect"] if htmx else response["Location"]) == warning_url
    page = client.get(warning_url, headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert heading in page
    for number in numbers:
        assert f'href="{number}"' in page


def test_a_soon_sign_does_not_interrupt(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["bone_tenderness"]})
    assert response["Location"] == step_url(assessment, 2)


def test_an_escalation_interrupts_on_the_screen_that_completes_it(client, assessment):
    client.post(step_url(assessment, 1), NONE)
    client.post(step_url(assessment, 2), {"q-health_background": ["clot_risk"]})
    response = client.post(step_url(assessment, 3), {"q-location": ["calves"], "q-sides": "one"})
    assert response["Location"] == reverse("assessment_warning", args=[assessment.pk, 3])
    page = client.get(response["Location"]).text
    assert "Be seen today" in page
    assert "clot" in page.lower()


def test_the_emergency_number_is_the_one_for_the_runners_country(client, assessment):
    client.post(step_url(assessment, 1), {"q-red_flags": ["breathless"]})
    warning_url = reverse("assessment_warning", args=[assessment.pk, 1])
    unknown = client.get(warning_url).text  # no language, no time zone, nothing chosen
    assert 'href="tel:112"' in unknown and "or your local emergency number" in unknown
    assert "tel:999" not in unknown and "tel:911" not in unknown
    response = client.post(
        reverse("helplines:choose_country"), {"country": "US", "next": warning_url}
    )
    assert response.status_code == 303 and response["Location"] == warning_url
    page = client.get(warning_url, headers={"Accept-Language": "en-GB"}).text
    assert 'href="tel:911"' in page  # the runner's choice beats the browser's language
    assert "tel:999" not in page and "tel:112" not in page
    assert "Numbers for: <strong>United States</strong>" in page


def test_the_result_page_follows_the_runners_country(client, assessment):
    take(client, assessment, {1: {"q-red_flags": ["breathless"]}})
    url = assessment.get_absolute_url()
    assert 'href="tel:112"' in client.get(url).text
    client.post(reverse("helplines:choose_country"), {"country": "AU", "next": url})
    page = client.get(url).text  # not the cached page of the unknown country
    assert 'href="tel:000"' in page and "Numbers for: <strong>Australia</strong>" in page


# The result page follows the level.


@pytest.mark.parametrize("sign", ["dark_urine", "fever", "collapse_or_confusion"])
def test_at_urgent_and_emergency_the_warning_is_the_whole_advice(client, assessment, sign):
    page = take(client, assessment, {1: {"q-red_flags": [sign]}, 4: {"q-terrain": "downhill"}})
    assert 'id="causes-heading"' not in page
    assert 'id="plan-heading"' not in page
    assert "triage-" in page and 'href="tel:' in page
    assert "Dehydration" not in section(page, "causes-heading")


def test_at_soon_the_plan_is_folded_until_a_clinician_clears_the_runner(client, assessment):
    page = take(
        client, assessment,
        {1: {"q-red_flags": ["bone_tenderness"]}, 5: {"q-load_change": "up_large"},
         4: {"q-terrain": "downhill", "q-duration": "over_90"}, 7: {"q-sleep": "poor"},
         3: {"q-location": ["shins", "calves"], "q-sides": "both", "q-onset": "next_day",
             "q-duration_days": "under_3"}},
    )  # fmt: skip
    plan = section(page, "plan-heading")
    assert "<details" in plan and "Once a clinician has cleared you to run</summary>" in plan
    for never in ("compression", "repeated_bout", "flat_surfaces", "gradual_increase"):
        assert f"/strategies/{never}/" not in plan
    assert "/strategies/rest_recovery/" in plan
    now = section(page, "now-heading")
    assert "Can I run tomorrow? No" in now
    # v3: the title says what to do, and the warning sign comes right under it, before the
    # first steps and the folded plan.
    assert '<h1 id="result-heading">Stop running and book an appointment</h1>' in page
    assert (
        page.index('id="result-heading"')
        < page.index('id="triage-heading"')
        < page.index('id="now-heading"')
        < page.index('id="plan-heading"')
    )


def test_a_calm_result_opens_with_three_lines_and_shows_causes_in_words(client, assessment):
    page = take(
        client, assessment,
        {5: {"q-experience": "new", "q-load_change": "up_large"}, 4: {"q-terrain": "hilly",
         "q-duration": "over_90", "q-temperature": "hot"}, 6: {"q-fluids": "little"},
         7: {"q-warm_up": "neither", "q-sleep": "poor"}},
    )  # fmt: skip
    now = section(page, "now-heading")
    assert now.count("<li>") == 3
    assert "Can I run tomorrow?" in now
    assert "Most likely:" in now
    causes = section(page, "causes-heading")
    assert re.search(
        r"Fits (your answers closely|some of your answers|a few of your answers)", causes
    )
    # "weak" belongs to the research's grade alone, never to how well the answers fit.
    assert not re.search(r"(Strong|Moderate|Weak) match", causes)
    assert "/ 100" not in page
    plan = section(page, "plan-heading")
    top = plan.split("<details", 1)[0]
    assert top.count('class="card"') == 3
    assert "More (" in plan


def test_a_hot_run_never_gets_cold_weather_advice(client, assessment):
    page = take(
        client,
        assessment,
        {4: {"q-temperature": "hot"}, 7: {"q-warm_up": "neither"}, 3: {"q-pain_quality": "stiff"}},
    )
    assert "/causes/cold/" not in page
    assert "dress" not in section(page, "plan-heading").lower()


def test_a_contraindicated_strategy_never_appears(client, assessment):
    page = take(
        client, assessment,
        {2: {"q-health_background": ["poor_circulation"]},
         4: {"q-duration": "over_90"}, 3: {"q-location": ["calves"]}},
    )  # fmt: skip
    assert '<h1 id="result-heading">Your soreness explained</h1>' in page  # the plan is shown
    assert "/strategies/compression/" not in page


def test_with_javascript_too_the_result_follows_the_level(client, assessment):
    page = take(client, assessment, {1: {"q-red_flags": ["night_pain"]}}, htmx=True)
    assert "Stop running and book an appointment" in page


# Sharing and privacy.


def test_the_link_box_shows_only_while_sharing_is_on(client, assessment):
    take(client, assessment, {})
    url = assessment.get_absolute_url()
    assert 'id="result-link"' not in client.get(url).text
    client.post(reverse("assessment_share", args=[assessment.pk]), {"shared": "on"})
    assert 'id="result-link"' in client.get(url).text


def test_a_visitor_with_a_private_link_is_told_to_ask_for_sharing(client, assessment):
    take(client, assessment, {})
    response = BrowserClient().get(assessment.get_absolute_url())
    assert response.status_code == 404
    assert "ask them to open their result" in response.text
    assert "Share with a link" in response.text


def test_a_shared_link_to_a_deleted_result_does_not_call_it_private(client, assessment):
    take(client, assessment, {})
    client.post(reverse("assessment_share", args=[assessment.pk]), {"shared": "on"})
    url = assessment.get_absolute_url()
    assessment.delete()  # as when its runner deletes their account
    response = BrowserClient().get(url)
    assert response.status_code == 404
    assert "may no longer exist" in response.text
    assert "This result is private" not in response.text


# Content an editor saves with Windows line breaks.


def test_windows_line_breaks_still_make_paragraphs(client):
    cause = Cause.objects.get(slug="cold")
    cause.explanation = "First paragraph.\r\n\r\nSecond paragraph.\r\nSame paragraph."
    cause.save()
    cause.refresh_from_db()
    assert "\r" not in cause.explanation
    page = client.get(cause.get_absolute_url()).text
    assert "<p>First paragraph.</p>" in page
    assert "<p>Second paragraph.\nSame paragraph.</p>" in page


def test_going_back_cannot_skip_an_urgent_interruption(client, assessment):
    client.post(step_url(assessment, 1), NONE)
    client.post(step_url(assessment, 2), {"q-health_background": ["clot_risk"]})
    back = client.post(
        step_url(assessment, 3), {"q-location": ["calves"], "q-sides": "one", "back": "1"}
    )
    assert back["Location"] == reverse("assessment_warning", args=[assessment.pk, 3])


def test_a_result_saved_before_plans_followed_the_level_shows_no_plan_beside_a_warning(
    client, assessment
):
    take(client, assessment, {1: {"q-red_flags": ["bone_tenderness"]}})
    old = assessment.result
    old.pop("plan")
    old["strategies"] = [{"slug": "compression", "title": "Compression socks and tights",
                          "for_causes": ["overuse"], "steps": ["Hold your distance."],
                          "why": [], "summary": ""}]  # fmt: skip
    Assessment.objects.filter(pk=assessment.pk).update(result=old)
    page = client.get(assessment.get_absolute_url()).text
    assert "Compression" not in page and "Hold your distance" not in page
    assert "Stop running and book an appointment" in page


def test_what_to_do_now_never_leans_on_a_strategy_the_runner_cannot_use(client, assessment):
    page = take(
        client, assessment,
        {2: {"q-health_background": ["kidney_heart_bp"]},
         4: {"q-temperature": "hot", "q-duration": "over_90"},
         6: {"q-fluids": "little", "q-cramps": "during"}},
    )  # fmt: skip
    now = section(page, "now-heading")
    salt_step = Cause.objects.get(slug="electrolytes").first_step
    assert salt_step and salt_step not in now
    assert "leaves out what does not suit your health" in now
    assert "/strategies/electrolyte_plan/" not in page


def test_each_cause_shows_three_reasons_and_folds_the_rest_and_names_its_link(client, assessment):
    page = take(
        client, assessment,
        {5: {"q-experience": "new", "q-load_change": "up_large"}, 4: {"q-terrain": "hilly",
         "q-duration": "over_90", "q-temperature": "hot"}, 6: {"q-fluids": "little"},
         7: {"q-warm_up": "neither", "q-sleep": "poor"}},
    )  # fmt: skip
    causes = section(page, "causes-heading")
    cards = causes.split('<li class="card">')[1:]
    assert cards
    for card in cards:
        shown = card.split("<details", 1)[0]
        assert shown.count("<li>") <= 3
    assert "Read more" not in page
    assert re.search(r">More about [^<]+</a>", causes)
    # Folding hides nothing: the folded reasons are still on the page, under a disclosure.
    if "more reason" in causes:
        assert '<details class="more-reasons">' in causes

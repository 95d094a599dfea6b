"""A runner on a phone takes the questionnaire in a real browser, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.questionnaire import (
    RESULT_URL,
    WARNING_URL,
    answer,
    assert_fits_a_phone,
    choice,
    label_of,
    next_step,
    on_screen,
    start,
)

pytestmark = pytest.mark.django_db(transaction=True)

# A runner in the UK (the browser's language and time zone both say so).
UK = {"locale": "en-GB", "timezone_id": "Europe/London"}


def test_questionnaire_with_javascript_swaps_steps_in_place(page, site, assert_accessible):
    page.goto(f"{site}/")
    page.get_by_role("link", name="Start the questionnaire").click()
    page.get_by_role("button", name="Start").click()
    on_screen(page, 1)
    assert_accessible(page)
    page.evaluate("window.__sameDocument = true")  # survives only if nothing reloads the page

    answer(page, {"red_flags": "none"})
    next_step(page, 2)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "2")
    answer(page, {"health_background": "none"})
    next_step(page, 3)  # the pain: left blank, so no escalation waits on an answer here
    next_step(page, 4)
    next_step(page, 5)
    answer(page, {"experience": "new", "load_change": "up_large"})
    next_step(page, 6)
    assert page.evaluate("window.__sameDocument") is True, "steps should swap, not reload"
    assert_accessible(page)

    page.get_by_role("button", name="Back").click()
    on_screen(page, 5)
    expect(choice(page, "experience", "new")).to_be_checked()

    page.go_back()  # the browser's own Back returns to step 6, from the server
    expect(page).to_have_url(re.compile(r"/step/6/$"))
    on_screen(page, 6)

    next_step(page, 7)
    assert_accessible(page)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", name="Likely causes")).to_be_visible()
    first_cause = page.locator("#causes-heading + ol > li").first
    expect(first_cause).to_contain_text("Too much, too soon")
    expect(page.get_by_role("heading", name="What to do now")).to_be_visible()
    expect(page.get_by_role("heading", name="Your prevention plan")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)  # private: no link
    page.get_by_role("button", name="Share with a link").click()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert page.evaluate("window.scrollY") > 0, "sharing keeps the runner at the share section"
    assert_fits_a_phone(page)
    assert_accessible(page)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_questionnaire_without_javascript_posts_and_redirects(page, site):
    # axe-core needs JavaScript in the page, so accessibility is checked in the JS journey.
    start(page, site)
    answer(page, {"red_flags": "none"})
    next_step(page, 2)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    next_step(page, 3)
    answer(page, {"location": "quads", "sides": "both", "onset": "next_day"})
    answer(page, {"pain_quality": "dull_ache", "duration_days": "under_3"})
    next_step(page, 4)
    answer(page, {"terrain": "downhill"})
    next_step(page, 5)
    answer(page, {"experience": "new"})
    next_step(page, 6)
    answer(page, {"fluids": "plenty"})
    page.get_by_role("button", name="Back").click()
    expect(page).to_have_url(re.compile(r"/step/5/$"))
    on_screen(page, 5)
    expect(choice(page, "experience", "new")).to_be_checked()
    for number in (6, 7):
        next_step(page, number)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", name="Likely causes")).to_be_visible()
    page.get_by_role("button", name="Share with a link").click()
    # No JavaScript: the copy button stays hidden, the link is still there to copy.
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_label("Link to this result")).to_have_value(RESULT_URL)
    assert_fits_a_phone(page)


def test_an_invalid_answer_is_explained_on_the_step(page, site, assert_accessible):
    start(page, site)
    answer(page, {"red_flags": "none"})
    for number in (2, 3, 4, 5, 6):
        next_step(page, number)
    answer(page, {"nutrition": ["balanced", "skipped_meals"]})  # "balanced" goes alone
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("cannot be combined with other answers")).to_be_visible()
    on_screen(page, 6)
    assert_accessible(page)


def test_the_warning_signs_cannot_be_skipped(page, site, assert_accessible):
    start(page, site)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Please answer this first")).to_be_visible()
    on_screen(page, 1)
    assert_accessible(page)


def test_a_failed_request_says_so_instead_of_doing_nothing(page, site):
    start(page, site)
    page.context.clear_cookies()  # as if the session had expired in a forgotten tab
    answer(page, {"red_flags": "none"})
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text("That did not work")
    expect(page.get_by_role("link", name="Reload the page")).to_be_visible()


@pytest.mark.browser_context_args(**UK)
def test_an_emergency_sign_shows_emergency_advice_at_once(page, site, assert_accessible):
    start(page, site)
    breathless = label_of(page, "red_flags", "breathless")
    answer(page, {"red_flags": "breathless"})
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(WARNING_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    expect(page.locator("a.primary-call")).to_have_attribute("href", "tel:999")
    # An emergency is the whole advice: no carrying on with questions about soreness.
    expect(page.get_by_role("link", name="Continue the questionnaire")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    warning = page.get_by_role("alert", name="Call 999 now")
    expect(warning).to_contain_text(breathless)
    expect(warning.locator("a.primary-call")).to_have_attribute("href", "tel:999")
    assert_accessible(page)


def test_the_first_step_can_be_answered_with_the_keyboard_alone(page, site):
    start(page, site)
    none = choice(page, "red_flags", "none")
    none.focus()
    page.keyboard.press("Space")
    expect(none).to_be_checked()
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    on_screen(page, 2)


# Warnings that interrupt, and a result that follows the level (contracts v2 and v3).


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_urgent_sign_interrupts_with_tap_to_call_links(new_context, site, javascript, axe):
    page = new_context(java_script_enabled=javascript, **UK).new_page()
    start(page, site)
    fever = label_of(page, "red_flags", "fever")
    answer(page, {"red_flags": "fever"})
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(WARNING_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Be seen today")
    call = page.locator("a.primary-call")
    expect(call).to_have_attribute("href", "tel:111")
    expect(call).to_contain_text("NHS 111")
    # The emergency numbers are folded beneath the health line.
    others = page.locator("details.other-numbers")
    expect(others.get_by_role("link", name="Call 999")).to_be_hidden()
    others.locator("summary").click()
    expect(others.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(others.get_by_role("link", name="Call 112")).to_be_visible()  # from a mobile
    assert_fits_a_phone(page)
    if javascript:
        serious = [v for v in axe.run(page).response["violations"]
                   if v.get("impact") in {"serious", "critical"}]  # fmt: skip
        assert not serious, serious
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("alert", name="Be seen today")).to_contain_text(fever)
    expect(page.get_by_role("heading", name="Likely causes")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your prevention plan")).to_have_count(0)
    expect(page.locator("a.primary-call")).to_have_attribute("href", "tel:111")
    assert_fits_a_phone(page)


@pytest.mark.browser_context_args(**UK)
def test_an_emergency_result_has_no_plan_and_calls_999(page, site, assert_accessible):
    start(page, site)
    answer(page, {"red_flags": "dark_urine"})
    page.get_by_role("button", name="Next").click()
    call = page.get_by_role("link", name="Call 999", exact=True)
    expect(call).to_have_attribute("href", "tel:999")
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    expect(page.get_by_role("heading", name="Likely causes")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your prevention plan")).to_have_count(0)
    expect(page.get_by_role("link", name="Call 999", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Call 112")).to_be_hidden()  # folded: other numbers
    assert_fits_a_phone(page)
    assert_accessible(page)


def test_at_soon_the_plan_is_folded_until_a_clinician_clears_the_runner(
    page, site, assert_accessible
):
    start(page, site)
    answer(page, {"red_flags": "bone_tenderness"})
    next_step(page, 2)  # a "soon" sign does not interrupt
    for number in (3, 4, 5):
        next_step(page, number)
    answer(page, {"load_change": "up_large"})
    next_step(page, 6)
    next_step(page, 7)
    answer(page, {"sleep": "poor"})
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stop running and book an appointment"
    )
    expect(page.get_by_role("heading", name="What to do now")).to_be_visible()
    expect(page.locator("#now-heading + ol")).to_contain_text("Can I run tomorrow? No")
    folded = page.locator("details.plan-after-clearance")
    summary = folded.locator("summary")
    expect(summary).to_have_text("Once a clinician has cleared you to run")
    expect(folded.locator(".card").first).to_be_hidden()
    summary.click()
    expect(folded.locator(".card").first).to_be_visible()
    expect(folded).not_to_contain_text("Compression")
    assert_fits_a_phone(page)
    assert_accessible(page)

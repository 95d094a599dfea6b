"""A runner on a phone takes the questionnaire in a real browser, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

STEP_URL = re.compile(r"/assessment/[0-9a-f-]{36}/step/(\d)/$")
RESULT_URL = re.compile(r"/assessment/[0-9a-f-]{36}/$")


def start(page, site):
    page.goto(f"{site}/")
    page.get_by_role("link", name="Start the questionnaire").click()
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_url(STEP_URL)


def next_step(page, expected):
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#progress-label")).to_have_text(f"Step {expected} of 6")
    expect(page).to_have_title(re.compile(f"^Step {expected} of 6"))


def test_questionnaire_with_javascript_swaps_steps_in_place(page, site, assert_accessible):
    start(page, site)
    assert_accessible(page)
    page.evaluate("window.__sameDocument = true")  # survives only if nothing reloads the page

    page.get_by_label("None of these").first.check()
    next_step(page, 2)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "2")
    page.get_by_label("New to running (under 3 months)").check()
    page.get_by_label("Up a lot").check()
    next_step(page, 3)
    assert page.evaluate("window.__sameDocument") is True, "steps should swap, not reload"
    assert_accessible(page)

    page.get_by_role("button", name="Back").click()
    expect(page.locator("#progress-label")).to_have_text("Step 2 of 6")
    expect(page.get_by_label("New to running (under 3 months)")).to_be_checked()

    page.go_back()  # the browser's own Back returns to step 3, from the server
    expect(page).to_have_url(re.compile(r"/step/3/$"))
    expect(page.locator("#progress-label")).to_have_text("Step 3 of 6")

    for number in (4, 5, 6):
        next_step(page, number)
        assert_accessible(page)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", name="Likely causes")).to_be_visible()
    first_cause = page.locator("#causes-heading + ol > li").first
    expect(first_cause).to_contain_text("Too much, too soon")
    expect(page.get_by_role("heading", name="Your prevention plan")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert_accessible(page)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_questionnaire_without_javascript_posts_and_redirects(page, site):
    # axe-core needs JavaScript in the page, so accessibility is checked in the JS journey.
    start(page, site)
    page.get_by_label("None of these").first.check()
    next_step(page, 2)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    page.get_by_label("New to running (under 3 months)").check()
    next_step(page, 3)
    page.get_by_label("Long descents").check()
    page.get_by_role("button", name="Back").click()
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    expect(page.get_by_label("New to running (under 3 months)")).to_be_checked()
    for number in (3, 4, 5, 6):
        next_step(page, number)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", name="Likely causes")).to_be_visible()
    # No JavaScript: the copy button stays hidden, the link is still there to copy.
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_label("Link to this result")).to_have_value(RESULT_URL)


def test_an_invalid_answer_is_explained_on_the_step(page, site, assert_accessible):
    start(page, site)
    page.get_by_label("None of these").first.check()
    page.get_by_label("Short of breath").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("cannot be combined with other answers")).to_be_visible()
    expect(page.locator("#progress-label")).to_have_text("Step 1 of 6")
    assert_accessible(page)


def test_a_failed_request_says_so_instead_of_doing_nothing(page, site):
    start(page, site)
    page.context.clear_cookies()  # as if the session had expired in a forgotten tab
    page.get_by_label("None of these").first.check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text("That did not work")
    expect(page.get_by_role("link", name="Reload the page")).to_be_visible()


def test_an_emergency_sign_shows_emergency_advice_at_once(page, site, assert_accessible):
    start(page, site)
    page.get_by_label("Short of breath").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Get emergency help now")).to_be_visible()
    expect(page.get_by_role("link", name="Continue the questionnaire")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("Get emergency help now")
    expect(warning).to_contain_text("Short of breath")
    assert_accessible(page)


def test_the_first_step_can_be_answered_with_the_keyboard_alone(page, site):
    start(page, site)
    none = page.get_by_label("None of these").first
    none.focus()
    page.keyboard.press("Space")
    expect(none).to_be_checked()
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#progress-label")).to_have_text("Step 2 of 6")

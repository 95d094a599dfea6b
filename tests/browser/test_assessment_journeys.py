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
    expect(page.locator("#progress-label")).to_have_text(re.compile(f"^Step {expected} of 6: "))
    expect(page).to_have_title(re.compile(f"^Step {expected} of 6"))


def assert_fits_a_phone(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a 360px phone"


def test_questionnaire_with_javascript_swaps_steps_in_place(page, site, assert_accessible):
    start(page, site)
    assert_accessible(page)
    page.evaluate("window.__sameDocument = true")  # survives only if nothing reloads the page

    page.get_by_label("None of these").first.check()
    next_step(page, 2)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "2")
    page.get_by_label("New to running (under 3 months)").check()
    page.get_by_label("A lot more").check()
    next_step(page, 3)
    assert page.evaluate("window.__sameDocument") is True, "steps should swap, not reload"
    assert_accessible(page)

    page.get_by_role("button", name="Back").click()
    expect(page.locator("#progress-label")).to_have_text(re.compile("^Step 2 of 6: "))
    expect(page.get_by_label("New to running (under 3 months)")).to_be_checked()

    page.go_back()  # the browser's own Back returns to step 3, from the server
    expect(page).to_have_url(re.compile(r"/step/3/$"))
    expect(page.locator("#progress-label")).to_have_text(re.compile("^Step 3 of 6: "))

    for number in (4, 5, 6):
        next_step(page, number)
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
    page.get_by_role("button", name="Share with a link").click()
    # No JavaScript: the copy button stays hidden, the link is still there to copy.
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    expect(page.get_by_label("Link to this result")).to_have_value(RESULT_URL)
    assert_fits_a_phone(page)


def test_an_invalid_answer_is_explained_on_the_step(page, site, assert_accessible):
    start(page, site)
    page.get_by_label("None of these").first.check()
    for number in (2, 3, 4):
        next_step(page, number)
    page.get_by_label("Regular, balanced meals").check()
    page.get_by_label("Skipped meals").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("cannot be combined with other answers")).to_be_visible()
    expect(page.locator("#progress-label")).to_have_text(re.compile("^Step 4 of 6: "))
    assert_accessible(page)


def test_the_warning_signs_cannot_be_skipped(page, site, assert_accessible):
    start(page, site)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Please answer this first")).to_be_visible()
    expect(page.locator("#progress-label")).to_have_text(re.compile("^Step 1 of 6: "))
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
    expect(page.locator("#progress-label")).to_have_text(re.compile("^Step 2 of 6: "))


# Warnings that interrupt, and a result that follows the level (contract v2).


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_urgent_sign_interrupts_with_tap_to_call_links(browser, site, javascript, axe):
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  java_script_enabled=javascript)  # fmt: skip
    page = context.new_page()
    start(page, site)
    page.get_by_label("A temperature of 38").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Be seen today")).to_be_visible()
    call = page.get_by_role("link", name=re.compile("^Call 111"))
    expect(call).to_have_attribute("href", "tel:111")
    expect(page.get_by_role("link", name=re.compile("^Emergency: 999"))).to_be_visible()
    assert_fits_a_phone(page)
    if javascript:
        serious = [v for v in axe.run(page).response["violations"]
                   if v.get("impact") in {"serious", "critical"}]  # fmt: skip
        assert not serious, serious
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("alert")).to_contain_text("Be seen today")
    expect(page.get_by_role("heading", name="Likely causes")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your prevention plan")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Call 111"))).to_be_visible()
    assert_fits_a_phone(page)
    context.close()


def test_an_emergency_result_has_no_plan_and_calls_999(page, site, assert_accessible):
    start(page, site)
    page.get_by_label("Brown or cola-coloured urine, with severe").check()
    page.get_by_role("button", name="Next").click()
    call = page.get_by_role("link", name=re.compile("^Call 999"))
    expect(call).to_have_attribute("href", "tel:999")
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_role("heading", name="Likely causes")).to_have_count(0)
    expect(page.get_by_role("heading", name="Your prevention plan")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Call 112"))).to_be_visible()
    assert_fits_a_phone(page)
    assert_accessible(page)


def test_at_soon_the_plan_is_folded_until_a_clinician_clears_the_runner(
    page, site, assert_accessible
):
    start(page, site)
    page.get_by_label("Pain on one spot of a bone").check()
    next_step(page, 2)  # a "soon" sign does not interrupt
    page.get_by_label("A lot more").check()
    for number in (3, 4, 5):
        next_step(page, number)
    page.get_by_label("Poor").check()  # sleep
    next_step(page, 6)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
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

"""Warnings on a 360 x 740 phone (contract v3): what to do is on the first screen.

The warning signs fit two phone screens; each wizard screen has one heading and shows no focus
ring on load; the call button for the level is visible without scrolling on the interrupting
warning and on the result, for a runner in the UK, in the US and in a country we cannot tell;
an emergency is the whole advice; a blank answer an escalation needs is asked again; and the
runner changes the country's numbers with one tap, without JavaScript too. Every page is
checked with axe in a light and a dark colour scheme, and must not scroll sideways.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.questionnaire import (
    RESULT_URL,
    STEP_URL,
    STEPS,
    WARNING_URL,
    answer,
    choice,
    label_of,
    next_step,
    on_screen,
    start,
    submit,
    walk,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Where the runner is, as the browser tells it: its language (Accept-Language) and its time
# zone (the `tz` cookie that static/js/timezone.js sets; without JavaScript, no cookie).
UK = {"locale": "en-GB", "timezone_id": "Europe/London"}
US = {"locale": "en-US", "timezone_id": "America/New_York"}
# A language with no region and a time zone of no country: the country is unknown.
UNKNOWN = {"locale": "en", "timezone_id": "UTC", "extra_http_headers": {"Accept-Language": "en"}}
RUNNERS = {"uk": UK, "us": US, "unknown": UNKNOWN}

# What each runner should see: the title, and the primary call's number (None: no health
# line, so an instruction takes the button's place).
EXPECTED = {
    ("uk", "emergency"): ("Call 999 now", "999"),
    ("uk", "urgent"): ("Be seen today", "111"),
    ("us", "emergency"): ("Call 911 now", "911"),
    ("us", "urgent"): ("Be seen today", None),
    ("unknown", "emergency"): ("Call 112 now", "112"),
    ("unknown", "urgent"): ("Be seen today", None),
}
SIGN = {"emergency": "breathless", "urgent": "fever"}
NO_HEALTH_LINE = "Go to urgent care or call your doctor today"
LOCAL_NUMBER = "or your local emergency number"
JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


@pytest.fixture(autouse=True)
def no_default_country(settings):
    """The country is the runner's own or unknown, whatever the environment sets."""
    settings.LEGACHE_DEFAULT_COUNTRY = ""


@pytest.fixture
def phone(new_context):
    """A 360 x 740 phone for a runner in `where`, with or without JavaScript."""

    def open_phone(where=UK, javascript=True):
        context = new_context(java_script_enabled=javascript, **where)
        context.set_default_timeout(10_000)
        return context.new_page()

    return open_phone


@pytest.fixture
def checked(axe):
    """The checks every page here gets: no sideways scroll, one h1 and, with JavaScript,
    axe (serious and critical) in a light and a dark colour scheme."""

    def check(page, javascript=True):
        expect(page.locator("h1")).to_have_count(1)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a 360px phone"
        if not javascript:
            return  # axe-core runs inside the page: it needs JavaScript
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            violations = axe.run(page).response["violations"]
            serious = [v for v in violations if v.get("impact") in {"serious", "critical"}]
            details = "\n".join(
                f"{v['id']} ({v['impact']}): {v['help']} at "
                + ", ".join(str(node["target"]) for node in v["nodes"])
                for v in serious
            )
            assert not serious, f"axe found on {page.url} ({scheme} scheme):\n{details}"
        page.emulate_media(color_scheme="light")

    return check


def assert_on_first_screen(page, locator, what):
    """`locator` is in full view on the phone's first screen, before any scrolling."""
    expect(locator).to_be_visible()
    assert page.evaluate("window.scrollY") == 0, f"{page.url} did not open at the top"
    box = locator.bounding_box()
    assert box is not None, f"{what}: no box on {page.url}"
    top, bottom = box["y"], box["y"] + box["height"]
    assert top >= 0 and bottom <= PHONE["height"], (
        f"{what} spans {top:.0f}-{bottom:.0f}px on {page.url}: not inside the first "
        f"{PHONE['height']}px screen"
    )


def assert_no_focus_ring_on_load(page):
    """Focus may land on the h1 (HTMX moves it there, for screen readers), but no ring."""
    focus = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {isH1: el === document.querySelector("h1"), tag: el.tagName,
                    style: style.outlineStyle, width: style.outlineWidth};
        }"""
    )
    if focus["isH1"]:
        assert focus["style"] == "none" or focus["width"] == "0px", (
            f"the h1 of {page.url} draws a focus outline on load: {focus}"
        )


def assert_call_links(page, runner, level):
    """The title and the primary call (or, with no health line, the instruction) for this
    runner and level, on the first screen."""
    title, number = EXPECTED[(runner, level)]
    expect(page.locator("h1")).to_have_text(title)
    primary = page.locator("a.primary-call")
    if number is None:
        expect(primary).to_have_count(0)
        instruction = page.locator(".primary-instruction")
        expect(instruction).to_have_text(NO_HEALTH_LINE)
        assert_on_first_screen(page, instruction, "the instruction to go to urgent care")
    else:
        expect(primary).to_have_count(1)
        expect(primary).to_have_attribute("href", f"tel:{number}")
        expect(primary).to_contain_text(f"Call {number}")
        assert_on_first_screen(page, primary, f"the call button ({number})")
    others = page.locator("details.other-numbers")
    if level == "urgent":
        # The emergency number is folded under "Other numbers", one tap away.
        emergency = {"uk": "999", "us": "911", "unknown": "112"}[runner]
        expect(others.locator("summary")).to_have_text("Other numbers")
        expect(others.locator(f'a[href="tel:{emergency}"]')).to_have_count(1)
    if runner == "unknown":
        # 112 reaches an ambulance from most mobiles, but not everywhere.
        if level == "emergency":
            expect(page.locator(".call-links .call-or")).to_have_text(LOCAL_NUMBER)
            assert_on_first_screen(page, page.locator(".call-or"), "'or your local number'")
        else:
            expect(others).to_contain_text(LOCAL_NUMBER)
        expect(page.locator(".country-picker summary")).to_contain_text("country not known")


def interrupt(page, site, level):
    """Tick a warning sign of `level` on screen 1: the warning page interrupts."""
    walk(page, site, {"red_flags": SIGN[level]})
    expect(page).to_have_url(WARNING_URL)


# Step 1, and every wizard screen.


@JAVASCRIPT
def test_every_screen_has_one_heading_no_focus_ring_and_step_1_fits_two_screens(
    phone, site, checked, javascript
):
    page = phone(UK, javascript)
    start(page, site)
    height = page.evaluate("document.documentElement.scrollHeight")
    tall = page.evaluate(
        """() => [...document.querySelectorAll("main *, footer, header")]
            .map(el => [el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                        + (el.classList.length ? "." + [...el.classList].join(".") : ""),
                        Math.round(el.getBoundingClientRect().height)])
            .filter(([, h]) => h > 200)"""
    )
    assert height <= 2 * PHONE["height"], (
        f"step 1 with nothing ticked is {height}px tall, over two {PHONE['height']}px phone "
        f"screens; tall elements: {tall}"
    )
    for number in range(1, STEPS + 1):
        on_screen(page, number)
        assert_no_focus_ring_on_load(page)
        checked(page, javascript)
        if number == 1:
            answer(page, {"red_flags": "none"})
        if number < STEPS:
            # With the keyboard: focus moved after a key press is what draws a focus ring.
            page.locator("#wizard .actions button.primary").press("Enter")
            on_screen(page, number + 1)


# The call button on the first screen, at each level, for each runner.


@pytest.mark.parametrize("runner", ["uk", "us", "unknown"])
def test_the_call_button_is_on_the_first_screen_of_the_warning_and_the_result(
    phone, site, checked, runner
):
    for level in ("urgent", "emergency"):  # one questionnaire each, in one browser
        page = phone(RUNNERS[runner])
        interrupt(page, site, level)
        assert_call_links(page, runner, level)
        checked(page)
        continuing = page.get_by_role("link", name="Continue the questionnaire")
        expect(continuing).to_have_count(0 if level == "emergency" else 1)

        page.get_by_role("button", name="See my advice now").click()
        expect(page).to_have_url(RESULT_URL)
        expect(page.locator("h1#result-heading")).to_be_visible()
        assert_call_links(page, runner, level)
        checked(page)


def test_without_javascript_the_call_button_is_on_the_first_screen(phone, site, checked):
    for level in ("urgent", "emergency"):
        page = phone(UK, javascript=False)
        interrupt(page, site, level)
        assert_call_links(page, "uk", level)
        checked(page, javascript=False)
        page.get_by_role("button", name="See my advice now").click()
        expect(page).to_have_url(RESULT_URL)
        assert_call_links(page, "uk", level)
        checked(page, javascript=False)


@JAVASCRIPT
def test_the_browsers_time_zone_comes_before_its_language(phone, site, javascript):
    # An en-US browser in London: the time zone (set by JavaScript) says the UK; without
    # JavaScript only the language is left, and it says the US.
    page = phone({"locale": "en-US", "timezone_id": "Europe/London"}, javascript)
    interrupt(page, site, "emergency")
    expect(page.locator("a.primary-call")).to_have_attribute(
        "href", "tel:999" if javascript else "tel:911"
    )


# Carrying on, or not.


@JAVASCRIPT
def test_after_an_urgent_warning_carrying_on_does_not_warn_again(phone, site, javascript):
    page = phone(UK, javascript)
    interrupt(page, site, "urgent")
    page.get_by_role("link", name="Continue the questionnaire").click()
    on_screen(page, 2)
    for number in range(3, STEPS + 1):
        next_step(page, number)  # each Next goes on: the same warning is not shown again
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator("h1#result-heading")).to_have_text("Be seen today")


# A blank answer an escalation needs is asked again.


@JAVASCRIPT
def test_a_blank_side_with_clot_risk_is_asked_again_and_not_sure_interrupts(
    phone, site, checked, javascript
):
    page = phone(UK, javascript)
    walk(
        page,
        site,
        {"red_flags": "none"},
        {"health_background": "clot_risk"},
        {"location": "calves"},  # one leg or both? left blank
    )
    expect(page.get_by_role("alert").filter(has_text="answer")).to_be_visible()
    on_screen(page, 3)
    expect(page).to_have_url(STEP_URL)
    expect(page.locator('#wizard input[type=hidden][name="asked"][value="sides"]')).to_have_count(1)
    not_sure = choice(page, "sides", "not_sure")
    expect(not_sure).to_be_visible()
    assert re.fullmatch(r"(?i)not sure", label_of(page, "sides", "not_sure"))
    expect(choice(page, "location", "calves")).to_be_checked()  # the runner's answers stay
    assert_no_focus_ring_on_load(page)
    checked(page, javascript)

    answer(page, {"sides": "not_sure"})
    submit(page)
    expect(page).to_have_url(WARNING_URL)
    assert WARNING_URL.search(page.url).group(1) == "3"  # the screen that completed it
    assert_call_links(page, "uk", "urgent")
    expect(page.get_by_role("link", name="Continue the questionnaire")).to_have_count(1)
    checked(page, javascript)


# The country picker: one tap, no JavaScript needed.


@JAVASCRIPT
def test_one_tap_in_the_country_picker_changes_the_number(phone, site, checked, javascript):
    page = phone(UK, javascript)
    interrupt(page, site, "emergency")
    warning_url = page.url
    expect(page.locator("a.primary-call")).to_have_attribute("href", "tel:999")
    picker = page.locator("details.country-picker")
    expect(picker.locator("summary")).to_contain_text("Numbers for: United Kingdom")
    picker.locator("summary").click()
    picker.get_by_role("button", name="United States").click()

    expect(page).to_have_url(warning_url)  # back on the same warning
    expect(page.locator("h1")).to_have_text("Call 911 now")
    primary = page.locator("a.primary-call")
    expect(primary).to_have_attribute("href", "tel:911")
    assert_on_first_screen(page, primary, "the call button (911)")
    expect(page.locator("details.country-picker summary")).to_contain_text("United States")
    checked(page, javascript)

    # The choice is the runner's from now on: the result follows it.
    page.get_by_role("button", name="See my advice now").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator("a.primary-call")).to_have_attribute("href", "tel:911")

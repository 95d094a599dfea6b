"""Shared steps for the browser tests of the questionnaire (contract v3: seven screens).

Every helper goes through the UI as a runner does: it ticks choices and presses the buttons,
so the form posts (HTMX swaps with JavaScript, plain posts and redirects without it). Choices
are found by the contract's slugs (/work/shared/assessment-contract.md), which stay put while
editors reword the labels.
"""

import re

from playwright.sync_api import expect

STEPS = 7
UUID = r"[0-9a-f-]{36}"
STEP_URL = re.compile(rf"/assessment/{UUID}/step/(\d)/$")
WARNING_URL = re.compile(rf"/assessment/{UUID}/step/(\d)/warning/$")  # after screen n
RESULT_URL = re.compile(rf"/assessment/{UUID}/$")


def start(page, site):
    """From the questionnaire's start page to screen 1."""
    page.goto(f"{site}/assessment/")
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_url(STEP_URL)
    on_screen(page, 1)


def on_screen(page, number):
    """The wizard shows screen `number` (after a swap, a redirect or a load)."""
    expect(page.locator("#progress-label")).to_have_text(f"Step {number} of {STEPS}")
    expect(page).to_have_title(re.compile(f"^Step {number} of {STEPS}: "))


def choice(page, question, value):
    """A choice's input by the contract's slugs (stable; the labels are editors' words)."""
    return page.locator(f'#wizard input[name="q-{question}"][value="{value}"]')


def label_of(page, question, value) -> str:
    """The words a choice shows (to find them again on a warning or a result)."""
    return " ".join(choice(page, question, value).locator("xpath=..").inner_text().split())


def answer(page, answers=None):
    """Tick the answers, keyed by question slug: a choice slug, or a list of them."""
    for question, values in (answers or {}).items():
        for value in [values] if isinstance(values, str) else values:
            choice(page, question, value).check()


def submit(page):
    """Press the screen's forward button (Next, or See my results on the last screen)."""
    page.locator("#wizard .actions button.primary").click()


def next_step(page, expected):
    submit(page)
    on_screen(page, expected)


def walk(page, site, *screens):
    """Start, then answer the screens in order (a dict for each, as `answer` takes) and
    submit each one. Every screen but the last must lead to the next; the caller checks where
    the last one leads (a warning, the same screen asking again, the next one, the result)."""
    start(page, site)
    for number, choices in enumerate(screens, start=1):
        on_screen(page, number)
        answer(page, choices)
        if number < len(screens):
            next_step(page, number + 1)
        else:
            submit(page)


def finish_from(page, number):
    """From screen `number`, press on to the result without answering anything more."""
    for following in range(number + 1, STEPS + 1):
        next_step(page, following)
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(RESULT_URL)


def scrolls_sideways_by(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def assert_fits_a_phone(page):
    overflow = scrolls_sideways_by(page)
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a 360px phone"

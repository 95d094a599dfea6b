"""Issue 17, "logging in a few taps": one compact navigation. On a phone (360 x 740) the
header is one line (the brand, a "Menu" disclosure and the account's) and the run log's
sections one menu of short labels, so <main> starts at most 160 px from the top on the
overview and the check-in page, with JavaScript and without (<details> is native). Every
section is reachable from the menus, by mouse and by keyboard, and nothing scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.test_runlog_factories import PASSWORD, make_settings, make_user

pytestmark = pytest.mark.django_db(transaction=True)
MAIN_TOP_MAX = 160
WIDE = {"width": 1280, "height": 800}
# The run log's menu: each label, the address it opens and the page's heading.
SECTIONS = [
    ("Dashboard", r"/me/$", "Your running and your legs"),
    ("Check in", r"/me/check-in/$", "How do your legs feel?"),
    ("History", r"/me/check-ins/$", None),
    ("Runs", r"/me/runs/$", "Your runs"),
    ("Log a run", r"/me/runs/new/$", "Log a run"),
    ("Import", r"/me/import/$", "Import runs"),
    ("Settings", r"/me/settings/$", None),
]
MAIN_LINKS = ["Causes", "Prevention", "Questionnaire", "My log"]


@pytest.fixture
def navigator(django_user_model):
    from allauth.account.models import EmailAddress

    user = make_user(django_user_model, "navigator")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    make_settings(user, time_zone="UTC")
    return user


def sign_in(page, site):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("navigator@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()


def measure(page) -> dict:
    return page.evaluate(
        """() => {
          const top = (selector) => {
            const element = document.querySelector(selector);
            return element ? element.getBoundingClientRect().top + window.scrollY : null;
          };
          const header = document.querySelector('.site-header').getBoundingClientRect();
          const nav = document.querySelector('.runlog-nav');
          return {
            main: top('main'),
            heading: top('main h1'),
            header: header.height,
            runlog_nav: nav ? nav.getBoundingClientRect().height : null,
            sideways: document.documentElement.scrollWidth - window.innerWidth,
          };
        }"""
    )


def tap_targets(page, selector) -> list:
    """The links and summaries under `selector` that are visible and under 44 px tall."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter((el) => el.getClientRects().length)
             .map((el) => [el.textContent.trim(), el.getBoundingClientRect().height])
             .filter(([, height]) => height < 44)""",
        selector,
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_navigation_is_compact_on_a_phone(
    browser, site, navigator, assert_accessible, javascript
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site)

    for path in ("/me/", "/me/check-in/"):
        page.goto(f"{site}{path}")
        found = measure(page)
        print(f"\n{path} ({'js' if javascript else 'no-js'}): {found}")
        assert found["main"] <= MAIN_TOP_MAX, f"{path}: <main> starts at {found['main']}px"
        assert found["header"] <= 56, f"{path}: the header is not one line: {found}"
        assert found["sideways"] <= 0, f"{path} scrolls sideways by {found['sideways']}px"
        assert not tap_targets(page, ".site-header summary, .runlog-nav a")
        expect(page.locator(".site-menu")).not_to_have_attribute("open", "")
        if javascript:  # axe runs inside the page
            assert_accessible(page)

    # Every run-log section from the run log's menu, the current one marked.
    menu = page.get_by_role("navigation", name="Run log")
    for label, url, heading in SECTIONS:
        menu.get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_url(re.compile(url))
        if heading:
            expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        expect(menu.get_by_role("link", name=label, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        expect(menu.locator('[aria-current="page"]')).to_have_count(1)
        assert measure(page)["sideways"] <= 0, f"{page.url} scrolls sideways"

    # The header's menu is folded: open it, and every main link is there.
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav.get_by_role("link", name="Causes")).to_be_hidden()
    page.locator(".site-menu > summary").click()
    for label in MAIN_LINKS:
        expect(main_nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    assert not tap_targets(page, ".site-menu a")
    assert measure(page)["sideways"] <= 0
    if javascript:
        assert_accessible(page)  # open, over the page
    main_nav.get_by_role("link", name="My log").click()
    expect(page).to_have_url(re.compile(r"/me/$"))
    context.close()


def test_every_link_is_reachable_by_keyboard(browser, site, navigator):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site)
    page.goto(f"{site}/me/check-in/")

    def focused() -> str:
        return page.evaluate("document.activeElement.textContent.trim()")

    page.keyboard.press("Tab")
    assert focused() == "Skip to content"
    page.keyboard.press("Tab")
    assert focused() == "legache"
    page.keyboard.press("Tab")
    assert focused() == "Menu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "the focused menu shows no focus ring"
    page.keyboard.press("Enter")
    expect(page.locator(".site-menu")).to_have_attribute("open", "")
    reached = []
    for _ in range(len(MAIN_LINKS)):
        page.keyboard.press("Tab")
        reached.append(focused())
    assert reached == MAIN_LINKS
    page.keyboard.press("Tab")
    assert focused() == "My account"
    page.keyboard.press("Tab")  # the account's menu is folded: on to the run log's menu
    reached = [focused()]
    for _ in range(len(SECTIONS) - 1):
        page.keyboard.press("Tab")
        reached.append(focused())
    assert reached == [label for label, _, _ in SECTIONS]
    context.close()


def test_a_visitor_sees_one_line_too(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    found = measure(page)
    assert found["header"] <= 56, found
    assert found["sideways"] <= 0, found
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(header.get_by_role("link", name="Sign up", exact=True)).to_be_visible()
    assert not tap_targets(page, ".site-header a, .site-header summary")
    context.close()


def test_wide_screens_show_the_main_links_inline(browser, site, navigator, assert_accessible):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site)
    page.goto(f"{site}/me/check-in/")
    main_nav = page.get_by_role("navigation", name="Main")
    for label in MAIN_LINKS:
        expect(main_nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(main_nav.get_by_role("link", name="My log")).to_have_attribute("aria-current", "true")
    found = measure(page)
    print(f"\nwide: {found}")
    assert found["header"] <= 60, found
    assert_accessible(page)
    context.close()

"""Issue 17, "Logging in a few taps": the check-in's body map is open, and each area tapped on
it takes its 0-10 right there. Two sore areas and their levels take six taps in all (how sore,
area, level, area, level, Save); without JavaScript a compact table does the same.

Heights at 360 x 740 (document.documentElement.scrollHeight), no area chosen: before, 893 px
with the map folded away under "Where it hurts..." and 2,708 px with it opened (14 dropdowns).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"
PHONE = {"width": 360, "height": 740}
HEIGHT_BUDGET = 2 * PHONE["height"]  # the open map, with JavaScript, no area chosen


@pytest.fixture
def runner_user(django_user_model):
    from allauth.account.models import EmailAddress

    from runlog.models import RunnerSettings

    user = django_user_model.objects.create_user("taps", "taps@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    RunnerSettings.objects.create(user=user, time_zone="UTC")
    return user


def open_checkin(browser, site, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("taps@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()
    page.goto(f"{site}/me/check-in/")
    expect(page.get_by_role("heading", name="How do your legs feel?")).to_be_visible()
    return context, page


def fits_a_phone(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def saved_regions(user):
    from runlog.models import SorenessEntry

    entry = SorenessEntry.objects.get(owner=user)
    return entry.soreness, sorted((r.region, r.side, r.soreness) for r in entry.regions.all())


def test_two_sore_areas_and_their_levels_take_six_taps(
    browser, site, runner_user, assert_accessible
):
    context, page = open_checkin(browser, site, javascript=True)
    expect(page.locator("[data-body-map]")).to_have_attribute("data-enhanced", "true")
    # The map is open, its table of 14 dropdowns folded away; no 0-10 until an area is chosen.
    expect(page.get_by_role("checkbox", name="Left calf", exact=True)).to_be_visible()
    expect(page.locator(".region-table")).to_be_hidden()
    expect(page.get_by_role("group", name=re.compile("how sore, 0-10"))).to_have_count(0)
    measured = height(page)
    print(f"check-in height, JavaScript, no area chosen: {measured}px")
    assert measured <= HEIGHT_BUDGET, f"the check-in is {measured}px tall"
    fits_a_phone(page)
    assert_accessible(page)

    taps = 0

    def tap(locator):
        nonlocal taps
        locator.click()
        taps += 1

    tap(page.get_by_label("4", exact=True))
    tap(page.get_by_role("checkbox", name="Left calf", exact=True))
    levels = page.get_by_role("group", name="Left calf: how sore, 0-10")
    tap(levels.get_by_role("button", name="6", exact=True))
    expect(levels.get_by_role("button", name="6", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    tap(page.get_by_role("checkbox", name="Right knee", exact=True))
    levels = page.get_by_role("group", name="Right knee: how sore, 0-10")
    tap(levels.get_by_role("button", name="3", exact=True))
    expect(page.get_by_role("checkbox", name="Left calf", exact=True)).to_have_attribute(
        "aria-checked", "true"
    )
    expect(page.get_by_role("button", name="Left calf: 6")).to_be_visible()
    expect(page.get_by_role("button", name="Right knee: 3")).to_be_visible()
    fits_a_phone(page)
    assert_accessible(page)  # with the 0-10 buttons showing
    tap(page.get_by_role("button", name="Save").first)
    assert taps <= 6, f"{taps} taps"

    expect(page.get_by_text(re.compile("^Check-in saved")).first).to_be_visible()
    recent = page.locator(".entry").first
    expect(recent).to_contain_text("Left calf (6)")
    expect(recent).to_contain_text("Right knee (3)")
    assert saved_regions(runner_user) == (4, [("calves", "left", 6), ("knees", "right", 3)])
    context.close()


def test_the_map_and_its_levels_work_from_the_keyboard(browser, site, runner_user):
    context, page = open_checkin(browser, site, javascript=True)
    expect(page.locator("[data-body-map]")).to_have_attribute("data-enhanced", "true")
    page.get_by_label("2", exact=True).check()
    shape = page.get_by_role("checkbox", name="Left shin", exact=True)
    shape.focus()
    page.keyboard.press("Space")
    expect(shape).to_have_attribute("aria-checked", "true")
    levels = page.get_by_role("group", name="Left shin: how sore, 0-10")
    expect(levels.get_by_role("button", name=re.compile("^0"))).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 2
    expect(levels.get_by_role("button", name="2", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(shape).to_be_focused()  # back on the map, ready for the next area
    # Untick an area on the map: it and its 0-10 go.
    page.get_by_role("checkbox", name="Right foot", exact=True).click()
    page.get_by_role("button", name="8", exact=True).click()
    page.get_by_role("checkbox", name="Right foot", exact=True).click()
    expect(page.get_by_role("button", name=re.compile("^Right foot"))).to_have_count(0)
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(re.compile("^Check-in saved")).first).to_be_visible()
    assert saved_regions(runner_user) == (2, [("shins", "left", 2)])
    context.close()


def test_without_javascript_a_compact_table_saves_two_areas(browser, site, runner_user, axe):
    context, page = open_checkin(browser, site, javascript=False)
    table = page.locator(".region-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(7)  # one row per area, both legs in it
    measured = height(page)
    print(f"check-in height, no JavaScript, no area chosen: {measured}px")
    assert measured <= 3 * PHONE["height"], f"the check-in is {measured}px tall"
    fits_a_phone(page)

    page.get_by_label("5", exact=True).check()
    page.get_by_label("Left calf: how sore, 0 to 10").select_option("6")
    page.get_by_label("Right knee: how sore, 0 to 10").select_option("3")
    page.get_by_label("Left foot", exact=True).check()  # sore, no number
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(re.compile("^Check-in saved")).first).to_be_visible()
    assert saved_regions(runner_user) == (
        5,
        [("calves", "left", 6), ("feet", "left", None), ("knees", "right", 3)],
    )
    context.close()

"""The time-zone list with JavaScript: sign-up picks the browser's zone, and a search box
over the list (static/js/zone_search.js) leaves only the zones that match."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_picks_the_browsers_zone_and_the_search_box_filters(
    browser, site, assert_accessible
):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="en-GB", timezone_id="Asia/Tokyo"
    )
    page = context.new_page()
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site}/accounts/signup/")
    zones = page.get_by_label("Your time zone")
    expect(zones).to_have_value("Asia/Tokyo")  # the browser's, over en-GB's Europe/London
    search = page.get_by_role("searchbox", name="Search the time zones")
    expect(search).to_be_visible()
    search.fill("new york")
    expect(zones).to_have_value("America/New_York")
    shown = zones.locator("option:not([hidden])")
    expect(shown).to_have_count(1)
    expect(page.get_by_text("1 time zone matches.")).to_be_attached()
    search.press("Enter")  # picks, never sends the form
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    search.fill("")
    assert shown.count() > 300
    assert_accessible(page)
    assert console_errors == [], console_errors
    context.close()

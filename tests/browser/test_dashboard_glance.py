"""Issue 17, "a dashboard to glance at": on a phone (360 x 740) the overview opens with the
glance card and the chart of load and soreness on the first screen, and the whole page,
folded, is at most 3 screens for a 12-week log; with JavaScript and without (details and
summary are native). At 1280 x 800 it renders too."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.test_runlog_factories import PASSWORD, make_entry, make_run, make_settings, make_user

pytestmark = pytest.mark.django_db(transaction=True)
SCREENS = 3


@pytest.fixture
def twelve_weeks(django_user_model):
    """Three runs a week for 12 weeks (RPE 5-7), each checked in the next morning (sore
    front of thighs, 2-4/10) and gone by the evening: no sore spot to follow, no notice."""
    from allauth.account.models import EmailAddress

    user = make_user(django_user_model, "glance")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    make_settings(user, time_zone="UTC")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    today_7am = now.replace(hour=7)
    if today_7am > now:
        today_7am -= timedelta(days=1)
    for week in range(12):
        for n, day in enumerate((1, 3, 5)):
            start = today_7am - timedelta(days=83 - week * 7 - day)
            run = make_run(user, start=start, distance_m=8_000 + 1_000 * n,
                           duration_s=2_700 + 300 * n, rpe=5 + n)  # fmt: skip
            morning = start + timedelta(hours=24)
            if morning <= now:
                make_entry(user, run=run, recorded_at=morning, soreness=2 + n,
                           regions=[("quads", "", 2 + n)], sleep_quality=3, fatigue=3,
                           stress=2)  # fmt: skip
                make_entry(user, recorded_at=morning + timedelta(hours=1), soreness=0)
    return user


def sign_in(page, site):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("glance@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()


def measure(page) -> dict:
    return page.evaluate(
        """() => {
          const box = (selector) => {
            const r = document.querySelector(selector).getBoundingClientRect();
            return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY};
          };
          return {
            card: box('.dash-glance'),
            chart: box('#chart-load-soreness'),
            height: document.documentElement.scrollHeight,
            sideways: document.documentElement.scrollWidth - window.innerWidth,
            open: document.querySelectorAll('details[open]').length,
          };
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_overview_is_a_glance_on_a_phone(browser, site, twelve_weeks, axe, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site)

    card = page.locator(".dash-glance")
    expect(card).to_contain_text("How you are doing")
    expect(card.locator(".dash-week")).to_contain_text("This week:")
    expect(card.locator(".dash-longest")).to_contain_text("Today's longest:")
    expect(page.locator("#chart-load-soreness .chart-legend")).to_contain_text("left axis")
    expect(page.locator("#chart-load-soreness .chart-legend")).to_contain_text("right axis")
    expect(page.locator("#chart-load-soreness table")).not_to_be_visible()

    found = measure(page)
    print(f"\nphone ({'js' if javascript else 'no-js'}): {found}")
    assert found["card"]["bottom"] <= PHONE["height"], found  # the whole card on screen 1
    assert found["chart"]["top"] < PHONE["height"], found  # and the chart's top
    assert found["open"] == 0, "everything else is folded"
    assert found["height"] <= SCREENS * PHONE["height"], found
    assert found["sideways"] <= 0, f"the dashboard scrolls sideways by {found['sideways']}px"

    # A section opens in place (native details) and has a page of its own.
    load = page.locator("details#load")
    load.locator("summary").click()
    expect(load).to_have_attribute("open", "")
    expect(load).to_contain_text("Monotony")
    expect(load).to_contain_text("your usual")
    page.get_by_role("link", name="Training load on a page of its own").click()
    expect(page).to_have_url(re.compile(r"/me/load/$"))
    expect(page.get_by_role("heading", level=1, name="Training load")).to_be_visible()
    expect(page.locator("details#load[open]")).to_be_visible()
    page.locator("details#load .dash-metric").first.scroll_into_view_if_needed()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the load page scrolls sideways by {overflow}px"

    page.goto(f"{site}/me/map/")
    expect(page.locator(".dash-heat-legend li")).to_have_count(5)
    if javascript:
        for url in (f"{site}/me/", f"{site}/me/map/"):
            page.goto(url)
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                serious = [v for v in axe.run(page).response["violations"]
                           if v.get("impact") in {"serious", "critical"}]  # fmt: skip
                assert not serious, (url, scheme, serious)
            page.emulate_media(color_scheme="light")
    context.close()


def test_the_overview_renders_on_a_wide_screen(browser, site, twelve_weeks):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, site)
    expect(page.locator(".dash-glance")).to_be_visible()
    expect(page.locator("#chart-load-soreness svg.chart-svg")).to_be_visible()
    expect(page.locator("details.dash-fold")).to_have_count(7)
    found = measure(page)
    print(f"\nwide: {found}")
    assert found["chart"]["top"] < 800
    assert found["sideways"] <= 0
    context.close()

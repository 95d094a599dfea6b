"""Issue 17, "Logging in a few taps": the runs list by week, one or two lines a run, and a
run's own page with its name, route outline, elevation profile and splits, on a phone.

Heights at 360 x 740 (document.documentElement.scrollHeight) for 10 runs: before, 6,600 px
(a card of every detail a run); after, see HEIGHT_BUDGET (about two screens).
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import importer_files as files

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"
PHONE = {"width": 360, "height": 740}
HEIGHT_BUDGET = 2 * PHONE["height"]


@pytest.fixture
def runner_user(django_user_model):
    from allauth.account.models import EmailAddress

    from runlog.models import RunnerSettings

    user = django_user_model.objects.create_user("route", "route@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    RunnerSettings.objects.create(user=user, time_zone="UTC")
    return user


def signed_in(browser, site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("route@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()
    return context, page


def fits_a_phone(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def test_an_imported_runs_page_shows_its_route_profile_and_splits(
    browser, site, runner_user, assert_accessible
):
    from runlog.models import Run
    from tests.test_runlog_import_factories import run_batch

    track = files.route(1801, elevation=files.waves(40, 3), bearing=60)
    run_batch(runner_user, ("ridge.gpx", files.gpx_bytes(track, name="Ridge loop")))
    run = Run.objects.get(owner=runner_user)
    context, page = signed_in(browser, site)
    page.goto(f"{site}/me/runs/{run.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ridge loop")
    outline = page.get_by_role("img", name=re.compile("^Outline of the route"))
    expect(outline).to_be_visible()
    box = outline.bounding_box()
    assert box["width"] > 250 and box["height"] > 100
    expect(page.get_by_role("img", name=re.compile("^Elevation over the distance"))).to_be_visible()
    expect(page.get_by_text("Highest 140 m")).to_be_visible()
    splits = page.locator("details.route-splits")
    expect(splits.locator("tbody tr")).to_have_count(6)
    expect(splits.locator("tbody tr").first).to_contain_text("5:33 /km")
    fits_a_phone(page)
    assert_accessible(page)
    print(f"run page: {height(page)} px")  # noqa: T201 - the measurement, with -s
    context.close()


def test_ten_runs_take_about_two_phone_screens(browser, site, runner_user, assert_accessible):
    from runlog.models import Run

    now = timezone.now()
    Run.objects.bulk_create(
        Run(
            owner=runner_user,
            start=now - timedelta(days=2 * i + 3, hours=i % 3),
            name=["Ridge loop", "Easy river run", "", "Track session"][i % 4],
            distance_m=5000 + 731 * i,
            duration_s=1500 + 240 * i,
            elevation_gain_m=20 + 7 * i,
            rpe=(3 + i) % 11,
        )  # fmt: skip
        for i in range(10)
    )
    context, page = signed_in(browser, site)
    page.goto(f"{site}/me/runs/")
    expect(page.locator("li[id^=run-]")).to_have_count(10)
    expect(page.locator(".week-heading").first).to_be_visible()
    fits_a_phone(page)
    assert_accessible(page)
    measured = height(page)
    print(f"runs list, 10 runs: {measured} px")  # noqa: T201 - the measurement, with -s
    assert measured <= HEIGHT_BUDGET, f"10 runs take {measured} px, over {HEIGHT_BUDGET}"
    # A run's figures are one or two lines.
    row = page.locator("li[id^=run-]").first.bounding_box()
    assert row["height"] < 80, row
    page.locator("li[id^=run-]").first.locator("a.run-link").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".run-details")).to_contain_text("Effort")
    context.close()

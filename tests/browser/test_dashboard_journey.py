"""A runner with six weeks of log sees what it says, then takes the questionnaire, which
starts from that log."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"


@pytest.fixture
def six_weeks(django_user_model):
    from allauth.account.models import EmailAddress

    from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion

    user = django_user_model.objects.create_user("six", "six@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    RunnerSettings.objects.create(user=user, time_zone="UTC")
    now = timezone.now().replace(hour=7, minute=0, second=0, microsecond=0)
    for week in range(6):
        for n, day in enumerate((1, 3, 5)):
            days_ago = 42 - week * 7 - day + 2
            start = now - timedelta(days=days_ago)
            warmed = n != 1
            run = Run.objects.create(
                owner=user, start=start, distance_m=8_000, duration_s=2_700, rpe=5,
                terrain="flat" if warmed else "hilly", warm_up_done=warmed, cool_down_done=warmed,
            )  # fmt: skip
            entry = SorenessEntry.objects.create(
                owner=user, run=run, recorded_at=start + timedelta(hours=20),
                soreness=2 if warmed else 5,
            )  # fmt: skip
            SoreRegion.objects.create(entry=entry, region="calves" if warmed else "quads",
                                      side="left")  # fmt: skip
    # Yesterday: a long, hot, hilly run, 50 % longer than any in the month before it.
    spike = Run.objects.create(
        owner=user, start=now - timedelta(days=1), distance_m=12_000, duration_s=4_200, rpe=7,
        terrain="hilly", temperature_c=24, fluids="little", warm_up_done=False,
        cool_down_done=False,
    )  # fmt: skip
    entry = SorenessEntry.objects.create(owner=user, run=spike, soreness=6,
                                         recorded_at=now - timedelta(hours=2))  # fmt: skip
    SoreRegion.objects.create(entry=entry, region="quads", side="right", soreness=6)
    return user


def test_the_dashboard_then_a_questionnaire_from_the_log(page, site, six_weeks, assert_accessible):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("six@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()

    expect(page.locator(".dash-flag").first).to_contain_text("50 % longer")
    expect(page.locator(".dash-band")).to_have_text(
        re.compile("less than usual|steady|climbing fast|a jump")
    )
    charts = page.locator("figure svg[role=img]")
    assert charts.count() >= 3
    expect(page.locator("figure table").first).to_be_attached()
    expect(page.locator(".body-map svg").first).to_be_visible()
    expect(page.locator(".dash-insight:not(.is-waiting)").first).to_contain_text("In your")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the dashboard scrolls sideways by {overflow}px"
    assert_accessible(page)

    page.get_by_role("link", name="Your questionnaires").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_label("None of these").first.check()
    page.get_by_role("button", name="Next").click()
    screen_2 = page.locator("#wizard")
    expect(screen_2.locator(".from-log").first).to_contain_text("From your log of")
    assert_accessible(page)
    page.get_by_role("button", name="Next").click()
    screen_3 = page.locator("#wizard")
    expect(screen_3.get_by_label("Hilly")).to_be_checked()  # from yesterday's run
    expect(screen_3.locator(".from-log").first).to_be_visible()
    page.get_by_label("Long descents").check()  # the runner knows better: change one answer
    for _ in range(3):
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(re.compile(r"/assessment/[0-9a-f-]{36}/$"))
    log = page.locator("section[aria-labelledby=log-heading]")
    expect(log).to_contain_text("From your run log")
    expect(log).to_contain_text("What was the weather like on that run?")  # kept from the log
    expect(log).not_to_contain_text("Where was the run")  # changed: the runner's own answer
    expect(log.get_by_role("link").first).to_be_visible()
    assert_accessible(page)

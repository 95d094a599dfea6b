"""A runner with six weeks of log sees what it says, then takes the questionnaire, which
starts from that log."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.questionnaire import answer, choice, finish_from, next_step, on_screen

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
    expect(page.locator(".dash-longest")).to_contain_text("Today's longest: 13.2 km")
    # The ACWR is context only: a number and its caveat, no band words.
    expect(page.locator(".dash-ratio")).to_have_text(re.compile(r"^\d+\.\d\d$"))
    expect(page.locator(".dash-band")).to_have_count(0)
    charts = page.locator("figure svg[role=img]")
    assert charts.count() >= 3
    expect(page.locator("figure table").first).to_be_attached()
    # The rest is folded: a section opens in place.
    expect(page.locator(".body-map svg").first).not_to_be_visible()
    page.locator("details#map > summary").click()
    expect(page.locator(".body-map svg").first).to_be_visible()
    expect(page.locator(".dash-heat-legend")).to_contain_text("7–10 check-ins")
    expect(page.locator(".dash-insight:not(.is-waiting)").first).to_contain_text("In your")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the dashboard scrolls sideways by {overflow}px"
    assert_accessible(page)

    page.get_by_role("link", name="Your questionnaires").click()
    # Which run made the legs sore is asked, most likely first: yesterday's long hilly run.
    which = page.get_by_role("group", name="Which run made your legs sore?")
    first = which.locator('input[name="run"]').first
    expect(which.locator("label").first).to_contain_text("(12.00 km)")
    expect(first).not_to_be_checked()
    first.check()
    page.get_by_role("button", name="Start").click()
    on_screen(page, 1)
    answer(page, {"red_flags": "none"})
    next_step(page, 2)  # the health background: nothing in the log for it
    expect(page.locator("#wizard .from-log")).to_have_count(0)
    next_step(page, 3)
    screen_3 = page.locator("#wizard")  # the pain: where, from the check-ins after the run
    expect(screen_3.locator(".from-log").first).to_contain_text("From your log of")
    expect(choice(page, "location", "quads")).to_be_checked()
    assert_accessible(page)
    next_step(page, 4)
    screen_4 = page.locator("#wizard")
    expect(choice(page, "terrain", "hilly")).to_be_checked()  # from yesterday's run
    expect(screen_4.locator(".from-log").first).to_be_visible()
    answer(page, {"terrain": "downhill"})  # the runner knows better: change one answer
    finish_from(page, 4)
    expect(page).to_have_url(re.compile(r"/assessment/[0-9a-f-]{36}/$"))
    log = page.locator("section[aria-labelledby=log-heading]")
    expect(log).to_contain_text("From your run log")
    expect(log).to_contain_text("What was the weather like on that run?")  # kept from the log
    expect(log).not_to_contain_text("Where was the run")  # changed: the runner's own answer
    expect(log.get_by_role("link").first).to_be_visible()
    assert_accessible(page)

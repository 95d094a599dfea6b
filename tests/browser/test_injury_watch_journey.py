"""A runner whose left shin has been sore for over a week, at 2-3/10, keeps running: the log
says to see someone (dashboard and check-in), the check-in asks about the spot, a "pain on one
spot of a bone" shows the questionnaire's own warning, and the questionnaire then starts from
the problem's real onset and duration and reaches "soon"."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.questionnaire import answer, choice, finish_from, next_step, on_screen

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"


@pytest.fixture
def building_shin(django_user_model):
    from allauth.account.models import EmailAddress

    from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion

    user = django_user_model.objects.create_user("shin", "shin@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    RunnerSettings.objects.create(user=user, time_zone="UTC")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for days_ago in range(12, 0, -1):
        if days_ago % 2 == 0:
            Run.objects.create(owner=user, start=now - timedelta(days=days_ago, hours=3),
                               distance_m=10_000, duration_s=3_300, rpe=5)  # fmt: skip
        if days_ago <= 10:
            entry = SorenessEntry.objects.create(
                owner=user, soreness=2, recorded_at=now - timedelta(days=days_ago - 1, hours=2)
            )
            SoreRegion.objects.create(entry=entry, region="shins", side="left",
                                      soreness=2 if days_ago > 5 else 3)  # fmt: skip
    return user


def test_a_building_shin_is_followed_to_a_warning_and_a_questionnaire(
    page, site, building_shin, assert_accessible
):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("shin@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()

    notice = page.locator("section.see-someone")
    expect(notice).to_contain_text("Left shin")
    expect(notice).to_contain_text("not easing")
    expect(page.locator(".dash-longest")).to_have_count(0)  # nothing that says "run on"
    assert_accessible(page)

    page.goto(f"{site}/me/check-in/")
    expect(page.locator("section.see-someone")).to_contain_text("Left shin")
    followups = page.get_by_role("group", name=re.compile("Your left shin"))
    followups.get_by_label(re.compile("one spot of a bone")).check()
    page.locator("label.scale-option", has_text=re.compile(r"^3")).first.click()
    page.get_by_role("button", name="Save").first.click()
    warning = page.locator("section.see-someone")
    expect(warning).to_contain_text("Pain on one spot of a bone")
    expect(warning).to_contain_text("within days")
    assert_accessible(page)

    warning.get_by_role("link", name="Answer the questionnaire").click()
    page.get_by_role("button", name="Start").click()
    on_screen(page, 1)
    answer(page, {"red_flags": "none"})
    next_step(page, 2)
    next_step(page, 3)
    # The problem's own onset, side and duration: not "the next day" and "under 3 days".
    expect(choice(page, "location", "shins")).to_be_checked()
    expect(choice(page, "sides", "one")).to_be_checked()
    expect(choice(page, "onset", "later")).to_be_checked()
    expect(choice(page, "duration_days", "over_7")).to_be_checked()
    finish_from(page, 3)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stop running and book an appointment"
    )
    expect(page.locator(".triage")).to_contain_text("bone")
    assert_accessible(page)

"""A runner on a phone signs up, logs runs and how their legs feel, takes their data away and
deletes their account, with JavaScript and without."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"


def local_input(days_ago, hour):
    when = (timezone.localtime() - timedelta(days=days_ago)).replace(hour=hour, minute=15)
    return when.strftime("%Y-%m-%dT%H:%M")


def fits_a_phone(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_runner_keeps_a_run_log_and_can_take_it_away_or_delete_it(browser, site, axe, javascript):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=javascript,
        accept_downloads=True,
    )  # fmt: skip
    page = context.new_page()

    def accessible():
        fits_a_phone(page)
        if javascript:  # axe runs inside the page, so it needs JavaScript
            serious = [v for v in axe.run(page).response["violations"]
                       if v.get("impact") in {"serious", "critical"}]  # fmt: skip
            assert not serious, f"{page.url}: {serious}"

    page.goto(f"{site}/")
    page.get_by_role("link", name="Sign up").first.click()
    accessible()
    page.get_by_label("Email").fill("runner@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    # Verification is mandatory (sign-up tells nobody who has an account): the link in the
    # mail (on LEGACHE_SITE_URL; the live server runs in this process, so the test mail box is
    # shared) confirms the address and signs the runner in.
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    accessible()
    [message] = [m for m in mail.outbox if "runner@example.com" in m.to]
    path = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(f"{site}{path}")
    accessible()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()
    expect(page.get_by_role("heading", name="Start your log")).to_be_visible()  # empty state
    accessible()
    page.get_by_role("navigation", name="Run log").get_by_role("link", name="Runs").click()
    expect(page.get_by_role("heading", name="Your runs")).to_be_visible()
    accessible()

    for days_ago, km, minutes in [(3, "8", "44:00"), (2, "12.5", "1:10:00"), (1, "5", "27:30")]:
        page.locator(".toolbar").get_by_role("link", name="Log a run").click()
        page.get_by_label("Started").fill(local_input(days_ago, 7))
        page.get_by_label("Distance (km)").fill(km)
        page.get_by_label("Moving time").fill(minutes)
        if days_ago == 3:
            accessible()
        page.get_by_role("button", name="Save run").click()
        expect(page.get_by_text(f"{float(km):.2f} km").first).to_be_visible()
    expect(page.locator("li[id^=run-]")).to_have_count(3)

    for soreness, region in [("6", "Left calf"), ("3", "Right front of thigh")]:
        page.goto(f"{site}/me/check-in/")
        page.get_by_label(soreness, exact=True).check()
        if javascript:  # the map's shapes (open, not folded), with the keyboard alone
            shape = page.get_by_role("checkbox", name=region, exact=True).first
            shape.focus()
            page.keyboard.press("Space")
            expect(shape).to_have_attribute("aria-checked", "true")
        else:  # the plain checkboxes in the table under the map
            box = page.get_by_label(region, exact=True).first
            box.focus()
            page.keyboard.press("Space")
        expect(page.get_by_label(region, exact=True).first).to_be_checked()
        accessible()
        page.get_by_role("button", name="Save").first.click()
        expect(page.get_by_text(re.compile("^Check-in saved")).first).to_be_visible()

    page.goto(f"{site}/me/runs/")
    first = page.locator("li[id^=run-]").first
    first.get_by_role("link", name=re.compile("^Edit")).click()
    page.get_by_label("Distance (km)").fill("6")
    page.get_by_role("button", name="Save run").click()
    expect(page.get_by_text("6.00 km").first).to_be_visible()
    page.locator("li[id^=run-]").last.get_by_role("link", name=re.compile("^Delete")).click()
    page.get_by_role("button", name="Delete the run").click()
    expect(page.locator("li[id^=run-]")).to_have_count(2)

    page.goto(f"{site}/me/settings/")
    accessible()
    with page.expect_download() as runs_csv:
        page.get_by_role("link", name="Runs (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(runs_csv.value.path()).read())))  # noqa: SIM115
    assert sorted(int(row["distance_m"]) for row in rows) == [6_000, 12_500]
    with page.expect_download() as soreness_csv:
        page.get_by_role("link", name="Check-ins (CSV)").click()
    entries = list(csv.DictReader(open(soreness_csv.value.path())))  # noqa: SIM115
    assert sorted(int(row["soreness"]) for row in entries) == [3, 6]
    with page.expect_download() as everything:
        page.get_by_role("link", name=re.compile("Everything")).click()
    data = json.loads(open(everything.value.path()).read())  # noqa: SIM115
    assert data["account"]["email"] == "runner@example.com"
    assert len(data["runs"]) == 2 and len(data["soreness_entries"]) == 2

    page.get_by_role("link", name="Delete my account").click()
    accessible()
    page.get_by_label("Your password, to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    for model in ("runlog.Run", "runlog.SorenessEntry", "runlog.SoreRegion",
                  "runlog.RunnerSettings", "assessments.Assessment", "account.EmailAddress",
                  "auth.User"):  # fmt: skip
        assert not apps.get_model(model).objects.exists(), f"{model} rows are left"
    context.close()

"""A runner uploads a Strava-style export on a phone, watches the import progress and finds
the runs in the log and on the dashboard, with JavaScript and without."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.test_runlog_import_factories import strava_zip

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"


@pytest.fixture
def runner(django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("up", "up@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_export_imports_in_the_background(browser, site, runner, axe, settings, tmp_path,
                                             javascript):  # fmt: skip
    from runlog.imports import run_import
    from runlog.models import ImportBatch, Run

    # The task waits in a queue, as for a real worker; the test plays the worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    now = timezone.now().replace(microsecond=0)
    starts = [now - timedelta(days=days, hours=2) for days in (9, 6, 3, 1)]
    export = tmp_path / "export_12345.zip"
    export.write_bytes(strava_zip(starts, types={2: "Ride"}))

    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  java_script_enabled=javascript)  # fmt: skip
    page = context.new_page()
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("up@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(f"{site}/me/runs/")
    page.get_by_role("link", name=re.compile("Import runs")).click()
    expect(page.get_by_text(re.compile(r"at most\s+\d+ MB"))).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(export))
    page.get_by_role("button", name="Import").click()

    expect(page.get_by_role("heading", name="Waiting to start…")).to_be_visible()
    if javascript:
        serious = [v for v in axe.run(page).response["violations"]
                   if v.get("impact") in {"serious", "critical"}]  # fmt: skip
        assert not serious, serious
    run_import(ImportBatch.objects.get().pk)  # the worker's turn

    expect(page.get_by_role("heading", name="Finished")).to_be_visible(timeout=8_000)
    bar = page.locator("progress.import-bar")
    expect(bar).to_have_attribute("value", bar.get_attribute("max"))
    expect(page.locator(".import-counts")).to_contain_text("3 imported")
    expect(page.locator(".import-counts")).to_contain_text("1 skipped")
    assert Run.objects.filter(owner=runner).count() == 3

    page.get_by_role("link", name="See your runs").click()
    expect(page.locator("li[id^=run-]")).to_have_count(3)
    page.goto(f"{site}/me/")
    expect(page.locator("figure table").first).to_contain_text("3")
    context.close()

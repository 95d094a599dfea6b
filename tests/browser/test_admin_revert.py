"""An editor on a phone changes a strategy, finds the change in the History and reverts it, in
a real Chromium: the revert form posts as the site accepts, and the guide, the History and the
revert page are accessible in the light and the dark scheme.

(The change page itself is not checked with axe: the admin's autocomplete boxes, Django's
select2, have no accessible name; that is Django's, not these pages'.)"""

import os
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-editor-passphrase"


EDITOR_MIGRATIONS = [
    ("0003_content_editors", "create_group"),
    ("0006_questionnaire_editors", "grant"),
    ("0009_contract_v2_content_and_lock", "grant_editors"),
    ("0014_content_corrections", "grant_editors"),
]


@pytest.fixture
def editor_account(site):
    import importlib

    from django.apps import apps
    from django.core.management import call_command

    # An earlier live-server test's flush emptied the editors' group with every table: the
    # data migrations that make it and grant its permissions put it back.
    for module, function in EDITOR_MIGRATIONS:
        getattr(importlib.import_module(f"assessments.migrations.{module}"), function)(apps, None)

    os.environ["DJANGO_EDITOR_PASSWORD"] = PASSWORD
    try:
        call_command("create_editor", "edna", "edna@example.com")
    finally:
        del os.environ["DJANGO_EDITOR_PASSWORD"]
    return "edna@example.com"


def test_an_editor_reverts_a_change_on_a_phone(page, site, editor_account, assert_accessible):
    from assessments.models import Strategy

    strategy = Strategy.objects.get(slug="warm_up_cool_down")
    original = strategy.summary
    refused = []
    page.on("response", lambda r: refused.append(r.url) if r.status == 413 else None)

    page.goto(f"{site}/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(editor_account)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="A short guide for editors")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{site}/admin/assessments/strategy/{strategy.pk}/change/")
    summary = page.get_by_label("Summary:")
    expect(summary).to_have_value(original)
    summary.fill("Nonsense an editor regrets.")
    page.get_by_label("Reason for this change:").fill("Trying something")
    page.locator('input[name="_continue"]').last.click()
    expect(page.locator(".messagelist")).to_contain_text("on the site")

    page.get_by_role("link", name="History").first.click()
    expect(page.locator(".history-version").first).to_contain_text("edna@example.com")
    expect(page.locator(".history-version").first).to_contain_text("Trying something")
    assert_accessible(page)
    page.locator(".history-version").last.get_by_role("link").click()
    expect(page.get_by_label("Summary:")).to_have_value(original)
    assert_accessible(page)
    page.get_by_role("button", name="Revert").last.click()

    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    assert refused == []
    strategy.refresh_from_db()
    assert strategy.summary == original
    assert strategy.history.latest().history_change_reason.startswith("Reverted to the version of")

"""Sign-up and sign-in on a 360 x 740 phone: accessible in light and dark, no CSP errors, no
sideways scroll, every input as wide as the form, and a failed sign-in read out as an alert."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def watch(page):
    console_errors, failed = [], []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    return console_errors, failed


def assert_fits_a_phone(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a 360px phone"
    form = page.locator("form.account-form").first.bounding_box()
    for field in page.locator(".account-form .account-field input").all():
        assert field.bounding_box()["width"] == pytest.approx(form["width"], abs=1)


@pytest.mark.parametrize(("path", "heading"), [("/accounts/signup/", "Sign up"),
                                               ("/accounts/login/", "Sign in")])  # fmt: skip
def test_account_page_on_a_phone(page, site, assert_accessible, path, heading):
    console_errors, failed = watch(page)
    page.goto(f"{site}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator(".what-we-keep")).to_contain_text("never sell")
    expect(page.get_by_label("Email", exact=True)).to_be_visible()
    assert_accessible(page)
    assert_fits_a_phone(page)
    assert failed == [] and console_errors == [], (failed, console_errors)


def test_a_failed_sign_in_on_a_phone(page, site, assert_accessible):
    console_errors, _ = watch(page)
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email", exact=True).fill("nobody@example.com")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert").filter(has_text="not correct")).to_be_visible()
    assert_accessible(page)
    assert_fits_a_phone(page)
    assert console_errors == [], console_errors

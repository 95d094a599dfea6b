"""A runner who imported a run they had also typed in by hand compares the two on a 360 x 740
phone: every figure's "after merging" value is on screen, nothing scrolls sideways, and the
import's summary says what became of the offer once they merged."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.test_runlog_factories import make_run
from tests.test_runlog_import_factories import START, fit, run_batch

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-running-passphrase"


@pytest.fixture
def runner(django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("merger", "merger@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def sign_in(page, site):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email").fill("merger@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your running and your legs")).to_be_visible()


def layout(page) -> dict:
    return page.evaluate(
        """() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          after: [...document.querySelectorAll('.merge-figure')].map((figure) => {
            const term = [...figure.querySelectorAll('dt')]
              .find((dt) => dt.textContent.trim() === 'After merging');
            const value = term && term.nextElementSibling.getBoundingClientRect();
            return {
              label: figure.querySelector('h2').textContent.trim(),
              left: value ? value.left : null,
              right: value ? value.right : null,
              width: value ? value.width : null,
            };
          }),
        })"""
    )


def test_the_merge_offer_fits_a_phone(page, site, runner, assert_accessible):
    from runlog.models import MergeOffer

    make_run(
        runner,
        start=START + timedelta(minutes=3),
        distance_m=400,
        duration_s=150,
        rpe=7,
        name="Sunday long run along the canal towpath to the old lock-keeper's cottage",
    )
    run_batch(runner, ("run.fit", fit(hr=148)))  # the worker's turn, as in the import journey
    offer = MergeOffer.objects.get()

    sign_in(page, site)
    page.goto(f"{site}/me/import/offers/{offer.pk}/")
    expect(page.get_by_role("heading", name="Merge an imported run?", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Distance")).to_be_visible()

    measured = layout(page)
    assert measured["clientWidth"] == PHONE["width"]
    assert measured["scrollWidth"] <= measured["clientWidth"], measured
    assert len(measured["after"]) == 12, measured
    for value in measured["after"]:
        assert value["width"], value  # shown, "—" when neither run has the figure
        assert value["left"] >= 0 and value["right"] <= measured["clientWidth"], value
    assert_accessible(page)

    page.get_by_role("button", name="Merge them").click()
    counts = page.locator(".import-counts")
    expect(counts).to_contain_text("1 merged")
    expect(counts).not_to_contain_text("to merge")
    assert_accessible(page)

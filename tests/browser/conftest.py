"""Real-browser tests: headless Chromium through Playwright against pytest-django's live_server.

`make test` first runs tests/browser_setup.py, which finds or installs a Chromium. Screenshots
of failing tests land in test-artifacts/playwright/ (CI prints the folder).
"""

import importlib
import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps

from tests.browser_setup import playwright_chromium, system_chromium

# Playwright's sync API runs an event loop in this thread; Django's ORM, used by the test
# itself, would otherwise refuse to run next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = system_chromium()
    if executable is None and playwright_chromium() is None:
        pytest.fail(
            "No Chromium for the browser tests: run `make browser` (or apt-get install chromium)."
        )
    args = {
        **browser_type_launch_args,
        # No network here but loopback: keep Chromium from calling home at every start.
        "args": [
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE}


@pytest.fixture(autouse=True)
def quick_failures(page):
    """Pages here answer in milliseconds; fail a missing element in 10 s, not 30."""
    page.set_default_timeout(10_000)


DATA_MIGRATIONS = [
    ("assessments.migrations.0002_default_content", "load"),
    ("assessments.migrations.0005_default_questionnaire", "load"),
    ("assessments.migrations.0009_contract_v2_content_and_lock", "load"),
    ("assessments.migrations.0015_contract_v3", "load"),
    ("helplines.migrations.0002_default_countries", "load"),
]


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with the default content, the helplines' countries and
    the safety lock.

    Tests against a live server commit for real, so the database is flushed after each; the
    data migrations' own loaders put the default content back. The flush empties every table,
    which the safety lock's triggers would refuse (SQLite flushes with DELETE), so the lock is
    lifted just for it and put back with the content.
    """
    from assessments import safety
    from assessments.content import forget_local_snapshot
    from assessments.models import Cause
    from helplines.services import forget_countries

    if not Cause.objects.exists():
        safety.remove_lock()
        for module, function in DATA_MIGRATIONS:
            getattr(importlib.import_module(module), function)(apps, None)
        safety.install_lock()
    forget_local_snapshot()
    forget_countries()  # the process keeps the list for a minute: not a flushed one
    yield live_server.url
    safety.remove_lock()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page in the light and the dark colour scheme (the site follows the
    system's): no violation of impact serious or critical in either."""

    def check(page):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            results = axe.run(page)
            serious = [
                v
                for v in results.response["violations"]
                if v.get("impact") in {"serious", "critical"}
            ]
            details = "\n".join(
                f"{v['id']} ({v['impact']}): {v['help']} at "
                + ", ".join(str(node["target"]) for node in v["nodes"])
                for v in serious
            )
            assert not serious, f"axe found on {page.url} ({scheme} scheme):\n{details}"
        page.emulate_media(color_scheme="light")

    return check

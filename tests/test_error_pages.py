"""Error pages in the site's style, 503 while the database is down, and what newcomers meet.

500.html is rendered by Django with no context at all, and is also the page for a database
outage, so it is standalone: no template tags, nothing from the request, session or
database. A view that cannot reach the database answers 503 with it and `Retry-After`.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.template import loader
from django.test import Client
from django.urls import include, path

from assessments.management.commands.create_editor import Command as CreateEditor

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
FORM = "application/x-www-form-urlencoded"


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", broken_view), path("", include("legache.urls"))]


@pytest.fixture
def visitor():
    """A browser that gets the error page, as in production, rather than the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it does when the database server is unreachable."""
    from django.db import connection

    def refused(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 port 5432 failed")

    monkeypatch.setattr(connection, "cursor", refused)


def assert_branded_error_page(response):
    assert "Sorry, something went wrong on our side" in response.text
    assert 'href="/static/css/legache.css"' in response.text
    assert "Not medical advice" in response.text


@pytest.mark.urls(__name__)
def test_a_bug_gives_the_branded_500_page(visitor):
    response = visitor.get("/broken/")
    assert response.status_code == 500
    assert_branded_error_page(response)


def test_the_500_page_needs_no_context_request_or_database(django_assert_num_queries):
    source = (ROOT / "templates" / "500.html").read_text()
    assert "{%" not in source
    assert "{{" not in source
    with django_assert_num_queries(0):
        html = loader.render_to_string("500.html")
    assert "legache" in html


@pytest.mark.parametrize("url", ["/", "/causes/", "/assessment/"])
def test_while_the_database_is_down_pages_answer_503_with_the_branded_page(
    visitor, database_down, url
):
    response = visitor.get(url)
    assert response.status_code == 503
    assert_branded_error_page(response)
    assert int(response["Retry-After"]) > 0


def test_a_runner_mid_questionnaire_gets_the_503_page_too(visitor, monkeypatch):
    step_url = visitor.post("/assessment/new/", "", content_type=FORM)["Location"]
    from django.db import connection

    def gone(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(connection, "cursor", gone)
    response = visitor.get(step_url)
    assert response.status_code == 503
    assert_branded_error_page(response)


def test_with_debug_on_a_developer_still_sees_the_database_error(settings, visitor, database_down):
    settings.DEBUG = True
    response = visitor.get("/")
    assert response.status_code == 500
    assert "OperationalError" in response.text


# What a newcomer meets first: make run and make serve, the first accounts.

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_dry_run(*args):
    result = subprocess.run(
        ["make", "--dry-run", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@needs_make
def test_make_serve_shares_redis_between_its_workers():
    assert "REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}" in make_dry_run("serve")


@needs_make
def test_make_run_takes_a_port():
    assert "runserver 127.0.0.1:8000" in make_dry_run("run")
    assert "runserver 127.0.0.1:8001" in make_dry_run("run", "PORT=8001")


def test_create_editor_points_to_changepassword_not_a_missing_reset_page():
    help_text = CreateEditor().help
    assert "changepassword" in help_text
    assert "reset" not in help_text


def test_the_readme_says_how_to_create_the_first_admin_account():
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up")[1].split("\n## ")[0]
    assert "createsuperuser" in setup
    assert setup.index("createsuperuser") < setup.index("create_editor")
    assert "make run PORT=8001" in setup

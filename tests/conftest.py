import os

import pytest
from django.contrib.auth.models import Group
from hypothesis import settings as hypothesis_settings

from assessments.editors import EDITORS_GROUP
from tests.clients import BrowserClient
from tests.databases import MigratedSqlite, copy_sqlite

# Locally, Hypothesis explores new examples on every run; CI replays a fixed sequence, so a
# submission is judged on the same inputs each time (and new finds come from local runs).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def _test_database_copy(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "test-database.sqlite3"


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database. On SQLite it is also copied to a file at once, before
    any test writes to it: the fully migrated template of `migrated_databases`."""
    from django.db import connection

    if (
        connection.vendor == "sqlite"
        # Set up only when a collected test uses the database (else this is the dev file).
        and connection.settings_dict["NAME"] == connection.creation._get_test_db_name()
        and not request.config.getoption("nomigrations", False)
    ):
        with django_db_blocker.unblock():
            connection.ensure_connection()
            copy_sqlite(connection.connection, _test_database_copy(tmp_path_factory))


@pytest.fixture(scope="session")
def migrated_databases(request, tmp_path_factory):
    """Fresh migrated SQLite files for tests that run Django in another process, each target
    migrated once a session: `migrated_databases.copy(folder)` (see tests/databases.py)."""
    from django.db import connection

    databases = MigratedSqlite(tmp_path_factory.mktemp("migrated"))
    if connection.vendor == "sqlite":
        request.getfixturevalue("django_db_setup")
        if _test_database_copy(tmp_path_factory).exists():
            databases.adopt(_test_database_copy(tmp_path_factory))
    return databases


@pytest.fixture
def client():
    """Django's test client, posting forms as a browser does (see tests/clients.py)."""
    return BrowserClient()


@pytest.fixture
def runner(django_user_model):
    """A runner with an account (tests/test_runlog_factories.py makes their log)."""
    from tests.test_runlog_factories import make_user

    return make_user(django_user_model)


@pytest.fixture
def runner_client(client, runner):
    client.force_login(runner)
    return client


@pytest.fixture
def editor(django_user_model):
    """A content editor, set up the way `manage.py create_editor` does it."""
    user = django_user_model.objects.create_user("eddie", "eddie@example.com", "a-long-passphrase")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings, tmp_path):
    """Background tasks run inside the request in tests, and files land in a throwaway
    folder (the worker and the real storage are exercised by the bench and make run)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Sign-in tests fail many logins; the production hasher would spend a second on each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Tests roll the database back; the content cache must not outlive them."""
    from django.core.cache import cache

    from assessments.content import forget_local_snapshot

    cache.clear()
    forget_local_snapshot()
    yield
    cache.clear()
    forget_local_snapshot()

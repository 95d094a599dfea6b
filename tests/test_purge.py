"""`manage.py purge`: abandoned anonymous answers and expired sessions do not stay forever.

It deletes unfinished assessments that belong to no account and have not changed for
LEGACHE_UNFINISHED_RETENTION_DAYS days, and expired sessions. Finished results and
assessments with an owner stay. It is safe to run from cron: a second run deletes nothing.
"""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from assessments.models import Assessment

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def assessment(days_untouched: int, *, user=None, finished=False) -> Assessment:
    created = Assessment.objects.create(user=user)
    changes = {"updated_at": timezone.now() - timedelta(days=days_untouched)}
    if finished:
        changes.update(completed_at=timezone.now(), result={"causes": []})
    # update() rather than save(): updated_at is auto_now.
    Assessment.objects.filter(pk=created.pk).update(**changes)
    return created


def session(key: str, expires_in_days: int) -> Session:
    expire_date = timezone.now() + timedelta(days=expires_in_days)
    return Session.objects.create(session_key=key, session_data="", expire_date=expire_date)


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def remaining() -> set:
    return set(Assessment.objects.values_list("pk", flat=True))


@pytest.fixture
def runner(django_user_model):
    return django_user_model.objects.create_user("runner", password="a-long-passphrase")


def test_purges_only_old_unowned_unfinished_assessments(runner):
    abandoned = assessment(31)
    recent = assessment(29)
    finished = assessment(400, finished=True)
    owned = assessment(400, user=runner)
    owned_finished = assessment(400, user=runner, finished=True)

    output = purge()

    assert remaining() == {recent.pk, finished.pk, owned.pk, owned_finished.pk}
    assert abandoned.pk not in remaining()
    assert "Purged 1 unfinished assessments older than 30 days" in output


def test_purges_expired_sessions_and_keeps_live_ones():
    session("expired0000000000000000000000000", -1)
    session("live0000000000000000000000000000", 1)
    output = purge()
    assert list(Session.objects.values_list("session_key", flat=True)) == [
        "live0000000000000000000000000000"
    ]
    assert "and 1 expired sessions." in output


def test_a_second_run_finds_nothing_to_do():
    assessment(31)
    session("expired0000000000000000000000000", -1)
    purge()
    left = remaining()
    output = purge()
    assert remaining() == left
    assert output.strip() == (
        "Purged 0 unfinished assessments older than 30 days and 0 expired sessions."
    )


def test_the_retention_period_is_a_setting(settings):
    settings.LEGACHE_UNFINISHED_RETENTION_DAYS = 7
    kept, purged = assessment(6), assessment(8)
    assert "older than 7 days" in purge()
    assert remaining() == {kept.pk}
    assert purged.pk not in remaining()


def test_a_retention_of_zero_days_is_refused(settings):
    settings.LEGACHE_UNFINISHED_RETENTION_DAYS = 0
    assessment(1)
    with pytest.raises(CommandError, match="at least 1"):
        purge()
    assert Assessment.objects.count() == 1


def test_dry_run_counts_and_deletes_nothing():
    assessment(31)
    session("expired0000000000000000000000000", -1)
    output = purge("--dry-run")
    assert "Would purge 1 unfinished assessments" in output
    assert "1 expired sessions" in output
    assert Assessment.objects.count() == 1
    assert Session.objects.count() == 1


def test_the_readme_has_a_retention_section_with_the_cron_line():
    readme = (ROOT / "README.md").read_text()
    retention = readme.split("## Retention")[1].split("\n## ")[0]
    assert "LEGACHE_UNFINISHED_RETENTION_DAYS" in retention
    assert "manage.py purge" in retention
    assert "* * *" in retention  # a crontab line
    assert "docker run" in retention

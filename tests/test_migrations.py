"""Upgrading a live database: the v2 migrations add what the contract needs and keep what
editors wrote. Run against a throwaway SQLite file, as `migrate` would on a deployment."""

import os
import subprocess
import sys

import pytest

# Raw SQL: at 0007 today's models (history, new fields) do not match the tables yet.
EDIT_AT_0007 = """
import django
django.setup()
from django.db import connection
with connection.cursor() as sql:
    sql.execute("UPDATE assessments_choice SET triage_level = 'urgent', "
                "triage_message = 'Editor: be seen today.', label = 'Editor''s own label' "
                "WHERE slug = 'bone_tenderness'")
    sql.execute("UPDATE assessments_cause SET explanation = 'Editor''s own explanation.' "
                "WHERE slug = 'cold'")
    sql.execute("SELECT c.id FROM assessments_choice c JOIN assessments_question q "
                "ON q.id = c.question_id WHERE q.slug = 'sleep' AND c.slug = 'poor'")
    poor = sql.fetchone()[0]
    sql.execute("SELECT id FROM assessments_cause WHERE slug = 'genetics'")
    genetics = sql.fetchone()[0]
    sql.execute("DELETE FROM assessments_choiceweight WHERE choice_id = %s AND cause_id = %s",
                [poor, genetics])
    sql.execute("INSERT INTO assessments_choiceweight (choice_id, cause_id, points, reason) "
                "VALUES (%s, %s, 1, 'Editor''s weight.')", [poor, genetics])
    sql.execute("SELECT id FROM assessments_strategy WHERE slug = 'hydrate'")
    hydrate = sql.fetchone()[0]
    sql.execute("INSERT INTO assessments_strategytip (strategy_id, choice_id, text) "
                "VALUES (%s, %s, 'Editor''s tip.')", [hydrate, poor])
"""

CHECK_AFTER = """
import django
django.setup()
from assessments.models import Cause, Choice, ChoiceWeight, StrategyTip, Escalation
from assessments.safety import contract_problems, installed_lock_triggers
bone = Choice.objects.get(question__slug="red_flags", slug="bone_tenderness")
print("BONE", bone.triage_level, "|", bone.triage_message, "|", bone.label)
print("COLD", Cause.objects.get(slug="cold").explanation.splitlines()[0])
print("WEIGHT", ChoiceWeight.objects.filter(reason="Editor's weight.").count())
print("TIP", StrategyTip.objects.filter(text="Editor's tip.").count())
print("ESCALATIONS", Escalation.objects.count(), "TRIGGERS", len(installed_lock_triggers()))
print("PROBLEMS", contract_problems())
"""


def run(env, *args):
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    path = tmp_path_factory.mktemp("upgrade") / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}",
           "DJANGO_SETTINGS_MODULE": "legache.settings"}  # fmt: skip
    first = run(env, "manage.py", "migrate", "assessments", "0007", "-v0")
    assert first.returncode == 0, first.stderr
    edited = run(env, "-c", EDIT_AT_0007)
    assert edited.returncode == 0, edited.stderr
    rest = run(env, "manage.py", "migrate", "-v0")
    assert rest.returncode == 0, rest.stderr + rest.stdout
    after = run(env, "-c", CHECK_AFTER)
    assert after.returncode == 0, after.stderr
    return after.stdout


def test_editors_wording_weights_and_tips_survive_the_upgrade(upgraded):
    assert "BONE urgent | Editor: be seen today. | Editor's own label" in upgraded
    assert "COLD Editor's own explanation." in upgraded
    assert "WEIGHT 1" in upgraded
    assert "TIP 1" in upgraded


def test_the_upgrade_brings_the_v2_floor_and_the_lock(upgraded):
    assert "ESCALATIONS 5" in upgraded
    assert "TRIGGERS 0" not in upgraded
    assert "PROBLEMS []" in upgraded

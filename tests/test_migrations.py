"""Upgrading a live database: the v2 migrations add what the contract needs and keep what
editors wrote. Run against a throwaway SQLite file, as `migrate` would on a deployment."""

import os
import subprocess
import sys

import pytest

from tests.databases import sqlite_env

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
    assert "ESCALATIONS 10" in upgraded  # v2's 5, v3's 4 more, and "getting worse"
    assert "TRIGGERS 0" not in upgraded
    assert "PROBLEMS []" in upgraded


# Contract v3 on a database that holds v2: the v2 screens, no "not sure", no pain-pattern
# escalations, v2 wording (one text an editor has changed).
MAKE_IT_V2_AT_0013 = """
import django
django.setup()
from django.db import connection
from tests import v2_questionnaire as v2
with connection.cursor() as sql:
    for slug, step in v2.STEPS.items():
        sql.execute("UPDATE assessments_question SET step = %s WHERE slug = %s", [step, slug])
    sql.execute("DELETE FROM assessments_escalationcondition WHERE choice_id IN (SELECT c.id FROM "
                "assessments_choice c JOIN assessments_question q ON q.id = c.question_id "
                "WHERE c.slug = 'not_sure' OR q.slug = 'trend')")
    sql.execute("DELETE FROM assessments_escalationcondition WHERE escalation_id IN (SELECT id "
                "FROM assessments_escalation WHERE slug IN ('bone_health_bone_site', "
                "'bone_health_under_fuelled', 'not_easing'))")
    sql.execute("DELETE FROM assessments_escalation WHERE slug IN ('bone_health_bone_site', "
                "'bone_health_under_fuelled', 'not_easing')")
    sql.execute("DELETE FROM assessments_choiceweight WHERE choice_id IN (SELECT c.id FROM "
                "assessments_choice c JOIN assessments_question q ON q.id = c.question_id "
                "WHERE c.slug = 'not_sure' OR q.slug = 'trend')")
    sql.execute("DELETE FROM assessments_choice WHERE slug = 'not_sure' OR question_id IN "
                "(SELECT id FROM assessments_question WHERE slug = 'trend')")
    sql.execute("DELETE FROM assessments_question WHERE slug = 'trend'")
    sql.execute("UPDATE assessments_choice SET label = %s WHERE slug = 'breathless'",
                [v2.BREATHLESS])
    sql.execute("UPDATE assessments_choice SET label = 'Editor: hot and shivery' "
                "WHERE slug = 'fever'")
"""

CHECK_V3 = """
import django
django.setup()
from assessments.content import build_content
from assessments.models import Choice, ContentUpdateLeftAlone, Escalation, Question
from assessments.safety import contract_problems
from assessments.scoring import assess
steps = dict(Question.objects.values_list("slug", "step"))
print("STEPS", steps["red_flags"], steps["health_background"], steps["location"],
      steps["terrain"], steps["experience"], steps["warm_up"])
print("NOT_SURE", Choice.objects.filter(slug="not_sure").count(),
      "TREND", Question.objects.filter(slug="trend").exists())
print("PATTERN", sorted(Escalation.objects.filter(background__isnull=True)
                        .values_list("slug", flat=True)))
print("BREATHLESS", Choice.objects.get(slug="breathless").label)
print("FEVER", Choice.objects.get(question__slug="red_flags", slug="fever").label)
print("LEFT", list(ContentUpdateLeftAlone.objects.filter(migration="0015_contract_v3")
                   .values_list("slug", "field")))
result = assess({"red_flags": ["none"], "location": ["shins"], "sides": "one",
                 "onset": "later"}, build_content())
print("LEVEL", result.triage.level)
print("HISTORY", Escalation.objects.get(slug="building_one_side").history.count() > 0)
print("PROBLEMS", contract_problems())
"""


@pytest.fixture(scope="module")
def upgraded_to_v3(tmp_path_factory, migrated_databases):
    # A copy of the database as migrated to assessments 0013, shared with
    # tests/test_content_corrections.py (migrated once a session, tests/databases.py).
    env = sqlite_env(migrated_databases.copy(tmp_path_factory.mktemp("upgrade_v3"),
                                             "assessments", "0013"))  # fmt: skip
    made_v2 = run(env, "-c", MAKE_IT_V2_AT_0013)
    assert made_v2.returncode == 0, made_v2.stderr
    rest = run(env, "manage.py", "migrate", "-v0")
    assert rest.returncode == 0, rest.stderr + rest.stdout
    after = run(env, "-c", CHECK_V3)
    assert after.returncode == 0, after.stderr
    return after.stdout


def test_the_v3_upgrade_asks_about_the_pain_on_screen_3(upgraded_to_v3):
    assert "STEPS 1 2 3 4 5 7" in upgraded_to_v3
    assert "NOT_SURE 2 TREND True" in upgraded_to_v3


def test_the_v3_upgrade_adds_the_pain_pattern_escalations_and_keeps_the_floor(upgraded_to_v3):
    assert "PATTERN ['bone_site_lasting', 'building_one_side', 'not_easing']" in upgraded_to_v3
    assert "LEVEL soon" in upgraded_to_v3
    assert "HISTORY True" in upgraded_to_v3
    assert "PROBLEMS []" in upgraded_to_v3


def test_the_v3_upgrade_rewords_only_what_editors_left_as_shipped(upgraded_to_v3):
    assert "BREATHLESS Short of breath at rest, or chest pain" in upgraded_to_v3
    assert "FEVER Editor: hot and shivery" in upgraded_to_v3
    assert "('red_flags:fever', 'label')" in upgraded_to_v3

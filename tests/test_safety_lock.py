"""No editor, shell or migration can switch a warning sign off (contract v2's safety floor).

Each test tries one way it was switched off before, from the admin, the ORM (what the shell
and a data migration use), a bulk update or raw SQL, and finds it refused and the sign intact.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError
from django.urls import reverse

from assessments import safety
from assessments.content import build_content
from assessments.contract import ESCALATIONS, WARNING_SIGNS
from assessments.models import (
    Choice,
    Contraindication,
    Escalation,
    EscalationCondition,
    Question,
    Strategy,
)
from assessments.scoring import assess

pytestmark = pytest.mark.django_db


def sign(slug="breathless"):
    return Choice.objects.get(question__slug="red_flags", slug=slug)


def refused(action):
    """Refused by the lock's trigger, or earlier by a protecting foreign key."""
    with pytest.raises((IntegrityError, ProtectedError)) as caught, transaction.atomic():
        action()
    assert "safety lock" in str(caught.value) or isinstance(caught.value, ProtectedError)


def breathless_still_means_emergency():
    result = assess({"red_flags": ["breathless"]}, build_content())
    assert result.triage.level == "emergency"
    assert result.plan == "withheld"


def test_the_default_content_passes_the_contract_check():
    assert safety.contract_problems() == []
    call_command("check")  # raises SystemCheckError on any error


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(lambda: sign().delete(), id="delete one sign"),
        pytest.param(
            lambda: Choice.objects.filter(question__slug="red_flags").delete(), id="bulk delete"
        ),
        pytest.param(lambda: Question.objects.get(slug="red_flags").delete(), id="delete question"),
        pytest.param(
            lambda: Choice.objects.filter(slug="breathless").update(triage_level=""), id="blank"
        ),
        pytest.param(
            lambda: Choice.objects.filter(slug="breathless").update(triage_level="soon"),
            id="lower",
        ),
        pytest.param(
            lambda: Choice.objects.filter(slug="breathless").update(exclusive=True),
            id="make exclusive",
        ),
        pytest.param(
            lambda: Question.objects.filter(slug="red_flags").update(step=6), id="last screen"
        ),
        pytest.param(
            lambda: Question.objects.filter(slug="red_flags").update(kind="one"), id="pick one"
        ),
        pytest.param(
            lambda: Choice.objects.filter(slug="breathless").update(slug="gone"), id="rename"
        ),
        pytest.param(
            lambda: Choice.objects.filter(slug="breathless").update(
                question=Question.objects.get(slug="sleep")
            ),
            id="move to another question",
        ),
    ],
)
def test_the_shell_cannot_switch_a_warning_sign_off(action):
    refused(action)
    breathless_still_means_emergency()


@pytest.mark.parametrize(("slug", "least"), sorted(WARNING_SIGNS.items()))
def test_no_sign_can_go_below_its_least_level_even_in_raw_sql(slug, least):
    below = {"soon": "", "urgent": "soon", "emergency": "urgent"}[least]
    with connection.cursor() as cursor:
        refused(
            lambda: cursor.execute(
                "UPDATE assessments_choice SET triage_level = %s WHERE slug = %s", [below, slug]
            )
        )
    assert sign(slug).triage_level == least


def test_a_data_migration_cannot_delete_a_sign_either():
    executor = MigrationExecutor(connection)
    historical = executor.loader.project_state().apps.get_model("assessments", "Choice")
    refused(lambda: historical.objects.filter(slug="dark_urine").delete())
    assert sign("dark_urine").triage_level == "emergency"


def test_editors_may_reword_signs_and_raise_levels():
    bone = sign("bone_tenderness")
    bone.label = "A sore spot on a bone"
    bone.triage_level = "urgent"
    bone.full_clean()
    bone.save()
    result = assess({"red_flags": ["bone_tenderness"]}, build_content())
    assert result.triage.level == "urgent"
    assert result.triage.flags[0].label == "A sore spot on a bone"


def test_escalations_cannot_be_deleted_lowered_or_narrowed():
    clot = Escalation.objects.get(slug="clot_risk_calf")
    refused(lambda: clot.delete())
    refused(lambda: Escalation.objects.filter(pk=clot.pk).update(level="soon"))
    refused(lambda: clot.condition_rows.filter(choice__slug="calves").delete())
    refused(
        lambda: EscalationCondition.objects.create(
            escalation=clot, choice=Choice.objects.get(question__slug="experience", slug="new"),
            part=3,
        )
    )  # fmt: skip
    # Broader is fine: one more alternative in an existing part.
    EscalationCondition.objects.create(
        escalation=clot, choice=Choice.objects.get(question__slug="location", slug="shins"), part=1
    )
    assert safety.contract_problems() == []


def test_a_choice_a_contract_escalation_needs_cannot_be_deleted():
    refused(lambda: Choice.objects.get(question__slug="location", slug="calves").delete())
    assert Choice.objects.filter(question__slug="location", slug="calves").exists()


def test_contraindications_cannot_be_deleted_nor_their_strategy():
    rule = Contraindication.objects.get(background__slug="poor_circulation", tip__isnull=True)
    refused(lambda: rule.delete())
    refused(lambda: Strategy.objects.get(slug="compression").delete())
    refused(lambda: Strategy.objects.filter(slug="compression").update(slug="squeeze"))


def test_compression_can_never_be_marked_safe_beside_a_warning():
    with pytest.raises(IntegrityError), transaction.atomic():
        Strategy.objects.filter(slug="compression").update(safe_with_warning=True)


def test_the_check_fails_when_the_floor_is_broken_behind_the_locks_back():
    with connection.cursor() as cursor:
        for statement in safety.unlock_statements(connection.vendor):
            cursor.execute(statement)
    Choice.objects.filter(slug="breathless").update(triage_level="soon")
    Escalation.objects.filter(slug="quinolone_tendon").delete()
    problems = safety.contract_problems()
    assert any("breathless" in p and "emergency" in p for p in problems)
    assert any("quinolone_tendon" in p for p in problems)
    assert any("triggers are missing" in p for p in problems)
    with pytest.raises(SystemCheckError, match="legache.E001"):
        call_command("check")


def test_every_contract_escalation_is_in_the_default_content():
    assert set(ESCALATIONS) <= set(Escalation.objects.values_list("slug", flat=True))


# Through the admin, as an editor: a clear refusal, never a 500, and nothing changed.


def choice_form(choice, **changes):
    data = {
        "question": choice.question_id,
        "slug": choice.slug,
        "label": choice.label,
        "order": choice.order,
        "triage_level": choice.triage_level,
        "triage_message": choice.triage_message,
        **{f"{prefix}-{key}": value for prefix in ("weights", "tips")
           for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()},
    }  # fmt: skip
    if choice.exclusive:
        data["exclusive"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"triage_level": "soon"}, "must stay at level"),
        ({"triage_level": ""}, "must stay at level"),
        ({"exclusive": "on"}, "cannot be made exclusive"),
    ],
)
def test_the_admin_explains_what_it_refuses(editor_client, changes, message):
    breathless = sign()
    url = reverse("admin:assessments_choice_change", args=[breathless.pk])
    response = editor_client.post(url, choice_form(breathless, **changes))
    assert response.status_code == 200
    assert message in response.text
    breathless_still_means_emergency()


def test_the_admin_shows_a_warning_sign_as_protected_from_deletion(editor_client):
    url = reverse("admin:assessments_choice_delete", args=[sign().pk])
    page = editor_client.get(url)
    assert "safety floor" in page.text
    editor_client.post(url, {"post": "yes"})
    breathless_still_means_emergency()


def test_the_admin_will_not_delete_the_warning_question(editor_client):
    question = Question.objects.get(slug="red_flags")
    url = reverse("admin:assessments_question_delete", args=[question.pk])
    editor_client.post(url, {"post": "yes"})
    assert Question.objects.filter(slug="red_flags").exists()


def test_answers_an_escalation_needs_cannot_be_renamed_out_of_its_reach():
    refused(lambda: Choice.objects.filter(question__slug="location", slug="feet").update(slug="f"))
    refused(lambda: Question.objects.filter(slug="location").update(slug="where"))
    feet = Choice.objects.get(question__slug="location", slug="feet")
    condition = EscalationCondition.objects.get(escalation__slug="quinolone_tendon", choice=feet)
    refused(lambda: condition.delete())


def test_an_inline_refuses_to_delete_a_locked_condition(editor_client):
    clot = Escalation.objects.get(slug="clot_risk_calf")
    rows = list(clot.condition_rows.select_related("choice__question"))
    data = {
        "slug": clot.slug, "background": clot.background_id, "title": clot.title,
        "level": clot.level, "message": clot.message, "condition_rows-TOTAL_FORMS": len(rows),
        "condition_rows-INITIAL_FORMS": len(rows),
    }  # fmt: skip
    for n, row in enumerate(rows):
        fields = {"id": row.pk, "escalation": clot.pk, "choice": row.choice_id, "part": row.part}
        data |= {f"condition_rows-{n}-{name}": value for name, value in fields.items()}
    # v3 content widens the calf part (hamstrings too, beyond the floor): delete the locked one.
    [calves] = [
        n for n, row in enumerate(rows)
        if (row.choice.question.slug, row.choice.slug) == ("location", "calves")
    ]  # fmt: skip
    data[f"condition_rows-{calves}-DELETE"] = "on"
    url = reverse("admin:assessments_escalation_change", args=[clot.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "part of the safety floor" in response.text
    assert clot.condition_rows.count() == len(rows)


# Migrations: SQLite rebuilds a table to change a column; the lock must survive it, and a
# migration that lowers the floor must make `migrate` fail.

MIGRATE_LIKE = """
import django, sys
django.setup()
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection, models
from assessments.models import Choice, Question
from assessments import safety
emit_pre_migrate_signal(0, False, "default")
with connection.schema_editor() as editor:
    {change}
try:
    emit_post_migrate_signal(0, False, "default")
except Exception as error:
    print("REFUSED", error)
    sys.exit(3)
print("TRIGGERS", len(safety.installed_lock_triggers()), "PROBLEMS", safety.contract_problems())
"""


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory, migrated_databases):
    import subprocess
    import sys

    from tests.databases import sqlite_env

    env = sqlite_env(migrated_databases.copy(tmp_path_factory.mktemp("lock")))

    def run(change):
        script = MIGRATE_LIKE.format(change=change)
        return subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )

    return run


def test_a_sqlite_table_rebuild_keeps_the_lock(migrated_sqlite):
    change = (
        "old = Question._meta.get_field('help_text'); new = models.CharField(max_length=500, "
        "blank=True); new.set_attributes_from_name('help_text'); "
        "editor.alter_field(Question, old, new)"
    )
    result = migrated_sqlite(change)
    assert result.returncode == 0, result.stderr
    assert "PROBLEMS []" in result.stdout
    assert "TRIGGERS 0" not in result.stdout


def test_a_migration_that_lowers_a_sign_makes_migrate_fail(migrated_sqlite):
    change = "Choice.objects.filter(slug='breathless').update(triage_level='soon')"
    result = migrated_sqlite(change)
    assert result.returncode == 3
    assert "REFUSED" in result.stdout and "breathless" in result.stdout

"""The safety lock: no editor, shell or migration can switch a warning sign off.

Three layers, from the outside in:
- model validation (`locked_changes`), so the admin explains what it refuses;
- database triggers (`install_lock`), so the shell, a bulk update or a data migration that
  tries to delete, move, make exclusive or lower a contract sign, escalation or
  contraindication fails with an IntegrityError;
- a system check (`check_contract`), so `manage.py check`, `check --deploy` and CI fail if
  anything of the contract's floor is missing or lower anyway (say, a dropped trigger).

The floor itself is `contract.py`. Editors may reword everything, raise levels and add more.
"""

from dataclasses import dataclass

from django.core import checks
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from . import contract
from .contract import (
    CONTRAINDICATIONS,
    ESCALATIONS,
    NONE_CHOICE,
    SAFETY_QUESTION_STEPS,
    SAFETY_QUESTIONS,
    rank,
)
from .safety_rules import (  # noqa: F401 - the rules, re-exported for the lock's callers
    ESCALATION_ANSWERS,
    LOCK_MESSAGE,
    LOCKED_CHOICES,
    LOCKED_QUESTIONS,
    LOCKED_STRATEGIES,
    locked_choice_changes,
    locked_escalation_changes,
    locked_question_changes,
)


def is_locked(instance) -> bool:
    """Whether deleting this content row would lower the safety floor."""
    from . import models

    if isinstance(instance, models.Question):
        return instance.slug in LOCKED_QUESTIONS
    if isinstance(instance, models.Choice):
        return (instance.question.slug, instance.slug) in LOCKED_CHOICES
    if isinstance(instance, models.Escalation):
        return instance.slug in ESCALATIONS
    if isinstance(instance, models.EscalationCondition):
        return _condition_key(instance) in _CONTRACT_CONDITIONS
    if isinstance(instance, models.Contraindication):
        return instance.tip_id is None and (
            (instance.background.slug, instance.strategy.slug) in CONTRAINDICATIONS
            and instance.background.question.slug == contract.HEALTH_BACKGROUND_QUESTION
        )
    if isinstance(instance, models.Strategy):
        return any(s == instance.slug for _, s in CONTRAINDICATIONS)
    return False


def locked_among(objs) -> list:
    """Everything a delete of `objs` would cascade to that the lock protects."""
    from django.contrib.admin.utils import NestedObjects

    objs = list(objs)
    if not objs:
        return []
    # The admin's collector: it records protected rows instead of raising, so one look
    # finds every locked row however the cascade would have gone.
    collector = NestedObjects(using="default")
    collector.collect(objs)
    found = [obj for instances in collector.data.values() for obj in instances if is_locked(obj)]
    found += [obj for obj in collector.protected if is_locked(obj)]
    return found


def _condition_key(condition) -> str:
    choice = condition.choice
    return f"{condition.escalation.slug}|{choice.question.slug}:{choice.slug}"


_CONTRACT_CONDITIONS = {
    f"{slug}|{question}:{choice}"
    for slug, floor in ESCALATIONS.items()
    for group in floor["when"]
    for question, choice in group
}


# Database triggers. The SQL is generated from contract.py, for SQLite and PostgreSQL.


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _in(values) -> str:
    return "(" + ", ".join(_quote(v) for v in sorted(values)) + ")"


def _rank(expr: str) -> str:
    return (
        f"(CASE {expr} WHEN 'soon' THEN 1 WHEN 'urgent' THEN 2 WHEN 'emergency' THEN 3 ELSE 0 END)"
    )


def _safety_step(slug_expr: str) -> str:
    cases = " ".join(f"WHEN {_quote(k)} THEN {v}" for k, v in sorted(SAFETY_QUESTION_STEPS.items()))
    return f"(CASE {slug_expr} {cases} ELSE 1 END)"


def _distinct(new: str, old: str) -> str:
    """NULL-safe "differs" that SQLite and PostgreSQL both read (a pain-pattern escalation
    has no background: giving it one would narrow it)."""
    return f"({new} <> {old} OR ({new} IS NULL) <> ({old} IS NULL))"


def _least(key_expr: str, floors: dict[str, int]) -> str:
    cases = " ".join(f"WHEN {_quote(k)} THEN {v}" for k, v in sorted(floors.items()) if v)
    return f"(CASE {key_expr} {cases} ELSE 0 END)" if cases else "0"


@dataclass(frozen=True)
class _Rule:
    key: str  # SQL naming the OLD row, compared with `locked`
    locked: set[str]
    update_refused: str  # SQL condition on OLD and NEW, for locked rows
    insert_refused: str = ""  # SQL condition on NEW, for any new row
    delete_refused: bool = True


def _rules() -> dict[str, _Rule]:
    """What each content table refuses, keyed by table name."""
    choice_key = (
        "(SELECT q.slug FROM assessments_question q WHERE q.id = OLD.question_id)"
        " || ':' || OLD.slug"
    )
    choice_floors = {f"{q}:{c}": least for (q, c), least in LOCKED_CHOICES.items()}
    condition_key = (
        "(SELECT e.slug FROM assessments_escalation e WHERE e.id = {row}.escalation_id) || '|' ||"
        " (SELECT q.slug || ':' || c.slug FROM assessments_choice c"
        " JOIN assessments_question q ON q.id = c.question_id WHERE c.id = {row}.choice_id)"
    )
    groups = {slug: len(floor["when"]) for slug, floor in ESCALATIONS.items()}
    group_cases = " ".join(f"WHEN {_quote(s)} THEN {n}" for s, n in sorted(groups.items()))
    contraindication_key = (
        "(SELECT q.slug || ':' || c.slug FROM assessments_choice c"
        " JOIN assessments_question q ON q.id = c.question_id WHERE c.id = OLD.background_id)"
        " || '>' || (SELECT s.slug FROM assessments_strategy s WHERE s.id = OLD.strategy_id)"
        " || CASE WHEN OLD.tip_id IS NULL THEN '' ELSE '#step' END"
    )
    level_floors = {slug: rank(floor["level"]) for slug, floor in ESCALATIONS.items()}
    return {
        "assessments_question": _Rule(
            "OLD.slug",
            set(LOCKED_QUESTIONS),
            f"NEW.slug <> OLD.slug OR (OLD.slug IN {_in(SAFETY_QUESTIONS)}"
            f" AND (NEW.kind <> 'many' OR NEW.step <> {_safety_step('OLD.slug')}))",
        ),
        "assessments_choice": _Rule(
            choice_key,
            set(choice_floors),
            "NEW.slug <> OLD.slug OR NEW.question_id <> OLD.question_id"
            f" OR (NEW.exclusive = TRUE AND OLD.slug <> {_quote(NONE_CHOICE)})"
            f" OR {_rank('NEW.triage_level')} < {_least(choice_key, choice_floors)}",
        ),
        "assessments_escalation": _Rule(
            "OLD.slug",
            set(ESCALATIONS),
            "NEW.slug <> OLD.slug OR "
            + _distinct("NEW.background_id", "OLD.background_id")
            + f" OR {_rank('NEW.level')} < {_least('OLD.slug', level_floors)}",
        ),
        "assessments_escalationcondition": _Rule(
            condition_key.format(row="OLD"),
            _CONTRACT_CONDITIONS,
            "1 = 1",  # a contract condition row is never edited in place
            # A new part narrows a contract escalation (one more thing must match).
            "NEW.part > (CASE (SELECT e.slug FROM assessments_escalation e"  # noqa: S608 (constants)
            f" WHERE e.id = NEW.escalation_id) {group_cases} ELSE 1000000 END)",
        ),
        "assessments_contraindication": _Rule(
            contraindication_key,
            {f"{contract.HEALTH_BACKGROUND_QUESTION}:{bg}>{s}" for bg, s in CONTRAINDICATIONS},
            "NEW.background_id <> OLD.background_id OR NEW.strategy_id <> OLD.strategy_id"
            " OR NEW.tip_id IS NOT NULL",
        ),
        # Deleting a never-safe strategy lowers nothing; renaming one would slip it past the
        # rules that name it (a contraindicated one cannot be deleted: its rule cascades).
        "assessments_strategy": _Rule(
            "OLD.slug", set(LOCKED_STRATEGIES), "NEW.slug <> OLD.slug", delete_refused=False
        ),
    }


def _sqlite_statements() -> list[str]:
    raise_ = f"SELECT RAISE(ABORT, {_quote(LOCK_MESSAGE)});"
    statements = []
    for table, rule in _rules().items():
        name = f"legache_lock_{table}"
        locked = f"({rule.key}) IN {_in(rule.locked)}"
        if rule.delete_refused:
            statements.append(
                f"CREATE TRIGGER {name}_delete BEFORE DELETE ON {table} FOR EACH ROW "
                f"WHEN {locked} BEGIN {raise_} END"
            )
        statements.append(
            f"CREATE TRIGGER {name}_update BEFORE UPDATE ON {table} FOR EACH ROW "
            f"WHEN {locked} AND ({rule.update_refused}) BEGIN {raise_} END"
        )
        if rule.insert_refused:
            statements.append(
                f"CREATE TRIGGER {name}_insert BEFORE INSERT ON {table} FOR EACH ROW "
                f"WHEN {rule.insert_refused} BEGIN {raise_} END"
            )
    return statements


def _postgresql_statements() -> list[str]:
    raise_ = (
        f"RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', "
        f"MESSAGE = {_quote(LOCK_MESSAGE)};"
    )
    statements = []
    for table, rule in _rules().items():
        name = f"legache_lock_{table}"
        insert_part = (
            f"IF {rule.insert_refused} THEN {raise_} END IF;" if rule.insert_refused else ""
        )
        delete_part = f"IF TG_OP = 'DELETE' THEN {raise_} END IF;" if rule.delete_refused else ""
        # Nested IFs: plpgsql does not promise to short-circuit, and OLD is unset on INSERT.
        statements.append(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF TG_OP = 'INSERT' THEN {insert_part} RETURN NEW; END IF; "
            f"IF ({rule.key}) IN {_in(rule.locked)} THEN {delete_part} "
            f"IF TG_OP = 'UPDATE' THEN IF ({rule.update_refused}) THEN {raise_} END IF; "
            "END IF; END IF; "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"
        )
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        statements.append(
            f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}()"
        )
    return statements


def lock_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return _sqlite_statements()
    if vendor == "postgresql":
        return _postgresql_statements()
    return []


def unlock_statements(vendor: str) -> list[str]:
    statements = []
    for table in _rules():
        name = f"legache_lock_{table}"
        if vendor == "sqlite":
            statements += [f"DROP TRIGGER IF EXISTS {name}_{op}" for op in ("delete", "update")]
            statements.append(f"DROP TRIGGER IF EXISTS {name}_insert")
        elif vendor == "postgresql":
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            statements.append(f"DROP FUNCTION IF EXISTS {name}()")
    return statements


def _execute(using: str, statements: list[str]) -> None:
    from django.db import connections

    with connections[using].cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_lock(using: str = "default") -> None:
    from django.db import connections

    vendor = connections[using].vendor
    _execute(using, unlock_statements(vendor) + lock_statements(vendor))


def remove_lock(using: str = "default") -> None:
    from django.db import connections

    _execute(using, unlock_statements(connections[using].vendor))


def lift_lock_for_sqlite_table_rebuilds(using="default", **kwargs) -> None:
    """pre_migrate: SQLite changes a column by rebuilding its table, which the lock's
    triggers (they name other tables) would break. PostgreSQL keeps the lock throughout."""
    from django.db import connections

    if connections[using].vendor == "sqlite":
        remove_lock(using)


def lock_after_migrate(using="default", **kwargs) -> None:
    """post_migrate: put the lock (back) on, and fail `migrate` if a migration lowered the
    floor, naming what is wrong. A flushed, empty database has no content to check yet."""
    from django.core.management.base import CommandError

    from . import models

    if _migrations_pending():
        return  # a partial migrate (to an earlier migration): the tables may not exist yet
    install_lock(using)
    if not models.Question.objects.using(using).exists():
        return
    if problems := contract_problems():
        raise CommandError(
            "The assessment contract's safety floor is broken: " + "; ".join(problems) + "."
        )


def installed_lock_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        elif connection.vendor == "postgresql":
            # A disabled trigger (ALTER TABLE ... DISABLE TRIGGER) counts as missing.
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
            )
        else:
            return set()
        return {row[0] for row in cursor.fetchall() if row[0].startswith("legache_lock_")}


def expected_lock_triggers() -> set[str]:
    if connection.vendor == "sqlite":
        return {statement.split()[2] for statement in _sqlite_statements()}
    if connection.vendor == "postgresql":
        return {f"legache_lock_{table}" for table in _rules()}
    return set()


# The system check.


def _migrations_pending() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def contract_problems() -> list[str]:
    """Everything in the database below the contract's safety floor, in words."""
    from . import models

    problems = []
    questions = {q.slug: q for q in models.Question.objects.filter(slug__in=SAFETY_QUESTIONS)}
    for slug in SAFETY_QUESTIONS:
        question = questions.get(slug)
        if question is None:
            problems.append(f"question {slug!r} is missing")
        else:
            problems += [f"question {slug!r}: {p}" for p in locked_question_changes(slug, question)]
    choices = {
        (c.question.slug, c.slug): c
        for c in models.Choice.objects.select_related("question").filter(
            question__slug__in=LOCKED_QUESTIONS
        )
    }
    for (question_slug, slug), least in LOCKED_CHOICES.items():
        choice = choices.get((question_slug, slug))
        if choice is None:
            problems.append(f"answer {question_slug}:{slug} is missing")
            continue
        for problem in locked_choice_changes(question_slug, slug, choice):
            problems.append(f"answer {question_slug}:{slug}: {problem}")
        if least and not choice.triage_message.strip():
            problems.append(f"warning sign {slug!r} has no message")
    escalations = {
        e.slug: e
        for e in models.Escalation.objects.select_related("background__question").prefetch_related(
            "condition_rows__choice__question"
        )
    }
    for slug, floor in ESCALATIONS.items():
        escalation = escalations.get(slug)
        if escalation is None:
            problems.append(f"escalation {slug!r} is missing")
            continue
        background = (
            (escalation.background.question.slug, escalation.background.slug)
            if escalation.background_id
            else None
        )
        wanted_background = floor["background"] and (
            contract.HEALTH_BACKGROUND_QUESTION,
            floor["background"],
        )
        if background != (wanted_background or None):
            problems.append(
                f"escalation {slug!r} is not for {floor['background']!r}"
                if floor["background"]
                else f"escalation {slug!r} must need no health background"
            )
        if rank(escalation.level) < rank(floor["level"]):
            problems.append(f"escalation {slug!r} is below {floor['level']!r}")
        if not escalation.message.strip():
            problems.append(f"escalation {slug!r} has no message")
        rows = list(escalation.condition_rows.all())
        groups: dict[int, set] = {}
        for row in rows:
            groups.setdefault(row.part, set()).add((row.choice.question.slug, row.choice.slug))
        wanted = [set(group) for group in floor["when"]]
        if len(groups) != len(wanted) or not all(
            any(group >= want for group in groups.values()) for want in wanted
        ):
            problems.append(f"escalation {slug!r} no longer needs only {floor['when']}")
    rules = {
        (c.background.question.slug, c.background.slug, c.strategy.slug)
        for c in models.Contraindication.objects.filter(tip__isnull=True).select_related(
            "background__question", "strategy"
        )
    }
    for background, strategy in CONTRAINDICATIONS:
        if (contract.HEALTH_BACKGROUND_QUESTION, background, strategy) not in rules:
            problems.append(f"contraindication {background!r} -> {strategy!r} is missing")
    raised = {
        (w.choice.slug, w.cause.slug)
        for w in models.ChoiceWeight.objects.filter(
            choice__question__slug=contract.HEALTH_BACKGROUND_QUESTION, points__gt=0
        ).select_related("choice", "cause")
    }
    for background, cause in contract.RAISES:
        if (background, cause) not in raised:
            problems.append(f"health background {background!r} no longer raises {cause!r}")
    strategies = set(
        models.Strategy.objects.filter(slug__in=LOCKED_STRATEGIES).values_list("slug", flat=True)
    )
    problems += [
        f"strategy {slug!r} is missing" for slug in LOCKED_STRATEGIES if slug not in strategies
    ]
    missing = expected_lock_triggers() - installed_lock_triggers()
    if missing:
        problems.append(f"safety lock triggers are missing: {', '.join(sorted(missing))}")
    return problems


@checks.register(checks.Tags.models)
def check_contract(app_configs=None, **kwargs):
    """Every warning sign of the contract is present, at or above its least level.

    Registered with the model checks, not the database ones, so that a plain `manage.py
    check` (and `check --deploy`, CI) runs it.
    """
    try:
        if _migrations_pending():
            # Not yet: `migrate` runs this before migrating, then checks the floor itself
            # once it has run (lock_after_migrate), and fails if a migration lowered it.
            return []
        problems = contract_problems()
    except DatabaseError as error:
        return [
            checks.Info(
                f"The safety floor was not checked: the database did not answer ({error}).",
                id="legache.I003",
            )
        ]
    return [
        checks.Error(
            f"Safety floor broken: {problem}.",
            hint="See ../shared/assessment-contract.md; the default content and migration "
            "0009 restore it.",
            id="legache.E001",
        )
        for problem in problems
    ]

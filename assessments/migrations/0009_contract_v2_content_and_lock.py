"""Contract v2: the default content's new warning signs, health background, escalations,
contraindications, safe-beside-a-warning marks and screen headings.

`load` is also what the browser tests call to put the default content back after a flush.
"""

from django.db import migrations

RANK = {"": 0, "soon": 1, "urgent": 2, "emergency": 3}


def load(apps, schema_editor):
    """Bring a database to contract v2 without overwriting what editors wrote.

    On a fresh database 0002 and 0005 have loaded the current defaults already; this fills
    in the fields and tables v2 adds. On an existing one it adds only what is missing, and
    raises (never lowers) a warning sign to its default level, with the default message
    that goes with that level. Editors' wording, weights and tips stay as they are.
    """
    from assessments import default_content, default_questionnaire

    Cause = apps.get_model("assessments", "Cause")
    Strategy = apps.get_model("assessments", "Strategy")
    StrategyForCause = apps.get_model("assessments", "StrategyForCause")
    Question = apps.get_model("assessments", "Question")
    Choice = apps.get_model("assessments", "Choice")
    ChoiceWeight = apps.get_model("assessments", "ChoiceWeight")
    StrategyTip = apps.get_model("assessments", "StrategyTip")
    Screen = apps.get_model("assessments", "Screen")
    Escalation = apps.get_model("assessments", "Escalation")
    EscalationCondition = apps.get_model("assessments", "EscalationCondition")
    Contraindication = apps.get_model("assessments", "Contraindication")

    def page_fields(item, order):
        return {
            "summary": item["summary"],
            "explanation": item["explanation"].strip(),
            "evidence_grade": item["evidence_grade"],
            "references": "\n".join(item["references"]),
            "order": order,
        }

    causes = {}
    for order, item in enumerate(default_content.CAUSES, start=1):
        cause, created = Cause.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], **page_fields(item, order * 10)}
        )
        if not cause.first_step:  # new in v2: nothing of an editor's to keep
            cause.first_step = item.get("first_step", "")
        cause.secondary = cause.secondary or item.get("secondary", False)
        cause.save()
        causes[item["slug"]] = cause
    strategies = {}
    for order, item in enumerate(default_content.STRATEGIES, start=1):
        strategy, _ = Strategy.objects.get_or_create(
            slug=item["slug"], defaults={"title": item["title"], **page_fields(item, order * 10)}
        )
        strategy.safe_with_warning = item.get("safe_with_warning", False)  # new in v2
        strategy.save()
        strategies[item["slug"]] = strategy
    for cause_slug, strategy_slug, why in default_content.STRATEGY_FOR_CAUSE:
        StrategyForCause.objects.get_or_create(
            cause=causes[cause_slug], strategy=strategies[strategy_slug], defaults={"why": why}
        )

    choices = {}
    for q_order, item in enumerate(default_questionnaire.QUESTIONS, start=1):
        question, _ = Question.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "text": item["text"],
                "help_text": item.get("help_text", ""),
                "kind": item["kind"],
                "step": item["step"],
                "order": q_order * 10,
            },
        )
        for c_order, spec in enumerate(item["choices"], start=1):
            level = spec.get("triage_level", "")
            choice, created = Choice.objects.get_or_create(
                question=question,
                slug=spec["slug"],
                defaults={
                    "label": spec["label"],
                    "order": c_order * 10,
                    "exclusive": spec.get("exclusive", False),
                    "triage_level": level,
                    "triage_message": spec.get("triage_message", ""),
                },
            )
            if not created and RANK[choice.triage_level] < RANK[level]:
                choice.triage_level = level
                choice.triage_message = spec["triage_message"]
                choice.exclusive = False
                choice.save()
            choices[(question.slug, choice.slug)] = choice
            if created:
                for cause_slug, (points, reason) in spec.get("weights", {}).items():
                    ChoiceWeight.objects.get_or_create(
                        choice=choice,
                        cause=causes[cause_slug],
                        defaults={"points": points, "reason": reason},
                    )

    for item in default_content.CAUSES:
        cause = causes[item["slug"]]
        if not cause.only_with.exists():  # new in v2
            cause.only_with.set([choices[answer] for answer in item.get("only_with", [])])

    tips = {}
    for strategy_slug, question_slug, choice_slug, text, *rest in default_questionnaire.TIPS:
        tip, _ = StrategyTip.objects.get_or_create(
            strategy=strategies[strategy_slug],
            choice=choices[(question_slug, choice_slug)],
            defaults={"text": text},
        )
        tip.safe_with_warning = bool(rest and rest[0])  # new in v2
        tip.save()
        tips[(strategy_slug, question_slug, choice_slug)] = tip

    for step, title in getattr(default_questionnaire, "SCREENS", {}).items():
        Screen.objects.get_or_create(step=step, defaults={"title": title})

    for item in getattr(default_questionnaire, "ESCALATIONS", []):
        if not item.get("background"):
            continue  # v3's pain-pattern escalations need 0015's nullable background
        escalation, _ = Escalation.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "background": choices[("health_background", item["background"])],
                "level": item["level"],
                "message": item["message"],
            },
        )
        for part, group in enumerate(item["when"], start=1):
            for answer in group:
                EscalationCondition.objects.get_or_create(
                    escalation=escalation, choice=choices[tuple(answer)], defaults={"part": part}
                )

    for background, strategy_slug, tip_key in getattr(
        default_questionnaire, "CONTRAINDICATIONS", []
    ):
        Contraindication.objects.get_or_create(
            background=choices[("health_background", background)],
            strategy=strategies[strategy_slug],
            tip=tips[(strategy_slug, *tip_key)] if tip_key else None,
        )


def grant_editors(apps, schema_editor):
    from assessments.editors import grant_editor_permissions

    grant_editor_permissions(
        apps, ["screen", "escalation", "escalationcondition", "contraindication"]
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0008_safety_floor")]
    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
        # The safety lock itself goes on after every migrate (safety.lock_after_migrate).
    ]

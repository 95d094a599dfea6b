"""Contract v2: the default content's new warning signs, health background, escalations,
contraindications, safe-beside-a-warning marks and screen headings; then the safety lock.

`load` is also what the browser tests call to put the default content back after a flush.
"""

from django.db import migrations


def load(apps, schema_editor):
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
        causes[item["slug"]], _ = Cause.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "first_step": item.get("first_step", ""),
                "secondary": item.get("secondary", False),
                **page_fields(item, order * 10),
            },
        )
    strategies = {}
    for order, item in enumerate(default_content.STRATEGIES, start=1):
        strategies[item["slug"]], _ = Strategy.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "safe_with_warning": item.get("safe_with_warning", False),
                **page_fields(item, order * 10),
            },
        )
    links = set()
    for cause_slug, strategy_slug, why in default_content.STRATEGY_FOR_CAUSE:
        links.add((cause_slug, strategy_slug))
        StrategyForCause.objects.update_or_create(
            cause=causes[cause_slug], strategy=strategies[strategy_slug], defaults={"why": why}
        )
    for link in StrategyForCause.objects.filter(
        cause__in=causes.values(), strategy__in=strategies.values()
    ).select_related("cause", "strategy"):
        if (link.cause.slug, link.strategy.slug) not in links:
            link.delete()

    choices = {}
    for q_order, item in enumerate(default_questionnaire.QUESTIONS, start=1):
        question, _ = Question.objects.update_or_create(
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
            choice, _ = Choice.objects.update_or_create(
                question=question,
                slug=spec["slug"],
                defaults={
                    "label": spec["label"],
                    "order": c_order * 10,
                    "exclusive": spec.get("exclusive", False),
                    "triage_level": spec.get("triage_level", ""),
                    "triage_message": spec.get("triage_message", ""),
                },
            )
            choices[(question.slug, choice.slug)] = choice
            weights = spec.get("weights", {})
            # The defaults' weights replace the old ones: v2 removed weights that did not
            # bear on their cause (a warning sign feeding a cause score, for one).
            ChoiceWeight.objects.filter(choice=choice).exclude(
                cause__slug__in=list(weights)
            ).delete()
            for cause_slug, (points, reason) in weights.items():
                ChoiceWeight.objects.update_or_create(
                    choice=choice,
                    cause=causes[cause_slug],
                    defaults={"points": points, "reason": reason},
                )

    for item in default_content.CAUSES:
        causes[item["slug"]].only_with.set(
            [choices[answer] for answer in item.get("only_with", [])]
        )

    tips = {}
    for strategy_slug, question_slug, choice_slug, text, *rest in default_questionnaire.TIPS:
        tip, _ = StrategyTip.objects.update_or_create(
            strategy=strategies[strategy_slug],
            choice=choices[(question_slug, choice_slug)],
            defaults={"text": text, "safe_with_warning": bool(rest and rest[0])},
        )
        tips[(strategy_slug, question_slug, choice_slug)] = tip
    for tip in StrategyTip.objects.filter(
        strategy__in=strategies.values(), choice__in=choices.values()
    ).select_related("strategy", "choice__question"):
        if (tip.strategy.slug, tip.choice.question.slug, tip.choice.slug) not in tips:
            tip.delete()

    for step, title in getattr(default_questionnaire, "SCREENS", {}).items():
        Screen.objects.update_or_create(step=step, defaults={"title": title})

    for item in getattr(default_questionnaire, "ESCALATIONS", []):
        escalation, _ = Escalation.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "background": choices[("health_background", item["background"])],
                "level": item["level"],
                "message": item["message"],
            },
        )
        for part, group in enumerate(item["when"], start=1):
            for answer in group:
                EscalationCondition.objects.update_or_create(
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


def install_lock(apps, schema_editor):
    from assessments.safety import install_lock

    install_lock(schema_editor)


def remove_lock(apps, schema_editor):
    from assessments.safety import remove_lock

    remove_lock(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0008_safety_floor")]
    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
        migrations.RunPython(install_lock, remove_lock),
    ]

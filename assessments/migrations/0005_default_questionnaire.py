from django.db import migrations


def load(apps, schema_editor):
    from assessments.default_questionnaire import QUESTIONS, TIPS

    Question = apps.get_model("assessments", "Question")
    Choice = apps.get_model("assessments", "Choice")
    ChoiceWeight = apps.get_model("assessments", "ChoiceWeight")
    StrategyTip = apps.get_model("assessments", "StrategyTip")
    Cause = apps.get_model("assessments", "Cause")
    Strategy = apps.get_model("assessments", "Strategy")

    causes = {cause.slug: cause for cause in Cause.objects.all()}
    strategies = {strategy.slug: strategy for strategy in Strategy.objects.all()}
    choices = {}
    for q_order, item in enumerate(QUESTIONS, start=1):
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
            for cause_slug, (points, reason) in spec.get("weights", {}).items():
                ChoiceWeight.objects.update_or_create(
                    choice=choice,
                    cause=causes[cause_slug],
                    defaults={"points": points, "reason": reason},
                )
    for strategy_slug, question_slug, choice_slug, text, *_ in TIPS:
        StrategyTip.objects.update_or_create(
            strategy=strategies[strategy_slug],
            choice=choices[(question_slug, choice_slug)],
            defaults={"text": text},
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_questionnaire")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

from django.db import migrations


def load(apps, schema_editor):
    from assessments.default_content import CAUSES, STRATEGIES, STRATEGY_FOR_CAUSE

    Cause = apps.get_model("assessments", "Cause")
    Strategy = apps.get_model("assessments", "Strategy")
    StrategyForCause = apps.get_model("assessments", "StrategyForCause")

    def fields(item, order):
        return {
            "summary": item["summary"],
            "explanation": item["explanation"].strip(),
            "evidence_grade": item["evidence_grade"],
            "references": "\n".join(item["references"]),
            "order": order,
            "published": True,
        }

    causes = {}
    for order, item in enumerate(CAUSES, start=1):
        causes[item["slug"]], _ = Cause.objects.update_or_create(
            slug=item["slug"], defaults={"name": item["name"], **fields(item, order * 10)}
        )
    strategies = {}
    for order, item in enumerate(STRATEGIES, start=1):
        strategies[item["slug"]], _ = Strategy.objects.update_or_create(
            slug=item["slug"], defaults={"title": item["title"], **fields(item, order * 10)}
        )
    for cause_slug, strategy_slug, why in STRATEGY_FOR_CAUSE:
        StrategyForCause.objects.update_or_create(
            cause=causes[cause_slug], strategy=strategies[strategy_slug], defaults={"why": why}
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_content")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

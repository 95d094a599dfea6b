"""Contract v3: escalations from the pattern of the pain alone (no health background), wider
quinolone and bone-health escalations, "not sure" answers that fail safe, a question on
whether the pain is easing, and the pain asked straight after the warning signs and the
health background (seven screens).

Like 0009 it never overwrites what editors wrote: a text is updated only while it is still
the v2 original (`V2_TEXTS`); one an editor changed is left alone and listed in the admin
("Texts the update left alone"). Levels are only ever raised.
"""

from django.db import migrations, models
from django.db.models import F
from django.db.models.deletion import DO_NOTHING, PROTECT
from django.utils import timezone

V2_SCREENS = {
    1: "Warning signs and your health",
    2: "Your training in the week before",
    3: "The run that made you sore",
    4: "Drinks, cramps and food",
    5: "Warm-up, form and recovery",
    6: "Where and how it hurts",
}

RANK = {"": 0, "soon": 1, "urgent": 2, "emergency": 3}

# What v2 shipped, for the texts v3 rewrites: (kind, question or escalation slug, choice slug,
# field) -> text.
V2_TEXTS = {
    ("choice", "duration_days", "over_7", "triage_message"): "Soreness from a run normally fades "
    "within about 5–7 days, so pain "
    "lasting longer needs checking. Stop "
    "running and book a GP or "
    "physiotherapist within the next few "
    "days.",
    ("choice", "pain_quality", "sharp", "triage_message"): "Sharp or pinpoint pain is not "
    "ordinary soreness and can be a bone "
    "stress injury or a muscle strain. "
    "Stop running and book a GP or "
    "physiotherapist within the next few "
    "days.",
    ("choice", "red_flags", "bone_tenderness", "triage_message"): "Pain on one spot of a bone can "
    "be a bone stress injury (a "
    "stress reaction or stress "
    "fracture). Stop running now "
    "and book a GP or "
    "physiotherapist within the "
    "next few days; until then keep "
    "to activities that don't hurt "
    "at all. If you can no longer "
    "put weight on the leg, be seen "
    "today.",
    ("choice", "red_flags", "breathless", "label"): "Short of breath at rest, or breathing that "
    "won't settle, or chest pain",
    ("choice", "red_flags", "calf_swelling_one_side", "label"): "One calf swollen, warm, red or "
    "darker than the other, with pain",
    ("choice", "red_flags", "cold_pale_foot", "label"): "A foot that is cold, pale or blue and "
    "stays that way after warming up",
    ("choice", "red_flags", "collapse_or_confusion", "triage_message"): "Collapse, confusion, "
    "vomiting or a severe "
    "headache after running "
    "can mean heat illness, "
    "dangerously low blood "
    "sodium from drinking too "
    "much, or a heart "
    "problem. Call emergency "
    "services now. Don't "
    "drink large amounts of "
    "water or sports drink "
    "while you wait: with low "
    "sodium, more fluid makes "
    "it worse. If you feel "
    "very hot, get into the "
    "shade and cool your skin "
    "with water.",
    ("choice", "red_flags", "dark_urine_mild", "label"): "Brown or cola-coloured urine, with no "
    "more than ordinary soreness (dark "
    "yellow doesn't count)",
    ("choice", "red_flags", "deformed_limb", "label"): "A leg or ankle that looks out of shape "
    "after a fall or twist",
    ("choice", "red_flags", "fainted_during_run", "label"): "Fainted during the run, and have "
    "come round since",
    ("choice", "red_flags", "fainted_during_run", "triage_message"): "Fainting while running, "
    "rather than just after "
    "stopping, can be a sign of "
    "a heart rhythm or heart "
    "muscle problem. Be seen "
    "today by a GP, urgent care "
    "or a telephone health line, "
    "and don't run or train "
    "until your heart has been "
    "checked. If you have chest "
    "pain, a racing or irregular "
    "heartbeat, or faint again, "
    "call emergency services "
    "now.",
    ("choice", "red_flags", "fever", "label"): "A temperature of 38 °C or more, or feeling hot "
    "and shivery",
    ("choice", "red_flags", "groin_pain", "label"): "Deep pain in the groin or hip when you run "
    "or hop",
    ("choice", "red_flags", "hot_red_joint", "label"): "A joint that is hot, red or swollen, and "
    "you feel feverish",
    ("choice", "red_flags", "night_pain", "label"): "Pain when resting, or pain that wakes you at "
    "night",
    ("choice", "red_flags", "night_pain", "triage_message"): "Pain at rest or at night is not "
    "ordinary post-run soreness. It can "
    "come from a bone stress injury or, "
    "less often, from something "
    "unrelated to running. Stop running "
    "and book a GP or physiotherapist "
    "within the next few days. If you "
    "also have a fever, feel unwell or "
    "are losing weight without trying, "
    "be seen today.",
    ("choice", "red_flags", "numbness", "label"): "Numbness, tingling or weakness in a leg or "
    "foot that stays after rest",
    ("choice", "red_flags", "saddle_numbness", "label"): "Back pain with numbness around your "
    "bottom or genitals, a change in bladder "
    "or bowel control, or both legs weak",
    ("choice", "red_flags", "spreading_redness", "label"): "A wound or blister with hot redness "
    "that is spreading",
    ("choice", "red_flags", "spreading_redness", "triage_message"): "Hot redness spreading from a "
    "wound or blister can mean a "
    "skin infection (cellulitis) "
    "that needs antibiotics. Be "
    "seen today by a GP, urgent "
    "care or a telephone health "
    "line; a pen line around the "
    "edge of the redness shows "
    "whether it is spreading. If "
    "you feel very unwell, "
    "confused or shivery, call "
    "emergency services now.",
    ("choice", "red_flags", "tendon_pop", "label"): "A pop or snap at the back of the leg or "
    "heel, or can't stand on tiptoe",
    ("escalation", "bone_health_red_s", "", "message"): "Bone pain after a stress fracture, or "
    "with missed or irregular periods, can be "
    "a bone stress injury linked to "
    "under-fuelling: not eating enough for "
    "your training (RED-S, relative energy "
    "deficiency in sport). Stop running and "
    "book a GP or sports doctor within the "
    "next few days, and ask about bone health "
    "and energy intake.",
    ("escalation", "quinolone_tendon", "", "message"): "Quinolone antibiotics (such as "
    "ciprofloxacin or levofloxacin) can damage "
    "tendons, and calf, heel or foot pain can "
    "be the first sign, with a risk of the "
    "Achilles tearing. Contact the prescriber "
    "or your GP today about the antibiotic, "
    "don't run, and rest the leg.",
    ("question", "sides", "", "help_text"): "",
    ("question", "sides", "", "text"): "Is it in both legs or one?",
    ("tip", "rest_recovery", "duration_days:3_7", "text"): "Keep runs short and easy, or rest, "
    "until the soreness has nearly gone; "
    "it usually fades within about 5–7 "
    "days.",
    ("tip", "rest_recovery", "duration_days:over_7", "text"): "Pain lasting over a week needs "
    "checking before more running. "
    "Until then, pain-free "
    "cross-training such as cycling or "
    "swimming keeps your fitness.",
    ("weight", "duration_days", "over_7", "overuse"): "Your pain has lasted over a week, longer "
    "than normal soreness, which points to an "
    "overload injury.",
}


def _same(stored, shipped) -> bool:
    def norm(text):
        return (text or "").replace("\r\n", "\n").strip()

    return norm(stored) == norm(shipped)


def load(apps, schema_editor):
    from assessments import default_questionnaire
    from assessments.safety import remove_lock

    # PostgreSQL keeps the v2 lock on during migrations, and v2 pins the health background to
    # screen 1; the v3 lock goes on after this migrate (safety.lock_after_migrate).
    remove_lock(schema_editor.connection.alias if schema_editor else "default")

    Question = apps.get_model("assessments", "Question")
    Choice = apps.get_model("assessments", "Choice")
    ChoiceWeight = apps.get_model("assessments", "ChoiceWeight")
    Cause = apps.get_model("assessments", "Cause")
    Screen = apps.get_model("assessments", "Screen")
    Escalation = apps.get_model("assessments", "Escalation")
    EscalationCondition = apps.get_model("assessments", "EscalationCondition")
    LeftAlone = apps.get_model("assessments", "ContentUpdateLeftAlone")

    touched = {}  # (model name, pk) -> row: each gets a history entry at the end

    def update_text(obj, field, key, new, what):
        stored = getattr(obj, field)
        if _same(stored, new):
            return
        if key in V2_TEXTS and _same(stored, V2_TEXTS[key]):
            setattr(obj, field, new)
            obj.save(update_fields=[field])
            touched[(type(obj).__name__, obj.pk)] = obj
        elif key in V2_TEXTS:
            LeftAlone.objects.get_or_create(
                migration="0015_contract_v3",
                model=key[0],
                slug=":".join(part for part in key[1 : 4 if key[0] == "weight" else 3] if part),
                field=field,
                defaults={"what": what, "new_text": new},
            )

    causes = {cause.slug: cause for cause in Cause.objects.all()}
    choices = {}
    for q_order, item in enumerate(default_questionnaire.QUESTIONS, start=1):
        question, created = Question.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "text": item["text"],
                "help_text": item.get("help_text", ""),
                "kind": item["kind"],
                "step": item["step"],
                "order": q_order * 10,
            },
        )
        if not created:
            # v3 asks about the pain before the training: the screens move for everyone.
            if (question.step, question.order) != (item["step"], q_order * 10):
                question.step = item["step"]
                question.order = q_order * 10
                question.save(update_fields=["step", "order"])
                touched[("Question", question.pk)] = question
            for field in ("text", "help_text"):
                update_text(
                    question,
                    field,
                    ("question", item["slug"], "", field),
                    item.get(field, ""),
                    f"Question “{item['slug']}”: {field.replace('_', ' ')}",
                )
        for c_order, spec in enumerate(item["choices"], start=1):
            level = spec.get("triage_level", "")
            choice, made = Choice.objects.get_or_create(
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
            choices[(question.slug, choice.slug)] = choice
            if made:
                for cause_slug, (points, reason) in spec.get("weights", {}).items():
                    if cause_slug in causes:
                        ChoiceWeight.objects.get_or_create(
                            choice=choice,
                            cause=causes[cause_slug],
                            defaults={"points": points, "reason": reason},
                        )
                continue
            if RANK[choice.triage_level] < RANK[level]:
                choice.triage_level = level
                choice.triage_message = spec["triage_message"]
                choice.save(update_fields=["triage_level", "triage_message"])
                touched[("Choice", choice.pk)] = choice
            for field in ("label", "triage_message"):
                update_text(
                    choice,
                    field,
                    ("choice", item["slug"], spec["slug"], field),
                    spec.get(field, ""),
                    f"Answer “{spec['slug']}” of “{item['slug']}”: {field.replace('_', ' ')}",
                )
            for cause_slug, (_, reason) in spec.get("weights", {}).items():
                weight = ChoiceWeight.objects.filter(choice=choice, cause__slug=cause_slug).first()
                if weight is not None:
                    update_text(
                        weight,
                        "reason",
                        ("weight", item["slug"], spec["slug"], cause_slug),
                        reason,
                        f"Why “{spec['slug']}” of “{item['slug']}” points to {cause_slug}",
                    )

    StrategyTip = apps.get_model("assessments", "StrategyTip")
    for strategy_slug, question_slug, choice_slug, text, *_ in default_questionnaire.TIPS:
        tip = StrategyTip.objects.filter(
            strategy__slug=strategy_slug,
            choice__question__slug=question_slug,
            choice__slug=choice_slug,
        ).first()
        if tip is not None:
            update_text(
                tip,
                "text",
                ("tip", strategy_slug, f"{question_slug}:{choice_slug}", "text"),
                text,
                f"Step of “{strategy_slug}” for “{choice_slug}” of “{question_slug}”",
            )

    for step, title in default_questionnaire.SCREENS.items():
        screen, created = Screen.objects.get_or_create(step=step, defaults={"title": title})
        if not created and screen.title != title and _same(screen.title, V2_SCREENS.get(step)):
            screen.title = title
            screen.save(update_fields=["title"])
            touched[("Screen", screen.pk)] = screen

    for item in default_questionnaire.ESCALATIONS:
        background = item["background"] and choices[("health_background", item["background"])]
        escalation, created = Escalation.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "background": background or None,
                "title": item.get("title", ""),
                "level": item["level"],
                "message": item["message"],
            },
        )
        if not created:
            if not escalation.title:
                escalation.title = item.get("title", "")
            if RANK[escalation.level] < RANK[item["level"]]:
                escalation.level = item["level"]
            escalation.save(update_fields=["title", "level"])
            touched[("Escalation", escalation.pk)] = escalation
            update_text(
                escalation,
                "message",
                ("escalation", item["slug"], "", "message"),
                item["message"],
                f"Escalation “{item['slug']}”: message",
            )
        for part, group in enumerate(item["when"], start=1):
            for answer in group:
                EscalationCondition.objects.get_or_create(
                    escalation=escalation, choice=choices[tuple(answer)], defaults={"part": part}
                )
    record_history(apps, touched)
    # Every process rebuilds its questionnaire from the new rows (content.py).
    Revision = apps.get_model("assessments", "ContentRevision")
    if not Revision.objects.update(number=F("number") + 1):
        Revision.objects.create(number=1)


HISTORY_MODELS = (
    "StrategyTip",
    "Question",
    "Choice",
    "ChoiceWeight",
    "Screen",
    "Escalation",
    "EscalationCondition",
)


def record_history(apps, touched) -> None:
    """A history entry for each row this update made ("+") or changed ("~"), so the admin's
    History shows it and an editor can go back to the v2 wording."""
    now = timezone.now()
    for name in HISTORY_MODELS:
        model = apps.get_model("assessments", name)
        historical = apps.get_model("assessments", f"Historical{name}")
        fields = [f.attname for f in model._meta.concrete_fields]
        have_history = set(historical.objects.values_list("id", flat=True).distinct())
        rows = [(row, "+") for row in model.objects.all() if row.pk not in have_history] + [
            (row, "~") for (kind, _), row in touched.items() if kind == name
        ]
        historical.objects.bulk_create(
            historical(
                **{field: getattr(row, field) for field in fields},
                history_date=now,
                history_type=kind,
                history_change_reason="Contract v3: the default content's update",
            )
            for row, kind in rows
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0014_content_corrections")]
    operations = [
        migrations.AlterField(
            model_name="escalation",
            name="background",
            field=models.ForeignKey(
                blank=True,
                help_text="The health background this applies to; empty for a pattern of the "
                "pain alone (then the answers of its first part, where it hurts, must have been "
                "given).",
                limit_choices_to={"question__slug": "health_background"},
                null=True,
                on_delete=PROTECT,
                related_name="escalations",
                to="assessments.choice",
            ),
        ),
        migrations.AlterField(
            model_name="historicalescalation",
            name="background",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The health background this applies to; empty for a pattern of the "
                "pain alone (then the answers of its first part, where it hurts, must have been "
                "given).",
                limit_choices_to={"question__slug": "health_background"},
                null=True,
                on_delete=DO_NOTHING,
                related_name="+",
                to="assessments.choice",
            ),
        ),
        migrations.AddField(
            model_name="escalation",
            name="title",
            field=models.CharField(
                blank=True,
                help_text="A short sentence the runner sees as the warning's heading, e.g. “Pain "
                "in one calf with a higher risk of clots”.",
                max_length=120,
            ),
        ),
        migrations.AddField(
            model_name="historicalescalation",
            name="title",
            field=models.CharField(
                blank=True,
                help_text="A short sentence the runner sees as the warning's heading, e.g. “Pain "
                "in one calf with a higher risk of clots”.",
                max_length=120,
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]

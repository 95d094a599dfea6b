"""Content corrections (issue 14), shipped without overwriting what editors wrote.

The default cause and strategy pages no longer point to an outside article; they cite the
running-specific evidence on load spikes (Frandsen et al. 2025), cramps (Miller et al. 2022;
Schwellnus et al. 2011), compression, massage, foam rolling and cold-water immersion, muscle
temperature (Bergh and Ekblom 1979; Sargeant 1987) and sleep; they give one time frame for
soreness that is not easing ("no better after 5 days, or getting worse"); and "run flat while
sore" is no longer offered for overuse, only for downhill soreness.

UPDATES holds, for each corrected text, the text as it was shipped (the first release,
5a47d78, and contract v2, 655817c: 0009 never rewrote texts, so a database may hold either)
and the new text. A stored text is replaced only when it is still a shipped one; otherwise it
is left alone and listed in the admin under "Texts the update left alone" with the suggested
new text (assessments/content_updates.py). A fresh database already holds the new texts
(0002 loads the current defaults), so this finds nothing to do there. References are stored
one per line. The reverse is a no-op: the corrected wording stays.
"""

from django.db import migrations, models

MIGRATION = "0014_content_corrections"
REMOVE = None  # the row is removed (a strategy that was wrongly linked to a cause)


def grant_editors(apps, schema_editor):
    """Editors see the left-alone texts and delete them once dealt with (the model has only
    view and delete permissions)."""
    from assessments.editors import grant_editor_permissions

    grant_editor_permissions(apps, ["contentupdateleftalone"])


def correct(apps, schema_editor):
    from assessments.content_updates import apply_text_updates

    apply_text_updates(apps, UPDATES, MIGRATION)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0013_assessment_prefilled")]

    operations = [
        migrations.CreateModel(
            name="ContentUpdateLeftAlone",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "what",
                    models.CharField(
                        help_text="Which text, e.g. “Cause overuse: explanation”.",
                        max_length=200,
                    ),
                ),
                (
                    "model",
                    models.CharField(
                        help_text="cause, strategy or strategyforcause", max_length=40
                    ),
                ),
                (
                    "slug",
                    models.CharField(
                        help_text="The page's slug; for a link, “cause-slug/strategy-slug”.",
                        max_length=120,
                    ),
                ),
                ("field", models.CharField(max_length=40)),
                (
                    "new_text",
                    models.TextField(
                        blank=True,
                        help_text="The text the update ships; for a link it removes, why.",
                        verbose_name="suggested new text",
                    ),
                ),
                (
                    "migration",
                    models.CharField(
                        help_text="The update (migration) that left it.", max_length=100
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "text the update left alone",
                "verbose_name_plural": "texts the update left alone",
                "ordering": ["-created_at", "what"],
                "default_permissions": ("view", "delete"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("migration", "model", "slug", "field"),
                        name="one_left_alone_per_text",
                    )
                ],
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
        migrations.RunPython(correct, migrations.RunPython.noop),
    ]


# What changes: {model, slug, field, old (the shipped text, or a list of shipped texts), new}.
# "link" with new REMOVE removes a StrategyForCause row whose "why" is still the shipped one.

UPDATES = [
    {
        "model": "cause",
        "slug": "overuse",
        "field": "summary",
        "old": (
            "Running further, faster or more often than your legs are used to, without enough"
            " recovery, is the most common reason legs ache and get injured."
        ),
        "new": (
            "Running further, faster or more often than your legs are used to, without enough"
            " recovery, is thought to be the main driver of aching legs and running injuries."
        ),
    },
    {
        "model": "cause",
        "slug": "overuse",
        "field": "first_step",
        "old": (
            "Cut your next week back to easy runs, or swap some for cycling or swimming, then"
            " build up again in small steps."
        ),
        "new": (
            "Cut your next week back to easy runs, or swap some for cycling or swimming. Then"
            " build up in small steps, keeping each run within about 10% of your longest in "
            "the last 30 days."
        ),
    },
    {
        "model": "cause",
        "slug": "overuse",
        "field": "explanation",
        "old": [
            (
                "Running makes muscles, tendons and bones stronger, but they adapt more slowly "
                "than your heart and lungs. Add distance, speed or extra runs faster than they "
                "can keep up and you get aching legs and, sometimes, an overuse injury such as "
                "shin pain, a sore Achilles or a bone stress injury. A previous injury at the "
                "same spot makes another one more likely.\n"
                "\n"
                "The evidence backs the general idea better than any exact rule. In team sports, "
                "weeks with a sudden spike in load compared with the previous few weeks go with "
                "more injuries, while a high load built up steadily seems to protect (Gabbett "
                "2016). In novice runners, those who raised their weekly distance by more than "
                "30% over two weeks had more knee, shin and hip injuries than those who stayed "
                "under 10%, though the result fell just short of statistical significance "
                "(Nielsen et al. 2014).\n"
                "\n"
                "The popular '10% a week' rule is a guide, not a proven limit. A trial that built"
                " novice runners up by 10% a week found about the same injury rate (21% vs 20%) "
                "as a quicker standard plan (Buist et al. 2008).\n"
                "\n"
                "Most cramps belong here too: they follow running longer or faster than you are "
                "trained for, rather than a lack of salt or water.\n"
                "\n"
                "A dull ache in both legs that fades over a few days is usually normal. Pain that"
                " is sharp, sits on one spot of a bone, hurts at rest or at night, or gets worse "
                "with each run can be a stress fracture or tendon injury: stop running and book a"
                " GP or physiotherapist within the next few days. If you can't put weight on the "
                "leg, go to an urgent treatment centre or emergency department today; deep groin "
                "or hip pain when you run or hop needs to be seen the same day."
            ),
            (
                "Running makes muscles, tendons and bones stronger, but they adapt more slowly "
                "than your heart and lungs. Add distance, speed or extra runs faster than they "
                "can keep up and you get aching legs and, sometimes, an overuse injury such as "
                "shin pain, a sore Achilles or a bone stress injury.\n"
                "\n"
                "The evidence backs the general idea better than any exact rule. Sudden jumps in "
                "training load, compared with your last few weeks, go with more injuries, mostly "
                "shown in team-sport athletes (Gabbett 2016). Novice runners who raised their "
                "weekly distance by more than 30% over two weeks had somewhat more injuries such "
                "as knee and shin pain than those who kept it under 10%, though the result was "
                "borderline (Nielsen et al. 2014).\n"
                "\n"
                "The popular '10% a week' rule is a rule of thumb, not a proven limit. A trial "
                "that built novice runners up by 10% a week found no fewer injuries than a "
                "quicker standard plan (Buist et al. 2008).\n"
                "\n"
                "A dull ache in both legs that fades over a few days is usually normal. See a GP "
                "or physiotherapist if pain is sharp, sits on one spot of a bone, hurts at rest "
                "or at night, makes you limp, or gets worse with each run. These can be signs of "
                "a stress fracture or tendon injury, which need rest, not running through."
            ),
        ],
        "new": (
            "Running makes muscles, tendons and bones stronger, but they adapt more slowly "
            "than your heart and lungs. Add distance, speed or extra runs faster than they "
            "can keep up and you get aching legs and, sometimes, an overuse injury such as "
            "shin pain, a sore Achilles or a bone stress injury. A previous injury at the "
            "same spot makes another one more likely.\n"
            "\n"
            "The evidence backs the general idea better than any exact rule. In 5,205 adult "
            "runners followed for 18 months, a single run more than 10% longer than their "
            "longest run of the previous 30 days went with a higher rate of overuse injuries "
            "(about 1.5 to 2.3 times the rate), while changes in weekly distance were not "
            "linked to more injuries (Frandsen et al. 2025). In novice runners, those who "
            "raised their weekly distance by more than 30% over two weeks had more knee, shin"
            " and hip injuries than those who stayed under 10%, though the result fell just "
            "short of statistical significance (Nielsen et al. 2014).\n"
            "\n"
            "The popular '10% a week' rule is a guide, not a proven limit. A trial that built"
            " novice runners up by 10% a week found about the same injury rate (21% vs 20%) "
            "as a quicker standard plan (Buist et al. 2008).\n"
            "\n"
            "Cramps have several causes acting together (Miller et al. 2022), but most go "
            "with fatigue: they tend to come when you run harder or longer than usual, rather"
            " than from a lack of salt or water (Schwellnus et al. 2011).\n"
            "\n"
            "A dull ache in both legs that fades over a few days is usually normal; if it is "
            "no better after 5 days, or getting worse, stop running and book a GP or "
            "physiotherapist. Pain that is sharp, sits on one spot of a bone, hurts at rest "
            "or at night, or gets worse with each run can be a stress fracture or tendon "
            "injury: stop running and book a GP or physiotherapist within the next few days. "
            "If you can't put weight on the leg, go to an urgent treatment centre or "
            "emergency department today; deep groin or hip pain when you run or hop needs to "
            "be seen the same day."
        ),
    },
    {
        "model": "cause",
        "slug": "overuse",
        "field": "references",
        "old": [
            (
                "Gabbett TJ. The training-injury prevention paradox: should athletes be training "
                "smarter and harder? Br J Sports Med. 2016;50(5):273-280. "
                "doi:10.1136/bjsports-2015-095788\n"
                "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
                "progression in weekly running distance and risk of running-related injuries: an "
                "association which varies according to type of injury. J Orthop Sports Phys Ther."
                " 2014;44(10):739-747.\n"
                "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
                "effect of a graded training program on the number of running-related injuries in"
                " novice runners: a randomized controlled trial. Am J Sports Med. "
                "2008;36(1):33-39. doi:10.1177/0363546507307505"
            ),
            (
                "Gabbett TJ. The training-injury prevention paradox: should athletes be training "
                "smarter and harder? Br J Sports Med. 2016;50(5):273-280.\n"
                "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
                "progression in weekly running distance and risk of running-related injuries: an "
                "association which varies according to type of injury. J Orthop Sports Phys Ther."
                " 2014;44(10):739-747.\n"
                "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
                "effect of a graded training program on the number of running-related injuries in"
                " novice runners: a randomized controlled trial. Am J Sports Med. "
                "2008;36(1):33-39."
            ),
        ],
        "new": (
            "Frandsen JSB, Hulme A, Parner ET, et al. How much running is too much? "
            "Identifying high-risk running sessions in a 5200-person cohort study. Br J "
            "Sports Med. 2025;59(17):1203-1210. doi:10.1136/bjsports-2024-109380\n"
            "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
            "progression in weekly running distance and risk of running-related injuries: an "
            "association which varies according to type of injury. J Orthop Sports Phys Ther."
            " 2014;44(10):739-747.\n"
            "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
            "effect of a graded training program on the number of running-related injuries in"
            " novice runners: a randomized controlled trial. Am J Sports Med. "
            "2008;36(1):33-39. doi:10.1177/0363546507307505\n"
            "Miller KC, McDermott BP, Yeargin SW, Fiol A, Schwellnus MP. An evidence-based "
            "review of the pathophysiology, treatment, and prevention of exercise-associated "
            "muscle cramps. J Athl Train. 2022;57(1):5-15. doi:10.4085/1062-6050-0696.20\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535"
        ),
    },
    {
        "model": "cause",
        "slug": "dehydration",
        "field": "explanation",
        "old": (
            "The idea that dehydration causes cramps, stiffness and soreness is common, but "
            "the evidence is weaker than that. Losing more than about 2% of your body weight "
            "in sweat can make running feel harder and slow you down, especially in the heat "
            "(Sawka et al. 2007). Studies have found little link between dehydration and "
            "next-day soreness.\n"
            "\n"
            "The link with cramps is weak too. In a study of Ironman triathletes, those who "
            "cramped had lost no more body weight than those who didn't (Schwellnus et al. "
            "2011). Cramps seem to have more to do with tired muscles working harder than "
            "usual. A few studies do find dehydration more often in people who cramp, so the "
            "question isn't completely settled.\n"
            "\n"
            "Drinking too much is a real risk as well. Drinking far more than you sweat, "
            "especially over long, slow events, can dilute the sodium in your blood "
            "(hyponatraemia), which can be dangerous. Experts now advise drinking to thirst "
            "rather than to a schedule (Hew-Butler et al. 2015).\n"
            "\n"
            "Get urgent medical help for headache, confusion, vomiting or puffy hands and "
            "feet during or after a long run, especially if you have drunk a lot. Dark brown "
            "or cola-coloured urine with severe muscle pain is an emergency: it can mean "
            "serious muscle breakdown, not simple dehydration."
        ),
        "new": (
            "Many people blame dehydration for cramps, stiffness and soreness, but the "
            "evidence is thinner than that. Losing more than about 2% of your body weight in "
            "sweat can make running feel harder and slow you down, especially in the heat "
            "(Sawka et al. 2007). There is little evidence that it causes next-day soreness.\n"
            "\n"
            "The link with cramps is weak too. Among 210 Ironman triathletes, those who "
            "cramped had lost no more body weight, and had the same blood salt levels, as "
            "those who didn't; racing faster and a history of cramps predicted them "
            "(Schwellnus et al. 2011).\n"
            "\n"
            "Drinking too much is a real risk as well. Drinking far more than you sweat, "
            "especially over long, slow events, can dilute the sodium in your blood "
            "(hyponatraemia), which can be dangerous. Experts advise drinking to thirst "
            "rather than to a schedule (Hew-Butler et al. 2015).\n"
            "\n"
            "Collapse, confusion, vomiting or a severe headache during or after a long run is"
            " an emergency: call emergency services, and don't drink large amounts while you "
            "wait. Brown or cola-coloured urine with severe muscle pain or weakness is also "
            "an emergency; without severe pain, be seen the same day. Dark yellow urine only "
            "means drink a bit more."
        ),
    },
    {
        "model": "cause",
        "slug": "dehydration",
        "field": "references",
        "old": (
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390.\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656.\n"
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
            "2015;25(4):303-320."
        ),
        "new": (
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535\n"
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
            "2015;25(4):303-320."
        ),
    },
    {
        "model": "cause",
        "slug": "nutrition",
        "field": "explanation",
        "old": [
            (
                "Carbohydrate is your muscles' main fuel on longer or harder runs, and protein "
                "provides the building blocks for repair. Often running on empty, or eating too "
                "little overall, can make sessions feel heavier and recovery slower (Thomas et "
                "al. 2016).\n"
                "\n"
                "The evidence is clearest for the big picture: eating enough in total matters "
                "most. Regularly eating too little for the training you do (relative energy "
                "deficiency in sport, RED-S) is linked to hormone changes, missed periods, poorer"
                " recovery and a higher risk of bone stress injuries, in men as well as women "
                "(Mountjoy et al. 2018).\n"
                "\n"
                "For soreness itself, food makes less difference than the article suggests. "
                "Protein timing and recovery products have small, inconsistent effects, and "
                "high-dose antioxidant supplements don't reduce soreness by an amount you would "
                "notice (Ranchordas et al. 2017).\n"
                "\n"
                "See a GP or sports dietitian if you are losing weight without meaning to, feel "
                "tired all the time, have missed or irregular periods, or have had a stress "
                "fracture. If you also have pain on one spot of a bone or pain at night, stop "
                "running and book a GP within the next few days."
            ),
            (
                "Carbohydrate is your muscles' main fuel on longer or harder runs, and protein "
                "provides the building blocks for repair. Often running on empty, or eating too "
                "little overall, can make sessions feel heavier and recovery slower (Thomas et "
                "al. 2016).\n"
                "\n"
                "The evidence is clearest for the big picture. Eating enough in total matters "
                "most. Regularly eating too little for the training you do is linked to hormone "
                "changes, poorer recovery and a higher risk of bone stress injuries, in men as "
                "well as women (Mountjoy et al. 2018).\n"
                "\n"
                "For soreness itself, food makes less difference than the article suggests. "
                "Protein timing and recovery products have small, inconsistent effects, and "
                "high-dose antioxidant supplements don't reduce soreness by an amount you would "
                "notice (Ranchordas et al. 2017).\n"
                "\n"
                "See a GP or sports dietitian if you are losing weight without meaning to, feel "
                "tired all the time, have missed or irregular periods, or have had a stress "
                "fracture. These can be signs of under-fuelling that need more than a diet tweak."
            ),
        ],
        "new": (
            "Carbohydrate is your muscles' main fuel on longer or harder runs, and protein "
            "provides the building blocks for repair. Often running on empty, or eating too "
            "little overall, can make sessions feel heavier and recovery slower (Thomas et "
            "al. 2016).\n"
            "\n"
            "The evidence is clearest for the big picture: eating enough in total matters "
            "most. Regularly eating too little for the training you do (relative energy "
            "deficiency in sport, RED-S) is linked to hormone changes, missed periods, poorer"
            " recovery and a higher risk of bone stress injuries, in men as well as women "
            "(Mountjoy et al. 2018).\n"
            "\n"
            "For soreness itself, food makes less difference than is often claimed. Protein "
            "timing and recovery products have small, inconsistent effects, and high-dose "
            "antioxidant supplements don't reduce soreness by an amount you would notice "
            "(Ranchordas et al. 2017).\n"
            "\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "tired all the time, have missed or irregular periods, or have had a stress "
            "fracture. If you also have pain on one spot of a bone or pain at night, stop "
            "running and book a GP within the next few days."
        ),
    },
    {
        "model": "cause",
        "slug": "nutrition",
        "field": "references",
        "old": (
            "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint "
            "position statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
            "2016;48(3):543-568.\n"
            "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, "
            "et al. IOC consensus statement on relative energy deficiency in sport (RED-S): "
            "2018 update. Br J Sports Med. 2018;52(11):687-697.\n"
            "Ranchordas MK, Rogerson D, Soltani H, Costello JT. Antioxidants for preventing "
            "and reducing muscle soreness after exercise. Cochrane Database Syst Rev. "
            "2017;(12):CD009789."
        ),
        "new": (
            "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint "
            "position statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
            "2016;48(3):543-568. doi:10.1249/MSS.0000000000000852\n"
            "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, "
            "et al. IOC consensus statement on relative energy deficiency in sport (RED-S): "
            "2018 update. Br J Sports Med. 2018;52(11):687-697. "
            "doi:10.1136/bjsports-2018-099193\n"
            "Ranchordas MK, Rogerson D, Soltani H, Costello JT. Antioxidants for preventing "
            "and reducing muscle soreness after exercise. Cochrane Database Syst Rev. "
            "2017;(12):CD009789."
        ),
    },
    {
        "model": "cause",
        "slug": "form",
        "field": "explanation",
        "old": [
            (
                "There is no single correct way to run, and most runners don't need to rebuild "
                "their style. What matters more is how your legs are loaded, and whether that "
                "load has changed suddenly. The evidence that form causes soreness or injury is "
                "weak: most studies measure forces in a lab, not injuries.\n"
                "\n"
                "Overstriding, where your foot lands well ahead of your body, tends to increase "
                "braking. In a lab study of 45 runners at a fixed speed, taking 5% more steps a "
                "minute reduced the load absorbed at the knee; 10% more reduced it at both the "
                "knee and the hip (Heiderscheit et al. 2011). Treat it as a sensible tweak, not a"
                " cure.\n"
                "\n"
                "Sudden changes move the load around. Switching to minimalist shoes or to landing"
                " on your forefoot puts more work on the calves, Achilles and foot bones. After a"
                " 10-week switch to minimalist shoes, 10 of 19 runners showed new signs of bone "
                "stress in the foot on MRI, more than runners who kept their usual shoes (Ridge "
                "et al. 2013). Breathing technique, which the article mentions, has no known link"
                " to leg soreness.\n"
                "\n"
                "If the same spot keeps hurting, or pain is in one leg only and getting worse, "
                "stop running and book a physiotherapist within the next few days."
            ),
            (
                "There is no single correct way to run, and most runners don't need to rebuild "
                "their style. What matters more is how your legs are loaded, and whether that "
                "load has changed suddenly.\n"
                "\n"
                "Overstriding, where your foot lands well ahead of your body, tends to increase "
                "braking and the load on your knees and hips. In a lab study, taking slightly "
                "shorter, quicker steps (5-10% more steps a minute at the same pace) reduced the "
                "load at the knee and hip (Heiderscheit et al. 2011). It measured joint forces, "
                "not injuries, so treat it as a sensible tweak rather than a cure.\n"
                "\n"
                "Sudden changes move the load around. Switching to minimalist shoes or to landing"
                " on your forefoot puts more work on the calves, Achilles and foot bones. Runners"
                " who moved into minimalist shoes over 10 weeks showed more signs of bone stress "
                "in the foot than those who kept their usual shoes (Ridge et al. 2013). Make any "
                "change gradually. Breathing technique, which the article mentions, has no known "
                "link to leg soreness.\n"
                "\n"
                "If the same spot keeps hurting, or pain is in one leg only and getting worse, "
                "see a physiotherapist who can look at your running."
            ),
        ],
        "new": (
            "There is no single correct way to run, and most runners don't need to rebuild "
            "their style. What matters more is how your legs are loaded, and whether that "
            "load has changed suddenly. The evidence that form causes soreness or injury is "
            "weak: most studies measure forces in a lab, not injuries.\n"
            "\n"
            "Overstriding, where your foot lands well ahead of your body, tends to increase "
            "braking. In a lab study of 45 runners at a fixed speed, taking 5% more steps a "
            "minute reduced the load absorbed at the knee; 10% more reduced it at both the "
            "knee and the hip (Heiderscheit et al. 2011). Treat it as a sensible tweak, not a"
            " cure.\n"
            "\n"
            "Sudden changes move the load around. Switching to minimalist shoes or to landing"
            " on your forefoot puts more work on the calves, Achilles and foot bones. After a"
            " 10-week switch to minimalist shoes, 10 of 19 runners showed new signs of bone "
            "stress in the foot on MRI, more than runners who kept their usual shoes (Ridge "
            "et al. 2013). Breathing technique, sometimes blamed too, has no known link to "
            "leg soreness.\n"
            "\n"
            "If the same spot keeps hurting, or pain is in one leg only and getting worse, "
            "stop running and book a physiotherapist within the next few days."
        ),
    },
    {
        "model": "cause",
        "slug": "form",
        "field": "references",
        "old": (
            "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step "
            "rate manipulation on joint mechanics during running. Med Sci Sports Exerc. "
            "2011;43(2):296-302.\n"
            "Ridge ST, Johnson AW, Mitchell UH, Hunter I, Robinson E, Rich BS, et al. Foot "
            "bone marrow edema after a 10-wk transition to minimalist running shoes. Med Sci "
            "Sports Exerc. 2013;45(7):1363-1368."
        ),
        "new": (
            "Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB. Effects of step "
            "rate manipulation on joint mechanics during running. Med Sci Sports Exerc. "
            "2011;43(2):296-302. doi:10.1249/MSS.0b013e3181ebedf4\n"
            "Ridge ST, Johnson AW, Mitchell UH, Hunter I, Robinson E, Rich BS, et al. Foot "
            "bone marrow edema after a 10-wk transition to minimalist running shoes. Med Sci "
            "Sports Exerc. 2013;45(7):1363-1368."
        ),
    },
    {
        "model": "cause",
        "slug": "genetics",
        "field": "summary",
        "old": (
            "Some people get sorer and recover more slowly than others after the same run. "
            "Genes play a part, but you can't change them and gene tests don't help yet."
        ),
        "new": (
            "Some people get sorer and recover more slowly than others after the same run. "
            "Genes play a part, but they only add to other causes and tests don't help yet."
        ),
    },
    {
        "model": "cause",
        "slug": "genetics",
        "field": "explanation",
        "old": [
            (
                "Two runners can do the same session and feel very different two days later. "
                "Studies of unaccustomed exercise find big differences between people in soreness"
                " and muscle damage, and some of that seems to be inherited. Age matters too: "
                "older people tend to have more damage and need longer to recover (Baumert et al."
                " 2016).\n"
                "\n"
                "A handful of gene variants have been linked to more muscle damage or slower "
                "recovery, but the effects are small and the research is at an early stage, so we"
                " treat genes as a contributing factor, never as the main explanation when "
                "something else fits. Gene tests sold to athletes aren't useful for planning "
                "training, and there is no good evidence for the article's idea that low "
                "antioxidant levels are the reason.\n"
                "\n"
                "The practical takeaway: if you recover slowly, build up more gradually, leave "
                "more easy days between hard sessions and protect your sleep. Compare yourself "
                "with your own past training, not with your friends.\n"
                "\n"
                "Unusually severe or long-lasting pain after ordinary runs isn't explained by "
                "'bad genes'. If it happens often, see a GP: some medical conditions and "
                "medicines (statins, for example) can cause muscle problems. Brown or "
                "cola-coloured urine with muscle pain needs checking the same day, and at once in"
                " an emergency department if the pain or weakness is severe."
            ),
            (
                "Two runners can do the same session and feel very different two days later. "
                "Studies of unaccustomed exercise find big differences between people in soreness"
                " and muscle damage, and some of that seems to be inherited. Age matters too: "
                "older people tend to have more damage and need longer to recover (Baumert et al."
                " 2016).\n"
                "\n"
                "A handful of gene variants have been linked to more muscle damage or slower "
                "recovery, but the effects are small and the research is at an early stage. Gene "
                "tests sold to athletes aren't yet useful for planning training, and there is no "
                "good evidence behind the article's idea that low antioxidant levels are the "
                "reason.\n"
                "\n"
                "The practical takeaway: if you recover slowly, build up more gradually, leave "
                "more easy days between hard sessions and protect your sleep. Compare yourself "
                "with your own past training, not with your friends.\n"
                "\n"
                "Unusually severe or long-lasting pain after ordinary runs isn't explained by "
                "'bad genes'. If it happens often, or muscle pain comes with weakness or dark "
                "urine, see a GP: some medical conditions and medicines (statins, for example) "
                "can cause muscle problems."
            ),
        ],
        "new": (
            "Two runners can do the same session and feel very different two days later. "
            "Studies of unaccustomed exercise find big differences between people in soreness"
            " and muscle damage, and some of that seems to be inherited. Age matters too: "
            "older people tend to have more damage and need longer to recover (Baumert et al."
            " 2016).\n"
            "\n"
            "A handful of gene variants have been linked to more muscle damage or slower "
            "recovery, but the effects are small and the research is at an early stage, so we"
            " treat genes as a contributing factor, never as the main explanation when "
            "something else fits. Gene tests sold to athletes aren't useful for planning "
            "training, and there is no good evidence for the popular idea that low "
            "antioxidant levels are the reason.\n"
            "\n"
            "The practical takeaway: if you recover slowly, build up more gradually, leave "
            "more easy days between hard sessions and protect your sleep. Compare yourself "
            "with your own past training, not with your friends.\n"
            "\n"
            "Unusually severe or long-lasting pain after ordinary runs isn't explained by "
            "'bad genes'. If it happens often, see a GP: some medical conditions and "
            "medicines (statins, for example) can cause muscle problems. Brown or "
            "cola-coloured urine with muscle pain needs checking the same day, and at once in"
            " an emergency department if the pain or weakness is severe."
        ),
    },
    {
        "model": "cause",
        "slug": "cold",
        "field": "summary",
        "old": (
            "Cold muscles are stiffer and weaker until they warm up. There is little direct "
            "evidence that cold causes soreness, but a longer warm-up helps."
        ),
        "new": (
            "Cold muscles are weaker and slower until they warm up. There is little direct "
            "evidence that cold causes soreness, but a longer warm-up helps."
        ),
    },
    {
        "model": "cause",
        "slug": "cold",
        "field": "explanation",
        "old": [
            (
                "The article blames narrowed blood vessels cutting blood flow to the legs. In the"
                " cold your body does send less blood to the skin, but once you are running, "
                "working leg muscles get plenty of blood and warm up quickly. The first few "
                "minutes, and stopping outside afterwards, are when cold matters most. That is "
                "why we only consider cold when your run really was cold (below about 5 °C).\n"
                "\n"
                "Cold muscles contract more slowly and less forcefully. A review found that "
                "short, powerful efforts improve by about 2-5% for each degree the muscle warms, "
                "so a cold muscle starts at a disadvantage (Racinais and Oksa 2010).\n"
                "\n"
                "There is little direct research on whether cold weather itself causes delayed "
                "soreness. Warming up does seem to help a little: in one trial, 10 minutes of "
                "uphill walking before 30 minutes of walking backwards downhill slightly reduced "
                "soreness two days later (Law and Herbert 2007).\n"
                "\n"
                "Numbness or tingling that stays after you rest needs checking the same day. A "
                "foot that stays cold, pale or blue even after you have warmed up is an "
                "emergency. Skin that turns white, grey or waxy can be frostbite (Castellani et "
                "al. 2006): warm it gently and seek medical help."
            ),
            (
                "The article blames narrowed blood vessels cutting blood flow to the legs. In the"
                " cold your body does send less blood to the skin, but once you are running, "
                "working leg muscles get plenty of blood and warm up quickly. The first few "
                "minutes, and stopping outside afterwards, are when cold matters most.\n"
                "\n"
                "Cold muscles contract more slowly and less forcefully and feel stiffer. Short, "
                "powerful efforts lose a few per cent for every degree the muscle is cooler "
                "(Racinais and Oksa 2010). A cold start can feel awkward and may change how your "
                "legs take the load.\n"
                "\n"
                "There is little direct research on whether cold weather itself causes delayed "
                "soreness. Warming up does seem to help a little: in one trial, 10 minutes of "
                "warm-up before an unaccustomed downhill session slightly reduced soreness two "
                "days later (Law and Herbert 2007).\n"
                "\n"
                "Seek medical advice for numbness, skin that turns white, grey or waxy, or "
                "tingling that doesn't settle once you are warm. These can be signs of a cold "
                "injury (Castellani et al. 2006)."
            ),
        ],
        "new": (
            "A common explanation is that narrowed blood vessels cut blood flow to the legs. "
            "In the cold your body does send less blood to the skin, but once you are "
            "running, working leg muscles get plenty of blood and warm up quickly. The first "
            "few minutes, and stopping outside afterwards, are when cold matters most. That "
            "is why we only consider cold when your run really was cold (below about 5 °C).\n"
            "\n"
            "Cold muscles contract more slowly and less forcefully. In a small laboratory "
            "study, jumping, sprinting and maximal dynamic strength fell by about 4-6% for "
            "each degree the leg muscles were cooler (Bergh and Ekblom 1979); in another, "
            "cooling the legs in cold water cut sprint cycling power by about 12-21% "
            "(Sargeant 1987). So a cold muscle starts at a disadvantage.\n"
            "\n"
            "There is little direct research on whether cold weather itself causes delayed "
            "soreness. Warming up does seem to help a little: in one trial, 10 minutes of "
            "uphill walking before 30 minutes of walking backwards downhill slightly reduced "
            "soreness two days later (Law and Herbert 2007).\n"
            "\n"
            "Numbness or tingling that stays after you rest needs checking the same day. A "
            "foot that stays cold, pale or blue even after you have warmed up is an "
            "emergency. Skin that turns white, grey or waxy can be frostbite (Castellani et "
            "al. 2006): warm it gently and seek medical help."
        ),
    },
    {
        "model": "cause",
        "slug": "cold",
        "field": "references",
        "old": [
            (
                "Racinais S, Oksa J. Temperature and neuromuscular function. Scand J Med Sci "
                "Sports. 2010;20(Suppl 3):1-18. doi:10.1111/j.1600-0838.2010.01204.x\n"
                "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down "
                "does not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95. "
                "doi:10.1016/s0004-9514(07)70041-7\n"
                "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
                "American College of Sports Medicine position stand: prevention of cold injuries "
                "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029."
            ),
            (
                "Racinais S, Oksa J. Temperature and neuromuscular function. Scand J Med Sci "
                "Sports. 2010;20(Suppl 3):1-18.\n"
                "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down "
                "does not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95.\n"
                "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
                "American College of Sports Medicine position stand: prevention of cold injuries "
                "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029."
            ),
        ],
        "new": (
            "Bergh U, Ekblom B. Influence of muscle temperature on maximal muscle strength "
            "and power output in human skeletal muscles. Acta Physiol Scand. "
            "1979;107(1):33-37. doi:10.1111/j.1748-1716.1979.tb06439.x\n"
            "Sargeant AJ. Effect of muscle temperature on leg extension force and short-term "
            "power output in humans. Eur J Appl Physiol Occup Physiol. 1987;56(6):693-698. "
            "doi:10.1007/BF00424812\n"
            "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down "
            "does not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95. "
            "doi:10.1016/s0004-9514(07)70041-7\n"
            "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
            "American College of Sports Medicine position stand: prevention of cold injuries "
            "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029."
        ),
    },
    {
        "model": "cause",
        "slug": "electrolytes",
        "field": "summary",
        "old": (
            "Heavy sweating loses salt, but blood salt levels rarely explain cramps or "
            "soreness. Cramps are now thought to be mainly a tired-muscle problem."
        ),
        "new": (
            "Heavy sweating loses salt, but blood salt levels rarely explain cramps or "
            "soreness. Cramps have several causes; most go with tired muscles."
        ),
    },
    {
        "model": "cause",
        "slug": "electrolytes",
        "field": "explanation",
        "old": [
            (
                "Sodium, potassium, magnesium and calcium all matter for nerves and muscles, and "
                "you lose some sodium in sweat. It seems natural that losing them causes cramps "
                "and aching, as the article says. For healthy runners, the evidence mostly "
                "doesn't support it, so we only consider salt when you had cramps.\n"
                "\n"
                "In Ironman triathletes, those who cramped had the same blood salt levels as "
                "those who didn't. The best predictors were racing faster than usual and a "
                "history of cramping (Schwellnus et al. 2011). A review of the evidence found "
                "that the salt and dehydration theories rest mainly on anecdotes and small case "
                "series, while prospective studies point to tired muscles: fatigue upsets the "
                "nerve signals controlling a muscle, so it fires when it shouldn't (Schwellnus "
                "2009). That is why gently stretching a cramping muscle usually eases it.\n"
                "\n"
                "Salt still has a place. On runs over about 90 minutes or in heat, and especially"
                " if you are a heavy, salty sweater, taking some salt with your fluids is "
                "sensible (Sawka et al. 2007). Just don't expect it to stop every cramp.\n"
                "\n"
                "See a GP if you often cramp at rest or at night, or take medicines such as "
                "diuretics ('water tablets'). A cramp that won't ease after 10 minutes needs "
                "checking the same day. Confusion, vomiting or a severe headache after a long "
                "event is an emergency: call emergency services, and don't drink large amounts."
            ),
            (
                "Sodium, potassium, magnesium and calcium all matter for nerves and muscles, and "
                "you lose some sodium in sweat. It seems natural that losing them causes cramps "
                "and aching, as the article says. For healthy runners, the evidence mostly "
                "doesn't support it.\n"
                "\n"
                "In Ironman triathletes, those who cramped had the same blood salt levels as "
                "those who didn't. The best predictors were going faster than usual and a history"
                " of cramping (Schwellnus et al. 2011). The leading explanation is that fatigue "
                "upsets the nerve signals controlling a muscle, so it fires when it shouldn't "
                "(Schwellnus 2009). That is why gently stretching a cramping muscle usually eases"
                " it quickly.\n"
                "\n"
                "Salt still has a place. On runs over about 90 minutes or in heat, and especially"
                " if you are a heavy, salty sweater, taking some salt with your fluids is "
                "sensible (Sawka et al. 2007). Just don't expect it to stop every cramp.\n"
                "\n"
                "See a GP if you often cramp at rest or at night, if cramps come with weakness, "
                "or if you take medicines such as diuretics ('water tablets'). Get urgent help "
                "for confusion, vomiting or a severe headache after a long event."
            ),
        ],
        "new": (
            "Sodium, potassium, magnesium and calcium all matter for nerves and muscles, and "
            "you lose some sodium in sweat. It is often said that losing them causes cramps "
            "and aching, but for healthy runners the evidence mostly doesn't support it, so "
            "we only consider salt when you had cramps.\n"
            "\n"
            "In Ironman triathletes, those who cramped had the same blood salt levels as "
            "those who didn't. The best predictors were racing faster than usual and a "
            "history of cramping (Schwellnus et al. 2011). A review of the evidence found "
            "that the salt and dehydration theories rest mainly on anecdotes and small case "
            "series, while prospective studies point to tired muscles: fatigue upsets the "
            "nerve signals controlling a muscle, so it fires when it shouldn't (Schwellnus "
            "2009). A later review concludes that cramps come from several factors acting "
            "together rather than a single cause, and advises gently stretching a cramping "
            "muscle until it eases (Miller et al. 2022).\n"
            "\n"
            "Salt still has a place. On runs over about 90 minutes or in heat, and especially"
            " if you are a heavy, salty sweater, taking some salt with your fluids is "
            "sensible (Sawka et al. 2007). Just don't expect it to stop every cramp.\n"
            "\n"
            "See a GP if you often cramp at rest or at night, or take medicines such as "
            "diuretics ('water tablets'). A cramp that won't ease after 10 minutes needs "
            "checking the same day. Confusion, vomiting or a severe headache after a long "
            "event is an emergency: call emergency services, and don't drink large amounts."
        ),
    },
    {
        "model": "cause",
        "slug": "electrolytes",
        "field": "references",
        "old": [
            (
                "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
                "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
                "2009;43(6):401-408. doi:10.1136/bjsm.2008.050401\n"
                "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
                "rather than dehydration or serum sodium changes predict exercise-associated "
                "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
                "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535\n"
                "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
                " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
                "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597"
            ),
            (
                "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
                "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
                "2009;43(6):401-408.\n"
                "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
                "rather than dehydration or serum sodium changes predict exercise-associated "
                "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
                "Sports Med. 2011;45(8):650-656.\n"
                "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
                " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
                "Sci Sports Exerc. 2007;39(2):377-390."
            ),
        ],
        "new": (
            "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
            "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
            "2009;43(6):401-408. doi:10.1136/bjsm.2008.050401\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535\n"
            "Miller KC, McDermott BP, Yeargin SW, Fiol A, Schwellnus MP. An evidence-based "
            "review of the pathophysiology, treatment, and prevention of exercise-associated "
            "muscle cramps. J Athl Train. 2022;57(1):5-15. doi:10.4085/1062-6050-0696.20\n"
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597"
        ),
    },
    {
        "model": "cause",
        "slug": "eccentric_load",
        "field": "first_step",
        "old": (
            "Expect it to peak in 1-3 days and fade within a week; keep runs easy and flat, "
            "or cross-train, until it eases."
        ),
        "new": (
            "Expect it to peak in 1-3 days, then ease. Keep runs easy and flat, or "
            "cross-train, until it does; if it is no better after 5 days, or getting worse, "
            "see a GP or physiotherapist."
        ),
    },
    {
        "model": "cause",
        "slug": "eccentric_load",
        "field": "explanation",
        "old": [
            (
                "This is the main cause the article misses. Running downhill, your thigh muscles "
                "act as brakes: they are being stretched while they contract (eccentric work). "
                "This causes tiny areas of damage and a repair response that leaves the muscle "
                "tender and stiff a day or two later. That is delayed-onset muscle soreness, or "
                "DOMS.\n"
                "\n"
                "In a classic study, seven people ran for 45 minutes on the level and, on another"
                " day, down a 10% slope. Downhill, although it was easier on the heart and lungs,"
                " caused clear soreness in the buttocks, thighs and lower legs and a rise in a "
                "blood marker of muscle damage; the harder level run caused no significant "
                "soreness (Schwane et al. 1983). Anything new to your legs, such as a longer "
                "race, faster intervals, stairs or a new sport, can do the same.\n"
                "\n"
                "DOMS is not caused by lactic acid, which clears within an hour or so of "
                "stopping, long before the soreness starts. Soreness usually peaks 24-72 hours "
                "after the run and fades within about 5-7 days (Cheung et al. 2003).\n"
                "\n"
                "The good news: one bout protects. People who repeated a 30-minute downhill run 3"
                " or 6 weeks later got much less sore; after 9 weeks the protection had gone "
                "(Byrnes et al. 1985). This repeated-bout effect seems to come from changes in "
                "the muscle, its connective tissue and the nervous system (McHugh 2003).\n"
                "\n"
                "Brown or cola-coloured urine with severe pain or weakness, or severe, worsening "
                "pain with a tight, swollen muscle, is an emergency. See a GP or physiotherapist "
                "within a few days if soreness hasn't eased after a week."
            ),
            (
                "This is the main cause the article misses. Running downhill, your thigh muscles "
                "act as brakes: they are being stretched while they contract (eccentric work). "
                "This causes tiny areas of damage and a repair response that leaves the muscle "
                "tender and stiff a day or two later. That is delayed-onset muscle soreness, or "
                "DOMS.\n"
                "\n"
                "In a classic study, 45 minutes of downhill running caused clear soreness in the "
                "thighs, buttocks and lower legs, while harder running on the flat caused none "
                "worth measuring (Schwane et al. 1983). Anything new to your legs, such as a "
                "longer race, faster intervals, stairs or a new sport, can do the same.\n"
                "\n"
                "DOMS is not caused by lactic acid. Lactate clears from the muscles within an "
                "hour or so of stopping, long before the soreness starts (Cheung et al. 2003). "
                "Soreness usually peaks 24-72 hours after the run and fades within about 5-7 "
                "days.\n"
                "\n"
                "The good news: one bout makes your muscles much more resistant to the same "
                "exercise for several weeks. This is called the repeated-bout effect (McHugh "
                "2003).\n"
                "\n"
                "Get urgent help for severe pain and swelling, marked weakness, or dark brown or "
                "cola-coloured urine after hard exercise, which can signal serious muscle "
                "breakdown (rhabdomyolysis). See a GP or physiotherapist if soreness hasn't eased"
                " after a week."
            ),
        ],
        "new": (
            "This is the best-established cause of delayed soreness. Running downhill, your "
            "thigh muscles act as brakes: they are being stretched while they contract "
            "(eccentric work). This causes tiny areas of damage and a repair response that "
            "leaves the muscle tender and stiff a day or two later. That is delayed-onset "
            "muscle soreness, or DOMS.\n"
            "\n"
            "In a classic study, seven people ran for 45 minutes on the level and, on another"
            " day, down a 10% slope. Downhill, although it was easier on the heart and lungs,"
            " caused clear soreness in the buttocks, thighs and lower legs and a rise in a "
            "blood marker of muscle damage; the harder level run caused no significant "
            "soreness (Schwane et al. 1983). Anything new to your legs, such as a longer "
            "race, faster intervals, stairs or a new sport, can do the same.\n"
            "\n"
            "DOMS is not caused by lactic acid, which clears within an hour or so of "
            "stopping, long before the soreness starts. Soreness usually peaks 24-72 hours "
            "after the run and then eases day by day (Cheung et al. 2003).\n"
            "\n"
            "The good news: one bout protects. People who repeated a 30-minute downhill run 3"
            " or 6 weeks later got much less sore; after 9 weeks the protection had gone "
            "(Byrnes et al. 1985). This repeated-bout effect seems to come from changes in "
            "the muscle, its connective tissue and the nervous system (McHugh 2003).\n"
            "\n"
            "Brown or cola-coloured urine with severe pain or weakness, or severe, worsening "
            "pain with a tight, swollen muscle, is an emergency. If the soreness is no better"
            " after 5 days, or getting worse, stop running and book a GP or physiotherapist."
        ),
    },
    {
        "model": "cause",
        "slug": "eccentric_load",
        "field": "references",
        "old": [
            (
                "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular "
                "soreness and plasma CPK and LDH activities after downhill running. Med Sci "
                "Sports Exerc. 1983;15(1):51-56. PMID: 6843319\n"
                "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
                " and performance factors. Sports Med. 2003;33(2):145-164. "
                "doi:10.2165/00007256-200333020-00005\n"
                "McHugh MP. Recent advances in the understanding of the repeated bout effect: the"
                " protective effect against muscle damage from a single bout of eccentric "
                "exercise. Scand J Med Sci Sports. 2003;13(2):88-97. "
                "doi:10.1034/j.1600-0838.2003.02477.x"
            ),
            (
                "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular "
                "soreness and plasma CPK and LDH activities after downhill running. Med Sci "
                "Sports Exerc. 1983;15(1):51-56.\n"
                "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
                " and performance factors. Sports Med. 2003;33(2):145-164.\n"
                "McHugh MP. Recent advances in the understanding of the repeated bout effect: the"
                " protective effect against muscle damage from a single bout of eccentric "
                "exercise. Scand J Med Sci Sports. 2003;13(2):88-97."
            ),
        ],
        "new": (
            "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular "
            "soreness and plasma CPK and LDH activities after downhill running. Med Sci "
            "Sports Exerc. 1983;15(1):51-56. PMID: 6843319\n"
            "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
            " and performance factors. Sports Med. 2003;33(2):145-164. "
            "doi:10.2165/00007256-200333020-00005\n"
            "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed "
            "onset muscle soreness following repeated bouts of downhill running. J Appl "
            "Physiol. 1985;59(3):710-715. doi:10.1152/jappl.1985.59.3.710\n"
            "McHugh MP. Recent advances in the understanding of the repeated bout effect: the"
            " protective effect against muscle damage from a single bout of eccentric "
            "exercise. Scand J Med Sci Sports. 2003;13(2):88-97. "
            "doi:10.1034/j.1600-0838.2003.02477.x"
        ),
    },
    {
        "model": "strategy",
        "slug": "hydrate",
        "field": "explanation",
        "old": (
            "For most runs under an hour in mild weather you don't need to drink on the run. "
            "Drink with meals and afterwards, and let thirst guide you.\n"
            "\n"
            "Drink more in hot or humid weather, and carry fluid or plan stops for longer "
            "runs, especially in heat. Large losses of sweat make running harder and increase"
            " heat strain (Sawka et al. 2007).\n"
            "\n"
            "Don't drink to a fixed schedule or try to 'stay ahead' of thirst, and you "
            "shouldn't finish a race heavier than you started. Drinking far more than you "
            "sweat can dilute the sodium in your blood (hyponatraemia), which has caused "
            "collapses and deaths at marathons. Slower runners in long events are most at "
            "risk (Hew-Butler et al. 2015).\n"
            "\n"
            "Be realistic: drinking well helps you feel and run better, especially in the "
            "heat, but it won't prevent next-day soreness. Get urgent help for confusion, "
            "vomiting, a severe headache or swelling after a long event."
        ),
        "new": (
            "For most runs under an hour in mild weather you don't need to drink on the run. "
            "Drink with meals and afterwards, and let thirst guide you. Pale straw-coloured "
            "urine is a good sign; dark yellow means drink a bit more.\n"
            "\n"
            "Drink more in hot or humid weather, and carry fluid or plan stops for longer "
            "runs, especially in heat. Large sweat losses make running harder and increase "
            "heat strain (Sawka et al. 2007).\n"
            "\n"
            "Don't drink to a fixed schedule or try to 'stay ahead' of thirst, and don't "
            "finish a race heavier than you started. Drinking far more than you sweat can "
            "dilute the sodium in your blood (hyponatraemia), which has caused collapses and "
            "deaths at marathons. Slower runners in long events are most at risk (Hew-Butler "
            "et al. 2015). If you have kidney or heart disease, follow your own doctor's "
            "advice on fluids.\n"
            "\n"
            "Be realistic: drinking well helps you feel and run better, especially in the "
            "heat, but it won't prevent next-day soreness. Confusion, vomiting, a severe "
            "headache or collapse after a long event is an emergency: call emergency "
            "services, and don't drink large amounts while you wait."
        ),
    },
    {
        "model": "strategy",
        "slug": "hydrate",
        "field": "references",
        "old": (
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
            "2015;25(4):303-320.\n"
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390."
        ),
        "new": (
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
            "2015;25(4):303-320.\n"
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597"
        ),
    },
    {
        "model": "strategy",
        "slug": "balanced_diet",
        "field": "explanation",
        "old": (
            "The foundation is eating enough in total. If you have stepped up your training, "
            "your portions usually need to rise too.\n"
            "\n"
            "Carbohydrate (bread, rice, pasta, potatoes, oats, fruit) fuels longer and harder"
            " runs; eat more on heavy days. Protein (meat, fish, eggs, dairy, beans, lentils,"
            " tofu) supports repair; guidelines suggest about 1.2-2.0 g per kg of body weight"
            " a day for athletes, spread across meals (Thomas et al. 2016). A meal or snack "
            "with both within a couple of hours of a hard run is a good habit.\n"
            "\n"
            "Don't expect food to switch off soreness. High-dose antioxidant supplements, "
            "such as vitamin C or E, don't reduce it by a noticeable amount (Ranchordas et "
            "al. 2017). A varied diet does more than special products.\n"
            "\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "drained all the time, have missed periods or have had a bone stress injury. "
            "These can point to under-fuelling (Mountjoy et al. 2018)."
        ),
        "new": (
            "The foundation is eating enough in total. If you have stepped up your training, "
            "your portions usually need to rise too. Eating too little for your training "
            "(RED-S) weakens bones and raises the risk of stress fractures (Mountjoy et al. "
            "2018).\n"
            "\n"
            "Carbohydrate (bread, rice, pasta, potatoes, oats, fruit) fuels longer and harder"
            " runs; eat more on heavy days. Protein (meat, fish, eggs, dairy, beans, lentils,"
            " tofu) supports repair; guidelines suggest about 1.2-2.0 g per kg of body weight"
            " a day for athletes, spread across meals (Thomas et al. 2016). A meal or snack "
            "with both within a couple of hours of a hard session is a good habit. With "
            "kidney disease, ask your doctor before raising protein.\n"
            "\n"
            "Don't expect food to switch off soreness. High-dose antioxidant supplements, "
            "such as vitamin C or E, don't reduce it by a noticeable amount (Ranchordas et "
            "al. 2017). A varied diet does more than special products.\n"
            "\n"
            "See a GP or sports dietitian if you are losing weight without meaning to, feel "
            "drained all the time, have missed periods or have had a bone stress injury."
        ),
    },
    {
        "model": "strategy",
        "slug": "balanced_diet",
        "field": "references",
        "old": (
            "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint "
            "position statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
            "2016;48(3):543-568.\n"
            "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, "
            "et al. IOC consensus statement on relative energy deficiency in sport (RED-S): "
            "2018 update. Br J Sports Med. 2018;52(11):687-697.\n"
            "Ranchordas MK, Rogerson D, Soltani H, Costello JT. Antioxidants for preventing "
            "and reducing muscle soreness after exercise. Cochrane Database Syst Rev. "
            "2017;(12):CD009789."
        ),
        "new": (
            "Thomas DT, Erdman KA, Burke LM. American College of Sports Medicine joint "
            "position statement. Nutrition and athletic performance. Med Sci Sports Exerc. "
            "2016;48(3):543-568. doi:10.1249/MSS.0000000000000852\n"
            "Mountjoy M, Sundgot-Borgen JK, Burke LM, Ackerman KE, Blauwet C, Constantini N, "
            "et al. IOC consensus statement on relative energy deficiency in sport (RED-S): "
            "2018 update. Br J Sports Med. 2018;52(11):687-697. "
            "doi:10.1136/bjsports-2018-099193\n"
            "Ranchordas MK, Rogerson D, Soltani H, Costello JT. Antioxidants for preventing "
            "and reducing muscle soreness after exercise. Cochrane Database Syst Rev. "
            "2017;(12):CD009789."
        ),
    },
    {
        "model": "strategy",
        "slug": "warm_up_cool_down",
        "field": "explanation",
        "old": [
            (
                "A warm-up raises muscle temperature and makes the first part of a run feel "
                "easier. Start with 5-10 minutes of brisk walking or very easy jogging, and add a"
                " few leg swings, skips or short strides before a hard session. In a review of 32"
                " studies, warming up improved performance in 79% of the measures tested (Fradkin"
                " et al. 2010).\n"
                "\n"
                "A warm-up may also slightly reduce soreness after unaccustomed exercise. In one "
                "trial, 10 minutes of uphill walking before 30 minutes of walking backwards "
                "downhill cut soreness two days later by 13 points on a 100-point scale, while a "
                "cool-down afterwards made no difference (Law and Herbert 2007).\n"
                "\n"
                "The article recommends static stretching before and after runs. The best "
                "evidence says it does little or nothing for soreness: a Cochrane review of 12 "
                "trials, one with over 2,000 people, found stretching reduced soreness by a few "
                "points at most on a 100-point scale (Herbert et al. 2011). Stretch if you enjoy "
                "it or want more flexibility, but don't rely on it to stop aching legs.\n"
                "\n"
                "A gentle walk to finish is fine and helps you settle, but it isn't a proven way "
                "to prevent soreness. If pain gets worse as you warm up or makes you stop, stop "
                "running and book a physiotherapist within the next few days."
            ),
            (
                "A warm-up raises muscle temperature and makes the first part of a run feel "
                "easier. Start with 5-10 minutes of brisk walking or very easy jogging, and add a"
                " few leg swings, skips or short strides before a hard session. Warm-ups improve "
                "performance in most studies (Fradkin et al. 2010).\n"
                "\n"
                "A warm-up may also slightly reduce soreness after unaccustomed exercise. In one "
                "trial, a 10-minute warm-up before a downhill session cut soreness a little two "
                "days later, while a cool-down afterwards made no difference (Law and Herbert "
                "2007).\n"
                "\n"
                "The article recommends static stretching before and after runs. The best "
                "evidence says it does little or nothing for soreness: a Cochrane review of 12 "
                "trials, one with over 2,000 people, found stretching reduced soreness by a few "
                "points at most on a 100-point scale (Herbert et al. 2011). Stretch if you enjoy "
                "it or want more flexibility, but don't rely on it to stop aching legs.\n"
                "\n"
                "A gentle walk to finish is fine and helps you settle, but it isn't a proven way "
                "to prevent soreness. If pain gets worse as you warm up or makes you stop, get it"
                " checked by a physiotherapist."
            ),
        ],
        "new": (
            "A warm-up raises muscle temperature and makes the first part of a run feel "
            "easier. Start with 5-10 minutes of brisk walking or very easy jogging, and add a"
            " few leg swings, skips or short strides before a hard session. In a review of 32"
            " studies, warming up improved performance in 79% of the measures tested (Fradkin"
            " et al. 2010).\n"
            "\n"
            "A warm-up may also slightly reduce soreness after unaccustomed exercise. In one "
            "trial, 10 minutes of uphill walking before 30 minutes of walking backwards "
            "downhill cut soreness two days later by 13 points on a 100-point scale, while a "
            "cool-down afterwards made no difference (Law and Herbert 2007).\n"
            "\n"
            "Static stretching before and after runs is often recommended, but the best "
            "evidence says it does little or nothing for soreness: a Cochrane review of 12 "
            "trials, one with over 2,000 people, found stretching reduced soreness by a few "
            "points at most on a 100-point scale (Herbert et al. 2011). Stretch if you enjoy "
            "it or want more flexibility, but don't rely on it to stop aching legs.\n"
            "\n"
            "A gentle walk to finish is fine and helps you settle, but it isn't a proven way "
            "to prevent soreness. If pain gets worse as you warm up or makes you stop, stop "
            "running and book a physiotherapist within the next few days."
        ),
    },
    {
        "model": "strategy",
        "slug": "warm_up_cool_down",
        "field": "references",
        "old": (
            "Herbert RD, de Noronha M, Kamper SJ. Stretching to prevent or reduce muscle "
            "soreness after exercise. Cochrane Database Syst Rev. 2011;(7):CD004577.\n"
            "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down "
            "does not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95.\n"
            "Fradkin AJ, Zazryn TR, Smoliga JM. Effects of warming-up on physical "
            "performance: a systematic review with meta-analysis. J Strength Cond Res. "
            "2010;24(1):140-148."
        ),
        "new": (
            "Herbert RD, de Noronha M, Kamper SJ. Stretching to prevent or reduce muscle "
            "soreness after exercise. Cochrane Database Syst Rev. 2011;(7):CD004577. "
            "doi:10.1002/14651858.CD004577.pub3\n"
            "Law RY, Herbert RD. Warm-up reduces delayed onset muscle soreness but cool-down "
            "does not: a randomised controlled trial. Aust J Physiother. 2007;53(2):91-95. "
            "doi:10.1016/s0004-9514(07)70041-7\n"
            "Fradkin AJ, Zazryn TR, Smoliga JM. Effects of warming-up on physical "
            "performance: a systematic review with meta-analysis. J Strength Cond Res. "
            "2010;24(1):140-148. doi:10.1519/JSC.0b013e3181c643a0"
        ),
    },
    {
        "model": "strategy",
        "slug": "flat_surfaces",
        "field": "summary",
        "old": (
            "While your legs are sore, keep runs easy and flat, or cross-train. Don't avoid "
            "hills for good: bring them back in small doses so your legs adapt."
        ),
        "new": (
            "While your legs are sore from downhill or hilly running, keep runs easy and "
            "flat, or cross-train. Then bring hills back in small doses so your legs adapt."
        ),
    },
    {
        "model": "strategy",
        "slug": "flat_surfaces",
        "field": "explanation",
        "old": [
            (
                "Downhills load the thigh muscles far more than flat running: in one study a "
                "downhill run made people sore while a harder level run did not (Schwane et al. "
                "1983). Easy running on the flat, or cycling, swimming or walking, lets sore "
                "muscles recover while you keep moving. Gentle exercise often eases DOMS for a "
                "while, though the relief is temporary (Cheung et al. 2003).\n"
                "\n"
                "Smooth, even ground also lowers the chance of turning an ankle on tired legs. "
                "Softer surfaces aren't proven to prevent injury, so pick what feels comfortable."
                " There are no trials of running flat to prevent soreness, so this is sensible "
                "advice rather than proven.\n"
                "\n"
                "The article says to avoid hills and uneven ground. That's good advice while "
                "you're sore, but avoiding them for good leaves your legs unprepared for the "
                "hills you'll meet in races and on holiday. A first dose of downhill running "
                "protects your muscles against the next one for several weeks (Byrnes et al. "
                "1985), so build hills and trails back in gradually: see 'Build up downhills in "
                "small doses'.\n"
                "\n"
                "This is for ordinary soreness only. If easy flat running still hurts after a "
                "week, or the pain is in one spot, stop running and book a physiotherapist within"
                " the next few days."
            ),
            (
                "Downhills load the thigh muscles far more than flat running (Schwane et al. "
                "1983). Easy running on the flat, or cycling, swimming or walking, lets sore "
                "muscles recover while you keep moving. Gentle exercise often eases DOMS for a "
                "while, though the relief is temporary (Cheung et al. 2003).\n"
                "\n"
                "Smooth, even ground also lowers the chance of turning an ankle on tired legs. "
                "Softer surfaces aren't proven to prevent injury, so pick what feels comfortable.\n"
                "\n"
                "The article says to avoid hills and uneven ground. That's good advice while "
                "you're sore, but avoiding them for good leaves your legs unprepared for the "
                "hills you'll meet in races and on holiday. A first dose of downhill running "
                "protects your muscles against the next one for several weeks (Byrnes et al. "
                "1985), so build hills and trails back in gradually: see 'Build up downhills in "
                "small doses'.\n"
                "\n"
                "If easy flat running still hurts after a week, or the pain is in one spot, see a"
                " physiotherapist."
            ),
        ],
        "new": (
            "Downhills load the thigh muscles far more than flat running: in one study a "
            "downhill run made people sore while a harder level run did not (Schwane et al. "
            "1983). Easy running on the flat, or cycling, swimming or walking, lets sore "
            "muscles recover while you keep moving. Gentle exercise often eases DOMS for a "
            "while, though the relief is temporary (Cheung et al. 2003).\n"
            "\n"
            "Smooth, even ground also lowers the chance of turning an ankle on tired legs. "
            "Softer surfaces aren't proven to prevent injury, so pick what feels comfortable."
            " There are no trials of running flat to prevent soreness, so this is sensible "
            "advice rather than proven.\n"
            "\n"
            "A common tip is to avoid hills and uneven ground. That's good advice while "
            "you're sore, but avoiding them for good leaves your legs unprepared for the "
            "hills you'll meet in races and on holiday. A first dose of downhill running "
            "protects your muscles against the next one for several weeks (Byrnes et al. "
            "1985), so build hills and trails back in gradually: see 'Build up downhills in "
            "small doses'.\n"
            "\n"
            "This is for ordinary soreness after downhill or hilly running. It is not a fix "
            "for doing too much: a flat run is still a run, so if your training has outrun "
            "your legs, cut back overall (see 'Build up gradually'). If the soreness is no "
            "better after 5 days, or getting worse, or the pain is in one spot, stop running "
            "and book a GP or physiotherapist."
        ),
    },
    {
        "model": "strategy",
        "slug": "flat_surfaces",
        "field": "references",
        "old": (
            "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular "
            "soreness and plasma CPK and LDH activities after downhill running. Med Sci "
            "Sports Exerc. 1983;15(1):51-56.\n"
            "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed "
            "onset muscle soreness following repeated bouts of downhill running. J Appl "
            "Physiol. 1985;59(3):710-715.\n"
            "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
            " and performance factors. Sports Med. 2003;33(2):145-164."
        ),
        "new": (
            "Schwane JA, Johnson SR, Vandenakker CB, Armstrong RB. Delayed-onset muscular "
            "soreness and plasma CPK and LDH activities after downhill running. Med Sci "
            "Sports Exerc. 1983;15(1):51-56. PMID: 6843319\n"
            "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed "
            "onset muscle soreness following repeated bouts of downhill running. J Appl "
            "Physiol. 1985;59(3):710-715. doi:10.1152/jappl.1985.59.3.710\n"
            "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
            " and performance factors. Sports Med. 2003;33(2):145-164. "
            "doi:10.2165/00007256-200333020-00005"
        ),
    },
    {
        "model": "strategy",
        "slug": "gradual_increase",
        "field": "summary",
        "old": (
            "Increase distance, speed and number of runs step by step, change one thing at a "
            "time, and take an easier week every few weeks."
        ),
        "new": (
            "Increase distance, speed and number of runs step by step, keep each run within "
            "about 10% of your longest in the last 30 days, and take an easier week every few"
            " weeks."
        ),
    },
    {
        "model": "strategy",
        "slug": "gradual_increase",
        "field": "explanation",
        "old": [
            (
                "Your heart and lungs adapt within weeks; tendons and bones take months. Increase"
                " one thing at a time (distance, pace, hills or number of runs) and keep most "
                "runs easy.\n"
                "\n"
                "Avoid big jumps compared with your recent weeks. Sudden spikes in load go with "
                "more injuries in team sports (Gabbett 2016), and novice runners who raised their"
                " weekly distance by more than 30% in two weeks had more knee, shin and hip "
                "injuries than those who stayed under 10%, a borderline result (Nielsen et al. "
                "2014).\n"
                "\n"
                "The '10% a week' rule is a guide, not a rule: novices on a 10%-a-week plan got "
                "injured just as often as those on a quicker plan (Buist et al. 2008). Take an "
                "easier week every few weeks, restart below your old level after a break, and "
                "change shoes or technique gradually too. Building up to race distance and pace "
                "is also the best-supported way to make cramps less likely.\n"
                "\n"
                "If pain returns at the same point in every build-up, or is sharp, on one spot of"
                " a bone, or worse each run, stop running and book a GP or physiotherapist within"
                " the next few days."
            ),
            (
                "Your heart and lungs adapt within weeks; tendons and bones take months. Increase"
                " one thing at a time (distance, pace, hills or number of runs) and keep most "
                "runs easy.\n"
                "\n"
                "Avoid big jumps compared with your recent weeks. Sudden spikes in load go with "
                "more injuries (Gabbett 2016), and novice runners who raised their weekly "
                "distance by more than 30% in two weeks had somewhat more knee and shin problems "
                "than those who stayed under 10%, a borderline result (Nielsen et al. 2014).\n"
                "\n"
                "The '10% a week' rule is a handy rule of thumb, not a proven limit: novices "
                "following a 10%-a-week plan got injured just as often as those on a quicker plan"
                " (Buist et al. 2008). Take an easier week every few weeks, restart below your "
                "old level after a break, and change shoes or technique gradually too.\n"
                "\n"
                "If pain returns at the same point in every build-up, or is sharp, on one spot of"
                " a bone, or worse each run, stop increasing and see a GP or physiotherapist."
            ),
        ],
        "new": (
            "Your heart and lungs adapt within weeks; tendons and bones take months. Increase"
            " one thing at a time (distance, pace, hills or number of runs) and keep most "
            "runs easy.\n"
            "\n"
            "Watch single runs, not just weeks. In 5,205 adult runners, a run more than 10% "
            "longer than the longest run of the previous 30 days went with a higher rate of "
            "overuse injuries, while changes in weekly distance were not linked to more "
            "injuries (Frandsen et al. 2025). Novice runners who raised their weekly distance"
            " by more than 30% in two weeks had more knee, shin and hip injuries than those "
            "who stayed under 10%, a borderline result (Nielsen et al. 2014).\n"
            "\n"
            "The '10% a week' rule is a guide, not a rule: novices on a 10%-a-week plan got "
            "injured just as often as those on a quicker plan (Buist et al. 2008). Take an "
            "easier week every few weeks, restart below your old level after a break, and "
            "change shoes or technique gradually too. Building up to race distance and pace "
            "may also make cramps less likely: most go with running harder or longer than "
            "usual (Schwellnus et al. 2011).\n"
            "\n"
            "If pain returns at the same point in every build-up, or is sharp, on one spot of"
            " a bone, or worse each run, stop running and book a GP or physiotherapist within"
            " the next few days."
        ),
    },
    {
        "model": "strategy",
        "slug": "gradual_increase",
        "field": "references",
        "old": [
            (
                "Gabbett TJ. The training-injury prevention paradox: should athletes be training "
                "smarter and harder? Br J Sports Med. 2016;50(5):273-280. "
                "doi:10.1136/bjsports-2015-095788\n"
                "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
                "progression in weekly running distance and risk of running-related injuries: an "
                "association which varies according to type of injury. J Orthop Sports Phys Ther."
                " 2014;44(10):739-747.\n"
                "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
                "effect of a graded training program on the number of running-related injuries in"
                " novice runners: a randomized controlled trial. Am J Sports Med. "
                "2008;36(1):33-39. doi:10.1177/0363546507307505"
            ),
            (
                "Gabbett TJ. The training-injury prevention paradox: should athletes be training "
                "smarter and harder? Br J Sports Med. 2016;50(5):273-280.\n"
                "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
                "progression in weekly running distance and risk of running-related injuries: an "
                "association which varies according to type of injury. J Orthop Sports Phys Ther."
                " 2014;44(10):739-747.\n"
                "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
                "effect of a graded training program on the number of running-related injuries in"
                " novice runners: a randomized controlled trial. Am J Sports Med. "
                "2008;36(1):33-39."
            ),
        ],
        "new": (
            "Frandsen JSB, Hulme A, Parner ET, et al. How much running is too much? "
            "Identifying high-risk running sessions in a 5200-person cohort study. Br J "
            "Sports Med. 2025;59(17):1203-1210. doi:10.1136/bjsports-2024-109380\n"
            "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive "
            "progression in weekly running distance and risk of running-related injuries: an "
            "association which varies according to type of injury. J Orthop Sports Phys Ther."
            " 2014;44(10):739-747.\n"
            "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No "
            "effect of a graded training program on the number of running-related injuries in"
            " novice runners: a randomized controlled trial. Am J Sports Med. "
            "2008;36(1):33-39. doi:10.1177/0363546507307505\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535"
        ),
    },
    {
        "model": "strategy",
        "slug": "compression",
        "field": "summary",
        "old": [
            (
                "Compression garments may ease soreness a little after hard or long runs. The "
                "benefit is modest, so wear them if they feel good, not instead of resting."
            ),
            (
                "Compression garments may ease soreness a little after hard or long runs. The "
                "benefit is small, so wear them if they feel good, not instead of resting."
            ),
        ],
        "new": (
            "Compression garments may ease soreness a little after hard or long runs. The "
            "benefit is small to moderate, so wear them if they feel good, not instead of "
            "resting."
        ),
    },
    {
        "model": "strategy",
        "slug": "compression",
        "field": "explanation",
        "old": [
            (
                "Compression garments squeeze the leg, which may limit swelling and muscle "
                "movement. Pooling 12 small studies, wearing them after muscle-damaging exercise "
                "had a moderate effect on soreness and on the return of strength (Hill et al. "
                "2014); later analyses found smaller benefits (Brown et al. 2017; Dupuy et al. "
                "2018).\n"
                "\n"
                "Studies used different garments and pressures, and people always know whether "
                "they are wearing compression, so some of the benefit may be expectation.\n"
                "\n"
                "For most healthy runners they are low-risk, so use them if they feel good, but "
                "they don't replace easing off your training. Take them off if they cause "
                "numbness, tingling or marks that last. Don't use them if you have poor "
                "circulation in your legs or numb feet from diabetes.\n"
                "\n"
                "Compression is never the answer to a warning sign. One calf that is swollen, "
                "warm and painful may be a blood clot: be seen the same day, and call emergency "
                "services if you are also short of breath. Severe, worsening pain with a tight, "
                "swollen muscle is an emergency: take compression gear off and go to an emergency"
                " department."
            ),
            (
                "Compression garments squeeze the leg, which may limit swelling and muscle "
                "movement. Pooled studies suggest that wearing them after muscle-damaging "
                "exercise reduces soreness a little over the following days (Hill et al. 2014; "
                "Dupuy et al. 2018) and slightly speeds the return of strength and performance "
                "(Brown et al. 2017).\n"
                "\n"
                "The effects are small and studies used different garments and pressures. People "
                "always know whether they are wearing compression, so some of the benefit may be "
                "expectation. Exactly how they work is still debated.\n"
                "\n"
                "For most healthy runners they are low-risk, so use them if they feel good, but "
                "they don't replace easing off your training. They should not cause numbness, "
                "tingling or marks that last.\n"
                "\n"
                "Check with a GP before using compression if you have diabetes or poor "
                "circulation in your legs. A calf that is swollen, warm and painful on one side "
                "needs urgent medical assessment, not compression, as it may be a blood clot."
            ),
        ],
        "new": (
            "Compression garments squeeze the leg, which may limit swelling and muscle "
            "movement. Pooling 12 small studies, wearing them after muscle-damaging exercise "
            "reduced soreness by a small-to-moderate amount (Hill et al. 2014), and a review "
            "of 99 studies of recovery methods also found less soreness with compression "
            "(Dupuy et al. 2018). A third pooled analysis, of 23 studies, measured the "
            "recovery of performance rather than soreness: it found a small benefit overall, "
            "largest for getting strength back (Brown et al. 2017).\n"
            "\n"
            "Studies used different garments and pressures, and people always know whether "
            "they are wearing compression, so some of the benefit may be expectation.\n"
            "\n"
            "For most healthy runners they are low-risk, so use them if they feel good, but "
            "they don't replace easing off your training. Take them off if they cause "
            "numbness, tingling or marks that last. Don't use them if you have poor "
            "circulation in your legs or numb feet from diabetes.\n"
            "\n"
            "Compression is never the answer to a warning sign. One calf that is swollen, "
            "warm and painful may be a blood clot: be seen the same day, and call emergency "
            "services if you are also short of breath. Severe, worsening pain with a tight, "
            "swollen muscle is an emergency: take compression gear off and go to an emergency"
            " department."
        ),
    },
    {
        "model": "strategy",
        "slug": "compression",
        "field": "references",
        "old": (
            "Hill J, Howatson G, van Someren K, Leeder J, Pedlar C. Compression garments and "
            "recovery from exercise-induced muscle damage: a meta-analysis. Br J Sports Med. "
            "2014;48(18):1340-1346.\n"
            "Brown F, Gissane C, Howatson G, van Someren K, Pedlar C, Hill J. Compression "
            "garments and recovery from exercise: a meta-analysis. Sports Med. "
            "2017;47(11):2245-2267.\n"
            "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
            "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
            "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
            "Front Physiol. 2018;9:403."
        ),
        "new": (
            "Hill J, Howatson G, van Someren K, Leeder J, Pedlar C. Compression garments and "
            "recovery from exercise-induced muscle damage: a meta-analysis. Br J Sports Med. "
            "2014;48(18):1340-1346. doi:10.1136/bjsports-2013-092456\n"
            "Brown F, Gissane C, Howatson G, van Someren K, Pedlar C, Hill J. Compression "
            "garments and recovery from exercise: a meta-analysis. Sports Med. "
            "2017;47(11):2245-2267.\n"
            "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
            "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
            "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
            "Front Physiol. 2018;9:403."
        ),
    },
    {
        "model": "strategy",
        "slug": "rest_recovery",
        "field": "summary",
        "old": (
            "Sleep 7-9 hours, keep easy days easy and give sore legs time. Soreness usually "
            "peaks 24-72 hours after a run and fades within about 5-7 days."
        ),
        "new": (
            "Sleep well, keep easy days easy and give sore legs time. Soreness usually peaks "
            "24-72 hours after a run, then eases over the next few days."
        ),
    },
    {
        "model": "strategy",
        "slug": "rest_recovery",
        "field": "explanation",
        "old": [
            (
                "Time is the one treatment that always works for DOMS. Soreness usually peaks "
                "24-72 hours after the run and fades within about 5-7 days (Cheung et al. 2003). "
                "Walking, cycling or swimming are usually fine; save hard sessions until the "
                "soreness has mostly gone.\n"
                "\n"
                "Sleep supports recovery. Aim for 7-9 hours a night; short or broken sleep is "
                "linked to poorer performance and recovery (Fullagar et al. 2015). Plan at least "
                "one or two rest or very easy days a week, more if you are new to running.\n"
                "\n"
                "If a clinician has told you to stop running for a while, pain-free "
                "cross-training such as cycling or swimming keeps your fitness without loading "
                "the sore spot. Of the hands-on recovery methods, massage came out best for "
                "soreness and fatigue in a large meta-analysis, with compression and cold-water "
                "immersion helping a little (Dupuy et al. 2018).\n"
                "\n"
                "Stop running and book a GP or physiotherapist within a few days if soreness "
                "hasn't clearly improved after a week, keeps getting worse, is in one spot or one"
                " leg only, or a joint is swollen. Fever, or brown or cola-coloured urine, needs "
                "checking the same day; with severe pain or weakness, brown urine is an "
                "emergency."
            ),
            (
                "Time is the one treatment that always works for DOMS. Soreness usually peaks "
                "24-72 hours after the run and fades within about 5-7 days (Cheung et al. 2003). "
                "Walking, cycling or an easy jog are usually fine; save hard sessions until the "
                "soreness has mostly gone.\n"
                "\n"
                "Sleep supports recovery. Aim for 7-9 hours a night; short or broken sleep is "
                "linked to poorer performance and recovery (Fullagar et al. 2015). Plan at least "
                "one or two rest or very easy days a week, more if you are new to running.\n"
                "\n"
                "Of the hands-on recovery methods, massage came out best for soreness and fatigue"
                " in a large meta-analysis, with compression and cold-water immersion helping a "
                "little (Dupuy et al. 2018). Many of the studies were small, so expect modest "
                "effects.\n"
                "\n"
                "See a GP or physiotherapist if soreness hasn't clearly improved after a week, "
                "keeps getting worse, is in one spot or one leg only, or comes with swelling, "
                "fever or dark urine."
            ),
        ],
        "new": (
            "Time is the one treatment that always works for DOMS. Soreness usually peaks "
            "24-72 hours after the run and then eases day by day (Cheung et al. 2003). "
            "Walking, cycling or swimming are usually fine; save hard sessions until the "
            "soreness has mostly gone.\n"
            "\n"
            "Sleep supports recovery. Short or broken sleep can hurt performance and may "
            "upset recovery, though the research in athletes is mixed (Fullagar et al. 2015)."
            " General guidance for adults is 7-9 hours a night (Hirshkowitz et al. 2015). "
            "Plan at least one or two rest or very easy days a week, more if you are new to "
            "running.\n"
            "\n"
            "If a clinician has told you to stop running for a while, pain-free "
            "cross-training such as cycling or swimming keeps your fitness without loading "
            "the sore spot. Hands-on and cold treatments ease soreness only a little: in "
            "pooled trials, massage (Davis et al. 2020), foam rolling (Wiewelhove et al. "
            "2019) and cold-water immersion (Bleakley et al. 2012; small, low-quality trials)"
            " each had small effects. Use them if you like them, not instead of rest.\n"
            "\n"
            "Stop running and book a GP or physiotherapist if soreness is no better after 5 "
            "days, or getting worse, or is in one spot or one leg only, or if a joint is "
            "swollen. Fever, or brown or cola-coloured urine, needs checking the same day; "
            "with severe pain or weakness, brown urine is an emergency."
        ),
    },
    {
        "model": "strategy",
        "slug": "rest_recovery",
        "field": "references",
        "old": [
            (
                "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
                " and performance factors. Sports Med. 2003;33(2):145-164. "
                "doi:10.2165/00007256-200333020-00005\n"
                "Fullagar HH, Skorski S, Duffield R, Hammes D, Coutts AJ, Meyer T. Sleep and "
                "athletic performance: the effects of sleep loss on exercise performance, and "
                "physiological and cognitive responses to exercise. Sports Med. "
                "2015;45(2):161-186.\n"
                "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
                "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
                "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
                "Front Physiol. 2018;9:403."
            ),
            (
                "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
                " and performance factors. Sports Med. 2003;33(2):145-164.\n"
                "Fullagar HH, Skorski S, Duffield R, Hammes D, Coutts AJ, Meyer T. Sleep and "
                "athletic performance: the effects of sleep loss on exercise performance, and "
                "physiological and cognitive responses to exercise. Sports Med. "
                "2015;45(2):161-186.\n"
                "Dupuy O, Douzi W, Theurot D, Bosquet L, Dugue B. An evidence-based approach for "
                "choosing post-exercise recovery techniques to reduce markers of muscle damage, "
                "soreness, fatigue, and inflammation: a systematic review with meta-analysis. "
                "Front Physiol. 2018;9:403."
            ),
        ],
        "new": (
            "Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies"
            " and performance factors. Sports Med. 2003;33(2):145-164. "
            "doi:10.2165/00007256-200333020-00005\n"
            "Fullagar HH, Skorski S, Duffield R, Hammes D, Coutts AJ, Meyer T. Sleep and "
            "athletic performance: the effects of sleep loss on exercise performance, and "
            "physiological and cognitive responses to exercise. Sports Med. "
            "2015;45(2):161-186.\n"
            "Hirshkowitz M, Whiton K, Albert SM, Alessi C, Bruni O, DonCarlos L, et al. "
            "National Sleep Foundation's sleep time duration recommendations: methodology and"
            " results summary. Sleep Health. 2015;1(1):40-43. doi:10.1016/j.sleh.2014.12.010\n"
            "Davis HL, Alabed S, Chico TJA. Effect of sports massage on performance and "
            "recovery: a systematic review and meta-analysis. BMJ Open Sport Exerc Med. "
            "2020;6(1):e000614. doi:10.1136/bmjsem-2019-000614\n"
            "Wiewelhove T, Döweling A, Schneider C, Hottenrott L, Meyer T, Kellmann M, et al."
            " A meta-analysis of the effects of foam rolling on performance and recovery. "
            "Front Physiol. 2019;10:376. doi:10.3389/fphys.2019.00376\n"
            "Bleakley C, McDonough S, Gardner E, Baxter GD, Hopkins JT, Davison GW. "
            "Cold-water immersion (cryotherapy) for preventing and treating muscle soreness "
            "after exercise. Cochrane Database Syst Rev. 2012;(2):CD008262. "
            "doi:10.1002/14651858.CD008262.pub2"
        ),
    },
    {
        "model": "strategy",
        "slug": "electrolyte_plan",
        "field": "explanation",
        "old": [
            (
                "Most runs under about 90 minutes need no special electrolyte plan: your normal "
                "meals replace what you lose.\n"
                "\n"
                "For longer runs, hot days, or if you are a heavy, salty sweater (white, gritty "
                "marks on your kit or cap), take a sports drink, electrolyte tablets or salty "
                "snacks along with your fluids. Sodium is the one that matters most (Sawka et al."
                " 2007). Try your plan in training, not for the first time on race day. If you "
                "have kidney disease, heart failure or high blood pressure, don't add salt "
                "without your doctor's advice.\n"
                "\n"
                "Be realistic about cramps. They are linked mainly to fatigue and to running "
                "harder or longer than you are used to, not to low blood salts (Schwellnus 2009)."
                " Sensible pacing and training for the distance probably do more than extra "
                "electrolytes. If a cramp hits, slow down and gently stretch the muscle.\n"
                "\n"
                "Salt doesn't protect you from overdrinking: even sports drinks can lead to "
                "hyponatraemia if you drink far more than you sweat (Hew-Butler et al. 2015). "
                "Confusion, vomiting or a severe headache during or after a long event is an "
                "emergency: call emergency services. A cramp that won't ease after 10 minutes "
                "needs checking the same day; see a GP if cramps are frequent or come at rest."
            ),
            (
                "Most runs under about 90 minutes need no special electrolyte plan: your normal "
                "meals replace what you lose.\n"
                "\n"
                "For longer runs, hot days, or if you are a heavy, salty sweater (white, gritty "
                "marks on your kit or cap), take a sports drink, electrolyte tablets or salty "
                "snacks along with your fluids. Sodium is the one that matters most (Sawka et al."
                " 2007). Try your plan in training, not for the first time on race day.\n"
                "\n"
                "Be realistic about cramps. They are linked mainly to fatigue and to running "
                "harder or longer than you are used to, not to low blood salts (Schwellnus 2009)."
                " Sensible pacing and training for the distance probably do more than extra "
                "electrolytes. If a cramp hits, slow down and gently stretch the muscle.\n"
                "\n"
                "Salt doesn't protect you from overdrinking: even sports drinks can lead to "
                "hyponatraemia if you drink far more than you sweat (Hew-Butler et al. 2015). Get"
                " urgent help for confusion, vomiting or a severe headache during or after a long"
                " event, and see a GP if cramps are frequent or happen at rest."
            ),
        ],
        "new": (
            "Most runs under about 90 minutes need no special electrolyte plan: your normal "
            "meals replace what you lose.\n"
            "\n"
            "For longer runs, hot days, or if you are a heavy, salty sweater (white, gritty "
            "marks on your kit or cap), take a sports drink, electrolyte tablets or salty "
            "snacks along with your fluids. Sodium is the one that matters most (Sawka et al."
            " 2007). Try your plan in training, not for the first time on race day. If you "
            "have kidney disease, heart failure or high blood pressure, don't add salt "
            "without your doctor's advice.\n"
            "\n"
            "Be realistic about cramps. They have several causes acting together (Miller et "
            "al. 2022), but most go with fatigue and with running harder or longer than you "
            "are used to, not with low blood salts (Schwellnus et al. 2011). Sensible pacing "
            "and training for the distance probably do more than extra electrolytes. If a "
            "cramp hits, slow down and gently stretch the muscle.\n"
            "\n"
            "Salt doesn't protect you from overdrinking: even sports drinks can lead to "
            "hyponatraemia if you drink far more than you sweat (Hew-Butler et al. 2015). "
            "Confusion, vomiting or a severe headache during or after a long event is an "
            "emergency: call emergency services. A cramp that won't ease after 10 minutes "
            "needs checking the same day; see a GP if cramps are frequent or come at rest."
        ),
    },
    {
        "model": "strategy",
        "slug": "electrolyte_plan",
        "field": "references",
        "old": [
            (
                "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
                " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
                "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597\n"
                "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
                "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
                "2009;43(6):401-408. doi:10.1136/bjsm.2008.050401\n"
                "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
                "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
                "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
                "2015;25(4):303-320."
            ),
            (
                "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
                " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
                "Sci Sports Exerc. 2007;39(2):377-390.\n"
                "Schwellnus MP. Cause of exercise associated muscle cramps (EAMC): altered "
                "neuromuscular control, dehydration or electrolyte depletion? Br J Sports Med. "
                "2009;43(6):401-408.\n"
                "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
                "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
                "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
                "2015;25(4):303-320."
            ),
        ],
        "new": (
            "Sawka MN, Burke LM, Eichner ER, Maughan RJ, Montain SJ, Stachenfeld NS. American"
            " College of Sports Medicine position stand. Exercise and fluid replacement. Med "
            "Sci Sports Exerc. 2007;39(2):377-390. doi:10.1249/mss.0b013e31802ca597\n"
            "Schwellnus MP, Drew N, Collins M. Increased running speed and previous cramps "
            "rather than dehydration or serum sodium changes predict exercise-associated "
            "muscle cramping: a prospective cohort study in 210 Ironman triathletes. Br J "
            "Sports Med. 2011;45(8):650-656. doi:10.1136/bjsm.2010.078535\n"
            "Miller KC, McDermott BP, Yeargin SW, Fiol A, Schwellnus MP. An evidence-based "
            "review of the pathophysiology, treatment, and prevention of exercise-associated "
            "muscle cramps. J Athl Train. 2022;57(1):5-15. doi:10.4085/1062-6050-0696.20\n"
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, et al. "
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015. Clin J Sport Med. "
            "2015;25(4):303-320."
        ),
    },
    {
        "model": "strategy",
        "slug": "dress_for_cold",
        "field": "explanation",
        "old": [
            (
                "Wear layers you can unzip or take off: a sweat-wicking base layer, a light warm "
                "layer and a wind- or rainproof shell when needed. A hat and gloves make a big "
                "difference. Below about 5 °C, or in a cold wind, wear running tights to keep "
                "your leg muscles warm. Feeling slightly cool for the first few minutes is about "
                "right.\n"
                "\n"
                "Warm up for longer in the cold: 10-15 minutes of easy movement, perhaps starting"
                " indoors, before any fast running, and build your pace gradually. Cold muscles "
                "are weaker and slower until they warm up (Racinais and Oksa 2010).\n"
                "\n"
                "Afterwards, get out of sweaty kit and into dry, warm clothes quickly, because "
                "you cool fast once you stop (Castellani et al. 2006). In fairness, this is "
                "sensible and cheap, but there is little direct research showing it prevents "
                "soreness.\n"
                "\n"
                "If fingers, toes or skin go numb, white or waxy, stop and warm them gently. A "
                "foot that stays cold, pale or blue after you have warmed up is an emergency, and"
                " numbness that stays needs checking the same day."
            ),
            (
                "Wear layers you can unzip or take off: a sweat-wicking base layer, a light warm "
                "layer and a wind- or rainproof shell when needed. A hat and gloves make a big "
                "difference. Below about 5 °C, or in a cold wind, wear running tights to keep "
                "your leg muscles warm. Feeling slightly cool for the first few minutes is about "
                "right.\n"
                "\n"
                "Warm up for longer in the cold: 10-15 minutes of easy movement, perhaps starting"
                " indoors, before any fast running, and build your pace gradually. Cold muscles "
                "are stiffer and weaker until they warm up (Racinais and Oksa 2010).\n"
                "\n"
                "Afterwards, get out of sweaty kit and into dry, warm clothes quickly, because "
                "you cool fast once you stop (Castellani et al. 2006). In fairness, this is "
                "sensible and cheap, but there is little direct research showing it prevents "
                "soreness.\n"
                "\n"
                "If fingers, toes or skin go numb, white or waxy, stop and warm up, and seek "
                "medical advice if feeling doesn't return to normal once you are warm."
            ),
        ],
        "new": (
            "Wear layers you can unzip or take off: a sweat-wicking base layer, a light warm "
            "layer and a wind- or rainproof shell when needed. A hat and gloves make a big "
            "difference. Below about 5 °C, or in a cold wind, wear running tights to keep "
            "your leg muscles warm. Feeling slightly cool for the first few minutes is about "
            "right.\n"
            "\n"
            "Warm up for longer in the cold: 10-15 minutes of easy movement, perhaps starting"
            " indoors, before any fast running, and build your pace gradually. Cold muscles "
            "are weaker and slower until they warm up (Bergh and Ekblom 1979).\n"
            "\n"
            "Afterwards, get out of sweaty kit and into dry, warm clothes quickly, because "
            "you cool fast once you stop (Castellani et al. 2006). In fairness, this is "
            "sensible and cheap, but there is little direct research showing it prevents "
            "soreness.\n"
            "\n"
            "If fingers, toes or skin go numb, white or waxy, stop and warm them gently. A "
            "foot that stays cold, pale or blue after you have warmed up is an emergency, and"
            " numbness that stays needs checking the same day."
        ),
    },
    {
        "model": "strategy",
        "slug": "dress_for_cold",
        "field": "references",
        "old": [
            (
                "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
                "American College of Sports Medicine position stand: prevention of cold injuries "
                "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029.\n"
                "Racinais S, Oksa J. Temperature and neuromuscular function. Scand J Med Sci "
                "Sports. 2010;20(Suppl 3):1-18. doi:10.1111/j.1600-0838.2010.01204.x"
            ),
            (
                "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
                "American College of Sports Medicine position stand: prevention of cold injuries "
                "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029.\n"
                "Racinais S, Oksa J. Temperature and neuromuscular function. Scand J Med Sci "
                "Sports. 2010;20(Suppl 3):1-18."
            ),
        ],
        "new": (
            "Castellani JW, Young AJ, Ducharme MB, Giesbrecht GG, Glickman E, Sallis RE. "
            "American College of Sports Medicine position stand: prevention of cold injuries "
            "during exercise. Med Sci Sports Exerc. 2006;38(11):2012-2029.\n"
            "Bergh U, Ekblom B. Influence of muscle temperature on maximal muscle strength "
            "and power output in human skeletal muscles. Acta Physiol Scand. "
            "1979;107(1):33-37. doi:10.1111/j.1748-1716.1979.tb06439.x"
        ),
    },
    {
        "model": "strategy",
        "slug": "repeated_bout",
        "field": "explanation",
        "old": (
            "Muscles adapt quickly to braking work. After one bout of downhill running, "
            "repeating it a few weeks later causes much less soreness and muscle damage. In "
            "one study the protection lasted up to about six weeks and had faded by nine "
            "(Byrnes et al. 1985). This is the repeated-bout effect (McHugh 2003).\n"
            "\n"
            "Use it on purpose. If a hilly race or trail trip is coming up, add a few short, "
            "gentle descents to easy runs several weeks beforehand, then keep a little "
            "downhill running in your week to hold on to the protection. Even a fairly small "
            "first dose seems to protect, so start shorter and gentler than you think you "
            "need.\n"
            "\n"
            "The same goes for anything new: faster intervals, longer runs, stairs or a new "
            "sport. Expect some soreness after the first session, keep it short, and the next"
            " one will usually be easier.\n"
            "\n"
            "A first dose should leave you mildly sore at most. Severe pain, swelling, marked"
            " weakness or dark urine after a hard downhill session needs urgent medical help."
        ),
        "new": (
            "Muscles adapt quickly to braking work. After one 30-minute downhill run, "
            "repeating it 3 or 6 weeks later caused much less soreness and muscle damage; by "
            "9 weeks the protection had faded (Byrnes et al. 1985). This repeated-bout effect"
            " is well established, though exactly how it works is still debated (McHugh "
            "2003).\n"
            "\n"
            "Use it on purpose. If a hilly race or trail trip is coming up, add a few short, "
            "gentle descents to easy runs several weeks beforehand, then keep a little "
            "downhill running in your week to hold on to the protection. Even a small first "
            "dose seems to protect, so start shorter and gentler than you think you need.\n"
            "\n"
            "The same goes for anything new: faster intervals, longer runs, stairs or a new "
            "sport. Expect some soreness after the first session, keep it short, and the next"
            " one will usually be easier.\n"
            "\n"
            "This is for healthy legs only, never beside a warning sign. A first dose should "
            "leave you mildly sore at most. Brown or cola-coloured urine with severe pain or "
            "weakness, or severe, worsening pain with a tight, swollen muscle after a hard "
            "downhill session, is an emergency: go to an emergency department now."
        ),
    },
    {
        "model": "strategy",
        "slug": "repeated_bout",
        "field": "references",
        "old": (
            "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed "
            "onset muscle soreness following repeated bouts of downhill running. J Appl "
            "Physiol. 1985;59(3):710-715.\n"
            "McHugh MP. Recent advances in the understanding of the repeated bout effect: the"
            " protective effect against muscle damage from a single bout of eccentric "
            "exercise. Scand J Med Sci Sports. 2003;13(2):88-97."
        ),
        "new": (
            "Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ. Delayed "
            "onset muscle soreness following repeated bouts of downhill running. J Appl "
            "Physiol. 1985;59(3):710-715. doi:10.1152/jappl.1985.59.3.710\n"
            "McHugh MP. Recent advances in the understanding of the repeated bout effect: the"
            " protective effect against muscle damage from a single bout of eccentric "
            "exercise. Scand J Med Sci Sports. 2003;13(2):88-97. "
            "doi:10.1034/j.1600-0838.2003.02477.x"
        ),
    },
    {
        "model": "strategyforcause",
        "slug": "overuse/flat_surfaces",
        "field": "link",
        "old": (
            "Easy, flat runs while your legs are sore keep you moving without adding the "
            "extra load of hills and rough ground."
        ),
        "new": REMOVE,
        "note": (
            "Remove this link: running on the flat answers soreness from downhill (eccentric)"
            " running, not overuse, where the answer is less load overall (Build up gradually)."
        ),
    },
    {
        "model": "strategyforcause",
        "slug": "cold/dress_for_cold",
        "field": "why",
        "old": (
            "Layers and leg cover keep your muscles warm, supple and working normally in cold"
            " weather."
        ),
        "new": "Layers and leg cover keep your muscles warm and working normally in cold weather.",
    },
]

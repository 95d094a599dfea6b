"""Default questionnaire content for legache.

Plain data, no Django. Slugs, kinds and choice order follow
/work/shared/assessment-contract.md; labels, help texts, weights, triage messages
and tips are editable defaults.

Choice keys:
    slug            stable identifier (contract)
    label           what the runner taps
    exclusive       True: pick only on its own
    triage_level    "soon" | "urgent" | "emergency" (with triage_message)
    weights         {cause_slug: (points, reason_sentence)}
"""

# Steps of the wizard: six screens, warning signs first.
QUESTIONS = [
    # ------------------------------------------------------------------ step 1
    {
        "slug": "red_flags",
        "text": "Do you have any of these right now?",
        "help_text": "Tick all that apply. These can mean something more serious than normal soreness.",
        "kind": "many",
        "step": 1,
        "choices": [
            {"slug": "none", "label": "None of these", "exclusive": True},
            {
                "slug": "dark_urine",
                "label": "Dark (cola or tea-coloured) urine with severe muscle pain or weakness",
                "triage_level": "emergency",
                "triage_message": (
                    "Dark urine with severe muscle pain or weakness after hard exercise can mean "
                    "rhabdomyolysis, a breakdown of muscle that can damage the kidneys. Call emergency "
                    "services or go to an emergency department now, and do not exercise again until "
                    "you have been checked."
                ),
            },
            {
                "slug": "calf_swelling_one_side",
                "label": "One calf swollen, warm, red or painful (one leg only)",
                "triage_level": "urgent",
                "triage_message": (
                    "Swelling, warmth or pain in one calf can be a blood clot (deep vein thrombosis). "
                    "Get seen today by a GP, urgent care or a telephone health line, and do not massage "
                    "the calf. If you are also short of breath or have chest pain, call emergency services now."
                ),
            },
            {
                "slug": "breathless",
                "label": "Short of breath or chest pain",
                "triage_level": "emergency",
                "triage_message": (
                    "Breathlessness or chest pain can mean a blood clot in the lungs or a heart problem. "
                    "Stop, call emergency services now, and do not drive yourself."
                ),
            },
            {
                "slug": "severe_pain_swelling",
                "label": "Severe, worsening pain with a tight, swollen muscle",
                "triage_level": "emergency",
                "triage_message": (
                    "Severe pain out of proportion to the run, with a tight, swollen muscle, can mean "
                    "compartment syndrome, which needs treatment within hours. Go to an emergency "
                    "department or call emergency services now, and take off any compression gear."
                ),
            },
            {
                "slug": "numbness",
                "label": "Numbness, tingling or weakness in a leg or foot",
                "triage_level": "urgent",
                "triage_message": (
                    "Numbness, tingling or weakness can mean a nerve is pressed or irritated, or that "
                    "blood flow is reduced. Stop running and get seen today by a GP, urgent care or a "
                    "telephone health line. If your foot is also cold and pale, call emergency services now."
                ),
            },
            {
                "slug": "cannot_bear_weight",
                "label": "Can't put weight on the leg or walk 4 steps",
                "triage_level": "urgent",
                "triage_message": (
                    "Not being able to bear weight can mean a fracture. Get assessed today at urgent care "
                    "or by a GP, who may arrange an X-ray, and keep weight off the leg until then."
                ),
            },
            {
                "slug": "bone_tenderness",
                "label": "A spot on a bone that hurts when you press it",
                "triage_level": "soon",
                "triage_message": (
                    "Pain on one spot of a bone can be a bone stress injury (stress reaction or fracture). "
                    "Stop running now and book a GP or physiotherapist within the next few days; until "
                    "then keep to activities that don't hurt."
                ),
                "weights": {
                    "overuse": (
                        3,
                        "You have a tender spot on a bone, a typical sign of too much load too soon.",
                    ),
                },
            },
            {
                "slug": "joint_swelling",
                "label": "A swollen joint (knee, ankle or hip)",
                "triage_level": "soon",
                "triage_message": (
                    "A swollen joint is not ordinary muscle soreness and can mean a joint injury or "
                    "irritation. Stop running and book a GP or physiotherapist within the next few days. "
                    "If the joint is hot and red or you feel feverish, get seen today."
                ),
                "weights": {
                    "overuse": (
                        2,
                        "You have a swollen joint, which points to a joint that has been overloaded.",
                    ),
                },
            },
            {
                "slug": "fever",
                "label": "Fever, chills or feeling generally unwell",
                "triage_level": "urgent",
                "triage_message": (
                    "Fever with aching legs can mean an infection rather than training soreness, and "
                    "exercising with a fever can strain the heart. Do not run; contact a GP, urgent care "
                    "or a telephone health line today."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------ step 2
    {
        "slug": "experience",
        "text": "How long have you been running regularly?",
        "help_text": "Count from when you started running at least once a week.",
        "kind": "one",
        "step": 2,
        "choices": [
            {
                "slug": "new",
                "label": "New to running (under 3 months)",
                "weights": {
                    "overuse": (
                        4,
                        "You are new to running, so your muscles, tendons and bones are still adapting.",
                    ),
                    "eccentric_load": (
                        2,
                        "You are new to running, and unaccustomed running is the main trigger of delayed soreness.",
                    ),
                },
            },
            {
                "slug": "building",
                "label": "Building up (3–12 months)",
                "weights": {
                    "overuse": (
                        2,
                        "You have been running for less than a year, so your body is still adapting to the load.",
                    ),
                    "eccentric_load": (
                        1,
                        "You are still fairly new to running, so some sessions are unaccustomed work for your legs.",
                    ),
                },
            },
            {
                "slug": "established",
                "label": "Established (over a year)",
                "weights": {
                    "overuse": (
                        -1,
                        "You have run regularly for over a year, so your body is used to the load.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "load_change",
        "text": "How does this week compare with your usual running?",
        "help_text": "Think of total distance or time, plus any faster or harder sessions.",
        "kind": "one",
        "step": 2,
        "choices": [
            {
                "slug": "less",
                "label": "Less than usual",
                "weights": {
                    "overuse": (-2, "You ran less than usual, so too much training is unlikely."),
                },
            },
            {
                "slug": "same",
                "label": "About the same",
                "weights": {
                    "overuse": (
                        -1,
                        "Your training has been steady, so a sudden jump in load is unlikely.",
                    ),
                },
            },
            {
                "slug": "up_small",
                "label": "Up a little (up to about 10 %)",
                "weights": {
                    "overuse": (1, "You increased your running a little this week."),
                },
            },
            {
                "slug": "up_large",
                "label": "Up a lot (more than about 10 %)",
                "weights": {
                    "overuse": (
                        5,
                        "You increased your running by more than about 10 %, faster than your legs can adapt.",
                    ),
                    "eccentric_load": (
                        1,
                        "You did much more running than usual, so part of it was unaccustomed work for your muscles.",
                    ),
                },
            },
            {
                "slug": "returning",
                "label": "First runs after a break",
                "weights": {
                    "overuse": (
                        3,
                        "You are coming back after a break, when your legs have lost some of their fitness.",
                    ),
                    "eccentric_load": (
                        3,
                        "You are back after a break, and running feels unaccustomed again, the main trigger of delayed soreness.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "rest_days",
        "text": "How many rest days did you have in the last 7 days?",
        "help_text": "Days with no running. Easy walking or stretching still counts as rest.",
        "kind": "one",
        "step": 2,
        "choices": [
            {
                "slug": "none",
                "label": "None",
                "weights": {
                    "overuse": (
                        3,
                        "You had no rest days this week, so your legs had no time to recover between runs.",
                    ),
                },
            },
            {"slug": "one", "label": "One"},
            {
                "slug": "two_plus",
                "label": "Two or more",
                "weights": {
                    "overuse": (
                        -1,
                        "You had two or more rest days, which gives your legs time to recover.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 3
    {
        "slug": "terrain",
        "text": "Where did you run?",
        "help_text": "Pick what most of the run was like.",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "flat",
                "label": "Flat",
                "weights": {
                    "eccentric_load": (
                        -1,
                        "You ran on flat ground, which puts the least braking load on your muscles.",
                    ),
                },
            },
            {
                "slug": "rolling",
                "label": "Gently rolling",
                "weights": {
                    "eccentric_load": (
                        1,
                        "You ran on rolling ground, and the descents make your muscles brake as they lengthen.",
                    ),
                },
            },
            {
                "slug": "hilly",
                "label": "Hilly",
                "weights": {
                    "eccentric_load": (
                        3,
                        "You ran on hills, and running down them makes your thigh muscles work while lengthening.",
                    ),
                },
            },
            {
                "slug": "downhill",
                "label": "Long descents (mostly downhill)",
                "weights": {
                    "eccentric_load": (
                        7,
                        "You ran on long descents, which makes your thigh muscles work while lengthening — the main trigger of delayed soreness.",
                    ),
                },
            },
            {
                "slug": "trail",
                "label": "Trail or uneven ground",
                "weights": {
                    "eccentric_load": (
                        3,
                        "You ran on uneven trail, with short descents and landings your muscles are not used to.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "duration",
        "text": "How long was the run?",
        "help_text": "",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "under_30",
                "label": "Under 30 minutes",
                "weights": {
                    "dehydration": (
                        -1,
                        "Your run was short, so you are unlikely to have lost much fluid.",
                    ),
                    "electrolytes": (-1, "Your run was short, so salt losses in sweat were small."),
                },
            },
            {"slug": "30_60", "label": "30–60 minutes"},
            {
                "slug": "60_90",
                "label": "60–90 minutes",
                "weights": {
                    "dehydration": (
                        1,
                        "You ran for over an hour, long enough to lose a fair amount of fluid.",
                    ),
                    "electrolytes": (
                        1,
                        "You ran for over an hour, long enough to lose some salt in sweat.",
                    ),
                    "nutrition": (
                        1,
                        "You ran for over an hour, which starts to use up your muscles' carbohydrate stores.",
                    ),
                },
            },
            {
                "slug": "over_90",
                "label": "Over 90 minutes",
                "weights": {
                    "dehydration": (
                        2,
                        "You ran for over 90 minutes, long enough to lose a lot of fluid in sweat.",
                    ),
                    "electrolytes": (
                        2,
                        "You ran for over 90 minutes, long enough to lose a lot of salt in sweat.",
                    ),
                    "nutrition": (
                        2,
                        "You ran for over 90 minutes, which can run down your muscles' carbohydrate stores.",
                    ),
                    "overuse": (1, "You ran for over 90 minutes, a long time on your feet."),
                    "eccentric_load": (
                        1,
                        "You ran for over 90 minutes, which adds up to thousands of braking landings.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "temperature",
        "text": "What was the weather like?",
        "help_text": "Go by how it felt outside, including wind chill or sun.",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "cold",
                "label": "Cold (below 5 °C)",
                "weights": {
                    "cold": (
                        6,
                        "You ran below 5 °C, when blood flow to the legs drops and muscles stay stiffer.",
                    ),
                },
            },
            {
                "slug": "mild",
                "label": "Mild (5–20 °C)",
                "weights": {
                    "cold": (-1, "You ran in mild weather, so cold is unlikely to be the cause."),
                },
            },
            {
                "slug": "warm",
                "label": "Warm (20–27 °C)",
                "weights": {
                    "dehydration": (2, "You ran in warm weather, when you sweat more fluid."),
                    "electrolytes": (
                        1,
                        "You ran in warm weather, when you lose more salt in sweat.",
                    ),
                },
            },
            {
                "slug": "hot",
                "label": "Hot (above 27 °C)",
                "weights": {
                    "dehydration": (
                        4,
                        "You ran above 27 °C, when sweat losses can reach over a litre an hour.",
                    ),
                    "electrolytes": (
                        3,
                        "You ran in the heat, when heavy sweating takes a lot of salt with it.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 4
    {
        "slug": "fluids",
        "text": "How much did you drink before and during the run?",
        "help_text": "Water, sports drink or anything else.",
        "kind": "one",
        "step": 4,
        "choices": [
            {
                "slug": "plenty",
                "label": "Plenty",
                "weights": {
                    "dehydration": (-2, "You drank plenty, so dehydration is unlikely."),
                },
            },
            {
                "slug": "some",
                "label": "Some",
                "weights": {
                    "dehydration": (
                        1,
                        "You drank only some fluid, which may not have covered your sweat losses.",
                    ),
                },
            },
            {
                "slug": "little",
                "label": "Little or nothing",
                "weights": {
                    "dehydration": (
                        4,
                        "You drank little or nothing, so you likely lost more fluid than you replaced.",
                    ),
                    "electrolytes": (
                        1,
                        "You drank little, so the fluid and salt you sweated out were not replaced.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "cramps",
        "text": "Did you get muscle cramps?",
        "help_text": "A cramp is a sudden, hard, painful tightening you can't relax.",
        "kind": "one",
        "step": 4,
        "choices": [
            {
                "slug": "none",
                "label": "No cramps",
                "weights": {
                    "electrolytes": (-1, "You had no cramps, so a salt imbalance is less likely."),
                },
            },
            {
                "slug": "during",
                "label": "Yes, during the run",
                "weights": {
                    "electrolytes": (
                        3,
                        "You cramped during the run, which can follow heavy salt loss in sweat.",
                    ),
                    "dehydration": (2, "You cramped during the run, which can go with fluid loss."),
                    "overuse": (
                        1,
                        "You cramped during the run, and cramps are most often a sign of tired, overworked muscles.",
                    ),
                },
            },
            {
                "slug": "after",
                "label": "Yes, after the run",
                "weights": {
                    "electrolytes": (
                        2,
                        "You cramped after the run, which can follow heavy salt loss in sweat.",
                    ),
                    "dehydration": (1, "You cramped after the run, which can go with fluid loss."),
                    "overuse": (
                        1,
                        "You cramped after the run, and cramps are most often a sign of tired, overworked muscles.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "nutrition",
        "text": "How have you been eating around your runs?",
        "help_text": "Think of the last few days. Tick all that apply.",
        "kind": "many",
        "step": 4,
        "choices": [
            {
                "slug": "balanced",
                "label": "Regular, balanced meals",
                "exclusive": True,
                "weights": {
                    "nutrition": (
                        -2,
                        "You eat regular, balanced meals, so a nutrition gap is unlikely.",
                    ),
                },
            },
            {
                "slug": "low_carb",
                "label": "Ran fasted or cut back on carbs",
                "weights": {
                    "nutrition": (
                        3,
                        "You ran fasted or low on carbohydrate, the main fuel your muscles use when running.",
                    ),
                },
            },
            {
                "slug": "low_protein",
                "label": "Not much protein",
                "weights": {
                    "nutrition": (
                        3,
                        "You eat little protein, which your muscles need to repair after running.",
                    ),
                },
            },
            {
                "slug": "skipped_meals",
                "label": "Skipped meals",
                "weights": {
                    "nutrition": (
                        3,
                        "You skipped meals, so your body may lack the energy to refuel and repair.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 5
    {
        "slug": "warm_up",
        "text": "Did you warm up or cool down?",
        "help_text": "A warm-up is easy jogging or drills first; a cool-down is easy jogging or walking at the end.",
        "kind": "one",
        "step": 5,
        "choices": [
            {
                "slug": "both",
                "label": "Both",
                "weights": {
                    "cold": (-1, "You warmed up, so your muscles started the run warm."),
                },
            },
            {"slug": "warm_up_only", "label": "Warm-up only"},
            {
                "slug": "cool_down_only",
                "label": "Cool-down only",
                "weights": {
                    "cold": (
                        1,
                        "You skipped the warm-up, so your muscles started the run cold and stiff.",
                    ),
                },
            },
            {
                "slug": "neither",
                "label": "Neither",
                "weights": {
                    "cold": (
                        2,
                        "You didn't warm up, so your muscles started the run cold and stiff.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "form",
        "text": "Does any of this sound like your running?",
        "help_text": "Tick all that apply.",
        "kind": "many",
        "step": 5,
        "choices": [
            {
                "slug": "no_issues",
                "label": "None of these",
                "exclusive": True,
                "weights": {
                    "form": (-2, "You don't notice any form problems or recent kit changes."),
                },
            },
            {
                "slug": "overstriding",
                "label": "I take long strides, landing well ahead of my body",
                "weights": {
                    "form": (
                        4,
                        "You overstride, landing ahead of your body, which brakes every step and strains your legs.",
                    ),
                    "eccentric_load": (
                        1,
                        "You overstride, which makes your thigh muscles brake harder at each landing.",
                    ),
                },
            },
            {
                "slug": "new_shoes",
                "label": "I recently changed shoes",
                "weights": {
                    "form": (
                        3,
                        "You changed shoes recently, which changes how your foot lands and which muscles take the load.",
                    ),
                    "overuse": (
                        1,
                        "You changed shoes recently, so some muscles and tendons are taking a load they are not used to.",
                    ),
                },
            },
            {
                "slug": "form_fades",
                "label": "My form falls apart when I'm tired",
                "weights": {
                    "form": (
                        3,
                        "Your form falls apart when you're tired, which shifts strain onto muscles that aren't ready for it.",
                    ),
                    "overuse": (
                        1,
                        "Your form fades when tired, a sign the run was longer or harder than your legs are ready for.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "recovery_history",
        "text": "Compared with others doing the same training, how fast do you recover?",
        "help_text": "",
        "kind": "one",
        "step": 5,
        "choices": [
            {
                "slug": "faster",
                "label": "Faster",
                "weights": {
                    "genetics": (
                        -2,
                        "You recover faster than others, so slow recovery is unlikely to be in your make-up.",
                    ),
                },
            },
            {
                "slug": "same",
                "label": "About the same",
                "weights": {
                    "genetics": (
                        -1,
                        "You recover about as fast as others doing the same training.",
                    ),
                },
            },
            {
                "slug": "slower",
                "label": "Slower",
                "weights": {
                    "genetics": (
                        4,
                        "You recover more slowly than others doing the same training, which can partly be inherited.",
                    ),
                },
            },
            {
                "slug": "family",
                "label": "Slow recovery runs in my family",
                "weights": {
                    "genetics": (
                        5,
                        "Slow recovery runs in your family, and how sore muscles get is partly inherited.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "sleep",
        "text": "How have you been sleeping?",
        "help_text": "Think of the last few nights.",
        "kind": "one",
        "step": 5,
        "choices": [
            {"slug": "good", "label": "Well (7 hours or more most nights)"},
            {
                "slug": "poor",
                "label": "Poorly or too little",
                "weights": {
                    "overuse": (
                        1,
                        "You have been sleeping poorly, which slows recovery between runs.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 6
    {
        "slug": "onset",
        "text": "When did the pain start?",
        "help_text": "",
        "kind": "one",
        "step": 6,
        "choices": [
            {
                "slug": "during",
                "label": "Suddenly, during the run",
                "triage_level": "soon",
                "triage_message": (
                    "Pain that came on suddenly during the run suggests a muscle strain or tear rather "
                    "than soreness. Stop running and book a GP or physiotherapist within the next few "
                    "days; until then keep to activities that don't hurt."
                ),
                "weights": {
                    "overuse": (
                        3,
                        "Your pain started suddenly during the run, which points to a strain rather than soreness.",
                    ),
                },
            },
            {
                "slug": "same_day",
                "label": "Later the same day",
                "weights": {
                    "dehydration": (
                        1,
                        "Your legs ached the same day, as they can when you finish short of fluid.",
                    ),
                    "electrolytes": (
                        1,
                        "Your legs ached the same day, as they can after heavy salt loss.",
                    ),
                    "cold": (
                        1,
                        "Your legs ached or stiffened soon after the run, as cold muscles tend to.",
                    ),
                },
            },
            {
                "slug": "next_day",
                "label": "The next day (12–48 hours after)",
                "weights": {
                    "eccentric_load": (
                        2,
                        "Your soreness came on 12–48 hours later, the classic pattern of delayed muscle soreness.",
                    ),
                },
            },
            {
                "slug": "later",
                "label": "Later, or it built up over several runs",
                "weights": {
                    "overuse": (
                        2,
                        "Your pain built up later or over several runs, a pattern of overload rather than a one-off.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "pain_quality",
        "text": "What does it feel like?",
        "help_text": "Pick the closest.",
        "kind": "one",
        "step": 6,
        "choices": [
            {
                "slug": "dull_ache",
                "label": "Dull ache, tender all over the muscle",
                "weights": {
                    "eccentric_load": (
                        2,
                        "You feel a dull, spread-out ache, typical of delayed muscle soreness.",
                    ),
                },
            },
            {
                "slug": "stiff",
                "label": "Stiff and tight",
                "weights": {
                    "cold": (
                        2,
                        "Your legs feel stiff and tight, as muscles do after running in the cold.",
                    ),
                    "eccentric_load": (
                        1,
                        "Your legs feel stiff, which is common with delayed muscle soreness.",
                    ),
                },
            },
            {
                "slug": "sharp",
                "label": "Sharp, or in one exact spot",
                "triage_level": "soon",
                "triage_message": (
                    "Sharp or pinpoint pain is not ordinary soreness and can be a bone stress injury or "
                    "a muscle strain. Stop running and book a GP or physiotherapist within the next few days."
                ),
                "weights": {
                    "overuse": (
                        4,
                        "Your pain is sharp or in one exact spot, which points to an overload injury rather than soreness.",
                    ),
                },
            },
            {
                "slug": "burning",
                "label": "Burning",
                "weights": {
                    "overuse": (
                        2,
                        "You feel a burning pain, which can come from an irritated tendon or overloaded tissue.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "location",
        "text": "Where does it hurt?",
        "help_text": "Tick all that apply.",
        "kind": "many",
        "step": 6,
        "choices": [
            {
                "slug": "quads",
                "label": "Front of thighs",
                "weights": {
                    "eccentric_load": (
                        2,
                        "Your front thighs hurt, the muscles that brake you on every landing and descent.",
                    ),
                },
            },
            {
                "slug": "hamstrings",
                "label": "Back of thighs",
                "weights": {
                    "form": (
                        1,
                        "Your hamstrings hurt, and they take extra strain when you overstride.",
                    ),
                    "overuse": (
                        1,
                        "Your hamstrings hurt, which often follows faster or longer running than usual.",
                    ),
                },
            },
            {
                "slug": "calves",
                "label": "Calves",
                "weights": {
                    "overuse": (
                        1,
                        "Your calves hurt, and they take much of the load when you increase running.",
                    ),
                    "electrolytes": (1, "Your calves hurt, the most common place for cramps."),
                },
            },
            {
                "slug": "shins",
                "label": "Shins",
                "weights": {
                    "overuse": (
                        3,
                        "Your shins hurt, a common place for overload and bone stress when running increases.",
                    ),
                },
            },
            {
                "slug": "knees",
                "label": "Knees",
                "weights": {
                    "form": (
                        2,
                        "Your knees hurt, and knee pain often comes from how you land and stride.",
                    ),
                    "overuse": (
                        2,
                        "Your knees hurt, a common sign of doing more than your legs are ready for.",
                    ),
                },
            },
            {
                "slug": "feet",
                "label": "Feet",
                "weights": {
                    "overuse": (2, "Your feet hurt, a common place for overload and bone stress."),
                    "form": (
                        1,
                        "Your feet hurt, which can follow a change of shoes or how you land.",
                    ),
                },
            },
            {
                "slug": "hips_glutes",
                "label": "Hips or buttocks",
                "weights": {
                    "form": (
                        2,
                        "Your hips or buttocks hurt, which can come from your running form when it tires.",
                    ),
                    "overuse": (
                        1,
                        "Your hips or buttocks hurt, which can follow more running than you are used to.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "sides",
        "text": "Is it in both legs or one?",
        "help_text": "",
        "kind": "one",
        "step": 6,
        "choices": [
            {
                "slug": "both",
                "label": "Both legs",
                "weights": {
                    "eccentric_load": (
                        1,
                        "Both legs are sore, as they usually are with delayed muscle soreness.",
                    ),
                },
            },
            {
                "slug": "one",
                "label": "One leg",
                "weights": {
                    "overuse": (
                        2,
                        "Only one leg hurts, which points to a local overload injury rather than general soreness.",
                    ),
                    "form": (1, "Only one leg hurts, which can come from an uneven stride."),
                },
            },
        ],
    },
    {
        "slug": "duration_days",
        "text": "How long has it lasted so far?",
        "help_text": "",
        "kind": "one",
        "step": 6,
        "choices": [
            {
                "slug": "under_3",
                "label": "Less than 3 days",
                "weights": {
                    "eccentric_load": (
                        1,
                        "Your soreness is under 3 days old, the usual time course of delayed soreness.",
                    ),
                },
            },
            {"slug": "3_7", "label": "3–7 days"},
            {
                "slug": "over_7",
                "label": "More than 7 days",
                "triage_level": "soon",
                "triage_message": (
                    "Soreness from a run normally fades within about 5–7 days, so pain lasting longer "
                    "needs checking. Stop running and book a GP or physiotherapist within the next few days."
                ),
                "weights": {
                    "overuse": (
                        4,
                        "Your pain has lasted more than a week, longer than normal soreness, which points to an overload injury.",
                    ),
                },
            },
        ],
    },
]

# Concrete, personal steps added to a strategy in the runner's plan when they chose a given answer.
# (strategy_slug, question_slug, choice_slug, text)
TIPS = [
    # hydrate
    (
        "hydrate",
        "fluids",
        "little",
        "Drink about 400–600 ml of water in the 2 hours before you run, and sip to thirst on runs over 60 minutes.",
    ),
    (
        "hydrate",
        "fluids",
        "some",
        "Weigh yourself before and after a typical run, and drink about 1.5 litres for every kilogram lost over the next few hours.",
    ),
    (
        "hydrate",
        "temperature",
        "hot",
        "Above 27 °C, run early or late in the day and carry fluid: about 400–800 ml an hour, guided by thirst.",
    ),
    (
        "hydrate",
        "temperature",
        "warm",
        "On warm days, carry water on any run over 45 minutes and drink to thirst.",
    ),
    # balanced_diet
    (
        "balanced_diet",
        "nutrition",
        "low_carb",
        "Eat a meal with carbohydrate (oats, rice, pasta or bread) 2–3 hours before long or hard runs instead of running fasted.",
    ),
    (
        "balanced_diet",
        "nutrition",
        "low_protein",
        "Aim for about 1.2–1.6 g of protein per kg of body weight a day, including 20–30 g (e.g. a 200 g pot of Greek yoghurt) within 2 hours after running.",
    ),
    (
        "balanced_diet",
        "nutrition",
        "skipped_meals",
        "Eat three regular meals on running days, and have a snack with carbohydrate and protein within 1–2 hours after each run.",
    ),
    (
        "balanced_diet",
        "duration",
        "over_90",
        "On runs over 90 minutes, take 30–60 g of carbohydrate an hour, e.g. a gel or a banana every 30–40 minutes.",
    ),
    # warm_up_cool_down
    (
        "warm_up_cool_down",
        "warm_up",
        "neither",
        "Start every run with 5–10 minutes of easy jogging plus a few leg swings, and finish with 5 minutes of easy jogging or walking.",
    ),
    (
        "warm_up_cool_down",
        "warm_up",
        "cool_down_only",
        "Jog easily for 5–10 minutes before any faster running, adding 4–6 short strides before hard sessions.",
    ),
    # flat_surfaces
    (
        "flat_surfaces",
        "terrain",
        "downhill",
        "For the next 3–5 days, rest or run easy on flat routes only, and avoid steep descents until the soreness has gone.",
    ),
    (
        "flat_surfaces",
        "terrain",
        "hilly",
        "Keep your next 2–3 runs flat and easy until the soreness settles.",
    ),
    (
        "flat_surfaces",
        "terrain",
        "trail",
        "Swap trails for smooth, flat paths for your next 2–3 runs, then return to trails with a short, easy outing.",
    ),
    # gradual_increase
    (
        "gradual_increase",
        "load_change",
        "up_large",
        "Hold next week's distance at or below last week's, then add no more than about 10 % a week.",
    ),
    (
        "gradual_increase",
        "load_change",
        "returning",
        "Restart at about half your previous weekly distance, all easy, and build back over 3–4 weeks.",
    ),
    (
        "gradual_increase",
        "experience",
        "new",
        "Run 3 days a week with a rest day between, using run-walk intervals (e.g. 1 minute running, 1 minute walking) until 30 minutes of easy running feels comfortable.",
    ),
    (
        "gradual_increase",
        "location",
        "shins",
        "Cut your weekly distance by about a third until your shins are pain-free, then add no more than 10 % a week; stop and see a physio if the pain returns.",
    ),
    (
        "gradual_increase",
        "form",
        "new_shoes",
        "Break in new shoes gradually: use them for short runs and no more than 1 run in 3 for the first 2–3 weeks.",
    ),
    (
        "gradual_increase",
        "form",
        "overstriding",
        "Shorten your stride by raising your step rate about 5 % (e.g. from 160 to 168 steps a minute), on easy runs first, for 2–3 weeks.",
    ),
    (
        "gradual_increase",
        "form",
        "form_fades",
        "End long runs while your form still holds, and lengthen them by no more than 10 minutes a week.",
    ),
    # compression
    (
        "compression",
        "location",
        "calves",
        "If you find it helps, wear compression socks or calf sleeves for a few hours after long runs; they may ease soreness a little.",
    ),
    (
        "compression",
        "duration",
        "over_90",
        "Try compression tights or socks for 12–24 hours after runs over 90 minutes; studies show a small reduction in soreness.",
    ),
    # rest_recovery
    (
        "rest_recovery",
        "rest_days",
        "none",
        "Take at least 2 rest or cross-training days a week, and never put two hard runs on back-to-back days.",
    ),
    (
        "rest_recovery",
        "sleep",
        "poor",
        "Aim for 7–9 hours of sleep; after a night under 6 hours, make the next run easy or take a rest day.",
    ),
    (
        "rest_recovery",
        "onset",
        "next_day",
        "Soreness peaks 24–72 hours after a run: keep the next 2–3 days easy or off, with gentle walking or cycling.",
    ),
    (
        "rest_recovery",
        "recovery_history",
        "slower",
        "Leave 48–72 hours between hard sessions and plan an easier week every 3–4 weeks.",
    ),
    (
        "rest_recovery",
        "recovery_history",
        "family",
        "Give yourself an extra easy day after each hard session, and plan an easier week every 3 weeks.",
    ),
    (
        "rest_recovery",
        "duration_days",
        "3_7",
        "Keep runs short and easy, or rest, until the soreness has nearly gone; it usually fades within about 5–7 days.",
    ),
    # electrolyte_plan
    (
        "electrolyte_plan",
        "duration",
        "over_90",
        "On runs over 90 minutes, take fluid with some salt (e.g. 300–600 mg sodium per hour), more in heat if you sweat heavily.",
    ),
    (
        "electrolyte_plan",
        "temperature",
        "hot",
        "On hot runs over 60 minutes, drink a sports drink or water with an electrolyte tablet rather than plain water alone.",
    ),
    (
        "electrolyte_plan",
        "cramps",
        "during",
        "Pace long runs evenly and take 300–600 mg sodium an hour on runs over 60 minutes; if a cramp strikes, stop and gently stretch the muscle for 30 seconds.",
    ),
    (
        "electrolyte_plan",
        "cramps",
        "after",
        "After long or sweaty runs, have a salty snack or an electrolyte drink with your recovery fluids within 1 hour.",
    ),
    # dress_for_cold
    (
        "dress_for_cold",
        "temperature",
        "cold",
        "Add 5–10 minutes to your warm-up and wear tights or long layers below 5 °C.",
    ),
    (
        "dress_for_cold",
        "pain_quality",
        "stiff",
        "On cold days, warm up indoors for 5–10 minutes (leg swings, lunges, skipping) before heading out, and change out of damp kit within 10 minutes of finishing.",
    ),
    # repeated_bout
    (
        "repeated_bout",
        "terrain",
        "downhill",
        "Before your next hilly race, add 3–5 minutes of gentle downhill running to one run a week for 3–4 weeks; one small dose protects your legs for weeks.",
    ),
    (
        "repeated_bout",
        "terrain",
        "hilly",
        "Do one hilly run a week with controlled, easy descents, adding about 5 minutes of downhill each week.",
    ),
    (
        "repeated_bout",
        "load_change",
        "returning",
        "In your first week back, do a short, easy run with a few gentle descents; the next similar run will make you much less sore.",
    ),
    (
        "repeated_bout",
        "location",
        "quads",
        "Build your thighs with slow step-downs or lunges, 2–3 sets of 8–12 twice a week, starting with a light first session.",
    ),
]

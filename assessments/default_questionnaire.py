"""Default questionnaire content for legache (contract v3).

Plain data, no Django. Slugs, kinds and choice order follow
/work/shared/assessment-contract.md and `contract.py` (the safety floor); labels, help texts,
weights, triage messages, tips, screen headings and messages are editable defaults.

Choice keys:
    slug            stable identifier (contract)
    label           what the runner taps
    exclusive       True: pick only on its own
    triage_level    "soon" | "urgent" | "emergency" (with triage_message)
    weights         {cause_slug: (points, reason_sentence)}

Weights follow the evidence: a cause scores only from answers that bear on it, a warning sign
feeds no cause, and a cause graded "weak" (see default_content.py) gets at most 2 points from
any one answer.

Triage levels in plain words:
    emergency   call emergency services or go to an emergency department now
    urgent      be seen the same day: a GP, urgent care or a telephone health line
    soon        stop running and book a GP or physiotherapist within the next few days
                (soreness no better after 5 days, or getting worse: NHS inform)
"""

from . import contract

# One heading per wizard screen (<= 60 characters); the progress label names it.
SCREENS = {
    1: "Warning signs",
    2: "Your health",
    3: "Where and how it hurts",
    4: "The run that made you sore",
    5: "Your training in the week before",
    6: "Drinks, cramps and food",
    7: "Warm-up, form and recovery",
}

# Said wherever a bone stress injury at the hip is possible (a femoral neck stress fracture can
# displace: Warden et al., JOSPT 2014).
HIP_TODAY = (
    "If the pain is at the hip or groin, stop running now and be seen today if it hurts to hop "
    "or to put weight on the leg: a stress fracture at the top of the thigh bone can shift."
)

# Seven screens: the warning signs, the health background, then the pain itself (so an
# escalation interrupts on screen 3, before the training questions), then the run, the
# training and recovery.
QUESTIONS = [
    # ------------------------------------------------------------------ step 1
    {
        "slug": "red_flags",
        "text": "Now, or since your run, have you had any of these?",
        "help_text": "Tick any you have, or “None of these”.",
        "kind": "many",
        "step": 1,
        "choices": [
            {"slug": "none", "label": "None of these", "exclusive": True},
            {
                "slug": "breathless",
                "label": "Short of breath at rest, or chest pain",
                "triage_level": "emergency",
                "triage_message": (
                    "Breathlessness that doesn't settle when you rest, or chest pain, can mean a "
                    "blood clot in the lungs or a heart problem. Call emergency services now. Sit "
                    "down and stay still while you wait, and don't drive yourself."
                ),
            },
            {
                "slug": "collapse_or_confusion",
                "label": "Collapsed, confused, vomiting, or a severe headache",
                "triage_level": "emergency",
                "triage_message": (
                    "Collapse, confusion, vomiting or a severe headache after running can mean "
                    "heat illness, dangerously low blood sodium from drinking too much, or a "
                    "heart problem. Call emergency services now. Don't drink large amounts of "
                    "water or sports drink while you wait: with low sodium, more fluid makes it "
                    "worse. If someone is very hot, whoever is with them should cool them fast "
                    "while waiting: cold water over the whole body, or sitting in cold water."
                ),
            },
            {
                "slug": "severe_pain_swelling",
                "label": "Severe, worsening pain in a tight, swollen muscle",
                "triage_level": "emergency",
                "triage_message": (
                    "Severe, worsening pain out of proportion to the run, with a tight, swollen "
                    "muscle, can mean compartment syndrome: pressure building up inside the "
                    "muscle, which needs treatment within hours. Go to an emergency department or "
                    "call emergency services now, and take off any compression gear or tight "
                    "clothing."
                ),
            },
            {
                "slug": "cold_pale_foot",
                "label": "Foot stays cold, pale or blue",
                "triage_level": "emergency",
                "triage_message": (
                    "A foot that stays cold, pale or blue even after you have warmed up can mean "
                    "its blood supply is blocked. This needs treatment within hours: call "
                    "emergency services or go to an emergency department now."
                ),
            },
            {
                "slug": "dark_urine",
                "label": "Cola-coloured urine, severe muscle pain or weakness",
                "triage_level": "emergency",
                "triage_message": (
                    "Brown or cola-coloured urine with severe muscle pain or weakness after hard "
                    "exercise can mean rhabdomyolysis: muscle breaking down fast enough to harm "
                    "the kidneys. Go to an emergency department or call emergency services now. "
                    "Don't exercise, and don't take anti-inflammatory painkillers such as ibuprofen."
                ),
            },
            {
                "slug": "saddle_numbness",
                "label": "Numb groin or bottom, bladder or bowel changes, or both legs weak",
                "triage_level": "emergency",
                "triage_message": (
                    "These can mean the nerves at the base of the spine are being squeezed "
                    "(cauda equina syndrome). It needs emergency treatment to prevent lasting "
                    "damage to bladder, bowel and leg function: go to an emergency department or "
                    "call emergency services now."
                ),
            },
            {
                "slug": "deformed_limb",
                "label": "Leg or ankle out of shape after a fall",
                "triage_level": "emergency",
                "triage_message": (
                    "A leg or ankle that looks out of shape can mean a broken bone or a "
                    "dislocated joint. Don't try to straighten it or walk on it. Call emergency "
                    "services or go to an emergency department now."
                ),
            },
            {
                "slug": "dark_urine_mild",
                "label": "Cola-coloured urine, mild soreness",
                "triage_level": "urgent",
                "triage_message": (
                    "Brown or cola-coloured urine, even without severe pain, can be an early sign "
                    "of muscle breakdown (rhabdomyolysis) or of blood in the urine. Get checked "
                    "today, with a urine and blood test: contact a GP, urgent care or a telephone "
                    "health line, and don't exercise until then. If pain or weakness becomes "
                    "severe, or you pass very little urine, go to an emergency department. "
                    "(Dark yellow urine only means you need to drink a bit more.)"
                ),
            },
            {
                "slug": "fainted_during_run",
                "label": "Fainted during the run",
                "triage_level": "urgent",
                "triage_message": (
                    "Fainting while running, rather than just after stopping, can be a sign of a "
                    "heart rhythm or heart muscle problem. Go to an emergency department today to "
                    "have your heart checked (or call a telephone health line for where to go), "
                    "and don't run or train until it has been. If you have chest pain, a racing or irregular heartbeat, or faint "
                    "again, call emergency services now."
                ),
            },
            {
                "slug": "calf_swelling_one_side",
                "label": "One calf swollen, warm, red or darker, and painful",
                "triage_level": "urgent",
                "triage_message": (
                    "Swelling, warmth, redness or darker skin with pain in one calf can be a "
                    "blood clot (deep vein thrombosis). Be seen today by a GP, urgent care or a "
                    "telephone health line, and don't massage the calf or run. If you also become "
                    "short of breath or have chest pain, call emergency services now."
                ),
            },
            {
                "slug": "numbness",
                "label": "Numb, tingly or weak leg after rest",
                "triage_level": "urgent",
                "triage_message": (
                    "Numbness, tingling or weakness that doesn't go away with rest can mean a "
                    "nerve is pressed or irritated, or that blood flow is reduced. Stop running "
                    "and be seen today by a GP, urgent care or a telephone health line. If the "
                    "foot is also cold, pale or blue, or both legs are weak, call emergency "
                    "services now."
                ),
            },
            {
                "slug": "cannot_bear_weight",
                "label": "Can't put weight on the leg",
                "triage_level": "urgent",
                "triage_message": (
                    "Not being able to bear weight can mean a broken bone or a serious sprain. "
                    "Go to an emergency department or an urgent treatment centre today for an "
                    "X-ray, and keep weight off the leg until then. Don't try to walk or run it off."
                ),
            },
            {
                "slug": "tendon_pop",
                "label": "Pop at back of leg, or can't tiptoe",
                "triage_level": "urgent",
                "triage_message": (
                    "A sudden pop or snap, or not being able to rise onto tiptoe, can mean a torn "
                    "Achilles tendon or calf muscle. Early treatment gives the best result: be "
                    "seen today at an urgent treatment centre or emergency department, or call a "
                    "telephone health line. Walk on it as little as you can until then."
                ),
            },
            {
                "slug": "groin_pain",
                "label": "Groin or hip pain when you run or hop",
                "triage_level": "urgent",
                "triage_message": (
                    "Deep groin or hip pain that comes on with running or hopping can be a stress "
                    "fracture at the top of the thigh bone (femoral neck). Running on it could "
                    "make the bone break and shift. Stop running now, and don't hop or test it. "
                    "Be seen today by a GP, urgent care or a telephone health line, and keep "
                    "walking to a minimum until then."
                ),
            },
            {
                "slug": "hot_red_joint",
                "label": "Hot, red or swollen joint, with fever",
                "triage_level": "urgent",
                "triage_message": (
                    "A hot, red or swollen joint with a fever can mean an infected joint, which "
                    "can damage it within days. Be seen today by a GP, urgent care or a telephone "
                    "health line, and don't exercise. If you feel very unwell or confused, call "
                    "emergency services now."
                ),
            },
            {
                "slug": "spreading_redness",
                "label": "Blister or wound, spreading redness",
                "triage_level": "urgent",
                "triage_message": (
                    "Hot redness spreading from a wound or blister can mean a skin infection "
                    "(cellulitis) that needs antibiotics. Be seen today by a GP, urgent care or a "
                    "telephone health line; a pen line around the edge of the redness shows "
                    "whether it is spreading. If you feel very unwell, confused, breathless or are "
                    "shaking uncontrollably (possible sepsis), call emergency services now."
                ),
            },
            {
                "slug": "cramp_wont_ease",
                "label": "Cramp not easing after 10 minutes",
                "triage_level": "urgent",
                "triage_message": (
                    "Ordinary cramps ease within minutes with rest and gentle stretching. One "
                    "that won't ease after 10 minutes can come with a muscle injury, muscle "
                    "breakdown or a salt imbalance. Stop exercising and be seen today by a GP, "
                    "urgent care or a telephone health line. If you are also confused or "
                    "vomiting, or your urine turns brown, call emergency services now, and don't "
                    "drink large amounts of water."
                ),
            },
            {
                "slug": "fever",
                "label": "Fever of 38 °C or more, or shivery",
                "triage_level": "urgent",
                "triage_message": (
                    "Fever with aching legs can mean an infection rather than training soreness, "
                    "and exercising with a fever can strain the heart. Don't run; contact a GP, "
                    "urgent care or a telephone health line today. If you also have a stiff neck, "
                    "a rash that doesn't fade when pressed, or feel very unwell, call emergency "
                    "services now."
                ),
            },
            {
                "slug": "bone_tenderness",
                "label": "Pain on one spot of a bone",
                "triage_level": "soon",
                "triage_message": (
                    "Pain on one spot of a bone can be a bone stress injury (a stress reaction or "
                    "stress fracture). Stop running now and book a GP or physiotherapist within "
                    "the next few days; until then keep to activities that don't hurt at all. If "
                    "you can no longer put weight on the leg, be seen today. " + HIP_TODAY
                ),
            },
            {
                "slug": "night_pain",
                "label": "Pain at rest or at night",
                "triage_level": "soon",
                "triage_message": (
                    "Pain at rest or at night is not ordinary post-run soreness. It can come from "
                    "a bone stress injury or, less often, from something unrelated to running. "
                    "Stop running and book a GP or physiotherapist within the next few days. If "
                    "you also have a fever, feel unwell or are losing weight without trying, be "
                    "seen today. " + HIP_TODAY
                ),
            },
            {
                "slug": "joint_swelling",
                "label": "A swollen joint, not hot or red",
                "triage_level": "soon",
                "triage_message": (
                    "A swollen joint is not ordinary muscle soreness and can mean a joint injury "
                    "or irritation. Stop running and book a GP or physiotherapist within the next "
                    "few days. If the joint becomes hot and red, or you feel feverish, be seen today."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------ step 2
    {
        "slug": "health_background",
        "text": "Does any of this apply to you?",
        "help_text": (
            "Optional. Some health conditions change what is safe to do, so the advice takes "
            "them into account. Tick all that apply."
        ),
        "kind": "many",
        "step": 2,
        "choices": [
            {"slug": "none", "label": "None of these", "exclusive": True},
            {"slug": "under_16", "label": "I'm under 16"},
            {
                "slug": "clot_risk",
                "label": (
                    "Higher clot risk: surgery or a journey over 3 hours in the last 4 weeks, "
                    "the combined pill or HRT, pregnant or a birth in the last 6 weeks, or a "
                    "clot before"
                ),
            },
            {
                "slug": "poor_circulation",
                "label": "Poor circulation in my legs, or numb feet from diabetes",
            },
            {
                "slug": "kidney_heart_bp",
                "label": "Kidney disease, heart failure or high blood pressure",
            },
            {
                "slug": "quinolone",
                "label": (
                    "Taking a quinolone antibiotic (such as ciprofloxacin or levofloxacin), "
                    "now or in the last few weeks"
                ),
            },
            {
                "slug": "same_site_before",
                "label": "I've injured the same spot before",
                "weights": {
                    "overuse": (
                        3,
                        "You've injured this spot before, and a previous injury is one of the "
                        "strongest predictors of the next one.",
                    ),
                },
            },
            {
                "slug": "bone_health",
                "label": "I've had a stress fracture, or my periods have stopped or become irregular",
                "weights": {
                    "nutrition": (
                        3,
                        "You've had a stress fracture or missed periods, both common signs of not "
                        "eating enough for your training (RED-S).",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 3
    {
        "slug": "location",
        "text": "Where does it hurt?",
        "help_text": "Tick all that apply.",
        "kind": "many",
        "step": 3,
        "choices": [
            {
                "slug": "quads",
                "label": "Front of thighs",
                "weights": {
                    "eccentric_load": (
                        2,
                        "Your front thighs hurt: the muscles that brake you on every landing and "
                        "descent.",
                    ),
                },
            },
            {
                "slug": "hamstrings",
                "label": "Back of thighs",
                "weights": {
                    "overuse": (
                        1,
                        "Your hamstrings hurt, which often follows faster or longer running than "
                        "usual.",
                    ),
                },
            },
            {
                "slug": "calves",
                "label": "Calves",
                "weights": {
                    "overuse": (
                        1,
                        "Your calves hurt, and they take much of the load when you run more.",
                    ),
                },
            },
            {
                "slug": "shins",
                "label": "Shins",
                "weights": {
                    "overuse": (
                        3,
                        "Your shins hurt, a common place for overload and bone stress when running "
                        "increases.",
                    ),
                },
            },
            {
                "slug": "knees",
                "label": "Knees",
                "weights": {
                    "overuse": (
                        2,
                        "Your knees hurt, a common sign of doing more than your legs are ready for.",
                    ),
                    "form": (
                        1,
                        "Your knees hurt, and long strides put more load on the knee.",
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
                        "Your feet hurt, which can follow a change of shoes or of how you land.",
                    ),
                },
            },
            {
                "slug": "hips_glutes",
                "label": "Hips or buttocks",
                "weights": {
                    "overuse": (
                        1,
                        "Your hips or buttocks hurt, which can follow more running than you're "
                        "used to.",
                    ),
                    "form": (
                        1,
                        "Your hips or buttocks hurt, which can come from your form when it tires.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "sides",
        "text": "Is it in one leg or both?",
        "help_text": "Pain in one leg only can matter more, so we ask.",
        "kind": "one",
        "step": 3,
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
                        "Only one leg hurts, which points to a local overload injury rather than "
                        "general soreness.",
                    ),
                    "form": (1, "Only one leg hurts, which can come from an uneven stride."),
                },
            },
            # Fail safe: "not sure" counts as one leg for every escalation (contract v3).
            {"slug": "not_sure", "label": "Not sure"},
        ],
    },
    {
        "slug": "onset",
        "text": "When did the pain start?",
        "help_text": "",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "during",
                "label": "Suddenly, during the run (not a cramp)",
                "triage_level": "soon",
                "triage_message": (
                    "Pain that came on suddenly during the run suggests a muscle strain or tear "
                    "rather than soreness. Stop running and book a GP or physiotherapist within "
                    "the next few days; until then keep to activities that don't hurt."
                ),
                "weights": {
                    "overuse": (
                        3,
                        "Your pain started suddenly during the run, which points to a strain "
                        "rather than soreness.",
                    ),
                },
            },
            {
                "slug": "same_day",
                "label": "Later the same day",
                "weights": {
                    "cold": (
                        1,
                        "Your legs stiffened soon after the cold run, as cold muscles tend to.",
                    ),
                },
            },
            {
                "slug": "next_day",
                "label": "The next day (12–48 hours after)",
                "weights": {
                    "eccentric_load": (
                        3,
                        "Your soreness came on 12–48 hours later, the classic pattern of delayed "
                        "muscle soreness.",
                    ),
                },
            },
            {
                "slug": "later",
                "label": "Later, or it built up over several runs",
                "weights": {
                    "overuse": (
                        2,
                        "Your pain built up later or over several runs, a pattern of overload "
                        "rather than a one-off.",
                    ),
                },
            },
            # Fail safe: "not sure" counts as "built up" for every escalation (contract v3).
            {"slug": "not_sure", "label": "Not sure"},
        ],
    },
    {
        "slug": "pain_quality",
        "text": "What does it feel like?",
        "help_text": "Pick the closest.",
        "kind": "one",
        "step": 3,
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
                    "Sharp or pinpoint pain is not ordinary soreness and can be a bone stress "
                    "injury or a muscle strain. Stop running and book a GP or physiotherapist "
                    "within the next few days. " + HIP_TODAY
                ),
                "weights": {
                    "overuse": (
                        4,
                        "Your pain is sharp or in one exact spot, which points to an overload "
                        "injury rather than soreness.",
                    ),
                },
            },
            {
                "slug": "burning",
                "label": "Burning",
                "weights": {
                    "overuse": (
                        1,
                        "You feel a burning pain, which can come from an irritated tendon or "
                        "overloaded tissue.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "duration_days",
        "text": "How long has it lasted so far?",
        "help_text": "",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "under_3",
                "label": "Less than 3 days",
                "weights": {
                    "eccentric_load": (
                        1,
                        "Your soreness is under 3 days old, the usual time course of delayed "
                        "soreness.",
                    ),
                },
            },
            {"slug": "3_7", "label": "3–7 days"},
            {
                "slug": "over_7",
                "label": "More than 7 days",
                "triage_level": "soon",
                "triage_message": (
                    "Soreness from a run eases within a few days; soreness that is no better "
                    "after 5 days, or getting worse, needs checking (NHS inform). Stop running "
                    "and book a GP or physiotherapist within the next few days. " + HIP_TODAY
                ),
                "weights": {
                    "overuse": (
                        4,
                        "Your pain has lasted more than 7 days, longer than ordinary soreness, "
                        "which points to an overload injury.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "trend",
        "text": "Is it getting better?",
        "help_text": "Compared with how it was a day or two ago.",
        "kind": "one",
        "step": 3,
        "choices": [
            {
                "slug": "easing",
                "label": "Yes, a little better each day",
                "weights": {
                    "eccentric_load": (
                        1,
                        "It is easing day by day, as ordinary delayed soreness does.",
                    ),
                },
            },
            {"slug": "same", "label": "About the same"},
            {
                "slug": "worse",
                "label": "It's getting worse",
                "weights": {
                    "overuse": (
                        2,
                        "It is getting worse rather than easing, which points to an overload "
                        "injury rather than soreness.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 4
    {
        "slug": "terrain",
        "text": "Where was the run that made you sore?",
        "help_text": (
            "Pick what most of it was like. Not sure which run? Think of your most recent one."
        ),
        "kind": "one",
        "step": 4,
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
                        "You ran on rolling ground, and the descents make your muscles brake "
                        "while they lengthen.",
                    ),
                },
            },
            {
                "slug": "hilly",
                "label": "Hilly",
                "weights": {
                    "eccentric_load": (
                        3,
                        "You ran on hills, and running down them makes your thigh muscles work "
                        "while lengthening.",
                    ),
                },
            },
            {
                "slug": "downhill",
                "label": "Long descents (mostly downhill)",
                "weights": {
                    "eccentric_load": (
                        6,
                        "You ran long descents, which make your thigh muscles brake while "
                        "lengthening: the main trigger of delayed soreness.",
                    ),
                },
            },
            {
                "slug": "trail",
                "label": "Trail or uneven ground",
                "weights": {
                    "eccentric_load": (
                        3,
                        "You ran on uneven trail, with short descents and landings your muscles "
                        "aren't used to.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "duration",
        "text": "How long was that run?",
        "help_text": "",
        "kind": "one",
        "step": 4,
        "choices": [
            {
                "slug": "under_30",
                "label": "Under 30 minutes",
                "weights": {
                    "dehydration": (
                        -1,
                        "Your run was short, so you're unlikely to have lost much fluid.",
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
                        "You ran for over an hour, which starts to use up your muscles' "
                        "carbohydrate stores.",
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
                        "You ran for over 90 minutes, which can run down your muscles' "
                        "carbohydrate stores.",
                    ),
                    "overuse": (1, "You ran for over 90 minutes, a long time on your feet."),
                    "eccentric_load": (
                        1,
                        "You ran for over 90 minutes, thousands of braking landings.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "temperature",
        "text": "What was the weather like on that run?",
        "help_text": "Go by how it felt outside, including wind chill or strong sun.",
        "kind": "one",
        "step": 4,
        "choices": [
            {
                "slug": "cold",
                "label": "Cold (below 5 °C)",
                "weights": {
                    "cold": (
                        2,
                        "You ran below 5 °C, when muscles start cold, stiffer and weaker until "
                        "they warm up.",
                    ),
                },
            },
            {"slug": "mild", "label": "Mild (5–20 °C)"},
            {
                "slug": "warm",
                "label": "Warm (20–27 °C)",
                "weights": {
                    "dehydration": (1, "You ran in warm weather, when you sweat more fluid."),
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
                        2,
                        "You ran above 27 °C, when sweat losses can reach over a litre an hour.",
                    ),
                    "electrolytes": (
                        2,
                        "You ran in the heat, when heavy sweating takes a lot of salt with it.",
                    ),
                },
            },
        ],
    },
    # ------------------------------------------------------------------ step 5
    {
        "slug": "experience",
        "text": "How long have you been running regularly?",
        "help_text": "Count from when you started running at least once a week.",
        "kind": "one",
        "step": 5,
        "choices": [
            {
                "slug": "new",
                "label": "New to running (under 3 months)",
                "weights": {
                    "overuse": (
                        4,
                        "You're new to running, so your muscles, tendons and bones are still "
                        "adapting, and new runners get injured more often.",
                    ),
                    "eccentric_load": (
                        2,
                        "You're new to running, and unaccustomed running is the main trigger of "
                        "delayed soreness.",
                    ),
                },
            },
            {
                "slug": "building",
                "label": "Building up (3–12 months)",
                "weights": {
                    "overuse": (
                        2,
                        "You've been running for less than a year, so your body is still adapting "
                        "to the load.",
                    ),
                    "eccentric_load": (
                        1,
                        "You're still fairly new to running, so some sessions are unaccustomed "
                        "work for your legs.",
                    ),
                },
            },
            {
                "slug": "established",
                "label": "Established (over a year)",
                "weights": {
                    "overuse": (
                        -1,
                        "You've run regularly for over a year, so your body is used to the load.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "load_change",
        "text": "In the 7 days before the run that made you sore, how much did you run?",
        "help_text": (
            "Compare total distance or time, and any faster or harder sessions, with a usual "
            "week in the month before."
        ),
        "kind": "one",
        "step": 5,
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
                "label": "About the same as usual",
                "weights": {
                    "overuse": (
                        -1,
                        "Your training has been steady, so a sudden jump in load is unlikely.",
                    ),
                },
            },
            {
                "slug": "up_small",
                "label": "A little more (up to about 10 % more)",
                "weights": {
                    "overuse": (1, "You ran a little more than usual in the week before."),
                },
            },
            {
                "slug": "up_large",
                "label": "A lot more (over about 10 % more)",
                "weights": {
                    "overuse": (
                        5,
                        "You ran a lot more than usual in the week before, a bigger jump than "
                        "muscles, tendons and bones can quickly adapt to.",
                    ),
                    "eccentric_load": (
                        1,
                        "You ran much more than usual, so part of it was unaccustomed work for "
                        "your muscles.",
                    ),
                },
            },
            {
                "slug": "returning",
                "label": "These were my first runs after a break",
                "weights": {
                    "overuse": (
                        3,
                        "You're coming back after a break, when your legs have lost some of their "
                        "fitness.",
                    ),
                    "eccentric_load": (
                        3,
                        "You're back after a break, so running is unaccustomed again, the main "
                        "trigger of delayed soreness.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "rest_days",
        "text": "In those same 7 days, how many rest days did you have?",
        "help_text": "Days with no running. Walking or gentle stretching still counts as rest.",
        "kind": "one",
        "step": 5,
        "choices": [
            {
                "slug": "none",
                "label": "None",
                "weights": {
                    "overuse": (
                        3,
                        "You had no rest days in the week before, so your legs had no time to "
                        "recover between runs.",
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
    # ------------------------------------------------------------------ step 6
    {
        "slug": "fluids",
        "text": "How much did you drink before and during that run?",
        "help_text": "Water, sports drink or anything else.",
        "kind": "one",
        "step": 6,
        "choices": [
            {
                "slug": "plenty",
                "label": "Plenty",
                "weights": {
                    "dehydration": (-3, "You drank plenty, so dehydration is unlikely."),
                    "electrolytes": (
                        -3,
                        "You drank plenty, so a large shortfall of fluid and salt is unlikely.",
                    ),
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
                        2,
                        "You drank little or nothing, so you probably lost more fluid than you "
                        "replaced.",
                    ),
                    "electrolytes": (
                        2,
                        "You drank little or nothing, so none of the salt you sweated out was "
                        "replaced.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "cramps",
        "text": "Did you get cramps during or after that run?",
        "help_text": (
            "A cramp is a sudden, hard, painful tightening you can't relax. A cramp that won't "
            "ease after 10 minutes is a warning sign: tick it on the first screen."
        ),
        "kind": "one",
        "step": 6,
        "choices": [
            {"slug": "none", "label": "No cramps"},
            {
                "slug": "during",
                "label": "Yes, during the run",
                "weights": {
                    "overuse": (
                        5,
                        "You cramped during the run. Cramps mostly come from tired muscles, after "
                        "running longer or faster than you're trained for.",
                    ),
                    "electrolytes": (
                        2,
                        "You cramped during the run; heavy salt loss in sweat may play a small part.",
                    ),
                    "dehydration": (
                        1,
                        "You cramped during the run; fluid loss may play a small part.",
                    ),
                },
            },
            {
                "slug": "after",
                "label": "Yes, after the run",
                "weights": {
                    "overuse": (
                        5,
                        "You cramped after the run. Cramps mostly come from tired muscles, after "
                        "running longer or faster than you're trained for.",
                    ),
                    "electrolytes": (
                        2,
                        "You cramped after the run; heavy salt loss in sweat may play a small part.",
                    ),
                    "dehydration": (
                        1,
                        "You cramped after the run; fluid loss may play a small part.",
                    ),
                },
            },
        ],
    },
    {
        "slug": "nutrition",
        "text": "How have you been eating in the last few days?",
        "help_text": "Tick all that apply.",
        "kind": "many",
        "step": 6,
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
                        "You ran fasted or low on carbohydrate, the main fuel your muscles use on "
                        "longer or harder runs.",
                    ),
                },
            },
            {
                "slug": "low_protein",
                "label": "Not much protein",
                "weights": {
                    "nutrition": (
                        2,
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
    # ------------------------------------------------------------------ step 7
    {
        "slug": "warm_up",
        "text": "Did you warm up before that run, or cool down after it?",
        "help_text": (
            "A warm-up is easy jogging or brisk walking first; a cool-down is easy jogging or "
            "walking at the end."
        ),
        "kind": "one",
        "step": 7,
        "choices": [
            {
                "slug": "both",
                "label": "Both",
                "weights": {
                    # `cold` scores only after a cold run (only_with), so these bear on it there.
                    "cold": (-1, "You warmed up, so your muscles started the cold run warm."),
                },
            },
            {"slug": "warm_up_only", "label": "Warm-up only"},
            {
                "slug": "cool_down_only",
                "label": "Cool-down only",
                "weights": {
                    "cold": (
                        1,
                        "You skipped the warm-up, so your muscles started the cold run cold and "
                        "stiff.",
                    ),
                },
            },
            {
                "slug": "neither",
                "label": "Neither",
                "weights": {
                    "cold": (
                        2,
                        "You didn't warm up, so your muscles started the cold run cold and stiff.",
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
        "step": 7,
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
                        2,
                        "You overstride, landing ahead of your body, which adds braking and load "
                        "at the knee and hip.",
                    ),
                    "eccentric_load": (
                        1,
                        "You overstride, which makes your thigh muscles brake harder at each "
                        "landing.",
                    ),
                },
            },
            {
                "slug": "new_shoes",
                "label": "I recently changed shoes",
                "weights": {
                    "form": (
                        2,
                        "You changed shoes recently, which changes how your foot lands and which "
                        "tissues take the load.",
                    ),
                    "overuse": (
                        1,
                        "You changed shoes recently, so some muscles and tendons are taking a load "
                        "they aren't used to.",
                    ),
                },
            },
            {
                "slug": "form_fades",
                "label": "My form falls apart when I'm tired",
                "weights": {
                    "form": (
                        2,
                        "Your form falls apart when you're tired, which shifts strain onto parts "
                        "that aren't ready for it.",
                    ),
                    "overuse": (
                        1,
                        "Your form fades when tired, a sign the run was longer or harder than your "
                        "legs are ready for.",
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
        "step": 7,
        "choices": [
            {
                "slug": "faster",
                "label": "Faster",
                "weights": {
                    "genetics": (
                        -2,
                        "You recover faster than others, so slow recovery is unlikely to be in "
                        "your make-up.",
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
                        2,
                        "You recover more slowly than others doing the same training, which can "
                        "partly be inherited.",
                    ),
                },
            },
            {
                "slug": "family",
                "label": "Slow recovery runs in my family",
                "weights": {
                    "genetics": (
                        2,
                        "Slow recovery runs in your family, and how much muscles are damaged by "
                        "exercise is partly inherited.",
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
        "step": 7,
        "choices": [
            {"slug": "good", "label": "Well (7 hours or more most nights)"},
            {
                "slug": "poor",
                "label": "Poorly or too little",
                "weights": {
                    "overuse": (
                        1,
                        "You've been sleeping poorly, which slows recovery between runs.",
                    ),
                },
            },
        ],
    },
]

# Personal steps added to a strategy in the runner's plan when they gave a certain answer.
# (strategy_slug, question_slug, choice_slug, text, safe_with_warning)
# safe_with_warning=True only for steps that are safe beside a warning sign at "soon" level,
# after a clinician's all-clear: nothing that keeps the runner running or loading the sore
# area (pain-free cross-training, sleep, eating enough and drinking to thirst are fine).
TIPS = [
    # hydrate
    (
        "hydrate",
        "fluids",
        "little",
        "Drink to thirst through the day and with meals, a little more in hot weather. Pale "
        "straw-coloured urine means you're drinking enough; dark yellow means drink a bit more.",
        True,
    ),
    (
        "hydrate",
        "fluids",
        "some",
        "Weigh yourself before and after a typical long or hot run: each kilo lost is about a "
        "litre of sweat. Drink about 1.5 litres per kilo lost over the next few hours, but never "
        "finish heavier than you started.",
        False,
    ),
    (
        "hydrate",
        "temperature",
        "hot",
        "Above 27 °C, run early or late, slow down, and carry fluid to drink to thirst (often "
        "400–800 ml an hour). If you feel dizzy or sick, stop in the shade; confusion or "
        "collapse is an emergency.",
        False,
    ),
    (
        "hydrate",
        "temperature",
        "warm",
        "On warm days, carry water on runs over 45 minutes and drink to thirst.",
        False,
    ),
    # balanced_diet
    (
        "balanced_diet",
        "nutrition",
        "low_carb",
        "Don't cut carbohydrate while you're training or recovering: have oats, rice, pasta, "
        "bread or potatoes at most meals, and a bit more on harder days.",
        True,
    ),
    (
        "balanced_diet",
        "nutrition",
        "low_protein",
        "Have some protein at every meal (eggs, dairy, fish, meat, beans, lentils or tofu), "
        "about 1.2–1.6 g per kg of body weight a day in total.",
        True,
    ),
    (
        "balanced_diet",
        "nutrition",
        "skipped_meals",
        "Eat three regular meals a day, plus a snack with carbohydrate and protein after "
        "exercise. Skipping meals while training leaves too little energy for repair.",
        True,
    ),
    (
        "balanced_diet",
        "duration",
        "over_90",
        "On runs over 90 minutes, take 30–60 g of carbohydrate an hour, e.g. a gel or a banana "
        "every 30–40 minutes.",
        False,
    ),
    (
        "balanced_diet",
        "health_background",
        "bone_health",
        "Eat enough to fuel your training every day, and don't diet while training hard. "
        "Under-fuelling (RED-S) weakens bones and can stop periods; a GP or sports dietitian can "
        "check your energy intake and bone health.",
        True,
    ),
    # warm_up_cool_down
    (
        "warm_up_cool_down",
        "warm_up",
        "neither",
        "Start every run with 5–10 minutes of brisk walking or very easy jogging, then ease into "
        "your pace. A walk at the end is pleasant but won't prevent soreness.",
        False,
    ),
    (
        "warm_up_cool_down",
        "warm_up",
        "cool_down_only",
        "Move your easy jogging to the start: 5–10 minutes before any faster running, with 4–6 "
        "short, relaxed strides before hard sessions.",
        False,
    ),
    (
        "warm_up_cool_down",
        "terrain",
        "downhill",
        "Before a run with long descents, warm up for 10 minutes on the flat or uphill first; in "
        "one trial this slightly reduced soreness two days later.",
        False,
    ),
    # flat_surfaces
    (
        "flat_surfaces",
        "terrain",
        "downhill",
        "While your thighs are sore, keep runs easy and flat, or cycle or swim instead, and avoid "
        "steep descents until the soreness has gone.",
        False,
    ),
    (
        "flat_surfaces",
        "terrain",
        "hilly",
        "Keep your next 2–3 runs easy and flat until the soreness settles.",
        False,
    ),
    (
        "flat_surfaces",
        "terrain",
        "trail",
        "Swap trails for smooth, flat paths for the next 2–3 runs, then go back to trails with a "
        "short, easy outing.",
        False,
    ),
    # gradual_increase
    (
        "gradual_increase",
        "load_change",
        "up_large",
        "Hold next week at or below last week's distance, then build in small steps. About 10 % "
        "a week is a common guide, not a proven limit: go slower if anything starts to niggle.",
        False,
    ),
    (
        "gradual_increase",
        "load_change",
        "returning",
        "Restart at about half your previous weekly distance, all easy, and build back over 3–4 "
        "weeks.",
        False,
    ),
    (
        "gradual_increase",
        "experience",
        "new",
        "Run 3 days a week with a rest day between, using run-walk intervals (e.g. 1 minute "
        "running, 1 minute walking) until 30 minutes of easy running feels comfortable.",
        False,
    ),
    (
        "gradual_increase",
        "location",
        "shins",
        "Cut your weekly distance by about a third until your shins are pain-free, then build up "
        "slowly. If one spot on the bone hurts to press, stop running and book a GP or physio.",
        False,
    ),
    (
        "gradual_increase",
        "form",
        "new_shoes",
        "Break in new shoes gradually: short runs, and no more than 1 run in 3 for the first 2–3 "
        "weeks. Move to minimalist shoes over months, not weeks.",
        False,
    ),
    (
        "gradual_increase",
        "form",
        "overstriding",
        "Take shorter, quicker steps. In a lab study, about 10 % more steps a minute cut loading "
        "at the hip and knee, 5 % mainly at the knee. Try 5 % first (160 to 168) on easy runs.",
        False,
    ),
    (
        "gradual_increase",
        "form",
        "form_fades",
        "End long runs while your form still holds, and lengthen them by no more than about 10 "
        "minutes a week.",
        False,
    ),
    (
        "gradual_increase",
        "cramps",
        "during",
        "Cramps mostly follow running longer or faster than you're trained for: build long runs "
        "and race pace gradually, and start races at an even, realistic pace.",
        False,
    ),
    (
        "gradual_increase",
        "health_background",
        "same_site_before",
        "You've been injured at this spot before: build up more slowly than usual and strengthen "
        "the area (a physio can show you how). Stop if the old pain comes back.",
        False,
    ),
    # compression (never safe beside a warning sign)
    (
        "compression",
        "location",
        "calves",
        "If you like them, wear compression socks or calf sleeves for a few hours after long "
        "runs; they may ease soreness a little. Take them off if they cause numbness, tingling "
        "or marks.",
        False,
    ),
    (
        "compression",
        "duration",
        "over_90",
        "Try compression tights or socks for some hours after runs over 90 minutes; pooled "
        "studies show a small-to-moderate drop in soreness.",
        False,
    ),
    # rest_recovery
    (
        "rest_recovery",
        "rest_days",
        "none",
        "Take at least 1–2 rest or cross-training days a week, and don't put two hard runs on "
        "back-to-back days.",
        False,
    ),
    (
        "rest_recovery",
        "sleep",
        "poor",
        "Aim for 7–9 hours of sleep: a regular bedtime, a dark, cool room and no screens in the "
        "last half hour help. Sleep is when tissues repair.",
        True,
    ),
    (
        "rest_recovery",
        "onset",
        "next_day",
        "Soreness peaks 24–72 hours after a run: keep the next 2–3 days easy or off, with gentle "
        "walking or cycling.",
        False,
    ),
    (
        "rest_recovery",
        "recovery_history",
        "slower",
        "Leave 48–72 hours between hard sessions and plan an easier week every 3–4 weeks.",
        False,
    ),
    (
        "rest_recovery",
        "recovery_history",
        "family",
        "Give yourself an extra easy day after each hard session, and plan an easier week every "
        "3 weeks.",
        False,
    ),
    (
        "rest_recovery",
        "duration_days",
        "3_7",
        "Keep runs short and easy, or rest, until the soreness has nearly gone. If it is no better "
        "after 5 days, or getting worse, stop running and book a GP or physiotherapist.",
        False,
    ),
    (
        "rest_recovery",
        "red_flags",
        "bone_tenderness",
        "Until a clinician has checked the tender spot on the bone, rest from running and "
        "jumping, and keep fit with pain-free cross-training such as swimming or cycling.",
        True,
    ),
    (
        "rest_recovery",
        "red_flags",
        "night_pain",
        "Until pain at rest or at night has been checked, keep to gentle activity that doesn't "
        "hurt at all, such as swimming, and protect your sleep.",
        True,
    ),
    (
        "rest_recovery",
        "red_flags",
        "joint_swelling",
        "Rest the swollen joint from running until it has been checked; pain-free exercise that "
        "doesn't load it, such as swimming or an exercise bike, keeps you fit.",
        True,
    ),
    (
        "rest_recovery",
        "pain_quality",
        "sharp",
        "Don't run through sharp or pinpoint pain. Keep fit with cross-training that is "
        "completely pain-free (cycling, swimming) until you've been cleared to run.",
        True,
    ),
    (
        "rest_recovery",
        "duration_days",
        "over_7",
        "Pain that has lasted this long needs checking before more running. Until then, pain-free "
        "cross-training such as cycling or swimming keeps your fitness.",
        True,
    ),
    (
        "rest_recovery",
        "onset",
        "during",
        "After sudden pain during a run, rest the area and keep fit only with movement that "
        "doesn't hurt, until a GP or physio has checked it.",
        True,
    ),
    # electrolyte_plan
    (
        "electrolyte_plan",
        "duration",
        "over_90",
        "On runs over 90 minutes, take some salt with your fluids (a sports drink or electrolyte "
        "tablets), more in heat if you sweat heavily. Drink to thirst, not more.",
        False,
    ),
    (
        "electrolyte_plan",
        "temperature",
        "hot",
        "On hot runs over an hour, use a sports drink or water with an electrolyte tablet rather "
        "than plain water alone, and drink to thirst.",
        False,
    ),
    (
        "electrolyte_plan",
        "cramps",
        "during",
        "If a cramp strikes, stop and gently stretch the muscle for 30 seconds or so. Salt may "
        "help heavy, salty sweaters, but even pacing and training for the distance matter more.",
        False,
    ),
    (
        "electrolyte_plan",
        "cramps",
        "after",
        "After long, sweaty runs, have a salty snack or an electrolyte drink with your recovery "
        "food. If cramps come often or at rest, see a GP.",
        False,
    ),
    # dress_for_cold
    (
        "dress_for_cold",
        "temperature",
        "cold",
        "Below 5 °C, wear tights or long layers, a hat and gloves, and add 5–10 minutes to your "
        "warm-up.",
        False,
    ),
    (
        "dress_for_cold",
        "pain_quality",
        "stiff",
        "On cold days, warm up indoors for 5–10 minutes (leg swings, skipping, easy lunges) "
        "before heading out, and change out of damp kit soon after you finish.",
        False,
    ),
    # repeated_bout (never safe beside a warning sign)
    (
        "repeated_bout",
        "terrain",
        "downhill",
        "Before your next hilly race, add 3–5 minutes of gentle downhill running to one run a "
        "week for 3–4 weeks. One small dose protects your legs for weeks.",
        False,
    ),
    (
        "repeated_bout",
        "terrain",
        "hilly",
        "Do one hilly run a week with controlled, easy descents, adding a few minutes of downhill "
        "each week.",
        False,
    ),
    (
        "repeated_bout",
        "load_change",
        "returning",
        "In your first week back, do a short, easy run with a few gentle descents; your next "
        "similar run should leave you much less sore.",
        False,
    ),
    (
        "repeated_bout",
        "onset",
        "next_day",
        "Next-day soreness means your muscles are adapting: repeat a smaller dose of the same "
        "kind of run within 2–3 weeks and you should be much less sore.",
        False,
    ),
    (
        "repeated_bout",
        "location",
        "quads",
        "Build your thighs with slow step-downs or lunges, 2–3 sets of 8–12 twice a week, "
        "starting with a light first session.",
        False,
    ),
]

# Answers that together reach at least `level`: a health background (None: the pattern of the
# pain alone) with other answers. `when` is a list of groups: every group must match; a group
# matches when any of its answers was given or (fail safe) its question was skipped. At least
# every escalation in contract.ESCALATIONS, with the same background and groups. `title` is the
# warning's heading, written as a sentence.
ESCALATIONS = [
    {
        "slug": "under_16_hip_knee",
        "background": "under_16",
        "title": "Pain at one hip or knee in someone under 16",
        "level": "soon",
        "when": contract.ESCALATIONS["under_16_hip_knee"]["when"],
        "message": (
            "In under-16s, pain at one hip or knee needs checking. A slipped growth plate at the "
            "top of the thigh bone can show up only as knee pain. Stop running and see a GP "
            "within the next few days; if walking hurts or you start to limp, be seen today."
        ),
    },
    {
        "slug": "under_16_fever",
        "background": "under_16",
        "title": "A fever with a painful leg in someone under 16",
        "level": "emergency",
        "when": contract.ESCALATIONS["under_16_fever"]["when"],
        "message": (
            "In a child or teenager, fever with a painful leg or joint can mean an infection of "
            "the bone or joint, which needs treatment fast. Go to an emergency department or call "
            "emergency services now."
        ),
    },
    {
        "slug": "clot_risk_calf",
        "background": "clot_risk",
        "title": "Pain in one calf with a higher risk of clots",
        "level": "urgent",
        # Wider than the floor: a clot above the calf can show as pain at the back of the
        # thigh (NICE NG158).
        "when": [[("location", "calves"), ("location", "hamstrings")], contract.ONE_SIDE],
        "message": (
            "Pain in one calf when you have a higher risk of clots can be a blood clot in a deep "
            "vein (DVT). Be seen today by a GP, urgent care or a telephone health line. Don't "
            "massage the calf and don't run. If you become short of breath or have chest pain, "
            "call emergency services now."
        ),
    },
    {
        "slug": "quinolone_tendon",
        "background": "quinolone",
        "title": "Tendon, muscle or joint pain while taking a quinolone antibiotic",
        "level": "urgent",
        "when": contract.ESCALATIONS["quinolone_tendon"]["when"],
        "message": (
            "Quinolone antibiotics (such as ciprofloxacin or levofloxacin) can damage tendons, "
            "muscles and joints, and pain can be the first sign, with a risk of a tendon tearing "
            "(most often the Achilles). The medicine's safety advice is to stop taking it at the "
            "first sign and get medical advice: call the prescriber, your GP or a telephone "
            "health line today. Don't run, and rest the leg."
        ),
    },
    {
        "slug": "bone_health_red_s",
        "background": "bone_health",
        "title": "Bone pain after a stress fracture, or with missed periods",
        "level": "soon",
        "when": contract.ESCALATIONS["bone_health_red_s"]["when"],
        "message": (
            "Bone pain after a stress fracture, or with missed or irregular periods, can be a "
            "bone stress injury linked to under-fuelling: not eating enough for your training "
            "(RED-S, relative energy deficiency in sport). Stop running and book a GP or sports "
            "doctor within the next few days, and ask about bone health and energy intake. "
            + HIP_TODAY
        ),
    },
    {
        "slug": "bone_health_bone_site",
        "background": "bone_health",
        "title": "Shin, foot or hip pain after a stress fracture, or with missed periods",
        "level": "soon",
        "when": contract.ESCALATIONS["bone_health_bone_site"]["when"],
        "message": (
            "After a stress fracture, or with periods that stopped or became irregular, shin, "
            "foot or hip pain that built up over runs or has lasted 3 days or more can be a bone "
            "stress injury, even if pressing on the bone doesn't hurt. Stop running and book a "
            "GP or sports doctor within the next few days; until then keep to activities that "
            "don't hurt at all. Periods that stopped, and repeated stress fractures, can be signs "
            "of low energy availability (RED-S, relative energy deficiency in sport): ask about "
            "bone health and eating enough for your training. " + HIP_TODAY
        ),
    },
    {
        "slug": "bone_health_under_fuelled",
        "background": "bone_health",
        "title": "Bone-stress pain with signs of under-fuelling (RED-S)",
        "level": "soon",
        "when": contract.ESCALATIONS["bone_health_under_fuelled"]["when"],
        "message": (
            "Skipped meals or little carbohydrate, with a past stress fracture or periods that "
            "stopped, and now shin, foot or hip pain that built up or lasts: together these point "
            "to low energy availability (RED-S, relative energy deficiency in sport), where the "
            "body runs short of energy for bone repair and hormones. Stop running and book a "
            "sports doctor (or your GP) within the next few days, and ask about bone health, "
            "periods and eating enough for your training. " + HIP_TODAY
        ),
    },
    {
        "slug": "building_one_side",
        "background": None,
        "title": "Pain on one side at a bone that built up over runs",
        "level": "soon",
        # Wider than the floor: the thigh bone too (a femoral shaft stress fracture shows as
        # vague one-sided thigh pain: Ivkovic et al., BJSM 2006).
        "when": [
            [*contract.BONE_SITES, ("location", "quads")],
            *contract.ESCALATIONS["building_one_side"]["when"][1:],
        ],
        "message": (
            "Pain in one shin, foot, thigh or hip that came on later or got worse run after run is how "
            "a bone stress injury usually shows itself, often before the bone hurts to press. "
            "Stop running and book a GP or physiotherapist within the next few days; until then "
            "keep to activities that don't hurt at all. " + HIP_TODAY
        ),
    },
    {
        "slug": "bone_site_lasting",
        "background": None,
        "title": "Pain on one side at a bone for 3 days or more",
        "level": "soon",
        "when": [
            [*contract.BONE_SITES, ("location", "quads")],
            *contract.ESCALATIONS["bone_site_lasting"]["when"][1:],
        ],
        "message": (
            "Pain in one shin, foot, thigh or hip that has lasted 3 days or more is not ordinary "
            "soreness, which affects both legs and eases day by day. It can be a bone stress "
            "injury. Stop running and book a GP or physiotherapist within the next few days; "
            "until then keep to activities that don't hurt at all. " + HIP_TODAY
        ),
    },
    # Not in the contract's floor (editors may change it): soreness getting worse after 3
    # days or more.
    {
        "slug": "not_easing",
        "background": None,
        "title": "Soreness that is not easing after 3 days or more",
        "level": "soon",
        "when": [
            [("trend", "same"), ("trend", "worse")],
            [("duration_days", "3_7"), ("duration_days", "over_7")],
        ],
        "message": (
            "Ordinary soreness is at its worst in the first 2 to 3 days and then eases day by "
            "day; soreness that is no better after 5 days, or getting worse, needs checking "
            "(NHS inform). Yours has lasted 3 days or more and is not easing. Stop running and "
            "book a GP or physiotherapist within the next few days. " + HIP_TODAY
        ),
    },
]

# A health background that takes a strategy (tip_key None) or one of its steps (tip_key
# (question, choice)) out of the plan. (background_choice_slug, strategy_slug, tip_key)
CONTRAINDICATIONS = [
    # The contract's two: compression can harm legs with poor circulation or numb feet, and
    # extra salt is unsafe with kidney disease, heart failure or high blood pressure.
    ("poor_circulation", "compression", None),
    ("kidney_heart_bp", "electrolyte_plan", None),
    # Set fluid volumes and high protein targets: people with kidney disease or heart failure
    # may be on a fluid or protein limit from their own doctor.
    ("kidney_heart_bp", "hydrate", ("fluids", "some")),
    ("kidney_heart_bp", "hydrate", ("temperature", "hot")),
    ("kidney_heart_bp", "balanced_diet", ("nutrition", "low_protein")),
]

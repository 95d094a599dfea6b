"""The safety floor of `../shared/assessment-contract.md` (v3), as plain data.

Content editors may reword everything and raise levels; nothing may go below what is listed
here. `safety.py` enforces it in the database (triggers), in model validation and in a system
check; the default content in `default_questionnaire.py` starts from it.
"""

TRIAGE_LEVELS = ("self_care", "soon", "urgent", "emergency")

WARNING_SIGNS_QUESTION = "red_flags"
HEALTH_BACKGROUND_QUESTION = "health_background"
# Both are asked first (the signs on screen 1, the health background on its own screen 2, so
# step 1 stays short on a phone), may be ticked together with anything, and are locked.
SAFETY_QUESTIONS = (WARNING_SIGNS_QUESTION, HEALTH_BACKGROUND_QUESTION)
SAFETY_QUESTION_STEPS = {WARNING_SIGNS_QUESTION: 1, HEALTH_BACKGROUND_QUESTION: 2}
NONE_CHOICE = "none"

# Warning sign -> the least level it may carry.
WARNING_SIGNS = {
    "breathless": "emergency",
    "collapse_or_confusion": "emergency",
    "severe_pain_swelling": "emergency",
    "cold_pale_foot": "emergency",
    "dark_urine": "emergency",
    "saddle_numbness": "emergency",
    "deformed_limb": "emergency",
    "dark_urine_mild": "urgent",
    "fainted_during_run": "urgent",
    "calf_swelling_one_side": "urgent",
    "numbness": "urgent",
    "cannot_bear_weight": "urgent",
    "tendon_pop": "urgent",
    "groin_pain": "urgent",
    "hot_red_joint": "urgent",
    "spreading_redness": "urgent",
    "cramp_wont_ease": "urgent",
    "fever": "urgent",
    "bone_tenderness": "soon",
    "night_pain": "soon",
    "joint_swelling": "soon",
}

HEALTH_BACKGROUNDS = (
    "under_16",
    "clot_risk",
    "poor_circulation",
    "kidney_heart_bp",
    "quinolone",
    "same_site_before",
    "bone_health",
)

# Escalations: answers that together reach at least `level`. `background` is the health
# background they need, or None for the pain-pattern escalations of v3 (no background part).
# `when` is a list of groups; every group must match, and a group matches when any of its
# (question, choice) answers was given. Editors may add choices to a group (broader) and
# raise the level, never remove a listed choice or lower the level.
#
# Fail safe (v3): a question an escalation needs that the runner skipped counts as the
# escalating answer (scoring.escalation_applies). "Not sure" is an escalating answer too.
# An escalation still needs something real to go on: its health background when it has one,
# else its first group (where it hurts).
BONE_SITES = [("location", "shins"), ("location", "feet"), ("location", "hips_glutes")]
ONE_SIDE = [("sides", "one"), ("sides", "not_sure")]
BUILT_UP = [("onset", "later"), ("onset", "not_sure")]
LASTING = [("duration_days", "3_7"), ("duration_days", "over_7")]
ANY_LOCATION = [
    ("location", slug)
    for slug in ("quads", "hamstrings", "calves", "shins", "knees", "feet", "hips_glutes")
]
ESCALATIONS = {
    "under_16_hip_knee": {
        "background": "under_16",
        "level": "soon",
        "when": [[("location", "hips_glutes"), ("location", "knees")], ONE_SIDE],
    },
    "under_16_fever": {
        "background": "under_16",
        "level": "emergency",
        "when": [[(WARNING_SIGNS_QUESTION, "fever")]],
    },
    "clot_risk_calf": {
        "background": "clot_risk",
        "level": "urgent",
        "when": [[("location", "calves")], ONE_SIDE],
    },
    # v3: the drug's safety advice covers any tendon, muscle or joint, not only calf and foot.
    "quinolone_tendon": {
        "background": "quinolone",
        "level": "urgent",
        "when": [ANY_LOCATION],
    },
    "bone_health_red_s": {
        "background": "bone_health",
        "level": "soon",
        "when": [
            [(WARNING_SIGNS_QUESTION, "bone_tenderness"), (WARNING_SIGNS_QUESTION, "night_pain")]
        ],
    },
    # v3: pain at a bone-stress site that built up or lasts, after a stress fracture or with
    # periods that stopped, whether or not the runner ticked "pain on one spot of a bone".
    "bone_health_bone_site": {
        "background": "bone_health",
        "level": "soon",
        "when": [BONE_SITES, [*BUILT_UP, *LASTING]],
    },
    # ... and with signs of under-fuelling: the message names RED-S and a sports doctor.
    "bone_health_under_fuelled": {
        "background": "bone_health",
        "level": "soon",
        "when": [
            BONE_SITES,
            [*BUILT_UP, *LASTING],
            [("nutrition", "skipped_meals"), ("nutrition", "low_carb")],
        ],
    },
    # v3: the pattern of a bone stress injury, with no warning sign and no background.
    "building_one_side": {
        "background": None,
        "level": "soon",
        "when": [BONE_SITES, BUILT_UP, ONE_SIDE],
    },
    "bone_site_lasting": {
        "background": None,
        "level": "soon",
        "when": [
            BONE_SITES,
            ONE_SIDE,
            LASTING,
            # Not "stiff": stiffness alone is the muscles, not a bone.
            [("pain_quality", "dull_ache"), ("pain_quality", "sharp"), ("pain_quality", "burning")],
        ],
    },
}

# A cause an escalation points to ranks in the top two whenever the escalation applies
# (RED-S: under-fuelling is the cause to explain beside a bone stress injury).
ESCALATION_CAUSES = {
    "bone_health_red_s": "nutrition",
    "bone_health_bone_site": "nutrition",  # the background names periods that stopped
    "bone_health_under_fuelled": "nutrition",
}

# Contraindications: (health background, strategy) that the plan must never contain.
CONTRAINDICATIONS = (
    ("poor_circulation", "compression"),
    ("kidney_heart_bp", "electrolyte_plan"),
)

# Health backgrounds that must raise a cause (a positive weight).
RAISES = (
    ("same_site_before", "overuse"),
    ("bone_health", "nutrition"),
)

# Strategies that are never offered beside a warning sign, whatever an editor ticks.
NEVER_BESIDE_A_WARNING = ("compression", "repeated_bout", "flat_surfaces")


def rank(level: str) -> int:
    """0 for self-care (or no level), up to 3 for emergency."""
    return TRIAGE_LEVELS.index(level) if level in TRIAGE_LEVELS else 0

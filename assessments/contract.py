"""The safety floor of `../shared/assessment-contract.md` (v2), as plain data.

Content editors may reword everything and raise levels; nothing may go below what is listed
here. `safety.py` enforces it in the database (triggers), in model validation and in a system
check; the default content in `default_questionnaire.py` starts from it.
"""

TRIAGE_LEVELS = ("self_care", "soon", "urgent", "emergency")

WARNING_SIGNS_QUESTION = "red_flags"
HEALTH_BACKGROUND_QUESTION = "health_background"
# Both are asked on the first screen, may be ticked together with anything, and are locked.
SAFETY_QUESTIONS = (WARNING_SIGNS_QUESTION, HEALTH_BACKGROUND_QUESTION)
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

# Escalations: a health background combined with other answers reaches at least `level`.
# `when` is a list of groups; every group must match, and a group matches when any of its
# (question, choice) answers was given. Editors may add choices to a group (broader) and
# raise the level, never remove a listed choice or lower the level.
ESCALATIONS = {
    "under_16_hip_knee": {
        "background": "under_16",
        "level": "soon",
        "when": [[("location", "hips_glutes"), ("location", "knees")], [("sides", "one")]],
    },
    "under_16_fever": {
        "background": "under_16",
        "level": "emergency",
        "when": [[(WARNING_SIGNS_QUESTION, "fever")]],
    },
    "clot_risk_calf": {
        "background": "clot_risk",
        "level": "urgent",
        "when": [[("location", "calves")], [("sides", "one")]],
    },
    "quinolone_tendon": {
        "background": "quinolone",
        "level": "urgent",
        "when": [[("location", "calves"), ("location", "feet")]],
    },
    "bone_health_red_s": {
        "background": "bone_health",
        "level": "soon",
        "when": [
            [(WARNING_SIGNS_QUESTION, "bone_tenderness"), (WARNING_SIGNS_QUESTION, "night_pain")]
        ],
    },
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

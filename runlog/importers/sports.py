"""Which activities are runs: only runs are imported, every other sport is skipped by name.

A run is a run, a trail run, a treadmill run or a virtual run. A file that names no sport
(no GPX <type>, TCX Sport="Other", FIT sport "generic") is taken as a run, with
`named=False`, so the import summary can say so.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .activity import RUN, TRAIL_RUN, TREADMILL, VIRTUAL_RUN


class Verdict(NamedTuple):
    sport: str | None  # a RUN_SPORTS value, or None: not a run, skip it
    named: bool  # False: the file names no sport (taken as a run)
    label: str  # the sport as the file names it, for the summary


UNNAMED = Verdict(RUN, False, "")


def normalise(text: str) -> str:
    """ "Course à pied" -> "courseapied": no accents, case, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.casefold())


# GPX <type> (and Garmin's own activity type keys), normalised.
_TYPE_RUNS = {
    "9": RUN,  # Strava's GPX: its numeric activity type, 9 for a run
    "run": RUN,
    "running": RUN,
    "streetrunning": RUN,
    "roadrunning": RUN,
    "trackrunning": RUN,
    "jogging": RUN,
    "trailrun": TRAIL_RUN,
    "trailrunning": TRAIL_RUN,
    "treadmill": TREADMILL,
    "treadmillrunning": TREADMILL,
    "indoorrunning": TREADMILL,
    "indoorrun": TREADMILL,
    "virtualrun": VIRTUAL_RUN,
    "virtualrunning": VIRTUAL_RUN,
}
# Saying nothing about the sport.
_UNNAMED_TYPES = {"", "generic", "other", "unknown", "uncategorized", "uncategorised", "none"}
# Strava's numeric GPX types other than 9 that are well known; any other number is skipped as
# "Strava type N".
_STRAVA_NUMBERS = {"1": "Ride", "4": "Hike", "10": "Walk"}


def from_type_text(raw: str | None) -> Verdict:
    """A GPX <type>, a TCX Sport attribute, or any sport written as text."""
    label = (raw or "").strip()
    key = normalise(label)
    if key in _UNNAMED_TYPES:
        return Verdict(RUN, False, label)
    if key in _TYPE_RUNS:
        return Verdict(_TYPE_RUNS[key], True, label)
    if key.isdigit():
        return Verdict(None, True, _STRAVA_NUMBERS.get(key, f"Strava type {key}"))
    return Verdict(None, True, label)


def from_tcx_sport(raw: str | None) -> Verdict:
    """TCX's Sport attribute is Running, Biking or Other; "Other" names nothing."""
    return from_type_text(raw)


_FIT_RUN_SUB_SPORTS = {
    "trail": TRAIL_RUN,
    "treadmill": TREADMILL,
    "indoor_running": TREADMILL,
    "virtual_activity": VIRTUAL_RUN,
}


def from_fit(sport, sub_sport) -> Verdict:
    """FIT sport and sub_sport as the SDK gives them (names; numbers when not in its profile)."""
    sport = sport if sport is not None else "generic"
    sub = sub_sport if sub_sport is not None else "generic"
    if sport == "running":
        return Verdict(_FIT_RUN_SUB_SPORTS.get(sub, RUN), True, "running")
    if sub in ("treadmill", "indoor_running") and sport in ("fitness_equipment", "generic"):
        return Verdict(TREADMILL, True, f"{sport}/{sub}")
    if sport == "generic":
        return Verdict(RUN, False, "")
    label = sport if isinstance(sport, str) else f"FIT sport {sport}"
    if sub not in ("generic", None) and isinstance(sub, str):
        label = f"{label} ({sub})"
    return Verdict(None, True, label.replace("_", " "))


# Strava's activities.csv "Activity Type", in the languages its exports have used, normalised.
_STRAVA_RUN_TYPES = {
    # English
    "run": RUN,
    "trailrun": TRAIL_RUN,
    "virtualrun": VIRTUAL_RUN,
    # German
    "lauf": RUN,
    "laufen": RUN,
    "traillauf": TRAIL_RUN,
    "virtuellerlauf": VIRTUAL_RUN,
    # French
    "course": RUN,
    "courseapied": RUN,
    "trail": TRAIL_RUN,
    "coursevirtuelle": VIRTUAL_RUN,
    # Spanish
    "carrera": RUN,
    "carreraporsendero": TRAIL_RUN,
    "carrerapormontana": TRAIL_RUN,
    "carreravirtual": VIRTUAL_RUN,
    # Dutch
    "hardlopen": RUN,
    "hardloopsessie": RUN,
    "virtuelehardloopsessie": VIRTUAL_RUN,
    # Italian, Portuguese
    "corsa": RUN,
    "corsavirtuale": VIRTUAL_RUN,
    "corrida": RUN,
    "corridaemtrilha": TRAIL_RUN,
    "corridavirtual": VIRTUAL_RUN,
}
_RUN_WORDS = ("run", "lauf", "course", "carrera", "hardloop", "corsa", "corrida", "jog")
# Words that make a "run" word something else: cross-country skiing is "Skilanglauf".
_NOT_RUN_WORDS = ("ski", "velo", "bike", "ride", "rad", "swim", "walk", "wander", "row")


def from_strava_type(raw: str | None) -> Verdict | None:
    """activities.csv's type; None when the CSV says nothing (the file's own sport decides)."""
    label = (raw or "").strip()
    key = normalise(label)
    if not key:
        return None
    if key in _STRAVA_RUN_TYPES:
        return Verdict(_STRAVA_RUN_TYPES[key], True, label)
    if any(word in key for word in _RUN_WORDS) and not any(w in key for w in _NOT_RUN_WORDS):
        if "virtu" in key:
            return Verdict(VIRTUAL_RUN, True, label)
        if "trail" in key:
            return Verdict(TRAIL_RUN, True, label)
        if "treadmill" in key or "laufband" in key or "tapis" in key:
            return Verdict(TREADMILL, True, label)
        return Verdict(RUN, True, label)
    return Verdict(None, True, label)


def normalise_words(text: str) -> str:
    """ "7 Okt. 2020" -> "7 okt 2020": no accents or case, words kept apart."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()

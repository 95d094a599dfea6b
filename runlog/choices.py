"""The contract's slugs that the run log stores, with labels written for a runner.

The same slugs as `../shared/assessment-contract.md` (questions `terrain`, `fluids` and
`location`). runlog never imports `assessments`: the dependency runs one way, so the slugs are
repeated here and a test checks that both apps still agree.
"""

from django.db import models


class DistanceUnit(models.TextChoices):
    KM = "km", "Kilometres (km)"
    MI = "mi", "Miles (mi)"


class TemperatureUnit(models.TextChoices):
    C = "C", "Celsius (°C)"
    F = "F", "Fahrenheit (°F)"


class Terrain(models.TextChoices):
    FLAT = "flat", "Flat"
    ROLLING = "rolling", "Gently rolling"
    HILLY = "hilly", "Hilly"
    DOWNHILL = "downhill", "Long descents (mostly downhill)"
    TRAIL = "trail", "Trail or uneven ground"


class Fluids(models.TextChoices):
    PLENTY = "plenty", "Plenty"
    SOME = "some", "Some"
    LITTLE = "little", "Little or nothing"


class Location(models.TextChoices):
    QUADS = "quads", "Front of thigh"
    HAMSTRINGS = "hamstrings", "Back of thigh"
    CALVES = "calves", "Calf"
    SHINS = "shins", "Shin"
    KNEES = "knees", "Knee"
    FEET = "feet", "Foot"
    HIPS_GLUTES = "hips_glutes", "Hip or buttock"


class Side(models.TextChoices):
    LEFT = "left", "Left"
    RIGHT = "right", "Right"
    UNSAID = "", "Both or not said"


class Source(models.TextChoices):
    MANUAL = "manual", "Logged by hand"
    IMPORTED = "imported", "Imported"


class Sport(models.TextChoices):
    """The kind of run: the same slugs as `runlog.importers.activity.RUN_SPORTS`."""

    RUN = "run", "Road run"
    TRAIL_RUN = "trail_run", "Trail run"
    TREADMILL = "treadmill", "Treadmill"
    VIRTUAL_RUN = "virtual_run", "Virtual run"

"""Importing runs from GPX, TCX and FIT files and Strava bulk exports: the plain parsing layer.

Files in, dataclasses out; no database. Start at `parse_upload` (or `iter_upload`, to save and
report progress file by file). See `activity` for what comes back, `safety` for the caps, and
`track` for the elevation smoothing and the terrain thresholds.
"""

from .activity import (
    RUN,
    RUN_SPORTS,
    TRAIL_RUN,
    TREADMILL,
    VIRTUAL_RUN,
    ImportRefused,
    ParsedActivity,
    ParsedFile,
    SkippedActivity,
)
from .dispatch import iter_upload, parse_upload, sniff
from .fit import parse_fit
from .gpx import parse_gpx
from .safety import MAX_ACTIVITIES_PER_UPLOAD
from .strava import iter_export
from .tcx import parse_tcx

__all__ = [
    "MAX_ACTIVITIES_PER_UPLOAD",
    "RUN",
    "RUN_SPORTS",
    "TRAIL_RUN",
    "TREADMILL",
    "VIRTUAL_RUN",
    "ImportRefused",
    "ParsedActivity",
    "ParsedFile",
    "SkippedActivity",
    "iter_export",
    "iter_upload",
    "parse_fit",
    "parse_gpx",
    "parse_tcx",
    "parse_upload",
    "sniff",
]

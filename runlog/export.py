"""A runner's run log as data they can take away: CSV files and a dict for the JSON export.

SI units with the unit in every column name (distance_m, moving_time_s, temperature_c), times
in ISO 8601 with the offset of the runner's time zone, so a spreadsheet and a script read the
same numbers whatever units the runner chose on the site. Every query is scoped to the one
runner; nothing here names another app (the project's JSON export adds assessments itself).
"""

from decimal import Decimal

from django.db.models import Prefetch

from . import days
from .models import ActivityFile, Run, RunnerSettings, SorenessEntry

RUN_COLUMNS = (
    "run_id",
    "start",
    "name",
    "sport",
    "distance_m",
    "moving_time_s",
    "elevation_gain_m",
    "elevation_loss_m",
    "terrain",
    "temperature_c",
    "rpe",
    "fluids",
    "warm_up_done",
    "cool_down_done",
    "notes",
    "source",
    "external_id",
    "created_at",
    "updated_at",
)
SORENESS_COLUMNS = (
    "entry_id",
    "recorded_at",
    "run_id",
    "hours_since_run",
    "soreness",
    "sleep_quality",
    "fatigue",
    "stress",
    "sore_regions",
    "follow_ups",
    "notes",
    "created_at",
    "updated_at",
)

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (tab and carriage return too, per OWASP): "=HYPERLINK(...)" in a note must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def time_zone_of(user) -> str:
    prefs = RunnerSettings.objects.filter(user=user).only("time_zone").first()
    return prefs.time_zone if prefs and days.is_time_zone(prefs.time_zone) else "UTC"


def _iso(moment, tz_name: str) -> str:
    return days.local_time(moment, tz_name).isoformat(timespec="seconds")


def _cell(value) -> str:
    """None -> empty, booleans -> true/false, numbers as they are; text as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def run_record(run: Run, tz_name: str) -> dict:
    """One run as plain JSON-able values in SI units, keyed by the CSV's column names."""
    return {
        "run_id": run.pk,
        "start": _iso(run.start, tz_name),
        "name": run.name,
        "sport": run.sport,
        "distance_m": run.distance_m,
        "moving_time_s": run.duration_s,
        "elevation_gain_m": run.elevation_gain_m,
        "elevation_loss_m": run.elevation_loss_m,
        "terrain": run.terrain,
        "temperature_c": _number(run.temperature_c),
        "rpe": run.rpe,
        "fluids": run.fluids,
        "warm_up_done": run.warm_up_done,
        "cool_down_done": run.cool_down_done,
        "notes": run.notes,
        "source": run.source,
        "external_id": run.external_id,
        # What an import adds (in the JSON export; the CSV keeps its columns).
        "elapsed_time_s": run.elapsed_s,
        "avg_heart_rate_bpm": run.avg_heart_rate,
        "avg_cadence_spm": run.avg_cadence,
        "activity_file_id": run.activity_file_id,
        "created_at": _iso(run.created_at, tz_name),
        "updated_at": _iso(run.updated_at, tz_name),
    }


def entry_record(entry: SorenessEntry, tz_name: str) -> dict:
    return {
        "entry_id": entry.pk,
        "recorded_at": _iso(entry.recorded_at, tz_name),
        "run_id": entry.run_id,
        "hours_since_run": entry.hours_since_run,
        "soreness": entry.soreness,
        "sleep_quality": entry.sleep_quality,
        "fatigue": entry.fatigue,
        "stress": entry.stress,
        "sore_regions": [
            {"region": r.region, "side": r.side, "soreness": r.soreness}
            for r in entry.regions.all()
        ],
        # The yeses to the questions asked about a spot sore for 3 days or more.
        "follow_ups": [
            {"region": f.region, "side": f.side, "answer": f.answer}
            for f in entry.followup_answers.all()
        ],
        "notes": entry.notes,
        "created_at": _iso(entry.created_at, tz_name),
        "updated_at": _iso(entry.updated_at, tz_name),
    }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def runs_for_export(user):
    return Run.objects.filter(owner=user).order_by("start", "id")


def entries_for_export(user):
    return (
        SorenessEntry.objects.filter(owner=user)
        .select_related("run")
        .prefetch_related("regions", "followup_answers")
        .order_by("recorded_at", "id")
    )


def regions_cell(regions: list[dict]) -> str:
    """ "calves:left:4;quads:right:" — region, side (empty for both or unsaid), own 0-10."""
    return ";".join(
        f"{r['region']}:{r['side']}:{'' if r['soreness'] is None else r['soreness']}"
        for r in regions
    )


def run_csv_rows(user, tz_name: str | None = None):
    """The header, then one row per run, oldest first; times in `tz_name` (the runner's)."""
    tz_name = tz_name or time_zone_of(user)
    yield RUN_COLUMNS
    for run in runs_for_export(user).iterator(chunk_size=500):
        record = run_record(run, tz_name)
        record["notes"] = csv_safe(record["notes"])
        record["name"] = csv_safe(record["name"])  # a file's title: "=HYPERLINK(...)" too
        record["external_id"] = csv_safe(record["external_id"])
        yield tuple(_cell(record[column]) for column in RUN_COLUMNS)


def soreness_csv_rows(user, tz_name: str | None = None):
    tz_name = tz_name or time_zone_of(user)
    yield SORENESS_COLUMNS
    for entry in entries_for_export(user).iterator(chunk_size=500):
        record = entry_record(entry, tz_name)
        record["sore_regions"] = regions_cell(record["sore_regions"])
        record["follow_ups"] = ";".join(
            f"{f['region']}:{f['side']}:{f['answer']}" for f in record["follow_ups"]
        )
        record["notes"] = csv_safe(record["notes"])
        yield tuple(_cell(record[column]) for column in SORENESS_COLUMNS)


def activity_file_record(item: ActivityFile, tz_name: str) -> dict:
    """An uploaded activity file (not its content: that is in the files zip)."""
    return {
        "file_id": item.pk,
        "name": item.original_name,
        "sha256": item.sha256,
        "size_bytes": item.size,
        "format": item.format,
        "gzipped": item.gzipped,
        "uploaded_at": _iso(item.uploaded_at, tz_name),
        "run_ids": sorted(run.pk for run in item.runs.all()),
    }


def activity_files_for_export(user):
    return (
        ActivityFile.objects.filter(owner=user)
        .prefetch_related(Prefetch("runs", queryset=Run.objects.only("id", "activity_file_id")))
        .order_by("uploaded_at", "id")
    )


def runlog_data(user) -> dict:
    """Everything the run log holds about `user`, as JSON-able values (for "export all")."""
    prefs = RunnerSettings.objects.filter(user=user).first()
    tz_name = prefs.time_zone if prefs and days.is_time_zone(prefs.time_zone) else "UTC"
    data = {
        "settings": None
        if prefs is None
        else {
            "distance_unit": prefs.distance_unit,
            "temperature_unit": prefs.temperature_unit,
            "time_zone": prefs.time_zone,
            "body_weight_kg": _number(prefs.body_weight_kg),
        },
        "runs": [run_record(run, tz_name) for run in runs_for_export(user)],
        "soreness_entries": [entry_record(e, tz_name) for e in entries_for_export(user)],
    }
    # The files a runner imported runs from (their bytes: "my data"'s files zip). Only when
    # there are some, so a log without imports exports as it always did.
    files = [activity_file_record(f, tz_name) for f in activity_files_for_export(user)]
    if files:
        data["activity_files"] = files
    return data

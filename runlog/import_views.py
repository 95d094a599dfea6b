"""Importing runs from files: the upload page, the progress page, merge offers, and the
runner's original files as a zip.

The upload view takes multipart bodies up to `MAX_UPLOAD_BYTES` (legache.limits; every other
view still refuses them), stages the files through the default storage, and queues
`runlog.tasks.import_batch` once the batch is committed, in the runner's turn (one of a
runner's imports in the task queue at a time, at most `imports.MAX_ACTIVE_BATCHES` waiting or
running: past that a 429 says how long to wait). The progress page polls a partial
every second with HTMX, and refreshes itself every two seconds without JavaScript, until the
batch is finished; then it shows the summary. Another runner's batch or offer is a 404 for
every method, as everywhere in the run log.
"""

import io
import json
import posixpath
import zipfile

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import dateformat, timezone
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_http_methods, require_safe

from legache.htmx import render_either
from legache.limits import allows_upload

from . import export, imports, units
from .choices import Sport
from .importers import MAX_ACTIVITIES_PER_UPLOAD
from .models import (
    ActivityFile,
    ImportBatch,
    ImportUpload,
    MergeOffer,
    Run,
    import_upload_path,
)
from .views import own, runner_view

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 200 * MB
MAX_FILES = 50
EXTENSIONS = (".gpx", ".tcx", ".fit", ".gz", ".zip")
RECENT_BATCHES = 20


# ---------------------------------------------------------------------------------------------
# The upload form


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return [super().clean(None, initial)]  # "required"
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label="Activity files, or your Strava export",
        help_text=(
            f"GPX, TCX or FIT files (also gzipped, .gz), up to {MAX_FILES} at once, or the "
            "Strava bulk export .zip."
        ),
        widget=MultipleFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
        error_messages={"required": "Choose at least one file."},
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(
                f"That is {len(files)} files; up to {MAX_FILES} can go at once. Upload them in "
                "parts, or as one zip.",
                code="too_many_files",
            )
        wrong = [f.name for f in files if not f.name.lower().endswith(EXTENSIONS)]
        if wrong:
            raise ValidationError(
                "Only GPX, TCX and FIT files (also .gz) and zips can be imported, not "
                + ", ".join(wrong[:5])
                + (" …" if len(wrong) > 5 else "")
                + ".",
                code="wrong_kind",
            )
        return files


def _stage(user, files) -> ImportBatch:
    """Store the uploads and make the batch; its task is queued once both are committed, if
    the runner has no other import in the queue (else it waits its turn: see `imports`).

    Raises imports.QueueFull, before anything is stored, if the runner has
    `imports.MAX_ACTIVE_BATCHES` imports waiting or running: counted with their row locked,
    so two uploads at once cannot both squeeze past. Django has spooled each file over
    FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) to a temporary file; the storage moves it, or copies
    it in chunks, never reading it whole."""
    if refusal := imports.queue_full(user.pk):  # no room: refuse before storing anything
        raise refusal
    storage = ImportUpload._meta.get_field("file").storage
    stored: list[str] = []
    try:
        # The files first, with no lock held: copying 200 MB inside the transaction would
        # hold the runner's row (PostgreSQL) or the whole database (SQLite) meanwhile.
        for upload in files:
            placeholder = ImportUpload(batch=ImportBatch(owner_id=user.pk))
            stored.append(storage.save(import_upload_path(placeholder, upload.name), upload))
        with transaction.atomic():
            imports.make_room(user.pk)  # counted again under the lock: two at once
            batch = ImportBatch.objects.create(owner=user, files_total=len(files))
            for position, (upload, name) in enumerate(zip(files, stored, strict=True), start=1):
                ImportUpload.objects.create(
                    batch=batch,
                    position=position,
                    file=name,
                    original_name=upload.name[-255:],
                    size=upload.size,
                )
            imports.dispatch_next(user.pk)
    except BaseException:
        imports._delete_stored_now(stored)
        raise
    return batch


def _queue_full(request, refusal: imports.QueueFull):
    """429: the runner has imports enough waiting or running; how long to wait."""
    minutes = max(1, round(refusal.retry_after / 60))
    batches = imports.active_batches(request.user.pk).defer("summary").order_by("created_at")
    context = {
        "prefs": request.runner,
        "active": refusal.active,
        "minutes": minutes,
        "batches": batches,
        "max_active": imports.MAX_ACTIVE_BATCHES,
    }
    response = render(request, "runlog/import_busy.html", context, status=429)
    response["Retry-After"] = str(refusal.retry_after)
    return response


@allows_upload(MAX_UPLOAD_BYTES)
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def import_page(request):
    status = 200
    if request.method == "POST":
        # A first look before the form is read; `_stage` counts again, locked.
        if refusal := imports.queue_full(request.user.pk):
            return _queue_full(request, refusal)
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                batch = _stage(request.user, form.cleaned_data["files"])
            except imports.QueueFull as refusal:
                return _queue_full(request, refusal)
            return redirect("runlog:import_progress", batch_id=batch.pk)
        status = 422
    else:
        form = ImportForm()
    batches = (
        ImportBatch.objects.filter(owner=request.user)
        .defer("summary")
        # Only offers still waiting are "to merge" (the batch's counter counts every offer made).
        .annotate(
            offers_waiting=Count("offers", filter=Q(offers__status=MergeOffer.Status.PENDING))
        )
        .order_by("-created_at", "-id")[:RECENT_BATCHES]
    )
    offers = (
        MergeOffer.objects.filter(owner=request.user, status=MergeOffer.Status.PENDING)
        .select_related("run")
        .order_by("start", "id")
    )
    context = {
        "prefs": request.runner,
        "form": form,
        "batches": batches,
        "offers": offers,
        "max_upload_mb": MAX_UPLOAD_BYTES // MB,
        "max_files": MAX_FILES,
        "max_activities": MAX_ACTIVITIES_PER_UPLOAD,
        "max_active": imports.MAX_ACTIVE_BATCHES,
    }
    return render(request, "runlog/import.html", context, status=status)


# ---------------------------------------------------------------------------------------------
# Progress and summary


def summary_groups(batch: ImportBatch) -> dict[str, list[dict]]:
    """The batch's per-file summary, regrouped by what happened, for the page."""
    groups: dict[str, list[dict]] = {
        "duplicate": [],
        "skipped": [],
        "failed": [],
        "warnings": [],
    }
    for entry in batch.summary:
        name = entry.get("name", "")
        for result in entry.get("results", []):
            outcome = result.get("outcome")
            if outcome in groups:
                groups[outcome].append({"name": name, **result})
        for warning in entry.get("warnings", []):
            groups["warnings"].append({"name": name, "reason": warning})
    return groups


def _progress_context(request, batch: ImportBatch) -> dict:
    context = {"prefs": request.runner, "batch": batch, "resumable": imports.resumable(batch)}
    statuses: list[str] = []
    if batch.finished:
        context["groups"] = summary_groups(batch)
        context["offers"] = list(batch.offers.order_by("start", "id"))
        statuses = [offer.status for offer in context["offers"]]
    elif batch.merge_offers:  # offers made so far; none is looked up when there are none
        statuses = list(batch.offers.values_list("status", flat=True))
    # What became of the offers: only those still waiting are "to merge".
    context["offer_counts"] = {
        status: statuses.count(status) for status in MergeOffer.Status.values
    }
    return context


@login_required
@own("batch", ImportBatch, "batch_id")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def import_progress(request, batch):
    """GET: the progress (a partial for HTMX). POST: start a stopped import again."""
    if request.method == "POST":
        if imports.resumable(batch):
            with transaction.atomic():
                imports.queue_again(batch)  # enqueued once this commits, in its turn
            messages.success(request, "The import starts again where it stopped.")
        return redirect("runlog:import_progress", batch_id=batch.pk)
    context = _progress_context(request, batch)
    return render_either(
        request,
        "runlog/import_progress.html",
        "runlog/import_progress.html#import-progress",
        context,
    )


# ---------------------------------------------------------------------------------------------
# Merge offers


def _figures(values: dict, unit: str, temperature_unit: str) -> dict[str, str]:
    def maybe(value, show):
        return "—" if value in (None, "") else show(value)

    return {
        "start": dateformat.format(timezone.localtime(values["start"]), "D j M Y, H:i"),
        "distance": units.format_distance(values["distance_m"], unit),
        "moving": units.format_duration(values["duration_s"]),
        "elapsed": maybe(values.get("elapsed_s"), units.format_duration),
        "climb": maybe(values.get("elevation_gain_m"), lambda v: units.format_elevation(v, unit)),
        "descent": maybe(values.get("elevation_loss_m"), lambda v: units.format_elevation(v, unit)),
        "heart_rate": maybe(values.get("avg_heart_rate"), lambda v: f"{v} bpm"),
        "cadence": maybe(values.get("avg_cadence"), lambda v: f"{v} steps/min"),
        "temperature": maybe(
            values.get("temperature_c"), lambda v: units.format_temperature(v, temperature_unit)
        ),
        "rpe": maybe(values.get("rpe"), lambda v: f"{v} out of 10"),
        "name": maybe(values.get("name"), str),
        "sport": Sport(
            values.get("sport") if values.get("sport") in Sport.values else Sport.RUN
        ).label,
    }


ROWS = (
    ("name", "Name"),
    ("sport", "Kind of run"),
    ("start", "Start"),
    ("distance", "Distance"),
    ("moving", "Moving time"),
    ("elapsed", "Elapsed time"),
    ("climb", "Climb"),
    ("descent", "Descent"),
    ("heart_rate", "Average heart rate"),
    ("cadence", "Average cadence"),
    ("temperature", "Temperature"),
    ("rpe", "Effort (RPE)"),
)


def _run_values(run: Run) -> dict:
    return {
        "start": run.start,
        "distance_m": run.distance_m,
        "duration_s": run.duration_s,
        "elapsed_s": run.elapsed_s,
        "elevation_gain_m": run.elevation_gain_m,
        "elevation_loss_m": run.elevation_loss_m,
        "avg_heart_rate": run.avg_heart_rate,
        "avg_cadence": run.avg_cadence,
        "temperature_c": run.temperature_c,
        "rpe": run.rpe,
        "name": run.name,
        "sport": run.sport,
    }


def _comparison(offer: MergeOffer, prefs) -> list[dict]:
    unit, temperature_unit = prefs.distance_unit, prefs.temperature_unit
    from_file = imports.run_values(offer.activity)
    file_figures = _figures(from_file, unit, temperature_unit)
    if offer.run is None:
        return [
            {"label": label, "yours": "", "file": file_figures[key], "merged": ""}
            for key, label in ROWS
        ]
    yours = _figures(_run_values(offer.run), unit, temperature_unit)
    merged_run = imports.merged(Run(**_run_values(offer.run)), offer.activity)
    merged = _figures(_run_values(merged_run), unit, temperature_unit)
    return [
        {"label": label, "yours": yours[key], "file": file_figures[key], "merged": merged[key]}
        for key, label in ROWS
    ]


DECISIONS = {
    "merge": (imports.accept_offer, "Merged: your run has the file's figures now."),
    "separate": (imports.keep_separate, "Imported as a run of its own."),
    "decline": (imports.decline_offer, "Declined: the file's run was not imported."),
}


@login_required
@own("offer", MergeOffer, "offer_id")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def import_merge(request, offer):
    status = 200
    error = ""
    if request.method == "POST":
        decision = DECISIONS.get(request.POST.get("decision", ""))
        if decision is not None:
            action, done = decision
            try:
                action(offer.pk, request.user)
            except imports.OfferError as refusal:
                messages.error(request, refusal.reason)
            else:
                messages.success(request, done)
            return redirect(
                reverse("runlog:import_progress", kwargs={"batch_id": offer.batch_id})
                + "#merge-offers"
            )
        status = 422
        error = "Choose one: merge them, keep both, or decline."
    context = {
        "prefs": request.runner,
        "offer": offer,
        "rows": _comparison(offer, request.runner),
        "error": error,
    }
    return render(request, "runlog/import_merge.html", context, status=status)


# ---------------------------------------------------------------------------------------------
# The runner's original files, as one zip


class _ZipStream(io.RawIOBase):
    """Where zipfile writes; the response takes what it wrote after each file."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self._position = 0

    def writable(self):
        return True

    def write(self, data):
        self._chunks.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self):
        return self._position

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks = []
        return data


def _arcname(item: ActivityFile) -> str:
    base = posixpath.basename(item.original_name.replace("\\", "/"))
    safe = get_valid_filename(base) if base.strip(" .") else "activity"
    return f"activity-files/{item.uploaded_at:%Y-%m-%d}-{item.pk}-{safe}"


def _zip_chunks(items: list[ActivityFile], tz_name: str):
    out = _ZipStream()
    manifest = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            record = export.activity_file_record(item, tz_name)
            record["path"] = _arcname(item)
            try:
                source = item.file.storage.open(item.file.name, "rb")
            except OSError:
                record["path"] = None
                record["missing"] = True
                manifest.append(record)
                continue
            info = zipfile.ZipInfo(record["path"], date_time=item.uploaded_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if item.gzipped else zipfile.ZIP_DEFLATED
            with source, archive.open(info, "w") as target:
                for chunk in source.chunks():
                    target.write(chunk)
                    yield out.take()
            manifest.append(record)
            yield out.take()
        archive.writestr("activity-files.json", json.dumps(manifest, indent=2))
    yield out.take()


@login_required
@require_safe
@runner_view
def export_files_zip(request):
    items = list(
        ActivityFile.objects.filter(owner=request.user)
        .prefetch_related(Prefetch("runs", queryset=Run.objects.only("id", "activity_file_id")))
        .order_by("uploaded_at", "id")
    )
    response = StreamingHttpResponse(
        _zip_chunks(items, request.runner.time_zone), content_type="application/zip"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="legache-activity-files-{timezone.localdate().isoformat()}.zip"'
    )
    return response


# The import pages' routes, included by runlog/urls.py under "import/".
urlpatterns = [
    path("", import_page, name="import"),
    path("<int:batch_id>/", import_progress, name="import_progress"),
    path("offers/<int:offer_id>/", import_merge, name="import_merge"),
]

"""Helpers for the import tests (batches, small activity files, uploads), and checks that they
make what the upload page would.

Files are small: a run of `POINTS` one-second points, 3 m apart (360 m in 2 minutes), so the
whole import suite stays fast.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from runlog import imports
from runlog.models import ImportBatch, ImportUpload
from tests import importer_files as files
from tests.test_runlog_factories import make_user

POINTS = 121  # 360 m in 120 s
START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def points(start=START, n=POINTS, **options):
    return files.route(n, start=start, **options)


def gpx(start=START, **options) -> bytes:
    return files.gpx_bytes(points(start, **options), sport_type="running")


def tcx(start=START, **options) -> bytes:
    return files.tcx_bytes(points(start, **options))


def fit(start=START, serial=3_912_345_678, **options) -> bytes:
    return files.fit_bytes(points(start, **options), time_created=start, serial=serial)


def strava_zip(starts, *, with_files=True, types=None) -> bytes:
    """A Strava-style export: one run per start (ids 1001, 1002, ...), each with a gzipped
    GPX unless `with_files` is False; `types` overrides a row's activity type."""
    rows, members = [], {}
    for number, start in enumerate(starts, start=1):
        activity_id = str(1000 + number)
        filename = f"activities/{activity_id}.gpx.gz" if with_files else ""
        rows.append(
            files.StravaRow(
                activity_id,
                start,
                activity_type=(types or {}).get(number, "Run"),
                name=f"Run {number}",
                filename=filename,
                distance_m=360,
                elapsed_s=120,
            )
        )
        if with_files:
            members[filename] = files.gz(files.gpx_bytes(points(start)))
    return files.strava_export(rows, members)


def make_batch(owner, *uploads: tuple[str, bytes]) -> ImportBatch:
    """A batch as the upload page stages it: its files in storage, not yet imported."""
    batch = ImportBatch.objects.create(owner=owner, files_total=len(uploads))
    for position, (name, data) in enumerate(uploads, start=1):
        ImportUpload.objects.create(
            batch=batch,
            position=position,
            file=ContentFile(data, name=name),
            original_name=name,
            size=len(data),
        )
    return batch


def run_batch(owner, *uploads: tuple[str, bytes], now=None) -> ImportBatch:
    batch = make_batch(owner, *uploads)
    return imports.run_import(batch.pk, now=now)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def outcomes(batch: ImportBatch) -> list[str]:
    return [result["outcome"] for entry in batch.summary for result in entry["results"]]


def reasons(batch: ImportBatch, outcome: str) -> list[str]:
    return [
        result.get("reason", "")
        for entry in batch.summary
        for result in entry["results"]
        if result["outcome"] == outcome
    ]


pytestmark = pytest.mark.django_db


def test_the_small_files_are_one_run_each_in_every_format():
    from runlog.importers import parse_upload

    for name, data in (("a.gpx", gpx()), ("a.tcx", tcx()), ("a.fit", fit())):
        (parsed,) = parse_upload(name, data)
        (activity,) = parsed.activities
        assert activity.start == START
        assert abs(activity.distance_m - 360) <= 3


def test_a_staged_batch_holds_its_files_in_storage(django_user_model):
    from django.core.files.storage import default_storage

    batch = make_batch(make_user(django_user_model), ("a.gpx", gpx()))
    (staged,) = batch.uploads.all()
    assert staged.file.name.startswith(f"import-uploads/{batch.owner_id}/")
    assert staged.file.name.endswith(".gpx")
    assert default_storage.exists(staged.file.name)

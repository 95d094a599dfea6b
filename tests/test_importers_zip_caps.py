"""Zip caps checked before the work they guard, and uploads read from storage as files.

- A zip's entry count comes from its end records (zip64's too) and its central directory,
  read by `safety.check_zip_directory` before zipfile parses anything: a zip claiming a
  million entries is refused without zipfile being called, in a few kilobytes of memory.
- Every entry counts against the ratio and the total, however small (no entry under
  RATIO_MIN_BYTES slips by because it is small).
- The worker opens the staged upload as a file: it never reads it whole (a zip's photos are
  never read), and a single file over its cap is refused before it is read.
"""

import io
import os
import struct
import tracemalloc
import zipfile

import pytest
from django.core.files.storage import default_storage

from runlog import imports
from runlog.importers import dispatch, parse_upload, safety, strava
from runlog.models import Run
from tests import importer_files as files
from tests.test_runlog_import_factories import DAY, START, gpx, make_batch, strava_zip

EOCD = struct.Struct("<4s4H2LH")
ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
ZIP64_LOCATOR = struct.Struct("<4sLQL")


def claiming(entries: int, *, zip64: bool = True) -> bytes:
    """A real, small zip whose end records claim `entries` entries (the directory itself
    holds one): the million-entry zip's end, built in microseconds."""
    real = files.zip_bytes({"activities/1.gpx": gpx()})
    at = real.rindex(b"PK\x05\x06")
    _, _, _, _, _, size, offset, _ = EOCD.unpack_from(real, at)
    body = real[:at]
    if not zip64:
        return body + EOCD.pack(b"PK\x05\x06", 0, 0, entries, entries, size, offset, 0)
    record = ZIP64_EOCD.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset)
    locator = ZIP64_LOCATOR.pack(b"PK\x06\x07", 0, len(body), 1)
    end = EOCD.pack(b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return body + record + locator + end


def refused(name: str, data) -> str:
    (result,) = parse_upload(name, data)
    assert result.status == "refused", result
    return result.refused


@pytest.fixture
def no_zipfile(monkeypatch):
    """Call it once the zip is built: from then on zipfile may not look at a zip at all."""

    def fail(*args, **kwargs):
        raise AssertionError("zipfile was called")

    def forbid():
        monkeypatch.setattr(zipfile, "ZipFile", fail)
        monkeypatch.setattr(zipfile, "_EndRecData", fail)

    return forbid


# --- The entry count, before zipfile ------------------------------------------------------


def test_a_million_entry_zip64_is_refused_from_its_end_record_before_zipfile(no_zipfile):
    data = claiming(1_000_000)
    no_zipfile()
    tracemalloc.start()
    try:
        reason = refused("export.zip", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "1,000,000 entries, more than the 50,000 accepted" in reason
    assert peak < 1_000_000  # bytes: the end records and a little bookkeeping


def test_the_plain_end_record_count_is_read_too(no_zipfile, monkeypatch):
    monkeypatch.setattr(safety, "MAX_ZIP_MEMBERS", 100)
    data = claiming(60_000, zip64=False)
    no_zipfile()
    assert "60,000 entries" in refused("export.zip", data)


def test_a_zip_hiding_entries_behind_a_small_claim_is_counted_in_its_directory(
    no_zipfile, monkeypatch
):
    monkeypatch.setattr(safety, "MAX_ZIP_MEMBERS", 5)
    data = bytearray(files.zip_bytes({f"media/{i}.jpg": b"\xff\xd8\xff" for i in range(6)}))
    at = data.rindex(b"PK\x05\x06")
    struct.pack_into("<HH", data, at + 8, 1, 1)  # "one entry"
    no_zipfile()
    assert "6 entries, more than the 5 accepted" in refused("export.zip", bytes(data))


def test_a_directory_over_its_cap_is_refused_before_it_is_read(no_zipfile, monkeypatch):
    monkeypatch.setattr(safety, "MAX_ZIP_DIRECTORY_BYTES", 50)
    data = files.zip_bytes({f"activities/{i}.gpx": gpx(START + i * DAY) for i in range(3)})
    no_zipfile()
    assert "directory of entries" in refused("export.zip", data)


def test_a_zip_without_an_end_record_is_refused_as_damaged(no_zipfile):
    data = files.zip_bytes({"activities/1.gpx": gpx()})
    no_zipfile()
    assert "damaged" in refused("export.zip", data[: data.rindex(b"PK\x05\x06")])


def test_an_honest_zip_still_opens():
    starts = [START + i * DAY for i in range(3)]
    results = parse_upload("export.zip", strava_zip(starts))
    assert [r.status for r in results] == ["imported"] * 3


# --- Every entry counts, however small ----------------------------------------------------


def test_many_small_bomb_entries_are_refused_together_before_any_is_read(monkeypatch):
    """Each entry is just under RATIO_MIN_BYTES (so none is refused alone): together they
    expand a thousand times, and the zip is refused before one is inflated."""
    body = bytes(safety.RATIO_MIN_BYTES - 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(24):
            archive.writestr(f"activities/{i}.gpx", body)

    def fail(*args):
        raise AssertionError("an entry was read")

    monkeypatch.setattr(safety, "read_member", fail)
    reason = refused("export.zip", buffer.getvalue())
    assert "all its entries together" in reason and "whole zip is refused" in reason


def test_the_entries_read_are_held_to_the_ratio_together(monkeypatch):
    """Padding the zip with an incompressible photo does not hide small bombs among the
    entries that will be read."""
    import random

    body = bytes(safety.RATIO_MIN_BYTES - 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(6):
            archive.writestr(f"activities/{i}.gpx", body)
        photo = random.Random(5).randbytes(400_000)
        archive.writestr("media/photo.jpg", photo, compress_type=zipfile.ZIP_STORED)
    monkeypatch.setattr(safety, "MAX_COMPRESSION_RATIO", 30)  # the padding beats it in all
    assert "activity files together" in refused("export.zip", buffer.getvalue())


# --- Streamed from storage ---------------------------------------------------------------


class Guarded(io.RawIOBase):
    """A stored file that records its reads and refuses to be read whole (zipfile's own read
    of the last 64 KB of a zip, to its end, is allowed)."""

    def __init__(self, wrapped, log):
        self.wrapped, self.log = wrapped, log
        self.size = os.fstat(wrapped.fileno()).st_size

    def read(self, size=-1):
        if size is None or size < 0:
            left = self.size - self.wrapped.tell()
            assert left <= 70_000, f"read whole ({left:,} bytes left)"
        data = self.wrapped.read(size)
        self.log.append(len(data))
        return data

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=0):
        return self.wrapped.seek(offset, whence)

    def tell(self):
        return self.wrapped.tell()

    def fileno(self):
        return self.wrapped.fileno()

    def close(self):
        self.wrapped.close()
        super().close()


@pytest.fixture
def reads(monkeypatch):
    log: list[int] = []
    open_stored = default_storage.open

    def guarded_open(name, mode="rb"):
        return Guarded(open_stored(name, mode), log)

    monkeypatch.setattr(default_storage, "open", guarded_open)
    return log


@pytest.mark.django_db
def test_a_zip_is_read_from_storage_without_its_photos(runner, reads):
    import random

    data = files.strava_export(
        [files.StravaRow("1", START, filename="a/1.gpx")],
        {"a/1.gpx": gpx()},
        extra={"media/photo.jpg": random.Random(3).randbytes(3_000_000)},
    )
    batch = imports.run_import(make_batch(runner, ("export.zip", data)).pk)
    assert (batch.status, batch.imported) == ("done", 1)
    assert sum(reads) < 300_000 < len(data)  # the photo was never read


@pytest.mark.django_db
def test_a_single_file_over_its_cap_is_refused_before_it_is_read(runner, reads, monkeypatch):
    monkeypatch.setattr(safety, "MAX_XML_BYTES", 100_000)

    def fail(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr("runlog.importers.files.PARSERS", {"gpx": fail})
    big = gpx(n=4_000)  # about 330 KB
    assert len(big) > 300_000
    batch = imports.run_import(make_batch(runner, ("run.gpx", big)).pk)
    assert batch.failed == 1 and not Run.objects.exists()
    (reason,) = [r["reason"] for e in batch.summary for r in e["results"]]
    assert reason == "The GPX file is larger than 100,000 bytes, the most accepted."
    assert max(reads) <= dispatch.CHUNK  # its head, then its hash in chunks


@pytest.mark.django_db
def test_a_fit_file_is_held_to_the_fit_cap(runner, monkeypatch):
    from tests.test_runlog_import_factories import fit

    monkeypatch.setattr(safety, "MAX_FIT_BYTES", 1_000)
    batch = imports.run_import(make_batch(runner, ("run.fit", fit())).pk)
    assert "FIT file is larger than 1,000 bytes" in batch.summary[0]["results"][0]["reason"]


def test_a_zip_given_as_a_file_is_mapped_and_read_through_its_file(tmp_path, monkeypatch):
    """strava.iter_export gets bytes-like data (a read-only mapping), while zipfile reads
    through the file."""
    seen = {}
    iter_export = strava.iter_export

    def spy(name, data, **kwargs):
        seen["data"] = data
        yield from iter_export(name, data, **kwargs)

    monkeypatch.setattr(strava, "iter_export", spy)
    path = tmp_path / "export.zip"
    path.write_bytes(strava_zip([START, START + DAY]))
    with path.open("rb") as stream:
        results = list(dispatch.iter_upload("export.zip", stream))
    assert [r.status for r in results] == ["imported"] * 2
    assert isinstance(seen["data"], dispatch.MappedZip) and seen["data"].closed


def test_a_stream_without_a_file_on_disk_is_copied_in_chunks():
    results = list(dispatch.iter_upload("export.zip", _NoFileno(strava_zip([START]))))
    assert [r.status for r in results] == ["imported"]


class _NoFileno(io.BytesIO):
    """A storage's file that is not on disk (as on object storage)."""

    def fileno(self):
        raise io.UnsupportedOperation("fileno")


def test_a_zip_the_server_cannot_map_is_refused_with_a_reason(tmp_path, monkeypatch):
    def cannot_map(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(dispatch, "MappedZip", cannot_map)
    path = tmp_path / "export.zip"
    path.write_bytes(strava_zip([START]))
    with path.open("rb") as stream:
        results = list(dispatch.iter_upload("export.zip", stream))
    assert [r.refused for r in results] == [
        "The zip could not be opened on the server; try uploading it again."
    ]

"""The importer's front door: an upload's name and content in, one ParsedFile per file out.

The format is decided by the content (magic bytes: a FIT header's ".FIT", gzip's 1f 8b, zip's
"PK\\x03\\x04", an XML root <gpx> or <TrainingCenterDatabase>), never by the extension; an
extension that lies about the content refuses the file (see `files`). A zip is read as a
Strava bulk export (see `strava`). Nothing here raises for bad input: every problem is a
ParsedFile with `refused` set, and the rest of the upload goes on.

The content is bytes, or a seekable binary file (the staged upload, as the worker opens it
from storage), which is never read whole: its head tells the format; a single activity file
is read only once its size is known to be under its cap (`safety.single_file_cap`); a zip's
entry count is read from its end records before zipfile parses its directory
(`safety.check_zip_directory`), and then only the entries the import needs are read.
"""

from __future__ import annotations

import hashlib
import io
import logging
import mmap
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import BinaryIO

from . import files, safety, strava
from .activity import ImportRefused, ParsedFile, sha256

logger = logging.getLogger(__name__)

sniff = files.sniff
CHUNK = 1024 * 1024
MAGIC_BYTES = 16  # a FIT header's ".FIT" ends at byte 12


def iter_upload(
    name: str, data: bytes | BinaryIO, *, now: datetime | None = None
) -> Iterator[ParsedFile]:
    """ParsedFiles one at a time, so that a worker can save each and report progress.

    Each carries `index` and `total` (its place in the upload). For a Strava export, `data`
    of each ParsedFile is that activity's file as found in the zip.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes | bytearray | memoryview) else data
    found = _sniff(stream)
    outer, _ = files.claimed_formats(name)
    if found == "zip" and outer in ("", "zip"):
        yield from _iter_zip(name, data, stream, now=now)
        return
    try:
        content = _read_single(stream, found)
    except ImportRefused as refusal:
        yield ParsedFile(
            name=name,
            refused=refusal.reason,
            content_sha256=_stream_sha256(stream),
            filename=posixpath.basename(name.replace("\\", "/")),
        )
        return
    yield files.parse_file(name, content, now=now)


def parse_upload(name: str, data: bytes, *, now: datetime | None = None) -> list[ParsedFile]:
    """Every ParsedFile of one upload (a GPX, TCX or FIT file, gzipped or not, or a zip)."""
    return list(iter_upload(name, data, now=now))


def _sniff(stream) -> str:
    """The format by the content's head: its magic bytes, and only for what may be XML the
    prolog (up to `files.SNIFF_BYTES`), so a zip's first megabyte is not read for nothing."""
    stream.seek(0)
    head = stream.read(MAGIC_BYTES)
    found = files.sniff(head)
    if found in ("", "xml") and len(head) == MAGIC_BYTES:
        head += stream.read(files.SNIFF_BYTES - MAGIC_BYTES)
        found = files.sniff(head)
    stream.seek(0)
    return found


def _size(stream) -> int:
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def _read_single(stream, found: str) -> bytes:
    """A single file's bytes, once its size is known to be under the cap for its format."""
    cap, what = safety.single_file_cap(found)
    size = _size(stream)
    safety.refuse_size(size, cap, what)
    content = stream.read(size)
    if len(content) != size:
        raise ImportRefused("The file changed while it was read.")
    return content


def _stream_sha256(stream) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _iter_zip(name: str, data, stream, *, now) -> Iterator[ParsedFile]:
    try:
        # Before zipfile reads the directory: a million entries must cost nothing to refuse.
        safety.check_zip_directory(stream)
    except ImportRefused as refusal:
        yield ParsedFile(
            name=name,
            source_format="strava",
            content_sha256=_stream_sha256(stream),
            refused=refusal.reason,
            filename=name,
        )
        return
    try:
        opened = _zip_data(data, stream)
        zip_data = opened.__enter__()
    except (OSError, ValueError):  # mapping or copying the stored zip failed (disk, size)
        logger.exception("Could not open %s", name)
        yield ParsedFile(
            name=name,
            source_format="strava",
            refused="The zip could not be opened on the server; try uploading it again.",
            filename=name,
        )
        return
    try:
        yield from strava.iter_export(name, zip_data, now=now)
    except Exception:  # a bug: refuse what is left of the zip, never crash the batch
        logger.exception("The importer failed on %s", name)
        yield ParsedFile(
            name=name,
            source_format="strava",
            content_sha256=sha256(zip_data),
            refused="The zip could not be read to the end (an error in the importer).",
        )
    finally:
        opened.__exit__(None, None, None)


class MappedZip(mmap.mmap):
    """A staged zip for `strava.iter_export`, which takes bytes-like data: mapped read-only,
    so hashing a refused zip reads it without a copy, while zipfile reads entries through
    `stream` (see `safety.open_zip`), so only what it reads is in memory."""

    stream: BinaryIO


@contextmanager
def _zip_data(data, stream):
    if isinstance(data, bytes | bytearray | memoryview):
        yield data
        return
    with _real_file(stream) as real:
        mapped = MappedZip(real.fileno(), 0, access=mmap.ACCESS_READ)
        mapped.stream = real
        try:
            yield mapped
        finally:
            mapped.close()


@contextmanager
def _real_file(stream):
    """`stream` if it is a file on disk (a FileSystemStorage file), else a temporary copy,
    made in chunks (a storage without files on disk)."""
    try:
        fileno = stream.fileno()
        os.fstat(fileno)
    except (AttributeError, OSError, io.UnsupportedOperation):
        with tempfile.TemporaryFile() as copy:
            stream.seek(0)
            shutil.copyfileobj(stream, copy, CHUNK)
            copy.seek(0)
            yield copy
        return
    stream.seek(0)
    yield stream

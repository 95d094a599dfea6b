"""The importer's front door: an upload's name and bytes in, one ParsedFile per file out.

The format is decided by the content (magic bytes: a FIT header's ".FIT", gzip's 1f 8b, zip's
"PK\\x03\\x04", an XML root <gpx> or <TrainingCenterDatabase>), never by the extension; an
extension that lies about the content refuses the file (see `files`). A zip is read as a
Strava bulk export (see `strava`). Nothing here raises for bad input: every problem is a
ParsedFile with `refused` set, and the rest of the upload goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from . import files, strava
from .activity import ParsedFile, sha256

logger = logging.getLogger(__name__)

sniff = files.sniff


def iter_upload(name: str, data: bytes, *, now: datetime | None = None) -> Iterator[ParsedFile]:
    """ParsedFiles one at a time, so that a worker can save each and report progress.

    Each carries `index` and `total` (its place in the upload). For a Strava export, `data`
    of each ParsedFile is that activity's file as found in the zip.
    """
    found = files.sniff(data)
    outer, _ = files.claimed_formats(name)
    if found == "zip" and outer in ("", "zip"):
        try:
            yield from strava.iter_export(name, data, now=now)
        except Exception:  # a bug: refuse what is left of the zip, never crash the batch
            logger.exception("The importer failed on %s", name)
            yield ParsedFile(
                name=name,
                source_format="strava",
                content_sha256=sha256(data),
                refused="The zip could not be read to the end (an error in the importer).",
            )
        return
    yield files.parse_file(name, data, now=now)


def parse_upload(name: str, data: bytes, *, now: datetime | None = None) -> list[ParsedFile]:
    """Every ParsedFile of one upload (a GPX, TCX or FIT file, gzipped or not, or a zip)."""
    return list(iter_upload(name, data, now=now))

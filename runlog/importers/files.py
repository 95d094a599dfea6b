"""One activity file, perhaps gzipped: its format told by its content, never by its name.

The name's extension must agree with the content: "run.gpx" must hold GPX, "run.fit.gz" a
gzipped FIT file. A name that lies (a .gpx holding a FIT file or a PNG image) is refused with a
reason; a name without a known extension (".xml", none at all) is read by content alone.
"""

from __future__ import annotations

import logging
import posixpath
import re
from datetime import datetime

from . import fit, gpx, safety, sports, tcx
from .activity import ImportRefused, ParsedActivity, ParsedFile, SkippedActivity, sha256

logger = logging.getLogger(__name__)

SNIFF_BYTES = 1024 * 1024  # enough for any prolog an honest file has
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
EXTENSIONS = {".gpx": "gpx", ".tcx": "tcx", ".fit": "fit", ".zip": "zip", ".gz": "gzip"}
DESCRIPTIONS = {
    "gpx": "GPX",
    "tcx": "TCX",
    "fit": "a FIT file",
    "gzip": "gzip data",
    "zip": "a zip archive",
    "xml": "XML that is neither GPX nor TCX",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "pdf": "a PDF document",
    "": "nothing the importer recognises",
}
PARSERS = {"gpx": gpx.parse_gpx, "tcx": tcx.parse_tcx, "fit": fit.parse_fit}


def sniff(data: bytes) -> str:
    """The format by magic bytes: "fit", "gzip", "zip", "gpx", "tcx", "xml", "png", "jpeg",
    "pdf", or "" for anything else."""
    if fit.is_fit(data):
        return "fit"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:5] == b"%PDF-":
        return "pdf"
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    head = head.lstrip()
    if not head.startswith(b"<"):
        return ""
    # The first element after the XML declaration, comments and any DOCTYPE ("<?", "<!").
    match = _FIRST_ELEMENT.search(head)
    if not match:
        return "xml"
    root = match.group(1).rpartition(b":")[2]
    return {b"gpx": "gpx", b"TrainingCenterDatabase": "tcx"}.get(root, "xml")


def claimed_formats(name: str) -> tuple[str, str]:
    """(outer, inner) formats the name's extensions claim: "run.gpx.gz" -> ("gzip", "gpx")."""
    base = posixpath.basename(name.replace("\\", "/")).lower()
    stem, ext = posixpath.splitext(base)
    outer = EXTENSIONS.get(ext, "")
    inner = EXTENSIONS.get(posixpath.splitext(stem)[1], "") if outer == "gzip" else ""
    return outer, inner


def _lie(name: str, claimed: str, found: str) -> ImportRefused:
    shown = posixpath.basename(name.replace("\\", "/"))
    return ImportRefused(
        f"{shown} is named as {DESCRIPTIONS[claimed]} but holds {DESCRIPTIONS.get(found, found)}."
    )


def read_activity_file(
    name: str, data: bytes, *, now: datetime | None = None, sport: sports.Verdict | None = None
) -> tuple[str, bytes, list[ParsedActivity | SkippedActivity]]:
    """(format, content after gunzip, results) for a GPX, TCX or FIT file, gzipped or not.

    Raises ImportRefused for anything else, a lying extension, or a file its parser refuses.
    """
    found = sniff(data)
    outer, inner = claimed_formats(name)
    if outer and outer != found:
        raise _lie(name, outer, found)
    content = data
    if found == "gzip":
        content = safety.gunzip(data)
        found = sniff(content)
        if inner and inner != found:
            raise _lie(name, inner, found)
    parser = PARSERS.get(found)
    if parser is None:
        raise ImportRefused(
            f"Not a GPX, TCX or FIT file (nor a gzip of one): it holds {DESCRIPTIONS[found]}."
        )
    return found, content, parser(content, now=now, sport=sport)


def parse_file(
    name: str, data: bytes, *, now: datetime | None = None, sport: sports.Verdict | None = None
) -> ParsedFile:
    """A ParsedFile for one activity file; never raises for bad input."""
    result = ParsedFile(name=name, data=data, filename=posixpath.basename(name.replace("\\", "/")))
    try:
        result.source_format, content, parsed = read_activity_file(name, data, now=now, sport=sport)
    except ImportRefused as refusal:
        result.refused = refusal.reason
        result.content_sha256 = sha256(data)
        return result
    except Exception:  # a bug, or input no check foresaw: refuse this file, go on with the rest
        logger.exception("The importer failed on %s", name)
        result.refused = "The file could not be read (an error in the importer)."
        result.content_sha256 = sha256(data)
        return result
    result.content_sha256 = sha256(content)
    for item in parsed:
        if isinstance(item, ParsedActivity):
            result.activities.append(item)
            for warning in item.warnings:
                if warning not in result.warnings:
                    result.warnings.append(warning)
        else:
            result.skipped.append(item)
    return result

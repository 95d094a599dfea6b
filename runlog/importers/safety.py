"""The caps that keep a hostile upload from exhausting memory, disk or time.

Every cap is checked before the work it guards, and breaking one refuses the file with a
reason (ImportRefused), never a crash:

- `MAX_XML_BYTES`: a GPX or TCX file (after gunzip). A 24-hour run recorded every second is
  about 20 MB of GPX and 35 MB of TCX.
- `MAX_FIT_BYTES`: a FIT file. The same day-long run is about 3 MB of FIT.
- `MAX_GZIP_BYTES` and `MAX_COMPRESSION_RATIO`: gzip is inflated as a stream that stops one byte
  past the cap (never `gzip.decompress` unbounded), and refused beyond the ratio.
- Zip files (a Strava export): at most `MAX_ZIP_MEMBERS` entries; no entry may expand more
  than `MAX_COMPRESSION_RATIO` times (entries under `RATIO_MIN_BYTES` excepted: tiny files
  compress oddly); the entries read (activities.csv and the activity files, inflated) may total
  at most `MAX_ZIP_TOTAL_BYTES`, each at most `MAX_ZIP_MEMBER_BYTES`; an entry whose name is
  absolute or climbs out with "..", refuses the whole zip (nothing is ever written to disk,
  but no honest export has one). Media and other entries are never inflated.
- `MAX_ACTIVITIES_PER_UPLOAD`: activities one upload may ask to import.
- XML: defusedxml (DTDs forbidden) reads each document's prolog, so entity expansion
  (billion laughs, quadratic blow-up) and external entities are refused before any expansion
  (see `check_no_dtd`). GPX goes through the same check: `gpx.py` hands gpxpy an already-parsed
  tree, and gpxpy's own parser never sees the file.
"""

from __future__ import annotations

import gzip
import io
import posixpath
import re
import zipfile
import zlib
from xml.etree import ElementTree

import defusedxml
from defusedxml import ElementTree as SafeElementTree

from .activity import ImportRefused

MB = 1024 * 1024
MAX_XML_BYTES = 64 * MB
MAX_FIT_BYTES = 32 * MB
MAX_GZIP_BYTES = 64 * MB
MAX_ZIP_MEMBER_BYTES = 64 * MB
MAX_ZIP_TOTAL_BYTES = 512 * MB
MAX_ZIP_MEMBERS = 50_000
MAX_COMPRESSION_RATIO = 100
RATIO_MIN_BYTES = 1 * MB
MAX_ACTIVITIES_PER_UPLOAD = 2_000

_PROLOG_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


def size_text(n: int) -> str:
    return f"{n / MB:,.0f} MB" if n >= MB else f"{n:,} bytes"


def check_size(data: bytes, cap: int, what: str) -> None:
    if len(data) > cap:
        raise ImportRefused(f"The {what} is larger than {size_text(cap)}, the most accepted.")


def gunzip(data: bytes, cap: int | None = None) -> bytes:
    """Inflate gzip data, stopping one byte past `cap` (`MAX_GZIP_BYTES`); refuse a bomb or a
    damaged stream."""
    cap = MAX_GZIP_BYTES if cap is None else cap
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(cap + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ImportRefused(f"The gzip data is damaged or cut short ({error}).") from None
    if len(out) > cap:
        raise ImportRefused(
            f"The gzip file expands to more than {size_text(cap)}, the most accepted "
            "(a decompression bomb?)."
        )
    check_ratio(len(out), len(data), "gzip file")
    return out


def check_ratio(expanded: int, compressed: int, what: str) -> None:
    if expanded >= RATIO_MIN_BYTES and expanded > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise ImportRefused(
            f"The {what} expands {expanded // max(compressed, 1):,} times, more than the "
            f"{MAX_COMPRESSION_RATIO}:1 accepted (a decompression bomb?)."
        )


class _RootReached(Exception):
    pass


class _StopAtRoot:
    """A parser target that stops the parse at the root element's start tag."""

    def start(self, tag, attrib):
        raise _RootReached

    def end(self, tag):
        pass

    def data(self, text):
        pass

    def close(self):
        return None


def check_no_dtd(text: str | bytes) -> None:
    """Refuse a document with a DTD, entities or external references, by defusedxml.

    DTDs and entity declarations can only stand in the prolog, before the root element; without
    them an XML parser can expand nothing but the five predefined entities and character
    references. So defusedxml's parser (DTDs forbidden) reads the document until the root's
    start tag: a bomb or an external entity is refused there, before any expansion.
    """
    parser = SafeElementTree.DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True)
    try:
        for offset in range(0, len(text), _PROLOG_CHUNK):
            parser.feed(text[offset : offset + _PROLOG_CHUNK])
        # Expat may defer a long token (a huge comment) until it has more data: finish.
        parser.close()
    except _RootReached:
        return
    except defusedxml.DefusedXmlException:
        raise ImportRefused(
            "The XML declares a DTD or entities, as XML bombs and external-entity attacks do; "
            "activity files never need one."
        ) from None
    except SafeElementTree.ParseError as error:
        raise ImportRefused(f"The file is not well-formed XML ({error}).") from None
    raise ImportRefused("The file is not well-formed XML (it has no root element).")


def parse_xml(text: str | bytes) -> ElementTree.Element:
    """The root Element of an XML document that `check_no_dtd` has cleared.

    The prolog is checked by defusedxml; the whole document is then parsed by the standard
    library's C parser, twice as fast on a large track as defusedxml's pure-Python one. Without
    a DTD it has nothing to expand.
    """
    check_no_dtd(text)
    try:
        return ElementTree.fromstring(text)  # noqa: S314 - cleared by check_no_dtd above
    except ElementTree.ParseError as error:
        raise ImportRefused(f"The file is not well-formed XML ({error}).") from None


def unsafe_member_name(name: str) -> bool:
    """An absolute path, a drive letter, or a ".." part: a path-traversal attempt."""
    if not name:
        return True
    norm = name.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm) or "\x00" in norm:
        return True
    return ".." in norm.split("/")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip and check every entry's name and compression ratio before reading any."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ImportRefused(f"The zip file is damaged ({error}).") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise ImportRefused(
            f"The zip holds {len(members):,} entries, more than the {MAX_ZIP_MEMBERS:,} accepted."
        )
    for info in members:
        if unsafe_member_name(info.filename):
            raise ImportRefused(
                f"The zip holds an entry with an unsafe path ({info.filename!r}): absolute, or "
                "climbing out of the archive with “..”."
            )
        if info.is_dir():
            continue
        try:
            check_ratio(info.file_size, info.compress_size, f"zip entry {info.filename!r}")
        except ImportRefused as refusal:
            raise ImportRefused(f"{refusal.reason} The whole zip is refused.") from None
    return archive


def member_path(name: str) -> str:
    return posixpath.normpath(name.replace("\\", "/")).lstrip("/")


def check_zip_budget(infos: list[zipfile.ZipInfo]) -> None:
    """The entries that will be read: each under its cap, all together under the total."""
    total = 0
    for info in infos:
        total += info.file_size
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ImportRefused(
            f"The zip's activity files expand to {size_text(total)}, more than the "
            f"{size_text(MAX_ZIP_TOTAL_BYTES)} accepted (a zip bomb?)."
        )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, read as a stream that stops one byte past the per-entry cap."""
    if info.file_size > MAX_ZIP_MEMBER_BYTES:
        raise ImportRefused(
            f"{info.filename} expands to {size_text(info.file_size)}, more than the "
            f"{size_text(MAX_ZIP_MEMBER_BYTES)} accepted per file."
        )
    try:
        with archive.open(info) as stream:
            out = stream.read(MAX_ZIP_MEMBER_BYTES + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise ImportRefused(f"{info.filename} is damaged in the zip ({error}).") from None
    if len(out) > MAX_ZIP_MEMBER_BYTES:
        raise ImportRefused(f"{info.filename} is larger than declared in the zip.")
    return out

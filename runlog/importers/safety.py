"""The caps that keep a hostile upload from exhausting memory, disk or time.

Every cap is checked before the work it guards, and breaking one refuses the file with a
reason (ImportRefused), never a crash:

- `MAX_XML_BYTES`: a GPX or TCX file (after gunzip). A 24-hour run recorded every second is
  about 20 MB of GPX and 35 MB of TCX.
- `MAX_FIT_BYTES`: a FIT file. The same day-long run is about 3 MB of FIT.
- `MAX_GZIP_BYTES` and `MAX_COMPRESSION_RATIO`: gzip is inflated as a stream that stops one byte
  past the cap (never `gzip.decompress` unbounded), and refused beyond the ratio.
- Zip files (a Strava export): at most `MAX_ZIP_MEMBERS` entries, counted from the zip's own
  end record (zip64's too) and then from its central directory, which may be at most
  `MAX_ZIP_DIRECTORY_BYTES`, all before zipfile parses that directory (a million empty entries
  would cost zipfile hundreds of MB of ZipInfo objects; see `check_zip_directory`). No entry
  may expand more than `MAX_COMPRESSION_RATIO` times (entries under `RATIO_MIN_BYTES` excepted
  one by one: tiny files compress oddly), and neither may the entries together, every entry
  counted whatever its size (so 480 entries of just under 1 MB each, a 555 KB zip, are refused
  as one bomb). The entries read (activities.csv and the activity files, inflated) may total
  at most `MAX_ZIP_TOTAL_BYTES`, each at most `MAX_ZIP_MEMBER_BYTES`; an entry whose name is
  absolute or climbs out with "..", refuses the whole zip (nothing is ever written to disk,
  but no honest export has one). Media and other entries are never inflated.
- `MAX_ACTIVITIES_PER_UPLOAD`: activities one zip may ask to import, and one upload (all its
  files and zips together) may hold; `MAX_ENTRIES_PER_UPLOAD`: files, zip entries and CSV rows
  (other sports too) one upload may make the worker read. Counted across the upload by
  `runlog.imports` as each zip is opened.
- A single activity file is read from storage only once its size is known to be under its
  cap (`single_file_cap`), never read whole before.
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
import struct
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
# A central directory record is 46 bytes and its names; 160 a record is plenty for a Strava
# export's "activities/12345678901.gpx.gz" and "media/<uuid>.jpg".
MAX_ZIP_DIRECTORY_BYTES = 8 * MB
MAX_COMPRESSION_RATIO = 100
RATIO_MIN_BYTES = 1 * MB
MAX_ACTIVITIES_PER_UPLOAD = 2_000
MAX_ENTRIES_PER_UPLOAD = 10_000

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


def single_file_cap(found: str) -> tuple[int, str]:
    """(the most bytes read, what to call it) of a single upload whose content sniffed as
    `found`: gzip is capped as stored (its inflation has its own cap), anything else at the
    largest cap of a format it could be, so that the parser still gives the reason."""
    if found == "fit":
        return MAX_FIT_BYTES, "FIT file"
    if found == "gzip":
        return MAX_GZIP_BYTES, "gzip file"
    if found == "tcx":
        return MAX_XML_BYTES, "TCX file"
    if found == "gpx":
        return MAX_XML_BYTES, "GPX file"
    return max(MAX_XML_BYTES, MAX_FIT_BYTES, MAX_GZIP_BYTES), "file"


def refuse_size(size: int, cap: int, what: str) -> None:
    if size > cap:
        raise ImportRefused(f"The {what} is larger than {size_text(cap)}, the most accepted.")


_EOCD = struct.Struct("<4s4H2LH")  # signature, disks, entries here, entries, size, offset, comment
_ZIP64_LOCATOR = struct.Struct("<4sLQL")  # signature, disk, offset of the zip64 record, disks
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")  # ... entries here, entries, directory size, offset
_DIRECTORY_RECORD = struct.Struct("<4s6H3L5H2L")  # 46 bytes, then name, extra and comment
_EOCD_SIGNATURE, _ZIP64_LOCATOR_SIGNATURE = b"PK\x05\x06", b"PK\x06\x07"
_ZIP64_EOCD_SIGNATURE, _DIRECTORY_SIGNATURE = b"PK\x06\x06", b"PK\x01\x02"


def _damaged(why: str) -> ImportRefused:
    return ImportRefused(f"The zip file is damaged ({why}).")


def _too_many(count: int) -> ImportRefused:
    return ImportRefused(
        f"The zip holds {count:,} entries, more than the {MAX_ZIP_MEMBERS:,} accepted."
    )


def _zip_end(stream) -> tuple[int, int, int]:
    """(entries, directory size, where the directory ends) as the zip's end of central
    directory record says, the zip64 record's figures when it has one. Reads at most 64 KB and
    the 76 bytes of the zip64 records."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    tail_size = min(size, _EOCD.size + 0xFFFF)  # the record, and a comment of up to 64 KB
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(_EOCD_SIGNATURE)
    while at >= 0 and len(tail) - at < _EOCD.size:
        at = tail.rfind(_EOCD_SIGNATURE, 0, at)
    if at < 0:
        raise _damaged("no end of central directory record")
    _, _, _, _, entries, directory_size, _, _ = _EOCD.unpack_from(tail, at)
    end = size - tail_size + at
    locator_at = end - _ZIP64_LOCATOR.size
    if locator_at >= 0:
        stream.seek(locator_at)
        locator = stream.read(_ZIP64_LOCATOR.size)
        if locator[:4] == _ZIP64_LOCATOR_SIGNATURE:
            # zipfile reads the zip64 record just before its locator; so do we.
            record_at = locator_at - _ZIP64_EOCD.size
            if record_at < 0:
                raise _damaged("a zip64 locator without its record")
            stream.seek(record_at)
            record = stream.read(_ZIP64_EOCD.size)
            if record[:4] != _ZIP64_EOCD_SIGNATURE:
                raise _damaged("a zip64 locator without its record")
            fields = _ZIP64_EOCD.unpack(record)
            entries, directory_size, end = fields[7], fields[8], record_at
    return entries, directory_size, end


def check_zip_directory(stream) -> None:
    """Count a zip's entries before zipfile parses its central directory: first as its end
    record claims (zip64's too), then record by record in the directory itself (a zip may
    claim few entries and hold many), which must be at most `MAX_ZIP_DIRECTORY_BYTES`.
    Refuses (ImportRefused) over `MAX_ZIP_MEMBERS`; leaves `stream` at its start."""
    try:
        entries, directory_size, end = _zip_end(stream)
        if entries > MAX_ZIP_MEMBERS:
            raise _too_many(entries)
        if directory_size > MAX_ZIP_DIRECTORY_BYTES:
            raise ImportRefused(
                f"The zip's directory of entries is {size_text(directory_size)}, more than "
                f"the {size_text(MAX_ZIP_DIRECTORY_BYTES)} accepted (too many entries)."
            )
        if directory_size > end:
            raise _damaged("its directory of entries starts before the file does")
        stream.seek(end - directory_size)
        directory = stream.read(directory_size)
    except OSError as error:
        raise _damaged(str(error)) from None
    count, at = 0, 0
    while at + _DIRECTORY_RECORD.size <= len(directory):
        record = _DIRECTORY_RECORD.unpack_from(directory, at)
        if record[0] != _DIRECTORY_SIGNATURE:
            break  # zipfile says what is wrong, if anything is
        count += 1
        if count > MAX_ZIP_MEMBERS:
            raise _too_many(count)
        at += _DIRECTORY_RECORD.size + record[10] + record[11] + record[12]  # name, extra, comment
    stream.seek(0)


def _stream(data) -> io.IOBase:
    """A seekable binary stream over `data`: bytes, a file object, or `dispatch`'s mapped zip
    (which reads through its file, so only what is read is in memory)."""
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(data)
    return getattr(data, "stream", data)


def open_zip(data) -> zipfile.ZipFile:
    """Open a zip (bytes or a seekable binary file) and check its entry count, then every
    entry's name and compression ratio and all entries' together, before reading any."""
    stream = _stream(data)
    check_zip_directory(stream)
    try:
        archive = zipfile.ZipFile(stream)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ImportRefused(f"The zip file is damaged ({error}).") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise _too_many(len(members))
    expanded = compressed = 0
    for info in members:
        if unsafe_member_name(info.filename):
            raise ImportRefused(
                f"The zip holds an entry with an unsafe path ({info.filename!r}): absolute, or "
                "climbing out of the archive with “..”."
            )
        if info.is_dir():
            continue
        expanded += info.file_size
        compressed += info.compress_size
        try:
            check_ratio(info.file_size, info.compress_size, f"zip entry {info.filename!r}")
        except ImportRefused as refusal:
            raise ImportRefused(f"{refusal.reason} The whole zip is refused.") from None
    try:
        # Every entry counts, however small: many tiny bombs are one big one.
        check_ratio(expanded, compressed, "zip (all its entries together)")
    except ImportRefused as refusal:
        raise ImportRefused(f"{refusal.reason} The whole zip is refused.") from None
    return archive


def member_path(name: str) -> str:
    return posixpath.normpath(name.replace("\\", "/")).lstrip("/")


def check_zip_budget(infos: list[zipfile.ZipInfo]) -> None:
    """The entries that will be read: each under its cap, all together under the total."""
    total = compressed = 0
    for info in infos:
        total += info.file_size
        compressed += info.compress_size
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ImportRefused(
            f"The zip's activity files expand to {size_text(total)}, more than the "
            f"{size_text(MAX_ZIP_TOTAL_BYTES)} accepted (a zip bomb?)."
        )
    # Those read, together, whatever each one's size (see `open_zip`).
    check_ratio(total, compressed, "zip (its activity files together)")


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

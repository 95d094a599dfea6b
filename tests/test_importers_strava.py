"""Strava bulk exports: activities.csv in any layout Strava has used, and the files it names."""

from datetime import UTC, datetime, timedelta

import pytest

from runlog.importers import parse_upload, safety
from runlog.importers.activity import NO_SPORT_WARNING
from runlog.importers.strava import parse_duration, parse_number
from tests import importer_files as files

DAY = timedelta(days=1)
RUN_POINTS = files.route(601, hr=150, elevation=files.flat())


def standard_rows() -> tuple[list[files.StravaRow], dict[str, bytes]]:
    """A run with a gzipped GPX, a ride whose file is junk (it must not be read), a run with a
    FIT file, and a manual run without a file."""
    rows = [
        files.StravaRow(
            "1001",
            files.START,
            name="Park run",
            filename="activities/1001.gpx.gz",
            distance_m=1800,
            elapsed_s=600,
            rpe=6,
        ),
        files.StravaRow(
            "1002",
            files.START + DAY,
            activity_type="Ride",
            filename="activities/1002.fit.gz",
            distance_m=40_000,
            elapsed_s=5400,
        ),
        files.StravaRow(
            "1003",
            files.START + 2 * DAY,
            name="Track session",
            filename="activities/1003.fit",
            distance_m=1800,
            elapsed_s=600,
        ),
        files.StravaRow(
            "1004",
            files.START + 3 * DAY,
            name="Treadmill at the gym",
            distance_m=5000,
            elapsed_s=1700,
            moving_s=1650,
        ),
    ]
    third = files.route(601, start=files.START + 2 * DAY)
    members = {
        "activities/1001.gpx.gz": files.gz(files.gpx_bytes(RUN_POINTS)),
        "activities/1002.fit.gz": b"not even gzip",
        "activities/1003.fit": files.fit_bytes(third),
    }
    return rows, members


def by_name(results):
    return {r.name.rpartition("/")[2]: r for r in results}


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_export_imports_runs_and_skips_other_sports(language):
    rows, members = standard_rows()
    results = parse_upload("export.zip", files.strava_export(rows, members, language=language))

    assert [r.status for r in results] == ["imported", "skipped", "imported", "imported"]
    assert [(r.index, r.total) for r in results] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    found = by_name(results)

    gpx_run = found["1001.gpx.gz"].activities[0]
    assert gpx_run.external_id == "strava:1001"
    assert gpx_run.source_format == "gpx"
    assert (gpx_run.start, gpx_run.distance_m) == (files.START, 1800)
    assert gpx_run.name == "Park run"  # the title as last edited on Strava
    assert gpx_run.rpe == 6  # from the CSV: the file has none
    assert (gpx_run.sport, gpx_run.sport_named) == ("run", True)
    assert NO_SPORT_WARNING not in gpx_run.warnings  # the CSV named it
    assert found["1001.gpx.gz"].data == members["activities/1001.gpx.gz"]
    assert found["1001.gpx.gz"].filename == "1001.gpx.gz"

    (ride,) = found["1002.fit.gz"].skipped
    assert (ride.sport, ride.external_id, ride.start) == ("Ride", "strava:1002", files.START + DAY)

    fit_run = found["1003.fit"].activities[0]
    assert fit_run.external_id == "strava:1003"
    assert fit_run.file_external_id.startswith("fit:3912345678:")
    assert fit_run.name == "Track session"

    manual = found["activities.csv line 5"].activities[0]
    assert manual.source_format == "strava"
    assert manual.external_id == "strava:1004"
    assert (manual.start, manual.distance_m) == (files.START + 3 * DAY, 5000)
    assert (manual.moving_s, manual.elapsed_s) == (1650, 1700)
    assert manual.name == "Treadmill at the gym"
    assert manual.content_sha256


def test_the_same_export_hashes_the_same():
    rows, members = standard_rows()
    export = files.strava_export(rows, members)
    first = [r.content_sha256 for r in parse_upload("export.zip", export)]
    again = [r.content_sha256 for r in parse_upload("export.zip", export)]
    assert first == again
    assert len(set(first)) == 4


def test_the_csv_type_decides_the_sport():
    points = files.route(300)
    rows = [
        files.StravaRow("1", files.START, "Trail Run", filename="activities/1.gpx"),
        files.StravaRow("2", files.START + DAY, "Run", filename="activities/2.gpx"),
    ]
    members = {
        "activities/1.gpx": files.gpx_bytes(points),
        "activities/2.gpx": files.gpx_bytes(
            files.route(300, start=files.START + DAY), sport_type="cycling"
        ),
    }
    trail, run = parse_upload("export.zip", files.strava_export(rows, members))
    assert (trail.activities[0].sport, trail.activities[0].terrain) == ("trail_run", "trail")
    assert run.activities[0].sport == "run"  # the file said cycling; the runner said run


def test_an_export_inside_a_folder_is_read():
    rows, members = standard_rows()
    export = files.strava_export(rows, members, folder="export_12345/")
    assert [r.status for r in parse_upload("export.zip", export)].count("imported") == 3


def test_a_missing_type_column_lets_each_file_decide():
    rows, members = standard_rows()
    members["activities/1002.fit.gz"] = files.gz(
        files.fit_bytes(files.route(100, start=files.START + DAY), sport=files.Sport.CYCLING)
    )
    results = parse_upload(
        "export.zip", files.strava_export(rows, members, drop=("Activity Type",))
    )
    assert [r.status for r in results] == ["imported", "skipped", "imported", "imported"]
    assert results[1].skipped[0].sport == "cycling"
    assert any("no activity type column" in w for w in results[0].warnings)
    manual = results[3].activities[0]
    assert (manual.sport, manual.sport_named) == ("run", False)


def test_a_missing_id_column_takes_the_file_names_number():
    rows, members = standard_rows()
    results = parse_upload("export.zip", files.strava_export(rows, members, drop=("Activity ID",)))
    assert results[0].activities[0].external_id == "strava:1001"
    assert results[3].activities[0].external_id == ""  # no file, no id


def test_renamed_columns_are_found_by_their_contents():
    rows, members = standard_rows()
    export = files.strava_export(
        rows,
        members,
        rename={"Filename": "Datei", "Activity Type": "Sportart", "Activity Date": "Wann"},
    )
    results = parse_upload("export.zip", export)
    assert [r.status for r in results] == ["imported", "skipped", "imported", "imported"]
    assert results[3].activities[0].start == files.START + 3 * DAY
    (warning,) = [w for w in results[0].warnings if "found by their contents" in w]
    assert "filename" in warning and "type" in warning and "date" in warning


def test_added_columns_are_ignored():
    rows, members = standard_rows()
    export = files.strava_export(rows, members, extra_columns=("Carbon Saved", "Media"))
    assert [r.status for r in parse_upload("export.zip", export)].count("imported") == 3


def test_a_file_named_in_the_csv_but_missing_is_imported_from_the_csv():
    rows, members = standard_rows()
    del members["activities/1003.fit"]
    results = parse_upload("export.zip", files.strava_export(rows, members))
    missing = by_name(results)["1003.fit"]
    assert missing.activities[0].source_format == "strava"
    assert missing.activities[0].distance_m == 1800
    assert any("is not in the zip" in w for w in missing.warnings)


def test_a_damaged_file_refuses_its_row_and_the_rest_goes_on():
    rows, members = standard_rows()
    members["activities/1001.gpx.gz"] = files.gz(b"<gpx><trk>")[:-4]
    results = parse_upload("export.zip", files.strava_export(rows, members))
    assert [r.status for r in results] == ["refused", "skipped", "imported", "imported"]
    assert "gzip" in results[0].refused


def test_distance_units_are_learnt_from_the_files():
    rows, members = standard_rows()
    # Only the first Distance column, in kilometres: the files show its unit.
    results = parse_upload("export.zip", files.strava_export(rows, members, drop=(17,)))
    assert results[3].activities[0].distance_m == 5000


def test_distance_units_without_files_go_by_magnitude():
    rows, _ = standard_rows()
    manual = [rows[3]]
    km_only = parse_upload("export.zip", files.strava_export(manual, {}, drop=(17,)))
    metres_only = parse_upload("export.zip", files.strava_export(manual, {}, drop=(6,)))
    assert km_only[0].activities[0].distance_m == 5000
    assert metres_only[0].activities[0].distance_m == 5000


def test_a_german_decimal_comma_is_read():
    rows, _ = standard_rows()
    results = parse_upload(
        "export.zip", files.strava_export([rows[3]], {}, language="de", drop=(17,))
    )
    assert results[0].activities[0].distance_m == 5000


def test_csv_dates_off_the_files_are_corrected_and_said():
    rows, members = standard_rows()
    export = files.strava_export(rows, members, date_offset=timedelta(hours=2))
    results = parse_upload("export.zip", export)
    manual = results[3].activities[0]
    assert manual.start == files.START + 3 * DAY
    assert any("+2 h off" in w for w in manual.warnings)
    assert results[0].activities[0].start == files.START  # the file's own time


def test_an_unreadable_date_refuses_a_row_without_a_file():
    csv = (
        b"Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        b"1,yesterday morning,Run,5000.0,1500\n"
        b'2,"May 1, 2024, 6:00:00 AM",Run,5000.0,1500\n'
    )
    first, second = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert first.status == "refused" and "date" in first.refused
    assert second.activities[0].start == files.START


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("May 1, 2024, 6:00:00 AM", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("May 1, 2024, 12:30:00 PM", datetime(2024, 5, 1, 12, 30, tzinfo=UTC)),
        ("May 1, 2024, 12:30:00 AM", datetime(2024, 5, 1, 0, 30, tzinfo=UTC)),
        ("01.05.2024, 18:00:00", datetime(2024, 5, 1, 18, tzinfo=UTC)),
        ("1 mai 2024, 18:00:00", datetime(2024, 5, 1, 18, tzinfo=UTC)),
        ("1 de may. de 2024, 18:00:00", datetime(2024, 5, 1, 18, tzinfo=UTC)),
        ("1 okt. 2024 18:00:00", datetime(2024, 10, 1, 18, tzinfo=UTC)),
        ("2024-05-01 18:00:00", datetime(2024, 5, 1, 18, tzinfo=UTC)),
        ("2024-05-01T18:00:00Z", datetime(2024, 5, 1, 18, tzinfo=UTC)),
        ("25/12/2023 07:00", datetime(2023, 12, 25, 7, tzinfo=UTC)),
    ],
)
def test_strava_date_formats(written, expected):
    csv = (
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        f'1,"{written}",Run,5000.0,1500\n'
    ).encode()
    (result,) = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert result.activities[0].start == expected


def test_month_first_numeric_dates_are_recognised_by_the_column():
    csv = (
        b"Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        b"1,12/25/2023 07:00,Run,5000.0,1500\n"
        b"2,01/02/2024 07:00,Run,5000.0,1500\n"
    )
    first, second = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert first.activities[0].start == datetime(2023, 12, 25, 7, tzinfo=UTC)
    assert second.activities[0].start == datetime(2024, 1, 2, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("strava_type", "status"),
    [
        ("Run", "imported"),
        ("Lauf", "imported"),
        ("Course à pied", "imported"),
        ("Carrera", "imported"),
        ("Hardloopsessie", "imported"),
        ("Virtual Run", "imported"),
        ("Ride", "skipped"),
        ("Skilanglauf", "skipped"),  # cross-country skiing, though it says "Lauf"
        ("Walk", "skipped"),
    ],
)
def test_strava_types_in_several_languages(strava_type, status):
    csv = (
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        f'1,"May 1, 2024, 6:00:00 AM",{strava_type},5000.0,1500\n'
    ).encode()
    (result,) = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert result.status == status


def test_a_row_without_a_file_needs_distance_and_time():
    csv = b'Activity ID,Activity Date,Activity Type\n1,"May 1, 2024, 6:00:00 AM",Run\n'
    (result,) = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert result.status == "refused" and "distance or its time" in result.refused


def test_a_row_in_the_future_is_refused():
    csv = (
        b"Activity ID,Activity Date,Activity Type,Distance,Elapsed Time\n"
        b"1,2099-05-01 06:00:00,Run,5000.0,1500\n"
    )
    (result,) = parse_upload("export.zip", files.zip_bytes({"activities.csv": csv}))
    assert result.status == "refused" and "future" in result.refused


def test_a_zip_without_activities_csv_imports_each_activity_file():
    members = {
        "runs/a.gpx": files.gpx_bytes(files.route(100)),
        "runs/b.tcx.gz": files.gz(files.tcx_bytes(files.route(100, start=files.START + DAY))),
        "notes.txt": b"hello",
    }
    results = parse_upload("runs.zip", files.zip_bytes(members))
    assert [(r.name, r.status) for r in results] == [
        ("runs.zip/runs/a.gpx", "imported"),
        ("runs.zip/runs/b.tcx.gz", "imported"),
    ]


def test_a_zip_with_nothing_to_import_is_refused():
    (result,) = parse_upload("photos.zip", files.zip_bytes({"a.jpg": b"\xff\xd8\xff"}))
    assert result.status == "refused" and "no activities.csv" in result.refused


def test_an_export_over_the_activity_cap_is_refused_whole(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 2)
    rows, members = standard_rows()
    (result,) = parse_upload("export.zip", files.strava_export(rows, members))
    # Three runs to import (the ride is skipped without being read): over a cap of 2.
    assert result.status == "refused"
    assert "3 activities" in result.refused and "2 one upload may hold" in result.refused


def test_numbers_and_durations_as_strava_writes_them():
    assert parse_number("18962.80078125") == pytest.approx(18962.8)
    assert parse_number("9,55") == pytest.approx(9.55)
    assert parse_number("1,234.5") == pytest.approx(1234.5)
    assert parse_number("1.234,5") == pytest.approx(1234.5)
    assert parse_number("") is None and parse_number("n/a") is None
    assert parse_duration("5601") == 5601
    assert parse_duration("1:33:21") == 5601
    assert parse_duration("33:21") == 2001

"""Strava bulk exports: activities.csv in any layout Strava has used, and the files it names."""

from datetime import UTC, datetime, timedelta

import pytest

from runlog.importers import parse_upload, safety, strava
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


# --- Dates, as every language of Strava writes them -------------------------------------------


def read_date(text: str, day_first: bool = True) -> datetime | None:
    """The UTC start activities.csv's date column gives, or None when it is no date."""
    parts = strava._split_date(text)
    moment = strava._resolve_date(parts, day_first) if parts is not None else None
    return moment.replace(tzinfo=UTC) if moment is not None else None


MONTH_NAMES = [
    # English, German, French, Spanish, Dutch, Italian, Portuguese, as Strava abbreviates them
    ("Jan", 1), ("janv.", 1), ("ene.", 1), ("gen", 1), ("janeiro", 1),
    ("Feb", 2), ("févr.", 2), ("fev", 2), ("febr.", 2),
    ("Mar", 3), ("März", 3), ("mrt", 3), ("marzo", 3), ("março", 3),
    ("Apr", 4), ("avr.", 4), ("abr.", 4), ("aprile", 4),
    ("May", 5), ("Mai", 5), ("mei", 5), ("mag", 5), ("mayo", 5),
    ("Jun", 6), ("juin", 6), ("giu", 6), ("junio", 6),
    ("Jul", 7), ("juil.", 7), ("lug", 7), ("julho", 7),
    ("Aug", 8), ("août", 8), ("ago.", 8),
    ("Sep", 9), ("sept.", 9), ("set", 9),
    ("Oct", 10), ("Okt.", 10), ("ott", 10), ("out.", 10),
    ("Nov", 11), ("novembre", 11),
    ("Dec", 12), ("déc.", 12), ("Dez.", 12), ("dic.", 12),
]  # fmt: skip


@pytest.mark.parametrize(("name", "month"), MONTH_NAMES)
def test_every_month_name_gives_its_month(name, month):
    assert strava.month_of(f"15 {name} 2024") == month
    assert read_date(f"15 {name} 2024, 07:30:00") == datetime(2024, month, 15, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "month"), [(n, m) for n, m in MONTH_NAMES if n[0].isupper() and len(n) == 3]
)
def test_every_english_month_in_stravas_own_format(name, month):
    written = f"{name} 7, 2020, 2:43:11 PM"
    assert read_date(written) == datetime(2020, month, 7, 14, 43, 11, tzinfo=UTC)
    assert read_date(written, day_first=False) == datetime(2020, month, 7, 14, 43, 11, tzinfo=UTC)


@pytest.mark.parametrize("text", ["15 de 2024", "15 xyz 2024", "2024", "de a 12"])
def test_words_that_name_no_month(text):
    assert strava.month_of(text) is None


@pytest.mark.parametrize(
    ("written", "clock"),
    [
        ("7:05:09", (7, 5, 9)),
        ("7:05", (7, 5, 0)),
        ("18:00:00", (18, 0, 0)),
        ("2:43:11 PM", (14, 43, 11)),
        ("2:43:11 pm", (14, 43, 11)),
        ("2:43:11 p. m.", (14, 43, 11)),
        ("2:43:11 p.m.", (14, 43, 11)),
        ("11:59:59 PM", (23, 59, 59)),
        ("12:00:00 PM", (12, 0, 0)),  # noon
        ("12:30:00 AM", (0, 30, 0)),  # half past midnight
        ("12:30:00 a. m.", (0, 30, 0)),
        ("1:00:00 AM", (1, 0, 0)),
        ("13:00:00 PM", (13, 0, 0)),  # already a 24-hour time
        ("07:00:05.5", (7, 0, 5)),
        ("07:00:05,25", (7, 0, 5)),
    ],
)
def test_time_of_day(written, clock):
    found, before = strava.time_of_day(f"May 1, 2024, {written}")
    assert found == clock
    assert before == "May 1, 2024, "


def test_no_time_of_day_is_midnight():
    assert strava.time_of_day("1 May 2024") is None
    assert read_date("1 May 2024") == datetime(2024, 5, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-05-01T08:00:00+02:00", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01T01:00:00-05:00", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01T05:30:00-00:30", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01 06:00:00 UTC", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01T06:00:00Z", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01T06:00:00", datetime(2024, 5, 1, 6, tzinfo=UTC)),
        ("2024-05-01 06:07:08", datetime(2024, 5, 1, 6, 7, 8, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
        ("2024-05-02T00:30:00+01:00", datetime(2024, 5, 1, 23, 30, tzinfo=UTC)),  # the day before
    ],
)
def test_iso_dates_with_and_without_an_offset(written, expected):
    assert read_date(written) == expected
    assert read_date(written, day_first=False) == expected


@pytest.mark.parametrize(
    ("written", "day_first", "expected"),
    [
        ("07.10.2020, 14:43:11", True, datetime(2020, 10, 7, 14, 43, 11)),
        ("10/07/2020 14:43", False, datetime(2020, 10, 7, 14, 43)),
        ("07/10/2020 14:43", True, datetime(2020, 10, 7, 14, 43)),
        ("2020/10/07 14:43", True, datetime(2020, 10, 7, 14, 43)),  # the year first
        ("2020-10-07 14:43", False, datetime(2020, 10, 7, 14, 43)),
        ("7.10.20, 14:43:11", True, datetime(2020, 10, 7, 14, 43, 11)),  # a two-digit year
        ("2020 7 oct., 14:43:11", True, datetime(2020, 10, 7, 14, 43, 11)),
        ("31 dic. 2023, 23:59:60", True, datetime(2023, 12, 31, 23, 59, 59)),  # a leap second
        ("31 Dec 2023 00:00:00", True, datetime(2023, 12, 31)),
        ("1 Jan 2024 23:59:59", True, datetime(2024, 1, 1, 23, 59, 59)),
    ],
)
def test_numeric_and_named_dates(written, day_first, expected):
    assert read_date(written, day_first) == expected.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "yesterday",
        "31.02.2024, 10:00:00",  # no 31 February
        "1 May 2024, 24:00:00",
        "1 May 2024, 23:60:00",
        "1 May 2024, 23:59:61",
        "1.5.2024.7, 10:00",  # four numbers
        "1.5, 10:00",  # two numbers and no month name
        "1 May, 10:00",  # a month name and one number
        "1 May 2 2024, 10:00",  # a month name and three numbers
        "40 May 50, 10:00",  # no day
        "May 2024 2025, 10:00",  # no day
        "7 oct. 20, 14:43:11",  # beside a month name, a two-digit year could be a day
    ],
)
def test_what_is_not_a_date(written):
    assert read_date(written) is None


@pytest.mark.parametrize(
    ("column", "day_first"),
    [
        (["01.02.2024", "03.04.2024"], True),  # dots: day first (German, Dutch)
        (["13/02/2024", "01/02/2024"], True),  # a 13th month cannot be: day first
        (["02/13/2024", "02/01/2024"], False),  # a 13th day in the second place: month first
        (["02/13/2024", "13/02/2024", "14/02/2024"], True),  # the most say day first
        (["02/13/2024", "02/14/2024", "13/02/2024"], False),
        (["01/02/2024", "03/04/2024"], True),  # nothing decides: day first
        (["2024/02/13", "02/13/2024"], False),  # the year first decides nothing
        (["1 May 2024", "02/13/2024"], False),
        (["2024-05-01T06:00:00Z", "02/13/2024"], False),
    ],
)
def test_day_first_or_month_first_is_decided_by_the_column(column, day_first):
    parts = [strava._split_date(f"{value} 07:00") for value in column]
    assert strava._day_first(parts) is day_first


# --- Numbers, units and the offset the files show -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", 5.0),
        ("-5,5", -5.5),
        ("1\u00a0234,5", 1234.5),
        ("1 234.5", 1234.5),
        ("1.234.567,8", 1234567.8),
        ("1,234,567.8", 1234567.8),
        ("  ", None),
        (None, None),
        ("inf", None),
        ("-inf", None),
        ("nan", None),
        ("12 km", None),
    ],
)
def test_numbers_in_any_locale(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0", 0),
        ("59", 59),
        ("1:00", 60),
        ("1:00:00", 3600),
        ("10:00:01", 36001),
        ("1:02:03.5", 3723.5),
        ("", None),
        ("  ", None),
        (None, None),
        ("1:xx", None),
        ("soon", None),
    ],
)
def test_durations_in_seconds_or_hours_minutes_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("pairs", "deferred", "factor"),
    [
        ([(1800.0, 1800.0)], [], 1.0),  # the CSV's value is the file's metres
        ([(1.8, 1800.0)], [], 1000.0),  # kilometres
        ([(1.11847, 1800.0)], [], 1609.344),  # miles
        ([(1.8, 1980.0)], [], 1000.0),  # 10 % off still says kilometres
        ([(1.8, 1630.0)], [], 1000.0),
        ([(1.8, 2000.0)], [], None),  # 11 % off says nothing
        ([(1.8, 1600.0)], [], None),
        ([(1.8, 1800.0), (1.0, 1000.0), (5.0, 9000.0)], [], 1000.0),  # the median ratio
        ([(0.0, 1800.0)], [], None),  # a zero in the CSV tells nothing
        ([], [5000.0, 300.0, 250.0], 1.0),  # no files: a median over 200 is metres
        ([], [5.0, 10.0, 200.0], 1000.0),  # 200 and under: kilometres
        ([], [None, 0.0], None),
        ([(1.8, 2500.0)], [5.0], 1000.0),  # files that tell nothing: the magnitude decides
    ],
)
def test_the_distance_columns_unit(pairs, deferred, factor):
    rows = [files_row(distance) for distance in deferred]
    assert strava._distance_factors(["Distance"], [pairs], rows) == [factor]


def files_row(distance: float | None):
    """A row of activities.csv without a file, with this distance."""
    parts = strava._split_date("2024-05-01 06:00:00")
    return strava._Row(2, "1", None, parts, "", None, [distance], 1500.0, None, "", *[None] * 5)


@pytest.mark.parametrize(
    ("offsets_minutes", "offset_minutes", "said"),
    [
        ([], 0, False),
        ([0, 0, 1], 0, False),
        ([120, 120, 121], 120, True),  # rows written in UTC+2
        ([-300, -299, -301, -300], -300, True),  # UTC-5
        ([120, 118, 122, 120, 120], 120, True),  # within 2 minutes
        ([120, 117, 120, 120, 120], 120, True),  # one of 5 off by 3 min: 80 % still agree
        ([120, 117, 123, 120, 120], 120, False),  # 60 % agree: no shared offset
        ([330, 330], 330, True),  # UTC+5:30
        ([52, 52], 45, False),  # rounded to 45 min, but 7 min from it
        ([53, 53], 60, False),
    ],
)
def test_a_date_offset_shared_by_the_files_is_found(offsets_minutes, offset_minutes, said):
    offsets = [timedelta(minutes=m) for m in offsets_minutes]
    offset, warning = strava._date_offset(offsets)
    assert offset == timedelta(minutes=offset_minutes if said else 0)
    assert bool(warning) is said
    if said:
        assert f"{offset_minutes / 60:+g} h off" in warning


@pytest.mark.parametrize(
    "written", ["1 May 2024, 24:00:00", "1 May 2024, 23:60:00", "1 May 2024, 23:59:61"]
)
def test_a_time_out_of_range_is_no_date_even_to_the_column_finder(written):
    assert strava._split_date(written) is None


@pytest.mark.parametrize(
    ("column", "day_first"),
    [
        (["01.02.2024", "03.04.2024", "02/13/2024"], True),  # two dotted dates outvote one
        (["13/02/2024", "02/13/2024"], True),  # a tie: day first
        (["31/01/2024", "01/13/2024"], True),  # 31 is a day, not a year
        (["01/12/2024"], True),  # December in the second place decides nothing
    ],
)
def test_the_columns_votes(column, day_first):
    parts = [strava._split_date(f"{value} 07:00") for value in column]
    assert strava._day_first(parts) is day_first


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("31/12/2023 07:00", datetime(2023, 12, 31, 7)),
        ("7 oct. 32, 14:43:11", datetime(2032, 10, 7, 14, 43, 11)),  # over 31: a year
        ("01.05.99", datetime(2099, 5, 1)),
        ("32/10/07", datetime(2032, 10, 7)),  # over 31 first: the year first
    ],
)
def test_which_number_is_the_year(written, expected):
    assert read_date(written) == expected.replace(tzinfo=UTC)


def test_a_word_with_digits_names_no_month():
    assert strava.month_of("oct2024") is None


def _csv_export(text: str, members: dict | None = None) -> list:
    return parse_upload(
        "export.zip", files.zip_bytes({"activities.csv": text.encode(), **(members or {})})
    )


def test_short_rows_leave_their_missing_cells_empty():
    (result,) = _csv_export(
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time,Activity Name,Distance\n"
        '1,"May 1, 2024, 6:00:00 AM",Run,5.0,1500\n'
    )
    run = result.activities[0]
    assert (run.distance_m, run.moving_s, run.name) == (5000, 1500, "")


def test_columns_found_by_their_contents_need_the_right_contents():
    (result,) = _csv_export(
        "Activity ID,Notes,Wann,Activity Type,Distance,Elapsed Time\n"
        '1,yes/no,"May 1, 2024, 6:00:00 AM",Run,5000.0,1500\n'
    )
    run = result.activities[0]
    assert run.start == files.START
    (found,) = [w for w in result.warnings if "found by their contents" in w]
    assert found.endswith("date (column “Wann”)")
    assert not any("not in the zip" in w for w in result.warnings)


def test_a_column_is_found_by_its_contents_when_4_values_in_5_look_right():
    rows = "".join(f'{i},"May {i}, 2024, 6:00:00 AM",Run,5000.0,1500\n' for i in range(1, 5))
    results = _csv_export(
        "Activity ID,Wann,Activity Type,Distance,Elapsed Time\n" + rows + "5,soon,Run,5000.0,1500\n"
    )
    assert [r.status for r in results] == ["imported"] * 4 + ["refused"]


def test_a_semicolon_csv_with_decimal_commas_is_read():
    results = _csv_export(
        "Activity ID;Activity Date;Activity Type;Distance;Elapsed Time;Activity Name\n"
        "1;01.05.2024, 06:00:00;Lauf;5,5;1500;locker, ruhig, flach, kurz, schön\n"
        "2;02.05.2024, 06:00:00;Lauf;7,5;2500;schnell, hart, hügelig, lang, nass\n"
    )
    first, second = (r.activities[0] for r in results)
    assert (first.distance_m, first.name) == (5500, "locker, ruhig, flach, kurz, schön")
    assert (second.start, second.distance_m) == (files.START + DAY, 7500)


def test_the_csvs_id_wins_over_the_file_names_number():
    csv = (
        "Activity ID,Activity Date,Activity Type,Filename\n"
        '1001,"May 1, 2024, 6:00:00 AM",Run,activities/9999.gpx\n'
    )
    (result,) = _csv_export(csv, {"activities/9999.gpx": files.gpx_bytes(files.route(100))})
    assert result.activities[0].external_id == "strava:1001"


def test_an_export_of_exactly_the_cap_is_accepted(monkeypatch):
    monkeypatch.setattr(safety, "MAX_ACTIVITIES_PER_UPLOAD", 3)
    rows, members = standard_rows()
    results = parse_upload("export.zip", files.strava_export(rows, members))
    assert [r.status for r in results] == ["imported", "skipped", "imported", "imported"]


def test_a_zip_without_activities_csv_numbers_its_files():
    members = {
        "a.gpx": files.gpx_bytes(files.route(100)),
        "b.gpx": files.gpx_bytes(files.route(100, start=files.START + DAY)),
    }
    results = parse_upload("runs.zip", files.zip_bytes(members))
    assert [(r.index, r.total) for r in results] == [(1, 2), (2, 2)]


def test_the_exports_own_activities_csv_is_the_one_at_the_top():
    rows, members = standard_rows()
    other = files.activities_csv(rows[:1])
    export = files.strava_export(rows, members, extra={"media/old/activities.csv": other})
    assert len(parse_upload("export.zip", export)) == 4
    export = files.strava_export(rows, members, extra={"a/b/c/activities.csv": other})
    assert len(parse_upload("export.zip", export)) == 4


def test_manual_rows_without_an_offset_carry_no_warning():
    rows, members = standard_rows()
    results = parse_upload("export.zip", files.strava_export(rows, members))
    assert results[3].activities[0].warnings == []
    assert results[3].warnings == []


def test_a_file_of_several_activities_numbers_them_after_the_csvs_id():
    two = files.tcx_text(
        files.tcx_activity(files.route(100)),
        files.tcx_activity(files.route(100, start=files.START + timedelta(hours=2))),
    ).encode()
    csv = (
        "Activity ID,Activity Date,Activity Type,Filename\n"
        '77,"May 1, 2024, 6:00:00 AM",Run,activities/77.tcx\n'
    )
    (result,) = _csv_export(csv, {"activities/77.tcx": two})
    assert [a.external_id for a in result.activities] == ["strava:77#1", "strava:77#2"]


def test_a_long_title_is_cut_to_200_characters():
    rows, members = standard_rows()
    rows[0].name = "Long run " * 30
    results = parse_upload("export.zip", files.strava_export(rows, members))
    assert results[0].activities[0].name == ("Long run " * 30)[:200]


@pytest.mark.parametrize(("rpe", "stored"), [("0", 0), ("10", 10), ("11", None), ("-1", None)])
def test_the_csvs_rpe_is_taken_from_0_to_10(rpe, stored):
    csv = (
        "Activity ID,Activity Date,Activity Type,Filename,Perceived Exertion\n"
        f'1,"May 1, 2024, 6:00:00 AM",Run,activities/1.gpx,{rpe}\n'
    )
    (result,) = _csv_export(csv, {"activities/1.gpx": files.gpx_bytes(files.route(100))})
    assert result.activities[0].rpe == stored


@pytest.mark.parametrize(
    ("pairs", "deferred", "factor"),
    [
        ([(1.0, 900.0)], [], 1000.0),  # 10 % short, exactly: still kilometres
        ([], [200.0], 1000.0),  # exactly 200: kilometres
        ([], [200.5], 1.0),
    ],
)
def test_the_distance_units_edges(pairs, deferred, factor):
    rows = [files_row(distance) for distance in deferred]
    assert strava._distance_factors(["Distance"], [pairs], rows) == [factor]


def test_a_row_without_a_file_prefers_the_metres_column():
    (result,) = _csv_export(
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time,Distance\n"
        '1,"May 1, 2024, 6:00:00 AM",Run,5.01,1500,5012.3\n'
        '2,"May 2, 2024, 6:00:00 AM",Run,7.5,1500,\n'
    )[:1]
    assert result.activities[0].distance_m == 5012


def test_a_row_whose_metres_are_missing_takes_its_kilometres():
    results = _csv_export(
        "Activity ID,Activity Date,Activity Type,Distance,Elapsed Time,Distance\n"
        '1,"May 1, 2024, 6:00:00 AM",Run,5.01,1500,5012.3\n'
        '2,"May 2, 2024, 6:00:00 AM",Run,7.5,1500,\n'
    )
    assert results[1].activities[0].distance_m == 7500


def test_a_row_without_a_file_or_a_time_is_refused_for_its_time():
    (result,) = _csv_export(
        'Activity ID,Activity Date,Activity Type,Distance\n1,"May 1, 2024, 6:00:00 AM",Run,5.0\n'
    )
    assert result.status == "refused" and "distance or its time" in result.refused

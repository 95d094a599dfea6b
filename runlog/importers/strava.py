"""A Strava bulk export: a zip with activities.csv and the activity files it names.

activities.csv is read by column name, and its layout has changed many times, so:

- Headers are matched through `COLUMNS`, known names in English, German, French, Spanish,
  Dutch, Italian and Portuguese, compared without case, accents, spaces or punctuation. Added
  columns are ignored. Columns that are missing or renamed beyond recognition are found by their
  content where that is unambiguous (the file name column holds "activities/123.gpx.gz", the
  type column holds "Run" or "Ride", the date column holds dates), or done without: no type
  column means each file's own sport decides; no id column means the file name's number.
- Strava repeats some headers: "Distance" is in kilometres in its first column (with a decimal
  comma in some languages) and in metres in its second; "Elapsed Time" is given twice. Units are
  not assumed: for each Distance column the factor to metres (1, 1000 or 1609.344) is found
  from the rows that have an activity file, by the ratio of the file's distance to the CSV's
  value; with no files to compare, by magnitude (a median over 200 is metres, else kilometres).
  The metres column is preferred. Times are seconds or H:MM:SS.
- "Activity Date" is parsed in any of the formats Strava has used ("Oct 7, 2020, 2:43:11 PM",
  "07.10.2020, 14:43:11", "7 oct. 2020, 14:43:11", ISO), day-first or month-first decided by the
  column's values. Strava writes it in UTC; that is checked against the activity files' own
  start times, and an offset they all share is corrected (with a warning) for rows without one.

Each row becomes one `ParsedFile`, in one of four ways:
- a run imported from its file; the CSV gives its type, its id "strava:<Activity ID>" (the
  file's own id moves to `file_external_id`), its title, and its RPE if the file has none;
- a skipped activity of another sport (its file is never read);
- a run from the CSV alone (manual Strava entries have no file; the date, distance and time
  must all be there), with `source_format` "strava";
- a refusal, with its reason.
A zip without activities.csv has each of its GPX, TCX and FIT files imported on its own.
"""

from __future__ import annotations

import csv
import io
import logging
import posixpath
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from . import files, safety, sports
from .activity import (
    NO_SPORT_WARNING,
    ImportRefused,
    ParsedActivity,
    ParsedFile,
    SkippedActivity,
    build_activity,
    sha256,
)

logger = logging.getLogger(__name__)

CSV_NAME = "activities.csv"
ACTIVITY_FILE = re.compile(r"\.(gpx|tcx|fit)(\.gz)?$", re.IGNORECASE)
METRES_PER = {"m": 1.0, "km": 1000.0, "mi": 1609.344}
# Two start times (file and CSV) this close agree; a shared offset is rounded to this step.
DATE_TOLERANCE = timedelta(minutes=2)
OFFSET_STEP_MINUTES = 15

# Canonical column -> the header names Strava has used for it.
COLUMNS = {
    "id": [
        "Activity ID",
        "Aktivitäts-ID",
        "ID de l'activité",
        "ID de la actividad",
        "ID de actividad",
        "Activiteits-ID",
        "Activiteit-ID",
        "ID attività",
        "ID dell'attività",
        "ID da atividade",
    ],
    "date": [
        "Activity Date",
        "Aktivitätsdatum",
        "Date de l'activité",
        "Fecha de la actividad",
        "Fecha de actividad",
        "Activiteitsdatum",
        "Datum activiteit",
        "Data dell'attività",
        "Data attività",
        "Data da atividade",
    ],
    "name": [
        "Activity Name",
        "Name der Aktivität",
        "Nom de l'activité",
        "Nombre de la actividad",
        "Activiteitsnaam",
        "Naam activiteit",
        "Nome dell'attività",
        "Nome attività",
        "Nome da atividade",
    ],
    "type": [
        "Activity Type",
        "Aktivitätsart",
        "Aktivitätstyp",
        "Type d'activité",
        "Tipo de actividad",
        "Activiteitstype",
        "Type activiteit",
        "Tipo di attività",
        "Tipo de atividade",
        "Sport Type",
    ],
    "filename": [
        "Filename",
        "File Name",
        "Dateiname",
        "Nom du fichier",
        "Nombre de archivo",
        "Nombre del archivo",
        "Bestandsnaam",
        "Nome file",
        "Nome del file",
        "Nome do arquivo",
    ],
    "distance": ["Distance", "Distanz", "Distancia", "Afstand", "Distanza", "Distância"],
    "elapsed": [
        "Elapsed Time",
        "Verstrichene Zeit",
        "Temps écoulé",
        "Tiempo transcurrido",
        "Verstreken tijd",
        "Tempo trascorso",
        "Tempo decorrido",
    ],
    "moving": [
        "Moving Time",
        "Bewegungszeit",
        "Zeit in Bewegung",
        "Temps de déplacement",
        "Temps en mouvement",
        "Tiempo en movimiento",
        "Beweegtijd",
        "Bewegingstijd",
        "Tempo in movimento",
        "Tempo em movimento",
    ],
    "gain": [
        "Elevation Gain",
        "Höhenzunahme",
        "Höhenmeter",
        "Dénivelé positif",
        "Desnivel positivo",
        "Hoogtewinst",
        "Dislivello positivo",
        "Ganho de elevação",
    ],
    "loss": [
        "Elevation Loss",
        "Höhenverlust",
        "Dénivelé négatif",
        "Desnivel negativo",
        "Hoogteverlies",
        "Dislivello negativo",
        "Perda de elevação",
    ],
    "heart_rate": [
        "Average Heart Rate",
        "Durchschnittliche Herzfrequenz",
        "Fréquence cardiaque moyenne",
        "Frecuencia cardíaca media",
        "Frecuencia cardíaca promedio",
        "Gemiddelde hartslag",
        "Frequenza cardiaca media",
        "Frequência cardíaca média",
    ],
    "temperature": [
        "Average Temperature",
        "Durchschnittliche Temperatur",
        "Température moyenne",
        "Temperatura media",
        "Temperatura promedio",
        "Gemiddelde temperatuur",
        "Temperatura média",
    ],
    "rpe": [
        "Perceived Exertion",
        "Wahrgenommene Anstrengung",
        "Effort perçu",
        "Esfuerzo percibido",
        "Waargenomen inspanning",
        "Sforzo percepito",
        "Esforço percebido",
    ],
}
_ALIASES = {sports.normalise(alias): key for key, names in COLUMNS.items() for alias in names}

_MONTHS = [
    ("janv", 1), ("juin", 6), ("juil", 7), ("jan", 1), ("ene", 1), ("gen", 1),
    ("feb", 2), ("fev", 2), ("mar", 3), ("mrt", 3), ("apr", 4), ("avr", 4), ("abr", 4),
    ("may", 5), ("mai", 5), ("mei", 5), ("mag", 5), ("jun", 6), ("giu", 6),
    ("jul", 7), ("lug", 7), ("aug", 8), ("aou", 8), ("ago", 8),
    ("sep", 9), ("set", 9), ("oct", 10), ("okt", 10), ("ott", 10), ("out", 10),
    ("nov", 11), ("dec", 12), ("dez", 12), ("dic", 12),
]  # fmt: skip
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?")
_PM = re.compile(r"\b(p\.?\s?m\.?)(?!\w)", re.IGNORECASE)
_AM = re.compile(r"\b(a\.?\s?m\.?)(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Values


def parse_number(text: str | None) -> float | None:
    """ "18962.80078125", "9,55" (decimal comma), "1,234.5", "1.234,5" -> float, else None."""
    if text is None:
        return None
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def parse_duration(text: str | None) -> float | None:
    """Seconds ("5601", "5601.0") or "H:MM:SS" / "MM:SS"."""
    if text is None or not text.strip():
        return None
    if ":" in text:
        parts = text.strip().split(":")
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            return None
        seconds = 0.0
        for number in numbers:
            seconds = seconds * 60 + number
        return seconds
    return parse_number(text)


@dataclass
class _DateParts:
    """A date as written, before deciding day-first or month-first where that is open."""

    numbers: list[int]  # the date's numbers, in order
    month: int | None  # from a month name
    hour: int
    minute: int
    second: int
    separator: str  # "/", ".", "-" or "" between numeric date parts
    aware: datetime | None = None  # ISO with a zone: nothing to decide


def _split_date(text: str) -> _DateParts | None:
    """A date as activities.csv writes it, in parts; None when it is no date."""
    text = (text or "").strip()
    if not text:
        return None
    iso = _iso_parts(text)
    if iso is not None:
        return iso
    clock = time_of_day(text)
    if clock is not None:
        (hour, minute, second), text = clock
    else:
        hour = minute = second = 0
    month = month_of(text)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    # With a month name, the numbers are the day and the year; without, all three.
    if len(numbers) != (3 if month is None else 2):
        return None
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second < 61):
        return None
    separator = next((c for c in text if c in "/.-"), "") if month is None else ""
    # A leap second (:60) is read as :59, which datetime can hold.
    return _DateParts(numbers, month, hour, minute, min(second, 59), separator)


def _iso_parts(text: str) -> _DateParts | None:
    """ISO 8601 ("2024-05-01 18:00:00", "2024-05-01T18:00:00Z", "...+02:00"), else None. A
    zone makes it a moment in UTC (nothing left to decide); without one it is Strava's UTC."""
    try:
        iso = datetime.fromisoformat(text.replace(" UTC", "").replace("Z", "+00:00"))
    except ValueError:
        return None
    if iso.tzinfo is not None:
        return _DateParts([], None, 0, 0, 0, "", aware=iso.astimezone(UTC))
    return _DateParts([iso.year, iso.month, iso.day], None, iso.hour, iso.minute, iso.second, "-")


def time_of_day(text: str) -> tuple[tuple[int, int, int], str] | None:
    """((hour, minute, second), the text before the time) of "..., 2:43:11 PM", or None.

    AM/PM may come in any of the ways Strava's languages write it ("p. m.", "PM"): 12 AM is
    midnight, 12 PM noon. A 24-hour time stays as it is.
    """
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    rest = text[: match.start()] + " " + text[match.end() :]
    if _PM.search(rest) and hour < 12:
        hour += 12
    elif _AM.search(rest) and hour == 12:
        hour = 0
    return (hour, minute, second), text[: match.start()]


def month_of(text: str) -> int | None:
    """The month a date names in words ("Oct", "okt.", "févr.", "1 de may. de 2024"), or None.

    The first word of three letters or more that starts like a month's name or abbreviation in
    one of Strava's languages (`_MONTHS`, compared without case or accents) decides; shorter
    words ("de", "à") never do.
    """
    for word in sports.normalise_words(text).split():
        if not word.isalpha() or len(word) < 3:
            continue
        month = next((m for prefix, m in _MONTHS if word.startswith(prefix)), None)
        if month:
            return month
    return None


def _resolve_date(parts: _DateParts, day_first: bool) -> datetime | None:
    """A naive datetime (Strava's clock, UTC unless the files show otherwise)."""
    if parts.aware is not None:
        return parts.aware.replace(tzinfo=None)
    numbers = parts.numbers
    if parts.month is not None:
        year = next((n for n in numbers if n > 31), None)
        day = next((n for n in numbers if n <= 31), None)
        month = parts.month
    elif numbers[0] > 31:  # 2020-10-07
        year, month, day = numbers
    else:
        year = numbers[2]
        day, month = (numbers[0], numbers[1]) if day_first else (numbers[1], numbers[0])
    if year is None or day is None:
        return None
    if year < 100:
        year += 2000
    try:
        return datetime(year, month, day, parts.hour, parts.minute, parts.second)
    except ValueError:
        return None


def _day_first(all_parts: list[_DateParts]) -> bool:
    """Decide a column's numeric order from values that only read one way."""
    votes_day = votes_month = 0
    for parts in all_parts:
        if parts.month is not None or parts.aware is not None or not parts.numbers:
            continue
        if parts.numbers[0] > 31:
            continue
        if parts.separator == "." or parts.numbers[0] > 12:
            votes_day += 1
        elif parts.numbers[1] > 12:
            votes_month += 1
    return votes_day >= votes_month


# ---------------------------------------------------------------------------------------------
# The CSV


@dataclass
class _Columns:
    """Column indexes per canonical name (a list: Strava repeats some headers)."""

    by_key: dict[str, list[int]] = field(default_factory=dict)
    found_by_content: list[str] = field(default_factory=list)

    def first(self, row: list[str], key: str) -> str:
        for index in self.by_key.get(key, []):
            if index < len(row) and row[index].strip():
                return row[index].strip()
        return ""


def _map_columns(header: list[str], rows: list[list[str]]) -> _Columns:
    columns = _Columns()
    for index, title in enumerate(header):
        key = _ALIASES.get(sports.normalise(title))
        if key:
            columns.by_key.setdefault(key, []).append(index)
    taken = {i for indexes in columns.by_key.values() for i in indexes}
    # Renamed or translated beyond the aliases: recognise a column by its values.
    sample = rows[:200]
    for key, looks_right in (
        ("filename", lambda v: bool(ACTIVITY_FILE.search(v)) and "/" in v),
        ("type", _looks_like_type),
        ("date", lambda v: _split_date(v) is not None and not _looks_like_number(v)),
    ):
        if key in columns.by_key:
            continue
        for index in range(len(header)):
            if index in taken:
                continue
            values = [r[index].strip() for r in sample if index < len(r) and r[index].strip()]
            if values and sum(map(looks_right, values)) >= 0.8 * len(values):
                columns.by_key[key] = [index]
                columns.found_by_content.append(f"{key} (column “{header[index]}”)")
                taken.add(index)
                break
    return columns


_KNOWN_TYPES = {
    sports.normalise(t)
    for t in (
        "Run", "Trail Run", "Virtual Run", "Ride", "Virtual Ride", "E-Bike Ride", "Walk",
        "Hike", "Swim", "Workout", "Weight Training", "Yoga", "Rowing", "Alpine Ski",
        "Nordic Ski", "Backcountry Ski", "Snowboard", "Ice Skate", "Kayaking", "Elliptical",
        "Lauf", "Radfahrt", "Wanderung", "Spaziergang", "Schwimmen", "Course à pied",
        "Sortie à vélo", "Marche", "Randonnée", "Natation", "Carrera", "Bicicleta", "Caminata",
        "Natación", "Hardloopsessie", "Fietsrit", "Wandeling", "Zwemmen",
    )
}  # fmt: skip


def _looks_like_type(value: str) -> bool:
    return sports.normalise(value) in _KNOWN_TYPES


def _looks_like_number(value: str) -> bool:
    return parse_number(value) is not None


def read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of activities.csv, whatever its encoding and delimiter."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 decodes anything
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportRefused(f"activities.csv cannot be read as CSV ({error}).") from None
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise ImportRefused("activities.csv is empty.")
    return table[0], table[1:]


# ---------------------------------------------------------------------------------------------
# The plan: what each row asks for


@dataclass
class _Row:
    number: int  # the CSV's line (the header is line 1)
    activity_id: str
    verdict: sports.Verdict | None
    date_parts: _DateParts | None
    filename: str
    member: object | None  # its ZipInfo, when the zip holds it
    distances: list[float | None]
    elapsed: float | None
    moving: float | None
    name: str
    gain: float | None
    loss: float | None
    heart_rate: float | None
    temperature: float | None
    rpe: float | None


@dataclass
class _Plan:
    rows: list[_Row]
    distance_headers: list[str]
    warnings: list[str]


def _plan(archive, csv_info) -> _Plan:
    header, table = read_csv(safety.read_member(archive, csv_info))
    columns = _map_columns(header, table)
    base = posixpath.dirname(safety.member_path(csv_info.filename))
    members = {}
    for info in archive.infolist():
        if not info.is_dir():
            members.setdefault(safety.member_path(info.filename).casefold(), info)
    warnings = []
    if columns.found_by_content:
        warnings.append(
            "activities.csv: found by their contents: " + ", ".join(columns.found_by_content)
        )
    if "type" not in columns.by_key:
        warnings.append("activities.csv has no activity type column; each file's sport decides.")
    rows = []
    for number, row in enumerate(table, start=2):
        filename = columns.first(row, "filename")
        member = None
        if filename:
            path = safety.member_path(posixpath.join(base, filename))
            member = members.get(path.casefold())
        activity_id = columns.first(row, "id")
        if not activity_id and filename:
            stem = posixpath.basename(filename).split(".")[0]
            activity_id = stem if stem.isdigit() else ""
        rows.append(
            _Row(
                number=number,
                activity_id=activity_id,
                verdict=sports.from_strava_type(columns.first(row, "type")),
                date_parts=_split_date(columns.first(row, "date")),
                filename=filename,
                member=member,
                distances=[
                    parse_number(row[i]) if i < len(row) else None
                    for i in columns.by_key.get("distance", [])
                ],
                elapsed=parse_duration(columns.first(row, "elapsed")),
                moving=parse_duration(columns.first(row, "moving")),
                name=columns.first(row, "name"),
                gain=parse_number(columns.first(row, "gain")),
                loss=parse_number(columns.first(row, "loss")),
                heart_rate=parse_number(columns.first(row, "heart_rate")),
                temperature=parse_number(columns.first(row, "temperature")),
                rpe=parse_number(columns.first(row, "rpe")),
            )
        )
    return _Plan(rows, [header[i] for i in columns.by_key.get("distance", [])], warnings)


# ---------------------------------------------------------------------------------------------
# Reading the export


def iter_export(name: str, data: bytes, *, now: datetime | None = None) -> Iterator[ParsedFile]:
    """One ParsedFile per activity of a Strava export (or per file of another zip).

    The whole zip is refused (one ParsedFile with `refused`) when it breaks a cap in `safety`
    or holds over `MAX_ACTIVITIES_PER_UPLOAD` activities to import; then nothing else is read.
    """
    try:
        archive = safety.open_zip(data)
        infos = [i for i in archive.infolist() if not i.is_dir()]
        csv_info = _find_csv(infos)
        if csv_info is None:
            plan = None
            wanted = [i for i in infos if ACTIVITY_FILE.search(i.filename)]
            if not wanted:
                raise ImportRefused("The zip holds no activities.csv and no GPX, TCX or FIT file.")
            to_read = wanted
        else:
            safety.check_zip_budget([csv_info])
            plan = _plan(archive, csv_info)
            wanted = [r for r in plan.rows if r.verdict is None or r.verdict.sport]
            to_read = [csv_info] + [r.member for r in wanted if r.member is not None]
        if len(wanted) > safety.MAX_ACTIVITIES_PER_UPLOAD:
            raise ImportRefused(
                f"The zip holds {len(wanted):,} activities to import, more than the "
                f"{safety.MAX_ACTIVITIES_PER_UPLOAD:,} one upload may hold. Split it."
            )
        safety.check_zip_budget(to_read)
    except ImportRefused as refusal:
        yield ParsedFile(
            name=name,
            source_format="strava",
            content_sha256=sha256(data),
            refused=refusal.reason,
            filename=name,
        )
        return
    if plan is None:
        total = len(wanted)
        for index, info in enumerate(wanted, start=1):
            result = _read_member_file(name, archive, info, now=now)
            result.index, result.total = index, total
            yield result
        return
    yield from _iter_rows(name, archive, plan, now)


def _find_csv(infos):
    candidates = [
        i for i in infos if posixpath.basename(safety.member_path(i.filename)).lower() == CSV_NAME
    ]
    # The export's own, at the top: the shortest path.
    candidates.sort(key=lambda i: safety.member_path(i.filename).count("/"))
    return candidates[0] if candidates else None


def _read_member_file(name, archive, info, *, now, sport=None) -> ParsedFile:
    label = f"{name}/{safety.member_path(info.filename)}"
    try:
        content = safety.read_member(archive, info)
    except ImportRefused as refusal:
        return ParsedFile(name=label, refused=refusal.reason, filename=info.filename)
    return files.parse_file(label, content, now=now, sport=sport)


def _iter_rows(name, archive, plan: _Plan, now) -> Iterator[ParsedFile]:
    rows = plan.rows
    total = len(rows)
    day_first = _day_first([r.date_parts for r in rows if r.date_parts is not None])
    # First the rows with a file (they calibrate units and dates), then the others.
    pairs_distance: list[list[tuple[float, float]]] = [[] for _ in plan.distance_headers]
    offsets: list[timedelta] = []
    deferred: list[_Row] = []
    index = 0
    first_warnings = plan.warnings  # said once, on the first result

    def numbered(result: ParsedFile) -> ParsedFile:
        nonlocal index, first_warnings
        index += 1
        result.index, result.total = index, total
        result.warnings[:0] = first_warnings
        first_warnings = []
        return result

    for row in rows:
        if row.verdict is not None and row.verdict.sport is None:
            yield numbered(_skipped(name, row, day_first))
            continue
        if row.member is None:
            deferred.append(row)
            continue
        result = _row_with_file(name, archive, row, now)
        for activity in result.activities[:1]:
            for j, value in enumerate(row.distances):
                if value:
                    pairs_distance[j].append((value, activity.distance_m))
            csv_date = _resolve_date(row.date_parts, day_first) if row.date_parts else None
            if csv_date is not None:
                offsets.append(csv_date.replace(tzinfo=UTC) - activity.start)
        yield numbered(result)
    factors = _distance_factors(plan.distance_headers, pairs_distance, deferred)
    offset, offset_warning = _date_offset(offsets)
    for row in deferred:
        result = _row_without_file(name, row, factors, day_first, offset, now)
        if offset_warning and result.activities:
            result.activities[0].warnings.append(offset_warning)
            result.warnings.append(offset_warning)
        yield numbered(result)


def _row_label(name: str, row: _Row) -> str:
    if row.filename:
        return f"{name}/{row.filename}"
    return f"{name}/{CSV_NAME} line {row.number}"


def _skipped(name, row, day_first) -> ParsedFile:
    start = _resolve_date(row.date_parts, day_first) if row.date_parts else None
    return ParsedFile(
        name=_row_label(name, row),
        source_format="strava",
        skipped=[
            SkippedActivity(
                sport=row.verdict.label,
                start=start.replace(tzinfo=UTC) if start else None,
                external_id=f"strava:{row.activity_id}" if row.activity_id else "",
            )
        ],
        filename=posixpath.basename(row.filename),
    )


def _row_with_file(name, archive, row: _Row, now) -> ParsedFile:
    try:
        result = _read_member_file(name, archive, row.member, now=now, sport=row.verdict)
    except Exception:  # one row's bug must not stop the export
        logger.exception("The importer failed on %s", row.filename)
        return ParsedFile(
            name=_row_label(name, row),
            refused="The file could not be read (an error in the importer).",
        )
    result.name = _row_label(name, row)
    for number, activity in enumerate(result.activities, start=1):
        _apply_csv(activity, row)
        if len(result.activities) > 1 and row.activity_id:
            activity.external_id += f"#{number}"
    if row.activity_id:
        for skipped in result.skipped:
            skipped.external_id = f"strava:{row.activity_id}"
    return result


def _apply_csv(activity: ParsedActivity, row: _Row) -> None:
    """The CSV's id, type (already applied to the parse), title, and RPE if the file has none."""
    if row.activity_id:
        activity.file_external_id = activity.external_id
        activity.external_id = f"strava:{row.activity_id}"
    if row.verdict is not None and NO_SPORT_WARNING in activity.warnings:
        activity.warnings.remove(NO_SPORT_WARNING)
    if row.name:  # the title as the runner last edited it on Strava
        activity.name = row.name[:200]
    if activity.rpe is None and row.rpe is not None and 0 <= row.rpe <= 10:
        activity.rpe = round(row.rpe)


def _distance_factors(headers, pairs, deferred: list[_Row]) -> list[float | None]:
    """Metres per unit for each Distance column, by the files, else by magnitude."""
    factors: list[float | None] = []
    for j in range(len(headers)):
        factor = None
        ratios = [metres / value for value, metres in pairs[j] if value > 0]
        if ratios:
            ratio = statistics.median(ratios)
            factor = next(
                (f for f in METRES_PER.values() if 0.9 * f <= ratio <= 1.1 * f),
                None,
            )
        if factor is None:
            values = [r.distances[j] for r in deferred if r.distances[j]]
            if values:
                factor = 1.0 if statistics.median(values) > 200 else 1000.0
        factors.append(factor)
    return factors


def _date_offset(offsets: list[timedelta]) -> tuple[timedelta, str]:
    """The offset between activities.csv's dates and the files' own UTC starts, if shared."""
    if not offsets:
        return timedelta(0), ""
    median = statistics.median(o.total_seconds() for o in offsets)
    step = OFFSET_STEP_MINUTES * 60
    offset = timedelta(seconds=round(median / step) * step)
    agreeing = sum(abs(o - offset) <= DATE_TOLERANCE for o in offsets)
    if offset == timedelta(0) or agreeing < 0.8 * len(offsets):
        return timedelta(0), ""
    hours = offset.total_seconds() / 3600
    return offset, (
        f"activities.csv's dates are {hours:+g} h off the activity files' own (UTC) start "
        "times; this start was corrected by the same offset."
    )


def _row_without_file(name, row: _Row, factors, day_first, offset, now) -> ParsedFile:
    label = _row_label(name, row)
    result = ParsedFile(name=label, source_format="strava", filename="")
    warnings = []
    if row.filename:
        warnings.append(
            f"{row.filename} (named in activities.csv) is not in the zip; imported from "
            "activities.csv alone."
        )
    try:
        if row.date_parts is None:
            raise ImportRefused(
                "activities.csv gives no readable date for this activity, and it has no file."
            )
        start = _resolve_date(row.date_parts, day_first)
        if start is None:
            raise ImportRefused("activities.csv's date for this activity is not a real date.")
        distance = None
        for value, factor in sorted(
            zip(row.distances, factors, strict=True), key=lambda vf: vf[1] != 1.0
        ):
            if value and factor:
                distance = value * factor
                break
        if distance is None or not (row.moving or row.elapsed):
            raise ImportRefused(
                "This activity has no file, and activities.csv lacks its distance or its time."
            )
        verdict = row.verdict or sports.UNNAMED
        activity = build_activity(
            start=start.replace(tzinfo=UTC) - offset,
            distance_m=distance,
            moving_s=row.moving or row.elapsed,
            elapsed_s=row.elapsed or row.moving,
            source_format="strava",
            sport=verdict.sport,
            sport_named=verdict.named,
            elevation_gain_m=row.gain,
            elevation_loss_m=row.loss,
            temperature_c=row.temperature,
            avg_heart_rate=row.heart_rate,
            rpe=row.rpe,
            external_id=f"strava:{row.activity_id}" if row.activity_id else "",
            name=row.name,
            warnings=warnings,
            now=now,
        )
    except ImportRefused as refusal:
        result.refused = " ".join([*warnings, refusal.reason])
        return result
    # Nothing but the row itself to hash: the same row again hashes the same.
    activity.content_sha256 = sha256(
        "|".join(
            [row.activity_id, str(activity.start), str(activity.distance_m), row.name]
        ).encode()
    )
    result.content_sha256 = activity.content_sha256
    result.activities.append(activity)
    result.warnings.extend(activity.warnings)
    return result

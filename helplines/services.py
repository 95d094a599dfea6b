"""The numbers for a request: `helplines_for(request)` is the call links' template context.

The list of countries is small and changes only when an editor corrects it, so each process
keeps it for RECHECK_SECONDS (an editor's save clears it at once in the process that saved;
other processes see the change within that time). A request costs at most two queries: the
list when this process's copy is stale, and the time zone in a signed-in runner's settings
when they have not chosen a country.
"""

import hashlib
import time
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from . import detect
from .models import Country, tel

SESSION_KEY = "helplines_country"
TIME_ZONE_COOKIE = "tz"
EVERYWHERE = "112"  # reaches an ambulance across the EU and from most mobiles elsewhere
QUICK = ("GB", "IE", "US", "CA", "AU", "NZ")  # one-tap buttons in the picker
RECHECK_SECONDS = 60.0


@dataclass(frozen=True)
class Number:
    number: str  # as shown: "116 117"
    tel: str  # as dialled: "116117"
    label: str = ""


@dataclass(frozen=True)
class HealthLine:
    name: str
    number: str
    tel: str
    note: str


class _Countries:
    rows: tuple[Country, ...] | None = None
    stamp: str = ""
    loaded_at: float = float("-inf")


_countries = _Countries()


def countries() -> tuple[Country, ...]:
    """Every country, ordered by name: at most one query, and none while fresh."""
    now = time.monotonic()
    if _countries.rows is None or now - _countries.loaded_at >= RECHECK_SECONDS:
        rows = tuple(Country.objects.order_by("name", "code"))
        _countries.rows = rows
        _countries.stamp = hashlib.sha256(
            repr(
                [
                    (c.code, c.name, c.emergency_number, c.mobile_112, c.health_line_name,
                     c.health_line_number, c.health_line_note)
                    for c in rows
                ]
            ).encode()
        ).hexdigest()[:12]  # fmt: skip
        _countries.loaded_at = now
    return _countries.rows


def forget_countries(**kwargs) -> None:
    _countries.rows = None
    _countries.loaded_at = float("-inf")


post_save.connect(forget_countries, sender=Country, dispatch_uid="helplines-forget-save")
post_delete.connect(forget_countries, sender=Country, dispatch_uid="helplines-forget-delete")


def chosen_country(request) -> str | None:
    """What the runner chose in the picker: a code, "" for another country, None if nothing."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    value = session.get(SESSION_KEY)
    return value if isinstance(value, str) else None


def remember_country(request, code: str) -> None:
    request.session[SESSION_KEY] = code


def _saved_time_zone(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    runner = getattr(request, "runner", None)  # the run log's views have read it already
    if runner is not None:
        return runner.time_zone
    from runlog.models import RunnerSettings

    return RunnerSettings.objects.filter(user=user).values_list("time_zone", flat=True).first()


def country_for(request, known: set[str]) -> str | None:
    chosen = chosen_country(request)
    if chosen == detect.OTHER:
        return None  # the runner said "another country": no guessing over their choice
    settings_country = None
    if detect.normalise(chosen) not in known:  # the settings are read only when needed
        settings_country = detect.country_for_time_zone(_saved_time_zone(request))
    code = detect.country_code(
        chosen=chosen,
        settings_country=settings_country,
        accept_language=request.headers.get("Accept-Language", ""),
        time_zone=unquote(request.COOKIES.get(TIME_ZONE_COOKIE, "")) or None,
        known=known,
    )
    if code is None:
        default = detect.normalise(getattr(settings, "LEGACHE_DEFAULT_COUNTRY", ""))
        code = default if default in known else None
    return code


def helplines_for(request) -> dict:
    """The call links' context (templates/includes/call_links.html, country_picker.html).

    - country: the Country row, or None when unknown
    - code, name: its ISO code and name ("" when unknown)
    - unknown: True when no country is known: the page says "112, or your local emergency
      number"
    - emergency_number / emergency_tel: shown and dialled ("112" when unknown)
    - health_line: HealthLine(name, number, tel, note), or None
    - other_numbers: [Number(number, tel, label)]: 112 when it works from mobiles and is not
      the emergency number already
    - countries: every country, ordered by name (the picker); quick: the one-tap ones
    - key: changes whenever what these links show changes (for whole-page cache keys)
    """
    rows = countries()
    by_code = {row.code: row for row in rows}
    code = country_for(request, set(by_code))
    country = by_code.get(code) if code else None
    if country is None:
        emergency = Number(EVERYWHERE, EVERYWHERE)
        health_line = None
        others = []
    else:
        emergency = Number(country.emergency_number, tel(country.emergency_number))
        health_line = (
            HealthLine(
                country.health_line_name,
                country.health_line_number,
                tel(country.health_line_number),
                country.health_line_note,
            )
            if country.health_line_number
            else None
        )
        others = (
            [Number(EVERYWHERE, EVERYWHERE, "from a mobile")]
            if country.mobile_112 and emergency.tel != EVERYWHERE
            else []
        )
    return {
        "country": country,
        "code": country.code if country else "",
        "name": country.name if country else "",
        "unknown": country is None,
        "emergency_number": emergency.number,
        "emergency_tel": emergency.tel,
        "health_line": health_line,
        "other_numbers": others,
        "countries": rows,
        "quick": [by_code[c] for c in QUICK if c in by_code],
        "key": f"{country.code if country else '-'}:{_countries.stamp}",
    }

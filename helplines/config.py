"""Start-up configuration, read from the environment by legache/settings.py.

Plain functions of a mapping, so tests call them with a dict instead of reloading settings.
"""

import re
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

RETIRED = ("LEGACHE_EMERGENCY_NUMBERS", "LEGACHE_HEALTH_LINES")
ALIASES = {"UK": "GB"}


def default_country(environ: Mapping[str, str]) -> str:
    """LEGACHE_DEFAULT_COUNTRY as an ISO code ("" when unset: the country is then unknown
    unless detected), after refusing the retired phone-number settings."""
    retired = [name for name in RETIRED if environ.get(name, "").strip()]
    if retired:
        raise ImproperlyConfigured(
            f"{' and '.join(retired)} {'is' if len(retired) == 1 else 'are'} no longer read: "
            "emergency and health-line numbers now live in the admin's Countries table "
            "(Emergency and health-line numbers > Countries). Unset "
            f"{'it' if len(retired) == 1 else 'them'}, and correct the numbers there; "
            "LEGACHE_DEFAULT_COUNTRY (e.g. GB) chooses the country shown when the runner's "
            "cannot be detected."
        )
    value = environ.get("LEGACHE_DEFAULT_COUNTRY", "").strip()
    if not value:
        return ""
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ImproperlyConfigured(
            f"LEGACHE_DEFAULT_COUNTRY must be a two-letter ISO 3166 country code such as GB, "
            f"IE or US (or empty for none), not {value!r}."
        )
    return ALIASES.get(value.upper(), value.upper())

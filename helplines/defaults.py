"""The numbers installed with the site (migration 0002); editors correct them in the admin.

Conservative by rule: a health line only where it is a national number for same-day medical
advice; blank where there is none, it is only regional, or we are unsure. The emergency number
is the one that sends an ambulance: 112 across the EU and EEA (it reaches one everywhere there)
unless a country's own medical number is well established and certain (France 15, Austria 144,
Norway 113, where 112 is the police).
"""

from typing import NamedTuple


class Default(NamedTuple):
    code: str
    name: str
    emergency_number: str
    mobile_112: bool
    health_line_name: str = ""
    health_line_number: str = ""
    health_line_note: str = ""


EU = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip
EEA_NOT_EU = ("IS", "LI", "NO")

COUNTRIES = (
    Default(
        "GB", "United Kingdom", "999", True, "NHS 111", "111",
        "Free, 24 hours. NHS 24 in Scotland, NHS 111 Wales in Wales. Northern Ireland: "
        "your GP out-of-hours service.",
    ),
    Default("IE", "Ireland", "999", True),
    Default("US", "United States", "911", False),
    Default(
        "CA", "Canada", "911", False, "Nurse advice line", "811",
        "Nurse advice in most provinces and territories.",
    ),
    Default("AU", "Australia", "000", True, "healthdirect", "1800 022 222", "24 hours, free."),
    Default("NZ", "New Zealand", "111", False, "Healthline", "0800 611 116", "24 hours, free."),
    # The EU.
    Default("AT", "Austria", "144", True, "Gesundheitsnummer 1450", "1450", "24 hours."),
    Default("BE", "Belgium", "112", True),
    Default("BG", "Bulgaria", "112", True),
    Default("HR", "Croatia", "112", True),
    Default("CY", "Cyprus", "112", True),
    Default("CZ", "Czechia", "112", True),
    Default("DK", "Denmark", "112", True),
    Default(
        "EE", "Estonia", "112", True, "Perearsti nõuandeliin, family doctor's advice line", "1220",
        "24 hours, in Estonian and Russian.",
    ),
    Default(
        "FI", "Finland", "112", True, "Päivystysapu, medical helpline", "116 117",
        "24 hours, free; in most of Finland.",
    ),
    Default("FR", "France", "15", True),
    Default(
        "DE", "Germany", "112", True, "Ärztlicher Bereitschaftsdienst, out-of-hours doctor",
        "116 117", "When your doctor's practice is closed.",
    ),
    Default("GR", "Greece", "112", True),
    Default("HU", "Hungary", "112", True),
    Default("IT", "Italy", "112", True),
    Default("LV", "Latvia", "112", True),
    Default("LT", "Lithuania", "112", True),
    Default("LU", "Luxembourg", "112", True),
    Default("MT", "Malta", "112", True),
    Default("NL", "Netherlands", "112", True),
    Default("PL", "Poland", "112", True),
    Default("PT", "Portugal", "112", True, "SNS 24", "808 24 24 24", "24 hours."),
    Default("RO", "Romania", "112", True),
    Default("SK", "Slovakia", "112", True),
    Default("SI", "Slovenia", "112", True),
    Default("ES", "Spain", "112", True),
    Default("SE", "Sweden", "112", True, "1177 Vårdguiden", "1177", "24 hours."),
    # The EEA outside the EU.
    Default("IS", "Iceland", "112", True),
    Default("LI", "Liechtenstein", "112", True),
    Default(
        "NO", "Norway", "113", True, "Legevakt, out-of-hours doctor", "116 117",
        "24 hours, free.",
    ),
)  # fmt: skip

"""Countries and the numbers a runner there calls: content editors correct it in the admin."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Length, Lower, Substr, Upper
from simple_history.models import HistoricalRecords

CODE_PATTERN = r"^[A-Z]{2}\Z"
PHONE_PATTERN = r"^[0-9]+( [0-9]+)*\Z"

validate_code = RegexValidator(
    CODE_PATTERN, "Two capital letters: the ISO 3166 code, e.g. GB, IE, US."
)
validate_phone = RegexValidator(
    PHONE_PATTERN, "Digits only, with single spaces between groups if you like, e.g. 1800 022 222."
)


def tel(number: str) -> str:
    """The digits a `tel:` link dials: '116 117' -> '116117'."""
    return "".join(ch for ch in number if ch.isdigit())


def _upper_letter(position: int) -> models.Q:
    """The character at `position` is a capital letter (it has a different lower case)."""
    char = Substr("code", position, 1)
    return ~models.Q(models.lookups.Exact(Lower(char), char))


class Country(models.Model):
    code = models.CharField(
        "ISO code",
        max_length=2,
        unique=True,
        validators=[validate_code],
        help_text="ISO 3166 alpha-2, in capitals: GB for the United Kingdom.",
    )
    name = models.CharField(max_length=80, help_text="As runners know it, e.g. United Kingdom.")
    emergency_number = models.CharField(
        max_length=20,
        validators=[validate_phone],
        help_text="The number that sends an ambulance.",
    )
    mobile_112 = models.BooleanField(
        "112 works from mobiles",
        default=False,
        help_text="Shown as another emergency number when it differs from the one above.",
    )
    health_line_name = models.CharField(
        max_length=80,
        blank=True,
        help_text="A non-emergency health line for same-day advice, e.g. NHS 111. "
        "Leave blank where the country has none.",
    )
    health_line_number = models.CharField(max_length=20, blank=True, validators=[validate_phone])
    health_line_note = models.CharField(
        max_length=120, blank=True, help_text="Optional, short: e.g. 24 hours, free."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    models.lookups.Exact(Length("code"), 2),
                    models.lookups.Exact(Upper("code"), models.F("code")),
                    _upper_letter(1),
                    _upper_letter(2),
                ),
                name="helplines_country_code_two_capitals",
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="helplines_country_has_name"),
            models.CheckConstraint(
                condition=~models.Q(emergency_number=""),
                name="helplines_country_has_emergency_number",
            ),
            models.CheckConstraint(
                condition=models.Q(health_line_number="", health_line_name="")
                | (~models.Q(health_line_number="") & ~models.Q(health_line_name="")),
                name="helplines_country_health_line_named",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def clean(self):
        if bool(self.health_line_name) != bool(self.health_line_number):
            raise ValidationError(
                "Give the health line's name and number together, or leave both blank."
            )

    @property
    def has_health_line(self) -> bool:
        return bool(self.health_line_number)

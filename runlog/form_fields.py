"""Form fields that take a figure in the runner's own units and give it in the log's (metres,
seconds, °C), checked against the log's limits: a form keeps only its cross-field rules.

Each field's `unit` is set by its form from the runner's preferences. What the runner typed
stays what `has_changed` compares, so an edit that leaves a box alone is seen as unchanged.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from . import units, validation


class NumberField(forms.DecimalField):
    """A decimal that refuses NaN and infinities at once.

    Django's DecimalField lets Decimal("sNaN") through to_python, and comparing it (as
    has_changed does on an edit) raises InvalidOperation: a 500 for "sNaN" typed in a box.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is not None and not value.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value


class DistanceField(NumberField):
    """A distance in the runner's unit (km or mi) -> whole metres."""

    def __init__(self, *, unit: str = units.KM, **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    def clean(self, value):
        typed = super().clean(value)
        if typed is None:
            return None
        metres = round(units.to_metres(typed, self.unit))
        validation.check_distance(metres)
        return metres


class DurationField(forms.CharField):
    """A time typed as h:mm:ss, mm:ss or minutes -> whole seconds."""

    def __init__(self, *, invalid_message: str, **kwargs):
        super().__init__(**kwargs)
        self.invalid_message = invalid_message

    def clean(self, value):
        typed = super().clean(value)
        if not typed:
            return None
        try:
            seconds = units.parse_duration(typed)
        except ValueError:
            raise ValidationError(self.invalid_message, code="invalid") from None
        validation.check_duration(seconds)
        return seconds


class ElevationField(forms.IntegerField):
    """A climb or descent in the runner's elevation unit (m with km, ft with mi) -> metres."""

    def __init__(self, *, unit: str = units.KM, **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    def clean(self, value):
        typed = super().clean(value)
        if typed is None:
            return None
        metres = round(units.elevation_to_metres(typed, self.unit))
        validation.check_elevation(metres)
        return metres


class TemperatureField(NumberField):
    """A temperature in the runner's unit (°C or °F) -> °C to one decimal."""

    def __init__(self, *, unit: str = "C", **kwargs):
        super().__init__(**kwargs)
        self.unit = unit

    def clean(self, value):
        typed = super().clean(value)
        if typed is None:
            return None
        celsius = units.to_celsius(typed, self.unit)
        validation.check_temperature(celsius)
        return Decimal(f"{celsius:.1f}") + 0  # + 0: never "-0.0"

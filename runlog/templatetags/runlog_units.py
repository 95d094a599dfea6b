"""Filters that show stored SI values in the runner's units: `{{ run|distance:prefs }}`."""

from django import template

from .. import units

register = template.Library()


@register.filter
def distance(run, prefs) -> str:
    return units.format_distance(run.distance_m, prefs.distance_unit)


@register.filter
def pace(run, prefs) -> str:
    return units.format_pace(run.distance_m, run.duration_s, prefs.distance_unit)


@register.filter
def moving_time(run) -> str:
    return units.format_duration(run.duration_s)


@register.filter
def temperature(celsius, prefs) -> str:
    return "" if celsius is None else units.format_temperature(celsius, prefs.temperature_unit)


@register.filter
def elevation(metres, prefs) -> str:
    return "" if metres is None else units.format_elevation(metres, prefs.distance_unit)


@register.filter
def distance_unit_name(prefs) -> str:
    return "miles" if prefs.distance_unit == units.MI else "kilometres"

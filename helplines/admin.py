from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Country


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    """The numbers shown on warnings, per country, with their history (and revert)."""

    list_display = [
        "code", "name", "emergency_number", "mobile_112", "health_line_name",
        "health_line_number",
    ]  # fmt: skip
    list_display_links = ["code", "name"]
    search_fields = ["name", "code"]
    ordering = ["name"]
    fields = [
        "code", "name", "emergency_number", "mobile_112", "health_line_name",
        "health_line_number", "health_line_note",
    ]  # fmt: skip

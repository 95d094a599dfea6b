"""The run log's forms: typed in the runner's units, checked by `validation`, saved in SI.

Each form refuses nonsense with a message the runner can act on and then saves nothing;
an empty optional field stays empty (None or ""), never 0 or "neutral".
"""

import functools
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from . import body_map, days, time_zones, units, validation
from .choices import DistanceUnit, Fluids, Location, Side, Sport, TemperatureUnit, Terrain
from .form_fields import (
    DistanceField,
    DurationField,
    ElevationField,
    NumberField,
    TemperatureField,
)
from .models import (
    NAME_MAX_LENGTH,
    FollowUp,
    FollowUpAnswer,
    Run,
    RunnerSettings,
    SorenessEntry,
    SoreRegion,
)

NOT_GIVEN = ("", "Not given")
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"

# Borg's CR-10 anchors, as used for session RPE.
RPE_LABELS = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}
SORENESS_ANCHORS = {0: "none", 10: "worst imaginable"}
HOOPER_GOOD_BAD = {1: "very, very good", 4: "normal", 7: "very, very bad"}
HOOPER_LOW_HIGH = {1: "very, very low", 4: "normal", 7: "very, very high"}


def _scale(low: int, high: int, anchors: dict[int, str] | None = None) -> list[tuple[int, str]]:
    anchors = anchors or {}
    return [(n, f"{n} – {anchors[n]}" if n in anchors else str(n)) for n in range(low, high + 1)]


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_LOCAL)


def _optional_yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", "Not recorded"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose yes, no or not recorded."},
    )


def yes_no_initial(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


class RunForm(forms.Form):
    """A run, typed in the runner's units. `now` is passed in so tests can fix the clock."""

    start = forms.DateTimeField(
        label="Started",
        widget=DateTimeLocalInput(),
        error_messages={"required": "Enter the date and time the run started."},
    )
    distance = DistanceField(
        max_digits=9,
        decimal_places=3,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any", "min": "0"}),
        error_messages={"required": "Enter the distance you ran."},
    )
    moving_time = DurationField(
        label="Moving time",
        max_length=20,
        invalid_message="Enter the moving time as h:mm:ss, mm:ss or minutes, e.g. 45:30.",
        help_text="h:mm:ss, mm:ss or minutes, e.g. 45:30 or 1:05:00.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter your moving time, e.g. 45:30."},
    )
    rpe = forms.TypedChoiceField(
        label="How hard it felt (RPE, 0-10)",
        choices=[NOT_GIVEN, *_scale(*validation.RPE_RANGE, RPE_LABELS)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="You can add or change it later: up to a day after the run it is as good as now.",
        error_messages={"invalid_choice": "Choose an effort from 0 (rest) to 10 (maximal)."},
    )
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=NAME_MAX_LENGTH,
        help_text="Optional, e.g. Parkrun or Long run by the river.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    sport = forms.ChoiceField(
        label="Kind of run",
        choices=Sport.choices,
        required=False,
        error_messages={"invalid_choice": "Choose a kind of run from the list."},
    )
    elevation_gain = ElevationField(
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0"}),
        error_messages={"invalid": "Enter the climb as a whole number."},
    )
    elevation_loss = ElevationField(
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0"}),
        error_messages={"invalid": "Enter the descent as a whole number."},
    )
    terrain = forms.ChoiceField(
        label="Terrain",
        choices=[NOT_GIVEN, *Terrain.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a terrain from the list."},
    )
    temperature = TemperatureField(
        required=False,
        max_digits=5,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
    )
    fluids = forms.ChoiceField(
        label="How much you drank before and during it",
        choices=[NOT_GIVEN, *Fluids.choices],
        required=False,
        error_messages={"invalid_choice": "Choose how much you drank from the list."},
    )
    warm_up_done = _optional_yes_no("Warmed up")
    cool_down_done = _optional_yes_no("Cooled down")
    notes = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm_long = forms.BooleanField(
        label="Yes, this run really was over 100 km",
        required=False,
    )

    MORE = (
        "name",
        "elevation_gain",
        "elevation_loss",
        "terrain",
        "temperature",
        "fluids",
        "warm_up_done",
        "cool_down_done",
        "notes",
    )

    def __init__(self, *args, prefs: RunnerSettings, now: datetime, run: Run | None = None, **kw):
        if run is not None and "initial" not in kw:
            kw["initial"] = self.initial_for(run, prefs)
        super().__init__(*args, **kw)
        self.prefs = prefs
        self.now = now
        self.run = run
        unit = prefs.distance_unit
        climb = units.elevation_unit(unit)
        for name in ("distance", "elevation_gain", "elevation_loss"):
            self.fields[name].unit = unit
        self.fields["temperature"].unit = prefs.temperature_unit
        self.fields["distance"].label = f"Distance ({unit})"
        self.fields["elevation_gain"].label = f"Climb ({climb})"
        self.fields["elevation_loss"].label = f"Descent ({climb})"
        self.fields["temperature"].label = f"Temperature (°{prefs.temperature_unit})"
        if run is None and not self.is_bound and "start" not in self.initial:
            self.initial["start"] = now.replace(second=0, microsecond=0)

    @staticmethod
    def initial_for(run: Run, prefs: RunnerSettings) -> dict:
        unit = prefs.distance_unit

        def elevation(metres):
            return None if metres is None else round(units.elevation_from_metres(metres, unit))

        return {
            "start": run.start.replace(second=0, microsecond=0),
            "name": run.name,
            "sport": run.sport,
            "distance": units.distance_input(run.distance_m, unit),
            "moving_time": units.format_duration(run.duration_s),
            "rpe": run.rpe,
            "elevation_gain": elevation(run.elevation_gain_m),
            "elevation_loss": elevation(run.elevation_loss_m),
            "terrain": run.terrain,
            "temperature": (
                None
                if run.temperature_c is None
                else units.temperature_input(run.temperature_c, prefs.temperature_unit)
            ),
            "fluids": run.fluids,
            "warm_up_done": yes_no_initial(run.warm_up_done),
            "cool_down_done": yes_no_initial(run.cool_down_done),
            "notes": run.notes,
            "confirm_long": run.distance_m > validation.LONG_RUN_M,
        }

    def add_todays_longest(self, longest) -> None:
        """The hint with the distance: today's longest (a `load.TodaysLongest`), in the
        runner's unit. A new run only: "today" says nothing about a run being edited."""
        self.fields["distance"].help_text = longest.text(self.prefs.distance_unit)

    @property
    def asks_to_confirm_long(self) -> bool:
        """Show the "over 100 km" box only when it matters (or the runner already ticked it)."""
        if "confirm_long" in self.errors or self["confirm_long"].value():
            return True
        metres = getattr(self, "si", {}).get("distance_m")
        return metres is not None and metres > validation.LONG_RUN_M

    @property
    def more_open(self) -> bool:
        """Open "More" when it holds answers or errors, so nothing is hidden from the runner."""
        if any(name in self.errors for name in (*self.MORE, "sport")):
            return True
        if self["sport"].value() not in (None, "", Sport.RUN):
            return True
        return any(self[name].value() not in (None, "") for name in self.MORE)

    def _unchanged(self, name: str) -> bool:
        return self.run is not None and name not in self.changed_data

    # Each figure's field gives it in the log's units, checked; an edit that leaves a box
    # alone keeps the stored figure exactly (a distance shown rounded to 10 m stays 10,004 m).
    FIGURES = {
        "distance": "distance_m",
        "moving_time": "duration_s",
        "elevation_gain": "elevation_gain_m",
        "elevation_loss": "elevation_loss_m",
        "temperature": "temperature_c",
    }

    def clean(self):
        cleaned = super().clean()
        si = {}
        self.si = si

        start = cleaned.get("start")
        if start is not None:
            if self._unchanged("start"):
                start = self.run.start
            try:
                validation.check_when(start, self.now)
                si["start"] = start
            except ValidationError as error:
                self.add_error("start", error)

        for name, stored in self.FIGURES.items():
            if name in cleaned:
                unchanged = self._unchanged(name) and cleaned[name] is not None
                si[stored] = getattr(self.run, stored) if unchanged else cleaned[name]
        for required in ("distance_m", "duration_s"):
            if si.get(required) is None:
                si.pop(required, None)

        if "distance_m" in si and "duration_s" in si:
            unit = self.prefs.distance_unit
            try:
                validation.check_pace(si["distance_m"], si["duration_s"], unit)
            except ValidationError as error:
                self.add_error(None, error)
            try:
                validation.check_long_run(si["distance_m"], cleaned.get("confirm_long"), unit)
            except ValidationError as error:
                self.add_error("confirm_long", error)

        for name in ("rpe", "terrain", "fluids", "warm_up_done", "cool_down_done", "notes", "name"):
            if name in cleaned:
                si[name] = cleaned[name]
        if "sport" in cleaned:  # left out: as it was (a new run: a plain run)
            si["sport"] = cleaned["sport"] or (self.run.sport if self.run else Sport.RUN)
        return cleaned

    def save(self, owner) -> Run:
        """Create the run, or update the one being edited; only after is_valid()."""
        run = self.run or Run(owner=owner)
        for name, value in self.si.items():
            setattr(run, name, value)
        run.save()
        return run


def run_label(run: Run, prefs: RunnerSettings) -> str:
    """ "Tue 24 Nov, 07:30 · 10.00 km", in the runner's time zone and units."""
    local = days.local_time(run.start, prefs.time_zone)
    distance = units.format_distance(run.distance_m, prefs.distance_unit)
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M} · {distance}"


# The body map's areas, one per leg; then each area without a side ("both legs or not said"),
# which only an entry that already has one shows, so editing it never drops it.
SIDELESS = tuple(Location.values)
REGION_CHOICES = [
    *((r.value, r.label) for r in body_map.BODY_ORDER),
    *((value, f"{label} (both legs or side not said)") for value, label in Location.choices),
]


# A check-in up to this long ago can still answer the follow-ups (a morning check-in typed in
# the evening).
FOLLOWUPS_ARE_ABOUT_NOW = timedelta(hours=36)


# A new check-in pre-selects the latest run that started this long ago at most.
RUN_PRESELECT_WINDOW = timedelta(hours=36)


class CheckInForm(forms.Form):
    """ "How do your legs feel?": one tap on the scale, one on Save; the rest is optional."""

    soreness = forms.TypedChoiceField(
        label="How sore are your legs?",
        choices=_scale(*validation.SORENESS_RANGE, SORENESS_ANCHORS),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Tap how sore your legs are, from 0 (none) to 10 (worst imaginable).",
            "invalid_choice": "Tap how sore your legs are, from 0 (none) to 10 (worst imaginable).",
        },
    )
    regions = forms.MultipleChoiceField(
        label="Where is it sore?",
        choices=REGION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose sore areas from the map or the list."},
    )
    sleep_quality = forms.TypedChoiceField(
        label="Last night's sleep",
        choices=[NOT_GIVEN, *_scale(*validation.HOOPER_RANGE, HOOPER_GOOD_BAD)],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose from 1 (very, very good) to 7 (very, very bad)."},
    )
    fatigue = forms.TypedChoiceField(
        label="Tiredness",
        choices=[NOT_GIVEN, *_scale(*validation.HOOPER_RANGE, HOOPER_LOW_HIGH)],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose from 1 (very, very low) to 7 (very, very high)."},
    )
    stress = forms.TypedChoiceField(
        label="Stress",
        choices=[NOT_GIVEN, *_scale(*validation.HOOPER_RANGE, HOOPER_LOW_HIGH)],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose from 1 (very, very low) to 7 (very, very high)."},
    )
    run = forms.TypedChoiceField(
        label="After which run?",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose one of your recent runs, or none."},
    )
    recorded_at = forms.DateTimeField(
        label="When",
        required=False,
        widget=DateTimeLocalInput(),
        help_text="Leave it as it is for now.",
    )
    notes = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args, runs, now: datetime, prefs: RunnerSettings, entry=None, followups=(), **kw
    ):
        """`runs`: the runner's own runs the entry may follow (scoped by the view).
        `followups`: the sore spots (runlog.watch.FollowUpSpot) this check-in asks about."""
        if entry is not None and "initial" not in kw:
            kw["initial"] = self.initial_for(entry)
        super().__init__(*args, **kw)
        self.entry = entry
        self.followup_spots = tuple(followups)
        for spot in self.followup_spots:
            self.fields[self.followup_field(spot)] = forms.MultipleChoiceField(
                label=f"Your {spot.label[0].lower()}{spot.label[1:]}: tick any that are true",
                choices=[
                    (value, label)
                    for value, label in FollowUp.choices
                    if not spot.questions or value in spot.questions
                ],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Tick only the statements listed."},
            )
        self.now = now
        self.runs = {run.pk: run for run in runs}
        self.fields["run"].choices = [
            ("", "None, or not after a run"),
            *((run.pk, run_label(run, prefs)) for run in runs),
        ]
        if not self.is_bound and "recorded_at" not in self.initial:
            self.initial["recorded_at"] = now.replace(second=0, microsecond=0)
        if entry is None and not self.is_bound and "run" not in self.initial:
            # A new check-in most often follows the run just done: the latest started in the
            # last 36 hours is ticked (none if there is none); the runner can still choose none.
            latest = self.latest_run_within(runs, now, RUN_PRESELECT_WINDOW)
            if latest is not None:
                self.initial["run"] = latest.pk
        for value, label in REGION_CHOICES:
            self.fields[self.score_field(value)] = forms.TypedChoiceField(
                label=f"{label}: how sore",
                choices=[("", "–"), *_scale(*validation.SORENESS_RANGE)],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": "Choose from 0 (none) to 10 (worst imaginable)."},
            )

    @staticmethod
    def latest_run_within(runs, now: datetime, window: timedelta):
        """The run among `runs` that started last, between `now - window` and `now`, or None."""
        recent = [run for run in runs if now - window <= run.start <= now]
        return max(recent, key=lambda run: (run.start, run.pk), default=None)

    @staticmethod
    def score_field(value: str) -> str:
        return f"score-{value}"

    @staticmethod
    def followup_field(spot) -> str:
        return f"followup-{spot.value}"

    def followup_rows(self):
        return [self[self.followup_field(spot)] for spot in self.followup_spots]

    @classmethod
    def initial_for(cls, entry: SorenessEntry) -> dict:
        regions = list(entry.regions.all())
        initial = {
            "soreness": entry.soreness,
            "regions": [region.value for region in regions],
            "sleep_quality": entry.sleep_quality,
            "fatigue": entry.fatigue,
            "stress": entry.stress,
            "run": entry.run_id,
            "recorded_at": entry.recorded_at.replace(second=0, microsecond=0),
            "notes": entry.notes,
        }
        for region in regions:
            initial[cls.score_field(region.value)] = region.soreness
        return initial

    def region_rows(self):
        """Each area's checkbox and score select, head to toe, for the template. An area
        stored without a side (by an import, say) is listed only when the entry has it."""
        checkboxes = {sub.data["value"]: sub for sub in self["regions"]}
        chosen = self["regions"].value() or []
        rows = []
        for value, label in REGION_CHOICES:
            score = self[self.score_field(value)]
            if value in SIDELESS and value not in chosen and score.value() in (None, ""):
                continue
            rows.append({"label": label, "checkbox": checkboxes[value], "score": score})
        return rows

    def region_table(self):
        """The same controls as `region_rows`, one table row per area, head to toe: its left
        and right leg side by side (cells of `value`, `side`, `label`, `checkbox`, `score`),
        then any area stored without a side, alone in its row."""
        rows = {}
        for row in self.region_rows():
            value = row["checkbox"].data["value"]
            region, side = validation.parse_region_value(value)
            key = (region, side == "")
            cell = {**row, "value": value, "side": Side(side).label}
            rows.setdefault(key, {"label": row["label"], "cells": []})["cells"].append(cell)
        for (region, sideless), row in rows.items():
            row["label"] = row["label"] if sideless else Location(region).label
            row["sideless"] = sideless
        return list(rows.values())

    def body_map(self) -> dict:
        chosen = self["regions"].value() or []
        return body_map.context(selected=chosen if isinstance(chosen, list) else [])

    @property
    def has_optional_answers(self) -> bool:
        """Open the optional section when it holds answers or errors, so nothing is hidden."""
        optional = [
            name
            for name in self.fields
            if name not in ("soreness", "recorded_at", "regions") and not name.startswith("score-")
        ]  # the body map's areas sit above it, open
        if any(name in self.errors for name in [*optional, "recorded_at"]):
            return True
        return any(self[name].value() not in (None, "", []) for name in optional if name != "run")

    def clean(self):
        cleaned = super().clean()
        run_id = cleaned.get("run")
        run = self.runs.get(run_id) if run_id is not None else None
        cleaned["run"] = run

        recorded_at = None
        if "recorded_at" not in self.errors:
            recorded_at = cleaned.get("recorded_at")
            if self.entry is not None and "recorded_at" not in self.changed_data:
                recorded_at = self.entry.recorded_at  # keep its seconds
            elif recorded_at is None:
                recorded_at = self.entry.recorded_at if self.entry else self.now
            try:
                validation.check_when(recorded_at, self.now, what="A check-in")
            except ValidationError as error:
                self.add_error("recorded_at", error)
            else:
                if run is not None and recorded_at < run.start:
                    self.add_error(
                        "recorded_at", "A check-in after a run cannot be before the run started."
                    )
        cleaned["recorded_at"] = recorded_at

        chosen = list(dict.fromkeys(cleaned.get("regions") or []))
        regions = []
        for value, _ in REGION_CHOICES:
            score = cleaned.get(self.score_field(value))
            # A score for an area counts as choosing it: nobody rates an area that is fine.
            if value in chosen or score is not None:
                region, side = validation.parse_region_value(value)
                regions.append((region, side, score))
        cleaned["sore_regions"] = regions
        cleaned["followups"] = [
            (spot.region, spot.side, answer)
            for spot in self.followup_spots
            for answer in cleaned.get(self.followup_field(spot)) or ()
        ]
        # The follow-ups ask how a spot is now: kept with an older check-in they would belong
        # to no problem, and a warning sign would be lost without a word.
        too_old = recorded_at is not None and recorded_at < self.now - FOLLOWUPS_ARE_ABOUT_NOW
        if cleaned["followups"] and too_old:
            self.add_error(
                self.followup_field(self.followup_spots[0]),
                "These questions are about how it is now: answer them in a check-in of "
                "today, or leave them blank for an earlier one.",
            )
        return cleaned

    def save(self, owner) -> SorenessEntry:
        """The entry and its regions together, or neither."""
        data = self.cleaned_data
        with transaction.atomic():
            entry = self.entry or SorenessEntry(owner=owner)
            entry.recorded_at = data["recorded_at"]
            entry.run = data["run"]
            entry.soreness = data["soreness"]
            entry.sleep_quality = data.get("sleep_quality")
            entry.fatigue = data.get("fatigue")
            entry.stress = data.get("stress")
            entry.notes = data.get("notes", "")
            entry.save()
            if self.entry is not None:
                entry.regions.all().delete()
            SoreRegion.objects.bulk_create(
                SoreRegion(entry=entry, region=region, side=side, soreness=score)
                for region, side, score in data["sore_regions"]
            )
            if self.followup_spots and self.entry is not None:
                entry.followup_answers.all().delete()
            FollowUpAnswer.objects.bulk_create(
                FollowUpAnswer(entry=entry, region=region, side=side, answer=answer)
                for region, side, answer in data["followups"]
            )
        return entry


def time_zone_choices() -> list:
    """Current Area/City zones grouped by region, the common ones first (runlog/time_zones.py)."""
    return time_zones.choices()


class SettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="Your days and weeks follow it, and every date is shown in it.",
        widget=forms.Select(attrs={"data-zone-search": ""}),
        error_messages={"invalid_choice": "Choose a time zone from the list."},
    )
    body_weight_kg = NumberField(
        label="Body weight (kg)",
        required=False,
        max_digits=4,
        decimal_places=1,
        min_value=validation.MIN_BODY_WEIGHT_KG,
        max_value=validation.MAX_BODY_WEIGHT_KG,
        help_text="Optional. Only you see it.",
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
        error_messages={
            "min_value": "Enter a body weight from 20 to 300 kg, or leave it empty.",
            "max_value": "Enter a body weight from 20 to 300 kg, or leave it empty.",
        },
    )

    class Meta:
        model = RunnerSettings
        fields = ["distance_unit", "temperature_unit", "time_zone", "body_weight_kg"]
        labels = {"distance_unit": "Distances in", "temperature_unit": "Temperatures in"}
        widgets = {"distance_unit": forms.RadioSelect, "temperature_unit": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["distance_unit"].choices = DistanceUnit.choices
        self.fields["temperature_unit"].choices = TemperatureUnit.choices
        saved = self.instance.time_zone if self.instance else ""
        if saved and not time_zones.is_listed(saved) and days.is_time_zone(saved):
            # An old alias the runner already has (e.g. US/Eastern) stays theirs to keep.
            self.fields["time_zone"].choices = functools.partial(time_zones.choices, extra=saved)

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"]
        if not days.is_time_zone(name):
            raise ValidationError("Choose a time zone from the list.", code="invalid_choice")
        return name

"""The sign-up form's additions (ACCOUNT_SIGNUP_FORM_CLASS) and the delete-account form.

allauth's own forms module imports this one (the sign-up form class), so it must not import
allauth's forms back: the password-change override lives in `password_forms.py`.
"""

from allauth.core import context as allauth_context
from django import forms

from helplines.detect import language_region
from runlog import days, time_zones
from runlog.models import RunnerSettings

from .adapter import password_is_right


def _time_zone_choices() -> list:

    return time_zones.choices()


def _first_time_zone(request) -> str:
    """The zone to offer first: the browser's (the `tz` cookie static/js/timezone.js sets),
    else the usual one of the country of the browser's language (en-GB -> Europe/London),
    else UTC. With JavaScript, static/js/timezone.js then picks the browser's zone itself."""

    if request is None:
        return time_zones.UTC_NAME
    return time_zones.guess(
        browser_zone=request.COOKIES.get("tz"),
        country=language_region(request.headers.get("Accept-Language", "")),
    )


class ZoneSelect(forms.Select):
    """A <select> that allauth/includes/field.html renders whole (it only lays out inputs)."""

    input_type = ""


class RunnerSignupForm(forms.Form):
    """allauth's sign-up, plus the runner's time zone: a list (it works without JavaScript),
    set first from the browser's zone or language."""

    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=_time_zone_choices,
        required=False,  # a sign-up without the field (a script) gets UTC
        help_text="Dates in your log use it. You can change it later in your settings.",
        widget=ZoneSelect(attrs={"data-zone-search": ""}),
        error_messages={"invalid_choice": "Choose your time zone from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("time_zone", _first_time_zone(allauth_context.request))
            # static/js/timezone.js may choose the browser's zone: never over the runner's.
            self.fields["time_zone"].widget.attrs["data-zone-guess"] = ""

    def clean_time_zone(self):

        name = self.cleaned_data.get("time_zone") or "UTC"
        if not days.is_time_zone(name):
            raise forms.ValidationError("Choose your time zone from the list.", code="invalid")
        return name

    def signup(self, request, user):

        RunnerSettings.objects.update_or_create(
            user=user, defaults={"time_zone": self.cleaned_data.get("time_zone") or "UTC"}
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password, to confirm", widget=forms.PasswordInput, strip=False
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        # Counted against the sign-in limit: past it, a 429 like the sign-in page's.
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise forms.ValidationError("That is not your password.")
        return password

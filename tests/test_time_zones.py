"""Time zones: a short list by region, common ones first (runlog/time_zones.py), on the
settings page and on sign-up, which works without JavaScript."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from runlog import days, time_zones
from runlog.forms import SettingsForm, time_zone_choices
from runlog.models import RunnerSettings
from tests.test_runlog_factories import make_settings

PASSWORD = "a-long-running-passphrase"


def flat(choices):
    return [value for _, options in choices for value, _ in options]


def options(html: str) -> list[str]:
    return re.findall(r'<option value="([^"]+)"', html)


def selected(html: str, name: str = "time_zone") -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]+)"[^>]*\sselected', select)


# The list.


def test_the_list_holds_only_current_area_city_zones_and_utc_once():
    names = flat(time_zone_choices())
    assert len(names) == len(set(names))
    assert names.count("Europe/London") == 1 and names.count("UTC") == 1
    for gone in ("Factory", "localtime", "posixrules", "GB", "US/Eastern", "Cuba", "Eire"):
        assert gone not in names
    assert not [name for name in names if name.startswith("Etc/")]
    assert all(name == "UTC" or "/" in name for name in names)
    assert all(days.is_time_zone(name) for name in names)
    assert 300 < len(names) < len(days.available_time_zones())


def test_common_zones_come_first_then_regions():
    groups = [title for title, _ in time_zone_choices()]
    assert groups[0] == "Common"
    for region in ("Europe", "Americas", "Africa", "Asia", "Australia & Pacific"):
        assert region in groups
    common = flat(time_zone_choices()[:1])
    assert common[0] == "Europe/London" and "America/New_York" in common and "UTC" in common


def test_labels_are_readable_with_the_offset_now():
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC)
    summer = datetime(2026, 7, 15, 12, tzinfo=UTC)
    labels = dict(option for _, group in time_zones.choices(winter) for option in group)
    assert labels["Europe/London"] == "London (UTC+00:00)"
    assert labels["America/New_York"] == "New York (UTC-05:00)"
    assert labels["Asia/Kolkata"] == "Kolkata (UTC+05:30)"
    assert labels["UTC"] == "UTC"
    assert labels["America/Argentina/Buenos_Aires"].startswith("Buenos Aires, Argentina")
    labels = dict(option for _, group in time_zones.choices(summer) for option in group)
    assert labels["Europe/London"] == "London (UTC+01:00)"


def test_a_first_guess_from_the_browser_or_the_country():
    assert time_zones.guess(browser_zone="Asia/Calcutta") == "Asia/Kolkata"
    assert time_zones.guess(browser_zone="Factory", country="gb") == "Europe/London"
    assert time_zones.guess(country="US") == "America/New_York"
    assert time_zones.guess(country="ZZ") == "UTC"
    assert time_zones.guess() == "UTC"


# The settings page.


@pytest.mark.django_db
def test_a_saved_alias_stays_selectable_and_selected(runner):
    prefs = make_settings(runner, time_zone="US/Eastern")
    form = SettingsForm(instance=prefs)
    html = str(form["time_zone"])
    assert options(html).count("US/Eastern") == 1
    assert selected(html) == ["US/Eastern"]
    data = {"distance_unit": "km", "temperature_unit": "C", "time_zone": "US/Eastern"}
    assert SettingsForm(data, instance=prefs).is_valid()
    other = make_settings(runner, time_zone="Europe/London")
    assert "US/Eastern" not in options(str(SettingsForm(instance=other)["time_zone"]))


@pytest.mark.django_db
def test_the_settings_page_saves_a_chosen_zone(runner_client, runner):
    url = reverse("runlog:settings")
    page = runner_client.get(url).text
    assert "zone_search.js" in page and "data-zone-search" in page
    assert '<optgroup label="Common">' in page
    data = {"distance_unit": "km", "temperature_unit": "C", "time_zone": "Pacific/Auckland"}
    response = runner_client.post(url, data)
    assert response.status_code == 302
    assert RunnerSettings.objects.get(user=runner).time_zone == "Pacific/Auckland"
    assert selected(runner_client.get(url).text) == ["Pacific/Auckland"]


@pytest.mark.django_db
def test_the_settings_page_refuses_factory_with_a_message(runner_client, runner):
    url = reverse("runlog:settings")
    runner_client.get(url)  # the settings row exists from here on
    for bogus in ("Factory", "localtime", "Mars/Olympus_Mons"):
        data = {"distance_unit": "km", "temperature_unit": "C", "time_zone": bogus}
        response = runner_client.post(url, data)
        assert response.status_code == 422
        assert "Choose a time zone from the list." in response.text
    assert RunnerSettings.objects.get(user=runner).time_zone == "UTC"


# Sign-up, without JavaScript.


def sign_up(client, **data):
    fields = {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("account_signup"), fields | data)


@pytest.mark.django_db
def test_sign_up_shows_a_time_zone_list_with_utc_first_by_default(client):
    page = client.get(reverse("account_signup")).text
    assert '<label for="id_time_zone">Your time zone</label>' in page
    assert 'type="hidden" name="time_zone"' not in page
    assert '<optgroup label="Common">' in page and options(page).count("Europe/London") == 1
    assert selected(page) == ["UTC"]
    assert "data-zone-guess" in page and "zone_search.js" in page


@pytest.mark.django_db
def test_sign_up_offers_the_browsers_zone_else_its_languages_country(client):
    page = client.get(reverse("account_signup"), headers={"accept-language": "en-GB,en;q=0.8"})
    assert selected(page.text) == ["Europe/London"]
    client.cookies["tz"] = "Asia/Calcutta"  # set by static/js/timezone.js on an earlier page
    page = client.get(reverse("account_signup"), headers={"accept-language": "en-GB"})
    assert selected(page.text) == ["Asia/Kolkata"]


@pytest.mark.django_db
def test_sign_up_without_javascript_saves_the_chosen_zone(client):
    response = sign_up(client, time_zone="America/Chicago")
    assert response.status_code == 302
    assert RunnerSettings.objects.get().time_zone == "America/Chicago"


@pytest.mark.django_db
def test_sign_up_with_a_bogus_zone_says_so_and_keeps_the_choice_the_runners(client):
    response = sign_up(client, time_zone="Factory", password2="different")
    assert response.status_code != 302
    assert "Choose your time zone from the list." in response.text
    assert "data-zone-guess" not in response.text  # the browser's guess never overrides it
    assert not RunnerSettings.objects.exists()

"""Emergency and health-line numbers for the runner's country (helplines/).

The defaults are checked against the `phonenumbers` package's short-number data; detection is
plain functions; the call links and the picker are rendered directly from their templates.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import DataError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from phonenumbers import is_valid_number_for_region, parse, shortnumberinfo

from assessments.editors import EDITORS_GROUP
from helplines import config, detect, services
from helplines.defaults import COUNTRIES, EEA_NOT_EU, EU
from helplines.models import Country, tel
from tests.clients import BrowserClient

DEFAULTS = {item.code: item for item in COUNTRIES}
KNOWN = set(DEFAULTS)


@pytest.fixture(autouse=True)
def fresh_countries():
    """Tests roll the database back; this process's list of countries must not outlive them."""
    services.forget_countries()
    yield
    services.forget_countries()


def make_request(rf, *, language="", tz=None, chosen=None, user=None):
    headers = {"Accept-Language": language} if language else {}
    request = rf.get("/assessment/", headers=headers)
    if tz is not None:
        request.COOKIES[services.TIME_ZONE_COOKIE] = tz
    request.session = SessionStore()  # signed cookies: no database
    if chosen is not None:
        request.session[services.SESSION_KEY] = chosen
    request.user = user or AnonymousUser()
    return request


# The defaults.


def test_the_defaults_cover_the_uk_ireland_the_eu_the_eea_and_north_america_and_oceania():
    assert len(EU) == 27 and len(EEA_NOT_EU) == 3 and len(set(EU) | set(EEA_NOT_EU)) == 30
    expected = {"GB", "IE", *EU, *EEA_NOT_EU, "US", "CA", "AU", "NZ"}
    assert expected <= KNOWN
    assert len(COUNTRIES) == len(KNOWN), "one row per country"


@pytest.mark.parametrize("item", COUNTRIES, ids=lambda item: item.code)
def test_each_default_emergency_number_is_an_emergency_number_there(item):
    assert shortnumberinfo.is_emergency_number(tel(item.emergency_number), item.code)


@pytest.mark.parametrize(
    "item", [item for item in COUNTRIES if item.mobile_112], ids=lambda item: item.code
)
def test_112_is_offered_only_where_it_is_an_emergency_number(item):
    assert shortnumberinfo.is_emergency_number("112", item.code)


@pytest.mark.parametrize(
    "item", [item for item in COUNTRIES if item.health_line_number], ids=lambda item: item.code
)
def test_each_default_health_line_is_a_real_number_and_not_an_emergency_one(item):
    number = parse(tel(item.health_line_number), item.code)
    assert shortnumberinfo.is_valid_short_number_for_region(
        number, item.code
    ) or is_valid_number_for_region(number, item.code)
    assert not shortnumberinfo.is_emergency_number(tel(item.health_line_number), item.code)


def test_the_eu_and_eea_use_112_unless_their_own_medical_number_is_certain():
    own = {"FR": "15", "AT": "144", "NO": "113"}  # SAMU, Rettung, medisinsk nødhjelp
    for code in (*EU, *EEA_NOT_EU):
        if code == "IE":
            continue  # 999 and 112 both; 112 offered beside it
        assert DEFAULTS[code].emergency_number == own.get(code, "112"), code
        assert DEFAULTS[code].mobile_112, code
    assert DEFAULTS["GB"].emergency_number == "999" and DEFAULTS["GB"].health_line_number == "111"
    assert DEFAULTS["US"].emergency_number == "911" and not DEFAULTS["US"].health_line_number
    assert DEFAULTS["AU"].emergency_number == "000"
    assert DEFAULTS["NZ"].emergency_number == "111"


@pytest.mark.parametrize("item", COUNTRIES, ids=lambda item: item.code)
def test_each_default_passes_the_admins_validation(item):
    Country(**item._asdict()).full_clean(validate_unique=False, validate_constraints=False)


@pytest.mark.django_db
def test_the_migration_installs_the_defaults_with_a_first_history_row():
    assert Country.objects.count() == len(COUNTRIES)
    uk = Country.objects.get(code="GB")
    assert (uk.name, uk.emergency_number, uk.health_line_name) == (
        "United Kingdom", "999", "NHS 111",
    )  # fmt: skip
    assert uk.history.count() == 1
    assert uk.history.get().history_type == "+"


@pytest.mark.django_db
def test_editors_may_view_and_change_countries_but_not_add_or_delete_them():
    codenames = set(
        Group.objects.get(name=EDITORS_GROUP)
        .permissions.filter(content_type__app_label="helplines")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_country", "change_country"}
    assert Permission.objects.filter(codename="add_country").exists()


# The model refuses what would break a call link.


@pytest.mark.parametrize(
    ("field", "value"),
    [("code", "gb"), ("code", "G1"), ("code", "GBR"), ("emergency_number", "")],
)
@pytest.mark.django_db
def test_the_database_refuses_malformed_codes_and_a_missing_emergency_number(field, value):
    values = {"code": "ZZ", "name": "Nowhere", "emergency_number": "112", field: value}
    # PostgreSQL refuses a third character by the column's length, SQLite by the check.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        Country.objects.create(**values)


@pytest.mark.parametrize(
    ("field", "value"),
    [("emergency_number", "+44 999"), ("emergency_number", "9-9-9"), ("code", "gb"),
     ("health_line_number", "111 "), ("emergency_number", "")],
)  # fmt: skip
def test_validation_explains_phone_numbers_and_codes(field, value):
    values = {"code": "ZZ", "name": "Nowhere", "emergency_number": "112", field: value}
    with pytest.raises(ValidationError) as raised:
        Country(**values).full_clean(validate_unique=False, validate_constraints=False)
    assert field in raised.value.message_dict


def test_a_health_line_needs_its_name_and_number_together():
    country = Country(code="ZZ", name="Nowhere", emergency_number="112", health_line_number="1")
    with pytest.raises(ValidationError, match="together"):
        country.full_clean(validate_unique=False, validate_constraints=False)


# Detection: plain inputs, plain outputs.


def detected(**overrides):
    inputs = {
        "chosen": None,
        "settings_country": None,
        "accept_language": "",
        "time_zone": None,
        "known": KNOWN,
    }
    return detect.country_code(**{**inputs, **overrides})


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-US,en;q=0.9", "US"),
        ("en-GB", "GB"),
        ("en-gb", "GB"),
        ("en_UK", "GB"),
        ("de-AT, de;q=0.9", "AT"),
        ("zh-Hant-TW", "TW"),
        ("de;q=0.8, en-IE;q=0.9", "IE"),  # the most preferred, whatever the order
        ("en, en-US;q=0.8", None),  # the first choice is a bare language
        ("en", None),
        ("de", None),
        ("es-419", None),
        ("*", None),
        ("", None),
        ("en-US;q=oops", "US"),
        ("x" * 10_000, None),
    ],
)
def test_the_browser_language_region(header, expected):
    assert detect.language_region(header) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("America/New_York", "US"),
        ("America/Toronto", "CA"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Europe/Oslo", "NO"),
        ("Europe/Vaduz", "LI"),
        ("US/Eastern", "US"),  # an old name, linked to America/New_York
        ("UTC", None),
        ("Etc/GMT+1", None),
        ("Nowhere/Special", None),
        ("../../etc/passwd", None),
        ("", None),
        (None, None),
    ],
)
def test_the_time_zone_country(zone, expected):
    assert detect.country_for_time_zone(zone) == expected


def test_the_runners_choice_comes_first_then_settings_then_time_zone_then_language():
    everything = {
        "chosen": "NZ",
        "settings_country": "AU",
        "accept_language": "en-US",
        "time_zone": "Europe/London",
    }
    assert detected(**everything) == "NZ"
    assert detected(**{**everything, "chosen": None}) == "AU"
    # An en-US browser on a phone in London: the phone's time zone says where it is.
    assert detected(**{**everything, "chosen": None, "settings_country": None}) == "GB"
    assert detected(accept_language="en-US", time_zone=None) == "US"
    assert detected(accept_language="en-US", time_zone="Etc/UTC") == "US"


def test_another_country_chosen_stops_detection():
    assert detected(chosen=detect.OTHER, accept_language="en-GB") is None


def test_uk_is_gb_and_unknown_codes_fall_through():
    assert detected(chosen="uk") == "GB"
    assert detected(chosen="CH", accept_language="en-IE") == "IE"  # no numbers for CH yet
    assert detected(accept_language="fr-CH") is None
    assert detected(chosen="<script>") is None


# The template context.


@pytest.mark.django_db
def test_unknown_country_shows_112_or_your_local_number(rf):
    help = services.helplines_for(make_request(rf))
    assert help["unknown"] and help["country"] is None
    assert (help["emergency_number"], help["emergency_tel"]) == ("112", "112")
    assert help["health_line"] is None and help["other_numbers"] == []
    assert [c.name for c in help["countries"]] == sorted(c.name for c in help["countries"])
    assert [c.code for c in help["quick"]] == ["GB", "IE", "US", "CA", "AU", "NZ"]


@pytest.mark.django_db
def test_a_uk_browser_gets_999_nhs_111_and_112_from_mobiles(rf):
    help = services.helplines_for(make_request(rf, language="en-GB,en;q=0.9"))
    assert not help["unknown"] and help["code"] == "GB" and help["name"] == "United Kingdom"
    assert help["emergency_number"] == "999"
    assert (help["health_line"].name, help["health_line"].tel) == ("NHS 111", "111")
    assert [(n.number, n.label) for n in help["other_numbers"]] == [("112", "from a mobile")]


@pytest.mark.django_db
def test_numbers_with_spaces_are_dialled_as_digits(rf):
    help = services.helplines_for(make_request(rf, chosen="AU"))
    assert help["emergency_number"] == "000"
    assert (help["health_line"].number, help["health_line"].tel) == ("1800 022 222", "1800022222")


@pytest.mark.django_db
def test_the_browser_time_zone_cookie_is_read_encoded_or_not(rf):
    if not detect.zone_countries():
        raise AssertionError("no tz database: tzdata is a dependency")
    assert help_for(rf, language="de", tz="Europe/Berlin")["code"] == "DE"
    assert help_for(rf, language="de", tz="Europe%2FVienna")["code"] == "AT"
    assert help_for(rf, language="de", tz="UTC")["unknown"]


@pytest.mark.django_db
def test_the_session_choice_beats_the_browser(rf):
    help = services.helplines_for(make_request(rf, language="en-GB", chosen="US"))
    assert help["emergency_number"] == "911" and help["other_numbers"] == []
    other = services.helplines_for(make_request(rf, language="en-GB", chosen=""))
    assert other["unknown"] and other["emergency_number"] == "112"


@pytest.mark.django_db
def test_a_signed_in_runners_saved_time_zone_is_used(rf, runner):
    from tests.test_runlog_factories import make_settings

    make_settings(runner, time_zone="Pacific/Auckland")
    if not detect.zone_countries():
        raise AssertionError("no tz database: tzdata is a dependency")
    help = services.helplines_for(make_request(rf, language="en-US", user=runner))
    assert help["code"] == "NZ" and help["emergency_number"] == "111"
    assert help["health_line"].number == "0800 611 116"


@pytest.mark.django_db
def test_the_default_country_setting_applies_only_when_nothing_is_detected(rf, settings):
    settings.LEGACHE_DEFAULT_COUNTRY = "IE"
    assert services.helplines_for(make_request(rf))["code"] == "IE"
    assert services.helplines_for(make_request(rf, language="en-US"))["code"] == "US"
    assert services.helplines_for(make_request(rf, chosen=""))["unknown"]
    settings.LEGACHE_DEFAULT_COUNTRY = "CH"  # no numbers for it: unknown, not an error
    assert services.helplines_for(make_request(rf))["unknown"]


@pytest.mark.django_db
def test_at_most_two_queries_and_none_once_the_list_is_kept(
    rf, runner, django_assert_max_num_queries, django_assert_num_queries
):
    request = make_request(rf, tz="Europe/London", user=runner)
    with django_assert_max_num_queries(2):
        services.helplines_for(request)
    with django_assert_num_queries(0):
        services.helplines_for(make_request(rf, language="en-GB"))
    with django_assert_num_queries(0):  # a chosen country skips the runner's settings
        services.helplines_for(make_request(rf, chosen="GB", user=runner))


@pytest.mark.django_db
def test_an_editors_correction_shows_at_once_in_this_process(rf):
    request = make_request(rf, chosen="IE")
    before = services.helplines_for(request)
    assert before["emergency_number"] == "999"
    ireland = Country.objects.get(code="IE")
    ireland.emergency_number = "112"
    ireland.save()
    after = services.helplines_for(request)
    assert after["emergency_number"] == "112"
    assert after["key"] != before["key"]  # whole-page cache keys change with it


# The country view.


@pytest.fixture
def warning_path():
    return "/assessment/00000000-0000-0000-0000-000000000000/step/1/warning/"


@pytest.mark.django_db
def test_choosing_a_country_is_remembered_and_goes_back(client, warning_path):
    response = client.post(
        reverse("helplines:choose_country"), {"country": "us", "next": warning_path}
    )
    assert response.status_code == 303
    assert response["Location"] == warning_path
    assert client.session[services.SESSION_KEY] == "US"
    client.post(reverse("helplines:choose_country"), {"country": "", "next": warning_path})
    assert client.session[services.SESSION_KEY] == detect.OTHER


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]
)
@pytest.mark.django_db
def test_the_way_back_stays_on_this_site(client, target):
    response = client.post(reverse("helplines:choose_country"), {"country": "GB", "next": target})
    assert response.status_code == 303 and response["Location"] == "/"


@pytest.mark.django_db
def test_an_unknown_country_is_refused_with_a_clear_message(client):
    response = client.post(
        reverse("helplines:choose_country"), {"country": "<b>XX</b>", "next": "/"}
    )
    assert response.status_code == 400
    assert "We have no numbers for that country" in response.text
    assert "<b>XX" not in response.text and "&lt;b&gt;XX" in response.text
    assert services.SESSION_KEY not in client.session


@pytest.mark.django_db
def test_the_country_view_takes_posts_only_with_a_csrf_token(client):
    url = reverse("helplines:choose_country")
    assert client.get(url).status_code == 405
    strict = BrowserClient(enforce_csrf_checks=True)
    assert strict.post(url, {"country": "GB", "next": "/"}).status_code == 403


# The templates, rendered directly.


def render_links(help, level):
    return render_to_string("includes/call_links.html", {"help": help, "level": level})


def help_for(rf, **kwargs):
    return services.helplines_for(make_request(rf, **kwargs))


@pytest.mark.django_db
def test_an_emergency_has_one_big_button_and_112_folded_beneath(rf):
    page = render_links(help_for(rf, chosen="GB"), "emergency")
    assert page.count("primary-call") == 1
    assert 'class="button call primary-call emergency" href="tel:999">Call 999</a>' in page
    assert "<summary>Other numbers</summary>" in page
    assert page.index("tel:999") < page.index("<details") < page.index('href="tel:112"')
    assert "tel:111" not in page


@pytest.mark.django_db
def test_an_emergency_where_the_country_is_unknown_says_112_or_your_local_number(rf):
    page = render_links(help_for(rf), "emergency")
    assert 'href="tel:112">Call 112</a>' in page
    assert "or your local emergency number" in page
    assert "<details" not in page  # nothing else to offer


@pytest.mark.django_db
def test_an_emergency_in_the_us_offers_911_alone(rf):
    page = render_links(help_for(rf, chosen="US"), "emergency")
    assert 'href="tel:911"' in page and "tel:112" not in page and "<details" not in page
    assert "or your local emergency number" not in page


@pytest.mark.django_db
def test_urgent_leads_with_the_health_line_and_folds_the_emergency_number(rf):
    page = render_links(help_for(rf, chosen="GB"), "urgent")
    assert page.count("primary-call") == 1
    assert 'class="button call primary-call" href="tel:111">Call 111 ' in page
    assert "(NHS 111)" in page and "Free, 24 hours." in page
    details = page[page.index("<details") :]
    assert 'href="tel:999"' in details and 'href="tel:112"' in details
    assert page.index("tel:111") < page.index("<details")


@pytest.mark.parametrize("chosen", ["US", ""])
@pytest.mark.django_db
def test_urgent_without_a_health_line_says_where_to_go_with_no_button(rf, chosen):
    page = render_links(help_for(rf, chosen=chosen), "urgent")
    assert "Go to urgent care or call your doctor today" in page
    assert "primary-call" not in page
    details = page[page.index("<details") :]
    assert f'href="tel:{"911" if chosen else "112"}"' in details


@pytest.mark.django_db
def test_editor_text_is_escaped(rf):
    Country.objects.filter(code="GB").update(
        name="<i>UK</i>", health_line_name="<script>alert(1)</script>", health_line_note="a&b"
    )
    help = help_for(rf, chosen="GB")
    links = render_links(help, "urgent")
    assert "<script>" not in links and "&lt;script&gt;" in links and "a&amp;b" in links
    picker = render_to_string("includes/country_picker.html", {"help": help, "request": None})
    assert "<i>UK</i>" not in picker and "&lt;i&gt;UK&lt;/i&gt;" in picker


@pytest.mark.django_db
def test_the_picker_names_the_country_and_changes_it_in_one_tap(rf):
    request = make_request(rf, language="en-IE")
    page = render_to_string(
        "includes/country_picker.html", {"help": services.helplines_for(request)}, request=request
    )
    assert 'Numbers for: <strong>Ireland</strong> · <span class="change">Change</span>' in page
    assert page.count('action="/help/country/"') == 2
    assert page.count('name="csrfmiddlewaretoken"') == 2
    assert page.count('name="next" value="/assessment/"') == 2
    for code in ("GB", "IE", "US", "CA", "AU", "NZ"):
        assert f'<button type="submit" name="country" value="{code}"' in page
    assert '<label for="helplines-country">' in page and '<select id="helplines-country"' in page
    assert '<option value="IE" selected>Ireland</option>' in page
    assert '<option value="">Another country (112)</option>' in page
    assert ">Use these numbers</button>" in page


@pytest.mark.django_db
def test_the_picker_when_the_country_is_unknown(rf):
    request = make_request(rf)
    page = render_to_string(
        "includes/country_picker.html", {"help": services.helplines_for(request)}, request=request
    )
    assert "Numbers for: <strong>country not known</strong>" in page
    assert '<option value="" selected>Another country (112)</option>' in page


# The browser's time zone reaches the server through a cookie set by a static script.


@pytest.mark.django_db
def test_the_questionnaire_loads_the_time_zone_script_with_the_csp_nonce(client):
    # Before any warning page can need the runner's country: from the questionnaire's start.
    page = client.get(reverse("assessment_start")).text
    assert '<script src="/static/js/timezone.js" defer nonce="' in page
    # Pages that do not use it leave it out: reading the zone is a long task on a phone.
    assert "timezone.js" not in client.get(reverse("about")).text


def test_the_time_zone_script_sets_a_lax_year_long_cookie_without_inline_code():
    from django.conf import settings

    script = (settings.BASE_DIR / "static" / "js" / "timezone.js").read_text()
    assert "Intl.DateTimeFormat().resolvedOptions().timeZone" in script
    for part in ("tz=", "Max-Age=31536000", "Path=/", "SameSite=Lax"):
        assert part in script


# Start-up configuration.


def test_the_retired_settings_fail_at_start_up_pointing_to_the_admin():
    for name in ("LEGACHE_EMERGENCY_NUMBERS", "LEGACHE_HEALTH_LINES"):
        with pytest.raises(ImproperlyConfigured, match="admin's Countries table"):
            config.default_country({name: "999:UK"})
    assert config.default_country({"LEGACHE_EMERGENCY_NUMBERS": ""}) == ""


@pytest.mark.parametrize(
    ("value", "expected"), [("", ""), ("GB", "GB"), ("ie", "IE"), (" uk ", "GB")]
)
def test_the_default_country(value, expected):
    assert config.default_country({"LEGACHE_DEFAULT_COUNTRY": value}) == expected
    assert config.default_country({}) == ""


@pytest.mark.parametrize("value", ["GBR", "G", "12", "United Kingdom", "ß"])
def test_a_malformed_default_country_fails_at_start_up(value):
    with pytest.raises(ImproperlyConfigured, match="two-letter ISO 3166"):
        config.default_country({"LEGACHE_DEFAULT_COUNTRY": value})


# The admin.


@pytest.mark.django_db
def test_an_editor_corrects_a_number_in_the_admin_with_history(editor_client):
    ireland = Country.objects.get(code="IE")
    url = reverse("admin:helplines_country_change", args=[ireland.pk])
    form = {
        "code": "IE", "name": "Ireland", "emergency_number": "112", "mobile_112": "on",
        "health_line_name": "", "health_line_number": "", "health_line_note": "",
    }  # fmt: skip
    assert editor_client.post(url, form).status_code == 302
    ireland.refresh_from_db()
    assert ireland.emergency_number == "112"
    assert ireland.history.count() == 2
    bad = editor_client.post(url, {**form, "emergency_number": "call 112"})
    assert bad.status_code == 200 and "Digits only" in bad.text
    listing = editor_client.get(reverse("admin:helplines_country_changelist"), {"q": "irel"})
    assert "Ireland" in listing.text and "United Kingdom" not in listing.text
    assert editor_client.get(reverse("admin:helplines_country_add")).status_code == 403

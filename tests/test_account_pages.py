"""Account pages that belong to the site, and mail in its words (issue 17).

Every allauth page is in the site's layout, with a sentence-case heading, labelled inputs and no
inline style or script; sign-up and sign-in say what an account keeps. A runner is named by
their email address, never by the username allauth makes up for them: not in messages, pages
or mail. Mail is signed "legache", links point at LEGACHE_SITE_URL, never at the request's
Host. And `createsuperuser` makes an admin who can sign in on the sign-in page.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-running-passphrase"
NEW_PASSWORD = "another-long-passphrase"
SITE = "https://legache.example"
EMAIL = "pat@example.com"


@pytest.fixture(autouse=True)
def configured_site(settings):
    settings.LEGACHE_SITE_URL = SITE


@pytest.fixture
def pat(django_user_model):
    """A runner whose username is nowhere in their email address (as allauth's made-up
    usernames often are not: "runner1")."""
    user = django_user_model.objects.create_user("quietfox7", EMAIL, PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


@pytest.fixture
def pat_client(pat):
    client = BrowserClient()
    client.force_login(pat)
    return client


def sign_up(client, email=EMAIL):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "time_zone": "UTC"}
    return client.post(reverse("account_signup"), data)


def sign_in(client, email=EMAIL, password=PASSWORD, follow=False, **data):
    data = {"login": email, "password": password, **data}
    return client.post(reverse("account_login"), data, follow=follow)


def links_in(message):
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def link_to(message, path_part):
    [link] = [link for link in links_in(message) if path_part in link]
    return link


def mail_to(email):
    return [m for m in mail.outbox if email in m.to]


# The site's layout, sentence case, no inline style or script.


def heading(page) -> str:
    [h1] = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", h1).split())


def assert_site_page(response, expected_heading):
    assert response.status_code == 200, response.status_code
    page = response.text
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert "Not medical advice" in page
    text = heading(page)
    assert text == expected_heading
    assert text[0].isupper() and text[1:] == text[1:].lower(), text  # sentence case
    for title_case in ("Sign Up", "Sign In", "Sign Out", "Password Reset", "Change Password"):
        assert title_case not in page, title_case
    assert not re.search(r"\sstyle\s*=", page), "an inline style (the CSP refuses it)"
    for script in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in script, script  # no inline script either
    for field in re.findall(r'<input\b[^>]*type="(?:email|password|text)"[^>]*>', page):
        field_id = re.search(r'id="([^"]+)"', field).group(1)
        assert f'<label for="{field_id}">' in page, field  # every input has its label
        assert "placeholder" not in field
    return page


WHAT_WE_KEEP = ("your email address", "run log and check-ins", "questionnaire results",
                "never sell", "download or delete")  # fmt: skip


def assert_says_what_is_kept(page):
    line = re.search(r'<p class="what-we-keep">(.*?)</p>', page, re.S).group(1)
    line = " ".join(line.split())
    for words in WHAT_WE_KEEP:
        assert words in line, words
    assert f'href="{reverse("assessment_start")}"' in line and "needs no account" in line


def test_sign_up_page(client):
    page = assert_site_page(client.get(reverse("account_signup")), "Sign up")
    assert_says_what_is_kept(page)
    assert 'autocomplete="new-password"' in page and 'type="email"' in page
    assert 'aria-describedby="id_password1_helptext"' in page


def test_sign_in_page(client):
    page = assert_site_page(client.get(reverse("account_login")), "Sign in")
    assert_says_what_is_kept(page)
    assert 'autocomplete="current-password"' in page
    assert f'href="{reverse("account_reset_password")}"' in page


def test_a_failed_sign_in_says_so_in_the_page(client, pat):
    page = assert_site_page(sign_in(client, password="not-it"), "Sign in")
    assert 'class="message error form-errors" role="alert"' in page
    assert f'value="{EMAIL}"' in page  # the address stays; the password does not
    assert "not-it" not in page


def test_sign_up_errors_are_tied_to_their_fields(client):
    data = {"email": "new@example.com", "password1": PASSWORD, "password2": "different"}
    page = client.post(reverse("account_signup"), data).text
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_password2_helptext id_password2_errors"' in page


def test_password_reset_pages(client, pat):
    assert_site_page(client.get(reverse("account_reset_password")), "Reset your password")
    response = client.post(reverse("account_reset_password"), {"email": EMAIL})
    assert_site_page(client.get(response["Location"]), "Check your email")
    link = link_to(mail_to(EMAIL)[-1], "/accounts/password/reset/key/")
    form = client.get(urlsplit(link).path, follow=True)
    assert_site_page(form, "Choose a new password")
    change = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    done = client.post(form.redirect_chain[-1][0], change, follow=True)
    assert_site_page(done, "Your password is changed")
    pat.refresh_from_db()
    assert pat.check_password(NEW_PASSWORD)
    # A used link says so, in the site's words.
    again = client.get(urlsplit(link).path, follow=True)
    assert_site_page(again, "This link no longer works")


def test_verification_pages(client):
    response = sign_up(client, "new@example.com")
    assert_site_page(client.get(response["Location"]), "Check your email")
    link = link_to(mail_to("new@example.com")[-1], "/accounts/confirm-email/")
    page = assert_site_page(client.get(urlsplit(link).path), "Confirm your email address")
    assert "new@example.com" in page
    stale = client.get(reverse("account_confirm_email", args=["not-a-key"]))
    assert "no longer works" in assert_site_page(stale, "Confirm your email address")


def test_signed_in_account_pages(pat_client):
    assert_site_page(pat_client.get(reverse("account_logout")), "Sign out")
    assert_site_page(pat_client.get(reverse("account_change_password")), "Change your password")
    page = assert_site_page(pat_client.get(reverse("account_email")), "Your email addresses")
    assert EMAIL in page and "main address" in page
    assert_site_page(pat_client.get(reverse("account_reauthenticate")), "Confirm it is you")


def test_set_password_page(client, pat):
    pat.set_unusable_password()
    pat.save()
    client.force_login(pat)
    assert_site_page(client.get(reverse("account_set_password")), "Set a password")


def test_the_reset_page_when_signed_in_names_the_email(pat_client, pat):
    page = assert_site_page(
        pat_client.get(reverse("account_reset_password")), "Reset your password"
    )
    assert f"signed in as {EMAIL}" in page
    assert not re.search(rf"\b{pat.username}\b", page)


def test_an_inactive_account(client, pat):
    pat.is_active = False
    pat.save()
    response = sign_in(client, follow=True)
    assert_site_page(response, "This account is switched off")


def test_closed_sign_up(client, monkeypatch):
    from accounts.adapter import AccountAdapter

    monkeypatch.setattr(AccountAdapter, "is_open_for_signup", lambda self, request: False)
    assert_site_page(client.get(reverse("account_signup")), "Sign-up is closed")


# Named by email, never by a made-up username.


def visible_username(username, page) -> bool:
    return re.search(rf"\b{re.escape(username)}\b", page) is not None


def test_after_sign_up_and_sign_in_the_runner_is_greeted_by_email(client, django_user_model):
    django_user_model.objects.create_user("sam", "someone-else@example.com", PASSWORD)
    email = "sam@example.com"
    sign_up(client, email)
    user = get_user_model().objects.get(email=email)
    assert user.username and user.username not in email  # allauth made one up: "sam1" or so
    confirmed = client.post(urlsplit(link_to(mail_to(email)[-1], "/confirm-email/")).path,
                            follow=True)  # fmt: skip
    assert f"Signed in as {email}." in confirmed.text
    seen = [confirmed.text]
    for name in ("home", "runlog:home", "account_email", "account_change_password"):
        seen.append(client.get(reverse(name)).text)
    # Pages are cached whole (a shared result under its runner), so the header names nobody:
    # the address shows in the message after signing in, and on the account's own pages.
    assert email not in seen[1]
    client.post(reverse("account_logout"))
    signed_in = sign_in(client, email, follow=True)
    assert f"Signed in as {email}." in signed_in.text
    seen.append(signed_in.text)
    for page in seen:
        assert not visible_username(user.username, page)
    for message in mail_to(email):
        assert not visible_username(user.username, message.body)


# Mail in the site's words.


def assert_legache_mail(message, username):
    body = message.body
    assert message.subject.startswith("[legache] ")
    assert body.rstrip().endswith(f"-- \nlegache\n{SITE}/"), body
    assert "testserver" not in body and "Hello from" not in body
    assert not visible_username(username, body) and not visible_username(username, message.subject)
    links = links_in(message)
    assert links, body
    assert all(link.startswith(f"{SITE}/") for link in links), links


def test_the_verification_mail(client, django_user_model):
    sign_up(client, "new@example.com")
    [message] = mail.outbox
    assert_legache_mail(message, django_user_model.objects.get(email="new@example.com").username)
    assert message.subject == "[legache] Confirm your email address"
    assert link_to(message, "/accounts/confirm-email/")


def test_the_reset_mail(client, pat):
    client.post(reverse("account_reset_password"), {"email": EMAIL})
    [message] = mail.outbox
    assert_legache_mail(message, pat.username)
    assert message.subject == "[legache] Reset your password"
    assert link_to(message, "/accounts/password/reset/key/")


def test_the_someone_tried_to_sign_up_mail(client, pat):
    sign_up(client, EMAIL)
    [message] = mail.outbox
    assert_legache_mail(message, pat.username)
    assert message.subject == "[legache] Someone tried to sign up with your address"
    assert "already have an account" in message.body
    assert link_to(message, reverse("account_reset_password"))
    assert "/accounts/confirm-email/" not in message.body


def test_the_unknown_address_mail(client, pat):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    [message] = mail.outbox
    assert_legache_mail(message, pat.username)
    assert link_to(message, reverse("account_signup"))


def test_the_password_changed_mail(pat_client, pat):
    change = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = pat_client.post(reverse("account_change_password"), change, follow=True)
    assert "Your password is changed." in response.text
    [message] = mail.outbox
    assert_legache_mail(message, pat.username)
    assert message.subject == "[legache] Your password was changed"
    assert link_to(message, reverse("account_reset_password"))


def test_mail_ignores_the_requests_host(settings, pat):
    settings.ALLOWED_HOSTS = ["*"]
    BrowserClient().post(
        reverse("account_reset_password"), {"email": EMAIL}, HTTP_HOST="evil.example:666"
    )
    [message] = mail.outbox
    assert_legache_mail(message, pat.username)
    assert "evil.example" not in message.body


# The first admin.


@pytest.fixture
def superuser_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    monkeypatch.delenv("DJANGO_SUPERUSER_EMAIL", raising=False)


def test_createsuperuser_makes_an_admin_who_signs_in_on_the_sign_in_page(superuser_password):
    call_command("createsuperuser", interactive=False, username="boss",
                 email="boss@example.com", stdout=io.StringIO())  # fmt: skip
    assert EmailAddress.objects.get(email="boss@example.com").verified
    client = BrowserClient()
    to_sign_in = client.get("/admin/", follow=True)
    assert to_sign_in.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert_site_page(to_sign_in, "Sign in")
    signed_in = sign_in(client, "boss@example.com", next="/admin/")
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("email", [None, "", "  "])
def test_createsuperuser_refuses_without_an_email(superuser_password, email):
    options = {} if email is None else {"email": email}
    with pytest.raises(CommandError, match="email address is needed"):
        call_command("createsuperuser", interactive=False, username="boss", **options)
    assert not get_user_model().objects.filter(username="boss").exists()


def test_createsuperuser_refuses_an_address_in_use(superuser_password, pat):
    with pytest.raises(CommandError, match="already uses"):
        call_command("createsuperuser", interactive=False, username="boss", email=EMAIL.upper())
    assert not get_user_model().objects.filter(username="boss").exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_createsuperuser_asks_again_for_a_blank_email(monkeypatch):
    answers = iter(["boss", "", "boss@example.com"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt="Password: ": PASSWORD)
    errors = io.StringIO()
    call_command("createsuperuser", stdin=Terminal(), stdout=io.StringIO(), stderr=errors)
    assert "email address is needed" in errors.getvalue()
    boss = get_user_model().objects.get(username="boss")
    assert boss.is_superuser and boss.email == "boss@example.com"
    assert EmailAddress.objects.get(user=boss).verified

"""Runner accounts: sign up and in by email, keep what the questionnaire saved, take all your
data away, and delete it all."""

import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment
from runlog.models import Run, RunnerSettings, SorenessEntry
from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-running-passphrase"


def sign_up_only(client, email="runner@example.com", time_zone="Europe/Madrid"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "time_zone": time_zone},
    )


def confirm_from_mail(client, email="runner@example.com"):
    """Follow the verification link of the newest mail to `email` (verification is mandatory,
    so that sign-up does not tell who has an account); confirming signs the runner in."""
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    return client.post(urlsplit(link).path)


def sign_up(client, email="runner@example.com", time_zone="Europe/Madrid"):
    """Sign up and confirm the address from the mail, as a runner does."""
    response = sign_up_only(client, email, time_zone)
    confirm_from_mail(client, email)
    return response


def sign_in(client, email="runner@example.com", password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def start_and_answer_step_1(client):
    client.post(reverse("assessment_new"))
    assessment = Assessment.objects.latest("created_at")
    client.post(reverse("assessment_step", args=[assessment.pk, 1]), {"q-red_flags": ["none"]})
    return assessment


def test_sign_up_by_email_takes_the_browsers_time_zone_and_sends_a_verification_mail(client):
    response = sign_up_only(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = apps.get_model("auth", "User").objects.get(email="runner@example.com")
    assert RunnerSettings.objects.get(user=user).time_zone == "Europe/Madrid"
    assert "_auth_user_id" not in client.session  # verification is mandatory
    assert len(mail.outbox) == 1
    assert "runner@example.com" in mail.outbox[0].to
    confirmed = confirm_from_mail(client)
    assert confirmed.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)  # the link signs the runner in


def test_an_unknown_time_zone_is_refused_with_a_message(client):
    response = sign_up_only(client, time_zone="Mars/Olympus_Mons")
    assert response.status_code != 302
    assert "Choose your time zone from the list." in response.text
    assert not RunnerSettings.objects.exists()


def test_mandatory_verification_holds_sign_in_until_the_address_is_confirmed(client):
    sign_up_only(client)
    assert "_auth_user_id" not in client.session
    assert sign_in(BrowserClient()).headers["Location"] == reverse(
        "account_email_verification_sent"
    )


def test_the_questionnaire_answered_before_sign_up_joins_the_account(client):
    unfinished = start_and_answer_step_1(client)
    sign_up(client)
    unfinished.refresh_from_db()
    assert unfinished.user is not None and unfinished.user.email == "runner@example.com"
    page = client.get(reverse("assessment_step", args=[unfinished.pk, 2]))
    assert page.status_code == 200


def test_a_finished_result_joins_the_account_on_sign_in(client):
    sign_up(BrowserClient())
    finished = start_and_answer_step_1(client)
    client.post(reverse("assessment_finish", args=[finished.pk]))
    assert sign_in(client).status_code == 302
    finished.refresh_from_db()
    assert finished.user.email == "runner@example.com"
    assert client.get(finished.get_absolute_url()).status_code == 200
    # And from another browser, once signed in too.
    elsewhere = BrowserClient()
    sign_in(elsewhere)
    assert elsewhere.get(finished.get_absolute_url()).status_code == 200


def test_another_sessions_assessments_are_not_claimed(client):
    someone_else = BrowserClient()
    theirs = start_and_answer_step_1(someone_else)
    sign_up(client)
    theirs.refresh_from_db()
    assert theirs.user is None


def test_sign_out_is_a_post(client):
    sign_up(client)
    assert client.get(reverse("account_logout")).status_code == 200  # a confirmation page
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_a_password_reset_sends_a_mail(client):
    sign_up(BrowserClient())
    mail.outbox.clear()
    response = client.post(reverse("account_reset_password"), {"email": "runner@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "password" in mail.outbox[0].subject.lower()


def test_the_header_offers_sign_in_or_the_runners_menu(client):
    page = client.get("/").text
    assert reverse("account_login") in page and reverse("account_signup") in page
    sign_up(client)
    page = client.get("/").text
    assert "My account" in page and reverse("account_login") not in page
    assert "Log today&#x27;s run" in page or "Log today's run" in page


@pytest.fixture
def runner_with_data(client):
    sign_up(client)
    user = apps.get_model("auth", "User").objects.get(email="runner@example.com")
    run = Run.objects.create(
        owner=user, start=timezone.now() - timedelta(days=1), distance_m=10_000, duration_s=3_000
    )
    SorenessEntry.objects.create(owner=user, recorded_at=timezone.now(), run=run, soreness=4)
    finished = start_and_answer_step_1(client)
    client.post(reverse("assessment_finish", args=[finished.pk]))
    return user


def test_export_everything_as_json(client, runner_with_data):
    other = BrowserClient()
    sign_up(other, email="other@example.com")
    response = client.get(reverse("account_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == "runner@example.com"
    assert len(data["runs"]) == 1 and data["runs"][0]["distance_m"] == 10_000
    assert len(data["soreness_entries"]) == 1
    assert len(data["assessments"]) == 1
    assert data["assessments"][0]["result"]["triage"]["level"] == "self_care"
    assert "other@example.com" not in response.text


def test_export_needs_a_signed_in_runner(client):
    response = client.get(reverse("account_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_deleting_the_account_needs_the_password_and_then_leaves_nothing(client, runner_with_data):
    url = reverse("account_delete")
    assert client.get(url).status_code == 200
    wrong = client.post(url, {"password": "not-it"})
    assert wrong.status_code == 422
    assert Run.objects.filter(owner=runner_with_data).exists()

    response = client.post(url, {"password": PASSWORD})
    assert response["Location"] == reverse("account_deleted")
    assert "_auth_user_id" not in client.session
    user_model = apps.get_model("auth", "User")
    assert not user_model.objects.filter(email="runner@example.com").exists()
    assert not Run.objects.exists()
    assert not SorenessEntry.objects.exists()
    assert not RunnerSettings.objects.exists()
    assert not Assessment.objects.exists()
    assert not apps.get_model("account", "EmailAddress").objects.exists()

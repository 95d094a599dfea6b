"""The questionnaire in the browser: steps, HTMX swaps, saving, the result page."""

import uuid

import pytest
from django.urls import reverse

from assessments.models import Assessment, Cause, Question
from tests.clients import BrowserClient as Client

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def assessment(client):
    response = client.post(reverse("assessment_new"))
    assert response.status_code == 302
    return Assessment.objects.get()


def step_url(assessment, number):
    return reverse("assessment_step", args=[assessment.pk, number])


def result_url(assessment):
    return reverse("assessment_result", args=[assessment.pk])


NO_WARNING_SIGNS = {"q-red_flags": ["none"]}


def complete(client, assessment, answers_by_step):
    response = None
    for number in range(1, 8):
        default = NO_WARNING_SIGNS if number == 1 else {}
        response = client.post(step_url(assessment, number), answers_by_step.get(number, default))
    return response


def test_start_page_offers_to_start(client):
    response = client.get(reverse("assessment_start"))
    assert response.status_code == 200
    assert "Start" in response.text
    assert "Continue where you left off" not in response.text


def test_starting_creates_an_assessment_and_opens_step_1(client):
    response = client.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    assert response["Location"] == step_url(assessment, 1)
    page = client.get(response["Location"])
    assert "Step 1 of 7" in page.text
    assert '<progress max="7" value="1"' in page.text
    assert "<legend" in page.text


def test_without_javascript_each_step_posts_and_redirects_to_the_next(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["none"]})
    assert response.status_code == 302
    assert response["Location"] == step_url(assessment, 2)
    assessment.refresh_from_db()
    assert assessment.answers == {"red_flags": ["none"]}
    assert assessment.step == 2


def test_with_htmx_the_next_step_is_swapped_in_and_the_url_pushed(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["none"]}, headers=HX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="wizard"' in response.text
    assert "Step 2 of 7" in response.text
    assert response["HX-Push-Url"] == step_url(assessment, 2)
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_full_page(client, assessment):
    headers = {**HX, "HX-History-Restore-Request": "true"}
    response = client.get(step_url(assessment, 2), headers=headers)
    assert "<html" in response.text


def test_back_keeps_answers(client, assessment):
    for number in range(1, 5):
        client.post(step_url(assessment, number), NO_WARNING_SIGNS if number == 1 else {})
    client.post(step_url(assessment, 5), {"q-experience": "new"})
    response = client.post(step_url(assessment, 6), {"q-fluids": "little", "back": "1"})
    assert response["Location"] == step_url(assessment, 5)
    page = client.get(step_url(assessment, 5))
    assert page.context["form"].initial["experience"] == "new"
    assert 'value="new" id="id_q-experience_0" checked' in page.text
    assessment.refresh_from_db()
    assert assessment.answers["fluids"] == "little"


def test_a_reload_resumes_where_the_runner_was(client, assessment):
    client.post(step_url(assessment, 1), {"q-red_flags": ["none"]})
    client.post(step_url(assessment, 2), {"q-health_background": ["none"]})
    start = client.get(reverse("assessment_start")).text
    assert "Continue where you left off (step 3 of 7)" in start
    assert step_url(assessment, 3) in start


def test_finishing_stores_a_snapshot_and_shows_the_result(client, assessment):
    response = complete(
        client,
        assessment,
        {1: {"q-red_flags": ["none"]}, 5: {"q-experience": "new", "q-load_change": "up_large"}},
    )
    assert response["Location"] == result_url(assessment)
    assessment.refresh_from_db()
    assert assessment.is_complete
    assert assessment.result["causes"][0]["slug"] == "overuse"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "noindex" in page["X-Robots-Tag"]
    for heading in ("Likely causes", "Why we think so", "Your prevention plan", "For you:",
                    "When to see a professional"):  # fmt: skip
        assert heading in page.text
    assert "not medical advice" in page.text.lower()


def test_a_finished_assessment_cannot_be_edited(client, assessment):
    complete(client, assessment, {})
    response = client.post(step_url(assessment, 5), {"q-experience": "new"})
    assert response["Location"] == result_url(assessment)


def test_the_last_step_with_htmx_sends_the_browser_to_the_result_page(client, assessment):
    for number in range(1, 7):
        client.post(step_url(assessment, number), NO_WARNING_SIGNS if number == 1 else {})
    response = client.post(step_url(assessment, 7), {"q-sleep": "good"}, headers=HX)
    assert response["HX-Redirect"] == result_url(assessment)


def test_the_result_is_a_snapshot_that_later_edits_do_not_rewrite(client, assessment):
    complete(client, assessment, {4: {"q-terrain": "downhill"}})
    before = client.get(result_url(assessment)).context["result"]
    cause = Cause.objects.get(slug="eccentric_load")
    cause.name = "Renamed by an editor"
    cause.save()
    from django.core.cache import cache

    cache.clear()  # a fresh render, not the page cache, must still show the snapshot
    after = client.get(result_url(assessment))
    assert "Renamed by an editor" not in after.text
    assert after.context["result"] == before


def test_emergency_sign_shows_the_emergency_advice_at_once(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["breathless"]})
    warning_url = reverse("assessment_warning", args=[assessment.pk, 1])
    assert response["Location"] == warning_url
    page = client.get(warning_url).text
    assert '<h1 id="warning-heading">Call 112 now</h1>' in page
    assert 'href="tel:112"' in page
    # v3: an emergency offers no way on to questions about soreness.
    assert "Continue the questionnaire" not in page
    assert step_url(assessment, 2) not in page
    finish = client.post(reverse("assessment_finish", args=[assessment.pk]))
    result = client.get(finish["Location"]).text
    assert "triage-emergency" in result


def test_emergency_sign_with_htmx_leaves_the_wizard_for_the_warning_page(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["dark_urine"]}, headers=HX)
    assert response["HX-Redirect"] == reverse("assessment_warning", args=[assessment.pk, 1])


def test_warning_sign_comes_first_on_the_result_page(client, assessment):
    complete(
        client,
        assessment,
        {
            1: {"q-red_flags": ["bone_tenderness"]},
            5: {"q-experience": "new", "q-load_change": "up_large"},
        },
    )
    page = client.get(result_url(assessment)).text
    assert "triage-soon" in page
    assert page.index("triage-soon") < page.index("Likely causes")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q-experience": ["new", "building"]}, "Choose only one answer."),
        ({"q-experience": "999"}, "Select a valid choice."),
        ({"q-load_change": "<script>alert(1)</script>"}, "Select a valid choice."),
    ],
)
def test_bad_answers_show_inline_errors_and_save_nothing(client, assessment, data, message):
    response = client.post(step_url(assessment, 5), data)
    assert response.status_code == 422
    assert message in response.text
    assert "<script>alert(1)</script>" not in response.text
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_htmx_validation_errors_swap_in_place(client, assessment):
    response = client.post(step_url(assessment, 5), {"q-experience": ["new", "same"]}, headers=HX)
    assert response.status_code == 422
    assert "<html" not in response.text
    assert "Choose only one answer." in response.text


def test_none_ticked_with_a_warning_sign_counts_as_the_sign(client, assessment):
    response = client.post(step_url(assessment, 1), {"q-red_flags": ["none", "fever"]})
    assert response["Location"].endswith("/step/1/warning/")
    assessment.refresh_from_db()
    assert assessment.answers == {"red_flags": ["fever"]}


@pytest.mark.parametrize("number", [0, 8, 99])
def test_a_step_out_of_range_is_a_404(client, assessment, number):
    assert client.get(step_url(assessment, number)).status_code == 404
    assert client.post(step_url(assessment, number), {}).status_code == 404


def test_someone_elses_unfinished_assessment_is_a_404(assessment):
    stranger = Client()
    assert stranger.get(step_url(assessment, 1)).status_code == 404
    assert stranger.post(step_url(assessment, 1), {"q-red_flags": ["none"]}).status_code == 404
    assert stranger.get(result_url(assessment)).status_code == 404
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_a_forged_uuid_is_a_404(client):
    assert client.get(reverse("assessment_result", args=[uuid.uuid4()])).status_code == 404
    assert client.get(f"/assessment/{uuid.uuid4()}/step/1/").status_code == 404
    assert client.get("/assessment/not-a-uuid/").status_code == 404


def test_a_signed_in_runners_assessment_is_attached_to_them(client, django_user_model):
    runner = django_user_model.objects.create_user("runner", password="a-long-passphrase")
    client.force_login(runner)
    client.post(reverse("assessment_new"))
    assert Assessment.objects.get().user == runner


def test_posts_without_csrf_are_refused(assessment):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("assessment_new")).status_code == 403
    response = strict.post(step_url(assessment, 1), {"q-red_flags": ["none"]}, headers=HX)
    assert response.status_code == 403


def test_step_and_result_query_budgets_do_not_grow_with_questions(
    client, assessment, django_assert_max_num_queries
):
    from assessments.content import current_content

    current_content()  # warm, as in production
    with django_assert_max_num_queries(3):
        client.get(step_url(assessment, 7))
    with django_assert_max_num_queries(7):
        client.post(step_url(assessment, 5), {"q-experience": "new"})
    for n in range(5):
        extra = Question.objects.create(slug=f"extra{n}", text="Extra?", kind="one", step=7)
        extra.choices.create(slug="yes", label="Yes")
    current_content()
    with django_assert_max_num_queries(3):
        client.get(step_url(assessment, 7))
    complete(client, assessment, {})
    with django_assert_max_num_queries(3):
        client.get(result_url(assessment))


def test_a_finished_result_is_private_to_its_runner(client, assessment, django_user_model):
    complete(client, assessment, {4: {"q-terrain": "downhill"}})
    assert client.get(result_url(assessment)).status_code == 200
    assert Client().get(result_url(assessment)).status_code == 404
    other = Client()
    other.force_login(django_user_model.objects.create_user("someone", password="x-long-pass"))
    assert other.get(result_url(assessment)).status_code == 404


def test_the_runner_can_share_a_result_by_link_and_stop_sharing(client, assessment):
    complete(client, assessment, {4: {"q-terrain": "downhill"}})
    share = reverse("assessment_share", args=[assessment.pk])
    assert Client().post(share, {"shared": "on"}).status_code == 404  # only the runner
    # Back to the sharing section, not the top of the page.
    assert (
        client.post(share, {"shared": "on"})["Location"]
        == f"{result_url(assessment)}#share-heading"
    )
    shared = Client().get(result_url(assessment))
    assert shared.status_code == 200
    assert "A runner shared this result with you" in shared.text
    assert "Stop sharing" not in shared.text
    client.post(share, {"shared": "off"})
    assert Client().get(result_url(assessment)).status_code == 404


def test_an_unfinished_assessment_cannot_be_shared(client, assessment):
    share = reverse("assessment_share", args=[assessment.pk])
    assert client.post(share, {"shared": "on"}).status_code == 404
    assessment.refresh_from_db()
    assert not assessment.shared


def test_with_a_warning_sign_the_plan_waits_for_a_clinician(client, assessment):
    complete(
        client,
        assessment,
        {
            1: {"q-red_flags": ["joint_swelling"]},
            4: {"q-terrain": "hilly", "q-duration": "over_90"},
        },
    )
    page = client.get(result_url(assessment)).text
    assert "First get the warning sign above checked." in page
    assert page.index("triage-soon") < page.index("Your prevention plan")
    assert "Once a clinician has cleared you to run</summary>" in page


def test_without_a_warning_sign_the_plan_has_no_such_note(client, assessment):
    complete(client, assessment, {4: {"q-terrain": "hilly"}})
    assert (
        "First get the warning sign above checked." not in client.get(result_url(assessment)).text
    )


def test_an_htmx_post_to_a_finished_assessment_leaves_the_wizard(client, assessment):
    complete(client, assessment, {})
    response = client.post(step_url(assessment, 5), {"q-experience": "new"}, headers=HX)
    assert response["HX-Redirect"] == result_url(assessment)


def test_finishing_twice_keeps_the_first_result(client, assessment):
    complete(client, assessment, {4: {"q-terrain": "downhill"}})
    assessment.refresh_from_db()
    first = (assessment.completed_at, assessment.result)
    client.post(reverse("assessment_finish", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert (assessment.completed_at, assessment.result) == first


def test_step_pages_are_never_cached(client, assessment):
    response = client.get(step_url(assessment, 1))
    assert "no-store" in response["Cache-Control"]


PERSONAL_URLS = [
    ("get", "assessment_step", (1,)),
    ("post", "assessment_step", (1,)),
    ("get", "assessment_warning", (1,)),
    ("post", "assessment_finish", ()),
    ("post", "assessment_share", ()),
    ("get", "assessment_result", ()),
]


@pytest.fixture
def runner(django_user_model):
    return django_user_model.objects.create_user("runner", password="runner-passphrase")


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("stranger", password="stranger-passphrase")


@pytest.mark.parametrize("finished", [False, True])
@pytest.mark.parametrize("owner_kind", ["anonymous", "signed_in"])
@pytest.mark.parametrize("visitor_kind", ["anonymous", "signed_in"])
@pytest.mark.parametrize(("method", "name", "extra"), PERSONAL_URLS)
def test_authorisation_matrix_another_runners_assessment_is_a_404(
    runner, stranger, finished, owner_kind, visitor_kind, method, name, extra
):
    owner = Client()
    if owner_kind == "signed_in":
        owner.force_login(runner)
    owner.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    if finished:
        complete(owner, assessment, {1: {"q-red_flags": ["breathless"]}})
    assessment.refresh_from_db()
    before = (assessment.answers, assessment.step, assessment.completed_at, assessment.shared)

    visitor = Client()
    if visitor_kind == "signed_in":
        visitor.force_login(stranger)
    url = reverse(name, args=[assessment.pk, *extra])
    data = {"q-red_flags": ["none"], "shared": "on"}
    response = visitor.post(url, data) if method == "post" else visitor.get(url)

    assert response.status_code == 404
    assessment.refresh_from_db()
    assert (
        assessment.answers,
        assessment.step,
        assessment.completed_at,
        assessment.shared,
    ) == before


def test_parallel_starts_in_one_session_leave_no_assessment_orphaned(client):
    """Ten taps on "Start" at once: each request read the session before any saved it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from assessments import wizard

    client.get(reverse("assessment_start"))
    client.post(reverse("assessment_new"))  # the session exists, with one assessment
    key = client.session.session_key
    store = import_module(settings.SESSION_ENGINE).SessionStore
    requests = []
    for _ in range(10):
        request = RequestFactory().post(reverse("assessment_new"))
        request.session, request.user = store(session_key=key), AnonymousUser()
        request.session.load()  # every request has read the session ...
        requests.append(request)
    started = [wizard.start(request) for request in requests]
    for request in requests:
        request.session.save()  # ... before any of them wrote it back
    for assessment in started:
        page = client.get(reverse("assessment_step", args=[assessment.pk, 1]))
        assert page.status_code == 200, "a started assessment was orphaned"
    assert Assessment.objects.count() == 11
    stranger = Client().get(reverse("assessment_step", args=[started[0].pk, 1]))
    assert stranger.status_code == 404, "and still nobody else's"

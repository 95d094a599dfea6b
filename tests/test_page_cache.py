"""Public pages are cached whole for anonymous visitors, per content revision, with each
response's own CSP nonce and nothing of one visitor's in another's page. Keys carry a stamp
of the deploy's templates and static files, by content; each page is filed under its owner."""

import os
import re
import shutil

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse

from assessments.models import Cause
from legache import page_cache
from tests.clients import BrowserClient

pytestmark = pytest.mark.django_db
PAGES = ["/", "/causes/", "/causes/overuse/", "/strategies/", "/strategies/hydrate/", "/about/"]


def nonce_of(response):
    return response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]


@pytest.mark.parametrize("path", PAGES)
def test_a_cached_page_carries_each_responses_own_nonce(
    client, path, django_assert_max_num_queries
):
    first = client.get(path)
    with django_assert_max_num_queries(1):  # at most the once-a-second revision check
        second = BrowserClient().get(path)
    assert second.status_code == 200
    assert nonce_of(first) != nonce_of(second)
    for response in (first, second):
        nonces = set(re.findall(r'nonce="([^"]+)"', response.text))
        assert nonces == {nonce_of(response)}
    assert first.text.replace(nonce_of(first), "") == second.text.replace(nonce_of(second), "")
    assert "csrfmiddlewaretoken" not in second.text and "X-CSRFToken" not in second.text


def test_an_editors_change_shows_at_once(client):
    client.get("/causes/overuse/")
    cause = Cause.objects.get(slug="overuse")
    cause.summary = "A summary an editor just wrote."
    cause.save()
    assert "A summary an editor just wrote." in BrowserClient().get("/causes/overuse/").text


def test_a_signed_in_runner_gets_their_own_page(client, django_user_model):
    BrowserClient().get("/")  # an anonymous visitor fills the cache
    client.force_login(django_user_model.objects.create_user("r", "r@example.com", "pw-long-x"))
    page = client.get("/").text
    assert "My account" in page and "X-CSRFToken" in page


def test_a_message_for_one_visitor_is_not_cached_for_others(client, rf):
    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(constants.INFO, "You have signed out.")
    response = client.get("/")  # warms the cache without the message
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "You have signed out." in client.get("/").text
    assert "You have signed out." not in BrowserClient().get("/").text


def test_made_up_urls_are_never_cached(client):
    from django.core.cache import cache

    cache.clear()
    for query in ("?x=1", "?grade=nonsense", "?grade=weak&x=1"):
        client.get(f"/causes/{query}")
    client.get("/causes/?grade=weak")
    cached = [key for key in cache._cache if ":page:" in key]  # the per-process test cache
    assert len(cached) == 1


def test_a_runners_cached_dashboard_is_theirs_alone_and_its_token_works(client, django_user_model):
    from datetime import timedelta

    from django.utils import timezone

    from runlog.models import Run

    one, two = (django_user_model.objects.create_user(n, f"{n}@example.com", "pw-long-x")
                for n in ("one", "two"))  # fmt: skip
    Run.objects.create(owner=one, start=timezone.now() - timedelta(days=1),
                       distance_m=12_345, duration_s=3_600)  # fmt: skip
    client.force_login(one)
    client.get("/me/")
    cached = client.get("/me/")  # from the page cache
    assert "12.35" in cached.text or "12.3" in cached.text
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', cached.text).group(1)
    other = BrowserClient()
    other.force_login(two)
    assert "12.3" not in other.get("/me/").text
    strict = BrowserClient(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    signed_out = strict.post("/accounts/logout/", {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302, "the cached page's token is this response's own"


def test_a_new_run_shows_on_the_dashboard_at_once(client, django_user_model):
    from datetime import timedelta

    from django.utils import timezone

    from runlog.models import Run

    runner = django_user_model.objects.create_user("r", "r@example.com", "pw-long-x")
    client.force_login(runner)
    client.get("/me/")
    Run.objects.create(owner=runner, start=timezone.now() - timedelta(hours=3),
                       distance_m=21_097, duration_s=6_000)  # fmt: skip
    assert "21.1" in client.get("/me/").text


def test_turning_sharing_on_shows_on_the_result_at_once(client):
    from django.urls import reverse

    from assessments.models import Assessment

    client.post(reverse("assessment_new"))
    assessment = Assessment.objects.get()
    for number in range(1, 8):
        data = {"q-red_flags": ["none"]} if number == 1 else {}
        client.post(reverse("assessment_step", args=[assessment.pk, number]), data)
    url = assessment.get_absolute_url()
    assert "Share with a link" in client.get(url).text
    client.post(reverse("assessment_share", args=[assessment.pk]), {"shared": "on"})
    assert "Stop sharing" in client.get(url).text


# The release stamp: templates and static files by content, so a deploy of only CSS or JS
# changes the keys, and every host of one deploy computes the same stamp.


def deploy(root, *, css="body { color: black; }", page="<p>Hello</p>", manifest=None):
    """A deploy's templates and static files under `root`; every file gets the same mtime."""
    templates, static, static_root = root / "templates", root / "static", root / "staticfiles"
    for path, text in (
        (templates / "base.html", page),
        (templates / "account" / "mail.txt", "Hello"),
        (static / "css" / "site.css", css),
        (static / "js" / "site.js", "void 0;"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    if manifest is not None:
        static_root.mkdir(parents=True, exist_ok=True)
        (static_root / "staticfiles.json").write_text(manifest)
    for path in root.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    return [templates], static_root, [static]


def stamp(folders) -> str:
    return page_cache.release_stamp(*folders)


def test_a_deploy_that_changes_only_a_static_file_changes_the_release(tmp_path):
    before = stamp(deploy(tmp_path / "a"))
    after = stamp(deploy(tmp_path / "b", css="body { color: white; }"))  # same size and mtime
    assert before != after
    assert stamp(deploy(tmp_path / "c")) == before


def test_a_deploy_that_changes_only_a_templates_content_changes_the_release(tmp_path):
    assert stamp(deploy(tmp_path / "a")) != stamp(deploy(tmp_path / "b", page="<p>Hallo</p>"))


def test_the_static_manifest_stands_for_the_static_files_when_there_is_one(tmp_path):
    one = stamp(deploy(tmp_path / "a", manifest='{"paths": {"css/site.css": "css/site.1.css"}}'))
    two = stamp(deploy(tmp_path / "b", manifest='{"paths": {"css/site.css": "css/site.2.css"}}'))
    assert one != two
    # The manifest names each file by its content hash: the sources add nothing.
    same = deploy(
        tmp_path / "c", css="changed", manifest='{"paths": {"css/site.css": "css/site.1.css"}}'
    )
    assert stamp(same) == one


def test_two_hosts_of_one_deploy_agree(tmp_path):
    """Copies of the same files elsewhere, with other modification times, give one stamp."""
    first = deploy(tmp_path / "host-1")
    second_root = tmp_path / "elsewhere" / "host-2"
    shutil.copytree(tmp_path / "host-1", second_root)
    for number, path in enumerate(sorted(second_root.rglob("*"))):
        os.utime(path, (1_800_000_000 + number, 1_800_000_000 + number))
    second = ([second_root / "templates"], second_root / "staticfiles", [second_root / "static"])
    assert stamp(first) == stamp(second)


def test_the_release_is_computed_once_per_process(settings, tmp_path):
    templates, static_root, static_dirs = deploy(tmp_path)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": templates}]
    settings.STATIC_ROOT, settings.STATICFILES_DIRS = static_root, static_dirs
    page_cache.release.cache_clear()
    try:
        first = page_cache.release()
        assert first == stamp((templates, static_root, static_dirs))
        (static_dirs[0] / "css" / "site.css").write_text("changed")
        assert page_cache.release() == first  # read once, not on every request
    finally:
        page_cache.release.cache_clear()


# Whose pages: each stored page is filed under its owner, so a runner's can all be deleted.


def page_request(rf, user=None):
    request = rf.get("/somewhere/")
    request._csp_nonce = None
    request.htmx = False
    if user is not None:
        request.user = user
    return request


def stored_owners() -> list[str]:
    from django.core.cache import cache

    return sorted(
        key.split(":page:")[1].rsplit(":", 1)[0] for key in cache._cache if ":page:" in key
    )


def test_pages_are_filed_under_their_owner_and_forgotten_by_it(rf, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    runner = django_user_model.objects.create_user("r", "r@example.com", "pw-long-x")
    page = lambda: HttpResponse("a page")  # noqa: E731
    page_cache.cached_page(page_request(rf, runner), "dashboard", page)
    page_cache.cached_page(page_request(rf, AnonymousUser()), "home", page)
    page_cache.cached_page(page_request(rf, runner), "result", page, owner="assessment:abc-1")
    page_cache.cached_page(page_request(rf, runner), "x", page, owner=f"runner:{runner.pk}0")
    assert stored_owners() == sorted(
        ["assessment:abc-1", "public", f"runner:{runner.pk}", f"runner:{runner.pk}0"]
    )

    assert page_cache.forget_pages(page_cache.runner_pages(runner.pk), "assessment:abc-1") == 2

    # Not runner 10's pages when runner 1's go, nor anybody's public ones.
    assert stored_owners() == ["public", f"runner:{runner.pk}0"]


@pytest.mark.parametrize("owner", ["runner:*", "runner:1:", "", "a b", "runner:[1]"])
def test_an_owner_cannot_be_a_pattern(owner):
    with pytest.raises(ValueError, match="Not a page owner"):
        page_cache.forget_pages(owner)


def test_the_content_revision_can_be_given(rf):
    from django.contrib.auth.models import AnonymousUser

    revision = iter([1, 1, 2])
    calls = []

    @page_cache.cached_for_anonymous(revision=lambda: next(revision))
    def view(request):
        calls.append(1)
        return HttpResponse(f"rendered {len(calls)}")

    responses = [view(page_request(rf, AnonymousUser())).content for _ in range(3)]
    assert responses == [b"rendered 1", b"rendered 1", b"rendered 2"]

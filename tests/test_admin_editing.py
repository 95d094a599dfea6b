"""The admin, for editors who are not developers (issue 17).

Reverting works (the revert form posts urlencoded, which the site accepts); the History says
who, when, which field, the old and new text in full, and why; long texts are in roomy boxes
and slugs are fixed once saved; a strategy's personal steps are on the strategy; a saved page
links to itself on the site; the admin's home page has a short guide. Editor text stays text.

Forms are posted the way a browser posts them: every field the page shows, with the value it
shows (`shown_form`), urlencoded (tests/clients.py).
"""

import re

import pytest
from django import forms
from django.urls import reverse
from django.utils.html import escape

from assessments.models import Cause, Choice, Strategy, StrategyTip

pytestmark = pytest.mark.django_db

MULTIPART = 'enctype="multipart/form-data"'


def _field_values(form, data):
    for bound in form:
        if bound.field.disabled:
            continue  # a browser does not post a disabled input
        value = bound.value()
        if isinstance(bound.field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)


def shown_form(response) -> dict:
    """What a browser would post from this admin page, unchanged."""
    assert response.status_code == 200
    data = {}
    _field_values(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets") or []:
        _field_values(inline.formset.management_form, data)
        for form in inline.formset.forms:
            _field_values(form, data)
    return data


def change_url(obj):
    return reverse(f"admin:assessments_{obj._meta.model_name}_change", args=[obj.pk])


def history_url(obj):
    return reverse(f"admin:assessments_{obj._meta.model_name}_history", args=[obj.pk])


def revert_url(obj, version):
    name = f"admin:assessments_{obj._meta.model_name}_simple_history"
    return reverse(name, args=[obj.pk, version.history_id])


def edit(client, obj, **changes):
    """Change `obj` on its admin page as an editor would; the response after the redirect."""
    data = shown_form(client.get(change_url(obj))) | changes
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return client.get(response["Location"])


def revert(client, obj, version, **changes):
    """Open `version` from the History and press Revert."""
    url = revert_url(obj, version)
    page = client.get(url)
    assert page.status_code == 200
    assert MULTIPART not in page.text, "the revert form must post urlencoded (no file field)"
    response = client.post(url, shown_form(page) | changes)
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


# Revert works.


def test_an_editor_reverts_a_cause(editor_client):
    cause = Cause.objects.get(slug="cold")
    original = cause.summary
    edit(editor_client, cause, summary="Nonsense an editor regrets.")
    cause.refresh_from_db()
    assert cause.summary == "Nonsense an editor regrets."
    revert(editor_client, cause, cause.history.earliest())
    cause.refresh_from_db()
    assert cause.summary == original
    assert cause.history.count() == 3  # installed, changed, put back


def test_an_editor_reverts_a_strategy(editor_client):
    strategy = Strategy.objects.filter(published=True).first()
    original = strategy.explanation
    edit(editor_client, strategy, explanation="Run through it.\n\nIt will pass.")
    revert(editor_client, strategy, strategy.history.earliest())
    strategy.refresh_from_db()
    assert strategy.explanation == original


def test_an_editor_reverts_a_warning_sign_s_message(editor_client):
    sign = Choice.objects.get(question__slug="red_flags", slug="breathless")
    original = sign.triage_message
    edit(editor_client, sign, triage_message="Probably nothing.")
    revert(editor_client, sign, sign.history.earliest())
    sign.refresh_from_db()
    assert sign.triage_message == original
    assert sign.triage_level == "emergency"


def test_the_revert_form_posts_urlencoded_and_the_site_accepts_it(editor_client):
    cause = Cause.objects.get(slug="cold")
    page = editor_client.get(revert_url(cause, cause.history.earliest()))
    form_tag = re.search(r'<form [^>]*id="\w*cause_form"[^>]*>', page.text).group(0)
    assert "multipart" not in form_tag
    # What the browser sent before (multipart) is still refused: only the form changed.
    refused = editor_client.post(
        revert_url(cause, cause.history.earliest()),
        shown_form(page),
        content_type="multipart/form-data; boundary=x",
    )
    assert refused.status_code == 413


def test_every_history_s_revert_form_posts_urlencoded(admin_user):
    """The template fix covers every model with a History, the helplines' countries too."""
    from helplines.models import Country
    from tests.clients import BrowserClient

    client = BrowserClient()
    client.force_login(admin_user)
    country = Country.objects.first()
    country.save()  # a version to open
    url = reverse(
        "admin:helplines_country_simple_history",
        args=[country.pk, country.history.latest().history_id],
    )
    page = client.get(url)
    assert page.status_code == 200
    assert MULTIPART not in page.text


def test_a_revert_cannot_switch_a_warning_sign_off(editor_client):
    """An old version with a lower level (say, from before the lock) is refused on revert."""
    sign = Choice.objects.get(question__slug="red_flags", slug="breathless")
    lowered = sign.history.latest()
    lowered.pk = None
    lowered.history_id = None
    lowered.triage_level = ""
    lowered.save()
    url = revert_url(sign, lowered)
    response = editor_client.post(url, shown_form(editor_client.get(url)))
    assert response.status_code == 200
    assert "must stay at level" in response.text
    sign.refresh_from_db()
    assert sign.triage_level == "emergency"


# The History in words.


def test_the_history_says_who_when_which_field_the_full_texts_and_why(editor_client):
    cause = Cause.objects.get(slug="cold")
    old = cause.summary
    new = (
        "Cold, stiff muscles at the start of a winter run: warm up indoors for five minutes, "
        "then start slower than feels necessary."
    )
    assert len(new) > 100  # simple-history cut both texts to 100 characters
    edit(editor_client, cause, summary=new, change_reason="Clearer for beginners")
    latest = cause.history.latest()
    assert latest.history_change_reason == "Clearer for beginners"
    page = editor_client.get(history_url(cause)).text
    assert "eddie@example.com" in page
    assert not re.search(r"by\s+(<strong>)?None", page)
    assert "<dt>Summary</dt>" in page
    assert escape(old) in page and escape(new) in page
    assert " chars]" not in page
    assert "Clearer for beginners" in page
    assert "a data migration or the system" in page  # the first install had no editor
    # The date of each version is the link that opens it.
    version = revert_url(cause, latest)
    assert re.search(rf'<a href="{re.escape(version)}">\d{{1,2}} \w+ \d{{4}}, \d\d:\d\d</a>', page)
    assert "Choose a date" not in page


def test_a_revert_without_a_reason_says_what_it_reverted_to(editor_client):
    cause = Cause.objects.get(slug="cold")
    edit(editor_client, cause, summary="Nonsense an editor regrets.")
    first = cause.history.earliest()
    revert(editor_client, cause, first)
    assert cause.history.latest().history_change_reason.startswith("Reverted to the version of")
    revert(editor_client, cause, first, change_reason="Back to the reviewed text")
    assert cause.history.latest().history_change_reason == "Back to the reviewed text"


def test_the_revert_page_says_whose_version_it_is_and_asks_why(editor_client):
    cause = Cause.objects.get(slug="cold")
    edit(editor_client, cause, summary="A change.", change_reason="Testing")
    page = editor_client.get(revert_url(cause, cause.history.latest())).text
    assert re.search(r"by\s+<strong>eddie@example.com</strong>", page)
    assert "Testing" in page
    assert 'name="change_reason"' in page
    assert "Reason for this change" in page


def test_a_reason_longer_than_the_history_keeps_is_refused_with_a_message(editor_client):
    cause = Cause.objects.get(slug="cold")
    data = shown_form(editor_client.get(change_url(cause))) | {"change_reason": "x" * 101}
    response = editor_client.post(change_url(cause), data)
    assert response.status_code == 200
    assert "at most 100 characters" in response.text


HOSTILE = '<script>alert(1)</script><i hx-get="/evil" hx-trigger="load">x</i>'


def test_editor_text_is_escaped_on_the_history_and_revert_pages(editor_client):
    cause = Cause.objects.get(slug="cold")
    edit(editor_client, cause, summary=HOSTILE, change_reason="<script>alert(2)</script>")
    pages = [
        editor_client.get(history_url(cause)),
        editor_client.get(revert_url(cause, cause.history.latest())),
        editor_client.get(revert_url(cause, cause.history.earliest())),
        editor_client.get(change_url(cause)),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "<script>alert" not in page.text
        assert "<i hx-get" not in page.text and 'hx-get="/evil"' not in page.text
    assert escape(HOSTILE) in pages[0].text
    assert "&lt;script&gt;alert(2)" in pages[0].text


# Long texts, fixed slugs.


def test_long_texts_are_in_textareas_sized_to_their_text(editor_client):
    cause = Cause.objects.get(slug="cold")
    page = editor_client.get(change_url(cause)).text
    for name in ("summary", "first_step", "explanation", "references"):
        assert re.search(rf'<textarea name="{name}"[^>]*class="vLargeTextField fits-content"', page)
    rows = {
        name: int(re.search(rf'<textarea name="{name}"[^>]*rows="(\d+)"', page).group(1))
        for name in ("summary", "explanation")
    }
    assert rows["explanation"] > rows["summary"] >= 2
    assert 'maxlength="200"' in page  # the summary's limit is still told


def test_a_one_line_text_is_saved_without_line_breaks(editor_client):
    cause = Cause.objects.get(slug="cold")
    edit(editor_client, cause, summary="Cold legs\r\nare stiff legs.")
    cause.refresh_from_db()
    assert cause.summary == "Cold legs are stiff legs."


def test_the_slug_is_read_only_once_saved_and_typed_when_adding(editor_client):
    cause = Cause.objects.get(slug="cold")
    change = editor_client.get(change_url(cause)).text
    assert 'name="slug"' not in change
    assert re.search(r'<div class="readonly">\s*cold\s*</div>', change)
    add = editor_client.get(reverse("admin:assessments_cause_add")).text
    assert 'name="slug"' in add
    edit(editor_client, cause, slug="frozen")  # posted anyway: ignored
    cause.refresh_from_db()
    assert cause.slug == "cold"


def test_a_new_cause_gets_the_slug_typed_on_the_add_page(editor_client):
    cold = Cause.objects.get(slug="cold")
    data = shown_form(editor_client.get(change_url(cold)))
    data |= {"name": "Frost", "slug": "frost", "strategy_links-TOTAL_FORMS": "0"}
    data |= {"strategy_links-INITIAL_FORMS": "0"}
    response = editor_client.post(reverse("admin:assessments_cause_add"), data)
    assert response.status_code == 302
    assert Cause.objects.get(slug="frost").name == "Frost"


def test_an_answer_s_slug_is_fixed_in_the_question_s_list_too(editor_client):
    choice = Choice.objects.get(question__slug="red_flags", slug="breathless")
    page = editor_client.get(change_url(choice.question))
    formset = page.context["inline_admin_formsets"][0].formset
    saved = [form for form in formset.forms if form.instance.pk]
    assert saved and all(form.fields["slug"].disabled for form in saved)
    assert 'name="slug"' not in editor_client.get(change_url(choice)).text


# A strategy's personal steps, on the strategy.


def test_a_strategy_s_personal_steps_are_edited_on_the_strategy(editor_client):
    tip = StrategyTip.objects.select_related("strategy").first()
    strategy = tip.strategy
    page = editor_client.get(change_url(strategy))
    assert "personal steps" in page.text.lower()
    data = shown_form(page)
    [index] = [
        key.split("-")[1]
        for key, value in data.items()
        if re.fullmatch(r"tips-\d+-id", key) and value == str(tip.pk)
    ]
    data[f"tips-{index}-text"] = "Walk the downhills for two weeks."
    response = editor_client.post(change_url(strategy), data)
    assert response.status_code == 302, response.context["errors"]
    tip.refresh_from_db()
    assert tip.text == "Walk the downhills for two weeks."


def test_a_step_of_a_never_beside_a_warning_strategy_cannot_be_marked_safe_inline(editor_client):
    strategy = Strategy.objects.get(slug="compression")
    page = editor_client.get(change_url(strategy))
    data = shown_form(page)
    taken = set(strategy.tips.values_list("choice_id", flat=True))
    choice = Choice.objects.exclude(pk__in=taken).exclude(triage_level__in=["urgent", "emergency"])
    new = int(data["tips-TOTAL_FORMS"]) - 1  # the empty row the page offers
    data[f"tips-{new}-choice"] = str(choice.first().pk)
    data[f"tips-{new}-text"] = "Keep running in the socks."
    data[f"tips-{new}-safe_with_warning"] = "on"
    response = editor_client.post(change_url(strategy), data)
    assert response.status_code == 200
    assert "never safe beside a warning sign" in response.text
    assert not strategy.tips.filter(text="Keep running in the socks.").exists()


def test_a_revert_page_for_a_made_up_version_is_a_404(editor_client):
    cause = Cause.objects.get(slug="cold")
    base = reverse("admin:assessments_cause_history", args=[cause.pk])
    assert editor_client.get(f"{base}abc/").status_code == 404
    assert editor_client.get(f"{base}999999/").status_code == 404
    bad_object = base.replace(f"/{cause.pk}/", "/abc/")
    assert editor_client.get(f"{bad_object}1/").status_code == 404


# View on site, after saving.


def test_saving_a_page_links_to_it_on_the_site(editor_client):
    cause = Cause.objects.get(slug="cold")
    after = edit(editor_client, cause, summary="Cold legs are stiff legs.")
    assert f'<a href="{cause.get_absolute_url()}">view “{escape(cause.name)}” on the site</a>' in (
        after.text
    )
    editor_client.get(reverse("admin:index"))  # the message is shown once
    unpublished = edit(editor_client, cause, published="")
    assert "is not published, so the site does not show it" in unpublished.text


def test_a_saved_page_s_link_escapes_its_name(editor_client):
    cause = Cause.objects.get(slug="cold")
    after = edit(editor_client, cause, name="<b>Cold</b>")
    assert "view “&lt;b&gt;Cold&lt;/b&gt;” on the site" in after.text


# The guide.


def test_the_admin_home_page_has_a_short_guide(editor_client):
    page = editor_client.get(reverse("admin:index")).text
    assert "A short guide for editors" in page
    for words in ("Causes", "strategies", "Warning signs are locked", "History", "Revert",
                  "View on site", "Reason for this change"):  # fmt: skip
        assert words in page

"""Content corrections (issue 14): the site stands on its own (no "the article"), every text
that says when to see someone about soreness gives one time frame ("no better after 5 days, or
getting worse"), "run flat" answers downhill soreness only, and migration 0014 ships all this
to a live database without overwriting what editors wrote."""

import importlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from assessments import default_content
from assessments.content_updates import ContentUpdateLeftAlone, apply_text_updates, normalise
from assessments.editors import EDITORS_GROUP
from assessments.models import Cause, Strategy, StrategyForCause
from tests.databases import sqlite_env

MIGRATION = "0014_content_corrections"
CORRECTIONS = importlib.import_module(f"assessments.migrations.{MIGRATION}")
UPDATES = CORRECTIONS.UPDATES


def shipped(update):
    old = update["old"]
    return list(old) if isinstance(old, list | tuple) else [old]


# ------------------------------------------------------------------ the texts themselves

ARTICLE = re.compile(r"\b(?:the|this|that|original)\s+article\b|\barticle(?:'s)?\b", re.I)

# Soreness that is not easing: the one time frame, and what it replaces.
ONE_TIME_FRAME = "no better after 5 days, or getting worse"
NEVER = [
    re.compile(r"\b(?:7|seven)\s*days?\b", re.I),
    re.compile(r"\b5\s*(?:-|–|to)\s*7\b", re.I),
    re.compile(
        r"\b(?:about|within|after|over|more than|longer than|for)\s+(?:a|one)\s+week\b", re.I
    ),
]
SEE_SOMEONE = re.compile(
    r"\b(?:see|seen|book|GP|physio\w*|doctor|clinician|checked|check-up|appointment)\b", re.I
)
DURATION = re.compile(
    r"\b(?:\d+\s*(?:-|–|to)\s*)?(?:\d+|a|one|two|three|four|five|six|seven|several|few)\s+"
    r"(?:days?|weeks?)\b",
    re.I,
)
# Allowed beside "see someone": the one time frame, and how soon to book ("within days",
# "within the next few days": the 'soon' level), never a threshold of its own.
ALLOWED_DURATION = re.compile(r"^(?:5 days|few days)$", re.I)


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


def time_frame_problems(text):
    """Every statement of when to see someone about soreness gives the one time frame."""
    problems = []
    for sentence in sentences(text):
        problems += [
            f"{pattern.pattern!r} in: {sentence}" for pattern in NEVER if pattern.search(sentence)
        ]
        if not SEE_SOMEONE.search(sentence):
            continue
        for match in DURATION.finditer(sentence):
            duration = re.sub(r"\s+", " ", match.group(0))
            if not ALLOWED_DURATION.match(duration):
                problems.append(f"'{duration}' beside seeing someone in: {sentence}")
            elif duration == "5 days" and ONE_TIME_FRAME not in sentence.replace("  ", " "):
                problems.append(f"'5 days' without '{ONE_TIME_FRAME}' in: {sentence}")
    return problems


@pytest.mark.parametrize(
    "text",
    [
        "See a GP if soreness lasts more than a week.",
        "Book a physiotherapist if it is no better after 2-5 days.",
        "See a doctor or physiotherapist if it hasn't eased after 7 days.",
        "Soreness fades within about 5-7 days.",
        "If it still hurts after a week, book a physio.",
        "See a GP if it is no better after 5 days.",  # half the time frame
        "Stop running and see a physiotherapist if it lasts over three days.",
        "Ordinary soreness peaks and fades within about a week; see a GP if not.",
    ],
)
def test_the_time_frame_check_can_fail(text):
    assert time_frame_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "If it is no better after 5 days, or getting worse, stop running and book a GP.",
        "Stop running and book a GP or physiotherapist within the next few days.",
        "The '10% a week' rule is a guide. Plan one or two rest days a week.",
        "Soreness usually peaks 24-72 hours after the run, then eases over the next few days.",
    ],
)
def test_the_time_frame_check_passes_the_one_time_frame(text):
    assert time_frame_problems(text) == []


def test_the_default_content_gives_one_time_frame_and_no_article():
    for item in [*default_content.CAUSES, *default_content.STRATEGIES]:
        for field in ("name", "title", "summary", "explanation", "first_step"):
            text = item.get(field, "")
            assert not ARTICLE.search(text), (item["slug"], field)
            assert time_frame_problems(text) == [], (item["slug"], field)
    for cause, strategy, why in default_content.STRATEGY_FOR_CAUSE:
        assert not ARTICLE.search(why), (cause, strategy)
        assert time_frame_problems(why) == [], (cause, strategy)


def test_run_flat_answers_downhill_soreness_not_overuse():
    links = {(c, s) for c, s, _ in default_content.STRATEGY_FOR_CAUSE}
    assert ("overuse", "flat_surfaces") not in links
    assert ("eccentric_load", "flat_surfaces") in links


def test_every_reference_cited_in_a_text_is_listed_and_every_listed_one_cited():
    """The references checked against the papers: the sources named in a text are its list."""
    for item in [*default_content.CAUSES, *default_content.STRATEGIES]:
        references = "\n".join(item["references"])
        for author, year in re.findall(
            r"([A-Z][\w-]+)(?: et al\.| and [A-Z][\w]+)? (\d{4})\b", item["explanation"]
        ):
            assert author in references and year in references, (item["slug"], author, year)
        for reference in item["references"]:
            assert reference.split()[0] in item["explanation"], (item["slug"], reference[:40])
    everything = repr([default_content.CAUSES, default_content.STRATEGIES])
    assert "Racinais" not in everything  # could not be verified: Bergh & Ekblom, Sargeant
    assert "Gabbett" not in everything  # team sports: Frandsen et al. 2025 is on runners


# ------------------------------------------------------------------ the pages a runner sees


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skip -= 1
        if tag in {"p", "li", "h1", "h2", "h3", "section", "ol", "ul"}:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))  # template line breaks are spaces


def page_text(html, main_only=False):
    """The page's visible text; `main_only` leaves out the header and footer (base.html)."""
    if main_only:
        html = html[html.index("<main") : html.index("</main>")]
    parser = _Text()
    parser.feed(html)
    return re.sub(r"[ \t]+", " ", "".join(parser.parts))


def public_urls():
    urls = [reverse("home"), reverse("about"), reverse("cause_list"), reverse("strategy_list")]
    urls += [cause.get_absolute_url() for cause in Cause.objects.published()]
    urls += [strategy.get_absolute_url() for strategy in Strategy.objects.published()]
    return urls


@pytest.mark.django_db
def test_no_public_page_mentions_an_article(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = page_text(response.text)
        assert not ARTICLE.search(text), f"{url}: {ARTICLE.search(text).group(0)}"


@pytest.mark.django_db
def test_every_public_page_gives_the_one_time_frame(client):
    for url in public_urls():
        text = page_text(client.get(url).text, main_only=True)
        assert time_frame_problems(text) == [], url


@pytest.mark.django_db
def test_the_footer_gives_the_one_time_frame(client):
    text = page_text(client.get(reverse("about")).text)
    footer = text[text.index("Not medical advice.") :]
    assert time_frame_problems(footer) == []


@pytest.mark.django_db
def test_the_content_in_the_database_gives_the_one_time_frame_and_no_article():
    texts = [
        (f"cause {c.slug}: {field}", getattr(c, field))
        for c in Cause.objects.all()
        for field in ("name", "summary", "explanation", "first_step")
    ]
    texts += [
        (f"strategy {s.slug}: {field}", getattr(s, field))
        for s in Strategy.objects.all()
        for field in ("title", "summary", "explanation")
    ]
    texts += [(f"link {link}", link.why) for link in StrategyForCause.objects.all()]
    for where, text in texts:
        assert not ARTICLE.search(text), where
        assert time_frame_problems(text) == [], where
    assert not StrategyForCause.objects.filter(
        cause__slug="overuse", strategy__slug="flat_surfaces"
    ).exists()


@pytest.mark.django_db
def test_the_about_page_says_it_is_not_medical_advice_and_when_to_see_someone(client):
    text = re.sub(r"\s+", " ", page_text(client.get(reverse("about")).text, main_only=True))
    assert "not medical advice" in text
    assert "Call your local emergency number now" in text
    assert ONE_TIME_FRAME in text
    # Same-day signs are under "today", not under "within days"; emergencies under "now".
    now = text[text.index("Call your local emergency number now") : text.index("Be seen today")]
    today = text[text.index("Be seen today") : text.index("Stop running and book")]
    within_days = text[text.index("Stop running and book") :]
    assert "chest pain" in now and "cola-coloured urine with severe muscle pain" in now
    for sign in ("cannot put weight on the leg", "one calf is swollen", "a cramp has not eased"):
        assert sign in today, sign
        assert sign not in within_days, sign
    assert ONE_TIME_FRAME in within_days


# ------------------------------------------------------------------ the migration


@pytest.mark.django_db
def test_a_fresh_database_already_holds_the_new_texts_and_records_nothing():
    assert ContentUpdateLeftAlone.objects.count() == 0
    for update in UPDATES:
        if update["model"] == "strategyforcause":
            continue
        model = {"cause": Cause, "strategy": Strategy}[update["model"]]
        stored = getattr(model.objects.get(slug=update["slug"]), update["field"])
        assert normalise(update["field"], stored) == normalise(update["field"], update["new"])
    # Running it again changes nothing: the one link it removes was never loaded.
    counts = apply_text_updates(_leaf_apps(), UPDATES, MIGRATION)
    assert counts == {"updated": 0, "already": len(UPDATES) - 1, "left_alone": 0, "missing": 1}


def _leaf_apps():
    return MigrationExecutor(connection).loader.project_state().apps


def test_every_update_ships_the_current_default_and_a_different_shipped_text():
    pages = {("cause", i["slug"]): i for i in default_content.CAUSES}
    pages |= {("strategy", i["slug"]): i for i in default_content.STRATEGIES}
    links = {(c, s): why for c, s, why in default_content.STRATEGY_FOR_CAUSE}
    for update in UPDATES:
        if update["model"] == "strategyforcause":
            cause, strategy = update["slug"].split("/")
            assert links.get((cause, strategy)) == update["new"], update["slug"]
        else:
            item = pages[(update["model"], update["slug"])]
            value = item[update["field"]]
            current = "\n".join(value) if update["field"] == "references" else value.strip()
            assert current == update["new"], (update["slug"], update["field"])
        assert all(old and old != update["new"] for old in shipped(update))


@pytest.mark.django_db
def test_an_editors_text_is_left_alone_and_listed_for_editors(editor_client):
    overuse = Cause.objects.get(slug="overuse")
    rest = Strategy.objects.get(slug="rest_recovery")
    by_key = {(u["model"], u["slug"], u["field"]): u for u in UPDATES}
    # A database from before the corrections: shipped texts, one of them reworded by an editor.
    Cause.objects.filter(pk=overuse.pk).update(
        explanation="Editor's own explanation.",
        summary=shipped(by_key[("cause", "overuse", "summary")])[0],
    )
    Strategy.objects.filter(pk=rest.pk).update(
        explanation=shipped(by_key[("strategy", "rest_recovery", "explanation")])[-1],
    )
    old_why = shipped(by_key[("strategyforcause", "overuse/flat_surfaces", "link")])[0]
    StrategyForCause.objects.create(
        cause=overuse, strategy=Strategy.objects.get(slug="flat_surfaces"), why=old_why
    )

    counts = apply_text_updates(_leaf_apps(), UPDATES, MIGRATION)

    assert counts["updated"] == 3 and counts["left_alone"] == 1
    overuse.refresh_from_db()
    rest.refresh_from_db()
    assert overuse.explanation == "Editor's own explanation."
    assert overuse.summary == by_key[("cause", "overuse", "summary")]["new"]
    assert rest.explanation == by_key[("strategy", "rest_recovery", "explanation")]["new"]
    assert not StrategyForCause.objects.filter(cause=overuse, strategy__slug="flat_surfaces")
    assert overuse.history.filter(history_change_reason__contains=MIGRATION).exists()
    left = ContentUpdateLeftAlone.objects.get()
    assert left.what == "Cause overuse: explanation"
    assert (left.model, left.slug, left.field, left.migration) == (
        "cause", "overuse", "explanation", MIGRATION,
    )  # fmt: skip
    assert left.new_text == by_key[("cause", "overuse", "explanation")]["new"]

    changelist = editor_client.get(reverse("admin:assessments_contentupdateleftalone_changelist"))
    assert changelist.status_code == 200
    assert "Texts the update left alone" in changelist.text
    assert "Cause overuse: explanation" in changelist.text
    assert "Add text the update left alone" not in changelist.text
    detail = editor_client.get(
        reverse("admin:assessments_contentupdateleftalone_change", args=[left.pk])
    )
    assert detail.status_code == 200
    assert "Editor&#x27;s own explanation." in detail.text  # the text now
    assert "5,205 adult runners" in detail.text  # the suggested new text
    assert reverse("admin:assessments_cause_change", args=[overuse.pk]) in detail.text
    assert 'name="_save"' not in detail.text  # read-only
    add = editor_client.get(reverse("admin:assessments_contentupdateleftalone_add"))
    assert add.status_code == 403
    delete_url = reverse("admin:assessments_contentupdateleftalone_delete", args=[left.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not ContentUpdateLeftAlone.objects.exists()


@pytest.mark.django_db
def test_a_link_an_editor_reworded_is_kept_and_listed_with_why_it_would_go():
    link = StrategyForCause.objects.create(
        cause=Cause.objects.get(slug="overuse"),
        strategy=Strategy.objects.get(slug="flat_surfaces"),
        why="Editor: flat runs while sore.",
    )
    counts = apply_text_updates(_leaf_apps(), UPDATES, MIGRATION)
    assert counts["left_alone"] == 1 and counts["updated"] == 0
    assert StrategyForCause.objects.filter(pk=link.pk).exists()
    left = ContentUpdateLeftAlone.objects.get()
    assert left.what == "Strategy for cause overuse → flat_surfaces: remove the link"
    assert "not overuse" in left.new_text


@pytest.mark.django_db
def test_editors_may_view_and_delete_the_records_only():
    codenames = set(
        Group.objects.get(name=EDITORS_GROUP)
        .permissions.filter(content_type__model="contentupdateleftalone")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_contentupdateleftalone", "delete_contentupdateleftalone"}


# Upgrading a live database, as `migrate` does on a deployment: a throwaway SQLite file taken
# to 0013, given the texts as shipped (one reworded by an editor, one from the first release,
# the link 0014 removes), then migrated to 0014. Raw SQL: today's models need not match 0013.

BEFORE_0014 = """
import importlib, json, sys
import django
django.setup()
from django.db import connection
updates = importlib.import_module("assessments.migrations.0014_content_corrections").UPDATES
first_release = {("strategy", "rest_recovery", "explanation")}
with connection.cursor() as sql:
    for u in updates:
        olds = u["old"] if isinstance(u["old"], list) else [u["old"]]
        text = olds[-1] if (u["model"], u["slug"], u["field"]) in first_release else olds[0]
        if u["model"] == "strategyforcause":
            cause, strategy = u["slug"].split("/")
            sql.execute("SELECT id FROM assessments_cause WHERE slug = %s", [cause])
            cause_id = sql.fetchone()[0]
            sql.execute("SELECT id FROM assessments_strategy WHERE slug = %s", [strategy])
            strategy_id = sql.fetchone()[0]
            if u["field"] == "link":
                sql.execute("INSERT INTO assessments_strategyforcause (cause_id, strategy_id, why) "
                            "VALUES (%s, %s, %s)", [cause_id, strategy_id, text])
            else:
                sql.execute("UPDATE assessments_strategyforcause SET why = %s "
                            "WHERE cause_id = %s AND strategy_id = %s",
                            [text, cause_id, strategy_id])
            continue
        table = "assessments_" + u["model"]
        sql.execute(f'UPDATE {table} SET "{u["field"]}" = %s WHERE slug = %s',  # a keyword
                    [text.replace("\\n", "\\r\\n"), u["slug"]])
    sql.execute("UPDATE assessments_cause SET explanation = 'Editor''s own explanation.' "
                "WHERE slug = 'overuse'")
    sql.execute("SELECT number FROM assessments_contentrevision")
    print(json.dumps({"revision": sql.fetchone()[0]}))
"""

AFTER_0014 = """
import importlib, json
import django
django.setup()
from django.db import connection
updates = importlib.import_module("assessments.migrations.0014_content_corrections").UPDATES
stored = {}
with connection.cursor() as sql:
    for u in updates:
        if u["model"] == "strategyforcause":
            cause, strategy = u["slug"].split("/")
            sql.execute("SELECT l.why FROM assessments_strategyforcause l "
                        "JOIN assessments_cause c ON c.id = l.cause_id "
                        "JOIN assessments_strategy s ON s.id = l.strategy_id "
                        "WHERE c.slug = %s AND s.slug = %s", [cause, strategy])
        else:
            sql.execute(f'SELECT "{u["field"]}" FROM assessments_{u["model"]} WHERE slug = %s',
                        [u["slug"]])
        row = sql.fetchone()
        stored["|".join([u["model"], u["slug"], u["field"]])] = row[0] if row else None
    sql.execute("SELECT what, model, slug, field, new_text, migration "
                "FROM assessments_contentupdateleftalone")
    left = [list(row) for row in sql.fetchall()]
    sql.execute("SELECT number FROM assessments_contentrevision")
    revision = sql.fetchone()[0]
    sql.execute("SELECT COUNT(*) FROM assessments_historicalcause "
                "WHERE history_change_reason LIKE %s", ["%0014_content_corrections%"])
    history = sql.fetchone()[0]
    sql.execute("SELECT COUNT(*) FROM assessments_historicalcause_only_with m "
                "JOIN assessments_historicalcause h ON h.history_id = m.history_id "
                "WHERE h.slug = 'cold' AND h.history_change_reason LIKE %s",
                ["%0014_content_corrections%"])
    cold_only_with = sql.fetchone()[0]
print(json.dumps({"stored": stored, "left": left, "revision": revision, "history": history,
                  "cold_only_with": cold_only_with}))
"""


def _run(env, *args):
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory, migrated_databases):
    # A copy of the database as migrated to assessments 0013 (once a session, tests/databases.py).
    env = sqlite_env(migrated_databases.copy(tmp_path_factory.mktemp("corrections"),
                                             "assessments", "0013"))  # fmt: skip
    before = _run(env, "-c", BEFORE_0014)
    assert before.returncode == 0, before.stderr
    rest = _run(env, "manage.py", "migrate", "assessments", MIGRATION, "-v0")
    assert rest.returncode == 0, rest.stderr + rest.stdout
    after = _run(env, "-c", AFTER_0014)
    assert after.returncode == 0, after.stderr
    return {**json.loads(after.stdout), "revision_before": json.loads(before.stdout)["revision"]}


def test_the_upgrade_corrects_every_untouched_text(upgraded):
    for update in UPDATES:
        key = "|".join([update["model"], update["slug"], update["field"]])
        if key == "cause|overuse|explanation":
            continue
        stored = upgraded["stored"][key]
        if update["new"] is None:
            assert stored is None, key  # the link is gone
        else:
            assert normalise(update["field"], stored) == normalise(update["field"], update["new"])
    # The first release's text is replaced too (set for rest_recovery's explanation).
    rest = next(u for u in UPDATES if (u["slug"], u["field"]) == ("rest_recovery", "explanation"))
    assert len(shipped(rest)) == 2
    assert upgraded["revision"] > upgraded["revision_before"]
    assert upgraded["history"] >= 8  # one history row per corrected cause
    assert upgraded["cold_only_with"] == 1  # reverting to it keeps "cold only after a cold run"


def test_the_upgrade_leaves_the_editors_text_and_lists_it(upgraded):
    assert upgraded["stored"]["cause|overuse|explanation"] == "Editor's own explanation."
    new = next(u for u in UPDATES if (u["slug"], u["field"]) == ("overuse", "explanation"))
    assert upgraded["left"] == [
        ["Cause overuse: explanation", "cause", "overuse", "explanation", new["new"], MIGRATION]
    ]


def see_someone_problems(text):
    """Like `time_frame_problems`, for texts that may state other durations (the questionnaire
    asks "more than 7 days?"): only a sentence about seeing someone must use the one time
    frame."""
    problems = []
    for sentence in sentences(text):
        if not (SEE_SOMEONE.search(sentence) or CHECKING.search(sentence)):
            continue
        for match in DURATION.finditer(sentence):
            duration = re.sub(r"\s+", " ", match.group(0))
            if not ALLOWED_DURATION.match(duration):
                problems.append(f"'{duration}' beside seeing someone in: {sentence}")
            elif duration == "5 days" and ONE_TIME_FRAME not in sentence:
                problems.append(f"'5 days' without '{ONE_TIME_FRAME}' in: {sentence}")
    return problems


CHECKING = re.compile(r"\bcheck\w*\b|\bbe seen\b", re.I)


@pytest.mark.parametrize(
    "text",
    ["Pain lasting over 7 days needs checking.", "See a GP if it lasts over 2 weeks."],
)
def test_the_questionnaire_check_catches_another_time_frame(text):
    assert see_someone_problems(text)


@pytest.mark.django_db
def test_the_questionnaire_and_its_advice_give_the_one_time_frame_and_no_article():
    from assessments import default_questionnaire
    from assessments.content import build_content
    from assessments.scoring import Triage, first_steps
    from runlog import problems

    content = build_content()
    texts = [(f"question {q.slug}", f"{q.text} {q.help_text}") for q in content.questions]
    texts += [
        (f"answer {q.slug}:{c.slug}", f"{c.label}. {c.triage_message}")
        for q in content.questions
        for c in q.choices
    ]
    texts += [
        (f"why {q.slug}:{c.slug}", w.reason) for q in content.questions for c in q.choices
        for w in c.weights
    ]  # fmt: skip
    texts += [(f"escalation {e.slug}", f"{e.title}. {e.message}") for e in content.escalations]
    texts += [(f"step of {s.slug}", t.text) for s in content.strategies for t in s.tips]
    texts += [
        (f"first steps at {level}", " ".join(first_steps(Triage(level, ()), [], content, {})))
        for level in ("self_care", "soon", "urgent", "emergency")
    ]
    texts += [
        (f"run log: {name}", getattr(problems, name))
        for name in ("ADVICE", "HIP_ADVICE", "CALF_SWELLING_ADVICE")
    ]
    texts += [(f"screen {n}", t) for n, t in default_questionnaire.SCREENS.items()]
    for where, text in texts:
        assert not ARTICLE.search(text), where
        assert see_someone_problems(text) == [], where

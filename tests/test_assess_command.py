"""`manage.py assess`, exactly as ../shared/assessment-contract.md fixes it."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run_assess(stdin_text=None, path=None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin_text is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    args = [path] if path else []
    call_command("assess", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reads_stdin_and_prints_the_contract_shape(monkeypatch):
    # v3: a skipped side counts as one leg (a pattern escalation), so both legs are given.
    answers = {"red_flags": ["none"], "experience": "new", "load_change": "up_large",
               "location": ["quads", "calves"], "sides": "both"}  # fmt: skip
    out, _ = run_assess(json.dumps(answers), monkeypatch=monkeypatch)
    result = json.loads(out)
    assert set(result) == {"triage", "causes", "plan", "strategies"}
    assert result["triage"] == {"level": "self_care", "flags": []}
    assert result["plan"] == "now"
    assert result["causes"][0]["slug"] == "overuse"
    scores = [c["score"] for c in result["causes"]]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 100 for s in scores)
    assert all(c["reasons"] for c in result["causes"])
    assert all(set(s) == {"slug", "title", "for_causes", "steps"} for s in result["strategies"])
    gradual = next(s for s in result["strategies"] if s["slug"] == "gradual_increase")
    assert gradual["steps"], "a big jump gets a personal step"


def test_reads_a_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"red_flags": ["breathless"]}))
    out, _ = run_assess(path=str(path))
    result = json.loads(out)
    assert result["triage"]["level"] == "emergency"
    assert result["triage"]["flags"][0]["slug"] == "breathless"
    # At emergency the warning is the whole advice.
    assert (result["plan"], result["causes"], result["strategies"]) == ("withheld", [], [])


BAD = [
    ('{"nope": "x"}', "nope"),
    ('{"experience": "veteran"}', "veteran"),
    ('{"experience": ["new"]}', "experience"),
    ("not json", "JSON"),
    ('["a list"]', "object"),
    ('{"terrain": "downhill"}', "red_flags"),  # the warning-sign question must be answered
    ('{"red_flags": []}', "red_flags"),
    ('{"red_flags": "none"}', "red_flags"),  # a list, for a pick-any question
]


@pytest.fixture(scope="module")
def shell_env(tmp_path_factory, migrated_databases):
    """A migrated throwaway SQLite database, for running `assess` as a shell would."""
    path = migrated_databases.copy(tmp_path_factory.mktemp("assess"))
    return {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}


def shell_assess(env, stdin_text):
    return subprocess.run(
        [sys.executable, "manage.py", "assess"],
        input=stdin_text, capture_output=True, text=True, timeout=60, check=False, env=env,
    )  # fmt: skip


@pytest.mark.parametrize(("stdin_text", "culprit"), BAD)
def test_bad_answers_exit_2_with_one_line_on_stderr_and_nothing_on_stdout(
    stdin_text, culprit, shell_env
):
    result = shell_assess(shell_env, stdin_text)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert culprit in result.stderr


def test_good_answers_exit_0_from_the_shell(shell_env):
    result = shell_assess(shell_env, '{"red_flags": ["none"], "terrain": "downhill"}')
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["causes"][0]["slug"] == "eccentric_load"


@pytest.mark.parametrize(("stdin_text", "culprit"), BAD)
def test_bad_answers_raise_a_command_error_with_status_2(stdin_text, culprit, monkeypatch):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=culprit) as caught:
        run_assess(stdin_text, monkeypatch=monkeypatch)
    assert caught.value.returncode == 2


def test_missing_file_is_status_2(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        run_assess(path=str(tmp_path / "missing.json"))
    assert caught.value.returncode == 2

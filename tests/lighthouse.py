"""Lighthouse (mobile) figures of the production configuration: `make lighthouse`.

What it runs. The production configuration as `make bench` starts it (tests/bench.py):
gunicorn with `legache/gunicorn.conf.py`, DEBUG off, whitenoise static files, the Redis
cache (database 15, emptied first), on a free loopback port, against a throwaway SQLite file
in a temporary folder that the migrations fill with the default content. Uploaded files go to
the same folder. Nothing leaves 127.0.0.1.

What it prepares. A finished questionnaire, its seven screens posted over HTTP as a visitor
would; a runner with twelve weeks of log (four runs a week, a check-in the day after each
run) and one imported GPX run, staged and imported by the app's own import code; the
runner signs in over HTTP.

What it measures. Lighthouse 12 (`lighthouse` on the PATH, Chromium from CHROME_PATH,
/usr/bin/chromium by default), mobile form factor, default (simulated) throttling,
categories performance, accessibility and best practices, on four pages: the landing page
`/`, the result page, the dashboard `/me/` and the imported run's page `/me/runs/<id>/`.
The signed-in pages get the session's cookie through `--extra-headers`.

Targets: accessibility 100, best practices 100, performance 95 or more, on every page.
Exit status 0 when every target holds, 1 otherwise: the failed audits are listed (id, title
and a few of the items it found) for accessibility and best practices, and the metrics and
top opportunities for performance, with the long tasks behind Total Blocking Time.

LIGHTHOUSE_RUNS (3 by default) runs Lighthouse that many times a page and keeps the run of
median performance, as Lighthouse's own guidance on variability advises: on a busy machine the
simulated CPU slowdown (4x) multiplies whatever else is running. LIGHTHOUSE_KEEP=folder keeps
the kept JSON reports there.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.bench import (
    ANSWERS_BY_STEP,
    BIN,
    HOST,
    PASSWORD,
    ROOT,
    BenchError,
    Client,
    empty_redis,
    free_port,
    manage,
    server_env,
    stop,
    wait_for_health,
)

CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE_TIMEOUT = 300
RUNS = max(1, int(os.environ.get("LIGHTHOUSE_RUNS", "3")))
RUNNER_EMAIL = "lighthouse@example.com"
WEEKS = 12
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)

# Run with `manage.py shell` against the throwaway database; prints one JSON line.
SEED_RUNNER = f"""
import json, random
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from allauth.account.models import EmailAddress
from runlog.import_views import _stage
from runlog.imports import run_import
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
from tests import importer_files as files

User = get_user_model()
runner = User.objects.create_user("lighthouse", {RUNNER_EMAIL!r}, {PASSWORD!r})
EmailAddress.objects.create(user=runner, email=runner.email, primary=True, verified=True)
RunnerSettings.objects.update_or_create(user=runner, defaults={{"time_zone": "Europe/London"}})
now, rng = timezone.now().replace(microsecond=0), random.Random(17)
for week in range({WEEKS}):
    for day in (0, 2, 4, 6):
        start = now - timedelta(days=7 * week + day + 1, hours=rng.randint(1, 10))
        run = Run.objects.create(
            owner=runner, start=start, distance_m=rng.randint(4_000, 16_000),
            duration_s=rng.randint(1_500, 5_400), rpe=rng.randint(2, 8),
            terrain=rng.choice(["flat", "hilly", "rolling"]),
            warm_up_done=rng.choice([True, False]))
        entry = SorenessEntry.objects.create(
            owner=runner, run=run, recorded_at=start + timedelta(hours=20),
            soreness=rng.randint(0, 6))
        if entry.soreness:
            SoreRegion.objects.create(entry=entry, region=rng.choice(["quads", "calves", "shins"]),
                                      side=rng.choice(["left", "right"]), soreness=entry.soreness)
start = now - timedelta(hours=3)
gpx = files.gpx_bytes(files.route(2_401, step_m=2.9, start=start, elevation=files.waves(25, 4)))
batch = _stage(runner, [SimpleUploadedFile("morning.gpx", gpx)])
run_import(batch.pk)
run = Run.objects.filter(owner=runner, start__gte=start - timedelta(minutes=1)).get()
print(json.dumps({{"run_id": run.pk, "runs": Run.objects.filter(owner=runner).count()}}))
"""


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    cookie: str = ""


@dataclass(frozen=True)
class Report:
    page: Page
    scores: dict[str, int]
    failures: list[str]
    details: list[str]


@contextmanager
def production_server(folder: Path):
    """Migrate a SQLite file in `folder`, collect static files and serve; yields the port and
    the server's environment. The server is stopped in every case."""
    port = free_port()
    env = server_env(f"sqlite:///{folder / 'lighthouse.sqlite3'}", port)
    env["LEGACHE_MEDIA_ROOT"] = str(folder / "media")
    env["LEGACHE_UPLOAD_TEMP_DIR"] = str(folder)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    empty_redis()
    with tempfile.TemporaryFile(mode="w+") as log:
        server = subprocess.Popen(
            [BIN / "gunicorn", "--config", "legache/gunicorn.conf.py", "legache.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_health(port, server)
            yield port, env
        except BenchError:
            log.seek(0)
            print(log.read()[-3000:], file=sys.stderr)
            raise
        finally:
            stop(server)


def seed_runner(env: dict[str, str]) -> int:
    """The runner's twelve weeks and imported run; returns that run's id."""
    result = subprocess.run(
        [BIN / "python", "manage.py", "shell", "-c", SEED_RUNNER],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    if result.returncode != 0:
        raise BenchError(f"seeding the runner failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])["run_id"]


def prepare(port: int, env: dict[str, str]) -> list[Page]:
    """The data behind the four pages; returns them, each with the cookie it needs."""
    visitor = Client(port)
    visitor.get_csrf_token()
    assessment = visitor.start_assessment()
    for number, form in ANSWERS_BY_STEP.items():
        location = visitor.post_step(assessment, number, form)
    result_path = f"/assessment/{assessment}/"
    if location != result_path:
        raise BenchError(f"the last step redirected to {location!r}, not {result_path!r}")
    run_id = seed_runner(env)
    runner = Client(port)
    runner.sign_in(RUNNER_EMAIL)
    pages = [
        Page("landing page", "/"),
        Page("result page", result_path, f"sessionid={visitor.cookies['sessionid']}"),
        Page("dashboard", "/me/", f"sessionid={runner.cookies['sessionid']}"),
        Page("run page", f"/me/runs/{run_id}/", f"sessionid={runner.cookies['sessionid']}"),
    ]
    for page in pages:  # each answers 200 to its cookie, not a redirect to sign in
        check = Client(port)
        if page.cookie:
            check.cookies["sessionid"] = page.cookie.split("=", 1)[1]
        status, location = check.request("GET", page.path)
        if status != 200:
            raise BenchError(f"{page.name} {page.path} answered {status} {location!r}")
    return pages


def lighthouse(port: int, page: Page, folder: Path, attempt: int = 1) -> dict:
    """One Lighthouse run on `page`; returns its JSON report (the Lighthouse result)."""
    out = folder / f"{page.name.replace(' ', '-')}-{attempt}.json"
    command = [
        shutil.which("lighthouse") or "lighthouse",
        f"http://{HOST}:{port}{page.path}",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox",
        "--quiet",
    ]
    if page.cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': page.cookie})}")
    # Chrome's throwaway profile goes in our folder (TMPDIR), removed with it.
    env = {**os.environ, "CHROME_PATH": CHROME_PATH, "TMPDIR": str(folder)}
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group: Chrome goes with it if we must kill it
    )
    try:
        _, stderr = process.communicate(timeout=LIGHTHOUSE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise BenchError(f"lighthouse on {page.path} took over {LIGHTHOUSE_TIMEOUT} s") from None
    if process.returncode != 0 or not out.exists():
        raise BenchError(f"lighthouse on {page.path} failed:\n{stderr[-3000:]}")
    report = json.loads(out.read_text())
    if report.get("runtimeError"):
        raise BenchError(f"lighthouse on {page.path}: {report['runtimeError']}")
    return report


def _items(audit: dict, limit: int = 3) -> list[str]:
    """A few of what a failed audit found: selectors, URLs or descriptions."""
    found = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        text = (
            node.get("selector")
            or item.get("url")
            or item.get("description")
            or source.get("url")
            or node.get("snippet")
        )
        if text:
            label = (node.get("explanation") or "").splitlines()
            found.append(str(text)[:110] + (f"  ({label[-1][:90]})" if label else ""))
    return found


def _short(url: str) -> str:
    """A static file by its name, a page by its path ("Unattributable" as it is)."""
    if not url.startswith("http"):
        return url
    if "/static/" in url:
        return url.rsplit("/", 1)[-1]
    return "/" + url.split("/", 3)[-1]


def assess(page: Page, report: dict) -> Report:
    """Scores against the targets; the failed audits and the performance metrics."""
    categories, audits = report["categories"], report["audits"]
    scores = {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}
    failures, details = [], []
    for name in ("accessibility", "best-practices"):
        for ref in categories[name]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1:
                weight = ref.get("weight", 0)
                details.append(f"{name}: {audit['id']} ({audit['title']}), weight {weight}")
                details.extend(f"    {item}" for item in _items(audit))
    metrics = ", ".join(
        f"{audits[m]['id'].replace('-', ' ')} {audits[m]['displayValue']}"
        f" ({round((audits[m]['score'] or 0) * 100)})"
        for m in METRICS
        if m in audits
    )
    details.append(f"performance metrics: {metrics}")
    long_tasks = (audits.get("long-tasks", {}).get("details") or {}).get("items", [])
    if long_tasks:
        tasks = ", ".join(
            f"{_short(item['url'])} {item['duration']:.0f} ms" for item in long_tasks[:4]
        )
        details.append(f"performance: long tasks (throttled): {tasks}")
    dom = audits.get("dom-size", {})
    if dom.get("score") is not None and dom["score"] < 1:
        details.append(f"performance: dom-size ({dom['title']}), {dom.get('displayValue')}")
    opportunities = []
    for audit in audits.values():
        savings = (audit.get("metricSavings") or {}).get("LCP", 0) or 0
        savings = max(savings, (audit.get("details") or {}).get("overallSavingsMs", 0) or 0)
        if audit.get("score") is not None and audit["score"] < 1 and savings > 0:
            opportunities.append((savings, audit))
    for savings, audit in sorted(opportunities, key=lambda pair: -pair[0])[:5]:
        details.append(
            f"performance: {audit['id']} ({audit['title']}), about {savings:.0f} ms"
            + (f", {audit['displayValue']}" if audit.get("displayValue") else "")
        )
    for name, score in scores.items():
        if score < TARGETS[name]:
            failures.append(f"{page.name}: {name} {score} < {TARGETS[name]}")
    return Report(page, scores, failures, details)


def print_reports(reports: list[Report]) -> list[str]:
    print(f"\nLighthouse, mobile, simulated throttling; median performance of {RUNS} run(s)")
    print(
        f"\n{'page':<14}{'path':<48}{'performance':>13}{'accessibility':>15}{'best practices':>16}"
    )
    targets = f"{'':<14}{'(targets)':<48}{'>= 95':>13}{'100':>15}{'100':>16}"
    print(targets)
    for report in reports:
        s = report.scores
        print(
            f"{report.page.name:<14}{report.page.path:<48}{s['performance']:>13}"
            f"{s['accessibility']:>15}{s['best-practices']:>16}"
        )
    failures = []
    for report in reports:
        print(f"\n{report.page.name} ({report.page.path})")
        for line in report.details:
            print(f"  {line}")
        failures.extend(report.failures)
    return failures


def run() -> list[str]:
    if not shutil.which("lighthouse"):
        raise BenchError("lighthouse is not installed (npm install -g lighthouse)")
    if not Path(CHROME_PATH).exists():
        raise BenchError(f"no Chromium at {CHROME_PATH}: set CHROME_PATH")
    with tempfile.TemporaryDirectory(prefix="legache-lighthouse-") as name:
        folder = Path(name)
        with production_server(folder) as (port, env):
            pages = prepare(port, env)
            reports, kept = [], []
            for page in pages:
                runs = []
                for attempt in range(1, RUNS + 1):
                    result = lighthouse(port, page, folder, attempt)
                    runs.append((result["categories"]["performance"]["score"] or 0, attempt))
                    print(
                        f"lighthouse: {page.name} {page.path}, run {attempt}: performance "
                        f"{round(runs[-1][0] * 100)}",
                        flush=True,
                    )
                _, median = sorted(runs)[len(runs) // 2]
                out = folder / f"{page.name.replace(' ', '-')}-{median}.json"
                reports.append(assess(page, json.loads(out.read_text())))
                kept.append(out)
        keep = os.environ.get("LIGHTHOUSE_KEEP")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            for out in kept:
                shutil.copy(out, Path(keep) / out.name)
    return print_reports(reports)


def main() -> int:
    try:
        failures = run()
    except BenchError as error:
        print(f"\nLighthouse could not run: {error}", file=sys.stderr)
        return 1
    if failures:
        print("\nTargets that did not hold:\n  " + "\n  ".join(failures))
        return 1
    print("\nAll targets held.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

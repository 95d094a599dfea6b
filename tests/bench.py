"""Load benchmark of the production configuration: `make bench`.

What it runs. gunicorn with `legache/gunicorn.conf.py` and 4 sync workers, DEBUG off,
whitenoise static files, Redis cache (a database of its own, emptied first), on a free
loopback port, against throwaway databases: a SQLite file in a temporary folder, then a
PostgreSQL database `legache_bench` that is dropped and created again. Plain HTTP, so the
TLS redirect is off (DJANGO_SECURE_SSL_REDIRECT=0); nothing leaves 127.0.0.1.

Read and write throughput (wrk, 16 connections, BENCH_SECONDS per target, 10 by default),
first on SQLite, then on PostgreSQL:

    /healthz       the reference: the whole middleware stack and one `SELECT 1`
    cause page     a content page rendered from a few queries
    step POST      one questionnaire screen saved (a locked write) and redirected; the
                   requests rotate over 16 runners, each with a session and assessment
    result page    a finished assessment's stored snapshot rendered
    dashboard      a signed-in runner's /me/ with 5,000 runs and 2,000 check-ins

Each row shows requests per second, median (p50) and p99 latency, errors (socket errors and
answers other than 2xx/3xx), and "x ref": its requests per second divided by /healthz's in
the same run. Absolute numbers depend on the machine; the ratio says what a page costs
beyond the bare stack, so 0.50 means the page does as much work again as /healthz.
Targets, as ratios to the reference: cause page 0.40, step POST 0.25, result page 0.20,
dashboard 0.10; and no row has errors.

Write hammers, first on SQLite, then on PostgreSQL: 32 runners, each with their own session
and CSRF token, start 25 assessments each at once; and 32 signed-in runners log 25 runs each
at once. Every redirect must stand for one new row (counted in the database directly, before
and after). Targets: no failed request and no lost row.

Imports, on each database: a 50,000-point GPX parsed and saved (against gpxpy parsing the
same file alone, the floor), and a Strava-style export of 500 activities imported end to end
by `manage.py db_worker` (against gpxpy parsing its 500 files alone). Targets: the GPX in
under 2 s and within 1.5x of the floor; the export in under 60 s.

The import queue (SQLite, no server; runs alone with `python -m tests.bench --only
imports-queue`): the peak memory (VmHWM, the resident high-water mark, from wait4's rusage)
of a `manage.py db_worker --batch` child importing a 200 MB Strava-style upload (50 runs and a
big video it never reads), and refusing a zip of a million real, empty entries (an end record
read, not a directory parsed), against an idle worker's; and how long a runner's one-file
upload waits behind another runner's three 50-file uploads, against the longest task the
worker spent on one of those (one batch, or one slice of it). Targets: both peaks under
150 MB; the wait no longer than that one task.

Exit status 0 when every target holds, 1 otherwise (the failed targets are listed).
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
WRK_THREADS = 2
WORKERS = 4
WRITERS = 32
WRITES_EACH = 25
MIN_RATIOS = {"cause page": 0.40, "assessment step POST": 0.25, "result page": 0.20,
              "dashboard": 0.10}  # fmt: skip
RUNNER_RUNS = 5_000
RUNNER_CHECKINS = 2_000
PASSWORD = "bench-passphrase-not-secret"

GPX_POINTS = 50_000
EXPORT_ACTIVITIES = 500
MAX_GPX_SECONDS, MAX_GPX_RATIO, MAX_EXPORT_SECONDS = 2.0, 1.5, 60.0

# Run with `manage.py shell` against the benchmark's database; prints one JSON line.
IMPORT_BENCH = f"""
import gc, json, subprocess, sys, time
from datetime import timedelta
import gpxpy
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from runlog.import_views import _stage
from runlog.imports import run_import
from runlog.models import ImportBatch, Run
from tests import importer_files as files

def best(function, times=2):
    spent = []
    for _ in range(times):
        gc.collect()
        began = time.perf_counter(); function(); spent.append(time.perf_counter() - began)
    return min(spent)

User = get_user_model()
now = timezone.now().replace(microsecond=0)
big = files.gpx_bytes(files.route({GPX_POINTS}, start=now - timedelta(days=2),
                                  elevation=files.waves(30, 12)))
floor = best(lambda: gpxpy.parse(big.decode()))
spent = []
for n in range(2):  # a runner each, so neither finds the other's run a duplicate
    user = User.objects.create_user(f"gpx{{n}}", f"gpx{{n}}@example.com", "x")
    batch = _stage(user, [SimpleUploadedFile("big.gpx", big)])
    began = time.perf_counter(); run_import(batch.pk); spent.append(time.perf_counter() - began)
    assert Run.objects.filter(owner=user).count() == 1, "the big GPX was not imported"
gpx = {{"seconds": min(spent), "floor": floor}}

starts = [now - timedelta(days=3 * n + 1, hours=2) for n in range({EXPORT_ACTIVITIES})]
rows, members, bodies = [], {{}}, []
for number, start in enumerate(starts, start=1):
    body = files.gpx_bytes(files.route(601, start=start, elevation=files.waves(10, 3)))
    bodies.append(body)
    members[f"activities/{{number}}.gpx.gz"] = files.gz(body)
    rows.append(files.StravaRow(str(number), start, filename=f"activities/{{number}}.gpx.gz",
                                distance_m=1800, elapsed_s=601))
export = files.strava_export(rows, members)
floor = best(lambda: [gpxpy.parse(body.decode()) for body in bodies], times=1)
user = User.objects.create_user("export", "export@example.com", "x")
began = time.perf_counter()
batch = _stage(user, [SimpleUploadedFile("export.zip", export)])  # queued on commit
subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
               check=True, capture_output=True)
seconds = time.perf_counter() - began
batch = ImportBatch.objects.get(pk=batch.pk)
print(json.dumps({{"gpx": gpx, "export": {{"seconds": seconds, "floor": floor,
      "imported": batch.imported, "status": batch.status, "mb": len(export) / 1e6}}}}))
"""

MAX_WORKER_MB = 150
BIG_UPLOAD_MB = 200
MILLION = 1_000_000

# Run with `manage.py shell` against a fresh SQLite database; prints one JSON line.
QUEUE_BENCH = f"""
import json, os, resource, struct, subprocess, sys, tempfile, time, zlib
from datetime import timedelta
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from runlog.import_views import _stage
from runlog.models import ImportBatch, Run
from tests import importer_files as files

User = get_user_model()
now = timezone.now().replace(microsecond=0)
folder = tempfile.mkdtemp(prefix="legache-queue-bench-")

# A db_worker that runs what is queued, then exits, writing its VmHWM (its own resident
# high-water mark) as it goes. Not wait4's ru_maxrss: Linux counts in it the memory of this
# process, which the child was forked from before it exec'd.
PEAK = (
    "import atexit, runpy, sys\\n"
    "out = sys.argv[1]\\n"
    "def peak():\\n"
    "    lines = open('/proc/self/status').read().splitlines()\\n"
    "    hwm = [l.split()[1] for l in lines if l.startswith('VmHWM:')][0]\\n"
    "    open(out, 'w').write(hwm)\\n"
    "atexit.register(peak)\\n"
    "sys.argv = ['manage.py', 'db_worker', '--batch', '--no-startup-delay']\\n"
    "runpy.run_path('manage.py', run_name='__main__')\\n"
)

def worker_peak_mb():
    out = os.path.join(folder, "peak")
    child = subprocess.run([sys.executable, "-c", PEAK, out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, check=False)
    if child.returncode:
        raise SystemExit(child.stderr.decode()[-2000:])
    return int(open(out).read()) / 1024  # kB

def staged(user, path, name):
    with open(path, "rb") as handle:
        return _stage(user, [UploadedFile(handle, name=name, size=os.path.getsize(path))])

idle = worker_peak_mb()

# 200 MB: a Strava-style export of 50 runs, and a video of random bytes it never reads.
rows, members = [], {{}}
for n in range(1, 51):
    start = now - timedelta(days=n, hours=3)
    body = files.gpx_bytes(files.route(3_001, start=start))
    members[f"activities/{{n}}.gpx.gz"] = files.gz(body)
    rows.append(files.StravaRow(str(n), start, filename=f"activities/{{n}}.gpx.gz",
                                distance_m=9_000, elapsed_s=3_000))
export = files.strava_export(rows, members)
big_path = os.path.join(folder, "export.zip")
with open(big_path, "wb") as out:
    out.write(export)
import zipfile
with zipfile.ZipFile(big_path, "a") as archive:  # and a stored video entry, written in MBs
    with archive.open(zipfile.ZipInfo("media/video.mp4"), "w", force_zip64=True) as video:
        for _ in range({BIG_UPLOAD_MB}):
            video.write(os.urandom(1024 * 1024))
big_user = User.objects.create_user("big", "big@example.com", "x")
batch = staged(big_user, big_path, "export.zip")
big_mb = worker_peak_mb()
batch = ImportBatch.objects.get(pk=batch.pk)
big = {{"mb": big_mb, "upload_mb": os.path.getsize(big_path) / 1e6, "imported": batch.imported,
        "status": batch.status}}

# A million real, empty entries: local headers, their directory, zip64 end records.
million_path = os.path.join(folder, "million.zip")
with open(million_path, "wb") as out:
    offsets, position = [], 0
    local = struct.Struct("<4s5H3L2H")
    for i in range({MILLION}):
        name = b"e/%07d" % i
        offsets.append(position)
        out.write(local.pack(b"PK\\x03\\x04", 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0) + name)
        position += local.size + len(name)
    start = position
    central = struct.Struct("<4s6H3L5H2L")
    for i in range({MILLION}):
        name = b"e/%07d" % i
        out.write(central.pack(b"PK\\x01\\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0,
                               0, 0, 0, offsets[i]) + name)
    size = out.tell() - start
    here = out.tell()
    out.write(struct.pack("<4sQ2H2L4Q", b"PK\\x06\\x06", 44, 45, 45, 0, 0, {MILLION},
                          {MILLION}, size, start))
    out.write(struct.pack("<4sLQL", b"PK\\x06\\x07", 0, here, 1))
    out.write(struct.pack("<4s4H2LH", b"PK\\x05\\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                          0xFFFFFFFF, 0))
million_user = User.objects.create_user("million", "million@example.com", "x")
batch = staged(million_user, million_path, "million.zip")
million_mb = worker_peak_mb()
batch = ImportBatch.objects.get(pk=batch.pk)
million = {{"mb": million_mb, "zip_mb": os.path.getsize(million_path) / 1e6,
            "reason": batch.summary[0]["results"][0].get("reason", "")}}

# Fairness: Alice queues three 50-file uploads, then Bob one file.
alice = User.objects.create_user("alice", "alice@example.com", "x")
bob = User.objects.create_user("bob", "bob@example.com", "x")
for b in range(3):
    uploads = []
    for n in range(50):
        start = now - timedelta(days=200 + 60 * b + n)
        uploads.append(SimpleUploadedFile(f"{{n}}.gpx", files.gpx_bytes(
            files.route(2_001, start=start))))
    _stage(alice, uploads)
bobs = _stage(bob, [SimpleUploadedFile("run.gpx", files.gpx_bytes(
    files.route(601, start=now - timedelta(days=1))))])
worker_peak_mb()
bobs = ImportBatch.objects.get(pk=bobs.pk)
alice_ids = set(ImportBatch.objects.filter(owner=alice).values_list("pk", flat=True))
queued = DBTaskResult.objects.filter(task_path="runlog.tasks.import_batch",
                                     started_at__gte=bobs.created_at)
tasks = [t for t in queued if t.args_kwargs["args"][0] in alice_ids and t.finished_at]
# From when the worker took its first task of the queue (not its start-up) to Bob's start.
first = min(t.started_at for t in queued)
wait = (bobs.started_at - max(bobs.created_at, first)).total_seconds()
longest = max((t.finished_at - t.started_at).total_seconds() for t in tasks)
alice_runs = Run.objects.filter(owner=alice).count()
fair = {{"wait": wait, "longest": longest, "alice_tasks": len(tasks), "alice_runs": alice_runs,
         "bob_status": bobs.status}}
print(json.dumps({{"idle_mb": idle, "big": big, "million": million, "fair": fair}}))
"""

# The runner behind the dashboard row, and the run loggers of the hammer, made in one go.
SEED_RUNNERS = f"""
import random
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from allauth.account.models import EmailAddress
from runlog.models import Run, RunnerSettings, SorenessEntry, SoreRegion
User = get_user_model()
password = make_password({PASSWORD!r})
users = User.objects.bulk_create(
    [User(username=f"bench{{n}}", email=f"bench{{n}}@example.com", password=password)
     for n in range({WRITERS + 1})])
EmailAddress.objects.bulk_create(
    [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users])
RunnerSettings.objects.bulk_create(
    [RunnerSettings(user=u, time_zone="Europe/London") for u in users])
runner, now, rng = users[0], timezone.now(), random.Random(7)
runs = Run.objects.bulk_create([
    Run(owner=runner, start=now - timedelta(days=n * 0.9, hours=6),
        distance_m=rng.randint(3_000, 21_000), duration_s=rng.randint(1_200, 7_200),
        rpe=rng.randint(2, 9), terrain=rng.choice(["flat", "hilly", "rolling", ""]),
        warm_up_done=rng.choice([True, False, None]))
    for n in range({RUNNER_RUNS})], batch_size=1000)
entries = SorenessEntry.objects.bulk_create([
    SorenessEntry(owner=runner, run=run, recorded_at=run.start + timedelta(hours=20),
                  soreness=rng.randint(0, 7))
    for run in runs[:{RUNNER_CHECKINS}]], batch_size=1000)
SoreRegion.objects.bulk_create([
    SoreRegion(entry=e, region=rng.choice(["quads", "calves", "shins"]), side="left")
    for e in entries], batch_size=1000)
"""

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "legache_bench"
REDIS_URL = "redis://127.0.0.1:6379/15"  # a Redis database for the benchmark alone

# Answers for the seven screens that finish one assessment (contract v3's order).
ANSWERS_BY_STEP = {
    1: {"q-red_flags": "none"},
    2: {},
    3: {"q-location": "quads", "q-sides": "both", "q-onset": "next_day"},
    4: {"q-terrain": "downhill"},
    5: {"q-experience": "new", "q-load_change": "up_large"},
    6: {},
    7: {},
}
# Re-saving the training screen (5) of an unfinished assessment: one locked write, then a
# 302 to screen 6.
STEP_POST_SCREEN = 5
STEP_POST_FORM = {"q-experience": "new"}


class BenchError(Exception):
    """The benchmark could not run (as opposed to a target that did not hold)."""


# The server.


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(database_url: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "LEGACHE_SITE_URL": f"http://{HOST}:{port}",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "GUNICORN_WORKERS": str(WORKERS),
        # As behind a proxy: each bench runner has an address of its own (X-Forwarded-For),
        # so per-address sign-in limits see many runners, as in production.
        "DJANGO_TRUSTED_PROXIES": HOST,
        "GUNICORN_BIND": f"{HOST}:{port}",
    }


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [BIN / "python", "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")


def empty_redis() -> None:
    """Start from an empty cache, so no session or content snapshot of another run is used."""
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.RedisError as error:
        raise BenchError(f"Redis is not answering at {REDIS_URL}: {error}") from error


def wait_for_health(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with status {server.returncode}")
        try:
            status, _ = Client(port).request("GET", "/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"/healthz did not answer 200 within {timeout:.0f} s")


@contextmanager
def gunicorn(database_url: str):
    """Migrate, collect static files and serve `database_url`; yields the port.

    If the run fails while it serves, the end of gunicorn's log (tracebacks included) is
    printed; the server is stopped in every case.
    """
    port = free_port()
    env = server_env(database_url, port)
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
            yield port
        except BenchError:
            log.seek(0)
            print(log.read()[-3000:], file=sys.stderr)
            raise
        finally:
            stop(server)


def stop(server: subprocess.Popen) -> None:
    """SIGINT is gunicorn's quick shutdown; kill the master if it does not go in time."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


# A runner's browser.


class Client:
    """One runner: a connection of its own and its cookies, CSRF token and session."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.cookies: dict[str, str] = {}
        # An address in the benchmarking range (RFC 2544), sent as the proxy would.
        self.address = f"198.18.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def form_headers(self) -> dict[str, str]:
        """Headers of a form POST; over plain HTTP Django needs no Referer."""
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie_header(),
            "X-CSRFToken": self.cookies["csrftoken"],
        }

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        """Send one request; returns the status and the Location header."""
        if form is None:
            body, headers = None, {"Cookie": self.cookie_header()}
        else:
            body, headers = urlencode(form), self.form_headers()
        headers["X-Forwarded-For"] = self.address
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for morsel in SimpleCookie(header).values():
                self.cookies[morsel.key] = morsel.value
        return response.status, response.getheader("Location", "")

    def get_csrf_token(self) -> None:
        status, _ = self.request("GET", "/assessment/")
        if status != 200 or "csrftoken" not in self.cookies:
            raise BenchError(f"GET /assessment/ answered {status} without a CSRF cookie")

    def sign_in(self, email: str) -> None:
        status, _ = self.request("GET", "/accounts/login/")
        if status != 200 or "csrftoken" not in self.cookies:
            raise BenchError(f"GET /accounts/login/ answered {status} without a CSRF cookie")
        status, location = self.request(
            "POST", "/accounts/login/", {"login": email, "password": PASSWORD}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise BenchError(f"signing in as {email} answered {status} {location!r}")

    def start_assessment(self) -> str:
        """POST /assessment/new/; returns the new assessment's id."""
        status, location = self.request("POST", "/assessment/new/", {})
        found = re.fullmatch(r"/assessment/([0-9a-f-]{36})/step/1/", location)
        if status != 302 or not found:
            raise BenchError(f"POST /assessment/new/ answered {status} {location!r}")
        return found.group(1)

    def post_step(self, assessment_id: str, number: int, form: dict) -> str:
        status, location = self.request("POST", f"/assessment/{assessment_id}/step/{number}/", form)
        if status != 302:
            raise BenchError(f"POST step {number} answered {status}")
        return location


# Read throughput with wrk.


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    method: str = "GET"
    form: dict | None = None
    headers: dict[str, str] = field(default_factory=dict)
    min_ratio: float | None = None
    # (path, headers) pairs taken in turn, request by request: many runners, not one.
    rotation: tuple[tuple[str, dict[str, str]], ...] = ()


@dataclass(frozen=True)
class Measurement:
    target: Target
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def seeded_targets(port: int) -> list[Target]:
    """A runner with one finished and one unfinished assessment; the targets to measure."""
    runner = Client(port)
    runner.get_csrf_token()
    finished = runner.start_assessment()
    for number, form in ANSWERS_BY_STEP.items():
        location = runner.post_step(finished, number, form)
    result_path = f"/assessment/{finished}/"
    if location != result_path:
        raise BenchError(f"the last step redirected to {location!r}, not {result_path!r}")
    session = {"Cookie": runner.cookie_header()}
    # Every connection's worth of runners has its own session and unfinished assessment, as
    # real runners do: rows are written side by side, not queued behind one row lock.
    runners = []
    for _ in range(CONNECTIONS):
        someone = Client(port)
        someone.get_csrf_token()
        unfinished = someone.start_assessment()
        someone.post_step(unfinished, STEP_POST_SCREEN, STEP_POST_FORM)
        runners.append(
            (f"/assessment/{unfinished}/step/{STEP_POST_SCREEN}/", someone.form_headers())
        )
    dashboard_runner = Client(port)
    dashboard_runner.sign_in("bench0@example.com")
    status, _ = dashboard_runner.request("GET", "/me/")
    if status != 200:
        raise BenchError(f"the dashboard answered {status}")
    return [
        Target("/healthz (reference)", "/healthz"),
        Target("cause page", "/causes/overuse/", min_ratio=MIN_RATIOS["cause page"]),
        Target(
            "assessment step POST",
            runners[0][0],
            method="POST",
            form=STEP_POST_FORM,
            min_ratio=MIN_RATIOS["assessment step POST"],
            rotation=tuple(runners),
        ),
        Target("result page", result_path, headers=session, min_ratio=MIN_RATIOS["result page"]),
        Target(
            "dashboard",
            "/me/",
            headers={"Cookie": dashboard_runner.cookie_header()},
            min_ratio=MIN_RATIOS["dashboard"],
        ),
    ]


def wrk_script(target: Target) -> str:
    """Lua for wrk: the method, body and headers of every request (JSON strings are Lua's)."""
    lines = [f"wrk.method = {json.dumps(target.method)}"]
    if target.form is not None:
        lines.append(f"wrk.body = {json.dumps(urlencode(target.form))}")
    for name, value in target.headers.items():
        lines.append(f"wrk.headers[{json.dumps(name)}] = {json.dumps(value)}")
    if target.rotation:
        lines.append("local rotation = {")
        for path, headers in target.rotation:
            pairs = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items())
            lines.append(f"  {{path = {json.dumps(path)}, headers = {{{pairs}}}}},")
        lines.append("}")
        lines.append("local turn = 0")
        lines.append("request = function()")
        lines.append("  turn = turn % #rotation + 1")
        lines.append("  local next = rotation[turn]")
        lines.append("  return wrk.format(nil, next.path, next.headers, nil)")
        lines.append("end")
    return "\n".join(lines) + "\n"


def ensure_wrk() -> str:
    """wrk's path, installed from Debian's packages when we are root on Debian."""
    if not shutil.which("wrk") and os.geteuid() == 0 and Path("/etc/debian_version").exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, env=env, capture_output=True, check=False).returncode:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
            subprocess.run(install, env=env, capture_output=True, check=False)
    path = shutil.which("wrk")
    if path is None:
        raise BenchError("wrk is not installed: install it (Debian: apt-get install wrk)")
    return path


LATENCY_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_latency(text: str, percentile: str) -> float:
    found = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE)
    if found is None:
        raise BenchError(f"no p{percentile} latency in wrk's output:\n{text}")
    return float(found.group(1)) * LATENCY_UNITS_MS[found.group(2)]


def parse_wrk(target: Target, text: str) -> Measurement:
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.MULTILINE)
    if rate is None:
        raise BenchError(f"no Requests/sec in wrk's output:\n{text}")
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    errors += int(bad_status.group(1)) if bad_status else 0
    return Measurement(
        target,
        requests_per_second=float(rate.group(1)),
        p50_ms=parse_latency(text, "50"),
        p99_ms=parse_latency(text, "99"),
        errors=errors,
    )


def measure(wrk: str, port: int, target: Target, folder: Path) -> Measurement:
    script = folder / "request.lua"
    script.write_text(wrk_script(target))
    command = [
        wrk,
        f"--connections={CONNECTIONS}",
        f"--threads={WRK_THREADS}",
        f"--duration={SECONDS}s",
        "--latency",
        f"--script={script}",
        f"http://{HOST}:{port}{target.path}",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=SECONDS + 30, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {target.path}:\n{result.stderr}")
    return parse_wrk(target, result.stdout)


def print_table(database: str, measurements: list[Measurement]) -> list[str]:
    """Print the wrk rows; returns the targets that did not hold."""
    reference = measurements[0].requests_per_second
    failures = []
    print(f"\n{database}")
    print(f"{'target':<24}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}{'x ref':>8}")
    for row in measurements:
        ratio = row.requests_per_second / reference
        print(
            f"{row.target.name:<24}{row.requests_per_second:>10.1f}{row.p50_ms:>10.1f}"
            f"{row.p99_ms:>10.1f}{row.errors:>8}{ratio:>8.2f}"
        )
        if row.errors:
            failures.append(f"{database}, {row.target.name}: {row.errors} errors")
        if row.target.min_ratio is not None and ratio < row.target.min_ratio:
            failures.append(
                f"{database}, {row.target.name}: {ratio:.2f} x ref < {row.target.min_ratio:.2f}"
            )
    return failures


# Write hammer.


@dataclass(frozen=True)
class HammerResult:
    database: str
    what: str
    statuses: Counter
    rows_created: int

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def ok(self) -> int:
        return self.statuses["302"]

    @property
    def failed(self) -> int:
        return self.requests - self.ok

    @property
    def lost(self) -> int:
        return self.ok - self.rows_created


def write_assessments(port: int, start: threading.Barrier) -> Counter:
    """One runner starting WRITES_EACH assessments; counts the answers by status."""
    runner = Client(port)
    try:
        runner.get_csrf_token()
    except (BenchError, OSError):
        start.abort()  # the others stop waiting; this run is a failure anyway
        raise
    start.wait()
    statuses = Counter()
    for _ in range(WRITES_EACH):
        try:
            status, _ = runner.request("POST", "/assessment/new/", {})
            statuses[str(status)] += 1
        except OSError as error:
            statuses[type(error).__name__] += 1
    return statuses


def log_runs(port: int, number: int, start: threading.Barrier) -> Counter:
    """One signed-in runner logging WRITES_EACH runs, a day apart; counts answers by status."""
    runner = Client(port)
    try:
        runner.sign_in(f"bench{number}@example.com")
    except (BenchError, OSError):
        start.abort()
        raise
    start.wait()
    statuses = Counter()
    for day in range(WRITES_EACH):
        when = time.strftime("%Y-%m-%dT07:%M", time.gmtime(time.time() - (day + 1) * 86_400))
        form = {"start": when, "distance": "8.5", "moving_time": "45:00", "rpe": "5"}
        try:
            status, _ = runner.request("POST", "/me/runs/new/", form)
            statuses[str(status)] += 1
        except OSError as error:
            statuses[type(error).__name__] += 1
    return statuses


def hammer(database: str, port: int, count_rows, table: str) -> HammerResult:
    """WRITERS runners at once; `count_rows(table)` counts the table's rows directly."""
    before = count_rows(table)
    start = threading.Barrier(WRITERS, timeout=60)
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        if table == "assessments_assessment":
            work = lambda n: write_assessments(port, start)  # noqa: E731
        else:
            work = lambda n: log_runs(port, n + 1, start)  # noqa: E731
        per_writer = list(pool.map(work, range(WRITERS)))
    statuses = sum(per_writer, Counter())
    return HammerResult(database, table, statuses, rows_created=count_rows(table) - before)


def sqlite_row_counter(path: Path):
    def count_rows(table: str) -> int:
        with closing(sqlite3.connect(path)) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608

    return count_rows


def postgres_row_counter(url: str):
    def count_rows(table: str) -> int:
        with psycopg.connect(url) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608

    return count_rows


@contextmanager
def postgres_database():
    """A fresh `legache_bench` database, dropped again afterwards; yields its URL."""
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True)
    except psycopg.OperationalError as error:
        raise BenchError(f"PostgreSQL is not answering at {PG_ADMIN_URL}: {error}") from error
    with admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {PG_BENCH_DB}")
        try:
            yield f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")


def print_hammer(results: list[HammerResult]) -> list[str]:
    """Print the hammer rows; returns the targets that did not hold."""
    failures = []
    print(
        f"\nwrite hammers: {WRITERS} writers x {WRITES_EACH} POSTs (new assessments; new runs)\n"
        f"{'database':<12}{'table':<24}{'requests':>10}{'ok':>8}{'failed':>8}{'rows':>8}"
        f"{'lost':>8}  statuses"
    )
    for result in results:
        statuses = ", ".join(f"{status}: {n}" for status, n in sorted(result.statuses.items()))
        print(
            f"{result.database:<12}{result.what:<24}{result.requests:>10}{result.ok:>8}"
            f"{result.failed:>8}{result.rows_created:>8}{result.lost:>8}  {statuses}"
        )
        if result.failed:
            failures.append(
                f"{result.what} hammer on {result.database}: {result.failed} failed requests"
            )
        if result.rows_created != result.ok:
            failures.append(
                f"{result.what} hammer on {result.database}: {result.ok} ok but "
                f"{result.rows_created} rows"
            )
    return failures


# Imports.


def import_bench(env: dict[str, str]) -> dict:
    result = subprocess.run(
        [BIN / "python", "manage.py", "shell", "-c", IMPORT_BENCH],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if result.returncode != 0:
        raise BenchError(f"the import benchmark failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_imports(results: dict[str, dict]) -> list[str]:
    failures = []
    print(f"\nimports{'':<17}{'seconds':>10}{'points/s':>12}{'library s':>11}{'x library':>11}")
    for database, found in results.items():
        gpx, export = found["gpx"], found["export"]
        points = EXPORT_ACTIVITIES * 601
        for name, row, count in ((f"GPX {GPX_POINTS:,} pts", gpx, GPX_POINTS),
                                 (f"export x{EXPORT_ACTIVITIES}", export, points)):  # fmt: skip
            print(
                f"{database:<11}{name:<13}{row['seconds']:>10.2f}{count / row['seconds']:>12,.0f}"
                f"{row['floor']:>11.2f}{row['seconds'] / row['floor']:>11.2f}"
            )
        if gpx["seconds"] > MAX_GPX_SECONDS or gpx["seconds"] > MAX_GPX_RATIO * gpx["floor"]:
            failures.append(f"{database}: the 50,000-point GPX took {gpx['seconds']:.2f} s")
        if export["seconds"] > MAX_EXPORT_SECONDS or export["imported"] != EXPORT_ACTIVITIES:
            failures.append(
                f"{database}: the export took {export['seconds']:.1f} s and imported "
                f"{export['imported']} of {EXPORT_ACTIVITIES} ({export['status']})"
            )
    return failures


def queue_bench(folder: Path) -> dict:
    """The import queue's bench on a SQLite database of its own (no server needed)."""
    sqlite_path = folder / "queue.sqlite3"
    env = server_env(f"sqlite:///{sqlite_path}", free_port())
    env["DJANGO_DEBUG"] = "0"
    manage(env, "migrate", "--noinput")
    result = subprocess.run(
        [BIN / "python", "manage.py", "shell", "-c", QUEUE_BENCH],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=1800,
    )  # fmt: skip
    if result.returncode != 0:
        raise BenchError(f"the import queue benchmark failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_queue(found: dict) -> list[str]:
    """Print the import queue rows; returns the targets that did not hold."""
    failures = []
    big, million, fair = found["big"], found["million"], found["fair"]
    print(f"\nimport queue (SQLite){'':<19}{'measured':>12}{'target':>12}")
    under = f"< {MAX_WORKER_MB} MB"
    big_label = f"peak, {big['upload_mb']:.0f} MB upload"
    million_label = f"peak, {MILLION:,}-entry zip"
    one_task = f"<= {fair['longest']:.1f} s"
    print(f"{'db_worker peak, idle':<40}{found['idle_mb']:>9.0f} MB")
    print(
        f"{big_label:<40}{big['mb']:>9.0f} MB{under:>12}"
        f"  ({big['imported']} imported, {big['status']})"
    )
    print(
        f"{million_label:<40}{million['mb']:>9.0f} MB{under:>12}  ({million['zip_mb']:.0f} MB zip)"
    )
    print(
        f"{'one file behind 3 x 50 of another':<40}{fair['wait']:>10.1f} s{one_task:>12}"
        f"  (one task of theirs; they had {fair['alice_tasks']} tasks, {fair['alice_runs']} runs)"
    )
    if big["mb"] >= MAX_WORKER_MB or big["imported"] != 50:
        failures.append(
            f"import queue: the {big['upload_mb']:.0f} MB upload peaked at {big['mb']:.0f} MB "
            f"and imported {big['imported']} of 50"
        )
    if million["mb"] >= MAX_WORKER_MB or "entries" not in million["reason"]:
        failures.append(
            f"import queue: the million-entry zip peaked at {million['mb']:.0f} MB "
            f"({million['reason'] or 'not refused'})"
        )
    if fair["wait"] > fair["longest"] + 1.0 or fair["bob_status"] != "done":
        failures.append(
            f"import queue: a one-file upload waited {fair['wait']:.1f} s behind another "
            f"runner's uploads (one task of theirs took {fair['longest']:.1f} s)"
        )
    return failures


# The run.


def run() -> list[str]:
    """Every measurement, printed; returns the targets that did not hold."""
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="legache-bench-") as folder:
        sqlite_path = Path(folder) / "bench.sqlite3"
        print(f"gunicorn, {WORKERS} workers; wrk, {CONNECTIONS} connections, {SECONDS} s a target")
        results = {}
        databases = [("SQLite", f"sqlite:///{sqlite_path}", sqlite_row_counter(sqlite_path))]
        with postgres_database() as pg_url:
            databases.append(("PostgreSQL", pg_url, postgres_row_counter(pg_url)))
            for name, url, count_rows in databases:
                with gunicorn(url) as port:
                    manage(server_env(url, port), "shell", "-c", SEED_RUNNERS)
                    targets = seeded_targets(port)
                    rows = [measure(wrk, port, target, Path(folder)) for target in targets]
                    hammers = [
                        hammer(name, port, count_rows, "assessments_assessment"),
                        hammer(name, port, count_rows, "runlog_run"),
                    ]
                    imports = import_bench(server_env(url, port))
                results[name] = (rows, hammers, imports)
        queue = queue_bench(Path(folder))
    return (
        print_table(f"SQLite ({sqlite_path.name}, WAL)", results["SQLite"][0])
        + print_table(f"PostgreSQL ({PG_BENCH_DB})", results["PostgreSQL"][0])
        + print_hammer(results["SQLite"][1] + results["PostgreSQL"][1])
        + print_imports({name: found[2] for name, found in results.items()})
        + print_queue(queue)
    )


def run_only(part: str) -> list[str]:
    """One part of the bench alone: `python -m tests.bench --only imports-queue`."""
    if part != "imports-queue":
        raise BenchError(f"no part {part!r}; the part that runs alone is imports-queue")
    with tempfile.TemporaryDirectory(prefix="legache-bench-") as folder:
        return print_queue(queue_bench(Path(folder)))


def main() -> int:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv[:-1] else None
    try:
        failures = run_only(only) if only else run()
    except BenchError as error:
        print(f"\nThe benchmark could not run: {error}", file=sys.stderr)
        return 1
    if failures:
        print("\nTargets that did not hold:\n  " + "\n  ".join(failures))
        return 1
    print("\nAll targets held.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

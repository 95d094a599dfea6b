"""Signing out holds on every gunicorn worker, even when Redis stalls at that moment.

The production shape: gunicorn with several workers (legache/gunicorn.conf.py), DEBUG off,
REDIS_URL set, here a Redis server of the test's own on a free port, so that it can be paused
(SIGSTOP) without touching the Redis other tests use. A runner signs in and is served by
every worker; Redis is paused; the runner signs out; Redis resumes. Replaying the old session
cookie must never be signed in: not on any worker, and not after a reload of the workers
(SIGHUP), which forgets whatever a process remembered. The database decides whether a session
exists, whatever Redis holds.

The site runs on a copy of a migrated SQLite file (tests/databases.py), or on the database of
SESSION_STALL_DATABASE_URL (migrated by the test) to try it on PostgreSQL.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from tests import bench

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
WORKERS = 3
EMAIL = "stalled@example.com"
PASSWORD = "a-long-passphrase-for-the-stall"  # noqa: S105 (a throwaway account)
PROBE = "/accounts/export.json"  # 200 when signed in, a redirect to sign in when not
SIGN_IN = "/accounts/login/"
SIGN_OUT = "/accounts/logout/"
SEED_RUNNER = f"""
from django.contrib.auth import get_user_model
from allauth.account.models import EmailAddress
user = get_user_model().objects.create_user("stalled", {EMAIL!r}, {PASSWORD!r})
EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
"""
ACCESS_LOG_FORMAT = "%(p)s %(U)s?%(q)s %(s)s"  # <pid> /path?query status
LOGGED = re.compile(r"^<(\d+)> \S+\?probe=(\S+) \d+$", re.MULTILINE)

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None and not os.environ.get("CI"),
    reason="no redis-server binary (CI always runs this)",
)


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"manage.py {args[0]}: {result.stderr}"


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test's own on a free port; yields (process, url)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed (CI must run this test)")
    port = bench.free_port()
    log = (tmp_path / "redis.log").open("w")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"redis://{HOST}:{port}/0"
    try:
        ping = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        deadline = time.monotonic() + 15
        while True:
            try:
                if ping.ping():
                    break
            except redis.RedisError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"redis-server did not start: {(tmp_path / 'redis.log').read_text()}"
                    )
                time.sleep(0.1)
        ping.close()
        yield server, url
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGCONT)  # a paused server cannot act on SIGTERM
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)
        log.close()


@pytest.fixture
def database_url(migrated_databases, tmp_path):
    url = os.environ.get("SESSION_STALL_DATABASE_URL")
    if url:
        manage({**os.environ, "DATABASE_URL": url}, "migrate", "--noinput", "-v0")
        return url
    return f"sqlite:///{migrated_databases.copy(tmp_path)}"


class Site:
    """gunicorn serving the site; requests are matched to the worker that answered them
    through the access log, which names the worker's process."""

    def __init__(self, server: subprocess.Popen, port: int, access_log: Path):
        self.server, self.port, self.access_log = server, port, access_log
        self.sent = 0

    def request(self, method, path, cookies, form=None):
        """One request on a new connection (any worker may take it): (status, location,
        cookies set)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=15)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = cookies["csrftoken"]
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        set_cookies = {}
        for header in response.headers.get_all("Set-Cookie") or []:
            for morsel in SimpleCookie(header).values():
                set_cookies[morsel.key] = morsel.value
        return response.status, response.getheader("Location", ""), set_cookies

    def workers_answering(self, tags):
        """The process of the worker that answered each tagged request, from the access log."""
        deadline = time.monotonic() + 10
        while True:
            text = self.access_log.read_text()
            found = {tag: pid for pid, tag in LOGGED.findall(text)}
            pids = {tag: found.get(tag) for tag in tags}
            if all(pids.values()) or time.monotonic() > deadline:
                return pids
            time.sleep(0.1)

    def probe(self, cookies, *, each_worker=3, at_most=300):
        """GET PROBE with `cookies` from several threads until every worker has answered at
        least `each_worker` times (or `at_most` requests); returns [(status, location, pid)]."""
        results = []
        while len(results) < at_most:
            tags = [f"{self.sent + n}" for n in range(24)]
            self.sent += len(tags)
            with ThreadPoolExecutor(6) as pool:
                answers = list(
                    pool.map(lambda tag: self.request("GET", f"{PROBE}?probe={tag}", cookies), tags)
                )
            pids = self.workers_answering(tags)
            if not all(pids.values()):
                pytest.fail(f"requests missing from the access log: {self.access_log.read_text()}")
            results += [
                (status, where, pids[tag])
                for tag, (status, where, _) in zip(tags, answers, strict=True)
            ]
            per_worker = {}
            for *_, pid in results:
                per_worker[pid] = per_worker.get(pid, 0) + 1
            if len(per_worker) >= WORKERS and min(per_worker.values()) >= each_worker:
                break
        return results

    def workers(self) -> set[int]:
        children = Path(f"/proc/{self.server.pid}/task/{self.server.pid}/children").read_text()
        return {int(pid) for pid in children.split()}


@pytest.fixture
def site(own_redis, database_url, tmp_path):
    _, redis_url = own_redis
    port = bench.free_port()
    env = {
        **bench.server_env(database_url, port),
        "REDIS_URL": redis_url,
        "GUNICORN_WORKERS": str(WORKERS),
    }
    manage(env, "shell", "-c", SEED_RUNNER)
    access_log = tmp_path / "access.log"
    access_log.touch()
    with tempfile.TemporaryFile(mode="w+") as log:
        server = subprocess.Popen(
            [bench.BIN / "gunicorn", "--config", "legache/gunicorn.conf.py",
             "--access-logfile", str(access_log), "--access-logformat", ACCESS_LOG_FORMAT,
             "legache.wsgi"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            bench.wait_for_health(port, server, timeout=90)
            yield Site(server, port, access_log)
        except BaseException:
            log.seek(0)
            print(log.read()[-5000:], file=sys.stderr)
            raise
        finally:
            bench.stop(server)


def wait_for_new_workers(site: Site, old: set[int], timeout: float = 90) -> None:
    """After SIGHUP: WORKERS new processes serve, and none of the old ones is left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = site.workers()
        if len(current) == WORKERS and not current & old:
            bench.wait_for_health(
                site.port, site.server, timeout=max(deadline - time.monotonic(), 1)
            )
            return
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not replace its workers {old} within {timeout} s")


def signed_in(results) -> list:
    return [(status, where, pid) for status, where, pid in results if status != 302]


def test_production_settings_keep_sessions_in_the_database_with_redis():
    env = {**bench.server_env("sqlite:///unused.sqlite3", 8000), "REDIS_URL": "redis://x:1/0"}
    result = subprocess.run(
        [sys.executable, "-c", "import legache.settings as s; print(s.SESSION_ENGINE)"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.stdout.strip() == "django.contrib.sessions.backends.db", result.stderr


@needs_redis_server
def test_a_session_engine_that_reads_a_cache_fails_the_system_check(settings):
    from django.core.checks import run_checks

    from legache.checks import sessions_from_the_database

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert [error.id for error in sessions_from_the_database(None)] == ["legache.E002"]
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    assert sessions_from_the_database(None) == []
    # Registered: `manage.py check` runs it (with the real settings, it passes).
    assert not [error for error in run_checks(tags=["security"]) if error.id == "legache.E002"]


def test_a_sign_out_during_a_redis_stall_holds_on_every_worker_and_after_a_reload(own_redis, site):
    redis_server, _ = own_redis
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    cookies = {"csrftoken": csrf}
    status, where, set_cookies = site.request(
        "POST", SIGN_IN, cookies, {"login": EMAIL, "password": PASSWORD}
    )
    cookies.update(set_cookies)
    assert status == 302, (status, where)
    assert "sessionid" in set_cookies

    # Signed in on every worker (with a cache in front of sessions, each would now hold it).
    before = site.probe(cookies)
    assert {status for status, *_ in before} == {200}
    assert len({pid for *_, pid in before}) == WORKERS

    old_cookies = dict(cookies)
    redis_server.send_signal(signal.SIGSTOP)
    try:
        started = time.monotonic()
        status, where, set_cookies = site.request("POST", SIGN_OUT, cookies, {})
        took = time.monotonic() - started
    finally:
        redis_server.send_signal(signal.SIGCONT)
    assert status == 302, (status, where)
    assert set_cookies.get("sessionid") != old_cookies["sessionid"]  # the browser forgets it
    assert took < 10

    # The old cookie, replayed on every worker once Redis answers again.
    after = site.probe(old_cookies)
    assert len({pid for *_, pid in after}) == WORKERS
    assert signed_in(after) == []
    assert all(where.startswith(SIGN_IN) for _, where, _ in after)

    # And after a reload: new processes, which remember nothing of the outage.
    old_workers = {int(pid) for *_, pid in before + after}
    site.server.send_signal(signal.SIGHUP)
    wait_for_new_workers(site, old_workers)
    reloaded = site.probe(old_cookies)
    assert not {int(pid) for *_, pid in reloaded} & old_workers
    assert len({pid for *_, pid in reloaded}) == WORKERS
    assert signed_in(reloaded) == []

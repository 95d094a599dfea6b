"""Migrated SQLite files for tests that run manage.py, a script or a server in another process.

Migrating from nothing takes seconds, most of a subprocess test's setup. So each migration
target is migrated once a session, into a template file, and every fixture that needs a fresh
database gets a copy of its own (SQLite's backup API: a consistent copy even of a file in WAL
mode). On a SQLite run the test database that pytest-django has just migrated serves as the
fully migrated template (tests/conftest.py), so the suite migrates from nothing once.
"""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_sqlite(source: Path | sqlite3.Connection, destination: Path) -> None:
    """Copy a SQLite database (a file, or an open connection) to a new file."""
    with closing(sqlite3.connect(destination)) as target:
        if isinstance(source, sqlite3.Connection):
            source.backup(target)
        else:
            with closing(sqlite3.connect(source)) as opened:
                opened.backup(target)


def sqlite_env(path: Path) -> dict[str, str]:
    """The environment of a manage.py or Django script run against the SQLite file `path`."""
    return {**os.environ, "DATABASE_URL": f"sqlite:///{path}",
            "DJANGO_SETTINGS_MODULE": "legache.settings"}  # fmt: skip


class MigratedSqlite:
    """Templates by migration target, made on first use; `copy` hands out fresh files.

    A target is what follows `manage.py migrate`: () for every migration, or e.g.
    ("assessments", "0013") for a database as it was at that migration.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.templates: dict[tuple[str, ...], Path] = {}

    def adopt(self, path: Path, target: tuple[str, ...] = ()) -> None:
        """Use `path`, already migrated to `target`, as its template."""
        self.templates[target] = path

    def template(self, *target: str) -> Path:
        if target not in self.templates:
            path = self.folder / f"{'-'.join(target) or 'latest'}.sqlite3"
            result = subprocess.run(
                [sys.executable, "manage.py", "migrate", *target, "--noinput", "-v0"],
                cwd=ROOT, env=sqlite_env(path), capture_output=True, text=True, timeout=600,
                check=False,
            )  # fmt: skip
            if result.returncode != 0:
                raise RuntimeError(f"migrate {' '.join(target)} failed:\n{result.stderr}")
            self.templates[target] = path
        return self.templates[target]

    def copy(self, folder: Path, *target: str) -> Path:
        """A new SQLite file in `folder`, migrated to `target` (every migration by default)."""
        destination = folder / "db.sqlite3"
        copy_sqlite(self.template(*target), destination)
        return destination

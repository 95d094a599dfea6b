"""Make sure the browser tests have a Chromium: `make browser`, run by `make test`.

In order: $LEGACHE_CHROMIUM or Debian's /usr/bin/chromium; else, as root on Debian,
`apt-get install chromium`; else Playwright's own download. If none works, say what to
install and fail: the browser tests are never skipped silently.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"


def system_chromium() -> str | None:
    for candidate in (os.environ.get("LEGACHE_CHROMIUM"), DEBIAN_CHROMIUM):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def playwright_chromium() -> str | None:
    """The Chromium that `playwright install chromium` downloaded, if any."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - any failure means "not usable"
        return None
    return path if path and Path(path).exists() else None


def install_with_apt() -> bool:
    if os.geteuid() != 0 or not shutil.which("apt-get") or not Path("/etc/debian_version").exists():
        return False
    print("Installing Debian's chromium for the browser tests (about 30 s)...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    result = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"], env=env, check=False, capture_output=True
    )
    return result.returncode == 0 and system_chromium() is not None


def install_with_playwright() -> bool:
    print("Downloading Playwright's Chromium for the browser tests...", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", "playwright", "install", "chromium"], check=False, timeout=600
    )
    return result.returncode == 0 and playwright_chromium() is not None


def main() -> int:
    found = system_chromium() or playwright_chromium()
    if not found and (install_with_apt() or install_with_playwright()):
        found = system_chromium() or playwright_chromium()
    if not found:
        print(
            "No Chromium for the browser tests. Install one of:\n"
            "  Debian/Ubuntu: sudo apt-get install chromium\n"
            "  elsewhere:     .venv/bin/python -m playwright install chromium\n"
            "or point LEGACHE_CHROMIUM at a Chromium binary.",
            file=sys.stderr,
        )
        return 1
    print(f"Browser tests use {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmark ran on: CPU, cores, load, Python, package and browser versions."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2", "PyYAML")
BENCH = Path(__file__).resolve().parent
LIGHTHOUSE_PACKAGE = BENCH / "node_modules" / "lighthouse" / "package.json"
CHROMIUM = Path("/usr/bin/chromium")


def cpu_model() -> str:
    """The first `model name` in /proc/cpuinfo, else what `platform` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _command_version(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None and not Path(command[0]).exists():
        return None
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = result.stdout.strip().splitlines()
    return lines[0].strip() if lines else None


def lighthouse_version() -> str | None:
    """The Lighthouse installed in bench/node_modules, if any."""
    try:
        return str(json.loads(LIGHTHOUSE_PACKAGE.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that build the site."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def describe() -> dict[str, object]:
    """Everything the results table says about the machine and the date."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 0,
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "packages": package_versions(),
        "node": _command_version(["node", "--version"]),
        "lighthouse": lighthouse_version(),
        "chromium": _command_version([str(CHROMIUM), "--version"]),
    }

"""Lighthouse scores of built pages served on 127.0.0.1, or why Lighthouse could not run.

Lighthouse 12 (npm, in bench/node_modules) drives Debian's Chromium headless with its
default mobile emulation and simulated throttling. Each site is served on 127.0.0.1 by
`static_server.serve`, which compresses text with gzip as a real static host does.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
from pathlib import Path
from typing import Any

from .machine import BENCH, CHROMIUM

CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
)
RUN_TIMEOUT = 180


class LighthouseError(RuntimeError):
    """One Lighthouse run failed; the message says why."""


def unavailable_reason() -> str | None:
    """Why Lighthouse cannot run on this machine, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js (`node`) is not installed"
    if not CLI.is_file():
        return "Lighthouse is not installed in bench/node_modules (`make bench` installs it)"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM}"
    return None


def _failing_audits(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Audits that count towards a category's score and did not pass."""
    failing = []
    for category in report["categories"].values():
        for reference in category["auditRefs"]:
            result = report["audits"][reference["id"]]
            score = result.get("score")
            if reference.get("weight", 0) > 0 and score is not None and score < 1:
                failing.append(
                    {
                        "category": category["id"],
                        "id": result["id"],
                        "title": result["title"],
                        "score": score,
                        "value": result.get("displayValue", ""),
                        "numeric": result.get("numericValue"),
                        "unit": result.get("numericUnit", ""),
                    }
                )
    return failing


def _run_in_own_group(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run Lighthouse in its own process group, so a timeout also ends its Chromium."""
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
    except OSError as error:
        raise LighthouseError(f"Lighthouse could not start: {error}") from error
    try:
        output, _ = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise LighthouseError(f"Lighthouse took over {RUN_TIMEOUT} s") from error
    return process.returncode, output


def audit(url: str, output: Path) -> dict[str, Any]:
    """Run Lighthouse once on `url`; keep its JSON report at `output`; return the scores."""
    command = ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={output}"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    returncode, messages = _run_in_own_group(command, env)
    if returncode != 0 or not output.is_file():
        tail = " ".join(messages.strip().splitlines()[-3:])
        raise LighthouseError(f"Lighthouse exited with {returncode} on {url}: {tail}")
    try:
        report = json.loads(output.read_text(encoding="utf-8"))
    except ValueError as error:
        raise LighthouseError(f"Lighthouse wrote no valid JSON report: {error}") from error
    if report.get("runtimeError"):
        raise LighthouseError(f"Lighthouse: {report['runtimeError'].get('message', '')}")
    scores = {
        key: None if value["score"] is None else round(value["score"] * 100)
        for key, value in report["categories"].items()
    }
    index = report.get("environment", {}).get("benchmarkIndex")
    return {"scores": scores, "failing": _failing_audits(report), "benchmark_index": index}


def median_scores(runs: list[dict[str, Any]]) -> dict[str, float | None]:
    """Each category's median score over the runs."""
    medians: dict[str, float | None] = {}
    for category in CATEGORIES:
        values = [run["scores"].get(category) for run in runs]
        numbers = [value for value in values if value is not None]
        medians[category] = statistics.median(numbers) if numbers else None
    return medians


def median_benchmark_index(runs: list[dict[str, Any]]) -> float | None:
    """Lighthouse's measure of this machine's CPU speed, median over the runs."""
    values = [run["benchmark_index"] for run in runs if run.get("benchmark_index")]
    return statistics.median(values) if values else None


def failing_summary(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Failing audits over all runs: in how many runs each failed, its median value."""
    seen: dict[str, dict[str, Any]] = {}
    for run in runs:
        for item in run["failing"]:
            entry = seen.setdefault(item["id"], {**item, "runs_failed": 0, "values": []})
            entry["runs_failed"] += 1
            if item.get("numeric") is not None:
                entry["values"].append(item["numeric"])
    for entry in seen.values():
        entry["numeric"] = statistics.median(entry["values"]) if entry["values"] else None
    return sorted(seen.values(), key=lambda item: (item["category"], item["id"]))

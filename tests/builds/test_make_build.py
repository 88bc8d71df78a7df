"""`make build` writes site/, and never leaves it missing, empty or half-written.

Not when a build fails (the last good site/ stays as it was), not with builds at the same time,
not with Ctrl-C.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.site import REPO
from tests.support.watch import FolderWatch

VENV = REPO / ".venv"
# Copied with their modification times (copy2), as a checkout would hold them.
PROJECT_FILES = ["mkdocs.yml", "Makefile", "requirements.txt"]
PROJECT_DIRS = ["docs", "hooks", "overrides"]
LOCAL = "http://127.0.0.1:8000/"
BROKEN_FRONT_MATTER = "---\nstep: 2\nsummary: [Knead the top of the foot\n---\n"


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, target / name)
    for name in PROJECT_DIRS:
        shutil.copytree(REPO / name, target / name, copy_function=shutil.copy2)
    return target


def start_make_build(project: Path, *, site_url: str | None = LOCAL) -> subprocess.Popen[str]:
    """`make build` with this repo's virtualenv, never (re)installing packages into it.

    In its own process group, as a terminal runs it (Ctrl-C signals the whole group).
    """
    env = {**os.environ}
    for name in ("GUIDES_DOCS_DIR", "SITE_DIR", "VENV", "MAKEFLAGS"):
        env.pop(name, None)
    env.pop("SITE_URL", None)
    if site_url is not None:
        env["SITE_URL"] = site_url
    # -o: take the install stamp as up to date even if the venv was made without `make`.
    command = ["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed"]
    return subprocess.Popen(
        [*command, "build"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def make_build(project: Path, *, site_url: str | None = LOCAL) -> subprocess.CompletedProcess[str]:
    """`make build`, to the end."""
    with start_make_build(project, site_url=site_url) as process:
        stdout, _ = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout)


def snapshot(site: Path) -> dict[str, str]:
    """Every file under site/ with the SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def break_front_matter(page: Path) -> None:
    """Replace the page's front matter with YAML that does not parse."""
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    body = text[text.index("\n---\n", 4) + len("\n---\n") :]
    page.write_text(BROKEN_FRONT_MATTER + body, encoding="utf-8")


def test_a_failed_make_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = project / "site"

    # Without SITE_URL: built for this machine, and said once.
    first = make_build(project, site_url=None)
    assert first.returncode == 0, first.stdout
    said = [line for line in first.stdout.splitlines() if "SITE_URL is not set" in line]
    assert said == [
        "make build: warning: SITE_URL is not set, so the canonical links, the sitemap and the"
        f" checklists' address point to {LOCAL}; to publish, run"
        " SITE_URL=https://your.host/path/ make build"
    ]
    assert (site / "index.html").is_file()
    assert (site / "foot-massage" / "step-2" / "index.html").is_file()
    good = snapshot(site)

    break_front_matter(project / "docs" / "foot-massage" / "step-2.md")
    second = make_build(project)

    assert second.returncode != 0, second.stdout
    assert "Traceback" not in second.stdout
    errors = [line for line in second.stdout.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  docs/foot-massage/step-2.md: 'front matter' is not valid YAML:"
        " expected ',' or ']', but got '<stream end>' (line 4)"
    ]
    assert "SITE_URL is not set" not in second.stdout
    assert "pip install" not in first.stdout + second.stdout
    assert snapshot(site) == good
    assert not (project / "site.new").exists()
    assert not (project / "site.old").exists()


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.glob("site.*") if path.name != "site.lock")


@contextmanager
def watching(site: Path) -> Iterator[list[str]]:
    """Check, every millisecond while the block runs, that site/ holds a whole site.

    A build that deleted site/ first, or wrote into it, leaves it missing or partial for a
    good part of a second; a build swaps it in by one rename (build_site.py), leaving no
    moment to see. Looking without a pause would take a core from the builds it watches.
    """
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.001):
            for name in ("index.html", "sw.js", "404.html"):
                if not (site / name).is_file():
                    seen.append(name)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield seen
    finally:
        stop.set()
        watcher.join()


def test_builds_at_the_same_time_never_lose_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = project / "site"
    first = make_build(project)
    assert first.returncode == 0, first.stdout
    good = snapshot(site)
    with watching(site) as missing:
        processes = [start_make_build(project) for _ in range(3)]
        outputs = [process.communicate(timeout=300)[0] for process in processes]
    for process, output in zip(processes, outputs, strict=True):
        assert process.returncode == 0, output
    assert missing == []
    assert snapshot(site) == good
    assert leftovers(project) == []


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], project: Path) -> None:
    """Until `condition()` holds (or the build ended).

    Looked at again on each change to the project's folder (site/ swapped, a build folder
    made) or to a build folder's own files (its index.html, its sw.js written).
    """
    watch = FolderWatch()
    try:
        watch.add(project)
        watch.wait_for(condition, process, lambda: project.glob("site.*/"))
    finally:
        watch.close()


def written(project: Path, name: str) -> bool:
    """Whether a build in progress (in a folder beside site/) has written `name`."""
    return any((folder / name).is_file() for folder in project.glob("site.*/"))


def precache_written(project: Path) -> bool:
    """Whether a build in progress has finished: its sw.js holds the precache list."""
    return any(
        "/* precache */" not in (folder / "sw.js").read_text(encoding="utf-8", errors="replace")
        for folder in project.glob("site.*/")
        if (folder / "sw.js").is_file()
    )


def test_ctrl_c_at_any_moment_of_a_build_leaves_a_whole_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    site = project / "site"
    first = make_build(project)
    assert first.returncode == 0, first.stdout
    old = snapshot(site)
    step = sorted((project / "docs").glob("*/step-1.md"))[0]
    step.write_text(step.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    moments = {
        "while mkdocs starts": lambda folder: True,
        "while pages are written": lambda folder: written(project, "index.html"),
        "as the build finishes": lambda folder: precache_written(project),
        "as site/ changes": lambda folder: not site.is_dir() or site.stat().st_ino != folder,
    }
    interrupted = []
    with watching(site) as missing:
        for moment, condition in moments.items():
            for _attempt in range(3):
                folder = site.stat().st_ino
                with start_make_build(project) as process:
                    wait_for(functools.partial(condition, folder), process, project)
                    try:
                        os.killpg(process.pid, signal.SIGINT)
                    except ProcessLookupError:
                        # The build ended before the moment was seen (a busy machine): again.
                        process.communicate(timeout=300)
                        continue
                    process.communicate(timeout=300)
                interrupted.append((moment, snapshot(site) if site.is_dir() else {}))
                break
            else:
                raise AssertionError(f"three builds ended before the moment {moment!r} was seen")
    assert missing == []
    last = make_build(project)
    assert last.returncode == 0, last.stdout
    new = snapshot(site)
    assert new != old
    for moment, files in interrupted:
        assert files in (old, new), moment
    assert leftovers(project) == []

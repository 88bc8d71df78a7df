"""`make build` writes site/, and a failed build leaves the last good site/ as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
# Copied with their modification times (copy2), as a checkout would hold them.
PROJECT_FILES = ["mkdocs.yml", "Makefile", "requirements.txt"]
PROJECT_DIRS = ["docs", "hooks", "overrides"]
BROKEN_FRONT_MATTER = "---\nstep: 2\nsummary: [Knead the top of the foot\n---\n"


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, target / name)
    for name in PROJECT_DIRS:
        shutil.copytree(REPO / name, target / name, copy_function=shutil.copy2)
    return target


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`make build` with this repo's virtualenv, never (re)installing packages into it."""
    env = {**os.environ}
    for name in ("GUIDES_DOCS_DIR", "SITE_URL", "SITE_DIR", "VENV", "MAKEFLAGS"):
        env.pop(name, None)
    # -o: take the install stamp as up to date even if the venv was made without `make`.
    command = ["make", "--no-print-directory", f"VENV={VENV}", "-o", f"{VENV}/.installed"]
    return subprocess.run(
        [*command, "build"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=300,
    )


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

    first = make_build(project)
    assert first.returncode == 0, first.stdout
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
    assert "pip install" not in first.stdout + second.stdout
    assert snapshot(site) == good
    assert not (project / "site.new").exists()
    assert not (project / "site.old").exists()

"""A new guide joins the site with no edit outside its folder: `make new-guide`, a third guide."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import REPO, build_site, copy_docs
from pages import article_text, page_file


def new_guide(docs: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "new-guide", f"NAME={name}", f"DOCS_DIR={docs}"]
        + [f"VENV={REPO / '.venv'}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_guide_builds_strict_clean_and_joins_the_site(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    result = new_guide(docs, "hand-massage")
    assert result.returncode == 0, result.stderr
    assert (docs / "hand-massage" / "index.md").is_file()
    site = build_site(tmp_path / "site", docs)
    home = page_file(site, "index.html").read_text(encoding="utf-8")
    assert 'href="hand-massage/"' in home
    assert 'href="hand-massage/checklist/"' in home
    step = page_file(site, "hand-massage/step-1/").read_text(encoding="utf-8")
    assert "Checklist" in step[step.index('class="md-nav md-nav--primary"') :]
    checklist = article_text(page_file(site, "hand-massage/checklist/"))
    assert "Replace with one short instruction that sums up this step." in checklist
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("hand-massage/step-1/") for doc in index["docs"])


def test_new_guide_refuses_a_taken_or_bad_name(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    taken = new_guide(docs, "foot-massage")
    assert taken.returncode != 0
    assert "already exists" in taken.stderr
    bad = new_guide(docs, "Hand Massage")
    assert bad.returncode != 0
    assert "lowercase words joined by hyphens" in bad.stderr

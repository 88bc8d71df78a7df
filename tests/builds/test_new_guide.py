"""A new guide joins the site with no edit outside its folder: `make new-guide`, a third guide."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from massage_guides.new_guide import create_guide
from tests.support.pages import GENERAL_CAUTIONS as GENERAL
from tests.support.pages import article_text, page_file, read_page, search_index
from tests.support.site import FIXTURES, REPO, build_site, copy_docs, guides_in

# What `make test` needs of a project: the site's config, hooks, theme and guides.
PROJECT = ["mkdocs.yml", "hooks", "overrides", "docs"]


def unused_name(docs: Path, wanted: str) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`...: the first name no folder of `docs` has."""
    name, number = wanted, 1
    while (docs / name).exists():
        number += 1
        name = f"{wanted}-{number}"
    return name


# The README's example; numbered if the site has such a guide already.
NEW = unused_name(REPO / "docs", "hand-massage")
ADDED = unused_name(REPO / "docs", "added-guide-for-tests")


# make's own last word on a failed target: "make: *** ...", or "make[1]: *** ..." under `make test`.
MAKE_ERROR = re.compile(r"make(\[\d+\])?: \*\*\*")


def new_guide(docs: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "new-guide", f"NAME={name}", f"DOCS_DIR={docs}"]
        # The virtualenv is there already (a worktree may share one): never rebuild it here.
        + [f"VENV={REPO / '.venv'}", f"--assume-old={REPO / '.venv' / '.installed'}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_guide_builds_strict_clean_and_joins_the_site(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    result = new_guide(docs, NEW)
    assert result.returncode == 0, result.stderr
    assert (docs / NEW / "index.md").is_file()
    site = build_site(tmp_path / "site", docs)
    home = page_file(site, "index.html").read_text(encoding="utf-8")
    assert f'href="{NEW}/"' in home
    assert f'href="{NEW}/checklist/"' in home
    step = page_file(site, f"{NEW}/step-1/").read_text(encoding="utf-8")
    assert "Checklist" in step[step.index('class="md-nav md-nav--primary"') :]
    checklist = article_text(page_file(site, f"{NEW}/checklist/"))
    assert "Replace with one short instruction that sums up this step." in checklist
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith(f"{NEW}/step-1/") for doc in index["docs"])
    # It starts with the general cautions every guide carries, each linked to its source.
    [guide] = [guide for guide in guides_in(docs) if guide.slug == NEW]
    cautions = " ".join(f"{c.name} {c.text}" for c in guide.cautions).lower()
    missing = [about for about, pattern in GENERAL.items() if not re.search(pattern, cautions)]
    assert missing == []
    assert all(caution.sources for caution in guide.cautions)


def test_new_guide_refuses_a_taken_or_bad_name(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    taken = new_guide(docs, guides_in(docs)[0].slug)
    assert taken.returncode != 0
    assert "already exists" in taken.stderr
    bad = new_guide(docs, "Hand Massage")
    assert bad.returncode != 0
    assert "lowercase words joined by hyphens" in bad.stderr


@pytest.fixture(scope="module")
def grown_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project with one more guide, written the way the README says; built."""
    root = tmp_path_factory.mktemp("grown-project")
    for name in PROJECT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    docs = root / "docs"
    related = guides_in(docs)[0].slug
    folder = create_guide(docs, ADDED)
    overview = folder / "index.md"
    # Its supplies and reader words share words with other guides' ("cream", "oil"): that
    # never stops a build (the old tag rule did).
    overview.write_text(
        overview.read_text(encoding="utf-8")
        .replace("related: []", f"related: [{related}]\nreader_words: [cream, hand rub]")
        .replace("Replace with the first thing needed", "Hand cream")
        .replace("Replace with the second thing, or delete this line", "Massage oil"),
        encoding="utf-8",
    )
    (folder / "step-2.md").write_text(
        "---\nstep: 2\nsummary: Finish with slow strokes.\n---\n\n"
        "# Step 2: Finish\n\nFinish with slow strokes.\n",
        encoding="utf-8",
    )
    (folder / "tips.md").write_text(
        '---\norder: 1\n---\n\n# Tips\n\n!!! warning checklist "Ask first"\n\n'
        "    Ask before you start.\n",
        encoding="utf-8",
    )
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    build(config)
    return docs, root / "site"


def test_an_added_guide_joins_every_part_of_the_site(grown_project: tuple[Path, Path]) -> None:
    docs, site = grown_project
    guides = guides_in(docs)
    assert ADDED in [guide.slug for guide in guides]
    home = read_page(page_file(site, "index.html"))
    index = {entry["location"] for entry in search_index(site)}
    for guide in guides:
        assert (f"{guide.slug}/", "") in home.links
        assert (f"{guide.slug}/checklist/", "") in home.links
        checklist = article_text(page_file(site, f"{guide.slug}/checklist/"))
        document = article_text(page_file(site, f"{guide.slug}/print/"))
        for step in guide.steps:
            url = step.src_uri.removesuffix(".md") + "/"
            assert page_file(site, url).is_file()
            assert url in index
            assert step.summary in checklist
        for warning in guide.warnings:
            assert warning.title in checklist
        for supply in guide.supplies:
            assert supply.name in document
    added = next(guide for guide in guides if guide.slug == ADDED)
    assert [supply.name for supply in added.supplies] == ["Hand cream", "Massage oil"]


def test_an_added_guide_is_related_both_ways(grown_project: tuple[Path, Path]) -> None:
    docs, site = grown_project
    added_guide = next(guide for guide in guides_in(docs) if guide.slug == ADDED)
    listed = added_guide.related[0]
    assert isinstance(listed, str)
    assert (f"../{ADDED}/", "") in read_page(page_file(site, f"{listed}/")).links
    added = read_page(page_file(site, f"{ADDED}/"))
    assert (f"../{listed}/", "") in added.links


@pytest.mark.parametrize("name", ['x"; echo INJECTED; echo "', "-x", 'a"b', "$(echo INJECTED)"])
def test_new_guide_keeps_a_name_out_of_the_shell_and_refuses_it_in_one_line(
    name: str, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    result = new_guide(docs, name)
    assert result.returncode != 0
    assert "INJECTED" not in result.stdout
    lines = [
        line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)
    ]
    assert lines == [f"NAME must be lowercase words joined by hyphens, like hand-massage: {name!r}"]
    assert not docs.exists()


def test_a_long_name_gets_a_title_that_fits_and_builds_strict_clean(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "valid" / "docs", docs)
    name = "a-gentle-massage-of-the-hands-and-the-wrists-for-two"
    folder = create_guide(docs, name)
    site = build_site(tmp_path / "site", docs)
    assert (site / name / "checklist" / "index.html").is_file()
    assert "title: A gentle massage of the hands and…\n" in (folder / "index.md").read_text("utf-8")

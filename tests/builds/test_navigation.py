"""The navigation follows each guide's order, derived from front matter, not from mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path

from massage_guides.model import MAX_STEPS
from tests.support.pages import page_file, read_page
from tests.support.site import build_site, copy_docs

FOOT_ORDER = [
    "foot-massage/",
    "foot-massage/step-1/",
    "foot-massage/step-2/",
    "foot-massage/step-3/",
    "foot-massage/both-feet/",
    "foot-massage/tips-and-warnings/",
    "foot-massage/checklist/",
]


def footer(site: Path, url: str) -> dict[str, str]:
    """Previous/next at the foot of a page, as site-relative URLs."""
    page = read_page(page_file(site, url))
    links = {}
    for href, rel in page.footer_links:
        links[rel] = (Path(url) / href).as_posix() if href else ""
    return {rel: _resolve(target) for rel, target in links.items()}


def _resolve(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts) + "/"


def walk(site: Path, start: str) -> list[str]:
    order = [start]
    while "next" in footer(site, order[-1]):
        order.append(footer(site, order[-1])["next"])
    return order


def test_previous_next_walks_the_guide_in_order(site: Path) -> None:
    assert walk(site, "foot-massage/") == FOOT_ORDER


def test_guide_ends_have_no_link_out_of_the_guide(site: Path) -> None:
    assert "prev" not in footer(site, "foot-massage/")
    assert "next" not in footer(site, "foot-massage/checklist/")
    assert footer(site, "foot-massage/step-1/")["prev"] == "foot-massage/"


def test_sidebar_lists_the_guide_in_reading_order(site: Path) -> None:
    html = page_file(site, "foot-massage/step-2/").read_text(encoding="utf-8")
    sidebar = html[html.index('class="md-nav md-nav--primary"') :]
    sidebar = sidebar[: sidebar.index("</nav>\n</div>")] if "</nav>\n</div>" in sidebar else sidebar
    titles = ["Step 1:", "Step 2:", "Step 3:", "Both feet", "Tips and warnings", "Checklist"]
    positions = [sidebar.index(title) for title in titles]
    assert positions == sorted(positions)


def test_steps_go_by_their_number_not_their_file_name(tmp_path: Path) -> None:
    """Steps 4 to the last, in files whose names sort the other way round (`extra-a.md` last)."""
    docs = copy_docs(tmp_path)
    guide = docs / "foot-massage"
    for number in range(4, MAX_STEPS + 1):
        name = f"extra-{chr(ord('a') + MAX_STEPS - number)}"
        (guide / f"{name}.md").write_text(
            f"---\nstep: {number}\nsummary: Do step {number}.\n---\n\n# Step {number}: Extra\n\n"
            f"Text of step {number}.\n",
            encoding="utf-8",
        )
    site = build_site(tmp_path / "site", docs)
    order = walk(site, "foot-massage/")
    numbers = {f"extra-{chr(ord('a') + MAX_STEPS - n)}": n for n in range(4, MAX_STEPS + 1)}
    numbers |= {f"step-{n}": n for n in range(1, 4)}
    steps = [
        numbers[m.group(1)]
        for url in order
        if (m := re.search(r"/([\w-]+)/$", url))
        if m.group(1) in numbers
    ]
    assert steps == list(range(1, MAX_STEPS + 1))
    assert order[-1] == "foot-massage/checklist/"


def test_a_page_outside_every_guide_is_in_the_navigation(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    (docs / "about.md").write_text("# About these guides\n\nWho writes them.\n", encoding="utf-8")
    site = build_site(tmp_path / "site", docs)
    assert "About these guides" in page_file(site, "index.html").read_text(encoding="utf-8")

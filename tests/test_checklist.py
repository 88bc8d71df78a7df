"""The generated checklist: supplies, the routine on both sides, warnings, address on paper."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import build_site, copy_docs
from pages import article_text, page_file, read_page

SUMMARIES = [
    "Relax your partner, oil your hands and stroke from the ankle to the toes.",
    "Knead the top of the foot, then massage around the ankle and below the toes.",
    "Rotate the foot both ways, knead the arch, and finish with gentle strokes.",
]


def checklist_html(site: Path, guide: str = "foot-massage") -> str:
    return page_file(site, f"{guide}/checklist/").read_text(encoding="utf-8")


def test_checklist_lists_every_supply_with_a_box_and_its_note(site: Path) -> None:
    html = checklist_html(site)
    text = article_text(page_file(site, "foot-massage/checklist/"))
    assert "Massage oil: very little is needed; talcum powder works instead" in text
    assert "A small cushion or rolled towel" in text
    assert len(re.findall(r'<input type="checkbox" name="supply-\d+"', html)) == 2


def test_checklist_routine_switches_feet_in_the_article_order(site: Path) -> None:
    text = article_text(page_file(site, "foot-massage/checklist/"))
    expected = [
        "1. Left foot",
        *SUMMARIES,
        "Switch to the right foot.",
        "2. Right foot",
        *SUMMARIES,
        "Switch back to the left foot and repeat.",
        "Round 1",
        "Round 2",
    ]
    position = 0
    for part in expected:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + len(part)


def test_every_step_on_every_side_has_a_box(site: Path) -> None:
    names = re.findall(r'<input type="checkbox" name="([^"]+)"', checklist_html(site))
    steps = [f"side-{side}-step-{step}" for side in (1, 2) for step in (1, 2, 3)]
    assert names == ["supply-1", "supply-2", *steps, "round-1", "round-2"]


def test_checklist_carries_the_warnings_marked_for_it(site: Path) -> None:
    text = article_text(page_file(site, "foot-massage/checklist/"))
    assert "Go gently at first" in text
    assert "be careful not to apply too much pressure" in text
    assert "Not too much oil" in text
    assert "talcum powder as an alternative" not in text


def test_checklist_has_a_heading_and_a_skip_link(site: Path) -> None:
    html = checklist_html(site)
    assert '<h1 id="checklist-how-to-give-a-foot-massage">' in html
    assert 'class="md-skip"' in html


def test_local_build_prints_no_address(site: Path) -> None:
    html = checklist_html(site)
    assert "checklist__qr" not in html
    assert "127.0.0.1" not in article_text(page_file(site, "foot-massage/checklist/"))


def test_public_build_prints_the_address_and_a_qr_code(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site", site_url="https://guides.example.org/massage/")
    html = checklist_html(site)
    assert "https://guides.example.org/massage/foot-massage/" in article_text(
        page_file(site, "foot-massage/checklist/")
    )
    qr = html[html.index('class="checklist__qr"') :]
    assert 'role="img"' in html and "<svg" in qr[:400] and "<path" in qr
    document = page_file(site, "foot-massage/print/").read_text(encoding="utf-8")
    assert 'class="print-document__qr"' in document
    assert "https://guides.example.org/massage/foot-massage/" in document


def test_editing_a_supply_changes_checklist_and_overview(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    overview = docs / "foot-massage" / "index.md"
    overview.write_text(
        overview.read_text(encoding="utf-8").replace(
            "A small cushion or rolled towel", "A folded blanket"
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", docs)
    for url in ("foot-massage/", "foot-massage/checklist/"):
        text = article_text(page_file(site, url))
        assert "A folded blanket" in text
        assert "A small cushion or rolled towel" not in text


def test_editing_a_summary_changes_checklist_and_description(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    step = docs / "foot-massage" / "step-2.md"
    step.write_text(
        step.read_text(encoding="utf-8").replace(SUMMARIES[1], "Knead the whole foot."),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", docs)
    text = article_text(page_file(site, "foot-massage/checklist/"))
    assert text.count("Knead the whole foot.") == 2
    assert SUMMARIES[1] not in text
    assert read_page(page_file(site, "foot-massage/step-2/")).meta["description"] == (
        "Knead the whole foot."
    )


def test_guide_without_sides_lists_its_steps_once(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    overview = docs / "foot-massage" / "index.md"
    text = overview.read_text(encoding="utf-8")
    overview.write_text(text.replace("sides: [left foot, right foot]\n", ""), encoding="utf-8")
    site = build_site(tmp_path / "site", docs)
    checklist = article_text(page_file(site, "foot-massage/checklist/"))
    for summary in SUMMARIES:
        assert checklist.count(summary) == 1
    assert "Switch" not in checklist


def site_digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".json"}
    }


def test_two_builds_in_one_process_give_identical_sites(tmp_path: Path) -> None:
    first = site_digest(build_site(tmp_path / "first"))
    second = site_digest(build_site(tmp_path / "second"))
    assert first == second
    assert "foot-massage/checklist/index.html" in first

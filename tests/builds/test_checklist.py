"""The generated checklist: supplies, the routine grid, warnings, address on paper, limits."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from massage_guides import model
from tests.support.guide_factory import write_checklist_guide
from tests.support.pages import article_text, page_file, read_page
from tests.support.site import REPO, build_site, copy_docs

SUMMARIES = [
    "Relax your partner, oil your hands and stroke from the ankle to the toes.",
    "Knead the top of the foot, then massage around the ankle and below the toes.",
    "Rotate the foot both ways, knead the arch, and finish with gentle strokes.",
]


def checklist_html(site: Path, guide: str = "foot-massage") -> str:
    return page_file(site, f"{guide}/checklist/").read_text(encoding="utf-8")


def tick_keys(html: str) -> list[str]:
    return [
        key.replace("&#39;", "'").replace("&amp;", "&")
        for key in re.findall(r'<input type="checkbox" data-tick="([^"]+)"', html)
    ]


def test_checklist_lists_every_supply_with_a_box_and_its_note(site: Path) -> None:
    html = checklist_html(site)
    text = article_text(page_file(site, "foot-massage/checklist/"))
    assert "Massage oil: very little is needed; talcum powder works instead" in text
    assert "A small cushion or rolled towel" in text
    supplies = [key for key in tick_keys(html) if key.startswith("supply: ")]
    assert supplies == ["supply: Massage oil", "supply: A small cushion or rolled towel"]


def test_checklist_routine_is_a_grid_of_numbered_steps_with_the_switch_between_columns(
    site: Path,
) -> None:
    text = article_text(page_file(site, "foot-massage/checklist/"))
    expected = [
        "The routine",
        "every step on the left foot, then switch to the right foot.",
        "Then switch back to the left foot and repeat: 2 rounds.",
        "Round 1",
        "Round 2",
        "left foot",
        "right foot",
        "left foot",
        "right foot",
        *[f"{number} {summary}" for number, summary in enumerate(SUMMARIES, start=1)],
    ]
    position = 0
    for part in expected:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + len(part)
    for summary in SUMMARIES:
        assert text.count(summary) == 1
    html = checklist_html(site)
    assert html.count("checklist__tick-head--switch") == 2  # right foot, in each round


def test_every_move_of_every_round_has_a_box_keyed_by_its_words(site: Path) -> None:
    keys = tick_keys(checklist_html(site))
    steps = [
        f"step: {summary} | {side} | round {round_number}"
        for summary in SUMMARIES
        for round_number in (1, 2)
        for side in ("left foot", "right foot")
    ]
    assert keys[2:] == steps
    labels = re.findall(r'data-tick="step: [^"]+" aria-label="([^"]+)"', checklist_html(site))
    assert labels[:4] == [
        "Step 1, left foot, round 1",
        "Step 1, right foot, round 1",
        "Step 1, left foot, round 2",
        "Step 1, right foot, round 2",
    ]


def test_every_step_row_carries_a_copy_of_the_steps_own_drawing(site: Path) -> None:
    html = checklist_html(site)
    step_pages = sorted((REPO / "docs" / "foot-massage").glob("step-*.md"))
    assert len(re.findall(r'class="checklist__figure" aria-hidden="true"><svg', html)) == len(
        step_pages
    )
    for step_page in step_pages:
        drawing = re.search(r'--8<-- "([^"]+)"', step_page.read_text(encoding="utf-8"))
        assert drawing is not None
        svg = (REPO / "docs" / drawing[1]).read_text(encoding="utf-8")
        assert svg.splitlines()[1] in html, f"{step_page.name}: its drawing is missing"


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
    assert text.count("Knead the whole foot.") == 1
    assert SUMMARIES[1] not in text
    assert read_page(page_file(site, "foot-massage/step-2/")).meta["description"] == (
        "Knead the whole foot."
    )


def test_guide_without_sides_has_one_column(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    overview = docs / "foot-massage" / "index.md"
    text = overview.read_text(encoding="utf-8")
    for line in ("sides: [left foot, right foot]\n", "rounds: 2\n"):
        assert line in text
        text = text.replace(line, "")
    overview.write_text(text, encoding="utf-8")
    site = build_site(tmp_path / "site", docs)
    checklist = article_text(page_file(site, "foot-massage/checklist/"))
    for summary in SUMMARIES:
        assert checklist.count(summary) == 1
    assert "switch" not in checklist.lower()
    assert not re.search(r"\bround", checklist, re.IGNORECASE)
    assert "Tick each step as you finish it." in checklist
    steps = [key for key in tick_keys(checklist_html(site)) if key.startswith("step: ")]
    assert steps == [f"step: {s} | round 1" for s in SUMMARIES]


def test_two_steps_with_the_same_words_keep_two_keys(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_checklist_guide(docs, "twins", steps=2, supplies=1, summary_chars=20)
    step = docs / "twins" / "step-2.md"
    step.write_text(
        step.read_text(encoding="utf-8").replace("Step 2", "Step 1", 1), encoding="utf-8"
    )
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    keys = tick_keys(checklist_html(build_site(tmp_path / "site", docs), "twins"))
    assert len(set(keys)) == len(keys) == 3
    assert keys[2] == keys[1].replace(" | round 1", "#2 | round 1")


LIMITS = [
    (
        {"steps": model.MAX_STEPS + 1},
        f"twins/step-{model.MAX_STEPS + 1}.md: 'step' {model.MAX_STEPS + 1} is one too many",
        model.MAX_STEPS,
    ),
    ({"supplies": 9}, "twins/index.md: 'supplies' has 9 items", model.MAX_SUPPLIES),
    ({"sides": 4}, "twins/index.md: 'sides' has 4 names", model.MAX_SIDES),
    ({"sides": 2, "rounds": 5}, "twins/index.md: 'rounds' is 5", model.MAX_ROUNDS),
    ({"warnings": 5}, "twins/tips.md: 'checklist' warning 'Warning 5'", None),
    ({"summary_chars": 81}, "twins/step-1.md: 'summary'", model.MAX_SUMMARY_CHARS),
    ({"supply_chars": 73}, "twins/index.md: 'supplies'", model.MAX_SUPPLY_CHARS),
    ({"sides": 2, "side_chars": 13}, "twins/index.md: 'sides'", model.MAX_SIDE_CHARS),
    ({"title_chars": 36}, "twins/index.md: 'title'", model.MAX_TITLE_CHARS),
    ({"warnings": 1, "warning_chars": 211}, "twins/tips.md: 'checklist'", None),
]


@pytest.mark.parametrize(("size", "message", "limit"), LIMITS)
def test_a_guide_beyond_one_sheet_stops_the_build_naming_file_and_field(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    size: dict[str, Any],
    message: str,
    limit: int | None,
) -> None:
    docs = tmp_path / "docs"
    write_checklist_guide(docs, "twins", **{"steps": 1, "supplies": 1, **size})
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(tmp_path / "site", docs)
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1 and "Traceback" not in errors[0]
    assert message in errors[0]
    assert "the printed checklist holds at most" in errors[0]
    if limit is not None:
        assert f"at most {limit}" in errors[0]


def test_a_guide_at_every_limit_builds(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_checklist_guide(
        docs,
        "full",
        steps=model.MAX_STEPS,
        supplies=model.MAX_SUPPLIES,
        sides=model.MAX_SIDES,
        rounds=model.MAX_ROUNDS,
        warnings=model.MAX_CHECKLIST_WARNINGS,
        title_chars=model.MAX_TITLE_CHARS,
    )
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    html = checklist_html(build_site(tmp_path / "site", docs), "full")
    ticks = model.MAX_STEPS * model.MAX_SIDES * model.MAX_ROUNDS
    assert len(tick_keys(html)) == model.MAX_SUPPLIES + ticks


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


def test_a_template_edited_between_two_builds_in_one_process_shows_in_the_second(
    tmp_path: Path,
) -> None:
    """As under `mkdocs serve`: templates compiled once per process, an edit still shows."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", project / "overrides")
    for name in ("hooks", "docs"):
        (project / name).symlink_to(REPO / name)

    def build(site: str) -> str:
        config = load_config(
            str(project / "mkdocs.yml"), site_dir=str(tmp_path / site), strict=True
        )
        mkdocs_build(config)
        return (tmp_path / site / "index.html").read_text(encoding="utf-8")

    assert "edited-between-builds" not in build("first")
    main = project / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<!-- edited-between-builds -->", 1
        ),
        encoding="utf-8",
    )
    assert "edited-between-builds" in build("second")

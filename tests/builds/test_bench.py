"""`make bench`'s measuring code: time per HTML page, the follow page, requests, the report.

The benchmark itself is slow and not part of `make test`; these tests run its parts once on
this repository's guides (one interleaved round) and on the session-built site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from bench import browser_requests, report, run
from bench.builds import Build, Series, run_build, variants
from bench.weight import page_weight
from tests.support.site import REPO

STEP = run.weighed_page(REPO / "docs")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One interleaved round of the three timed builds of this repository's guides."""
    return run.measure_real_site(tmp_path_factory.mktemp("bench"), rounds=1)


def _series(name: str, seconds: list[float], pages: int) -> Series:
    return Series(name, [Build(s, s, 0, 1000, pages) for s in seconds])


def test_build_time_is_compared_per_html_page_written() -> None:
    # Fixed figures: 20 pages in 1.0 s against 10 pages in 0.4 s is 50 ms a page against 40.
    ours = _series("ours", [1.0, 1.2, 1.1], 20)
    plain = _series("plain", [0.4, 0.5, 0.4], 10)
    reduced = _series("ours_without_generated", [0.5, 0.5, 0.5], 12)
    figures = run.compare_real_site(ours, plain, reduced, rounds=3)
    assert figures["per_page_ratio"]["all"] == [1.25, 1.2, 1.375]
    assert figures["per_page_ratio"]["median"] == 1.25
    assert figures["whole_build_ratio"]["all"] == [2.5, 2.4, 2.75]
    assert figures["ours_without_generated_per_page_ratio"]["median"] == 1.042


def test_the_real_site_is_timed_against_plain_material(real_site: dict[str, Any]) -> None:
    ours, plain = real_site["ours"], real_site["plain"]
    assert ours["html_pages"] > plain["html_pages"] > 0
    assert real_site["per_page_ratio"]["median"] > 0


def test_peak_memory_counts_the_build_alone(tmp_path: Path) -> None:
    plain = variants(tmp_path, None)[1]
    alone = run_build(plain, tmp_path / "alone").peak_bytes
    ballast = b"\x01" * (alone * 3)  # this process now holds three such builds more
    after = run_build(plain, tmp_path / "after").peak_bytes
    assert len(ballast) > 2 * after
    assert after == pytest.approx(alone, rel=0.25)


def test_build_gap_paragraph_holds_only_measured_figures(real_site: dict[str, Any]) -> None:
    kept = {"only_ours": ["a/checklist/index.html", "b/checklist/index.html"]}
    (paragraph,) = report.build_gap_lines(real_site, kept, run.GOAL_BUILD_RATIO)
    measured = {str(real_site["rounds"]), str(run.GOAL_BUILD_RATIO), "0", "1", "2"}
    for name in ("ours", "plain", "ours_without_generated"):
        measured.add(str(real_site[name]["html_pages"]))
    for key in ("per_page_ratio", "cpu_per_page_ratio", "whole_build_ratio"):
        measured |= {f"{real_site[key][end]:.2f}" for end in ("median", "min", "max")}
    measured.add(f"{real_site['ours_without_generated_per_page_ratio']['median']:.2f}")
    printed = set(re.findall(r"\d+(?:\.\d+)?", paragraph.replace("`hooks/", "`")))
    assert printed <= measured, f"figures not measured: {printed - measured}"
    assert "2 × `checklist/`" in paragraph


def _site_copy(site: Path, tmp_path: Path, *, with_follow: bool) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    follow = copy / run.follow_page(STEP)
    shutil.rmtree(follow, ignore_errors=True)
    if with_follow:
        follow.mkdir()
        shutil.copy(copy / STEP / "index.html", follow / "index.html")
    return copy


def test_follow_page_is_weighed_next_to_plain_step_page(site: Path, tmp_path: Path) -> None:
    copy = _site_copy(site, tmp_path, with_follow=True)
    plain = page_weight(copy, STEP)
    follow = run.measure_follow(copy, STEP, plain)
    assert not follow["missing"]
    assert follow["ours"]["gzip_total"] == page_weight(copy, run.follow_page(STEP))["gzip_total"]
    weight = {"page": STEP, "ours": plain, "plain": plain, "ratio": 1.0, "follow": follow}
    weight["requests"] = {"error": "not counted in this test"}
    table = "\n".join(report.weight_table(weight))
    assert f"`{run.follow_page(STEP)}`" in table
    assert "no follow-along page" not in " ".join(report.weight_notes(weight))


def test_missing_follow_page_is_said_plainly(site: Path, tmp_path: Path) -> None:
    copy = _site_copy(site, tmp_path, with_follow=False)
    plain = page_weight(copy, STEP)
    follow = run.measure_follow(copy, STEP, plain)
    assert follow["missing"]
    weight = {"page": STEP, "ours": plain, "plain": plain, "ratio": 1.0, "follow": follow}
    weight["requests"] = {"error": "not counted in this test"}
    assert f"`{run.follow_page(STEP)}`" not in "\n".join(report.weight_table(weight))
    notes = report.weight_notes(weight)
    assert f"no follow-along page: `{run.follow_page(STEP)}index.html` was not built" in notes[0]


@pytest.mark.browser
def test_request_count_includes_every_file_the_page_names(site: Path, browser: object) -> None:
    counted = browser_requests.count_in(browser, {"ours": site}, {"ours": [STEP]})["ours"][STEP]
    assert counted["urls"][0] == STEP
    assert counted["count"] == len(counted["urls"])
    requested = {urlsplit(url).path for url in counted["urls"]}
    page_url = urljoin("http://127.0.0.1/", STEP)
    for resource in page_weight(site, STEP)["resources"][1:]:
        assert urlsplit(urljoin(page_url, resource["url"])).path.lstrip("/") in requested

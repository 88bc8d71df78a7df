"""`make bench`'s measuring code: time per HTML page, the follow page, requests, the report.

The benchmark itself is slow and not part of `make test`; these tests run its parts once on
this repository's guides (one interleaved round) and on the session-built site.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import browser_requests  # noqa: E402
import report  # noqa: E402
import run  # noqa: E402
from builds import run_build, variants  # noqa: E402
from weight import page_weight  # noqa: E402

STEP = run.weighed_page(REPO / "docs")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One interleaved round of the three timed builds of this repository's guides."""
    return run.measure_real_site(tmp_path_factory.mktemp("bench"), rounds=1)


def test_build_time_is_compared_per_html_page_written(real_site: dict[str, Any]) -> None:
    ours, plain = real_site["ours"], real_site["plain"]
    assert ours["html_pages"] > plain["html_pages"] > 0
    per_page = (ours["seconds"] / ours["html_pages"]) / (plain["seconds"] / plain["html_pages"])
    assert real_site["per_page_ratio"]["median"] == pytest.approx(per_page, abs=0.002)
    whole = real_site["whole_build_ratio"]["median"]
    assert whole / per_page == pytest.approx(ours["html_pages"] / plain["html_pages"], rel=0.01)


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

"""`make bench`'s measuring code: time per HTML page, the first-load weight, the report.

The benchmark itself is slow and not part of `make test`; these tests run its parts once on
this repository's guides (one interleaved round), on fixed figures and responses, on a small
site made in the test and on the session-built site. No test depends on the machine's speed.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from bench import browser_requests, report, run
from bench.browser_requests import FirstLoad, Received
from bench.builds import Build, Series, run_build, variants
from bench.weight import OtherHostError, check_hosts, compare, gzip_size, weigh
from tests.support.site import REPO

STEP = run.weighed_page(REPO / "docs")
FOLLOW = run.follow_page(STEP)


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


def _load(page: str, *bodies: tuple[str, str, bytes], worker: tuple[str, ...] = ()) -> FirstLoad:
    """A first load of fixed responses: (url, Chromium's resource type, body) each."""
    received = [Received(url, kind, 200, body) for url, kind, body in bodies]
    return FirstLoad(page, received, list(worker))


# Bodies that gzip to a different size at level 9 than at level 1.
_HTML = b"".join(
    b"<p>Step %d: knead the arch %d times.</p>\n" % (n, n * 7 % 13) for n in range(300)
)
_CSS = b"".join(b".step-%d{margin:%dpx}" % (n, n % 17) for n in range(400))


def _plain_and_ours() -> tuple[FirstLoad, FirstLoad]:
    plain = _load(
        STEP,
        (STEP, "document", _HTML),
        ("assets/main.css", "stylesheet", _CSS),
        ("assets/images/favicon.png", "other", b"\x89PNG" + bytes(range(256))),
        ("search/search_index.json", "xhr", b'{"docs": []}'),
    )
    ours = _load(
        STEP,
        (STEP, "document", _HTML + b"<p>Keep screen on</p>"),
        ("assets/main.css", "stylesheet", _CSS),
        ("stylesheets/site.0123abcd.css", "stylesheet", b".guide-actions{display:flex}"),
        ("images/icons/icon.svg", "other", b"<svg></svg>"),
        ("search/search_index.json", "xhr", b'{"docs": [1]}'),
        worker=("sw.js", "back-massage/", "assets/main.css"),
    )
    return plain, ours


def test_first_load_weight_is_every_body_the_page_received_gzipped_at_level_9() -> None:
    plain, ours = _plain_and_ours()
    weight = weigh(ours)
    sizes = [len(gzip.compress(r.body, compresslevel=9)) for r in ours.received]
    assert len(gzip.compress(_HTML, compresslevel=1)) != sizes[0]
    assert [resource["gzip_bytes"] for resource in weight["resources"]] == sizes
    assert weight["gzip_total"] == sum(sizes)
    assert weight["responses"] == 5
    # What the service worker fetched is listed, not weighed.
    assert weight["not_counted_service_worker"] == ["sw.js", "back-massage/", "assets/main.css"]
    kinds = [resource["kind"] for resource in weight["resources"]]
    assert kinds == ["html", "css", "css", "image", "data"]
    assert sum(weight["gzip_by_kind"].values()) == weight["gzip_total"]


def test_two_first_loads_are_compared_response_by_response() -> None:
    plain, ours = _plain_and_ours()
    mine, theirs = weigh(ours), weigh(plain)
    compared = compare(mine, theirs)
    assert compared["ratio"] == round(mine["gzip_total"] / theirs["gzip_total"], 4)
    assert [item["url"] for item in compared["only_ours"]] == [
        "stylesheets/site.0123abcd.css",
        "images/icons/icon.svg",
    ]
    assert compared["only_plain"] == [
        {"url": "assets/images/favicon.png", "gzip_bytes": theirs["resources"][2]["gzip_bytes"]}
    ]
    rows = {item["url"]: (item["ours"], item["plain"]) for item in compared["responses"]}
    assert len(rows) == 6
    assert rows["images/icons/icon.svg"][1] is None
    assert rows["assets/main.css"][0] == rows["assets/main.css"][1]


def test_a_response_from_another_host_stops_the_run() -> None:
    load = _load(
        STEP, (STEP, "document", _HTML), ("https://fonts.example/a.css", "stylesheet", b"")
    )
    with pytest.raises(OtherHostError, match="fonts.example"):
        weigh(load)


def _weights(with_follow: bool) -> dict[str, Any]:
    plain, ours = _plain_and_ours()
    loads = {"ours": {STEP: ours}, "plain": {STEP: plain}}
    if with_follow:
        loads["ours"][FOLLOW] = _load(FOLLOW, (FOLLOW, "document", _HTML * 2))
    return {"page": STEP, **run.weigh_first_loads(loads, STEP, FOLLOW)}


def test_follow_page_is_weighed_next_to_plain_step_page() -> None:
    weight = _weights(with_follow=True)
    follow = weight["follow"]
    assert not follow["missing"]
    assert follow["ratio"] == round(follow["ours"]["gzip_total"] / weight["plain"]["gzip_total"], 4)
    table = "\n".join(report.weight_table(weight))
    assert f"`{FOLLOW}`" in table
    assert "| other |" not in table.splitlines()[0]
    assert "no follow-along page" not in " ".join(report.weight_notes(weight))


def test_missing_follow_page_is_said_plainly() -> None:
    weight = _weights(with_follow=False)
    assert weight["follow"] == {"page": FOLLOW, "missing": True}
    assert f"`{FOLLOW}`" not in "\n".join(report.weight_table(weight))
    notes = report.weight_notes(weight)
    assert f"no follow-along page: `{FOLLOW}index.html` was not built" in notes[0]


def test_report_lists_each_response_and_what_only_one_side_received() -> None:
    weight = _weights(with_follow=False)
    table = report.responses_table(weight)
    assert len(table) == 2 + 6 + 1  # header, rule, six URLs, total
    assert "| `images/icons/icon.svg` | 0.0 KB | – |" in table
    notes = " ".join(report.weight_notes(weight))
    assert "only this site's" in notes and "`stylesheets/site.0123abcd.css`" in notes
    assert "only plain Material's" in notes and "`assets/images/favicon.png`" in notes


def test_an_unmeasured_first_load_misses_its_goal_and_says_why() -> None:
    weight = {"page": STEP, "follow": {"page": FOLLOW, "missing": False}, "error": "no Chromium"}
    assert report.weight_table(weight) == ["The first load was not measured: no Chromium."]
    assert report.responses_table(weight) == []
    goal = run.weight_goal(weight)
    assert (goal["value"], goal["met"]) == ("not measured", False)
    measured = {**_weights(with_follow=False), "page": STEP}
    assert run.weight_goal(measured)["met"] == (measured["ratio"] <= run.GOAL_WEIGHT_RATIO)


# A site made for the test: the page names a stylesheet, an icon and a script; the script
# fetches data, registers a service worker that downloads a file when it installs, and once the
# worker is ready fetches more (so the worker's download comes before the network is idle).
_TEST_SITE = {
    "index.html": "<!doctype html><html><head><title>t</title>"
    '<link rel="stylesheet" href="style.css"><link rel="icon" href="icon.svg">'
    '<script src="app.js" defer></script></head><body><p>Hello</p></body></html>',
    "style.css": "p { color: teal; }\n" * 40,
    "icon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>',
    "app.js": "fetch('data.json');"
    "navigator.serviceWorker.register('sw.js');"
    "navigator.serviceWorker.ready.then(() => fetch('after-worker.json'));",
    "data.json": '{"guides": ["foot", "back"]}',
    "after-worker.json": '{"ready": true}',
    "sw.js": "self.addEventListener('install', (event) => event.waitUntil(fetch('offline.txt')));",
    "offline.txt": "what the worker keeps for offline reading\n" * 50,
}


def test_first_load_keeps_what_the_page_receives_not_the_service_worker(
    tmp_path: Path, browser: object
) -> None:
    for name, text in _TEST_SITE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    load = browser_requests.record_in(browser, {"test": tmp_path}, {"test": [""]})["test"][""]
    received = {item.url: item for item in load.received}
    assert sorted(received) == sorted(
        ["", "style.css", "icon.svg", "app.js", "data.json", "after-worker.json"]
    )
    # Each body as it is on disk (the server does not compress: the weight gzips it).
    assert received[""].body == (tmp_path / "index.html").read_bytes()
    for name in ("style.css", "icon.svg", "app.js", "data.json", "after-worker.json"):
        assert received[name].body == (tmp_path / name).read_bytes()
    # The browser fetching the worker, and the worker's own download, are not the page's.
    assert {"sw.js", "offline.txt"} <= set(load.worker)
    assert load.failed == []
    weight = weigh(load)
    assert weight["responses"] == 6
    assert weight["gzip_by_kind"]["image"] == gzip_size(received["icon.svg"].body)


@pytest.mark.browser
def test_real_step_page_first_load_has_every_file_its_html_names(
    site: Path, browser: object
) -> None:
    load = browser_requests.record_in(browser, {"ours": site}, {"ours": [STEP]})["ours"][STEP]
    urls = [item.url for item in load.received]
    assert urls[0] == STEP
    html = (site / STEP / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
    named += re.findall(r'<script src="([^"]+)"', html)
    page_url = urljoin("http://127.0.0.1/", STEP)
    for url in named:
        assert urlsplit(urljoin(page_url, url)).path.lstrip("/") in urls
    assert "search/search_index.json" in urls
    assert "sw.js" not in urls and load.failed == []
    check_hosts(site, STEP)

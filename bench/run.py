"""Benchmark the site: build time, memory, size, first-load weight and responses, Lighthouse.

Run by `make bench`. Each figure is measured next to a plain Material build of the same
Markdown with the same extensions (no hooks, no overrides, no extra CSS or JS): build time
per HTML page written, interleaved in one process; a step page's first load as measured from
outside, in Chromium: every response the page receives until the network is idle, each body
gzip -9 (`bench/weight.py`), and the guide's follow-along page's, when the site has one.
Raw figures go to `bench/results/latest.json`; the summary replaces README.md's section
between `<!-- bench:start -->` and `<!-- bench:end -->`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.support.guide_factory import write_site

from . import browser_requests, lighthouse, machine, report, static_server
from .browser_requests import FirstLoad
from .builds import (
    REPO,
    SITE_URL,
    Series,
    ablation,
    alternate,
    html_paths,
    interleave,
    page_hooks,
    paired_ratios,
    run_build,
    variants,
)
from .weight import check_hosts, compare, precache_size, weigh

RESULTS = Path(__file__).resolve().parent / "results"
README = REPO / "README.md"
SIZES = (10, 100, 1000)
LARGE = 1000
GOAL_BUILD_RATIO = 1.15
GOAL_TIME_GROWTH = 1.5
GOAL_SIZE_GROWTH = 1.10
GOAL_WEIGHT_RATIO = 1.05
GOAL_PERFORMANCE = 98


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def weighed_page(docs: Path) -> str:
    """The step page weighed and audited: the first guide's second step (else its first)."""
    steps = sorted(docs.glob("*/step-*.md"))
    if not steps:
        raise SystemExit(f"bench: no guide with a step page in {docs}")
    guide = steps[0].parent
    step = guide / "step-2.md" if (guide / "step-2.md").is_file() else steps[0]
    return f"{guide.name}/{step.stem}/"


def guide_of(page: str) -> str:
    """`foot-massage/step-2/` -> `foot-massage/`."""
    return page.split("/", 1)[0] + "/"


def lighthouse_pages(step: str) -> tuple[tuple[str, str, bool], ...]:
    """(label, path, also in plain Material) for each audited page."""
    return (
        ("home", "", True),
        ("step", step, True),
        ("checklist", guide_of(step) + "checklist/", False),
    )


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--build-runs", type=int, default=15, help="interleaved rounds of builds of the real site"
    )
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page (0: none)")
    parser.add_argument(
        "--full",
        action="store_true",
        help="also build 1,000 generated guides with plain Material (about 17 min, 12 GB)",
    )
    parser.add_argument("--no-readme", action="store_true", help="leave README.md as it is")
    return parser.parse_args(argv)


def spread(values: list[float]) -> dict[str, Any]:
    """Median, lowest and highest of figures taken round by round, and every one."""
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "all": [round(value, 3) for value in values],
    }


def measure_real_site(work: Path, rounds: int) -> dict[str, Any]:
    """This site, plain Material and this site less its page hooks, interleaved in this process."""
    compared = (*variants(work, None), ablation(work))
    return compare_real_site(*interleave(compared, work, rounds), rounds=rounds)


def compare_real_site(
    ours: Series, plain: Series, reduced: Series, *, rounds: int
) -> dict[str, Any]:
    """The figures of the three interleaved series, each ratio taken round by round."""
    per_page = paired_ratios(ours.ms_per_page(), plain.ms_per_page())
    log(
        f"real site, per HTML page: {statistics.median(ours.ms_per_page()):.1f} ms"
        f" ({ours.html_pages} pages), plain {statistics.median(plain.ms_per_page()):.1f} ms"
        f" ({plain.html_pages} pages), ratio {statistics.median(per_page):.3f}"
        f" ({min(per_page):.2f} to {max(per_page):.2f} over {rounds} rounds)"
    )
    whole = [build.seconds for build in ours.builds], [build.seconds for build in plain.builds]
    return {
        "rounds": rounds,
        "ours": ours.summary(),
        "plain": plain.summary(),
        reduced.name: reduced.summary(),
        "per_page_ratio": spread(per_page),
        "cpu_per_page_ratio": spread(
            paired_ratios(ours.cpu_ms_per_page(), plain.cpu_ms_per_page())
        ),
        "whole_build_ratio": spread(paired_ratios(*whole)),
        "without_hooks": [f"hooks/{name}" for name in page_hooks()],
        f"{reduced.name}_per_page_ratio": spread(
            paired_ratios(reduced.ms_per_page(), plain.ms_per_page())
        ),
    }


def build_kept_sites(work: Path) -> tuple[dict[str, Path], dict[str, Any]]:
    """One more build of each in its own process, kept for the page weight and Lighthouse.

    Also what those builds tell: peak memory, and the HTML files only this site writes.
    """
    sites: dict[str, Path] = {}
    kept: dict[str, Any] = {}
    for variant in variants(work, None):
        sites[variant.name] = work / f"kept-{variant.name}"
        built = run_build(variant, sites[variant.name], keep=True)
        kept[variant.name] = {"peak_bytes": built.peak_bytes, "html_pages": built.html_pages}
    kept["only_ours"] = sorted(html_paths(sites["ours"]) - html_paths(sites["plain"]))
    return sites, kept


def follow_page(step: str) -> str:
    """The follow-along page of the step's guide (`<guide>/follow/`), if the site has one."""
    return guide_of(step) + "follow/"


def measure_follow(load: FirstLoad | None, page: str, plain: dict[str, Any]) -> dict[str, Any]:
    """The follow page's first load next to plain Material's step page, or that there is none."""
    if load is None:
        return {"page": page, "missing": True}
    weight = weigh(load)
    return {
        "page": page,
        "missing": False,
        "ours": weight,
        "ratio": round(weight["gzip_total"] / plain["gzip_total"], 4),
    }


def weigh_first_loads(
    loads: dict[str, dict[str, FirstLoad]], step: str, follow: str
) -> dict[str, Any]:
    """The step page of both sites weighed and compared; the follow page if it was loaded."""
    ours, plain = weigh(loads["ours"][step]), weigh(loads["plain"][step])
    return {
        "ours": ours,
        "plain": plain,
        **compare(ours, plain),
        "follow": measure_follow(loads["ours"].get(follow), follow, plain),
    }


def measure_weight(sites: dict[str, Path], step: str) -> dict[str, Any]:
    """The step page's first load in Chromium, both sites; the follow page's; the precache."""
    follow = follow_page(step)
    pages = [step]
    if (sites["ours"] / follow / "index.html").is_file():
        pages.append(follow)
    else:
        log(f"no follow page: {follow}index.html was not built")
    for page in pages:
        check_hosts(sites["ours"], page)
    precache = precache_size(sites["ours"])
    log(f"service worker precache: {precache['files']} files, {precache['gzip_bytes']} B gzip")
    result: dict[str, Any] = {
        "page": step,
        "precache": precache,
        "follow": {"page": follow, "missing": follow not in pages},
    }
    reason = browser_requests.unavailable_reason()
    if reason is None:
        try:
            loads = browser_requests.first_loads(sites, {"ours": pages, "plain": [step]})
        except browser_requests.FirstLoadError as error:
            reason = str(error)
    if reason is not None:
        log(f"first load not measured: {reason}")
        return {**result, "error": reason}
    result.update(weigh_first_loads(loads, step, follow))
    for name in ("ours", "plain"):
        weight = result[name]
        log(
            f"first load of {step}, {name}: {weight['gzip_total']} B gzip,"
            f" {weight['responses']} responses"
        )
    if not result["follow"]["missing"]:
        log(f"first load of {follow}: {result['follow']['ours']['gzip_total']} B gzip")
    log(f"first load ratio: {result['ratio']:.4f}")
    return result


def _lighthouse_runs(
    urls: dict[str, str], audited: tuple[tuple[str, str, bool], ...], runs: int, reports: Path
) -> tuple[list[dict[str, Any]], str | None]:
    """Every page of both sites, run after run, alternating; stop at the first failure."""
    pages: list[dict[str, Any]] = [
        {"label": label, "path": path, "runs": {"ours": [], "plain": [] if in_plain else None}}
        for label, path, in_plain in audited
    ]
    for run in range(runs):
        for page in pages:
            for name, results in page["runs"].items():
                if results is None:
                    continue
                output = reports / f"{name}-{page['label']}-{run + 1}.json"
                try:
                    results.append(lighthouse.audit(urls[name] + page["path"], output))
                except lighthouse.LighthouseError as error:
                    return pages, str(error)
                log(f"lighthouse {name} {page['label']} run {run + 1}: {results[-1]['scores']}")
    return pages, None


def _summarise_page(page: dict[str, Any]) -> dict[str, Any]:
    summary: dict[str, Any] = {"label": page["label"], "path": page["path"]}
    for name, runs in page["runs"].items():
        if runs:
            summary[name] = {
                "median": lighthouse.median_scores(runs),
                "failing": lighthouse.failing_summary(runs),
                "runs": runs,
            }
    return summary


def measure_lighthouse(sites: dict[str, Path], step: str, runs: int) -> dict[str, Any]:
    if runs < 1:
        return {"error": "skipped (--lighthouse-runs 0)", "pages": []}
    reason = lighthouse.unavailable_reason()
    if reason:
        log(f"lighthouse not run: {reason}")
        return {"error": reason, "pages": []}
    reports = RESULTS / "lighthouse"
    shutil.rmtree(reports, ignore_errors=True)
    reports.mkdir(parents=True)
    try:
        with (
            static_server.serve(sites["ours"]) as ours,
            static_server.serve(sites["plain"]) as plain,
        ):
            urls = {"ours": ours, "plain": plain}
            pages, error = _lighthouse_runs(urls, lighthouse_pages(step), runs, reports)
    except lighthouse.LighthouseError as failure:
        return {"error": str(failure), "pages": []}
    summaries = [_summarise_page(page) for page in pages if page["runs"]["ours"]]
    every_run = [run for page in pages for runs in page["runs"].values() for run in runs or []]
    index = lighthouse.median_benchmark_index(every_run)
    return {"runs": runs, "pages": summaries, "error": error, "benchmark_index": index}


def _write_generated(docs: Path, guides: int) -> None:
    write_site(docs, guides)


def _cached_plain_large() -> dict[str, Any]:
    """Plain Material at 1,000 guides from an earlier `--full` run, if there was one."""
    cache = RESULTS / f"plain-{LARGE}.json"
    if cache.is_file():
        return dict(json.loads(cache.read_text(encoding="utf-8")))
    return {"skipped": "not run by `make bench`: see above"}


def measure_size(work: Path, guides: int, full: bool, date: str) -> dict[str, Any]:
    docs = work / f"guides-{guides}"
    _write_generated(docs, guides)
    ours, plain = variants(work, docs)
    large = guides >= LARGE
    compared = (ours,) if large and not full else (ours, plain)
    series: list[Series] = alternate(compared, work, 1 if large else 3)
    item: dict[str, Any] = {"guides": guides}
    item.update({entry.name: entry.summary() for entry in series})
    if large and full:
        item["plain"]["measured"] = date
        (RESULTS / f"plain-{LARGE}.json").write_text(json.dumps(item["plain"]), encoding="utf-8")
    elif large:
        item["plain"] = _cached_plain_large()
    shutil.rmtree(docs)
    log(f"{guides} guides: " + ", ".join(f"{e.name} {e.seconds:.2f} s" for e in series))
    return item


def growth(scaling: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-guide time and size at 1,000 guides against 100, and per added guide."""
    by_count = {item["guides"]: item["ours"] for item in scaling}
    low, mid, high = (by_count[count] for count in SIZES)
    a, b, c = SIZES

    def per_added(key: str, first: dict[str, Any], second: dict[str, Any], span: int) -> float:
        return float(second[key] - first[key]) / span

    return {
        "time_ratio": (high["seconds"] / c) / (mid["seconds"] / b),
        "size_ratio": (high["site_bytes"] / c) / (mid["site_bytes"] / b),
        "marginal_size_low": per_added("site_bytes", low, mid, b - a),
        "marginal_size_high": per_added("site_bytes", mid, high, c - b),
        "marginal_size_ratio": per_added("site_bytes", mid, high, c - b)
        / per_added("site_bytes", low, mid, b - a),
        "marginal_ms_low": per_added("seconds", low, mid, b - a) * 1000,
        "marginal_ms_high": per_added("seconds", mid, high, c - b) * 1000,
    }


def _goal(name: str, value: str, limit: str, met: bool) -> dict[str, Any]:
    return {"name": name, "value": value, "limit": limit, "met": met}


def lighthouse_goals(result: dict[str, Any], step: str) -> list[dict[str, Any]]:
    pages = [page for page in result.get("pages", []) if "ours" in page]
    if len(pages) < len(lighthouse_pages(step)):
        return [_goal("Lighthouse", "not run", "scores", False)]
    goals = []
    for category, label in report.CATEGORY_LABELS.items():
        scores = [page["ours"]["median"][category] for page in pages]
        floor = GOAL_PERFORMANCE if category == "performance" else 100
        shown = "/".join("–" if score is None else f"{score:g}" for score in scores)
        met = all(score is not None and score >= floor for score in scores)
        limit = f"≥ {floor}" if floor < 100 else "100"
        goals.append(_goal(f"Lighthouse {label} (home/step/checklist)", shown, limit, met))
    return goals


def weight_goal(weight: dict[str, Any]) -> dict[str, Any]:
    """The step page's first load against plain Material's, or that it was not measured."""
    name = f"first load of {weight['page']} vs plain Material (responses, gzip -9)"
    if "ratio" not in weight:
        return _goal(name, "not measured", f"≤ {GOAL_WEIGHT_RATIO}×", False)
    ratio = weight["ratio"]
    return _goal(name, f"{ratio:.3f}×", f"≤ {GOAL_WEIGHT_RATIO}×", ratio <= GOAL_WEIGHT_RATIO)


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    step = results["weight"]["page"]
    items = [
        _goal(
            f"build {kind} per HTML page vs plain Material (median of interleaved rounds)",
            f"{ratio:.2f}×",
            f"≤ {GOAL_BUILD_RATIO}×",
            ratio <= GOAL_BUILD_RATIO,
        )
        for kind, ratio in (
            ("time", results["real_site"]["per_page_ratio"]["median"]),
            ("CPU time", results["real_site"]["cpu_per_page_ratio"]["median"]),
        )
    ]
    if results.get("growth"):
        time_growth = results["growth"]["time_ratio"]
        size_growth = results["growth"]["size_ratio"]
        items += [
            _goal(
                "time per guide, 1,000 vs 100 guides",
                f"×{time_growth:.2f}",
                f"≤ ×{GOAL_TIME_GROWTH}",
                time_growth <= GOAL_TIME_GROWTH,
            ),
            _goal(
                "site size per guide, 1,000 vs 100 guides",
                f"×{size_growth:.2f}",
                f"≤ ×{GOAL_SIZE_GROWTH}",
                size_growth <= GOAL_SIZE_GROWTH,
            ),
        ]
    items.append(weight_goal(results["weight"]))
    return items + lighthouse_goals(results["lighthouse"], step)


def method(args: argparse.Namespace, step: str) -> dict[str, Any]:
    """How each figure was measured, for README.md and the JSON."""
    runs = args.build_runs
    hooks = report.and_list([f"`hooks/{name}`" for name in page_hooks()]) or "no hook"
    return {
        "lines": [
            f"Build time of this site's guides: {runs} rounds in one Python process, each"
            " round one clean build of each of the three builds below (the order reversed"
            " every other round), after one untimed build of each; a build is MkDocs'"
            " `load_config` and `build` into a new folder, timed with `time.perf_counter`"
            " (wall) and `time.process_time` (CPU), with a garbage collection before it, not"
            " timed; Python start-up and imports are not in it. Time per HTML page is a build's"
            " time over the HTML files it wrote. The ratio to plain Material is taken round by"
            " round (both builds ran within a second of each other) and its median and range"
            " over the rounds are shown.",
            "Plain Material: a temporary mkdocs.yml with this site's `site_name`,"
            " `site_description`, `site_url`, docs, `theme` (material, `language`,"
            " `font: false`, `features`, `palette`) and `markdown_extensions`; no hooks,"
            " no `custom_dir`, no `extra_css`/`extra_javascript`; built without `--strict`"
            " (its pages link to checklists that only the hooks generate); the same docs, each"
            " step's drawing inlined by `pymdownx.snippets` as in this site. The"
            f" third build is this site without {hooks}, the hooks that add pages plain"
            " Material does not have.",
            "Peak memory: one more build of each in its own subprocess (`mkdocs build -q -f"
            " <config> -d <new folder>` through `bench/measured_build.py`): its own peak"
            " resident memory since it started (`VmHWM`); these kept builds are the sites"
            " weighed and audited below. Site: the sum of the sizes of all files written"
            " (1 MB = 10^6 bytes). Every build uses"
            f" `SITE_URL={SITE_URL}`.",
            "Generated guides: `tests/support/guide_factory.write_site` (home page plus, per guide,"
            " an overview, 3 steps and tips) in a temporary folder, built with"
            " `GUIDES_DOCS_DIR`, each build in its own subprocess as above and timed from start"
            " to exit (Python start-up and imports included), the two sites alternating;"
            " median of 3 builds at 10 and 100 guides, one at 1,000."
            " Plain Material at 1,000 guides (5,000 pages) writes the whole navigation into"
            " every page, which takes 13 to 17 minutes and 12 GB here, so `make bench` does"
            " not build it: its row is from the last `.venv/bin/python bench/run.py --full`"
            " on this machine (dated), if any.",
            f"First load of `{step}`, as measured from outside: the page opened once in"
            " Chromium (Playwright, the flags below, a new context: empty cache, no service"
            " worker yet), each site served on 127.0.0.1 by `bench/static_server.py` without"
            " compression; every response the page receives until the network is idle"
            " (Playwright's `networkidle`, 500 ms without a request) is counted, whatever asked"
            " for it: the HTML, its CSS and scripts, the icon the browser fetches, what scripts"
            " fetch (Material's search worker and index). Each body is gzip-compressed at level"
            " 9 (Python's gzip) and the sizes summed; inline SVG is in the HTML. Not counted:"
            " requests the service worker makes (Playwright's `request.service_worker`), that"
            " is the browser fetching `sw.js` to install it after the load event, then the"
            " files the worker downloads for offline reading (both given below, under Offline)."
            " The run fails if the page loads from another host or if any URL in this site's"
            " page is on one (plain Material's links to Material's website)."
            f" The follow-along page (`{follow_page(step)}`) is measured the same way when the"
            " site has one.",
            "Lighthouse 12 with `CHROME_PATH=/usr/bin/chromium`, flags"
            f" `{lighthouse.CHROME_FLAGS}`, default mobile form factor and simulated"
            " throttling, the four categories, JSON output; each site is served on"
            " 127.0.0.1 by `bench/static_server.py`, which gzips text as a real static host"
            " does (`python -m http.server` sends Material's 137 KB stylesheet uncompressed,"
            " which costs both sites 3 to 6 points); pages"
            " of both sites alternate run by run; each category's median is shown. The"
            " machine's load changes Lighthouse's simulated timings: its CPU benchmark"
            " index is given.",
        ]
    }


def measure(args: argparse.Namespace, about: dict[str, Any]) -> dict[str, Any]:
    step = weighed_page(REPO / "docs")
    results: dict[str, Any] = {"machine": about, "method": method(args, step)}
    with tempfile.TemporaryDirectory(prefix="massage-bench-") as temporary:
        work = Path(temporary)
        results["real_site"] = measure_real_site(work, args.build_runs)
        results["machine"]["load_average_after_builds"] = [
            round(value, 2) for value in os.getloadavg()
        ]
        sites, results["kept_builds"] = build_kept_sites(work)
        results["weight"] = measure_weight(sites, step)
        results["lighthouse"] = measure_lighthouse(sites, step, args.lighthouse_runs)
        results["scaling"] = [
            measure_size(work, guides, args.full, about["date"]) for guides in SIZES
        ]
    results["growth"] = growth(results["scaling"])
    results["goals"] = goals(results)
    return results


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    about = machine.describe()
    log(f"{about['cpu']}, {about['cores']} cores, load average {about['load_average']}")
    results = measure(args, about)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    text = report.section(results, GOAL_BUILD_RATIO)
    if not args.no_readme:
        report.update_readme(README, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

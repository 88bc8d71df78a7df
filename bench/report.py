"""The benchmark's Markdown for README.md, written between its bench markers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
LABELS = {
    "ours": "this site",
    "plain": "plain Material",
    "ours_without_generated": "this site less the hooks that add pages",
}
CATEGORY_LABELS = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}


def megabytes(size: float) -> str:
    """Bytes as MB (10^6), one decimal; as GB from 10^9."""
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def kilobytes(size: float) -> str:
    """Bytes as KB (10^3), one decimal; as MB from 10^6."""
    return megabytes(size) if size >= 1e6 else f"{size / 1e3:.1f} KB"


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: list[str], rows: list[str]) -> list[str]:
    return [_row(*header), _row(*["---"] * len(header)), *rows]


def machine_line(machine: dict[str, Any]) -> str:
    """Where and when the figures were measured."""
    packages = ", ".join(f"{name} {version}" for name, version in machine["packages"].items())
    load = machine["load_average"][0]
    after = machine.get("load_average_after_builds")
    load_after = f", {after[0]:.1f} after the timed builds" if after else ""
    tools = [
        f"Lighthouse {machine['lighthouse'] or '(not installed)'}",
        machine["chromium"] or "Chromium (not installed)",
        f"Node {machine['node'] or '(not installed)'}",
    ]
    return (
        f"Measured {machine['date']} by `make bench` (`bench/run.py`; raw figures in"
        f" `bench/results/latest.json`, not committed) on {machine['cpu']},"
        f" {machine['cores']} cores (load average {load:.1f} at the start{load_after}),"
        f" Python {machine['python']}, {packages}; {', '.join(tools)}."
    )


def goals_line(goals: list[dict[str, Any]]) -> str:
    """One line: each goal, its figure, met or missed."""
    parts = [
        f"{goal['name']} {goal['value']} ({goal['limit']}: {'met' if goal['met'] else 'MISSED'})"
        for goal in goals
    ]
    return "**Goals:** " + " · ".join(parts) + "."


def method_lines(method: dict[str, Any]) -> list[str]:
    """How it was measured, as a list."""
    return [f"- {line}" for line in method["lines"]]


def _range(figures: dict[str, Any], digits: int = 2) -> str:
    return f"{figures['min']:.{digits}f}–{figures['max']:.{digits}f}"


def real_site_table(real: dict[str, Any]) -> list[str]:
    """Build time per HTML page: this site, plain Material, this site less its page hooks."""
    plain = real["plain"]
    rows = []
    for name, entry in real.items():
        if name not in LABELS:
            continue
        per_page = entry["all_ms_per_page"]
        ratio = real.get(f"{name}_per_page_ratio") if name != "ours" else real["per_page_ratio"]
        shown = f"**{ratio['median']:.2f}** ({_range(ratio)})" if ratio else "1"
        rows.append(
            _row(
                LABELS[name],
                entry["html_pages"],
                f"{entry['ms_per_page']:.1f} ms",
                f"{min(per_page):.1f}–{max(per_page):.1f} ms",
                shown,
                f"{entry['cpu_ms_per_page']:.1f} ms",
                f"{entry['seconds']:.2f} s",
                f"{entry['seconds'] / plain['seconds']:.2f}",
                megabytes(entry["site_bytes"]),
            )
        )
    header = ["build", "HTML files", "per page (median)", "per page (range)"]
    header += ["vs plain, per page (range)", "CPU per page", "whole build", "vs plain"]
    return _table([*header, "site"], rows)


def and_list(items: list[str]) -> str:
    """`a`, `b`, `c` -> `a, b and c`."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _page_kinds(paths: list[str]) -> str:
    """`a/checklist/index.html`, `b/checklist/index.html` -> `2 × checklist/`."""
    kinds: dict[str, int] = {}
    for path in paths:
        parts = path.split("/")
        kind = f"{parts[-2]}/" if len(parts) > 2 else path
        kinds[kind] = kinds.get(kind, 0) + 1
    return ", ".join(f"{count} × `{kind}`" for kind, count in kinds.items())


def build_gap_lines(real: dict[str, Any], kept: dict[str, Any], goal: float) -> list[str]:
    """What the timed builds say about the gap to plain Material, from their figures only."""
    ratio, rounds = real["per_page_ratio"], real["rounds"]
    above = sum(value > goal for value in ratio["all"])
    extra = kept.get("only_ours", [])
    pages = f" ({_page_kinds(extra)})" if extra else ""
    lines = [
        f"This site wrote {real['ours']['html_pages']} HTML files where plain Material wrote"
        f" {real['plain']['html_pages']}{pages}. Per HTML file written its build took"
        f" {ratio['median']:.2f}× plain Material's time (median of {rounds} interleaved"
        f" rounds; {_range(ratio)}, {above} of {rounds} rounds above {goal}); CPU time"
        f" {real['cpu_per_page_ratio']['median']:.2f}×; the whole build"
        f" {real['whole_build_ratio']['median']:.2f}× ({_range(real['whole_build_ratio'])})."
    ]
    reduced = real.get("ours_without_generated")
    if reduced:
        hooks = and_list([f"`{hook}`" for hook in real.get("without_hooks", [])])
        same = reduced["html_pages"] == real["plain"]["html_pages"]
        lines.append(
            f"Without {hooks or 'the hooks that add pages'} this site wrote"
            f" {reduced['html_pages']} HTML files at"
            f" {real['ours_without_generated_per_page_ratio']['median']:.2f}× plain Material's"
            " time per file"
            + (
                ": on the same pages, the gap is what its other hooks, theme overrides, extra"
                " CSS and scripts and minification cost."
                if same
                else "."
            )
        )
    return [" ".join(lines)]


def _scaling_row(guides: int, name: str, entry: dict[str, Any]) -> str:
    if "skipped" in entry:
        return _row(f"{guides:,}", LABELS[name], "", entry["skipped"], "", "", "", "", "")
    when = f" (measured {entry['measured']})" if "measured" in entry else ""
    return _row(
        f"{guides:,}",
        LABELS[name],
        entry["runs"],
        f"{entry['seconds']:.2f} s{when}",
        f"{entry['seconds'] / guides * 1000:.1f} ms",
        megabytes(entry["peak_bytes"]),
        megabytes(entry["site_bytes"]),
        kilobytes(entry["site_bytes"] / guides),
        f"{entry['html_pages']:,}",
    )


def scaling_table(scaling: list[dict[str, Any]]) -> list[str]:
    """Build time, memory and size for each number of generated guides."""
    rows = [
        _scaling_row(item["guides"], name, item[name])
        for item in scaling
        for name in ("ours", "plain")
        if name in item
    ]
    header = ["guides", "build", "runs", "time (median)", "per guide", "peak memory", "site"]
    return _table([*header, "site per guide", "HTML files"], rows)


def growth_line(growth: dict[str, Any]) -> str:
    """How the per-guide figures change from 100 to 1,000 guides."""
    return (
        f"From 100 to 1,000 guides this site's time per guide changes by"
        f" ×{growth['time_ratio']:.2f} and its size per guide by ×{growth['size_ratio']:.2f};"
        f" each added guide costs {kilobytes(growth['marginal_size_high'])} from 100 to 1,000"
        f" and {kilobytes(growth['marginal_size_low'])} from 10 to 100"
        f" (×{growth['marginal_size_ratio']:.2f}), and"
        f" {growth['marginal_ms_high']:.1f} ms against {growth['marginal_ms_low']:.1f} ms"
        " of build time."
    )


_KIND_LABELS = {
    "html": "HTML",
    "css": "CSS",
    "js": "JS",
    "image": "images",
    "data": "data",
    "other": "other",
}


def _weight_row(label: str, entry: dict[str, Any], ratio: str, kinds: list[str]) -> str:
    return _row(
        label,
        *(kilobytes(entry["gzip_by_kind"].get(kind, 0)) for kind in kinds),
        f"**{kilobytes(entry['gzip_total'])}**",
        ratio,
        entry["responses"],
    )


def weight_table(weight: dict[str, Any]) -> list[str]:
    """First-load weight by kind of response (each body gzip -9), and how many responses."""
    if "ratio" not in weight:
        return [f"The first load was not measured: {weight.get('error', 'no figures')}."]
    step, follow = weight["page"], weight.get("follow", {"missing": True})
    rows = [
        (f"this site, `{step}`", weight["ours"], f"**{weight['ratio']:.3f}**"),
        (f"plain Material, `{step}`", weight["plain"], "1"),
    ]
    if not follow["missing"]:
        rows.append(
            (f"this site, `{follow['page']}`", follow["ours"], f"**{follow['ratio']:.3f}**")
        )
    # A kind no page received (often `other`) gets no column.
    kinds = [kind for kind in _KIND_LABELS if any(row[1]["gzip_by_kind"].get(kind) for row in rows)]
    header = ["page", *(_KIND_LABELS[kind] for kind in kinds), "total", "vs plain step"]
    return _table([*header, "responses"], [_weight_row(*row, kinds) for row in rows])


def responses_table(weight: dict[str, Any]) -> list[str]:
    """Each response of the step page's first load, this site's and plain Material's (gzip)."""
    if "responses" not in weight or "ratio" not in weight:
        return []
    rows = [
        _row(
            f"`{item['url'] or '/'}`",
            "–" if item["ours"] is None else kilobytes(item["ours"]),
            "–" if item["plain"] is None else kilobytes(item["plain"]),
        )
        for item in weight["responses"]
    ]
    total = _row(
        "**total**",
        f"**{kilobytes(weight['ours']['gzip_total'])}**",
        f"**{kilobytes(weight['plain']['gzip_total'])}**",
    )
    return _table(["response", "this site", "plain Material"], [*rows, total])


def _listed(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"`{item['url']}` ({kilobytes(item['gzip_bytes'])})" for item in items)


def weight_notes(weight: dict[str, Any]) -> list[str]:
    """What the weight table cannot say in a cell: no follow page, what only one side received."""
    notes = []
    follow = weight.get("follow", {"missing": True, "page": "<guide>/follow/"})
    if follow["missing"]:
        notes.append(
            f"This site has no follow-along page: `{follow['page']}index.html` was not built,"
            " so it is not weighed."
        )
    if "ratio" not in weight:
        return notes
    step = weight["page"]
    for whose, key in (("this site", "only_ours"), ("plain Material", "only_plain")):
        if weight.get(key):
            notes.append(f"Responses only {whose}'s `{step}` receives: {_listed(weight[key])}.")
    return notes


def precache_line(weight: dict[str, Any]) -> str:
    """What the service worker downloads after the first load, which the weight leaves out."""
    precache = weight["precache"]
    worker = ""
    if "worker_gzip_bytes" in precache:
        worker = (
            f"its own script `sw.js` ({kilobytes(precache['worker_gzip_bytes'])} gzip -9), then "
        )
    return (
        f"Offline: after the first load the browser installs the service worker and it"
        f" downloads in the background, not counted above: {worker}{precache['files']} files,"
        f" {kilobytes(precache['raw_bytes'])} ({kilobytes(precache['gzip_bytes'])} gzip -9):"
        " every page of every guide, the checklists, print documents, search index and"
        " pictures, and Material's CSS and scripts the pages already use."
    )


def lighthouse_table(lighthouse: dict[str, Any]) -> list[str]:
    """Scores for each page, this site next to plain Material."""
    if "error" in lighthouse and not lighthouse.get("pages"):
        return [f"Lighthouse did not run: {lighthouse['error']}."]
    rows = []
    for page in lighthouse["pages"]:
        for name in ("ours", "plain"):
            entry = page.get(name)
            if entry is None:
                continue
            scores = entry["median"]
            cells = ["–" if scores[key] is None else f"{scores[key]:g}" for key in CATEGORY_LABELS]
            rows.append(_row(f"{page['label']} (`{page['path'] or '/'}`)", LABELS[name], *cells))
    lines = _table(["page", "build", *CATEGORY_LABELS.values()], rows)
    if lighthouse.get("error"):
        lines += ["", f"Lighthouse stopped early: {lighthouse['error']}."]
    return lines + _failing_lines(lighthouse)


def _lighthouse_heading(lighthouse: dict[str, Any]) -> str:
    if not lighthouse.get("pages"):
        return "Lighthouse:"
    runs = lighthouse.get("runs", 0)
    index = lighthouse.get("benchmark_index")
    machine = f"; Lighthouse's CPU benchmark index {index:.0f} (median)" if index else ""
    plural = "run" if runs == 1 else "runs"
    return f"Lighthouse (mobile, median of {runs} {plural} per page{machine}):"


def _audit_value(item: dict[str, Any]) -> str:
    value, unit = item.get("numeric"), item.get("unit")
    if value is None:
        return f"failed in {item['runs_failed']} runs"
    if unit == "millisecond":
        return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"
    return f"{value:.3f}"


def _failing_lines(lighthouse: dict[str, Any]) -> list[str]:
    failing: dict[str, dict[str, Any]] = {}
    for page in lighthouse["pages"]:
        for item in page.get("ours", {}).get("failing", []):
            entry = failing.setdefault(item["id"], {**item, "pages": []})
            entry["pages"].append(f"{page['label']} {_audit_value(item)}")
    if not failing:
        return ["", "No audit fails on this site's pages."]
    lines = ["", "Audits that fail on this site's pages in at least one run (median value):", ""]
    for item in failing.values():
        title = item["title"].replace("|", "\\|")
        pages = ", ".join(item["pages"])
        lines.append(f"- `{item['id']}` ({item['category']}): {title}: {pages}")
    return lines


def _memory_lines(kept: dict[str, Any]) -> list[str]:
    if "ours" not in kept or "plain" not in kept:
        return []
    return [
        "",
        f"Peak memory of one build in its own process: this site"
        f" {megabytes(kept['ours']['peak_bytes'])}, plain Material"
        f" {megabytes(kept['plain']['peak_bytes'])}.",
    ]


def section(results: dict[str, Any], goal: float) -> str:
    """The whole README section between the markers (`goal`: the build-time ratio aimed at)."""
    lines = [machine_line(results["machine"]), "", goals_line(results["goals"]), ""]
    lines += ["How it was measured:", "", *method_lines(results["method"]), ""]
    lines += ["Build of this site's own guides (time per HTML file written):", ""]
    lines += [*real_site_table(results["real_site"]), ""]
    lines += build_gap_lines(results["real_site"], results.get("kept_builds", {}), goal)
    lines += [*_memory_lines(results.get("kept_builds", {}))]
    lines += ["", "Generated guides (`tests/support/guide_factory.py`):", ""]
    lines += [*scaling_table(results["scaling"]), ""]
    if results.get("growth"):
        lines += [growth_line(results["growth"]), ""]
    weight = results["weight"]
    lines += [f"First load of `{weight['page']}` (every response, each body gzip -9):", ""]
    lines += [*weight_table(weight), ""]
    if responses := responses_table(weight):
        lines += [f"Each response of `{weight['page']}`'s first load (gzip -9):", ""]
        lines += [*responses, ""]
    for note in weight_notes(weight):
        lines += [note, ""]
    if weight.get("precache"):
        lines += [precache_line(weight), ""]
    lines += [_lighthouse_heading(results["lighthouse"]), ""]
    lines += lighthouse_table(results["lighthouse"])
    return "\n".join(lines)


def update_readme(readme: Path, text: str) -> None:
    """Replace what is between the markers (adding them under "## Benchmark" if missing)."""
    content = readme.read_text(encoding="utf-8")
    if START not in content or END not in content:
        content = content.rstrip("\n") + f"\n\n## Benchmark\n\n{START}\n{END}\n"
    head, _, rest = content.partition(START)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")

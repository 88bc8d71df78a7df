"""The benchmark's Markdown for README.md, written between its bench markers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
LABELS = {
    "ours": "this site",
    "plain": "plain Material",
    "ours_without_generated": "this site less the checklist and print-document hooks",
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
    tools = [
        f"Lighthouse {machine['lighthouse'] or '(not installed)'}",
        machine["chromium"] or "Chromium (not installed)",
        f"Node {machine['node'] or '(not installed)'}",
    ]
    return (
        f"Measured {machine['date']} by `make bench` (`bench/run.py`; raw figures in"
        f" `bench/results/latest.json`, not committed) on {machine['cpu']},"
        f" {machine['cores']} cores (load average {load:.1f} at the start),"
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


BUILD_GAP = (
    "Why this site builds slower than plain Material: it builds 17 pages where plain Material"
    " builds 13 (each guide's checklist and print document, rendered through the whole theme),"
    " then runs its hooks (front matter of every page, the guide model, the navigation per"
    " guide) and mkdocs-minify-plugin, about 3 points of it. The third row leaves out the two"
    " hooks that generate the extra pages. On this shared 2-core machine the ratio moves from"
    " about 1.1 to 1.35 between runs of `make bench`; the 1.15 goal is not reliably met."
)


def real_site_table(real: dict[str, Any]) -> list[str]:
    """Build time of the real site: this site, plain Material, and this site less a part."""
    runs = real["ours"]["runs"]
    plain = real["plain"]
    rows = [
        _row(
            LABELS[name],
            f"{entry['seconds']:.2f} s",
            f"**{entry['seconds'] / plain['seconds']:.2f}**",
            " ".join(f"{value:.2f}" for value in entry["all_seconds"]),
            f"{entry['cpu_seconds']:.2f} s ({entry['cpu_seconds'] / plain['cpu_seconds']:.2f})",
            megabytes(entry["peak_bytes"]),
            megabytes(entry["site_bytes"]),
            entry["html_pages"],
        )
        for name, entry in real.items()
        if name in LABELS
    ]
    header = ["build", f"median of {runs}", "vs plain", "every run (s)", "CPU time (vs plain)"]
    return _table([*header, "peak memory", "site", "HTML files"], rows)


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


def weight_table(weight: dict[str, Any]) -> list[str]:
    """First-load weight of one page, by kind of file, gzip-compressed."""
    rows = []
    for name in ("ours", "plain"):
        entry = weight[name]
        kinds = entry["gzip_by_kind"]
        rows.append(
            _row(
                LABELS[name],
                *(kilobytes(kinds[kind]) for kind in ("html", "css", "js", "image")),
                f"**{kilobytes(entry['gzip_total'])}**",
                len(entry["resources"]),
            )
        )
    rows.append(_row("ratio", "", "", "", "", f"**{weight['ratio']:.3f}**", ""))
    return _table(["page", "HTML", "CSS", "JS", "images", "total", "files"], rows)


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


def section(results: dict[str, Any]) -> str:
    """The whole README section between the markers."""
    lines = [machine_line(results["machine"]), "", goals_line(results["goals"]), ""]
    lines += ["How it was measured:", "", *method_lines(results["method"]), ""]
    lines += ["Build of this site's own guides:", "", *real_site_table(results["real_site"])]
    lines += ["", BUILD_GAP]
    lines += ["", "Generated guides (`tests/guide_factory.py`):", ""]
    lines += [*scaling_table(results["scaling"]), ""]
    if results.get("growth"):
        lines += [growth_line(results["growth"]), ""]
    page = results["weight"]["page"]
    lines += [f"First load of `{page}` (each file gzip -9):", ""]
    lines += [*weight_table(results["weight"]), ""]
    if precache := results["weight"].get("precache"):
        lines += [
            f"Offline: after the first visit the service worker downloads {precache['files']}"
            f" files in the background, {kilobytes(precache['raw_bytes'])}"
            f" ({kilobytes(precache['gzip_bytes'])} gzip -9): every page of every guide, the"
            " checklists, print documents, search index and pictures, and Material's CSS and"
            " scripts the pages already use.",
            "",
        ]
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

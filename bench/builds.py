"""Timed site builds: this site and a plain Material build of the same Markdown.

Two ways to build, each clean into a new folder:

- `build_in_process`: `load_config` and `build` in this process, the variants interleaved
  round by round (`interleave`), so every variant sees the same machine load and the ratio
  between them can be taken round by round. Python start-up and imports are not timed.
- `run_build`: `mkdocs build -q -f <config> -d <new dir>` in its own subprocess (through
  `measured_build.py`), for peak memory: that child's own `VmHWM`, the peak since its
  `exec`, so neither this process nor one big build shows up in the next.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]
MEASURED_BUILD = Path(__file__).resolve().parent / "measured_build.py"
PEAK_MARKER = "bench-peak-kib"
CONFIG = REPO / "mkdocs.yml"
# The address every benchmark build is made for (the site's default, a local one).
SITE_URL = "http://127.0.0.1:8000/"
# What the plain build keeps of mkdocs.yml: the same site and theme, nothing of ours.
_PLAIN_KEYS = ("site_name", "site_description", "site_url")
_PLAIN_THEME_KEYS = ("name", "language", "font", "features", "palette")
# The hooks that generate pages plain Material does not have (those the site has).
PAGE_HOOKS = ("checklist.py", "print_document.py", "follow.py")


class BuildFailed(RuntimeError):
    """A benchmark build exited with an error."""


@dataclass(frozen=True)
class Build:
    """One build: wall time, peak memory, and what it wrote."""

    seconds: float
    cpu_seconds: float
    peak_bytes: int
    site_bytes: int
    html_pages: int


@dataclass
class Series:
    """Repeated builds of one configuration of one set of pages."""

    name: str
    builds: list[Build] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """The median wall time."""
        return statistics.median(build.seconds for build in self.builds)

    @property
    def cpu_seconds(self) -> float:
        """The median CPU time (user and system)."""
        return statistics.median(build.cpu_seconds for build in self.builds)

    @property
    def peak_bytes(self) -> int:
        """The median peak memory."""
        return int(statistics.median(build.peak_bytes for build in self.builds))

    @property
    def site_bytes(self) -> int:
        """The median size of the built site."""
        return int(statistics.median(build.site_bytes for build in self.builds))

    @property
    def html_pages(self) -> int:
        """The number of HTML files of the last build."""
        return self.builds[-1].html_pages

    def ms_per_page(self) -> list[float]:
        """Wall time per HTML page written, in milliseconds, build by build."""
        return [build.seconds * 1000 / build.html_pages for build in self.builds]

    def cpu_ms_per_page(self) -> list[float]:
        """CPU time per HTML page written, in milliseconds, build by build."""
        return [build.cpu_seconds * 1000 / build.html_pages for build in self.builds]

    def summary(self) -> dict[str, Any]:
        """The medians and every run, for the JSON results."""
        per_page = self.ms_per_page()
        return {
            "name": self.name,
            "runs": len(self.builds),
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "peak_bytes": self.peak_bytes,
            "site_bytes": self.site_bytes,
            "html_pages": self.html_pages,
            "all_seconds": [round(build.seconds, 3) for build in self.builds],
            "ms_per_page": round(statistics.median(per_page), 2),
            "cpu_ms_per_page": round(statistics.median(self.cpu_ms_per_page()), 2),
            "all_ms_per_page": [round(value, 2) for value in per_page],
        }


@dataclass(frozen=True)
class Variant:
    """A way to build: a config file and the environment it needs."""

    name: str
    config: Path
    env: dict[str, str]


class _TaggedLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping `!ENV`, `!relative` and other tags as they are."""


class _TaggedDumper(yaml.SafeDumper):
    """Writes back what `_TaggedLoader` read, tags included."""


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        raise yaml.constructor.ConstructorError(None, None, f"unexpected node {node!r}")
    return _Tagged("!" + suffix, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_TaggedLoader.add_multi_constructor("!", _construct_tagged)
_TaggedDumper.add_representer(_Tagged, _represent_tagged)


def plain_config(docs_dir: Path) -> dict[str, Any]:
    """Our mkdocs.yml less hooks, overrides, extra CSS/JS and validation: plain Material."""
    ours = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_TaggedLoader)
    plain: dict[str, Any] = {key: ours[key] for key in _PLAIN_KEYS if key in ours}
    plain["docs_dir"] = str(docs_dir)
    plain["theme"] = {key: ours["theme"][key] for key in _PLAIN_THEME_KEYS if key in ours["theme"]}
    plain["markdown_extensions"] = ours.get("markdown_extensions", [])
    return plain


def write_plain_config(path: Path, docs_dir: Path) -> Path:
    """Write the plain Material config for `docs_dir` to `path`."""
    text = yaml.dump(plain_config(docs_dir), Dumper=_TaggedDumper, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def page_hooks() -> list[str]:
    """The hooks of our mkdocs.yml that add pages plain Material does not have."""
    config = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_TaggedLoader)
    return [Path(hook).name for hook in config.get("hooks", []) if Path(hook).name in PAGE_HOOKS]


def without_generated_pages(path: Path) -> Path:
    """Our mkdocs.yml less the hooks that add pages (checklist, print document), at `path`.

    Paths become absolute so the file can live outside the repository.
    """
    config = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=_TaggedLoader)
    config["docs_dir"] = str(REPO / "docs")
    if "custom_dir" in config["theme"]:
        config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["hooks"] = [
        str(REPO / hook) for hook in config.get("hooks", []) if Path(hook).name not in PAGE_HOOKS
    ]
    config.pop("watch", None)
    path.write_text(yaml.dump(config, Dumper=_TaggedDumper, sort_keys=False), encoding="utf-8")
    return path


def base_env(docs_dir: Path | None = None) -> dict[str, str]:
    """The environment of a build: a fixed local SITE_URL, and GUIDES_DOCS_DIR if given."""
    env = {key: value for key, value in os.environ.items() if key != "GUIDES_DOCS_DIR"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["SITE_URL"] = SITE_URL
    if docs_dir is not None:
        env["GUIDES_DOCS_DIR"] = str(docs_dir)
    return env


def ablation(work: Path) -> Variant:
    """This site without the page-generating hooks, on the real docs."""
    config = without_generated_pages(work / "ours-without-generated-pages.yml")
    return Variant("ours_without_generated", config, base_env())


def variants(work: Path, docs_dir: Path | None) -> tuple[Variant, Variant]:
    """This site (our mkdocs.yml) and plain Material, for the real docs or generated ones.

    Both build the same Markdown with the same extensions: a step's drawing
    (`--8<-- "<guide>/images/step-N.svg"`) is inlined by pymdownx.snippets in both.
    """
    docs = docs_dir if docs_dir is not None else REPO / "docs"
    plain = write_plain_config(work / f"plain-{docs.name}.yml", docs)
    return Variant("ours", CONFIG, base_env(docs_dir)), Variant("plain", plain, base_env())


def tree_size(root: Path) -> tuple[int, int]:
    """The sum of the sizes of every file under root, and how many are HTML."""
    total = pages = 0
    for path in root.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            pages += path.suffix == ".html"
    return total, pages


def run_build(variant: Variant, site_dir: Path, *, keep: bool = False) -> Build:
    """Build once into a new `site_dir`; measure it; delete it unless `keep`."""
    command = [sys.executable, str(MEASURED_BUILD), "build", "-q", "-f", str(variant.config)]
    command += ["-d", str(site_dir)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=variant.env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BuildFailed(f"{variant.name} build of {variant.config} failed:\n{output[-2000:]}")
    site_bytes, pages = tree_size(site_dir)
    if not keep:
        shutil.rmtree(site_dir)
    cpu = usage.ru_utime + usage.ru_stime
    return Build(seconds, cpu, _peak_bytes(output), site_bytes, pages)


def _peak_bytes(output: str) -> int:
    """The peak memory `measured_build.py` printed (KiB), in bytes."""
    for line in output.splitlines():
        marker, _, kib = line.partition(" ")
        if marker == PEAK_MARKER:
            return int(kib) * 1024
    raise BuildFailed(f"the build did not report its peak memory:\n{output[-2000:]}")


def alternate(
    compared: tuple[Variant, ...], work: Path, runs: int, *, warm_up: bool = False
) -> list[Series]:
    """Build each variant `runs` times, alternating run by run, each into a fresh folder."""
    if warm_up:
        for variant in compared:
            run_build(variant, work / f"warm-{variant.name}")
    series = [Series(variant.name) for variant in compared]
    for run in range(runs):
        for variant, results in zip(compared, series, strict=True):
            site = work / f"site-{variant.name}-{run}"
            results.builds.append(run_build(variant, site))
    return series


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """`os.environ` is `env` inside (mkdocs.yml's `!ENV` tags read it at load time)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    """MkDocs logs errors only, as `mkdocs build -q` does (plain Material warns of links)."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def build_in_process(variant: Variant, site_dir: Path) -> Build:
    """Load the config and build it once in this process into a new `site_dir`, then delete it.

    Timed: `load_config` (plugins and hooks load there) and `build`. Not timed: a garbage
    collection before, so one build's garbage is not collected in the next one's time.
    Peak memory is not measured here (it is the whole process's): it is 0.
    """
    with _environment(variant.env), _quiet_mkdocs():
        gc.collect()
        start, cpu_start = time.perf_counter(), time.process_time()
        build(load_config(str(variant.config), site_dir=str(site_dir)))
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
    site_bytes, pages = tree_size(site_dir)
    shutil.rmtree(site_dir)
    return Build(seconds, cpu, 0, site_bytes, pages)


def interleave(compared: tuple[Variant, ...], work: Path, rounds: int) -> list[Series]:
    """Build each variant once per round in this process, after one untimed build of each.

    The order is reversed every other round, so no variant always runs first (or right after
    the same other one).
    """
    for variant in compared:
        build_in_process(variant, work / f"warm-{variant.name}")
    series = {variant.name: Series(variant.name) for variant in compared}
    for number in range(rounds):
        order = compared if number % 2 == 0 else compared[::-1]
        for variant in order:
            site = work / f"site-{variant.name}-{number}"
            series[variant.name].builds.append(build_in_process(variant, site))
    return [series[variant.name] for variant in compared]


def paired_ratios(mine: list[float], theirs: list[float]) -> list[float]:
    """Round by round, one figure over the other (both measured in the same round)."""
    return [a / b for a, b in zip(mine, theirs, strict=True)]


def html_paths(site: Path) -> set[str]:
    """Every HTML file of a built site, relative to it."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}

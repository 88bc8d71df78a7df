"""When one hook needs another's output, the dependency is written where it can fail.

Each test leaves a hook out (or breaks what it reads) and checks that the build either still
gives the reader what does not depend on it, or stops with one line naming what is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import offline  # hooks/offline.py, as MkDocs loads it (pytest's pythonpath holds hooks/)
from tests.support.pages import page_file, read_page
from tests.support.site import CONFIG, REPO, build_site, guides_in, stop_message


def _hooks_without(name: str) -> list[str]:
    config = load_config(str(CONFIG))
    hooks = [str(REPO / name) for name in config.hooks]
    kept = [hook for hook in hooks if Path(hook).name != name]
    assert len(kept) == len(hooks) - 1, f"{name} is not a listed hook"
    return kept


def _html(site: Path, url: str) -> str:
    return page_file(site, url).read_text(encoding="utf-8")


def test_start_and_keep_screen_on_stand_without_the_print_actions(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site", hooks=_hooks_without("print_document.py"))
    for guide in guides_in():
        overview = _html(site, f"{guide.slug}/")
        assert 'class="md-button md-button--primary follow-start"' in overview
        assert "data-wake-lock" in overview
        assert "data-print-page" not in overview
        step = _html(site, guide.steps[0].src_uri.removesuffix(".md") + "/")
        assert "data-wake-lock" in step
        assert read_page(page_file(site, f"{guide.slug}/")).title


def test_without_the_print_sizes_hook_the_build_names_the_missing_stylesheet(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    message = stop_message(tmp_path, caplog, hooks=_hooks_without("print_sizes.py"))
    assert message == "mkdocs.yml: 'extra_css' 'stylesheets/print-sizes.css' is no file of the site"


@pytest.mark.parametrize("marker", ["/* precache */ []", '/* version */ ""'])
def test_a_service_worker_without_its_markers_stops_the_build(tmp_path: Path, marker: str) -> None:
    worker = (REPO / "overrides" / "sw.js").read_text(encoding="utf-8")
    assert marker in worker
    (tmp_path / "sw.js").write_text(worker.replace(marker, "[]"), encoding="utf-8")
    config: Any = load_config(str(CONFIG), site_dir=str(tmp_path))
    with pytest.raises(PluginError) as stopped:
        offline.on_post_build(config=config)
    assert str(stopped.value).startswith(f"overrides/sw.js: the marker '{marker}' is missing")
    assert "\n" not in str(stopped.value)

"""Real builds of the site, in-process, with this repository's mkdocs.yml, hooks and theme."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import get_files

from massage_guides.model import Guide, load_site

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "mkdocs.yml"
DOCS = REPO / "docs"
TESTS = REPO / "tests"
DATA = TESTS / "data"
FIXTURES = TESTS / "fixtures"
MKDOCS = REPO / ".venv" / "bin" / "mkdocs"

# Material prints an end-of-life banner on every build; it is not about this site.
os.environ["NO_MKDOCS_2_WARNING"] = "1"


def build_site(site_dir: Path, docs_dir: Path | None = None, **overrides: Any) -> Path:
    """Build the site strictly, with this repo's mkdocs.yml, hooks and overrides."""
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    config = load_config(str(CONFIG), site_dir=str(site_dir), strict=True, **overrides)
    build(config)
    return site_dir


def stop_message(tmp_path: Path, caplog: pytest.LogCaptureFixture, **overrides: Any) -> str:
    """Build with these mkdocs.yml settings: it must stop, with one error and no page written."""
    site = tmp_path / "site"
    config = load_config(str(CONFIG), site_dir=str(site), strict=True, **overrides)
    caplog.clear()
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    [message] = [record.getMessage() for record in caplog.records]
    assert not site.exists() or not list(site.rglob("*.html"))
    return message


def guides_in(docs_dir: Path | None = None) -> list[Guide]:
    """The guides of a docs folder (the real one by default), read as the build reads them."""
    overrides: dict[str, Any] = {} if docs_dir is None else {"docs_dir": str(docs_dir)}
    config = load_config(str(CONFIG), **overrides)
    return sorted(load_site(get_files(config), config).guides.values(), key=lambda g: g.slug)


def copy_docs(tmp_path: Path, source: Path | None = None) -> Path:
    """A copy of a docs folder (the real one by default) that a test may edit."""
    docs = tmp_path / "docs"
    shutil.copytree(source or DOCS, docs)
    return docs

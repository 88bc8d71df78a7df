"""What a page loads of the site's own: one script and one stylesheet, named for their content."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import CONFIG, REPO, build_site, copy_docs
from mkdocs.config import load_config
from pages import precache_list

ASSET = re.compile(r"^(?P<folder>javascripts|stylesheets)/site\.(?P<hash>[0-9a-f]{8})\.(js|css)$")


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, bool]] = []  # (src or href, deferred)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.urls.append((attributes["src"] or "", "defer" in attributes))
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.urls.append((attributes.get("href") or "", False))


def own_assets(site: Path, page: Path) -> dict[str, bool]:
    """{path in site/: deferred?} of the site's own scripts and stylesheets a page names.

    Material's own are under `assets/`.
    """
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    address = "http://site/" + page.parent.relative_to(site).as_posix() + "/"
    paths = {
        urljoin(address, url).removeprefix("http://site/"): defer for url, defer in parser.urls
    }
    return {
        path: defer for path, defer in paths.items() if not path.startswith(("assets/", "http"))
    }


def step_pages(site: Path) -> list[Path]:
    return sorted(site.glob("*/step-*/index.html"))


def test_a_page_loads_one_script_and_one_stylesheet_of_the_sites_own(site: Path) -> None:
    for page in [site / "index.html", site / "404.html", *step_pages(site)]:
        assets = own_assets(site, page)
        assert sorted(path.split("/")[0] for path in assets) == ["javascripts", "stylesheets"]
        assert all(defer for path, defer in assets.items() if path.endswith(".js")), page
    assert len(list((site / "javascripts").iterdir())) == 1
    assert len(list((site / "stylesheets").iterdir())) == 1


def test_own_assets_are_named_for_their_content(site: Path) -> None:
    for path in own_assets(site, site / "index.html"):
        match = ASSET.match(path)
        assert match, path
        assert hashlib.sha256((site / path).read_bytes()).hexdigest()[:8] == match["hash"]
        assert path in precache_list(site)


def test_every_listed_script_is_in_the_bundle_and_a_new_one_is_one_line(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    (docs / "javascripts").mkdir()
    (docs / "javascripts" / "extra-test.js").write_text(
        "(function () {\n  window.extraTestLoaded = 'yes';\n})();\n", encoding="utf-8"
    )
    listed = [str(script) for script in load_config(str(CONFIG)).extra_javascript]
    site = build_site(
        tmp_path / "site", docs, extra_javascript=[*listed, "javascripts/extra-test.js"]
    )
    [script] = [path for path in own_assets(site, site / "index.html") if path.endswith(".js")]
    bundle = (site / script).read_text(encoding="utf-8")
    assert "window.extraTestLoaded='yes'" in bundle
    for path in listed:
        assert not (site / path).exists(), path
    assert bundle.index("siteStorageKey=") < bundle.index("extraTestLoaded")


def inlined_snippets(docs: Path) -> set[str]:
    """Every file a page of docs/ inlines with pymdownx.snippets' `--8<-- "path"`."""
    return {
        path
        for page in docs.rglob("*.md")
        for path in re.findall(r'^-+8<-+\s+"([^"]+)"\s*$', page.read_text("utf-8"), re.M)
    }


def test_inlined_drawings_are_neither_copied_nor_precached(site: Path) -> None:
    drawings = inlined_snippets(REPO / "docs")
    assert drawings, "no page inlines a drawing"
    precached = precache_list(site)
    for drawing in drawings:
        assert (REPO / "docs" / drawing).is_file()
        assert not (site / drawing).exists(), drawing
        assert drawing not in precached
    assert not any(url.endswith(".svg") and "/images/step-" in url for url in precached)


def mkdocs_build(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run(
        [str(REPO / ".venv/bin/mkdocs"), "build", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        env={**environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def warnings_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("WARNING")]


@pytest.mark.parametrize(
    ("env", "warned"),
    [
        ({}, True),
        ({"SITE_URL": "https://guides.example.org/"}, False),
        ({"SITE_URL": "http://127.0.0.1:8000/"}, False),
    ],
)
def test_a_publishing_build_without_site_url_warns_once(
    tmp_path: Path, env: dict[str, str], warned: bool
) -> None:
    result = mkdocs_build(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    expected = (
        [
            "WARNING -  mkdocs.yml: 'site_url' is http://127.0.0.1:8000/ because SITE_URL is not"
            " set: the canonical links, the sitemap and the checklists' address will point to it."
            " Set SITE_URL to the public address (README, Publishing), or to this one to keep it."
        ]
        if warned
        else []
    )
    assert warnings_of(result) == expected

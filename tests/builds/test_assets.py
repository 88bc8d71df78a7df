"""What a page loads of the site's own: one script and one stylesheet, named for their content.

A page whose front matter names a page bundle (mkdocs.yml `extra: page_bundles`: the follow-along
and checklist pages) loads that bundle instead: the site's files, then the bundle's own.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config

from massage_guides.scripts import is_core_unit
from tests.support.pages import precache_list
from tests.support.site import CONFIG, REPO, build_site, copy_docs, guides_in, stop_message

ASSET = re.compile(
    r"^(?P<folder>javascripts|stylesheets)/(?P<name>[a-z-]+)\.(?P<hash>[0-9a-f]{8})\.(js|css)$"
)
PAGE_BUNDLES: dict[str, list[str]] = load_config(str(CONFIG)).extra["page_bundles"]
SCRIPTS = [str(script) for script in load_config(str(CONFIG)).extra_javascript]
CORE_UNITS = [path for path in SCRIPTS if is_core_unit(path)]
FEATURES = [path for path in SCRIPTS if not is_core_unit(path)]


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


def built_page(site: Path, src_uri: str) -> Path:
    """The HTML file MkDocs writes for a page (`guide/follow.md` -> `guide/follow/index.html`)."""
    return site / src_uri.removesuffix(".md") / "index.html"


def page_bundle_pages(site: Path) -> dict[Path, str]:
    """{HTML file: the page bundle it loads} for the pages hooks generate with one."""
    return {
        built_page(site, uri): name
        for guide in guides_in()
        for name, uri in (("follow", guide.follow_uri), ("checklist", guide.checklist_uri))
    }


def bundles_loaded(site: Path, page: Path) -> list[tuple[str, str]]:
    """(folder, bundle name) of each own script and stylesheet a page names, in order."""
    loaded = []
    for path, deferred in own_assets(site, page).items():
        match = ASSET.match(path)
        assert match, f"{page}: {path} is not a bundle named for its content"
        assert deferred or match["folder"] == "stylesheets", f"{page}: {path} is not deferred"
        loaded.append((match["folder"], match["name"]))
    return loaded


def test_every_page_loads_one_script_and_one_stylesheet_of_the_sites_own(site: Path) -> None:
    with_bundle = page_bundle_pages(site)
    assert with_bundle, "no generated page loads a page bundle"
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages
    for page in pages:
        name = with_bundle.get(page, "site")
        assert sorted(bundles_loaded(site, page)) == [("javascripts", name), ("stylesheets", name)]


def test_a_page_bundle_is_the_sites_bundle_then_its_own_files(site: Path) -> None:
    assert PAGE_BUNDLES, "mkdocs.yml lists no page bundle"
    for folder, suffix in (("javascripts", "js"), ("stylesheets", "css")):
        [site_bundle] = site.glob(f"{folder}/site.*.{suffix}")
        everywhere = site_bundle.read_text(encoding="utf-8")
        for name, paths in PAGE_BUNDLES.items():
            if not any(path.endswith(f".{suffix}") for path in paths):
                continue
            [bundle] = site.glob(f"{folder}/{name}.*.{suffix}")
            text = bundle.read_text(encoding="utf-8")
            assert text.startswith(everywhere + "\n"), bundle
            assert len(text) > len(everywhere) + 1, bundle


def test_the_site_holds_its_bundles_and_none_of_their_sources(site: Path) -> None:
    expected = {f"{folder}/site" for folder in ("javascripts", "stylesheets")}
    for name, paths in PAGE_BUNDLES.items():
        expected |= {f"{path.split('/')[0]}/{name}" for path in paths}
        for source in paths:
            assert not (site / source).exists(), source
    found = set()
    for bundle in [*site.glob("javascripts/*"), *site.glob("stylesheets/*")]:
        match = ASSET.match(bundle.relative_to(site).as_posix())
        assert match, bundle
        found.add(f"{match['folder']}/{match['name']}")
    assert found == expected


def test_own_assets_are_named_for_their_content(site: Path) -> None:
    precached = precache_list(site)
    for path in [*site.glob("javascripts/*"), *site.glob("stylesheets/*")]:
        relative = path.relative_to(site).as_posix()
        match = ASSET.match(relative)
        assert match, relative
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:8] == match["hash"]
        assert relative in precached


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
    # Each core unit starts by making sure the namespace exists: all of them come first.
    namespace = "window.massageGuides=window.massageGuides||{}"
    assert bundle.count(namespace) == len([path for path in listed if is_core_unit(path)]) > 0
    assert bundle.rindex(namespace) < bundle.index("extraTestLoaded")


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


def test_a_page_bundle_missing_from_mkdocs_yml_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    extra = {"generator": False, "page_bundles": {"checklist": PAGE_BUNDLES["checklist"]}}
    first_follow_page = min(guide.follow_uri for guide in guides_in())
    assert stop_message(tmp_path, caplog, extra=extra) == (
        f"mkdocs.yml: 'extra: page_bundles' has no 'follow', which {first_follow_page} loads"
        " (it has: checklist)"
    )


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        (
            ["javascripts/follow.js", "javascripts/no-such-file.js"],
            "mkdocs.yml: 'extra: page_bundles: follow' 'javascripts/no-such-file.js'"
            " is no file of the site",
        ),
        (
            ["javascripts/follow.js", "stylesheets/extra.css"],
            "mkdocs.yml: 'extra: page_bundles: follow' lists 'stylesheets/extra.css', which every"
            " page loads already ('extra_javascript' or 'extra_css'): list it in one place",
        ),
        (
            ["javascripts/follow.js", "images/icons/icon.svg"],
            "mkdocs.yml: 'extra: page_bundles: follow' lists 'images/icons/icon.svg', which is"
            " neither a script (.js) nor a stylesheet (.css)",
        ),
        (
            "javascripts/follow.js",
            "mkdocs.yml: 'extra: page_bundles: follow' must be a list of scripts and stylesheets",
        ),
    ],
)
def test_a_page_bundle_that_lists_a_wrong_file_stops_the_build(
    listed: object, message: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    extra = {"generator": False, "page_bundles": {**PAGE_BUNDLES, "follow": listed}}
    assert stop_message(tmp_path, caplog, extra=extra) == message


def test_a_page_bundle_named_site_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    extra = {"generator": False, "page_bundles": {**PAGE_BUNDLES, "site": ["javascripts/x.js"]}}
    assert stop_message(tmp_path, caplog, extra=extra) == (
        "mkdocs.yml: 'extra: page_bundles: site': 'site' is the bundle every page loads: rename it"
    )


def test_mkdocs_yml_lists_the_core_units_first() -> None:
    assert CORE_UNITS, "mkdocs.yml lists no core unit (javascripts/core/)"
    assert FEATURES, "mkdocs.yml lists no feature script"
    assert SCRIPTS == CORE_UNITS + FEATURES
    assert {path.name for path in (REPO / "overrides/javascripts/core").glob("*.js")} == {
        path.removeprefix("javascripts/core/") for path in CORE_UNITS
    }


@pytest.mark.parametrize(
    ("scripts", "message"),
    [
        (
            [FEATURES[0], *CORE_UNITS, *FEATURES[1:]],
            f"mkdocs.yml: 'extra_javascript' lists '{FEATURES[0]}' before the core unit"
            f" '{CORE_UNITS[0]}', which it may use: list the core units (javascripts/core/) first",
        ),
        (
            [*CORE_UNITS[:-1], FEATURES[0], CORE_UNITS[-1], *FEATURES[1:]],
            f"mkdocs.yml: 'extra_javascript' lists '{FEATURES[0]}' before the core unit"
            f" '{CORE_UNITS[-1]}', which it may use: list the core units (javascripts/core/) first",
        ),
        (
            [*CORE_UNITS[1:], *FEATURES],
            f"mkdocs.yml: 'extra_javascript' does not list the core unit '{CORE_UNITS[0]}', which"
            " feature scripts use: list it with the other core units (javascripts/core/), first",
        ),
    ],
    ids=["feature-first", "feature-between-core-units", "core-unit-missing"],
)
def test_a_feature_script_before_the_core_units_stops_the_build(
    scripts: list[str], message: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert stop_message(tmp_path, caplog, extra_javascript=scripts) == message

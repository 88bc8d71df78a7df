"""An authoring mistake stops `mkdocs build` with one line naming the file and the field.

`tests/fixtures/valid/` is a small site (a home page and one guide, `guide/`) that builds
clean. Each case below writes its mistake over a copy of it in tmp_path: the files as the
author left them (`None`: the file is gone), exactly one of them for a single mistake. It is
built in-process with the real mkdocs.yml, hooks and overrides. Several mistakes at once are
all listed, one line each (`SEVERAL`). Two builds run `mkdocs build` the way an author does,
to see what the command prints.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.commands.build import build as build_in_process
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from massage_guides.model import GENERATED
from massage_guides.schema import GuideFields, keys_of
from tests.support.site import CONFIG, FIXTURES, MKDOCS, REPO, build_site, stop_message

VALID = FIXTURES / "valid" / "docs"
# MkDocs pads the level name to eight characters: "ERROR   -  <message>".
ERROR_PREFIX = "ERROR   -  "
# Built in tmp_path from a copy of `valid/`: invalid UTF-8 does not belong in git.
NOT_UTF_8 = "not-utf-8"
LATIN_1_LINE = b"Rest with a coffee at the caf\xe9 afterwards.\n"

# valid/'s guide overview front matter, line by line.
TITLE = "title: A test guide\n"
DESCRIPTION = "description: A guide that the authoring-error tests build.\n"
SUPPLIES = "supplies:\n  - A towel\n  - name: Massage oil\n    note: very little\n"
FIELDS = TITLE + DESCRIPTION + SUPPLIES
# valid/'s guide overview text: its introduction and its cautions.
BODY = "# A test guide\n\nFollow the steps one page at a time.\n"
NHS = "[NHS: DVT](https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/)"
MAYO = "[Mayo Clinic: Massage](https://www.mayoclinic.org/healthy-lifestyle/stress-management/in-depth/massage/art-20045743)"
CAUTIONS = (
    "## When not to massage { #cautions }\n\n"
    f"- **Signs of a blood clot**: do not massage; see a doctor. {NHS}\n"
    f"- **It hurts**: stop. {MAYO}\n\n"
    "This is general information, not medical advice.\n"
)


def overview(front_matter: str, body: str = f"{BODY}\n{CAUTIONS}") -> str:
    """`guide/index.md` with this front matter (valid/'s is `FIELDS`) and text."""
    return f"---\n{front_matter}---\n\n{body}"


def step(front_matter: str, number: int = 1) -> str:
    """`guide/step-N.md` with this front matter (valid/'s step 1: `step: 1`, its summary)."""
    body = f"# Step {number}: Do thing {number}\n\nDo thing {number} gently.\n"
    return f"---\n{front_matter}---\n\n{body}"


Files = dict[str, str | None]

# A guide overview's fields, as its typo message lists them (other branches add fields).
GUIDE_KEYS = f" (known: {', '.join(sorted(keys_of(GuideFields)))})"
# Each mistake (its name), the file it is in, and the whole message; {docs} is the docs
# folder as the message shows it.
MISTAKES: dict[str, tuple[Files, str]] = {
    "invalid-yaml-front-matter": (
        {"guide/step-1.md": step("step: 1\nsummary: [Do thing 1 gently.\n")},
        "{docs}/guide/step-1.md: 'front matter' is not valid YAML:"
        " expected ',' or ']', but got '<stream end>' (line 4)",
    ),
    "empty-supplies": (
        {"guide/index.md": overview(TITLE + DESCRIPTION + "supplies: []\n")},
        "{docs}/guide/index.md: 'supplies' must be a non-empty list",
    ),
    "supplies-item-is-a-number": (
        {"guide/index.md": overview(TITLE + DESCRIPTION + "supplies:\n  - A towel\n  - 42\n")},
        "{docs}/guide/index.md: 'supplies' item 2 must be a name or {{name, note}}, not 42",
    ),
    "supplies-item-has-an-unknown-key": (
        {
            "guide/index.md": overview(
                TITLE
                + DESCRIPTION
                + "supplies:\n  - A towel\n  - name: Massage oil\n    amount: very little\n"
            )
        },
        "{docs}/guide/index.md: 'supplies' item 2 must be a name or {{name, note}},"
        " not {{'name': 'Massage oil', 'amount': 'very little'}}",
    ),
    "step-without-summary": (
        {"guide/step-1.md": step("step: 1\n")},
        "{docs}/guide/step-1.md: 'summary' is missing",
    ),
    "step-not-a-whole-number": (
        {"guide/step-1.md": step("step: one\nsummary: Do thing 1 gently.\n")},
        "{docs}/guide/step-1.md: 'step' must be a whole number, not 'one'",
    ),
    "repeated-step-number": (
        {"guide/step-2.md": step("step: 1\nsummary: Do thing 2 gently.\n", 2)},
        "{docs}/guide/step-2.md: 'step' 1 is repeated (also in {docs}/guide/step-1.md)",
    ),
    "steps-not-numbered-1-to-n": (
        {"guide/step-3.md": step("step: 3\nsummary: Do thing 3 gently.\n", 3)},
        "{docs}/guide/step-3.md: 'step' 3 is out of sequence:"
        " steps must be numbered 1 to 2 (missing 2)",
    ),
    "step-page-without-step": (
        {"guide/step-2.md": step("summary: Do thing 2 gently.\n", 2)},
        "{docs}/guide/step-2.md: 'step' is missing: a step page needs 'step: <number>'",
    ),
    "guide-without-steps": (
        {"guide/step-1.md": None},
        "{docs}/guide/index.md: 'step' is on no page of this guide: add step-1.md with 'step: 1'",
    ),
    "related-guide-missing": (
        {"guide/index.md": overview(FIELDS + "related: [back-massag]\n")},
        "{docs}/guide/index.md: 'related' 'back-massag' is not a guide (guides: guide)",
    ),
    # A guide (it has step pages) whose overview misspells `supplies`: reported there, once.
    "unknown-key-typo": (
        {"guide/index.md": overview(FIELDS.replace("supplies:", "suplies:"))},
        "{docs}/guide/index.md: 'suplies' is not a known field here;"
        " did you mean 'supplies'?" + GUIDE_KEYS,
    ),
    NOT_UTF_8: (
        {},  # written as bytes by latin_1_copy
        "{docs}/guide/step-1.md: 'encoding' is not UTF-8 (byte 0xe9 at offset {offset}):"
        " save the file as UTF-8",
    ),
    "rounds-zero": (
        {"guide/index.md": overview(FIELDS + "rounds: 0\n")},
        "{docs}/guide/index.md: 'rounds' must be a whole number of at least 1, not 0",
    ),
    "rounds-without-sides": (
        {"guide/index.md": overview(FIELDS + "rounds: 2\n")},
        "{docs}/guide/index.md: 'rounds' needs 'sides': a round is every step on each side in"
        " turn, then back to the first; without sides the steps are done once, so leave"
        " 'rounds' out",
    ),
    "sides-plain-string": (
        {"guide/index.md": overview(FIELDS + "sides: left foot\n")},
        "{docs}/guide/index.md: 'sides' must be a list of at least two names, not 'left foot'",
    ),
    "tags-are-no-longer-used": (
        {"guide/index.md": overview(TITLE + "tags: [gently]\n" + DESCRIPTION + SUPPLIES)},
        "{docs}/guide/index.md: 'tags' is no longer used: put the words readers search for in"
        " 'reader_words' (README: Search); Material's tags showed as chips and outranked every"
        " page's text",
    ),
    "guide-without-cautions": (
        {"guide/index.md": overview(FIELDS, BODY)},
        "{docs}/guide/index.md: 'cautions' are missing: add a section '## When not to massage"
        " {{ #cautions }}' that lists, one item each, when not to massage, each linking the health"
        " service page it comes from",
    ),
    "caution-without-a-source": (
        {"guide/index.md": overview(FIELDS, BODY + CAUTIONS.replace(f" {MAYO}", ""))},
        "{docs}/guide/index.md: 'cautions' 'It hurts' links no source: link the health service"
        " page its facts come from",
    ),
    "source-without-changes": (
        {
            "guide/index.md": overview(
                FIELDS + "source:\n  adapted_from: a published article on massage\n"
            )
        },
        "{docs}/guide/index.md: 'source.changes' is missing:"
        " say what this site changed from the source",
    ),
    "author-written-checklist": (
        {"guide/checklist.md": "# My checklist\n\n- A towel\n"},
        "{docs}/guide/checklist.md: 'file name' 'checklist.md' is where the guide's generated"
        " checklist goes (guide/checklist/): rename it",
    ),
    "supplies-written-twice": (
        {
            "guide/index.md": overview(
                TITLE
                + "supplies:\n  - A towel\n"
                + DESCRIPTION
                + "supplies:\n  - name: Massage oil\n    note: very little\n"
            )
        },
        "{docs}/guide/index.md: 'supplies' is written twice (lines 3 and 6):"
        " keep one, or the first is lost",
    ),
    "related-url-javascript": (
        {
            "guide/index.md": overview(
                FIELDS + "related:\n  - title: A page elsewhere\n    url: javascript:alert(1)\n"
            )
        },
        "{docs}/guide/index.md: 'related' item 1 url 'javascript:alert(1)' must start with"
        " http:// or https:// (a guide of this site is named by its folder instead)",
    ),
    # Front matter that reaches Material's templates: one line, never a traceback.
    "icon-not-text": (
        {"guide/tips.md": "---\nicon: 5\n---\n\n# Tips\n\nGo gently.\n"},
        "{docs}/guide/tips.md: 'icon' must be an icon's name, like material/heart, not 5",
    ),
    "icon-material-lacks": (
        {"guide/tips.md": "---\nicon: material/no-such-icon\n---\n\n# Tips\n\nGo gently.\n"},
        "{docs}/guide/tips.md: 'icon' 'material/no-such-icon' is not one of Material's icons,"
        " like material/heart",
    ),
    "template-not-text": (
        {"guide/tips.md": "---\ntemplate: 5\n---\n\n# Tips\n\nGo gently.\n"},
        "{docs}/guide/tips.md: 'template' must be a template's file name, like main.html, not 5",
    ),
    "hide-not-a-list": (
        {"guide/tips.md": "---\nhide: 5\n---\n\n# Tips\n\nGo gently.\n"},
        "{docs}/guide/tips.md: 'hide' must be a list of parts to hide (navigation, toc, footer,"
        " feedback, path, tags), not 5",
    ),
    "search-not-a-mapping": (
        {"guide/tips.md": "---\nsearch: 5\n---\n\n# Tips\n\nGo gently.\n"},
        "{docs}/guide/tips.md: 'search' must be a mapping such as {{exclude: true}} or"
        " {{boost: 2}}, not 5",
    ),
    # Material writes `status` into a class attribute, unescaped.
    "status-breaks-out-of-its-attribute": (
        {
            "guide/tips.md": "---\nstatus: 'new\" onmouseover=\"alert(1)'\n---\n\n"
            "# Tips\n\nGo gently.\n"
        },
        "{docs}/guide/tips.md: 'status' must be a status name, like new or deprecated,"
        " not 'new\" onmouseover=\"alert(1)'",
    ),
    # A bidi override shows the tab title backwards; it is refused in every text field.
    "title-with-a-bidi-override": (
        {"guide/index.md": overview(FIELDS.replace("A test guide", '"A test \\u202Eguide"'))},
        "{docs}/guide/index.md: 'title' holds the control character U+202E: remove it (it can"
        " hide or reorder the text a reader sees)",
    ),
    "supply-note-with-a-control-character": (
        {"guide/index.md": overview(FIELDS.replace("very little", '"very \\x1b[31mlittle"'))},
        "{docs}/guide/index.md: 'supplies' holds the control character U+001B: remove it (it"
        " can hide or reorder the text a reader sees)",
    ),
    "sides-named-twice": (
        {"guide/index.md": overview(FIELDS + "sides: [hand, hand]\n")},
        "{docs}/guide/index.md: 'sides' names 'hand' twice: give each one its own name",
    ),
    # A few hundred bytes of nested aliases ("billion laughs"): refused before it is built.
    "yaml-alias-bomb": (
        {
            "guide/index.md": overview(
                TITLE
                + DESCRIPTION
                + SUPPLIES
                + "sides: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "".join(
                    f"{name}: &{anchor} [{', '.join([f'*{previous}'] * 10)}]\n"
                    for name, anchor, previous in [
                        ("reader_words", "b", "a"),
                        ("related", "c", "b"),
                        ("source", "d", "c"),
                    ]
                )
            )
        },
        "{docs}/guide/index.md: 'source' holds more than 2000 values once its YAML aliases"
        " (*name) are expanded: write the values out",
    ),
    # A long value is quoted by its first 60 characters.
    "long-value-quoted-cut": (
        {"guide/step-1.md": step(f"step: {'one ' * 500}\nsummary: Do thing 1 gently.\n")},
        "{docs}/guide/step-1.md: 'step' must be a whole number, not '" + ("one " * 15) + "'…",
    ),
    "source-url-without-a-host": (
        {
            "guide/index.md": overview(
                FIELDS + "source:\n  adapted_from: an article\n  changes: none\n  url: https:///x\n"
            )
        },
        "{docs}/guide/index.md: 'source.url' 'https:///x' must name a host after http(s)://",
    ),
}

# Several mistakes (or one seen from several files): the files, every line of the message.
SEVERAL: dict[str, tuple[Files, list[str]]] = {
    # An overview with no front matter is reported at that overview, each field once.
    "overview-front-matter-empty": (
        {"guide/index.md": f"{BODY}\n{CAUTIONS}"},
        [
            "{docs}/guide/index.md: 'description' is missing",
            "{docs}/guide/index.md: 'supplies' is missing",
        ],
    ),
    # A guide listing a guide whose overview is misspelt: only the misspelling is reported.
    "overview-misspelt-and-listed": (
        {
            "guide/index.md": overview(FIELDS + "related: [other]\n"),
            "other/index.md": (
                "---\ntitle: Another test guide\n"
                "description: A second guide, whose supplies key is misspelt.\n"
                f"suplies:\n  - A towel\n---\n\n# Another test guide\n\nGo gently.\n\n{CAUTIONS}"
            ),
            "other/step-1.md": step("step: 1\nsummary: Do thing 1 gently.\n"),
        },
        [
            "{docs}/other/index.md: 'suplies' is not a known field here;"
            " did you mean 'supplies'?" + GUIDE_KEYS,
        ],
    ),
    "several-mistakes": (
        {
            "index.md": (
                "---\ndescripton: A small site for the authoring-error tests.\n---\n\n"
                "# Test guides\n\n- [A test guide](guide/index.md)\n"
            ),
            "guide/index.md": overview(FIELDS + "rounds: 0\n"),
            "guide/step-1.md": step("step: 1\n"),
            "guide/tips.md": "---\norder: first\n---\n\n# Tips\n\nGo gently.\n",
        },
        [
            "{docs}/guide/index.md: 'rounds' must be a whole number of at least 1, not 0",
            "{docs}/guide/step-1.md: 'summary' is missing",
            "{docs}/guide/tips.md: 'order' must be a number, not 'first'",
            "{docs}/index.md: 'descripton' is not a known field here; did you mean 'description'?"
            " (known: description, hide, icon, reader_words, search, status, subtitle, tags,"
            " template, title)",
        ],
    ),
}


def run_mkdocs(docs: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a docs folder with this repo's config; output interleaved."""
    env = {**os.environ, "GUIDES_DOCS_DIR": str(docs), "NO_MKDOCS_2_WARNING": "1"}
    # Built for this machine on purpose (without SITE_URL a command-line build warns).
    env["SITE_URL"] = "http://127.0.0.1:8000/"
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(CONFIG), "-d", str(site)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=120,
    )


def shown(docs: Path) -> str:
    """The docs folder as the hooks name it: relative to mkdocs.yml's folder if inside it."""
    docs = docs.resolve()
    return docs.relative_to(REPO).as_posix() if docs.is_relative_to(REPO) else docs.as_posix()


def latin_1_copy(tmp_path: Path) -> tuple[Path, int]:
    """The valid site with a Latin-1 line in step 1, and the offset of its first bad byte."""
    docs = valid_copy(tmp_path)
    page = docs / "guide" / "step-1.md"
    text = page.read_bytes() + LATIN_1_LINE
    page.write_bytes(text)
    return docs, text.index(b"\xe9")


def valid_copy(tmp_path: Path, files: Files | None = None) -> Path:
    """A copy of `valid/` in tmp_path, with `files` written over it (`None`: deleted)."""
    docs = tmp_path / "docs"
    shutil.copytree(VALID, docs)
    for name, text in (files or {}).items():
        path = docs / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return docs


def stop_lines(docs: Path, site: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Build in-process: the build must stop (no other exception), logging one error; its lines."""
    config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(site), strict=True)
    caplog.clear()
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_in_process(config)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    # The hooks stop the build in on_files (the tag rule: on_env), before any page is written.
    assert (sorted(site.rglob("*.html")) if site.exists() else []) == []
    return errors[0].splitlines()


def error_block(output: str) -> list[str]:
    """The lines of the one error MkDocs printed: its first line after `ERROR`, then the rest."""
    lines = output.splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith("ERROR")]
    assert len(starts) == 1, output
    block = [lines[starts[0]].removeprefix(ERROR_PREFIX)]
    for line in lines[starts[0] + 1 :]:
        if not line.strip() or line.startswith(("INFO", "WARNING", "Aborted")):
            break
        block.append(line)
    return block


def files_of(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in docs.rglob("*.md")}


def test_the_valid_fixture_builds_strict_clean(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_mkdocs(VALID, site)
    assert result.returncode == 0, result.stdout
    assert [line for line in result.stdout.splitlines() if not line.startswith("INFO")] == []
    for page in ("index.html", "guide/index.html", "guide/step-1/index.html"):
        assert (site / page).is_file(), page
    assert (site / "guide" / "checklist" / "index.html").is_file()


@pytest.mark.parametrize("case", sorted(set(MISTAKES) - {NOT_UTF_8}))
def test_each_mistake_differs_from_the_valid_site_in_one_file(case: str, tmp_path: Path) -> None:
    files, _message = MISTAKES[case]
    valid, broken = files_of(VALID), files_of(valid_copy(tmp_path, files))
    differing = {
        name for name in valid.keys() | broken.keys() if valid.get(name) != broken.get(name)
    }
    assert len(differing) == 1, differing


@pytest.mark.parametrize("case", list(MISTAKES))
def test_a_mistake_stops_the_build_with_one_line_naming_file_and_field(
    case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files, message = MISTAKES[case]
    if case == NOT_UTF_8:
        docs, offset = latin_1_copy(tmp_path)
    else:
        docs, offset = valid_copy(tmp_path, files), 0
    expected = message.format(docs=shown(docs), offset=offset)
    assert stop_lines(docs, tmp_path / "site", caplog) == [expected]


@pytest.mark.parametrize("case", list(SEVERAL))
def test_every_mistake_is_listed_with_its_file_and_field(
    case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files, lines = SEVERAL[case]
    docs = valid_copy(tmp_path, files)
    expected = [line.format(docs=shown(docs)) for line in lines]
    assert stop_lines(docs, tmp_path / "site", caplog) == expected


def test_the_command_prints_every_mistake_and_no_traceback(tmp_path: Path) -> None:
    files, lines = SEVERAL["several-mistakes"]
    docs, site = valid_copy(tmp_path, files), tmp_path / "site"
    result = run_mkdocs(docs, site)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stdout
    expected = [line.format(docs=shown(docs)) for line in lines]
    assert error_block(result.stdout) == expected
    assert not site.exists() or not list(site.rglob("*.html"))


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_an_author_page_at_a_generated_address_stops_the_build(
    name: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs, site = valid_copy(tmp_path), tmp_path / "site"
    folder = name.removesuffix(".md")
    page = docs / "guide" / folder / "index.md"
    page.parent.mkdir()
    page.write_text("# My own page\n\nText.\n", encoding="utf-8")
    expected = (
        f"{shown(docs)}/guide/{folder}/index.md: 'file name' '{folder}/index.md' is where the"
        f" guide's generated {GENERATED[name]} goes (guide/{folder}/): rename it"
    )
    assert stop_lines(docs, site, caplog) == [expected]


@pytest.mark.parametrize("url", ["data:text/html,<script>alert(1)</script>", "example.org/page"])
def test_a_related_url_must_be_a_web_address(
    url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs, site = valid_copy(tmp_path), tmp_path / "site"
    overview = docs / "guide" / "index.md"
    front_matter, fence, text = overview.read_text(encoding="utf-8").partition("\n---\n")
    related = f"\nrelated:\n  - title: Elsewhere\n    url: '{url}'"
    overview.write_text(front_matter + related + fence + text, encoding="utf-8")
    expected = (
        f"{shown(docs)}/guide/index.md: 'related' item 1 url {url!r} must start with"
        " http:// or https:// (a guide of this site is named by its folder instead)"
    )
    assert stop_lines(docs, site, caplog) == [expected]


@pytest.mark.parametrize("site_url", ["https://example.org/guides/ ", "https://example.org/a b/"])
def test_a_site_url_with_white_space_stops_the_build(
    site_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shown_url = site_url.rstrip("/") + "/"  # MkDocs adds a '/' after the space
    assert stop_message(tmp_path, caplog, docs_dir=str(VALID), site_url=site_url) == (
        f"mkdocs.yml: 'site_url' (SITE_URL) {shown_url!r} holds white space:"
        " write the address without spaces"
    )


@pytest.mark.parametrize("title", ["A test\u200dguide", "A test\u200cguide"])
def test_zero_width_joiners_stay_in_a_title(title: str, tmp_path: Path) -> None:
    docs = valid_copy(tmp_path, {"guide/index.md": overview(FIELDS.replace("A test guide", title))})
    site = build_site(tmp_path / "site", docs)
    assert title in (site / "guide" / "index.html").read_text(encoding="utf-8")

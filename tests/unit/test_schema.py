"""Front matter declared once: every URL field parsed whole, `source` part of the schema."""

from __future__ import annotations

import pytest

from massage_guides.front_matter import Document, Problems
from massage_guides.schema import GuideFields, Source, validate, web_address

GUIDE = {"description": "A guide.", "supplies": ["Oil"]}


def _problems(meta: dict[str, object]) -> list[str]:
    problems = Problems()
    doc = Document("g/index.md", "docs/g/index.md", meta, "", "Title")
    validate(doc, GuideFields, problems)
    try:
        problems.stop_if_any()
    except Exception as error:  # PluginError: one line per mistake
        return str(error).splitlines()
    return []


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "HTTPS://EXAMPLE.ORG/a", "http://example.org"]
)
def test_a_web_address_is_accepted(url: str) -> None:
    assert web_address(url) is None


@pytest.mark.parametrize(
    "url", ["https:///x", "http://", "javascript:alert(1)", "ftp://example.org/", "example.org"]
)
def test_anything_else_is_refused(url: str) -> None:
    assert web_address(url)


def test_source_is_validated_by_the_schema() -> None:
    meta = {**GUIDE, "source": {"adapted_from": "An article", "changes": "Shortened."}}
    problems = Problems()
    doc = Document("g/index.md", "docs/g/index.md", meta, "", "Title")
    values = validate(doc, GuideFields, problems)
    assert values is not None
    assert values["source"] == Source("An article", "Shortened.")


def test_a_source_mistake_names_the_part_of_the_field() -> None:
    lines = _problems({**GUIDE, "source": {"adapted_from": "An article"}})
    assert lines == [
        "docs/g/index.md: 'source.changes' is missing: say what this site changed from the source"
    ]


@pytest.mark.parametrize("url", ["https:///x", "http://"])
def test_a_source_url_without_a_host_is_refused(url: str) -> None:
    source = {"adapted_from": "An article", "changes": "None.", "url": url}
    lines = _problems({**GUIDE, "source": source})
    assert lines == [f"docs/g/index.md: 'source.url' {url!r} must name a host after http(s)://"]


def test_related_and_source_share_the_url_check() -> None:
    related = [{"title": "Elsewhere", "url": "https:///x"}]
    assert _problems({**GUIDE, "related": related}) == [
        "docs/g/index.md: 'related' item 1 url 'https:///x' must name a host after http(s)://"
        " (a guide of this site is named by its folder instead)"
    ]

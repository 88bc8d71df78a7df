"""The guide model on its own: the routine, related guides both ways, plain-text titles."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from massage_guides.model import FROM_FRONT_MATTER, ExternalLink, Guide, Site, Step
from massage_guides.schema import GuideFields, PageFields, keys_of
from massage_guides.titles import Titles


def _guide(slug: str, *, sides: tuple[str, ...] = (), rounds: int = 1, related=()) -> Guide:
    return Guide(
        slug=slug,
        title=f"Guide {slug}",
        description=f"About {slug}.",
        supplies=(),
        steps=tuple(Step(n, f"Step {n}", f"move {n}", f"{slug}/step-{n}.md") for n in (1, 2)),
        pages=(),
        related=tuple(related),
        sides=sides,
        rounds=rounds,
    )


def _cards(guide: Guide) -> list[str]:
    return [
        f"{card.kind}:{card.step.number if card.step else ''}:{card.side}:{card.round}"
        for card in guide.routine()
    ]


def test_without_sides_the_routine_is_the_steps_once() -> None:
    assert _cards(_guide("g")) == ["ready:::1", "step:1::1", "step:2::1", "finish:::1"]


def test_sides_and_rounds_switch_between_sides_and_back() -> None:
    assert _cards(_guide("g", sides=("left", "right"), rounds=2)) == [
        "ready:::1",
        "step:1:left:1",
        "step:2:left:1",
        "switch::right:1",
        "step:1:right:1",
        "step:2:right:1",
        "switch::left:2",
        "step:1:left:2",
        "step:2:left:2",
        "switch::right:2",
        "step:1:right:2",
        "step:2:right:2",
        "finish:::1",
    ]


def test_a_card_is_known_by_its_words_and_says_where_it_is() -> None:
    guide = _guide("g", sides=("left foot", "right foot"), rounds=2)
    cards = guide.routine()
    keys = [card.key for card in cards]
    assert len(set(keys)) == len(keys)
    assert keys[0] == "ready" and keys[-1] == "finish"
    assert "step|right foot|2|move 2" in keys
    # A guide that gains a step keeps every other card's key.
    longer = Guide(
        **{**guide.__dict__, "steps": (Step(0, "Step 0", "move 0", "g/s.md"), *guide.steps)}
    )
    assert set(keys) <= {card.key for card in longer.routine()}
    step = next(card for card in cards if card.key == "step|right foot|1|move 2")
    assert step.where(2, 2) == "right foot, step 2 of 2, round 1 of 2"
    assert cards[-1].where(2, 2) == "the end"
    assert _guide("h").routine()[1].where(2, 1) == "step 1 of 2"


def test_related_guides_show_both_ways_then_outside_pages() -> None:
    outside = ExternalLink("Elsewhere", "https://example.org/")
    foot = _guide("foot", related=[outside])
    back = _guide("back", related=["foot"])
    site = Site(guides={"foot": foot, "back": back})
    assert [(i.title, i.src_uri, i.url) for i in site.related(foot)] == [
        ("Guide back", "back/index.md", ""),
        ("Elsewhere", "", "https://example.org/"),
    ]
    assert [item.external for item in site.related(foot)] == [False, True]
    assert [i.src_uri for i in site.related(back)] == ["foot/index.md"]


def _config() -> Any:
    return SimpleNamespace(markdown_extensions=["attr_list"], mdx_configs={})


def test_a_title_is_front_matter_then_the_first_heading_then_the_file_name() -> None:
    titles = Titles(_config())
    file: Any = SimpleNamespace(name="tips-and-warnings")
    assert titles.of({"title": "  Own   title "}, "# Heading", file) == "Own title"
    assert titles.of({}, "\n# A *back* massage { #top }\n\ntext", file) == "A back massage"
    assert titles.of({}, "```\n# code\n```\n# Later", file) == "Tips and warnings"


def test_a_guide_takes_every_overview_field_the_schema_declares() -> None:
    own = keys_of(GuideFields) - keys_of(PageFields)  # not the keys MkDocs and Material read
    assert own <= set(FROM_FRONT_MATTER)
    assert {"supplies", "related", "sides", "rounds", "source", "order"} <= set(FROM_FRONT_MATTER)

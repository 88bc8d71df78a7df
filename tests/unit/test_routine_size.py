"""A routine's size in a reader's words, as the home card and the overview say it."""

from __future__ import annotations

import pytest

from massage_guides.model import Guide, Step
from massage_guides.routine_size import routine_size


def _guide(steps: int, sides: tuple[str, ...] = (), rounds: int = 1) -> Guide:
    return Guide(
        slug="g",
        title="Guide",
        description="About it.",
        supplies=(),
        steps=tuple(Step(n, f"Step {n}", f"move {n}", f"g/step-{n}.md") for n in range(steps)),
        pages=(),
        related=(),
        sides=sides,
        rounds=rounds,
    )


@pytest.mark.parametrize(
    ("steps", "sides", "rounds", "said"),
    [
        (3, ("left foot", "right foot"), 2, "3 steps on each foot, twice"),
        (3, (), 1, "3 steps"),
        (1, (), 1, "1 step"),
        (1, ("left foot", "right foot"), 1, "1 step on each foot"),
        # Sides that do not end in the same word are counted.
        (2, ("left hand", "right side"), 1, "2 steps on each of 2 sides"),
        (2, ("left", "right"), 1, "2 steps on each of 2 sides"),
        (4, ("left arm", "right arm", "back"), 1, "4 steps on each of 3 sides"),
        (2, ("Left Side", "right side"), 1, "2 steps on each Side"),
    ],
)
def test_the_size_names_the_steps_and_where_they_are_done(
    steps: int, sides: tuple[str, ...], rounds: int, said: str
) -> None:
    assert routine_size(steps, sides, rounds) == said
    assert _guide(steps, sides, rounds).routine_size == said


@pytest.mark.parametrize(
    ("rounds", "said"),
    [
        (1, "3 steps on each foot"),
        (2, "3 steps on each foot, twice"),
        (3, "3 steps on each foot, three times"),
        (4, "3 steps on each foot, 4 times"),
    ],
)
def test_rounds_after_the_first_say_how_many_times(rounds: int, said: str) -> None:
    assert _guide(3, ("left foot", "right foot"), rounds).routine_size == said


def test_three_sides_of_one_body_part_are_each_of_it() -> None:
    sides = ("left hand", "right hand", "other hand")
    assert routine_size(5, sides, 3) == "5 steps on each hand, three times"

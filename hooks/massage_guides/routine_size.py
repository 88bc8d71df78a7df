"""A routine's size in a reader's words: "3 steps on each foot, twice", "1 step".

The home page's guide cards and each overview say it (`Guide.routine_size`), from the guide's
steps, `sides` and `rounds`, so it never disagrees with the routine that follow-along mode
walks and the checklist ticks.
"""

from __future__ import annotations

# How many times the routine is done, as a reader says it; beyond these, "4 times".
_TIMES = {1: "", 2: "twice", 3: "three times"}


def routine_size(steps: int, sides: tuple[str, ...] = (), rounds: int = 1) -> str:
    """The routine's size: the steps, where they are done, how many times.

    Sides that end in the same word ("left foot", "right foot") are that word's "each foot";
    others are counted ("on each of 2 sides"). Rounds after the first say how many times.
    """
    words = f"{steps} step{'s' if steps != 1 else ''}"
    where = _on_each(sides)
    if where:
        words += f" {where}"
    times = _TIMES.get(rounds, f"{rounds} times")
    return f"{words}, {times}" if times else words


def _on_each(sides: tuple[str, ...]) -> str:
    """Where the steps are done: "on each foot", "on each of 3 sides", "on the left hand"."""
    if not sides:
        return ""
    if len(sides) == 1:
        return f"on the {sides[0]}"
    names = [side.split() for side in sides]
    # "left foot" and "right foot" share their body part; "left" and "right" name none.
    if all(len(words) > 1 for words in names):
        part = names[0][-1]
        if all(words[-1].casefold() == part.casefold() for words in names):
            return f"on each {part}"
    return f"on each of {len(sides)} sides"

"""The order of the site's scripts: the core units first.

The core units are the scripts in `javascripts/core/` (storage, start-up, switches): each adds
to `window.massageGuides`, the one name the site's scripts share, and uses no other script.
Every other script, the page bundles' too, is a feature script that may use them, so
`extra_javascript` in mkdocs.yml lists every core unit before any feature script (the page
bundles come after the whole list: hooks/assets.py).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

CORE = "javascripts/core/"


def is_core_unit(path: str) -> bool:
    """Whether a script, as mkdocs.yml names it, is a core unit."""
    return path.startswith(CORE) and path.endswith(".js")


def check_core_units_first(listed: list[str], core_units: list[str]) -> None:
    """Stop unless `extra_javascript` lists every core unit, and each before any feature script.

    `listed`: `extra_javascript` in order; `core_units`: the core unit files the site has.
    """
    missing = sorted(set(core_units) - set(listed))
    if missing:
        raise PluginError(
            f"mkdocs.yml: 'extra_javascript' does not list the core unit '{missing[0]}',"
            f" which feature scripts use: list it with the other core units ({CORE}), first"
        )
    feature = next((path for path in listed if not is_core_unit(path)), None)
    if feature is None:
        return
    after = [path for path in listed[listed.index(feature) :] if is_core_unit(path)]
    if after:
        raise PluginError(
            f"mkdocs.yml: 'extra_javascript' lists '{feature}' before the core unit"
            f" '{after[0]}', which it may use: list the core units ({CORE}) first"
        )

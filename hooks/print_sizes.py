"""Hook: the print sizes that the Python and the CSS share, written once, as a stylesheet.

`stylesheets/print-sizes.css` is generated from `massage_guides.sheet` (the `@page` margin,
the checklist's title size, line height and address width), so the checklist's build-time
sizing and the print CSS cannot disagree. mkdocs.yml lists it first in `extra_css`:
hooks/assets.py joins it into every page's stylesheet, and stops the build naming it if this
hook is not listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from massage_guides.sheet import print_sizes_css

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

PRINT_SIZES = "stylesheets/print-sizes.css"


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add the stylesheet of print sizes."""
    files.append(File.generated(config, PRINT_SIZES, content=print_sizes_css()))
    return files

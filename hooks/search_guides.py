"""Hook: search results say which guide they lead to.

Material's results show a page's title only, and two guides may both have "Tips and
warnings". This writes `search/guides.json`, each guide's folder URL and title, which
`overrides/javascripts/search-label.js` reads to add the guide's title to every result.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from massage_guides.model import site_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

GUIDE_TITLES = "search/guides.json"


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add the guides' titles, keyed by the folder every page of the guide is under."""
    titles = {f"{guide.slug}/": guide.title for guide in site_of(config).guides.values()}
    content = json.dumps(titles, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    files.append(File.generated(config, GUIDE_TITLES, content=content))
    return files

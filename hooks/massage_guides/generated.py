"""Pages the hooks generate for every guide (checklist, print document, follow-along page).

One way to make them: Markdown with front matter, handed to MkDocs' file API in `on_files`
(never written into `docs/`). Their words all come from the guide's own pages, so every one
is left out of search: indexed, results would show the same text twice and outrank the page
it comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.structure.files import File, InclusionLevel

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def generated_page(
    config: MkDocsConfig,
    src_uri: str,
    front_matter: dict[str, Any],
    body: str,
    *,
    in_nav: bool = False,
) -> File:
    """A generated page at `src_uri`, out of search (and of the sidebar unless `in_nav`)."""
    meta = {**front_matter, "search": {"exclude": True}}
    content = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n{body}"
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    return File.generated(config, src_uri, content=content, inclusion=inclusion)

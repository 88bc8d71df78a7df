"""Hook: generate each guide's one-page checklist, `<guide>/checklist/`.

Supplies to tick off, the routine from the step pages (side by side when the guide has
`sides`), the warnings its author marked `checklist`, and, on a public build, the guide's
address with a QR code. Markup is in `overrides/partials/checklist.html`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml
from address import public_address, qr_code
from mkdocs.structure.files import File

from guide_model import site_of
from templates import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from guide_model import Guide


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add a generated checklist page to every guide."""
    for guide in site_of(config).guides.values():
        files.append(File.generated(config, guide.checklist_uri, content=_page(guide, config)))
    return files


def _page(guide: Guide, config: MkDocsConfig) -> str:
    front_matter = {
        "title": f"Checklist: {guide.title}",
        "description": f"A one-page checklist for {guide.title[:1].lower()}{guide.title[1:]}.",
        # Its words all come from other pages; indexed, it would outrank them.
        "search": {"exclude": True},
    }
    address = public_address(guide, config)
    body = render(
        config,
        "partials/checklist.html",
        guide=guide,
        address=address,
        qr_code=qr_code(address) if address else None,
    )
    return f"---\n{yaml.safe_dump(front_matter, sort_keys=False)}---\n\n{body}"

"""Mend cross-document section links on the single-page builder.

Sphinx 9 builds a link to a section of another document as
``#document-archive/2025#archive-2025-12`` on ``singlehtml``; a browser reads
only the first fragment. Everything is on one page, so the section's own id is
the right target.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class SingleFragment(SphinxPostTransform):
    """Keep only the last fragment of a reference with two."""

    builders = ("singlehtml",)
    default_priority = 20  # After ReferencesResolver (10) has made the references.

    def run(self, **kwargs: object) -> None:
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if uri.startswith("#") and uri.count("#") > 1:
                ref["refuri"] = "#" + uri.rsplit("#", 1)[1]

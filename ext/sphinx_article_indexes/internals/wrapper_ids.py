"""Furo's wrappers around tables and display math do not repeat their ids.

Furo wraps each table and display equation in a ``div`` that scrolls on a narrow
screen, and copies the node's attributes onto it, ids included: a numbered
equation or a named table had its id twice on the page (invalid HTML, "Duplicate
ID" for the Nu HTML Checker; a link to it went to the wrapper). The ids are taken
off the wrapper and stay on the table or equation, whose permalink names them.

Relies on: Furo's ``WrapTableAndMathInAContainerTransform`` (a post-transform at
priority 500) wrapping the node in a container of class ``table-wrapper`` or
``math-wrapper`` with ``update_all_atts``. Tested with Furo 2025.12.19.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_WRAPPERS = frozenset({"table-wrapper", "math-wrapper"})


class WrapperIds(SphinxPostTransform):
    """Take the wrapped node's ids off Furo's wrapper around it."""

    formats = ("html",)
    default_priority = 501  # just after Furo's

    def run(self, **kwargs: Any) -> None:
        """Clear the ids a wrapper shares with the node it wraps."""
        for wrapper in self.document.findall(nodes.container):
            if _WRAPPERS.intersection(wrapper["classes"]) and len(wrapper) == 1:
                wrapped = set(wrapper[0].get("ids", ()))
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in wrapped]


def setup(app: Sphinx) -> None:
    """Register the post-transform."""
    app.add_post_transform(WrapperIds)

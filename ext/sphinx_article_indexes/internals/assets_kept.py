"""The live preview leaves the static files as they are when a save changed only text.

Before writing any page, Sphinx's HTML builder copies the theme's and the
project's static files and the extra files again, rendering the theme's
templated ones (``copy_static_files``, ``copy_extra_files``: 30 ms of every save
at 1000 articles). After a save that changed only the text of known documents
they are what the last build copied: a change to a static file in the source
folder is a save the preview sees, and that build starts from a new Sphinx,
which copies everything. So such a build (:func:`keep`) copies only what a
document can bring (its downloads here, its images later, as Sphinx does), and
writes Sphinx's ``pygments.css`` again: Furo rewrites that file when a build
ends, and each page's link to it carries a digest of Sphinx's version.

Static or extra folders outside the source folder, which the preview does not
watch, are copied as usual, but for those of installed packages (a theme's, an
extension's, this package's own): they change only when a package is installed
again.

Relies on: ``StandaloneHTMLBuilder.copy_assets`` calling ``self.copy_static_files``
(which writes ``pygments.css`` with ``create_pygments_style_file``) and
``self.copy_extra_files``. Tested with Sphinx 8.2.3, 9.0.4 and 9.2.0.
"""

from __future__ import annotations

import sysconfig
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Where installed packages are (this one may be installed in place, from a checkout).
_INSTALLED = {Path(sysconfig.get_path(name)).resolve() for name in ("purelib", "platlib")}
_INSTALLED.add(Path(__file__).resolve().parents[1])


def _watched(app: Sphinx) -> bool:
    """Whether every static and extra folder is in the source folder or an installed package."""
    config, confdir = app.config, Path(app.confdir)
    known = (Path(app.srcdir).resolve(), *_INSTALLED)
    for folder in (*config.html_static_path, *config.html_extra_path):
        path = (confdir / folder).resolve()
        if not any(path.is_relative_to(place) for place in known):
            return False
    return True


def keep(app: Sphinx) -> None:
    """Have the next build of ``app`` leave the static and extra files it copied last time."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and _watched(app):
        builder.copy_static_files = builder.create_pygments_style_file  # type: ignore[method-assign]
        builder.copy_extra_files = _kept  # type: ignore[method-assign]


def _kept() -> None:
    """Copy nothing: the files are in the output as the last build left them."""

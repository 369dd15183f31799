"""Check that the TeX the PDF edition needs is installed, and say how to get it.

``python -m sphinx_article_indexes.editions.tex`` exits 0 when everything is there and
otherwise names what is missing and the Debian/Ubuntu packages that provide it;
``--packages`` prints the package list (CI installs from it). Only the standard
library is used, so it runs before the project is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

# Debian/Ubuntu packages for a LuaLaTeX build with Russian and the fonts docs/conf.py names.
PACKAGES = (
    "latexmk",
    "texlive-luatex",
    "texlive-lang-cyrillic",
    "texlive-latex-recommended",
    "texlive-latex-extra",
    "texlive-fonts-recommended",
    "fonts-freefont-otf",
    "fonts-symbola",
    "fonts-dejavu-core",
)
TOOLS = ("latexmk", "lualatex")
FONTS = ("FreeSerif", "FreeSans", "FreeMono", "Symbola", "DejaVu Sans")


def _installed_fonts() -> str:
    if shutil.which("fc-list") is None:
        return ""
    result = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False)
    return result.stdout


def missing() -> list[str]:
    """The commands and fonts the PDF build needs that this machine lacks."""
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    fonts = _installed_fonts()
    return absent + [f"the {font} font" for font in FONTS if font not in fonts]


def advice(absent: list[str]) -> str:
    """A message naming what is missing and the packages to install."""
    return (
        f"The PDF edition needs TeX, but {', '.join(absent)} cannot be found.\n"
        f"On Debian or Ubuntu install: sudo apt-get install {' '.join(PACKAGES)}"
    )


def main(argv: list[str]) -> int:
    """Print the package list, or check the installation."""
    if "--packages" in argv:
        print(" ".join(PACKAGES))
        return 0
    absent = missing()
    if absent:
        print(advice(absent), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

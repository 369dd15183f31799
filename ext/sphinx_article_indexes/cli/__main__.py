"""``python -m sphinx_article_indexes.cli``: the same as ``sphinx-articles``."""

import sys

from . import main

if __name__ == "__main__":  # not when the preview's builder process starts (spawn)
    sys.exit(main())

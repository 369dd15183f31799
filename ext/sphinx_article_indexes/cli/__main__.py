"""``python -m sphinx_article_indexes.cli``: the same as ``sphinx-articles``."""

import sys

from . import main

sys.exit(main())

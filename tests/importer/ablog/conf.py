project = "АБлог"
language = "ru"
extensions = ["myst_parser", "ablog", "sphinx.ext.extlinks"]
blog_baseurl = "https://ablog.example.org/"
extlinks = {"issue": ("https://github.com/example/ablog/issues/%s", "задача %s")}
rst_epilog = """
.. _Sphinx: https://www.sphinx-doc.org/
"""

extensions = ["myst_parser", "sphinx_design", "sphinx_sitemap", "sphinx_article_indexes"]
language = "ru"
html_theme = "furo"
html_baseurl = "https://example.org/journal/ru/latest/"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "search/", "genindex/"]
sitemap_show_lastmod = False

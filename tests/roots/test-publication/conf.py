extensions = ["myst_parser", "sphinx_design", "sphinx_sitemap", "sphinx_article_indexes"]
language = "ru"
html_theme = "furo"
html_baseurl = "https://example.org/journal/ru/latest/"
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "search/", "genindex/"]
sitemap_show_lastmod = False
extensions.append("sphinxext.opengraph")
ogp_site_url = html_baseurl
ogp_social_cards = {"enable": False}

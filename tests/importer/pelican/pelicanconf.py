AUTHOR = "Автор"
SITENAME = "Пеликан"
SITEURL = "https://pelican.example.org"
PATH = "content"
TIMEZONE = "Europe/Moscow"
ARTICLE_URL = "{date:%Y}/{slug}.html"

STATIC_PATHS = ["images"]
raise SystemExit("pelicanconf.py was run")  # the importer reads it, never runs it

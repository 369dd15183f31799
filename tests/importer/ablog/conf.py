project = "АБлог"
extensions = ["myst_parser", "ablog"]
blog_baseurl = "https://ablog.example.org/"

"""Files on disk: atomic writes, publishing and the content-addressed cache."""

#: Where the cache lives unless `cache_dir` says otherwise (relative to mkdocs.yml); declared once, here.
DEFAULT_CACHE_DIR = ".cache/plugin/convaudio"

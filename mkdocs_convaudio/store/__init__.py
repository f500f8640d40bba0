"""Files on disk: atomic writes, publishing and the content-addressed cache."""

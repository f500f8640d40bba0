"""What cutting the players' controls out of MkDocs' own search index costs a warm build, per audio page.

    python -m benchmarks.search_cost [DIR] [POSTS] [LINES]

Writes a plain MkDocs site (the `mkdocs` theme with its `search` plugin) of POSTS blog-sized audio posts of LINES
lines each in DIR (a temporary folder by default; kept when given, so a second run is warm), builds it once (eSpeak
NG synthesizes every line: about 1.5 s a post on 2 cores), then builds it three more times in this process and prints
the CPU time of each build and of `index_without_controls` in it (the plugin's `on_page_context`).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks.synthetic import blog_post, turns, write_site


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="convaudio-search-"))
    posts, lines = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (60, 12)
    config = work / "mkdocs.yml"
    if not config.exists():
        config = write_site(work, {f"post-{n:03d}.md": turns(lines, seed=n) for n in range(posts)}, page=blog_post)
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        config.write_text(yaml.safe_dump({**settings, "plugins": ["search", *settings["plugins"]]}), encoding="utf-8")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import mkdocs_convaudio.plugin as plugin
    from mkdocs_convaudio.mkdocs_search import index_without_controls as cut

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent = [0.0, 0]

    def timed(index: Any, page: Any) -> None:
        start = time.process_time()
        cut(index, page)
        spent[0] += time.process_time() - start
        spent[1] += 1

    plugin.__dict__["index_without_controls"] = timed  # the name the plugin's `on_page_context` calls
    build(load_config(config_file=str(config)))  # cold (or warm, when DIR was built before)
    for _ in range(3):
        spent[:] = [0.0, 0]
        start = time.process_time()
        build(load_config(config_file=str(config)))
        total = time.process_time() - start
        per_page = spent[0] / max(spent[1], 1) * 1000
        print(
            f"warm build {total * 1000:.0f} ms CPU; the cut {spent[0] * 1000:.1f} ms over {spent[1]} pages "
            f"({per_page:.3f} ms a page)"
        )


if __name__ == "__main__":
    main()

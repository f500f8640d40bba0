"""The least a warm build of audio posts can cost: an MkDocs hook that does only what any plugin must (`make bench`).

For each post it looks the page's Markdown up in one table (one JSON file, read once) by its SHA-256, takes the
Markdown stored there (a marker in place of the conversation), puts the player's HTML in place of the marker, fills
in its duration in the final page, and adds the post's MP3, timings and captions as files hard-linked from where
they were published. No planning, no voices, no cache records, no checks (not even that the files exist): a lower
bound for the plugin's own warm cost, measured as the plugin is: against the same site with the plugin disabled
(`benchmarks/floor.py`). The table comes from a site the plugin built (`floor.py: floor_table`)."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

MARK = "<!--convaudio-floor-->"
DURATION = "<!--convaudio-floor-duration-->"
ASSETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mkdocs_convaudio", "assets")
_table: dict[str, Any] = {}


class _Linked(File):
    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        try:
            os.link(self.abs_src_path, self.abs_dest_path)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            os.link(self.abs_src_path, self.abs_dest_path)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _table.clear()
    with open(config.extra["convaudio_floor_table"], "rb") as handle:
        _table.update(json.loads(handle.read()))
    config.extra_css.append("assets/convaudio/convaudio.css")
    config.extra_javascript.append("assets/convaudio/convaudio.js")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for name in ("convaudio.css", "convaudio.js"):
        files.append(File.generated(config, f"assets/convaudio/{name}", abs_src_path=os.path.join(ASSETS, name)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    entry = _table.get(page.file.src_uri)
    if entry is None or hashlib.sha256(markdown.encode("utf-8")).hexdigest() != entry["digest"]:
        return markdown
    for uri, source in entry["files"]:
        # built without `File.__init__` (its `PurePath(...).as_posix()` is most of its cost): what a plugin adding
        # hundreds of files would do at the least
        file = _Linked.__new__(_Linked)
        file.__dict__.update(
            src_uri=uri,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=False,
            inclusion=InclusionLevel.UNDEFINED,
            generated_by="floor",
            abs_src_path=source,
            dest_uri=uri,
            abs_dest_path=f"{config.site_dir}/{uri}",
        )
        files.append(file)
    return str(entry["markdown"])


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    entry = _table.get(page.file.src_uri)
    return html.replace(MARK, entry["player"], 1) if entry is not None else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    entry = _table.get(page.file.src_uri)
    return output.replace(DURATION, entry["duration"], 1) if entry is not None else output

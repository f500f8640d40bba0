"""`mkdocs serve`: the voice map and dialogue files are watched, and a rebuild re-renders only what changed."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from tests.sites import Site, post


def test_serve_watches_voice_map_and_dialogue_files(site: Site) -> None:
    dialogue = site.write(
        "talks/one.json", json.dumps([{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Yo."}])
    )
    site.write("index.md", post("[script](talks/one.json)\n"))
    assert site.build().synthesized == 2
    config = load_config(config_file=str(site.root / "mkdocs.yml"))
    build(config, serve_url="http://127.0.0.1:8000/")  # what `mkdocs serve` runs per change
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    watched = {Path(path).resolve() for path in server._watched_paths}
    assert (site.root / "convaudio-voices.yml").resolve() in watched
    assert dialogue.resolve() in watched
    # an edit to one line of the dialogue file: the next rebuild synthesizes that line only
    dialogue.write_text(json.dumps([{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Hello."}]))
    assert site.build().synthesized == 1

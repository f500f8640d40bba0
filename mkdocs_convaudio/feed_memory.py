"""What a `--dirty` build keeps of its podcast feeds: the remembered episodes of the pages it skips, and which feed
files of the site are left without episodes (a full build starts from an empty site and writes none of those)."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:  # feeds only: a warm build without them imports no feed code
    from .html.feed import Episode

#: What every feed this package writes says of itself (`<generator>`): a file without it is not ours to remove
GENERATOR_MARK = b"<generator>mkdocs-convaudio</generator>"


def stamp(path: str | None) -> list[int] | None:
    """A file's size and modification time, to tell whether it changed since."""
    try:
        info = os.stat(path) if path else None
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns] if info else None


def recorded_episodes(
    kept: Any, source: str | None, site_url: str, read: Callable[[Any, str], Episode | None]
) -> list[Episode] | None:
    """The episodes a memo record `kept` holds for a page (none for an audio page whose conversations are another
    page's episodes), or None when there is no record, or one made from another version of the page's source (its
    titles and dates would be stale: a page built again while the feed was off)."""
    if not isinstance(kept, dict) or not isinstance(kept.get("episodes"), list):
        return None
    if kept.get("source") is None or kept.get("source") != stamp(source):
        return None
    episodes = [read(record, site_url) for record in kept["episodes"]]
    return None if any(episode is None for episode in episodes) else [e for e in episodes if e is not None]


#: The feed memo's versions whose records this one reads: 2's are 4's without the chapters file's URL and the
#: artwork's, 3's without the artwork's (a skipped page's episodes have none until the page is built again)
UPGRADABLE_VERSIONS = ("2", "3")
#: Each feed memo file's records of an older version (`UPGRADABLE_VERSIONS`), as this process first found it: the
#: build's first save writes the file anew, and mkdocs-static-i18n's later languages read them too
_older_tables: dict[str, dict[str, Any]] = {}


def older_record(memo_file: Path, key: str, site_dir: Path) -> dict[str, Any] | None:
    """A page's record in the feed memo as the version before wrote it, taken as this version's: the episodes with
    their chapters file's URL where the built site has that file (the version before published none, so a page a
    `--dirty` build skips has none until it is built again; the feed says what the site holds). None when there
    is no such record. The file is read once a process, and only by a `--dirty` build lacking a page's record."""
    path = str(memo_file)
    if path not in _older_tables:
        table: Any = None
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(memo_file.read_bytes())
            if isinstance(loaded, dict) and loaded.get("version") in UPGRADABLE_VERSIONS:
                table = loaded.get("memo")
        _older_tables[path] = table if isinstance(table, dict) else {}
    kept = _older_tables[path].get(key)
    if not isinstance(kept, dict) or not isinstance(kept.get("episodes"), list):
        return None
    episodes = []
    for episode in kept["episodes"]:
        audio = episode.get("audio_url") if isinstance(episode, dict) else None
        if not isinstance(audio, str) or "://" in audio or not audio.endswith(".mp3"):
            return None  # a record that does not say where its MP3 is in the site
        chapters = audio[: -len(".mp3")] + ".chapters.json"
        episodes.append({**episode, "chapters_url": chapters if (site_dir / unquote(chapters)).is_file() else None})
    return {**kept, "episodes": episodes}


def published_length(episode: Episode, site_url: str, site_dir: Path) -> int | None:
    """The size of an episode's MP3 in the built site, or None when it is not there."""
    found = stamp(str(site_dir / unquote(episode.audio_url.removeprefix(site_url))))
    return found[0] if found else None


def merged(built: Iterable[Episode], remembered: Iterable[Episode]) -> list[Episode]:
    """The episodes of the pages built now, then the remembered ones that are no episode of theirs: a dialogue file
    two pages link is one episode (its GUID), now the rebuilt page's (review 108)."""
    episodes: list[Episode] = []
    guids: set[str] = set()
    for episode in (*built, *remembered):  # the first of each GUID: two remembered pages may hold one file too
        if episode.guid not in guids:
            guids.add(episode.guid)
            episodes.append(episode)
    return episodes


def feed_files(
    site_dir: Path, path: str, language_folder: Callable[[str], str | None], published: set[str]
) -> dict[str, str | None]:
    """The feed files of the site that this package wrote, by site URI, with their language where the URI says it
    (`podcast-{lang}.xml`; a path without `{lang}` in a language's folder, `fr/podcast.xml`, by `language_folder`
    giving each language's folder). Not the build's own files (`published`): a feed kept in docs_dir is the site's
    (review 109)."""
    bare = path.lstrip("/")
    found: dict[str, str | None] = {}
    if "{lang}" in bare:
        pattern = re.compile(re.escape(bare).replace(re.escape("{lang}"), r"(?P<lang>[^/]+)"))
        candidates = [(file, None) for file in site_dir.glob(bare.replace("{lang}", "*"))]
    else:
        pattern = None
        candidates = [(site_dir / bare, None), *((file, None) for file in site_dir.glob(f"*/{bare}"))]
    for file, _ in candidates:
        uri = file.relative_to(site_dir).as_posix()
        if pattern is not None:
            match = pattern.fullmatch(uri)
            language = match["lang"] if match else None
        else:
            folder = uri[: -len(bare)].strip("/")
            language = language_folder(folder) if folder else None
        if uri not in published and file.is_file() and GENERATOR_MARK in file.read_bytes()[:4096]:
            found[uri] = language
    return found

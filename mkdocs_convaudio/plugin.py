"""MkDocs glue: thin event methods that hand pages to the audio session and put its files into the site."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import math
import os
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from html import escape
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .audio.assembly import AssemblySettings
from .audio.production import MusicSettings
from .audio.video import VideoSettings, parse_size
from .build import (
    AudioSession,
    Placed,
    SessionOptions,
    TimingsTable,
    build_problems,
    cache_inside_docs,
    front_matter_line,
    no_conversation,
    under_base,
)
from .config import ConvAudioConfig
from .engines import engine_names
from .errors import ConvaudioError, OptionError, each_problem, not_finite, raise_all
from .html.assets import ASSET_NAMES, ASSETS, version_kind, versioned
from .html.captions import data_url, track_label
from .html.heading_text import heading_reader
from .html.labels import player_title
from .html.player import (
    PlayerMemo,
    Players,
    conversation_links,
    fill_placeholders,
    insert_players,
    player_code_version,
    player_marker,
    replace_player,
)
from .html.transcript import MathMarkup, own_anchor, site_math
from .i18n_builds import inner_build, language_build, same_language
from .material_blog import is_blog_post, replaced_by_its_title
from .mkdocs_links import AnchorLink, anchors_level, missing_anchors, resolve_link, written_from_the_page
from .mkdocs_search import index_without_controls, own_search_index
from .render import Limits
from .retry import RetryPolicy
from .showplan import ShowOptions, missing_site_files
from .site_feeds import (
    FEED_EPISODES,
    FEED_EPISODES_VERSION,
    FeedPage,
    Site,
    SiteFeeds,
    check_feed_path,
    cover_sources,
    directory_problems,
)
from .store.shared import endpoint_problems
from .text.discover import front_matter_lines, rewrite, unread_front_matter
from .text.headings import heading_words

if TYPE_CHECKING:  # for `mkdocs serve` only: not imported by every build
    from mkdocs.livereload import LiveReloadServer

    from .html.feed import Channel
    from .store.memo import Memo

log = get_plugin_logger("convaudio")  # messages read "convaudio: ..."

#: What the podcast feed imports, from the `podcast` extra
PODCAST_PACKAGES = ("feedgen", "imagesize")

#: The memo of each audio page's dialogue files, and (under `SHOWS`) the show's sounds, for `--dirty` builds
SIDE_FILES = "side-files"
#: The shared stores (`store_identity`: the address, and the endpoint, profile, account... choosing the store) that
#: answered a build of this process: one that stops answering at a later build is an outage, not settings to check.
#: Process-wide, because `mkdocs serve` loads a new plugin per rebuild.
SHARED_STORES_ANSWERED: set[str] = set()
#: A player finished early (`on_page_content`): its token, the timings and their digest, and the URIs it was given
Filled = tuple[str, dict[str, Any] | str, str, dict[str, str]]
SHOWS = "\0shows"
#: The `mkdocs serve` server watching each voice map outside docs_dir (by its path as watched), for the builds of
#: this process: `mkdocs serve` loads a new plugin per rebuild, and only the first build's plugin gets `on_serve`
SERVED_VOICE_MAPS: dict[str, LiveReloadServer] = {}
#: The `mkdocs serve` server of each config file this process serves, and the side files outside docs_dir it watches
#: for the plugin (the voice map, the lexicon, a show's sounds and covers): one the options name only after
#: `on_serve` (`voice_map: team-voices.yml` saved in mkdocs.yml) is watched from the first build that uses it (its
#: edits rebuilt nothing until `mkdocs serve` was started again: bug bash h-serve)
SERVERS: dict[str, tuple[LiveReloadServer, set[str]]] = {}
#: ...and (under `OPTIONS`) a digest of the plugin's options: a `--dirty` build after they changed (another bed, a
#: loudness, a voice setting in mkdocs.yml) builds every audio page again (bug bash 111: the old MP3 stayed)
OPTIONS = "\0options"
#: ...and (under `OVERWRITTEN`) the audio pages the last build wrote to one output path with another page: the next
#: `--dirty` build builds them again, so one whose rival moved away is written again (it was left overwritten)
OVERWRITTEN = "\0overwritten"
#: ...and (under `NEIGHBOURS`) the pages that decided each audio page's language when it was built
#: (`Translations.neighbours`): one added or gone (`posts/talk.md` beside `posts/fr/talk.md`) builds it again
NEIGHBOURS = "\0neighbours"
#: Options that change neither a page nor its audio: left out of that digest
PAGE_NEUTRAL_OPTIONS = frozenset(
    {
        "max_characters",
        "generate",
        "shared_cache",
        "shared_cache_options",
        "shared_cache_required",
        "concurrency",
        "retries",
        "retry_base_delay",
        "retry_max_delay",
        "prices",
        "cache_dir",
    }
)


def list_versioned(entries: list[Any], uri: str, name: str, site_path: str = "/") -> None:
    """List the asset `name`, at `uri` in the site, in `entries` (MkDocs' `extra_css` or `extra_javascript`) with
    its version (see `versioned`), once: an entry of the same file with or without a version (the site's own
    listing of it, or a language build before this one with mkdocs-static-i18n) takes the version in its place,
    so the file never loads twice and keeps the attributes (`defer`) a site gave it. `site_path` is the path of
    the site's URL (`/` by default): an entry from the server's root (`/assets/...`) names the file too."""
    for index, entry in enumerate(entries):
        path = str(entry).partition("?")[0]
        if _names_asset(path, uri, site_path):
            url = versioned(path, name)  # in the entry's own form: `/assets/...` stays absolute
            if isinstance(entry, ExtraScriptValue):
                entry.path = url
            else:
                entries[index] = url
            return
    entries.append(versioned(uri, name))


def _names_asset(path: str, uri: str, site_path: str) -> bool:
    """Whether the `extra_css`/`extra_javascript` entry `path` (without its query) is the site's file `uri`: as
    written (`assets/convaudio/convaudio.js`), from the current folder (`./assets/...`) or from the server's root
    below the site's path (`/assets/...`, `/docs/assets/...` for a site at `/docs/`). A site's own entry in any
    of these forms loaded the file a second time, unversioned: a cached older script ran beside the new one."""
    if "://" in path:
        return False
    if path.startswith("/"):
        root = site_path if site_path.endswith("/") else site_path + "/"
        return path.startswith(root) and posixpath.normpath(path[len(root) :]) == uri
    return posixpath.normpath(path) == uri


def session_options(
    config: ConvAudioConfig, mkdocs_config: MkDocsConfig, configured_docs_dir: str | None = None
) -> SessionOptions:
    """Plugin options → the core's options (shared with the command line); `configured_docs_dir` is the docs
    folder as the config file gave it, before other plugins' `on_config` (MkDocs' own, by default)."""
    try:
        options = options_from(
            config,
            Path(mkdocs_config.docs_dir),
            Path(mkdocs_config.config_file_path or ".").resolve().parent,
            site_name=mkdocs_config.site_name,
            check_cache_dir=True,
        )
    except ConvaudioError as error:
        raise located_options(each_problem(error), mkdocs_config.config_file_path, list(config)) from None
    options.memo_docs_dir = Path(configured_docs_dir or mkdocs_config.docs_dir)
    if mkdocs_config.config_file_path:
        options.memo_config = Path(mkdocs_config.config_file_path)
    return options


def located_options(problems: list[ConvaudioError], config_file: str | None, names: list[str]) -> ConvaudioError:
    """The problems of the plugin's options, each at the config file's line of the option it names (`names`: the
    options), in the file's order, one a line (they were joined with "; " on one line, without the file's name;
    new-user bug bash). MkDocs keeps no lines of its config: the first `name:` after the plugin's own line, in the
    config file or the files it inherits (`INHERIT:`), the config file first as its options win."""
    sections = _plugin_sections(config_file) if config_file else []
    option = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    # a problem of no option any file writes is said at the file whose plugin section it is about
    default = sections[0][0] if sections else (_shown_path(config_file) if config_file else "mkdocs.yml")
    shown = [path for path, _ in sections] or [default]
    located: list[ConvaudioError] = []
    for problem in problems:
        if problem.path is not None:
            located.append(problem)
            continue
        if isinstance(problem, OptionError) and problem.keys:  # an engine's `rate: 1`, at `rate:`, not `espeak:`
            located.append(located_option(problem.message, config_file, list(problem.keys)))
            continue
        # the first option the message names that a file writes: "music_level must be 0 or below and
        # music_depth 0 or above" is about a `music_depth:` when `music_level` is left at its default (show bug bash)
        written = [re.compile(rf"\s+{re.escape(named[1])}\s*:") for named in option.finditer(problem.message)]
        where = next(
            (
                (path, number)
                for pattern in written
                for path, section in sections
                for number, text in section
                if pattern.match(text)
            ),
            (default, None),
        )
        located.append(ConvaudioError(problem.message, *where))

    def order(problem: ConvaudioError) -> tuple[int, int]:
        # the config files' first, in their order (another file's, as `missing_site_files` names them, after)
        rank = shown.index(problem.path) if problem.path in shown else len(shown)
        return rank, problem.line if problem.line is not None else 1 << 30

    located.sort(key=order)
    return located[0] if len(located) == 1 else build_problems(located)


def located_option(message: str, config_file: str | None, keys: list[str]) -> ConvaudioError:
    """`message` at the line of a nested option of the plugin (`podcast`, `description`, `xx`): each key the first
    written after the one before, as deep as the file writes them (a flow mapping, `{en: …, xx: …}`, is its line);
    in the first file of the config (see `_plugin_sections`) that writes the first key, as one of the plugin's own
    options (`enabled: maybe` below `podcast:`'s `enabled: true` was said at the podcast's line)."""
    for path, section in _plugin_sections(config_file) if config_file else []:
        written_lines = [text for _, text in section if text.strip() and not text.lstrip().startswith("#")]
        top = min((len(text) - len(text.lstrip()) for text in written_lines), default=0)
        start, line = 0, None
        for depth, key in enumerate(keys):
            written = re.compile(rf"(?:^|[\s{{,])['\"]?{re.escape(key)}['\"]?\s*:")
            found = next(
                (
                    index
                    for index in range(start, len(section))
                    if written.search(text := section[index][1])
                    and (depth or len(text) - len(text.lstrip()) == top)  # the plugin's option, not a sub-option
                ),
                None,
            )
            if found is None:
                break
            start, line = found, section[found][0]
        if line is not None:
            return ConvaudioError(message, path, line)
    return ConvaudioError(message, _shown_path(config_file) if config_file else "mkdocs.yml")


#: The line of the plugin's section: `- convaudio:` (or `convaudio:` in a mapping), or the plugins written on one
#: line in flow style, `plugins: [search, convaudio: {engin: piper}]` (said at no line: review r-interrupt).
_PLUGIN_LINE = re.compile(r"""(?:\s*-?\s*|\s*plugins\s*:\s*\[(?:.*?,)?\s*)(?P<q>['"]?)convaudio(?P=q)\s*:""")


def _plugin_sections(config_file: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each file of the config that writes the plugin's section (`- convaudio:`), the config file first, then the
    files it inherits (`INHERIT: base.yml`, relative to the file that says it, as MkDocs reads it: show review), as
    the path a message shows and the section's lines with their numbers (the lines indented under the plugin's)."""
    sections: list[tuple[str, list[tuple[int, str]]]] = []
    path: Path | None = Path(config_file)
    seen: set[Path] = set()
    while path is not None and path.resolve() not in seen:
        seen.add(path.resolve())
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            break
        plugin, own = next(
            ((index, line[found.end() :]) for index, line in enumerate(lines) if (found := _PLUGIN_LINE.match(line))),
            (None, ""),
        )
        if plugin is not None:
            indent = len(lines[plugin]) - len(lines[plugin].lstrip(" -"))
            end = next(  # the plugin's own lines: those indented under it
                (
                    index
                    for index in range(plugin + 1, len(lines))
                    if lines[index].strip() and not lines[index][indent:][:1].isspace()
                ),
                len(lines),
            )
            # options in a flow mapping on the plugin's own line (`- convaudio: {engin: piper}`) are on that line:
            # its text after `convaudio:`, at its own column (a mapping going on below it stays below its lines)
            written = own.strip()
            flow = [(plugin + 1, " " * (len(lines[plugin]) - len(own.lstrip())) + written)]
            section = (flow if written and not written.startswith("#") else []) + list(
                enumerate(lines[plugin + 1 : end], plugin + 2)
            )
            sections.append((_shown_path(str(path)), section))
        inherit = next((found[1] for line in lines if (found := re.match(r"INHERIT\s*:\s*(.+?)\s*$", line))), None)
        path = path.parent / inherit.split(" #")[0].strip().strip("'\"") if inherit else None
    return sections


def options_from(
    config: ConvAudioConfig, docs_dir: Path, base_dir: Path, *, site_name: str = "", check_cache_dir: bool = False
) -> SessionOptions:
    """Validated plugin options (from mkdocs.yml or convaudio.toml) → the core's options, every problem at once;
    `check_cache_dir`: the site publishes all of docs_dir, so the cache must be outside it."""
    artist, album = tag_names(config, site_name)
    problems: list[ConvaudioError] = []  # every bad option in one build, each named
    assembly = AssemblySettings(
        sample_rate=config.sample_rate,
        pause=float(config.pause),
        pause_same_speaker=float(config.pause_same_speaker),
        pause_variation=float(config.pause_variation),
        sentence_pause=float(config.sentence_pause),
        loudness=float(config.loudness),
        true_peak=float(config.true_peak),
        bitrate=config.bitrate,
        balance_speakers=config.balance_speakers,
    )
    try:
        assembly.validate()
    except ConvaudioError as error:
        problems.extend(each_problem(error))
    prices = {}
    for name, price in config.prices.items():
        with contextlib.suppress(ValueError, TypeError):
            if isinstance(price, str):  # `wavenet: "16"`, quoted
                price = float(price)
        if isinstance(price, bool) or not isinstance(price, int | float) or price < 0 or price != price:
            problems.append(
                ConvaudioError(
                    f"prices: {name}: {price!r} is not a price; give US dollars per million characters, a number of 0 "
                    f"or more (`prices: {{{name}: 16}}`)"
                )
            )
        else:
            prices[str(name)] = float(price)
    if (audio_dir := site_folder(config.audio_dir)) is None:
        # `..` wrote the MP3s beside mkdocs.yml, into docs_dir or outside the project, with the players' links
        # pointing out of the site; an empty one put the player's CSS and script links at the site's root (bug bash
        # 95)
        problems.append(
            ConvaudioError(
                f"audio_dir: {config.audio_dir!r} is not a folder inside the site; give a relative path such as "
                "`assets/convaudio` (no `..`, `.` or `\\`, not empty)"
            )
        )
    counts = {"concurrency": config.concurrency, "retries": config.retries, "max_characters": config.max_characters}
    counts |= {"max_line_characters": config.max_line_characters}
    least = {"max_characters": 0}  # 0: nothing may be sent to a paid engine
    for name, value in counts.items():
        if value is not None and value < least.get(name, 1):
            problems.append(
                ConvaudioError(
                    f"{name}: {value} is too small; give {least.get(name, 1)} or more"
                    + (" (attempts in all, the first included)" if name == "retries" else "")
                    + (", or leave it out for the engine's own" if name == "concurrency" else "")
                )
            )
    if not config.player_title.strip():
        problems.append(ConvaudioError("player_title: it is empty; give the player's label, or leave it out"))
    delays = {"retry_base_delay": config.retry_base_delay, "retry_max_delay": config.retry_max_delay}
    if unreal := not_finite({**delays, "max_duration": config.max_duration}, "docs/configuration.md#options"):
        problems.append(unreal)  # `max_duration: .nan` made every conversation longer than it (show review)
    if negative := [f"{name}: {value:g}" for name, value in delays.items() if value < 0 and math.isfinite(value)]:
        problems.append(
            ConvaudioError(f"retry delays cannot be negative ({', '.join(negative)}); give 0 or more seconds")
        )
    # every conversation was "more than max_duration (-10 seconds)" (new-user bug bash)
    if config.max_duration <= 0 and not unreal:
        problems.append(
            ConvaudioError(
                f"max_duration: {config.max_duration:g} is too small; give the longest a conversation may last, in "
                "seconds, more than 0 (7200 is two hours)"
            )
        )
    if config.shared_cache:  # said in every build: a warm one never contacts the store to find out
        problems.extend(ConvaudioError(problem) for problem in endpoint_problems(config.shared_cache_options))
    try:
        show = show_options(config)
    except ConvaudioError as error:
        problems.extend(each_problem(error))
    else:
        problems.extend(missing_site_files(show, base_dir))
    if check_cache_dir and (message := cache_inside_docs(under_base(base_dir, config.cache_dir), docs_dir)):
        problems.append(ConvaudioError(message))  # said with the others, before the cache folder is made
    raise_all(problems)
    return SessionOptions(
        docs_dir=docs_dir,
        base_dir=base_dir,
        engine=config.engine,
        fallback_engine=config.fallback_engine,
        engine_options={name: dict(config[name]) for name in engine_names() if name in config},
        voice_map=config.voice_map,
        cache_dir=config.cache_dir,
        audio_dir=audio_dir or "",
        assembly=assembly,
        concurrency=config.concurrency,
        retry=RetryPolicy(
            attempts=config.retries,
            base_delay=float(config.retry_base_delay),
            max_delay=float(config.retry_max_delay),
        ),
        generate=config.generate,
        max_characters=config.max_characters,
        prices=prices,
        captions=config.captions,
        tags=config.tags,
        artist=artist,
        album=album,
        pronunciations=config.pronunciations,
        language_aliases={str(alias): str(tag) for alias, tag in config.language_aliases.items()},
        trigger_key=config.trigger_key,
        trigger_value=config.trigger_value,
        limits=Limits(max_line_characters=config.max_line_characters, max_duration=float(config.max_duration)),
        shared_cache=config.shared_cache or None,
        shared_cache_required=config.shared_cache_required,
        shared_cache_options=config.shared_cache_options,
        show=show,
    )


def site_folder(path: str) -> str | None:
    """`audio_dir` as a folder of the built site (`/assets/audio/` → `assets/audio`), or None where it names none."""
    folder = path.strip().strip("/")
    parts = folder.split("/")
    if not folder or "\\" in folder or ":" in parts[0] or any(part in ("", ".", "..") for part in parts):
        return None
    return folder


def tag_names(config: ConvAudioConfig, site_name: str) -> tuple[str, str]:
    """The MP3s' artist and album: the plugin's options, else the site's name."""
    return config.artist or site_name, config.album or config.artist or site_name


def show_options(config: ConvAudioConfig) -> ShowOptions:
    """Music bed, intro, outro and video defaults (docs/show.md), validated: every problem of them at once."""
    problems: list[ConvaudioError] = []
    try:
        width, height = parse_size(config.video_size)
    except ConvaudioError as error:
        problems.append(error)
        width, height = 1280, 720  # the other options are still checked
    show = ShowOptions(
        music=config.music,
        intro=config.intro,
        outro=config.outro,
        music_settings=MusicSettings(
            level=float(config.music_level),
            depth=float(config.music_depth),
            attack=float(config.music_attack),
            release=float(config.music_release),
            fade_in=float(config.music_fade_in),
            fade_out=float(config.music_fade_out),
            lead=float(config.music_lead),
        ),
        video=config.video,
        video_settings=VideoSettings(width=width, height=height, fit=config.video_fit, font=config.video_font or ""),
    )
    try:
        show.validate()
    except ConvaudioError as error:
        problems.extend(each_problem(error))
    raise_all(problems)
    return show


def _stale(
    page: File, shared: tuple[Path | float, ...], own: tuple[Path, ...], unopened: tuple[Path, ...] = ()
) -> bool:
    """MkDocs' own answer for a page (its file is newer than its HTML), or one of the files its audio comes from is
    newer than its HTML: `shared` by every audio page (the voice map, the lexicon, the show's sounds; or when one
    was last changed, in seconds), or `own` (its dialogue files; one that is gone counts too: the build then says
    so); or a translation its links would open, `unopened` when it was built, is there now (`ep.fr.json` added
    beside the `ep.json` a `lang=fr` marker is above)."""
    if File.is_modified(page):
        return True
    try:
        built = os.path.getmtime(page.abs_dest_path)
    except OSError:
        return True
    if any(path.is_file() for path in unopened):
        return True
    for source in (*shared, *own):
        try:
            if (source if isinstance(source, float) else os.path.getmtime(source)) > built:
                return True
        except OSError:
            if source in own:
                return True
    return False


def side_files_record(linked: Sequence[str], unopened: Sequence[str]) -> list[str] | dict[str, list[str]]:
    """A page's `SIDE_FILES` record: the files it links (a list, as before translations not there were recorded),
    with the translations its links would open were they there, when there are any (a dict)."""
    files = sorted(set(linked))
    return {"linked": files, "unopened": sorted(set(unopened))} if unopened else files


def recorded_side_files(record: object) -> tuple[list[str] | None, list[str]]:
    """The files a page's `SIDE_FILES` record names (None for a page with none recorded: no audio page), and the
    translations it names as not there (`side_files_record`)."""
    if isinstance(record, dict):
        linked, unopened = record.get("linked"), record.get("unopened")
        if isinstance(linked, list) and isinstance(unopened, list):
            return list(map(str, linked)), list(map(str, unopened))
        return None, []
    return (list(map(str, record)), []) if isinstance(record, list) else (None, [])


def _served_key(config: MkDocsConfig) -> str:
    """The key of `config`'s `mkdocs serve` server in `SERVERS`: its config file's absolute path, the same in each
    rebuild's config; empty for a config read from a stream, which has no file to tell it from another site's."""
    return os.path.abspath(config.config_file_path) if config.config_file_path else ""


@contextlib.contextmanager
def _unwatched(server: LiveReloadServer, path: str) -> Iterator[None]:
    """`path` not watched by `server` while the build writes it: `mkdocs serve` rebuilt once more after each save of
    the voice map that a rebuild made (new speakers' voices), for a file that held nothing new to build. Watched
    again once written: the watch starts from the file as written, so an edit by hand after it still rebuilds."""
    server.unwatch(path)
    try:
        yield
    finally:
        server.watch(path)


class AskedOnce:
    """A question answered once, when first asked (a page's `is_modified`: MkDocs asks before reading the page and
    again before writing it). What `functools.cache` did, without building a cached wrapper of every audio page
    in every build (about 20 µs each; MkDocs asks only in `--dirty` builds)."""

    __slots__ = ("answer", "ask")

    def __init__(self, ask: Callable[[], bool]) -> None:
        self.ask = ask
        self.answer: bool | None = None

    def __call__(self) -> bool:
        if self.answer is None:
            self.answer = self.ask()
        return self.answer


def _shown_path(path: str) -> str:
    """A path as a message shows it: relative to the working folder when it is under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def strict_warnings(config: MkDocsConfig) -> int:
    """How many warnings this build gave so far, when it fails on any (`mkdocs build --strict`): MkDocs counts them
    with a handler of its own on its logger while it builds (0 when it does not, or cannot be found)."""
    if not config.strict:
        return 0
    for handler in logging.getLogger("mkdocs").handlers:
        counts = getattr(handler, "counts", None)
        if type(handler).__name__ == "CountHandler" and isinstance(counts, dict):
            return sum(count for level, count in counts.items() if isinstance(level, int) and level >= logging.WARNING)
    return 0


def opened_from_disk(config: MkDocsConfig) -> bool:
    """Whether the site is built to be opened from disk (`file://`): Material's offline plugin is on."""
    return any(
        type(plugin).__module__.startswith("material.plugins.offline") and getattr(plugin, "config", {}).get("enabled")
        for plugin in config.plugins.values()
    )


def theme_language(theme: Any) -> str | None:
    """The site's language as its theme gives it: `language` (Material), else `locale` (MkDocs' own `mkdocs` and
    `readthedocs` themes, whose pages say `<html lang>` from it: a French site read in English, bug bash 76)."""
    language = theme.get("language")
    if isinstance(language, str) and language.strip():
        return language
    locale = theme.get("locale")  # a babel Locale (`str` gives `pt_BR`), or the text a theme left
    return str(locale) if locale is not None and str(locale).strip() else None


def trigger_line(page: Page, key: str) -> str:
    """`path:line` of the page's front matter setting `key`, for warnings."""
    path = page.file.abs_src_path
    line = front_matter_line(Path(path), key) if path else None
    return f"{page.file.src_uri}:{line or 1}"


class LinkedFile(File):
    """A generated file put into site_dir as a hard link to its source (the published audio, timings and
    captions under the cache's `site/`), not a copy: a warm build of many audio posts writes no audio bytes.
    The sources are only ever replaced, never written in place, so a link never changes under the site.
    Falls back to MkDocs' copy (another file system, or links not allowed)."""

    @property
    def src_path(self) -> str:
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        # our URIs are POSIX paths already: MkDocs' `PurePath(value).as_posix()` cost more than the rest of
        # `File.generated` (600 files on a warm build of 200 audio posts)
        self.src_uri = value if "\\" not in value else PurePath(value).as_posix()

    @classmethod
    def made(
        cls, uri: str, source: str, site_dir: str, use_directory_urls: bool, plugin: str, site_prefix: str = ""
    ) -> LinkedFile:
        """`File.generated(config, uri, abs_src_path=source)` with the settings read once per build (hundreds
        of these are made in a warm build of many audio posts); `site_prefix`, if given, is
        `os.path.join(site_dir, "")`, worked out once a build."""
        file = cls(uri, None, site_dir, use_directory_urls)
        file.generated_by = plugin
        file.abs_src_path = source
        # what MkDocs would work out when copying: a static file keeps its URI; site_dir is absolute and normal
        file.dest_uri = uri
        if os.sep != "/":
            file.abs_dest_path = os.path.normpath(f"{site_dir}/{uri}")
        else:  # `os.path.join(site_dir, uri)` for a relative URI
            file.abs_dest_path = (site_prefix or os.path.join(site_dir, "")) + uri
        return file

    def is_documentation_page(self) -> bool:
        # an MP3, timings, captions or video file, never a Markdown page: MkDocs asks of every file several times a
        # build (its extension looked up each time, 600 files on a warm build of 200 audio posts)
        return False

    def is_modified(self) -> bool:
        """Whether site_dir lacks this very file (`--dirty` copies only those): not a link to it. MkDocs compares
        times, but an edit undone brings back a published file older than the copy it replaces, and the site
        kept the undone edit's MP3 against the page's transcript (bug bash 70)."""
        try:
            return self.abs_src_path is None or not os.path.samefile(self.abs_src_path, self.abs_dest_path)
        except OSError:
            return True

    def copy_file(self, dirty: bool = False) -> None:
        source, output = self.abs_src_path, self.abs_dest_path
        if source is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        try:
            try:
                os.link(source, output)  # the usual case: a cleaned site folder, one system call
            except FileNotFoundError:
                os.makedirs(os.path.dirname(output), exist_ok=True)
                os.link(source, output)
            except FileExistsError:
                if os.path.samefile(source, output):
                    return None  # already this file (a link from the last build, or written in site_dir)
                os.unlink(output)
                os.link(source, output)
        except OSError:
            super().copy_file(dirty)
        return None


class ConvAudioPlugin(BasePlugin[ConvAudioConfig]):  # type: ignore[no-untyped-call]
    """Turns conversations in pages marked `audio: true` into MP3s and players."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.session: AudioSession | None = None
        self.added: set[str] = set()
        self.timings = TimingsTable()
        self.uris: dict[str, dict[str, str]] = {}
        self.pages: dict[str, Page] = {}  # audio URI → the first page that placed it (its title tags the MP3)
        self.files: Files | None = None  # the build's files, as the pages' links are resolved against them
        self.site_feeds = SiteFeeds(log.warning, log.info)
        self.languages: dict[str, str] = {}  # audio page → its language
        self.player_memo = PlayerMemo(None)
        self.digests: dict[str, str] = {}  # a digest of each conversation's timings, by token
        self.durations: dict[str, float] = {}  # each conversation's duration in seconds, by token
        #: each conversation's player by token (pages' Markdown holds markers instead), with its line times once
        #: they are known
        self.players = Players(self.player_memo, self.timings, self.digests)
        #: each audio page's conversations; the players finished in `on_page_content` (token and timings), by
        #: page; and those of them whose timings `render` changed
        self.page_items: dict[str, list[Placed]] = {}
        #: the audio page written to each output path (by the path in lower case, as a case-insensitive file system
        #: compares them: letter by letter, so not `casefold`, which makes `Straße` and `strasse` one), that path, and
        #: whether it is a blog post: a second one there overwrites it; and so the audio files each MP3's name
        #: (`_written_twice`)
        self.page_outputs: dict[str, tuple[str, str, bool]] = {}
        self.audio_outputs: dict[str, tuple[str, str]] = {}
        #: the audio pages of the last build (by source path), asked under `--dirty` whether MkDocs skips one that
        #: a page built is written over; and the pages written to one output path with another in this build
        self.audio_pages: dict[str, File] = {}
        self.overwritten: set[str] = set()
        #: each audio page's `Translations.neighbours` when the last build built it, and when this build did
        self.neighbours_before: dict[str, list[str]] = {}
        self.neighbours: dict[str, list[str] | None] = {}
        #: every page of this build (its `files`, included or not) and its docs folder: what the `--dirty` records
        #: of pages no longer in the site are told by (`_still_elsewhere`)
        self.site_pages: set[str] = set()
        self.docs_dir = Path()
        #: with mkdocs-static-i18n, the audio pages this language's build shows from another language (it has no
        #: translation of them), and that language
        self.fallbacks: dict[str, str] = {}
        #: the pages a `--dirty` build does not read again (unchanged)
        self.skipped_pages: set[str] = set()
        self.filled: dict[str, list[Filled]] = {}
        #: each audio page's Markdown as MkDocs gave it, and its front matter's length (see `_left_as_code`)
        self.page_sources: dict[str, tuple[str, int]] = {}
        #: the transcripts' links to an anchor of a file, checked once every page is rendered (`on_env`), as MkDocs
        #: checks the page's own, and told with the turn's file and line
        self.link_anchors: list[AnchorLink] = []
        #: the links to a missing anchor told in this run, by where they are written (`missing_anchors`): a
        #: dialogue file every language's page shows was told in each language's build of mkdocs-static-i18n
        self.told_anchors: set[tuple[str, int, str]] = set()
        self.refill: dict[str, list[Filled]] = {}
        self.site_name = ""
        self.site_dir, self.use_directory_urls = "", False
        self.site_prefix = ""
        self.file_uris: set[str] = set()
        self.site_language: str | None = None
        self.page_paths: dict[str, str | None] = {}  # each audio page's source file
        self.player_title, self.captions = "", True
        self.inline_captions = False  # the captions as `data:` URLs in the pages (`opened_from_disk`)
        self.math: MathMarkup | None = None  # how the site's arithmatex writes formulas, if it has it
        self.plugin_name = "convaudio"
        self.configured_docs_dir: str | None = None  # see `_on_config_first`
        self.feed_options_checked = False  # `podcast.image` and `category` are said once a run
        #: characters sent to a paid engine by this run's builds: `max_characters` covers the run (every language of
        #: mkdocs-static-i18n, which builds them in turn with this plugin; `mkdocs serve` loads a new one per rebuild)
        self.characters_sent = 0
        #: Set by `mkdocs-convaudio estimate`: plan every page as a build would, synthesize and write nothing.
        self.dry_run = False
        self.dry_run_sessions: list[AudioSession] = []  # one per build (mkdocs-static-i18n runs several)
        #: the problems of this run's language builds (mkdocs-static-i18n): said together once the last one is done
        #: (see `_defer_problems`)
        self.language_problems: list[ConvaudioError] = []
        #: the audio URIs this run's builds placed (every language's, with mkdocs-static-i18n), and the last of its
        #: sessions that rendered: pages gone since are cleaned up at the end of a successful run (`on_post_build`)
        self.run_placed: set[str] = set()
        self.run_session: AudioSession | None = None
        #: each language build's MP3 artist and album in this run, by its language
        self.run_tag_names: dict[str, tuple[str, str]] = {}
        #: The build's clock and sleep (real ones unless a test injects fakes): retries wait through `sleep`.
        self.sleep: Callable[[float], None] | None = None
        self.clock: Callable[[], float] | None = None

    # below Material's group plugin's `on_config` (150), which loads the plugins of its group while MkDocs runs the
    # event and files their methods in among the rest: one filed before the group's own made MkDocs run the group's
    # again, and again (a build that never ended)
    @event_priority(149)
    def _on_config_first(self, config: MkDocsConfig) -> None:
        # before a plugin moves the docs folder (mkdocs-monorepo-plugin merges docs folders into a new temporary
        # one for each build, at priority 0): the site's memo files are named after the folder its config file
        # gives. Once per config: mkdocs-static-i18n builds its other languages again with the config the first one
        # changed
        if any(
            isinstance(other, ConvAudioPlugin) and other is not self
            for other in (getattr(method, "__self__", None) for method in config.plugins.events["config"])
        ):
            # Material's group plugin loads its plugins again in each `on_config`, and mkdocs-static-i18n runs
            # `on_config` again for each further language: the new convaudio's events, filed in among those MkDocs
            # was running, made it run mkdocs-static-i18n's `on_post_build` again, building every language again,
            # for ever (review r-plugins)
            raise PluginError(
                f"{config.config_file_path}: the convaudio plugin was loaded a second time in this build (a plugin "
                "listed twice, or listed under Material's group plugin with mkdocs-static-i18n, which loads it again "
                "for each language); list it once under `plugins:` itself, and turn it on and off with its own option "
                "(`- convaudio: {enabled: !ENV [CI, false]}`)"
            )
        if self.configured_docs_dir is None:
            self.configured_docs_dir = config.docs_dir

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.session is not None:  # a rebuild under `mkdocs serve`: the last build's engine is done
            self.session.close(save=not self.dry_run)
            self.session = None
        if not inner_build(config.plugins):  # a run starts (mkdocs-static-i18n's first language, or the only one)
            self.language_problems = []
            self.run_placed, self.run_session = set(), None
            self.run_tag_names = {}
        if not self.config.enabled:
            return config
        try:
            self.session = AudioSession(
                session_options(self.config, config, self.configured_docs_dir),
                warn=log.warning,
                info=log.info,
                sleep=self.sleep,
                clock=self.clock,
                shared_answers=SHARED_STORES_ANSWERED,
            )
        except ConvaudioError as error:
            problems = each_problem(error)
            if all(isinstance(problem, OptionError) for problem in problems):
                # a site's bed or jingle that cannot be decoded, at its option's line as a missing one is (it was
                # said without the config file: show bug bash), and an engine's option (`espeak: {rate: 1}`, saved
                # under `mkdocs serve` while typing 180: serve bug bash)
                error = located_options(problems, config.config_file_path, list(self.config))
            raise PluginError(str(error)) from None
        if not inner_build(config.plugins) and config.config_file_path:
            self._warn_lost_inherited_options(config.config_file_path)
        voice_map = self.session.voice_map
        if (server := SERVED_VOICE_MAPS.get(str(voice_map.path))) is not None:
            voice_map.writing = partial(_unwatched, server, str(voice_map.path))
        if self.config.podcast.enabled and not config.site_url:
            # at the line of `podcast:` in the config file, as the options' other problems are (it began "convaudio:"),
            # and in the file `-f` gave (it said "mkdocs.yml" whatever the file)
            config_name = Path(config.config_file_path or "mkdocs.yml").name
            missing = ConvaudioError(
                f"podcast.enabled needs `site_url` in {config_name}, because a feed's links must be absolute; add e.g. "
                "`site_url: https://example.org/blog/`, or turn the feed off"
            )
            raise PluginError(str(located_options([missing], config.config_file_path, ["podcast"]))) from None
        if self.config.podcast.enabled:
            try:
                check_feed_path(self.config.podcast.path)
            except ConvaudioError as error:
                raise PluginError(str(error)) from None
        # imagesize too: it measures the posts' covers once the audio is made, a traceback then (review r-me42)
        if self.config.podcast.enabled and (
            lacking := [name for name in PODCAST_PACKAGES if importlib.util.find_spec(name) is None]
        ):
            # at the line of `podcast:`, as the problems above are (it began "convaudio:")
            packages = f"the {' and '.join(lacking)} package{'s' * (len(lacking) > 1)}"
            uninstalled = ConvaudioError(f"podcast.enabled needs {packages}: pip install 'mkdocs-convaudio[podcast]'")
            raise PluginError(str(located_options([uninstalled], config.config_file_path, ["podcast"]))) from None
        self.added = set()
        # read once per build: the page events run hundreds of times
        self.plugin_name = config.plugins._current_plugin or "convaudio"  # what `File.generated` records
        self.player_title = self.config.player_title
        # the transcript's formulas written as the page's are, for the site's MathJax or KaTeX
        self.math = site_math(config.markdown_extensions, config.mdx_configs)
        # the titles of a page's conversations from its headings as the page shows them (`The E=mc^2 bit 🚀`)
        self.session.heading_text = heading_reader(config.markdown_extensions, config.mdx_configs, heading_words)
        self.captions = self.config.captions
        self.inline_captions = self.captions and opened_from_disk(config)
        self.pages = {}
        podcast = self.config.podcast if self.config.podcast.enabled else None
        self.site_feeds.new_build(podcast, self.captions, self.config.language_aliases)
        self.languages = {}
        self.page_items = {}
        self.page_outputs = {}
        self.audio_outputs = {}
        self.audio_pages, self.overwritten = {}, set()
        self.neighbours_before, self.neighbours = {}, {}
        self.site_pages = set()
        self.fallbacks = {}
        self.skipped_pages = set()
        self.page_sources = {}
        self.link_anchors = []
        self.page_paths = {}
        self.filled = {}
        self.refill = {}
        self.player_memo = PlayerMemo(self.session.cache.memo("players", player_code_version()))
        self.players = Players(self.player_memo, self.timings, self.digests)
        for name in ASSET_NAMES:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            uri = f"{self.session.options.audio_dir}/{name}"
            list_versioned(target, uri, name, urlsplit(str(config.site_url or "")).path or "/")
        return config

    on_config = CombinedEvent(_on_config_first, _on_config)

    @staticmethod
    def _warn_lost_inherited_options(config_file: str) -> None:
        """Options of the plugin written in a file the config inherits that MkDocs' merge dropped: a list-form
        `mkdocs.prod.yml` built with the cloud voices and no `max_characters`, and said nothing (bug bash h-ci)."""
        from .inherited_options import lost_options

        if (lost := lost_options(config_file)) is None:
            return
        child, line, parent, names = lost
        where = f"{_shown_path(child)}:{line}" if line is not None else _shown_path(child)
        options = ", ".join(f"`{name}`" for name in names)
        several = len(names) > 1
        log.warning(
            f"{where}: the convaudio option{'s' * several} {options} written in {_shown_path(parent)} (INHERIT) "
            f"{'are' if several else 'is'} not used: MkDocs "
            "merges an inherited `plugins` only when both files write it as a mapping, and a list (`- convaudio:`) "
            "replaces the other file's whole. Write `plugins` as a mapping in both files (`convaudio:` with no `- `, "
            "`blog: {}` for a plugin without options: docs/engines.md, Cost control), or repeat the options here"
        )

    def _on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.session is None:
            return files
        # read once per build, here: after every plugin's `on_config` (mkdocs-static-i18n sets each language
        # build's own there), and before the page events, which run hundreds of times
        self.site_language = theme_language(config.theme)
        # a translation's original is the default language's page, in every language's build
        self.session.original_language = build.default if (build := language_build(config.plugins)) else None
        # the languages the site is configured in: `talk-ca.md` beside `talk.md` is Catalan on a Catalan site, or
        # on one whose theme's language selector (Material's `extra.alternate`) offers Catalan
        alternate = config.extra.get("alternate") if hasattr(config.extra, "get") else None
        offered = [
            item.get("lang") for item in (alternate if isinstance(alternate, list) else ()) if isinstance(item, dict)
        ]
        configured = [self.site_language, *(build.links if build else ()), *offered]
        self.session.set_pages([file.src_uri for file in files.documentation_pages()], configured)
        # mkdocs-static-i18n sets a language's own `site_name` there too: the MP3s' artist and album and the
        # feed's title follow it, unless set in the plugin's options
        self.site_name = config.site_name
        self.session.options.artist, self.session.options.album = tag_names(self.config, config.site_name)
        if build is not None:
            self.run_tag_names[build.language] = (
                self.session.options.artist,
                self.session.options.album,
            )
        self.site_dir, self.use_directory_urls = config.site_dir, config.use_directory_urls
        self.site_prefix = os.path.join(config.site_dir, "")  # each audio file's destination is this + its URI
        site_url = str(config.site_url or "")
        site = Site(
            name=config.site_name,
            url=site_url if site_url.endswith("/") else site_url + "/",
            folder=Path(config.site_dir),
            description=config.site_description,
            author=config.site_author,
        )
        # the site's own files (a `--dirty` build keeps them in the site, see `_withdraw_from_site`)
        self.file_uris = {file.dest_uri for file in files}
        self.site_feeds.start(language_build(config.plugins), site, self.file_uris)
        for name in ASSET_NAMES:
            # copied: a post-processing plugin (a minifier) may rewrite the site's scripts in place
            self._add(files, config, f"{self.session.options.audio_dir}/{name}", ASSETS / name, link=False)
        return files

    @event_priority(-200)  # after mkdocs-static-i18n's `on_files` (-100), which makes each language's pages anew
    def _on_files_last(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.session is not None:
            # every page, included or not yet: Material's blog plugin has its posts excluded at this point and
            # includes them later (bug bash 102: an edited dialogue file of a post was not rebuilt)
            pages = files.documentation_pages(inclusion=lambda _: True)
            self._stale_with_side_files(pages, Path(config.docs_dir))
        return files

    on_files = CombinedEvent(_on_files, _on_files_last)

    def _stale_with_side_files(self, pages: Sequence[File], docs_dir: Path) -> None:
        """An audio page counts as modified for `--dirty` builds (`mkdocs serve --dirty`) when a file its audio
        comes from changed after its last build: a dialogue file it links, the voice map, the lexicon, the show's
        sounds. MkDocs rebuilt only pages whose own file changed, so an edited dialogue file kept its old transcript
        and MP3 (bug bash 95). The check runs only when MkDocs asks (dirty builds), once a build: MkDocs asks before
        reading a page and again before writing it, and the voice map this build saves in between would have a
        page it never read written empty (review 101)."""
        assert self.session is not None
        self.site_pages, self.docs_dir = {page.src_uri for page in pages}, docs_dir
        memo = self.session.cache.memo(SIDE_FILES, "1")
        shows = memo.get(SHOWS)
        recorded = memo.get(OPTIONS)
        changed = isinstance(recorded, str) and recorded != self._options_digest()
        overwritten = memo.get(OVERWRITTEN)
        neighbours = memo.get(NEIGHBOURS)
        if isinstance(neighbours, dict):
            self.neighbours_before = {str(page): list(map(str, near)) for page, near in neighbours.items()}
        rebuilt = set(map(str, overwritten)) if isinstance(overwritten, list) else set()
        edited = self.session.voice_map.edited()  # not this plugin's own saves (the voices they add are new)
        shared: tuple[Path | float, ...] = (
            *([edited] if edited is not None else []),
            *([Path(self.session.lexicon.path)] if self.session.lexicon.path else []),
            *(Path(str(path)) for path in (shows if isinstance(shows, list) else [])),
        )
        for page in pages:
            linked, unopened = recorded_side_files(memo.get(page.src_uri))
            if linked is not None:
                own = tuple(docs_dir / path for path in linked)
                missing = tuple(docs_dir / path for path in unopened)
                stale = partial(self._stale, page, shared, own, missing, changed or page.src_uri in rebuilt)
                with contextlib.suppress(AttributeError):  # another plugin's file class without a `__dict__`
                    page.is_modified = AskedOnce(stale)  # type: ignore[method-assign]
                    self.audio_pages[page.src_uri] = page

    def _options_digest(self) -> str:
        """A digest of the plugin's options as mkdocs.yml gives them, but those that change no page nor audio
        (credentials, the budget, retries, the cache's place: a rotated key rebuilt every page; review 115)."""
        options = {name: value for name, value in self.config.items() if name not in PAGE_NEUTRAL_OPTIONS}
        for name in engine_names():
            if isinstance(options.get(name), Mapping):
                engine = options[name]
                options[name] = {key: engine[key] for key in engine if key not in ("api_key_env", "timeout")}
        text = json.dumps(options, default=str, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _stale(
        self,
        page: File,
        shared: tuple[Path | float, ...],
        own: tuple[Path, ...],
        unopened: tuple[Path, ...],
        changed: bool = False,
    ) -> bool:
        """`_stale` (or the plugin's options `changed`), noting the pages MkDocs will skip: their feed episodes are
        the ones remembered."""
        if stale := changed or self._translated_otherwise(page.src_uri) or _stale(page, shared, own, unopened):
            self.site_feeds.rebuilt(page.src_uri)
        else:
            self.site_feeds.skipped(page.src_uri, getattr(page, "locale", None), page.abs_src_path)
            self.skipped_pages.add(page.src_uri)
        return stale

    def _add(self, files: Files, config: MkDocsConfig, uri: str, source: Path | str, *, link: bool = True) -> File:
        existing = files.src_uris.get(uri)  # our URIs are POSIX paths already (no PurePath needed)
        if existing is not None and uri in self.added:
            return existing
        if existing is not None:
            files.remove(existing)
        file: File
        if link:
            file = LinkedFile.made(
                uri, str(source), self.site_dir, self.use_directory_urls, self.plugin_name, self.site_prefix
            )
        else:
            file = File.generated(config, uri, abs_src_path=str(source))
        files.append(file)
        self.added.add(uri)
        return file

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.session is None:
            return markdown
        if replaced_by_its_title(page, config.plugins):  # a copy of a blog index, its audio the first page's
            return markdown
        wanted, nearly = self.session.wants_audio(page.meta)
        if nearly:
            log.warning(f"{trigger_line(page, self.config.trigger_key)}: {nearly}")
        if not wanted:
            if not page.meta and markdown.startswith("---"):  # MkDocs read no front matter: it says nothing
                self._unread_front_matter(markdown, page)
            self._forget_side_files(page)
            return markdown
        session, file = self.session, page.file
        source_path = file.abs_src_path
        line_offset = session.front_matter_lines(source_path) if source_path else front_matter_lines(markdown)
        language = session.language_of(file.src_uri, page.meta, getattr(file, "locale", None), self.site_language)
        try:
            placed, warnings = session.page(
                file.src_uri,
                markdown,
                page.meta,
                line_offset=line_offset,
                language=language,
                language_free_src=getattr(file, "norm_src_uri", None),
                source_file=source_path,
            )
        except ConvaudioError as error:  # problems of a page are collected; this is one that stops at once
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.warning(warning)
        if not placed:
            if not warnings and not session.conversations_on_page:  # not one with an error either
                log.warning(no_conversation(trigger_line(page, self.config.trigger_key), session.other_data_on_page))
            # the files it links, broken or missing: the next `--dirty` build builds it again once they change
            # (bug bash 116: forgotten here, a fixed dialogue file never brought the player back)
            session.cache.memo(SIDE_FILES, "1").put(
                file.src_uri, side_files_record(session.linked_on_page, session.unopened_on_page)
            )
            return markdown
        self.languages[file.src_uri] = language
        self.page_items[file.src_uri] = placed
        self.neighbours[file.src_uri] = session.translations.neighbours(file.src_uri)
        self._written_twice(page, placed)
        locale = getattr(file, "locale", None)
        # a page without a locale is every build's own (`own_page`): mkdocs-static-i18n is not looked for
        if locale is not None and (build := language_build(config.plugins)) is not None and not build.own_page(locale):
            self.fallbacks[file.src_uri] = str(locale)
            # its MP3 is its own language's build's, tagged there: tagged again here with this build's site name,
            # it no longer had the length that language's feed gave it (show bug bash)
            for item in placed:
                item.tag_names = next(
                    (names for language, names in self.run_tag_names.items() if same_language(language, str(locale))),
                    None,
                )
        # what the next `--dirty` build checks before skipping this page (`_stale_with_side_files`)
        # every file it links, read or not: one saved half-typed is watched until it is mended (review 117)
        linked = sorted({*(item.dialogue_file for item in placed if item.dialogue_file), *session.linked_on_page})
        session.cache.memo(SIDE_FILES, "1").put(file.src_uri, side_files_record(linked, session.unopened_on_page))
        self.page_sources[file.src_uri] = (markdown, line_offset)
        self.page_paths[file.src_uri] = file.abs_src_path  # its feed record's stamp
        for item in placed:
            if (first := self.pages.setdefault(item.audio_uri, page)) is not page:
                self._told_apart_as_on(first, item)
            for uri in self._uris_of(item):
                self._add(files, config, uri, session.published_file(uri))
        for item in placed:
            links = self._transcript_links(item, page, files, config, markdown)
            self.player_memo.want(
                lambda item=item: item.found.conversation,  # type: ignore[misc]
                item.token,
                player_title(self.player_title, item.language),
                language=item.language,
                captions_label=track_label(item.language) if self.captions else None,
                video=item.video_uri is not None,
                math=self.math,
                source_key=item.source_key,
                inline_captions=self.inline_captions,
                links=links,
            )
        blocks = [(item.span, player_marker(item.token)) for item in placed]
        return rewrite(markdown, blocks, top=self.config.player_position == "top")

    def _transcript_links(
        self, item: Placed, page: Page, files: Files, config: MkDocsConfig, markdown: str
    ) -> dict[str, str]:
        """The links of a conversation's lines to the site's files (`other.md`, `../guide/setup.md#install`,
        `paper.pdf`), resolved as MkDocs resolves the page's own (relative to the page's file; those to a missing
        file told at the level its `validation.links` gives them, naming the line, and left as written): each
        target as written → the file's URL from the site's root. The transcript was written after MkDocs' Markdown,
        so its `href="other.md"` stayed a broken link on the site (review: links in a conversation's lines).

        Which links a conversation has is remembered by its `source_key`: a warm build reads no conversation. A
        conversation written in the page (it has a `source_key` only then: a page that may link a dialogue file has
        none) whose Markdown has no `](` (nor a JSON `\\u` escape, which could write one) has no link: nothing is
        looked up or remembered, most pages of most sites."""
        assert self.session is not None
        if item.source_key is not None and "](" not in markdown and "\\u" not in markdown:
            return {}
        memo = self.session.cache.memo("transcript-links", player_code_version())
        written = memo.get(item.source_key) if item.source_key is not None else None
        if not isinstance(written, list) or not all(isinstance(link, list) and len(link) == 3 for link in written):
            # none, or not as this code writes it (a damaged file): worked out again, as a memo only saves work
            written = [list(link) for link in conversation_links(item.found.conversation)]
            if item.source_key is not None:
                memo.put(item.source_key, written)
        links: dict[str, str] = {}
        # a dialogue file's links are written from its own folder, as a Markdown file's there would be: read from
        # each page's, they went astray (or were missing) on the pages of other folders that link it
        dialogue = item.dialogue_file
        for href, source, line in written:
            if (anchor := own_anchor(str(href))) is not None or str(href).startswith("#"):
                # to the page showing it, kept as written: its anchor checked as MkDocs checks the page's own
                # `[x](#setup)` (it was never checked; a dialogue file's, against each page showing it)
                if anchor is not None:
                    self.link_anchors.append(AnchorLink(page.file, anchor, str(href), str(source), int(line), own=True))
                continue
            resolved = resolve_link(str(href), page.file, files, config, written_in=dialogue)
            if resolved.problem and resolved.level > 0:
                hint = (
                    written_from_the_page(str(href), page.file, files, config, dialogue)
                    if dialogue is not None and resolved.url is None
                    else ""
                )
                log.log(resolved.level, f"{source}:{line}: this line contains {resolved.problem}{hint}")
            if resolved.url is not None:
                links[str(href)] = resolved.url
            if resolved.file is not None and (anchor := urlsplit(str(href)).fragment):
                self.link_anchors.append(AnchorLink(resolved.file, anchor, str(href), str(source), int(line)))
        return links

    def _told_apart_as_on(self, first: Page, item: Placed) -> None:
        """A dialogue file an earlier page of the build links too: its MP3 takes that page's title (`on_env`), so
        it is told apart as it is on that page (its heading there, or its number), not as on the last page built:
        `Page B — Questions` mixed one page's title with another's heading, and a page's second conversation had
        its first's title."""
        earlier = self.page_items.get(first.file.src_uri, ())
        if (there := next((other for other in earlier if other.audio_uri == item.audio_uri), None)) is not None:
            item.number, item.label = there.number, there.label

    def _written_twice(self, page: Page, placed: list[Placed]) -> None:
        """Two audio pages written to one output path (the Material blog plugin names a post's page after its title
        and date, so translations titled alike, `Bayes` in English, French and German, share one): only the last
        is on the site, and the others' players with it; MkDocs said nothing (bug bash: 9 posts made 3 pages).
        `slug:` is the fix only when one of them is a blog post: `a.md` and `a/index.md` (with directory URLs)
        are plain pages, where the front matter key does nothing (review of the warning). Paths that differ only
        in case (`posts/Hello.md` and `posts/hello.md`) are one path on a case-insensitive file system (a macOS or
        Windows checkout, many hosts): so are their pages' and their MP3s' names."""
        file = page.file
        post = is_blog_post(page)
        first, first_dest, first_post = self.page_outputs.setdefault(
            file.dest_uri.lower(), (file.src_uri, file.dest_uri, post)
        )
        if first != file.src_uri:
            self._say_written_twice((file.src_uri, file.dest_uri, post), (first, first_dest, first_post))
            return  # their MP3s' names come from the same files: said once
        for item in placed:
            source = item.dialogue_file or file.src_uri
            other_uri, other = self.audio_outputs.setdefault(item.audio_uri.lower(), (item.audio_uri, source))
            if other_uri != item.audio_uri:
                log.warning(
                    f"{source}: its audio {item.audio_uri} and {other_uri} (of {other}) differ only in case, so on a "
                    "case-insensitive file system (macOS, Windows, many hosts) one overwrites the other; rename one "
                    "of the two files (not only in case)"
                )

    def _translated_otherwise(self, src_uri: str) -> bool:
        """Whether a page added or gone since the page was built changes whether it is a translation, or of what
        (`posts/talk.md` added beside `posts/fr/talk.md`, an English post until then); a page built before these
        were recorded is not asked."""
        assert self.session is not None
        before = self.neighbours_before.get(src_uri)
        return before is not None and before != self.session.translations.neighbours(src_uri)

    def _neighbours_now(self, before: object) -> dict[str, list[str]]:
        """`NEIGHBOURS` for the next `--dirty` build: those of the pages this build built, and those recorded
        before of the audio pages it skipped and of another language's pages (mkdocs-static-i18n); none of a page
        gone from the site (a blog's deleted and renamed posts were kept for good) or no longer an audio page."""
        own = self.audio_pages.keys() | self.page_items.keys()
        kept = (
            {str(page): near for page, near in before.items() if str(page) in own or self._still_elsewhere(str(page))}
            if isinstance(before, dict)
            else {}
        )
        kept.update(self.neighbours)
        return {page: near for page, near in kept.items() if near is not None}

    def _overwritten_now(self, before: object) -> list[str]:
        """The pages written to one path with another, for the next `--dirty` build: this build's, and those another
        build recorded of pages this one does not have (mkdocs-static-i18n's other languages share the memo), but
        not of a page gone from the site."""
        kept = {str(page) for page in before if self._still_elsewhere(str(page))} if isinstance(before, list) else set()
        return sorted(kept | self.overwritten)

    def _still_elsewhere(self, src_uri: str) -> bool:
        """Whether a page this build does not have is still in the site: another language's page of
        mkdocs-static-i18n, whose build shares the memo (its source file is there), not a deleted or renamed one."""
        return src_uri not in self.site_pages and (self.docs_dir / src_uri).is_file()

    def _say_written_twice(self, page: tuple[str, str, bool], first: tuple[str, str, bool]) -> None:
        """The warning of `_written_twice`, for two pages (source path, output path, whether it is a blog post);
        both are built again by the next `--dirty` build."""
        (src_uri, dest_uri, post), (first_src, first_dest, first_post) = page, first
        self.overwritten.update((first_src, src_uri))
        fix = (
            "give one of them its own `slug:` in its front matter"
            if post or first_post
            else "rename or move one of the two files"
        )
        if first_dest == dest_uri:
            log.warning(
                f"{src_uri}: this page and {first_src} are both written to {dest_uri}, so only one of them and its "
                f"audio player is on the site; {fix}"
            )
        else:
            log.warning(
                f"{src_uri}: this page and {first_src} are written to {dest_uri} and {first_dest}, which differ only "
                f"in case, so on a case-insensitive file system (macOS, Windows, many hosts) one overwrites the other "
                f"and its audio player; {fix} (not only in case)"
            )

    def _written_over_skipped(self) -> None:
        """Under `--dirty`, the audio pages MkDocs skipped (unchanged) that a page it built is written over: they are
        on the site at that path too, and `_written_twice` saw only the pages built (`a/index.md` added where `a.md`,
        not built again, is written was not said to overwrite it). MkDocs asks a page whether it changed only in
        `--dirty` builds, before reading it: in other builds no page is skipped."""
        for src_uri, skipped in self.audio_pages.items():
            asked = skipped.is_modified
            if not isinstance(asked, AskedOnce) or asked.answer is not False:
                continue
            built = self.page_outputs.get(skipped.dest_uri.lower())
            if built is not None and built[0] != src_uri:
                self._say_written_twice(built, (src_uri, skipped.dest_uri, False))

    def _forget_side_files(self, page: Page) -> None:
        """A page with no audio (any more) is not rebuilt for the files audio comes from."""
        assert self.session is not None
        memo = self.session.cache.memo(SIDE_FILES, "1")
        if memo.peek(page.file.src_uri) is not None:
            memo.put(page.file.src_uri, None)

    def _unread_front_matter(self, markdown: str, page: Page) -> None:
        key = self.config.trigger_key
        if (unread := unread_front_matter(markdown, key, self.config.trigger_value)) is not None:
            line, problem = unread
            log.warning(
                f"{page.file.src_uri}:{line}: this page's front matter is not valid YAML ({problem}), so MkDocs "
                f"read none of it and the page gets no audio although it sets `{key}:`; quote a value holding a "
                'colon (`title: "Talk: the sequel"`) or fix the value'
            )

    @event_priority(100)  # first: other plugins' `on_page_content` see the player, as the search index does
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.player_memo or self.session is None:
            return html
        filled: dict[str, str] = {}
        items = self.page_items.get(page.file.src_uri, ())
        if lost := [item for item in items if player_marker(item.token) not in html]:
            html = self._left_as_code(html, page, files, lost)  # takes them out of `items`
        for item in items:
            # a conversation published before from the same cache key gets a finished player now, with the
            # timings it had then: the page's final HTML needs no placeholder filled (a search finds none);
            # `on_env` checks that `render` gave the same timings
            expected = self.session.expected_timings(item)
            if expected is not None:
                timings, digest = expected
                uris = self._early_uris(self.session.item_uris(item))
                filled[item.token] = self.player_memo.finished(item.token, page.url, uris, timings, digest)
                self.filled.setdefault(page.file.src_uri, []).append((item.token, timings, digest, uris))
        return insert_players(insert_players(html, filled) if filled else html, self.players)

    @event_priority(-100)  # after MkDocs' own search plugin's (0), which indexed the players' controls too
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.file.src_uri in self.page_items and (index := own_search_index(config.plugins)) is not None:
            index_without_controls(index, page)
        return context

    def _left_as_code(self, output: str, page: Page, files: Files, lost: list[Placed]) -> str:
        """Conversations whose player marker Markdown did not keep as a comment: it read them as code (a fence
        indented by 4 spaces at the top level) or as text (a block of an extension the site lacks, `=== "Tab"`
        without pymdownx.tabbed). The page showed the marker and the audio was made for nothing (bug bash 77):
        now the block is shown as written, the conversation gets no audio, and the build says where and why."""
        src = page.file.src_uri
        markdown, offset = self.page_sources.get(src, ("", 0))
        lines = markdown.split("\n")
        for item in lost:
            span = item.span
            shown = escape(player_marker(item.token), quote=False)
            if span.replace and shown in output:
                anchor = lines[span.start] if span.start < len(lines) else ""
                indent = anchor[: len(anchor) - len(anchor.lstrip(" \t"))]
                block = "\n".join(
                    line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")
                    for line in lines[span.start : span.end + 1]
                )
                output = output.replace(shown, escape(block, quote=False), 1)
            log.warning(
                f"{src}:{offset + span.start + 1}: Markdown or one of its extensions did not keep this "
                "conversation's place in the page's HTML, so it gets no player and no audio; most often a fence "
                "indented by 4 spaces or more outside a list item or admonition (code to Markdown: remove the "
                'indentation) or a block of an extension the site does not enable (`=== "Tab"` needs '
                "pymdownx.tabbed, `???` pymdownx.details)"
            )
            self._unplace(item, page, files)
        return output

    def _unplace(self, item: Placed, page: Page, files: Files) -> None:
        """A conversation of `page` taken out of this build: not rendered, published or fed (unless another page
        places the same audio, a dialogue file both link)."""
        src = page.file.src_uri
        items = self.page_items.get(src, [])
        if item in items:
            items.remove(item)
        if not items:
            self.page_items.pop(src, None)
            self.languages.pop(src, None)
        if any(other.audio_uri == item.audio_uri for placed in self.page_items.values() for other in placed):
            return
        if self.session is not None:
            self.session.unplace(item)
        if self.pages.get(item.audio_uri) is page:
            del self.pages[item.audio_uri]
        for uri in self._uris_of(item):
            if uri in self.added and (file := files.src_uris.get(uri)) is not None:
                files.remove(file)
                self.added.discard(uri)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self.files = files  # after every plugin's `on_files`: mkdocs-static-i18n's, one language's files
        if self.session is None:
            return env
        for line in self.session.pairing_report():
            log.info(f"translations: {line}")
        self._written_over_skipped()
        # every page is rendered: their anchors are known (MkDocs checks the pages' own links after writing them)
        level = anchors_level(config)
        if not inner_build(config.plugins):  # mkdocs-static-i18n's other languages: told once for them all
            self.told_anchors = set()
        for problem in missing_anchors(self.link_anchors, self.told_anchors):
            log.log(level, problem)
        self.link_anchors = []
        # mkdocs-static-i18n's fallback, a feature: an info line, so a missing translation is seen (bug bash: the
        # Spanish site played the English MP3 without a word), when it is new
        if (build := language_build(config.plugins)) is not None and (
            fallback := self.session.fallback_report(build.language, self.fallbacks, self.skipped_pages)
        ):
            log.info(f"translations: {fallback}")
        if self._defer_problems(config, files):
            return env
        if self.dry_run:
            try:
                self.session.check()
            except ConvaudioError as error:
                raise PluginError(str(error)) from None
            # nothing is rendered, so there is nothing to copy: drop the audio files from this build
            self.dry_run_sessions.append(self.session)
            for item in self.session.placed.values():
                for uri in self._uris_of(item):
                    if (file := files.get_file_from_path(uri)) is not None:
                        files.remove(file)
            return env
        for item in self.session.placed.values():
            if (page := self.pages.get(item.audio_uri)) is not None and page.title:
                item.title = str(page.title)
        if self.config.podcast.enabled:
            placed = self.session.placed.values()
            try:
                self.site_feeds.plan(placed, self._feed_pages(), self._feed_memo())
            except ConvaudioError as error:
                raise PluginError(str(error)) from None
            if placed and not self.feed_options_checked:
                # said before any audio is made (a strict build then stops before paying: review 117), when the
                # build has episodes (review 118), and once a run (mkdocs-static-i18n builds each language)
                self.feed_options_checked = True
                where = _shown_path(config.config_file_path or "mkdocs.yml")
                for problem in directory_problems(self.config.podcast.image, self.config.podcast.category):
                    log.warning(f"{where}: {problem}")
        self.session.spent_before = self.characters_sent
        self.session.failing_warnings = partial(strict_warnings, config)  # counted when lines are about to be sent
        try:
            stats = self.session.render()
            self.run_placed.update(self.session.placed)
            self.run_session = self.session
            # the show's sounds and the options of this build, for the next `--dirty` build
            # (`_stale_with_side_files`); once its audio is made: a build that failed in between made none of it
            # the new way (review 115: the next --dirty build took the new options for old)
            side_files = self.session.cache.memo(SIDE_FILES, "1")
            side_files.put(SHOWS, sorted(str(path) for path in self.session.watched_files()))
            side_files.put(OPTIONS, self._options_digest())
            side_files.put(OVERWRITTEN, self._overwritten_now(side_files.get(OVERWRITTEN)))
            side_files.put(NEIGHBOURS, self._neighbours_now(side_files.get(NEIGHBOURS)))
            self.characters_sent += stats.characters
            self.timings.merge(self.session.timings())
            self.digests.update(self.session.timings_digests())
            self.durations.update(self.session.durations())
            uris = self.session.uris()
            if self.inline_captions:
                # the captions files `render` published from the timings it gave (each checked by its stamps or
                # written again): read, not worked out again from the timings each build (0.1 s for 200 lines)
                for item in self.session.placed.values():
                    if "vtt" in (kinds := uris[item.token]):
                        captions = Path(self.session.published_file(item.captions_uri)).read_text(encoding="utf-8")
                        kinds["vtt"] = data_url(captions)
            self.uris.update(uris)
        except ConvaudioError as error:
            raise PluginError(str(error)) from None
        # players finished before `render` with timings it changed (it planned conversations again), or with files
        # it published otherwise (their versions: a new title in the MP3's tags): redone
        self.refill = {
            src: [
                (token, timings, digest, uris)
                for token, timings, digest, uris in used
                if self.digests.get(token) != digest or self._early_uris(self.uris.get(token, {})) != uris
            ]
            for src, used in self.filled.items()
        }
        self.refill = {src: used for src, used in self.refill.items() if used}
        # copied straight from the verified cache entries (a re-planned job may have another entry)
        for item in self.session.placed.values():
            for uri in (item.audio_uri, item.timings_uri):
                if (file := files.src_uris.get(uri)) is not None:
                    file.abs_src_path = self.session.published_file(uri)
        log.info(stats.summary() + self.session.fallback_note())
        return env

    def _defer_problems(self, config: MkDocsConfig, files: Files) -> bool:
        """With mkdocs-static-i18n, whether this language's build stops short of making audio, its problems kept
        for the end of the run: each language is a build of its own, run from the first one's `on_post_build`, and
        the first language's problems stopped the run before a later language's were found (one build must say
        every problem). Once one language has a problem the run fails: the languages after it make no audio
        either (nothing paid for a failing build), but have their pages planned, and their problems listed."""
        assert self.session is not None
        if language_build(config.plugins) is None:
            return False
        self.language_problems.extend(self.session.errors)
        if not self.language_problems:
            return False
        self.session.close(save=not self.dry_run)
        for item in self.session.placed.values():  # never made: not copied into the site
            for uri in self._uris_of(item):
                if (file := files.src_uris.get(uri)) is not None:
                    files.remove(file)
        self.session = None  # nothing of the audio step after this: no feed, no memo of what pages used
        return True

    @event_priority(-150)  # after mkdocs-static-i18n's (-100), which runs the other languages' builds
    def _on_post_build_last(self, *, config: MkDocsConfig) -> None:
        """The end of a run (the build, or mkdocs-static-i18n's builds of every language): the problems of every
        language, at once; or the published files of pages gone. Not for a run that fails (a problem in any
        language, another plugin's error, a `--strict` warning, which MkDocs counts and aborts on after this): a
        page missing for a moment (an editor's backup-by-rename) keeps its files."""
        if inner_build(config.plugins):
            return
        if self.language_problems:
            problems, self.language_problems = self.language_problems, []
            raise PluginError(str(build_problems(problems)))
        session, self.run_session = self.run_session, None
        if session is not None and not strict_warnings(config):
            session.remove_gone_after_run(self.run_placed)

    def on_build_error(self, *, error: Exception) -> None:
        self.run_session = None  # a failed run cleans nothing up (`_on_post_build_last`)
        if self.language_problems:  # another error stopped the run before they were said: said now
            problems, self.language_problems = self.language_problems, []
            log.error(str(build_problems(problems)))
        # the build stopped before `render` (a page's problem, another plugin's error...): release the engine; or
        # after it: a use record still being written is forgotten (the next build writes it)
        if self.session is not None:
            self.session.abandon_build()
            self.session.close(save=not self.dry_run)

    def _early_uris(self, uris: Mapping[str, str]) -> dict[str, str]:
        """A player's URIs as it is finished before the page's final HTML: without its captions' (and their
        version) when they go in the page (`inline_captions`): their `data:` URL holds the captions of the timings
        `render` gives."""
        inline = ("vtt", version_kind("vtt")) if self.inline_captions else ()
        return {kind: uri for kind, uri in uris.items() if kind not in inline}

    def _uris_of(self, item: Placed) -> list[str]:
        captions = [item.captions_uri] if self.captions else []
        chapters = [item.chapters_uri] if item.has_chapters else []
        video = [item.video_uri] if item.video_uri else []
        return [item.audio_uri, item.timings_uri, *captions, *chapters, *video]

    # before other plugins' (0): markers are HTML comments, which mkdocs-minify-plugin's `remove_comments` drops, and
    # minifiers and Material's privacy plugin (-50) should see the finished players (Material's social plugin: 50)
    @event_priority(50)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.uris:
            return output
        if redo := self.refill.get(page.file.src_uri):
            output = self._refill(output, page, redo)
        # players left as markers (an excerpt rendered from a post's Markdown: a blog index) are put in first
        output = fill_placeholders(output, page.url, self.uris, self.timings, self.players, durations=self.durations)
        link = self.site_feeds.head_link(self.languages.get(page.file.src_uri), page.url)
        if link is not None and "</head>" in output:
            output = output.replace("</head>", link + "</head>", 1)
        return output

    def _refill(self, output: str, page: Page, redo: list[Filled]) -> str:
        """A page's players finished in `on_page_content` with timings or file versions `render` then changed,
        finished again."""
        for token, timings, _, early in redo:
            player = self.player_memo.plain(token)
            # as `on_page_content` finished it (its duration is filled in afterwards, in the whole page)
            before = fill_placeholders(
                player, page.url, {token: early}, TimingsTable({token: timings}), keep_durations=True
            )
            uris = {token: self._early_uris(self.uris.get(token, {}))}
            after = fill_placeholders(player, page.url, uris, self.timings, keep_durations=True)
            if (redone := replace_player(output, before, after)) is not None:
                output = redone
            else:  # another plugin rewrote the player since: its times (or its files' versions) would be stale
                log.warning(
                    f"{page.file.src_uri}: the player's line times or audio files changed during this build and the "
                    "page's HTML was changed by another plugin meanwhile, so its player could not be updated; build "
                    "again"
                )
        return output

    def _on_post_build(self, *, config: MkDocsConfig) -> None:
        feeds: list[tuple[str, Channel]] = []
        if self.session is not None and not self.dry_run and self.config.podcast.enabled:
            # before the memos are saved: each page's episodes are remembered
            placed = self.session.placed.values()
            try:
                feeds = self.site_feeds.channels(
                    placed, self._feed_pages(), self.page_items, self.page_paths, self.timings, self._feed_memo()
                )
            except ConvaudioError as error:  # a feed path two languages share (review 114: it was a traceback)
                raise PluginError(str(error)) from None
        elif self.session is not None and not self.dry_run:
            # the feed turned off: a `--dirty` build leaves none of its files either, as a full build writes none
            self.site_feeds.remove_empty_feeds([], self.config.podcast.path)
        if self.session is not None and not self.dry_run:
            # what the pages used after the audio step's save (the players of a blog index's excerpts), and a use
            # record the shared cache took meanwhile; before mkdocs-static-i18n's `on_post_build` (priority -100)
            # builds the other languages
            self.session.finish_build()
            self._watch_side_files(config)  # a rebuild under `mkdocs serve` whose options name another voice map
            self._withdraw_from_site(self.session.withdrawn_uris, Path(config.site_dir))
        self.site_feeds.write(feeds)

    on_post_build = CombinedEvent(_on_post_build, _on_post_build_last)

    def _withdraw_from_site(self, uris: Sequence[str], site_dir: Path) -> None:
        """Remove from the built site the files an earlier build of this process published for a conversation and
        this one no longer does (`AudioSession.withdrawn_uris`: a video or captions turned off). A `--dirty` build
        (`mkdocs serve --dirty`) does not clean the site, so the MP4 stayed there, served at its old URL; other
        builds find none. A file of the site's own at that URI (in the docs folder) stays."""
        for uri in uris:
            if uri not in self.file_uris:
                with contextlib.suppress(OSError):
                    (site_dir / uri).unlink()

    def _feed_memo(self) -> Memo:
        assert self.session is not None
        return self.session.cache.memo(FEED_EPISODES, FEED_EPISODES_VERSION)

    def _feed_pages(self) -> dict[str, FeedPage]:
        """What the feeds take from the page placing each conversation, by its audio's URI."""
        pages = {}
        for uri, page in self.pages.items():
            cover = self._site_file(cover_sources(page.meta, page.file.src_uri))
            pages[uri] = FeedPage(
                src_uri=page.file.src_uri,
                title=str(page.title),
                url=page.url,
                meta=page.meta,
                locale=getattr(page.file, "locale", None),
                cover=cover.dest_uri if cover else None,
                cover_source=cover.abs_src_path if cover else None,
            )
        return pages

    def _site_file(self, sources: list[str]) -> File | None:
        """The file of the first of `sources` (docs_dir paths) the build holds, found as MkDocs finds a page's
        links: under mkdocs-static-i18n, the language's own file (`cover.fr.png` for `cover.png`, `en/blog/x.png`
        published as `blog/x.png`), which the docs_dir path alone did not give (review r-me42)."""
        found = (self.files.get_file_from_path(path) for path in sources) if self.files is not None else iter(())
        return next((file for file in found if file is not None), None)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.session is not None:
            self.session.mark_served()
            served: tuple[LiveReloadServer, set[str]] = (server, set())
            if key := _served_key(config):  # not one of a config without a file: another site's would share it
                SERVERS[key] = served
            self._watch_side_files(config, served)
        return server

    def _watch_side_files(self, config: MkDocsConfig, served: tuple[LiveReloadServer, set[str]] | None = None) -> None:
        """Have the `mkdocs serve` server of this config file (`served`, else the one `on_serve` recorded), if any,
        watch the side files this build uses that it does not watch yet."""
        key = _served_key(config)
        served = served or (SERVERS.get(key) if key else None)
        if self.session is None or served is None:
            return
        server, watched = served
        # MkDocs watches docs_dir, so dialogue files (always in it) and side files kept there are seen already:
        # watched twice, a change was seen by two polling watchers a moment apart, and every save of a dialogue
        # file was two rebuilds and two browser reloads
        docs = Path(config.docs_dir).resolve()
        side_files = (self.session.voice_map.path, Path(self.session.lexicon.path or ""))
        for path in [side for side in side_files if side.is_file()] + self.session.watched_files():
            # watched_files: music, intro, outro and covers; by the path the server keys its watches by
            if path.resolve().is_relative_to(docs):
                continue
            if (as_watched := os.path.abspath(path)) not in watched:
                server.watch(str(path))
                watched.add(as_watched)
            if path == self.session.voice_map.path:  # as the options write it: the next rebuild looks it up so
                SERVED_VOICE_MAPS[str(path)] = server

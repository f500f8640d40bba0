"""MkDocs glue: thin event methods that hand pages to the audio session and put its files into the site."""

from __future__ import annotations

import contextlib
import html
import importlib.util
import os
import posixpath
from collections.abc import Callable, Sequence
from functools import cache, partial
from html import escape
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .audio.assembly import AssemblySettings
from .audio.production import MusicSettings
from .audio.video import VideoSettings, parse_size
from .build import (
    AudioSession,
    Placed,
    SessionOptions,
    TimingsTable,
    cache_inside_docs,
    front_matter_line,
    no_conversation,
    under_base,
)
from .config import ConvAudioConfig
from .engines import engine_names
from .errors import ConvaudioError, each_problem, raise_all
from .feed_memory import feed_files, merged, published_length, recorded_episodes, stamp
from .html.captions import track_label
from .html.labels import player_title
from .html.player import (
    PlayerMemo,
    Players,
    fill_placeholders,
    insert_players,
    player_code_version,
    player_marker,
    relative_url,
)
from .html.transcript import line_text
from .i18n_builds import LanguageBuild, language_build, same_language
from .render import Limits
from .retry import RetryPolicy
from .showplan import ShowOptions
from .store.files import atomic_path
from .text.discover import front_matter_lines, rewrite, unread_front_matter

if TYPE_CHECKING:  # for `mkdocs serve` and podcast feeds only: not imported by every build
    from mkdocs.livereload import LiveReloadServer

    from .html.feed import Channel, Episode

log = get_plugin_logger("convaudio")  # messages read "convaudio: ..."

ASSETS = Path(__file__).parent / "assets"
#: The memo of each audio page's dialogue files, and (under `SHOWS`) the show's sounds, for `--dirty` builds
SIDE_FILES = "side-files"
SHOWS = "\0shows"
#: The memo of each audio page's podcast episodes, for the `--dirty` builds that skip the page
FEED_EPISODES = "feed-episodes"
#: 2: URLs relative to `site_url`, with the page source's stamp (1 held absolute URLs: review 104)
FEED_EPISODES_VERSION = "2"
ASSET_NAMES = ("convaudio.css", "convaudio.js")


def session_options(
    config: ConvAudioConfig, mkdocs_config: MkDocsConfig, configured_docs_dir: str | None = None
) -> SessionOptions:
    """Plugin options → the core's options (shared with the command line); `configured_docs_dir` is the docs
    folder as the config file gave it, before other plugins' `on_config` (MkDocs' own, by default)."""
    options = options_from(
        config,
        Path(mkdocs_config.docs_dir),
        Path(mkdocs_config.config_file_path or ".").resolve().parent,
        site_name=mkdocs_config.site_name,
        check_cache_dir=True,
    )
    options.memo_docs_dir = Path(configured_docs_dir or mkdocs_config.docs_dir)
    if mkdocs_config.config_file_path:
        options.memo_config = Path(mkdocs_config.config_file_path)
    return options


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
        sentence_pause=float(config.sentence_pause),
        loudness=float(config.loudness),
        true_peak=float(config.true_peak),
        bitrate=config.bitrate,
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
    if negative := [f"{name}: {value:g}" for name, value in delays.items() if value < 0]:
        problems.append(
            ConvaudioError(f"retry delays cannot be negative ({', '.join(negative)}); give 0 or more seconds")
        )
    try:
        show = show_options(config)
    except ConvaudioError as error:
        problems.extend(each_problem(error))
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
        video_settings=VideoSettings(width=width, height=height, fit=config.video_fit),
    )
    try:
        show.validate()
    except ConvaudioError as error:
        problems.extend(each_problem(error))
    raise_all(problems)
    return show


def _stale(page: File, shared: tuple[Path, ...], own: tuple[Path, ...]) -> bool:
    """MkDocs' own answer for a page (its file is newer than its HTML), or one of the files its audio comes from is
    newer than its HTML: `shared` by every audio page (the voice map, the lexicon, the show's sounds), or `own` (its
    dialogue files; one that is gone counts too: the build then says so)."""
    if File.is_modified(page):
        return True
    try:
        built = os.path.getmtime(page.abs_dest_path)
    except OSError:
        return True
    for source in (*shared, *own):
        try:
            if os.path.getmtime(source) > built:
                return True
        except OSError:
            if source in own:
                return True
    return False


def _site_url(config: MkDocsConfig) -> str:
    site_url = str(config.site_url)
    return site_url if site_url.endswith("/") else site_url + "/"


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
    def made(cls, uri: str, source: str, site_dir: str, use_directory_urls: bool, plugin: str) -> LinkedFile:
        """`File.generated(config, uri, abs_src_path=source)` with the settings read once per build (hundreds
        of these are made in a warm build of many audio posts)."""
        file = cls(uri, None, site_dir, use_directory_urls)
        file.generated_by = plugin
        file.abs_src_path = source
        # what MkDocs would work out when copying: a static file keeps its URI; site_dir is absolute and normal
        file.dest_uri = uri
        file.abs_dest_path = os.path.join(site_dir, uri) if os.sep == "/" else os.path.normpath(f"{site_dir}/{uri}")
        return file

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
        self.feeds: dict[str, str] = {}  # language → feed URI, for the pages' <link rel="alternate">
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
        self.filled: dict[str, list[tuple[str, dict[str, Any] | str, str]]] = {}
        #: each audio page's Markdown as MkDocs gave it, and its front matter's length (see `_left_as_code`)
        self.page_sources: dict[str, tuple[str, int]] = {}
        self.refill: dict[str, list[tuple[str, dict[str, Any] | str, str]]] = {}
        self.site_name = ""
        self.site_dir, self.use_directory_urls = "", False
        self.site_language: str | None = None
        self.language_build: LanguageBuild | None = None  # mkdocs-static-i18n's build of one language
        #: audio pages a `--dirty` build skips (unchanged, with their side files), with their files' locales (from
        #: mkdocs-static-i18n) and sources: their feed episodes are the ones remembered
        self.skipped_pages: dict[str, tuple[str | None, str | None]] = {}
        #: the episodes remembered for them (`_remember_episodes`), and the skipped pages no build recorded
        self.remembered: dict[str, list[Episode]] = {}
        self.unremembered: list[str] = []
        self.remembered_shares: dict[str, list[str]] = {}  # the GUIDs each remembered page holds
        #: under mkdocs-static-i18n, the episodes of languages no build of it is for (a page's own `lang:`), from
        #: every build of the run so far: each build writes their feeds whole (the last one, every page's)
        self.foreign_episodes: dict[str, list[Episode]] = {}
        self.feed_count = 0  # how many feeds this build writes, for their titles
        self.page_paths: dict[str, str | None] = {}  # each audio page's source file
        self.site_files: set[str] = set()  # the build's own files' URIs in the site (a feed kept in docs_dir)
        self.player_title, self.captions = "", True
        self.plugin_name = "convaudio"
        self.configured_docs_dir: str | None = None  # see `_on_config_first`
        #: characters sent to a paid engine by this run's builds: `max_characters` covers the run (every language of
        #: mkdocs-static-i18n, which builds them in turn with this plugin; `mkdocs serve` loads a new one per rebuild)
        self.characters_sent = 0
        #: Set by `mkdocs-convaudio estimate`: plan every page as a build would, synthesize and write nothing.
        self.dry_run = False
        self.dry_run_sessions: list[AudioSession] = []  # one per build (mkdocs-static-i18n runs several)
        #: The build's clock and sleep (real ones unless a test injects fakes): retries wait through `sleep`.
        self.sleep: Callable[[float], None] | None = None
        self.clock: Callable[[], float] | None = None

    @event_priority(float("inf"))
    def _on_config_first(self, config: MkDocsConfig) -> None:
        # before a plugin moves the docs folder (mkdocs-monorepo-plugin merges docs folders into a new temporary
        # one for each build): the site's memo files are named after the folder its config file gives. Once per
        # config: mkdocs-static-i18n builds its other languages again with the config the first one changed
        if self.configured_docs_dir is None:
            self.configured_docs_dir = config.docs_dir

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.session is not None:  # a rebuild under `mkdocs serve`: the last build's engine is done
            self.session.close(save=not self.dry_run)
            self.session = None
        if not self.config.enabled:
            return config
        try:
            self.session = AudioSession(
                session_options(self.config, config, self.configured_docs_dir),
                warn=log.warning,
                info=log.info,
                sleep=self.sleep,
                clock=self.clock,
            )
        except ConvaudioError as error:
            raise PluginError(str(error)) from None
        if self.config.podcast.enabled and not config.site_url:
            raise PluginError(
                "convaudio: podcast.enabled needs `site_url` in mkdocs.yml, because a feed's links must be "
                "absolute; add e.g. `site_url: https://example.org/blog/`, or turn the feed off"
            )
        if self.config.podcast.enabled:
            self._check_feed_path()
        if self.config.podcast.enabled and importlib.util.find_spec("feedgen") is None:
            raise PluginError(
                "convaudio: podcast.enabled needs the feedgen package: pip install 'mkdocs-convaudio[podcast]'"
            )
        self.added = set()
        # read once per build: the page events run hundreds of times
        self.plugin_name = config.plugins._current_plugin or "convaudio"  # what `File.generated` records
        self.player_title = self.config.player_title
        self.captions = self.config.captions
        self.pages = {}
        self.feeds = {}
        self.skipped_pages = {}
        self.languages = {}
        self.page_items = {}
        self.page_sources = {}
        self.page_paths = {}
        self.filled = {}
        self.refill = {}
        self.player_memo = PlayerMemo(self.session.cache.memo("players", player_code_version()))
        self.players = Players(self.player_memo, self.timings, self.digests)
        for name in ASSET_NAMES:
            uri = f"{self.session.options.audio_dir}/{name}"
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    on_config = CombinedEvent(_on_config_first, _on_config)

    def _check_feed_path(self) -> None:
        """`podcast.path` names a file inside the site, with `{lang}` as its only field."""
        path = self.config.podcast.path
        try:
            written = path.format(lang="en")
        except (KeyError, IndexError, ValueError, AttributeError):
            raise PluginError(
                f"convaudio: podcast.path {path!r} can only fill in {{lang}} (the feed's language); write e.g. "
                "`podcast-{lang}.xml`"
            ) from None
        bare = written.lstrip("/")
        if posixpath.normpath(bare).startswith("../") or bare in ("", "..", ".") or bare.endswith(("/", "/.", "/..")):
            # a folder (`feeds/{lang}/`) was written as a file without an extension, at a URL that names a folder
            raise PluginError(
                f"convaudio: podcast.path {path!r} is not a file inside the site (site_dir); write a path such as "
                "`podcast-{lang}.xml`"
            )

    def _feed_paths(self, languages: Sequence[str]) -> None:
        """Each language's feed file; languages sharing one file (a `podcast.path` without `{lang}`) stop the
        build before anything is rendered: the last feed written would replace the others. Under
        mkdocs-static-i18n, such a path is each language's own, in its folder (`fr/podcast.xml`)."""
        for language in languages:
            self.feeds[language] = self._feed_uri(language)
        if len(set(self.feeds.values())) < len(self.feeds):
            raise PluginError(
                f"convaudio: podcast.path {self.config.podcast.path!r} gives the feeds of {', '.join(languages)} one "
                "file, so each would replace the one before; put {lang} in it (`podcast-{lang}.xml`)"
            )

    def _feed_uri(self, language: str) -> str:
        path = self.config.podcast.path
        link = self.language_build.link(language) if self.language_build is not None else None
        if link is None or "{lang}" in path:
            return path.format(lang=language).lstrip("/")
        return posixpath.join(link.strip("/"), path.lstrip("/"))

    def _on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.session is None:
            return files
        self.session.set_pages([file.src_uri for file in files.documentation_pages()])
        # read once per build, here: after every plugin's `on_config` (mkdocs-static-i18n sets each language
        # build's own there), and before the page events, which run hundreds of times
        self.site_language = theme_language(config.theme)
        self.language_build = language_build(config.plugins)
        if self.language_build is None or same_language(self.language_build.language, self.language_build.default):
            self.foreign_episodes = {}  # a new run: its first build (mkdocs-static-i18n's default language's)
        # mkdocs-static-i18n sets a language's own `site_name` there too: the MP3s' artist and album and the
        # feed's title follow it, unless set in the plugin's options
        self.site_name = config.site_name
        self.session.options.artist, self.session.options.album = tag_names(self.config, config.site_name)
        self.site_dir, self.use_directory_urls = config.site_dir, config.use_directory_urls
        self.site_files = {file.dest_uri for file in files}
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
        memo = self.session.cache.memo(SIDE_FILES, "1")
        shows = memo.get(SHOWS)
        shared = (
            self.session.voice_map.path,
            *([Path(self.session.lexicon.path)] if self.session.lexicon.path else []),
            *(Path(str(path)) for path in (shows if isinstance(shows, list) else [])),
        )
        for page in pages:
            linked = memo.get(page.src_uri)
            if isinstance(linked, list):
                own = tuple(docs_dir / str(path) for path in linked)
                with contextlib.suppress(AttributeError):  # another plugin's file class without a `__dict__`
                    page.is_modified = cache(partial(self._stale, page, shared, own))  # type: ignore[method-assign]

    def _stale(self, page: File, shared: tuple[Path, ...], own: tuple[Path, ...]) -> bool:
        """`_stale`, noting the pages MkDocs will skip: their feed episodes are the ones remembered."""
        if stale := _stale(page, shared, own):
            self.skipped_pages.pop(page.src_uri, None)
        else:
            self.skipped_pages[page.src_uri] = (getattr(page, "locale", None), page.abs_src_path)
        return stale

    def _add(self, files: Files, config: MkDocsConfig, uri: str, source: Path | str, *, link: bool = True) -> File:
        existing = files.src_uris.get(uri)  # our URIs are POSIX paths already (no PurePath needed)
        if existing is not None and uri in self.added:
            return existing
        if existing is not None:
            files.remove(existing)
        file: File
        if link:
            file = LinkedFile.made(uri, str(source), self.site_dir, self.use_directory_urls, self.plugin_name)
        else:
            file = File.generated(config, uri, abs_src_path=str(source))
        files.append(file)
        self.added.add(uri)
        return file

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.session is None:
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
            )
        except ConvaudioError as error:  # problems of a page are collected; this is one that stops at once
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.warning(warning)
        if not placed:
            if not warnings and not session.conversations_on_page:  # not one with an error either
                log.warning(no_conversation(trigger_line(page, self.config.trigger_key), session.other_data_on_page))
            self._forget_side_files(page)
            return markdown
        self.languages[file.src_uri] = language
        self.page_items[file.src_uri] = placed
        # what the next `--dirty` build checks before skipping this page (`_stale_with_side_files`)
        linked = sorted({item.dialogue_file for item in placed if item.dialogue_file})
        session.cache.memo(SIDE_FILES, "1").put(file.src_uri, linked)
        self.page_sources[file.src_uri] = (markdown, line_offset)
        self.page_paths[file.src_uri] = file.abs_src_path  # its feed record's stamp
        for item in placed:
            self.pages.setdefault(item.audio_uri, page)
            for uri in self._uris_of(item):
                self._add(files, config, uri, session.published_file(uri))
        for item in placed:
            self.player_memo.want(
                lambda item=item: item.found.conversation,  # type: ignore[misc]
                item.token,
                player_title(self.player_title, item.language),
                language=item.language,
                captions_label=track_label(item.language) if self.captions else None,
                video=item.video_uri is not None,
                source_key=item.source_key,
            )
        blocks = [(item.span, player_marker(item.token)) for item in placed]
        return rewrite(markdown, blocks, top=self.config.player_position == "top")

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
                uris = self.session.item_uris(item)
                filled[item.token] = self.player_memo.finished(item.token, page.url, uris, timings, digest)
                self.filled.setdefault(page.file.src_uri, []).append((item.token, timings, digest))
        return insert_players(insert_players(html, filled) if filled else html, self.players)

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
        if self.session is None:
            return env
        for line in self.session.pairing_report():
            log.info(f"translations share voices: {line}")
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
            self._feed_paths(sorted({item.language for item in placed}))  # for the pages' links to their feeds
            self._remember_episodes(config)
            remembered = {episode.language for episodes in self.remembered.values() for episode in episodes}
            own = {item.language for item in placed if self._own_item(item)}
            self.feed_count = len(self._owned(own | remembered | set(self.foreign_episodes)))
        # the show's sounds of this build, for the next `--dirty` build (`_stale_with_side_files`)
        self.session.cache.memo(SIDE_FILES, "1").put(SHOWS, sorted(str(path) for path in self.session.watched_files()))
        self.session.spent_before = self.characters_sent
        try:
            stats = self.session.render()
            self.characters_sent += stats.characters
            self.timings.merge(self.session.timings())
            self.digests.update(self.session.timings_digests())
            self.durations.update(self.session.durations())
            self.uris.update(self.session.uris())
        except ConvaudioError as error:
            raise PluginError(str(error)) from None
        # players finished before `render` with timings it changed (it planned conversations again): redone
        self.refill = {
            src: [(token, timings, digest) for token, timings, digest in used if self.digests.get(token) != digest]
            for src, used in self.filled.items()
        }
        self.refill = {src: used for src, used in self.refill.items() if used}
        # copied straight from the verified cache entries (a re-planned job may have another entry)
        for item in self.session.placed.values():
            for uri in (item.audio_uri, item.timings_uri):
                if (file := files.src_uris.get(uri)) is not None:
                    file.abs_src_path = self.session.published_file(uri)
        log.info(stats.summary())
        return env

    def on_build_error(self, *, error: Exception) -> None:
        # the build stopped before `render` (a page's problem, another plugin's error...): release the engine; or
        # after it: a use record still being written is forgotten (the next build writes it)
        if self.session is not None:
            self.session.abandon_build()
            self.session.close(save=not self.dry_run)

    def _uris_of(self, item: Placed) -> list[str]:
        captions = [item.captions_uri] if self.captions else []
        return [item.audio_uri, item.timings_uri, *captions, *([item.video_uri] if item.video_uri else [])]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.uris:
            return output
        if redo := self.refill.get(page.file.src_uri):
            output = self._refill(output, page, redo)
        # players left as markers (an excerpt rendered from a post's Markdown: a blog index) are put in first
        output = fill_placeholders(output, page.url, self.uris, self.timings, self.players, durations=self.durations)
        language = self.languages.get(page.file.src_uri)
        feed = self.feeds.get(language) if language is not None else None
        if language is not None and feed is not None and "</head>" in output:
            title = html.escape(self._feed_title(language, self.feed_count))
            href = relative_url(feed, page.url)
            link = f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">'
            output = output.replace("</head>", link + "</head>", 1)
        return output

    def _refill(self, output: str, page: Page, redo: list[tuple[str, dict[str, Any] | str, str]]) -> str:
        """A page's players finished in `on_page_content` with timings `render` then changed, finished again."""
        for token, timings, _ in redo:
            player = self.player_memo.plain(token)
            # as `on_page_content` finished it (its duration is filled in afterwards, in the whole page)
            before = fill_placeholders(player, page.url, self.uris, TimingsTable({token: timings}), keep_durations=True)
            if before in output:
                after = fill_placeholders(player, page.url, self.uris, self.timings, keep_durations=True)
                output = output.replace(before, after)
            else:  # another plugin rewrote the player since: its times would be stale
                log.warning(
                    f"{page.file.src_uri}: the player's line times changed during this build and the page's HTML "
                    "was changed by another plugin meanwhile, so they could not be updated; build again"
                )
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        feeds: list[tuple[str, Channel]] = []
        if self.session is not None and not self.dry_run and self.config.podcast.enabled:
            feeds = self._channels(config)  # before the memos are saved: each page's episodes are remembered
        elif self.session is not None and not self.dry_run:
            # the feed turned off: a `--dirty` build leaves none of its files either, as a full build writes none
            self._remove_empty_feeds(Path(config.site_dir), [])
        if self.session is not None and not self.dry_run:
            # what the pages used after the audio step's save (the players of a blog index's excerpts), and a use
            # record the shared cache took meanwhile; before mkdocs-static-i18n's `on_post_build` (priority -100)
            # builds the other languages
            self.session.finish_build()
        if not feeds:
            return
        from .html.feed import podcast_feed

        for uri, channel in feeds:
            with atomic_path(Path(config.site_dir) / uri) as temp:
                temp.write_bytes(podcast_feed(channel))
            log.info(f"podcast feed {uri}: {len(channel.episodes)} episode(s)")

    def _remember_episodes(self, config: MkDocsConfig) -> None:
        """The episodes of the pages this `--dirty` build skips, as the last build that built them recorded them:
        only while the page's source is what it was then (a page built again while the feed was off, its record
        would be stale: review 105); the others are `unremembered`. Their MP3s are checked after `render`."""
        from .html.feed import episode_from_record

        assert self.session is not None
        memo = self.session.cache.memo(FEED_EPISODES, FEED_EPISODES_VERSION)
        site_url = _site_url(config)
        self.remembered, self.unremembered, self.remembered_shares = {}, [], {}
        for src_uri, (locale, source) in sorted(self.skipped_pages.items()):
            if self.language_build is not None and not self.language_build.own_page(locale):
                continue  # a copy of a page this language lacks: its own language's build has its episodes
            kept = memo.get(self._memo_key(src_uri))
            episodes = recorded_episodes(kept, source, site_url, episode_from_record)
            if episodes is None:
                self.unremembered.append(src_uri)
            else:
                self.remembered[src_uri] = episodes
                self.remembered_shares[src_uri] = [str(guid) for guid in kept.get("shares", [])]

    def _channels(self, config: MkDocsConfig) -> list[tuple[str, Channel]]:
        """Each feed this build writes, with its URI: its language's episodes of the pages built now, and those
        remembered for the pages a `--dirty` build skipped (bug bash 102: the feed kept only the pages rebuilt).
        A feed file of the site left with no episode is removed, as a full build would not write it."""
        from .html.feed import episode_record, stable_guid

        assert self.session is not None
        site_url, site_dir = _site_url(config), Path(config.site_dir)
        memo = self.session.cache.memo(FEED_EPISODES, FEED_EPISODES_VERSION)
        by_page = self._episodes(site_url, config)
        for src_uri, items in self.page_items.items():  # every audio page of this build, with no episode too
            if src_uri in by_page or self._own_page(src_uri):
                record = [episode_record(episode, site_url) for episode in by_page.get(src_uri, [])]
                # the episodes it holds that are another page's (a dialogue file both link): that page gone, a
                # full build gives them to this one, which a `--dirty` build cannot tell (review 109)
                shares = sorted({stable_guid(item.voice_key, item.audio_uri) for item in items})
                memo.put(
                    self._memo_key(src_uri),
                    {"source": stamp(self.page_paths.get(src_uri)), "episodes": record, "shares": shares},
                )
        built = [episode for page in by_page.values() for episode in page]
        built_guids = {episode.guid for episode in built}
        # an MP3 made again since its page's record (its size tells), and not by a page built now: stale
        changed = sorted(
            src_uri
            for src_uri, page in self.remembered.items()
            if any(
                episode.guid not in built_guids and published_length(episode, site_url, site_dir) != episode.length
                for episode in page
            )
        )
        unknown = sorted({*self.unremembered, *changed})
        remembered = [episode for src, page in self.remembered.items() if src not in changed for episode in page]
        episodes = merged(built, remembered)
        listed = {episode.guid for episode in episodes}
        orphaned = sorted(src for src, guids in self.remembered_shares.items() if not set(guids) <= listed)
        unknown = sorted({*unknown, *orphaned})
        if unknown:
            log.warning(
                f"the podcast feed lacks the episodes of {len(unknown)} page(s) this --dirty build skipped, which no "
                f"build recorded as they are now ({', '.join(unknown[:3])}{', …' if len(unknown) > 3 else ''}); "
                "build once without --dirty before publishing"
            )
        build = self.language_build
        if build is not None:  # a page's own language no build of mkdocs-static-i18n is for: every build's pages
            foreign = {episode.language for episode in episodes if build.link(episode.language) is None}
            for language in foreign:
                ours = [episode for episode in episodes if episode.language == language]
                self.foreign_episodes[language] = merged(ours, self.foreign_episodes.get(language, []))
            episodes = [episode for episode in episodes if episode.language not in foreign]
            episodes += [
                episode for language_episodes in self.foreign_episodes.values() for episode in language_episodes
            ]
        owned = self._owned({episode.language for episode in episodes})
        self.feed_count = len(owned)
        image = self.config.podcast.image
        if owned and image and "://" not in image and not (site_dir / image.lstrip("/")).is_file():
            # podcast apps show no cover, or reject the feed: a typo here is seen only after publishing; said once,
            # not once per language's feed
            log.warning(
                f"podcast.image: {image} is not a file of the built site (looked for it in site_dir); put the "
                "image under docs_dir, fix the path (relative to the site's root), or give a full URL"
            )
        self._feed_paths(owned)
        feeds = []
        for language in owned:
            channel = self._channel(language, self.feed_count, site_url, config)
            channel.episodes = [episode for episode in episodes if episode.language == language]
            feeds.append((self.feeds[language], channel))
        if not unknown:  # a page whose episodes are not known may hold a feed's last ones (review 109)
            self._remove_empty_feeds(site_dir, [uri for uri, _ in feeds])
        return feeds

    def _remove_empty_feeds(self, site_dir: Path, written: list[str]) -> None:
        """The site's feed files this build does not write, of languages it writes the feeds of: left by an earlier
        build into this site_dir (a `--dirty` one keeps them), with no episode now. Found in site_dir itself, not
        remembered: `mkdocs serve` and other builds write elsewhere (review 108)."""
        build = self.language_build

        def folder_language(folder: str) -> str | None:
            links = build.links.items() if build is not None else ()
            return next((locale for locale, link in links if link.strip("/") == folder), None)

        path = self.config.podcast.path
        for uri, language in sorted(feed_files(site_dir, path, folder_language, self.site_files).items()):
            if uri in written:
                continue
            if build is not None:
                whose = language or (build.default if "{lang}" not in path else None)
                if whose is None or not build.owns(whose):
                    continue  # another language's build writes it
            with contextlib.suppress(FileNotFoundError):
                (site_dir / uri).unlink()
                log.info(f"podcast feed {uri} removed: no episode is left in it")

    def _own_page(self, src_uri: str) -> bool:
        """Whether an audio page is this build's own (see `_own_item`)."""
        items = self.page_items.get(src_uri, [])
        return not items or self._own_item(items[0])

    def _owned(self, languages: set[str]) -> list[str]:
        """The languages among `languages` whose feeds this build writes (under mkdocs-static-i18n, not another
        language's build's)."""
        build = self.language_build
        return sorted(language for language in languages if build is None or build.owns(language))

    def _own_item(self, item: Placed) -> bool:
        """Whether a conversation is on one of this build's own pages (not mkdocs-static-i18n's copy of a page
        another language lacks: that language's build has it in its feed)."""
        page = self.pages.get(item.audio_uri)
        build = self.language_build
        return build is None or page is None or build.own_page(getattr(page.file, "locale", None))

    def _memo_key(self, src_uri: str) -> str:
        """A page's episodes in the memo: by the build's language too (mkdocs-static-i18n shows a page another
        language lacks in that language's build, at another URL)."""
        return f"{self.language_build.language if self.language_build else ''}\t{src_uri}"

    def _feed_title(self, language: str, count: int) -> str:
        title = self.config.podcast.title or self.site_name
        return title if count <= 1 else f"{title} ({track_label(language)})"

    def _channel(self, language: str, count: int, site_url: str, config: MkDocsConfig) -> Channel:
        """A feed's own fields (its episodes are added by `_channels`)."""
        from .html.feed import Channel

        options = self.config.podcast
        title = self._feed_title(language, count)
        image = options.image
        if image and "://" not in image:
            image = urljoin(site_url, quote(image.lstrip("/")))
        # under mkdocs-static-i18n, a language's home is its folder (`/sub/fr/`)
        link = self.language_build.link(language) if self.language_build is not None else None
        return Channel(
            title=title,
            link=urljoin(site_url, quote(link.lstrip("/"))) if link else site_url,
            feed_url=urljoin(site_url, quote(self.feeds[language])),
            description=options.description or config.site_description or title,
            language=language,
            author=options.author or config.site_author or config.site_name,
            explicit=options.explicit,
            category=options.category,
            image=image,
            email=options.email,
        )

    def _episodes(self, site_url: str, config: MkDocsConfig) -> dict[str, list[Episode]]:
        """The episodes of the conversations this build placed, by page."""
        from .html.feed import Episode, front_matter_date, stable_guid

        assert self.session is not None
        site_dir = Path(config.site_dir)
        by_page: dict[str, list[Episode]] = {}
        for item in self.session.placed.values():
            page = self.pages.get(item.audio_uri)
            if page is None or not self._own_item(item):
                continue
            episodes = by_page.setdefault(page.file.src_uri, [])
            number = len(episodes) + 1  # its n-th on that page
            timings = self.timings.get(item.token, {})
            date = front_matter_date(page.meta.get("date"))
            if date is None and number == 1:  # once per post, not once per conversation of it
                log.warning(
                    f"{page.file.src_uri}: no `date:` in the front matter, so its podcast episode has no "
                    "publication date; add e.g. `date: 2026-11-20`"
                )
            lines = timings.get("lines", [])
            summary = page.meta.get("description") or " ".join(
                f"{line['speaker']}: {line_text(str(line['text']))}" for line in lines[:2]
            )
            episodes.append(
                Episode(
                    guid=stable_guid(item.voice_key, item.audio_uri),
                    title=str(page.title) + (f" ({number})" if number > 1 else ""),
                    page_url=urljoin(site_url, page.url),  # MkDocs gives page URLs percent-encoded already
                    audio_url=urljoin(site_url, quote(item.audio_uri)),
                    length=(site_dir / item.audio_uri).stat().st_size,
                    duration=float(timings.get("duration", 0.0)),
                    published=date,
                    language=item.language,
                    description=str(summary),
                    transcript_url=urljoin(site_url, quote(item.captions_uri)) if self.config.captions else None,
                )
            )
        return by_page

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.session is not None:
            for side_file in (self.session.voice_map.path, Path(self.session.lexicon.path or "")):
                if side_file.is_file():
                    server.watch(str(side_file))
            for dialogue in sorted(self.session.dialogue_files):
                server.watch(str(Path(config.docs_dir) / dialogue))
            for path in self.session.watched_files():  # music, intro, outro and covers
                server.watch(str(path))
        return server

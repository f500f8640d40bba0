"""MkDocs glue: thin event methods that hand pages to the audio session and put its files into the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .audio.assembly import AssemblySettings
from .audio.production import MusicSettings
from .audio.video import VideoSettings, parse_size
from .config import ConvAudioConfig
from .engines import engine_names
from .errors import ConvaudioError
from .html.player import fill_placeholders, player_html
from .retry import RetryPolicy
from .session import AudioSession, SessionOptions
from .showplan import ShowOptions
from .text.discover import front_matter_lines, rewrite

log = get_plugin_logger("convaudio")  # messages read "convaudio: ..."

ASSETS = Path(__file__).parent / "assets"
ASSET_NAMES = ("convaudio.css", "convaudio.js")


def session_options(config: ConvAudioConfig, mkdocs_config: MkDocsConfig) -> SessionOptions:
    """Plugin options → the core's options (shared with the command line)."""
    return options_from(
        config, Path(mkdocs_config.docs_dir), Path(mkdocs_config.config_file_path or ".").resolve().parent
    )


def options_from(config: ConvAudioConfig, docs_dir: Path, base_dir: Path) -> SessionOptions:
    """Validated plugin options (from mkdocs.yml or convaudio.toml) → the core's options."""
    return SessionOptions(
        docs_dir=docs_dir,
        base_dir=base_dir,
        engine=config.engine,
        fallback_engine=config.fallback_engine,
        engine_options={name: dict(config[name]) for name in engine_names() if name in config},
        voice_map=config.voice_map,
        cache_dir=config.cache_dir,
        audio_dir=config.audio_dir.strip("/"),
        assembly=AssemblySettings(
            sample_rate=config.sample_rate,
            pause=float(config.pause),
            pause_same_speaker=float(config.pause_same_speaker),
            sentence_pause=float(config.sentence_pause),
            loudness=float(config.loudness),
            true_peak=float(config.true_peak),
            bitrate=config.bitrate,
        ),
        concurrency=config.concurrency,
        retry=RetryPolicy(
            attempts=max(1, config.retries),
            base_delay=float(config.retry_base_delay),
            max_delay=float(config.retry_max_delay),
        ),
        generate=config.generate,
        max_characters=config.max_characters,
        prices={str(name): float(price) for name, price in config.prices.items()},
        pronunciations=config.pronunciations,
        language_aliases={str(alias): str(tag) for alias, tag in config.language_aliases.items()},
        trigger_key=config.trigger_key,
        trigger_value=config.trigger_value,
        shared_cache=config.shared_cache or None,
        shared_cache_required=config.shared_cache_required,
        shared_cache_options=config.shared_cache_options,
        show=show_options(config),
    )


def show_options(config: ConvAudioConfig) -> ShowOptions:
    """Music bed, intro, outro and video defaults (docs/show.md)."""
    width, height = parse_size(config.video_size)
    return ShowOptions(
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


class ConvAudioPlugin(BasePlugin[ConvAudioConfig]):  # type: ignore[no-untyped-call]
    """Turns conversations in pages marked `audio: true` into MP3s and players."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.session: AudioSession | None = None
        self.added: set[str] = set()
        self.timings: dict[str, dict[str, Any]] = {}
        self.uris: dict[str, tuple[str, str]] = {}
        self.videos: dict[str, str] = {}
        #: Set by `mkdocs-convaudio estimate`: plan every page as a build would, synthesize and write nothing.
        self.dry_run = False
        self.dry_run_sessions: list[AudioSession] = []  # one per build (mkdocs-static-i18n runs several)
        #: The build's clock and sleep (real ones unless a test injects fakes): retries wait through `sleep`.
        self.sleep: Callable[[float], None] | None = None
        self.clock: Callable[[], float] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            self.session = AudioSession(
                session_options(self.config, config),
                warn=log.warning,
                info=log.info,
                sleep=self.sleep,
                clock=self.clock,
            )
        except ConvaudioError as error:
            raise PluginError(str(error)) from None
        self.added = set()
        for name in ASSET_NAMES:
            uri = f"{self.config.audio_dir.strip('/')}/{name}"
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.session is None:
            return files
        self.session.set_pages([file.src_uri for file in files.documentation_pages()])
        for name in ASSET_NAMES:
            self._add(files, config, f"{self.config.audio_dir.strip('/')}/{name}", ASSETS / name)
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, source: Path) -> File:
        existing = files.get_file_from_path(uri)
        if existing is not None and uri in self.added:
            return existing
        if existing is not None:
            files.remove(existing)
        file = File.generated(config, uri, abs_src_path=str(source))
        files.append(file)
        self.added.add(uri)
        return file

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.session is None:
            return markdown
        wanted, nearly = self.session.wants_audio(page.meta)
        if nearly:
            log.warning(f"{page.file.src_uri}: {nearly}")
        if not wanted:
            return markdown
        source_path = page.file.abs_src_path
        source = Path(source_path).read_text(encoding="utf-8-sig") if source_path else markdown
        language = self.session.language_of(
            page.file.src_uri, page.meta, getattr(page.file, "locale", None), config.theme.get("language")
        )
        try:
            placed, warnings = self.session.page(
                page.file.src_uri,
                markdown,
                page.meta,
                line_offset=front_matter_lines(source),
                language=language,
                language_free_src=getattr(page.file, "norm_src_uri", None),
            )
        except ConvaudioError as error:  # problems of a page are collected; this is one that stops at once
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.warning(warning)
        if not placed:
            return markdown
        for item in placed:
            self._add(files, config, item.audio_uri, self.session.published_path(item.audio_uri))
            self._add(files, config, item.timings_uri, self.session.published_path(item.timings_uri))
            if item.video_uri:
                self._add(files, config, item.video_uri, self.session.published_path(item.video_uri))
        blocks = [
            (
                item.found,
                player_html(item.found.conversation, item.token, self.config.player_title, video=bool(item.video_uri)),
            )
            for item in placed
        ]
        return rewrite(markdown, blocks, top=self.config.player_position == "top")

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
                for uri in (item.audio_uri, item.timings_uri, item.video_uri):
                    if uri is None:
                        continue
                    if (file := files.get_file_from_path(uri)) is not None:
                        files.remove(file)
            return env
        try:
            stats = self.session.render()
            self.timings.update(self.session.timings())
            self.uris.update(self.session.uris())
            self.videos.update(self.session.videos())
        except ConvaudioError as error:
            raise PluginError(str(error)) from None
        log.info(stats.summary())
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.uris or "convaudio:" not in output:
            return output
        return fill_placeholders(output, page.url, self.uris, self.timings, self.videos)

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

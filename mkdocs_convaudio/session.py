"""One build's worth of audio work, independent of MkDocs: pages in, jobs planned, audio rendered."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .assembly import AssemblySettings
from .cache import AudioCache
from .discover import Found, scan_page
from .engines import Engine, create_engine
from .errors import ConvaudioError, MissingCredentialsError
from .render import Estimate, Job, Renderer, Stats
from .retry import RetryPolicy
from .translations import language_free_path, voice_map_key
from .voice_map import VoiceMap


@dataclass
class SessionOptions:
    """Everything a build needs to know, whoever calls it (the MkDocs plugin or the command line)."""

    docs_dir: Path
    base_dir: Path
    engine: str = "espeak"
    fallback_engine: str | None = None
    engine_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    voice_map: str = "convaudio-voices.yml"
    cache_dir: str = ".cache/plugin/convaudio"
    audio_dir: str = "assets/convaudio"
    assembly: AssemblySettings = field(default_factory=AssemblySettings)
    concurrency: int | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    generate: bool = True
    max_characters: int | None = None
    prices: Mapping[str, float] = field(default_factory=dict)


@dataclass
class Placed:
    """A conversation found in a page, with its job and where its audio goes in the site."""

    found: Found
    job: Job
    audio_uri: str
    timings_uri: str


def generate_from_env(configured: bool, environ: Mapping[str, str]) -> bool:
    """`CONVAUDIO_GENERATE=0|1` overrides the `generate` option (CI turns synthesis off without editing files)."""
    value = environ.get("CONVAUDIO_GENERATE", "").strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    if value:
        raise ConvaudioError(f"CONVAUDIO_GENERATE must be 0 or 1, not {value!r}")
    return configured


class AudioSession:
    """Collects the conversations of every audio page, then renders them all at once (so cost guards
    see the whole build before the first request)."""

    def __init__(
        self,
        options: SessionOptions,
        environ: Mapping[str, str] | None = None,
        *,
        warn: Callable[[str], None] = lambda message: None,
        info: Callable[[str], None] = lambda message: None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.options = options
        self.environ = dict(os.environ if environ is None else environ)
        self.warn = warn
        self.generate = generate_from_env(options.generate, self.environ)
        options.assembly.validate()
        self.engine = self._choose_engine()
        self.cache = AudioCache(self._under_base(options.cache_dir))
        self.voice_map = VoiceMap(self._under_base(options.voice_map))
        extra: dict[str, Any] = {"sleep": sleep} if sleep is not None else {}
        self.renderer = Renderer(
            self.engine,
            self.cache,
            options.assembly,
            workers=options.concurrency,
            retry=options.retry,
            prices=options.prices,
            warn=warn,
            info=info,
            **extra,
        )
        self.jobs: dict[str, Job] = {}
        self.placed_by_uri: dict[str, Placed] = {}
        self.dialogue_files: set[str] = set()

    def _under_base(self, path: str) -> Path:
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.options.base_dir / candidate

    def _make_engine(self, name: str) -> Engine:
        return create_engine(name, self.options.engine_options.get(name, {}), self.environ)

    def _choose_engine(self) -> Engine:
        """The configured engine; the fallback only when synthesis is on and the engine has no credentials."""
        engine = self._make_engine(self.options.engine)
        if not (engine.is_cloud and self.generate and self.options.fallback_engine):
            return engine
        try:
            engine.check_credentials()
        except MissingCredentialsError as error:
            self.warn(
                f"no credentials for the {engine.name} engine ({error.message.splitlines()[0]}); rendering with "
                f"the fallback engine {self.options.fallback_engine} instead"
            )
            return self._make_engine(self.options.fallback_engine)
        return engine

    def page(
        self,
        src_path: str,
        markdown: str,
        meta: Mapping[str, Any],
        *,
        line_offset: int,
        siblings: Collection[str],
        language: str,
        language_free_src: str | None = None,
    ) -> tuple[list[Placed], list[str]]:
        """The conversations of one page with audio on, each planned as a job; and warnings to log."""
        scan = scan_page(markdown, src_path, line_offset, self.options.docs_dir)
        translation_of = meta.get("translation_of")
        post_key = language_free_src or voice_map_key(
            src_path, language, siblings, str(translation_of) if translation_of else None
        )
        placed: list[Placed] = []
        fenced = 0
        for found in scan.found:
            conversation = found.conversation
            if conversation.dialogue_file is not None:
                self.dialogue_files.add(conversation.dialogue_file)
                key = language_free_path(conversation.dialogue_file, language, siblings)
                stem = posixpath.splitext(conversation.dialogue_file)[0]
                audio_uri = f"{self.options.audio_dir}/{stem}-{language}.mp3"
            else:
                fenced += 1
                key = post_key
                audio_uri = f"{self.options.audio_dir}/{posixpath.splitext(src_path)[0]}-{fenced}.mp3"
            job = self._prepare(conversation, language, key)
            item = Placed(found, job, audio_uri, audio_uri[: -len(".mp3")] + ".json")
            self.jobs[job.key] = job
            self.placed_by_uri[audio_uri] = item
            placed.append(item)
        return placed, scan.warnings

    def _prepare(self, conversation: Any, language: str, key: str) -> Job:
        voices = self.voice_map.voices_for(self.engine.name, key, conversation.speakers, self.engine.voice_pool())
        try:
            return self.renderer.prepare(conversation, language, voices)
        except ConvaudioError as error:
            if error.path is not None:
                raise
            # a voice from the map the engine rejects: point at the map entry to edit
            speaker_lines = [
                self.voice_map.line_of(self.engine.name, key, speaker) for speaker in conversation.speakers
            ]
            line = next((number for number in speaker_lines if number is not None), None)
            raise ConvaudioError(
                f"{error.message} (voice map entry {key!r}, used by {conversation.source_path}:"
                f"{conversation.source_line}); edit or delete the entry",
                str(self.voice_map.path),
                line,
            ) from None

    def save_voice_map(self) -> None:
        self.voice_map.save()

    def estimate(self) -> Estimate:
        return self.renderer.estimate(list(self.jobs.values()))

    def render(self) -> Stats:
        """Synthesize what the cache lacks and assemble every conversation; the voice map is saved first so
        choices survive a failed build."""
        self.save_voice_map()
        jobs = list(self.jobs.values())
        if self.generate and self.engine.is_cloud and self.renderer.missing(jobs):
            self.engine.check_credentials()
        return self.renderer.render(jobs, generate=self.generate, max_characters=self.options.max_characters)

    def timings(self) -> dict[str, dict[str, Any]]:
        """Each rendered conversation's timings, by job key."""
        return {key: self.cache.read_timings(key) for key in self.jobs if self.cache.has_conversation(key)}

    def source_of(self, uri: str) -> Path:
        """Where the finished file for a site URI lives in the cache (MP3 or its timings JSON)."""
        for audio_uri, item in self.placed_by_uri.items():
            if uri == audio_uri:
                return self.cache.conversation_mp3(item.job.key)
            if uri == item.timings_uri:
                return self.cache.conversation_timings(item.job.key)
        raise KeyError(uri)

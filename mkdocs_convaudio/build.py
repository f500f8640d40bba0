"""One build's worth of audio work, independent of MkDocs: pages in, jobs planned, audio rendered."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import itertools
import json
import os
import posixpath
import re
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, overload

from .audio.assembly import AssemblySettings
from .audio.production import Production
from .engines import Engine, EngineContext, MissingPackageError, create_engine, engine_class, require_packages
from .engines.base import parse_options
from .errors import (
    ConvaudioError,
    LanguageError,
    MissingCredentialsError,
    MissingDialogueFile,
    Problems,
    VoiceRejected,
    each_problem,
    listed,
    raise_all,
)
from .html.assets import content_version, version_kind
from .html.captions import webvtt
from .libversions import package_fingerprint, remember_in, remembered
from .pagememo import conversation_record, engine_fingerprint, found_from, job_from, job_record
from .render import (
    LOUDNESS_MET,
    LOUDNESS_SHORT,
    Job,
    Limits,
    LinePart,
    Renderer,
    Stats,
    terminate_as_interrupt,
    unique_jobs,
)
from .retry import RetryPolicy
from .showplan import PostShow, ShowOptions, ShowPlanner, VideoPlan, make_video, video_key
from .store import DEFAULT_CACHE_DIR
from .store.cache import RACY_NS, AudioCache, content_key
from .store.files import file_stamp, publish, settled, write_if_changed
from .text.conversation import Conversation, words_said
from .text.discover import Found, Span, front_matter_lines, marked_encoding, read_dialogue_file, scan_page
from .text.headings import conversation_labels, numbered_title
from .text.spoken import Lexicon, load_lexicon
from .text.spoken_memo import code_version, lexicon_identity
from .utf8 import utf8
from .voices.languages import (
    BUILTIN_ALIASES,
    base_language,
    memo_version,
    normalize_language,
    speaks_other_language,
    use_memo,
)
from .voices.speakers import likely_typo, paired_speakers
from .voices.translations import Translations, is_language_code, markers
from .voices.voice_map import VoiceMap, chosen_voices

if TYPE_CHECKING:  # mutagen is loaded only to publish an MP3 again, never by a warm build
    from .audio.tags import Chapter, Tags

#: A full voice name that carries its locale (`en-US-Journey-D`): it speaks that language only.
_LOCALE_VOICE = re.compile(r"^([a-z]{2,3})-[A-Z]{2}-")


#: `.json` in any case, as `str.lower` would find it (no character past ASCII lowers to one of these): a page that
#: may link dialogue files, found without a lower-case copy of every audio page's Markdown
_JSON_NAME = re.compile(r"\.[jJ][sS][oO][nN]")
#: Conversations shorter than this (seconds) that fall short of the loudness get an info line, not a warning.
SHORT_TALK = 10.0


#: `version_kind` of the kinds a conversation's files have, worked out once (asked for each conversation, twice a
#: build)
_VERSION_KINDS = {kind: version_kind(kind) for kind in ("mp3", "vtt", "mp4")}


@lru_cache(maxsize=1)
def publish_version() -> str:
    """A digest of the code that derives published files from a cache entry (ID3 tags, captions, the
    transcript's plain text) and of the libraries it uses (mutagen writes the tags, langcodes names the tags' and
    captions' language, Python-Markdown gives the transcript's text): changed code never trusts an earlier
    publish record."""
    return remembered("publish code", _publish_version)


def _publish_version() -> str:
    from .libversions import library_version

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in ("audio/tags.py", "html/captions.py", "html/transcript.py", "store/files.py", "build.py"):
        digest.update((here / source).read_bytes() + b"\0")
    for library in ("mutagen", "langcodes", "language_data", "markdown"):
        digest.update(f"{library}={library_version(library)}\0".encode())
    return digest.hexdigest()[:32]


def video_version(key: str) -> str:
    """The version a post's video URL carries (`?v=`): the video's cache key names all it is made from."""
    return content_version(key.encode())


@dataclass
class SessionOptions:
    """Everything a build needs to know, whoever calls it (the MkDocs plugin or the command line)."""

    docs_dir: Path
    base_dir: Path
    #: the docs folder as the site's config file gives it, when a plugin may have moved `docs_dir` since (a new
    #: temporary folder for each build, as mkdocs-monorepo-plugin makes): what memo files are named after
    memo_docs_dir: Path | None = None
    #: "render" for the command line's runs without MkDocs: their memo files are never named like a site's (a
    #: run with a site's config would replace that site's memos, and prune of the site would not see the run)
    memo_kind: str = ""
    #: folders of docs_dir a generator publishes at the site's root, where a link from the root may point: Hugo's
    #: `static/` for `render` (`/dialogues/ep.json` is `static/dialogues/ep.json`), none for MkDocs
    root_folders: tuple[str, ...] = ()
    #: the site's config file, when it is not the usual one (`mkdocs.yml`): two configs of one docs folder
    #: (`mkdocs.yml` with eSpeak, `mkdocs.prod.yml` with a cloud voice) are two sites to the memo files and prune
    memo_config: Path | None = None
    engine: str = "espeak"
    fallback_engine: str | None = None
    engine_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    voice_map: str = "convaudio-voices.yml"
    cache_dir: str = DEFAULT_CACHE_DIR
    audio_dir: str = "assets/convaudio"
    assembly: AssemblySettings = field(default_factory=AssemblySettings)
    concurrency: int | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    generate: bool = True
    max_characters: int | None = None
    prices: Mapping[str, float] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    #: a WebVTT file beside each MP3
    captions: bool = True
    #: ID3 tags in each published MP3 (title from the page; artist and album default to the site name)
    tags: bool = True
    artist: str = ""
    album: str = ""
    pronunciations: str = "convaudio-pronunciations.yml"
    language_aliases: Mapping[str, str] = field(default_factory=dict)
    trigger_key: str = "audio"
    trigger_value: Any = True
    #: Where published files go (the plugin: a folder MkDocs copies from; the command: the output folder).
    publish_dir: Path | None = None
    shared_cache: str | None = None
    shared_cache_required: bool = False
    shared_cache_options: Mapping[str, Any] = field(default_factory=dict)
    show: ShowOptions = field(default_factory=ShowOptions)


def site_lexicon(options: SessionOptions) -> Lexicon:
    """The site's pronunciation lexicon, read once per build (sections named by language, aliases allowed)."""
    path = Path(options.pronunciations)
    return load_lexicon(
        path if path.is_absolute() else options.base_dir / path,
        lambda code: normalize_language(code, options.language_aliases),
    )


class BuildProblems(ConvaudioError):
    """Every error of one build, collected from all pages and files, reported at once."""

    def __init__(self, problems: list[ConvaudioError]) -> None:
        self.problems = problems
        count = len(problems)
        listing = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(
            f"{count} problem{'s' * (count != 1)} stop{'s' * (count == 1)} this build (all of them are listed; "
            f"fix them, then build again):\n{listing}"
        )


def triggered(meta: Mapping[str, Any], key: str, value: Any, syntax: str = "yaml") -> tuple[bool, str | None]:
    """Whether a page's front matter turns audio on (`key: value`), and a warning when it nearly does, its fix
    written in the front matter's `syntax` ("yaml", or "toml" and "json" for Hugo's posts `render` reads: a TOML
    post was told to write `audio: true`, which is no TOML)."""
    found = meta.get(key)
    if found == value and type(found) is type(value):
        return True, None
    if found is None and meta:
        # `Audio: true`: front matter keys are case-sensitive, and the page was built without audio, silently
        folded = key.lower()
        other = next((name for name in meta if isinstance(name, str) and name.strip().lower() == folded), None)
        if other is not None and triggered({key: meta[other]}, key, value) != (False, None):
            return (
                False,
                f"`{_field(other, None, syntax)}` is not `{_field(key, None, syntax)}` (front matter keys are "
                f"case-sensitive), so audio is off; write `{_field(key, None, syntax)}`",
            )
    if value is True and isinstance(found, str) and found.strip().lower() in ("true", "yes", "on", "1"):
        return False, f"`{_field(key, found, syntax)}` is text, so audio is off; write `{_field(key, True, syntax)}`"
    if value is True and isinstance(found, int | float) and not isinstance(found, bool) and found:
        return (
            False,
            f"`{_field(key, found, syntax)}` is a number, not the boolean true, so audio is off; write "
            f"`{_field(key, True, syntax)}`",
        )
    if not isinstance(value, bool) and found is not None and str(found).strip() == str(value):
        return True, None
    if isinstance(value, str) and isinstance(found, bool) and _YAML_BOOLEANS.get(value.strip().lower()) is found:
        return True, None  # `trigger_value: "yes"`: YAML read the page's `audio: yes` as true (bug bash 95)
    return False, None


def _field(key: str, value: object, syntax: str) -> str:
    """A front matter field as written in `syntax`: `audio: true` (YAML), `audio = true` (TOML), `"audio": true`
    (JSON); its key alone (`audio:`, `audio =`, `"audio":`) when `value` is None."""
    if syntax == "yaml":
        written = "true" if value is True else repr(value)  # `audio: 'true'`, as YAML quotes text
        return f"{key}:" if value is None else f"{key}: {written}"
    written = json.dumps(value, ensure_ascii=False)  # `"true"`, `1`, `true`: TOML writes them as JSON does
    named = f"{key} =" if syntax == "toml" else f"{json.dumps(key, ensure_ascii=False)}:"
    return named if value is None else f"{named} {written}"


#: The words YAML (1.1, as MkDocs reads front matter) takes for booleans
_YAML_BOOLEANS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


class TimingsTable(Mapping[str, dict[str, Any]]):
    """Conversations' timings by placeholder token, each parsed from the JSON text a memo keeps only when it is
    asked for (a warm build whose players are finished before the audio step asks for none)."""

    def __init__(self, table: Mapping[str, dict[str, Any] | str] | None = None) -> None:
        self._table: dict[str, dict[str, Any] | str] = dict(table or {})
        self.parsed = 0  # how many were parsed (a warm build's tests count them)

    def __getitem__(self, token: str) -> dict[str, Any]:
        value = self._table[token]
        if isinstance(value, str):
            value = self._table[token] = json.loads(value)
            self.parsed += 1
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def merge(self, other: TimingsTable) -> None:
        """Take `other`'s timings (unparsed ones stay unparsed)."""
        self._table.update(other._table)


_USED_BY = re.compile(r"used by ([^);]+)")


def _one_if_alike(keys: list[str], entry_of: Callable[[str], Mapping[str, str]]) -> list[str]:
    """The first of voice-map `keys` by name when all their entries have the same voices (voices chosen
    automatically are the same for the same speakers): no choice to make between them (review 80); else `keys`."""
    if len({tuple(sorted(entry_of(key).items())) for key in keys}) == 1:
        return sorted(keys)[:1]
    return keys


def _pairing_line(key: str, users: Collection[tuple[str, str]]) -> str:
    """Who shares the voices of voice-map entry `key`: the translations of the page the entry is named after use
    its voices (`blog/talk-fr.md (fr) uses the voices of blog/talk.md (en)`); else they share the entry."""
    named = [f"{source} ({language})" for source, language in sorted(users)]
    original = [name for (source, _), name in zip(sorted(users), named, strict=True) if source == key]
    if len(original) == 1:
        others = [name for name in named if name != original[0]]
        verb = "uses" if len(others) == 1 else "use"
        return f"{listed(others)} {verb} the voices of {original[0]}"
    return f"{listed(named)} share voices (the voice map's entry {key})"


def build_problems(errors: list[ConvaudioError]) -> BuildProblems:
    """Every error of a build, each once (mkdocs-static-i18n's builds each place a page another language lacks, and
    find its problem again), those of one voice-map entry made one (`_merged_users`)."""
    unique = list({str(error): error for error in errors}.values())
    return BuildProblems(_merged_users(unique))


def _merged_users(errors: list[ConvaudioError]) -> list[ConvaudioError]:
    """`errors` with those that differ only in the page that uses what is wrong (`used by page:line`) made one,
    naming every such page."""
    merged: list[ConvaudioError] = []
    users: dict[tuple[str | None, int | None, str], tuple[int, list[str]]] = {}
    for error in errors:
        match = _USED_BY.search(error.message)
        if match is None:
            merged.append(error)
            continue
        shape = (error.path, error.line, error.message[: match.start()] + "\0" + error.message[match.end() :])
        if shape in users:
            users[shape][1].append(match[1])
            continue
        users[shape] = (len(merged), [match[1]])
        merged.append(error)
    for (path, line, message), (index, pages) in users.items():
        if len(pages) > 1:
            merged[index] = ConvaudioError(message.replace("\0", "used by " + listed(pages)), path, line)
    return merged


def timings_digest(text: str) -> str:
    """A digest of a timings file's text (what a finished player is remembered by, with its page)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Recalled:
    """What the page memo holds of a conversation besides its text: all a warm build uses when nothing changed.
    Its text and planned job (`load`) are read from the plan memo only when something asks for them."""

    key: str
    #: the job's line parts (requests), for the build's summary
    parts: int
    #: each line's section heading (or None), which the published MP3's chapters come from
    sections: list[str | None]
    #: the file the conversation is written in (its page)
    source_path: str
    load: Callable[[], tuple[Found, Job]]


class Placed:
    """A conversation found in a page, its voice-map entry, its job and where its audio goes in the site.

    A conversation replayed from the page memo is `Recalled`: its `found` and `job` are read from the plan
    memo the first time they are asked for, which a warm build with nothing to do never does."""

    def __init__(
        self,
        found: Found | Recalled,
        language: str,
        voice_key: str,
        legacy_keys: list[str],
        audio_uri: str,
        job: Job | None = None,
        *,
        span: Span | None = None,
        show: PostShow | None = None,
        source_key: str | None = None,
    ) -> None:
        self._found, self._job, self._recalled = None, job, None
        if isinstance(found, Recalled):
            self._recalled = found
        else:
            self._found = found
            span = span or found.span
        assert span is not None and (job is not None or self._recalled is not None)
        self.span = span
        self.language = language
        self.voice_key = voice_key
        self.legacy_keys = legacy_keys
        self.audio_uri = audio_uri
        self.timings_uri = audio_uri[: -len(".mp3")] + ".json"
        #: the name its podcast episode's GUID is made from: a dialogue file's former name (`dialogue_audio_stem`),
        #: as a new GUID is a new episode in every subscriber's app, the old one gone
        self.guid_uri = audio_uri
        #: the page's title, set by the caller once known (the MP3's title tag); the source file's name otherwise
        self.title: str | None = None
        #: its place among its page's conversations (from 1), and the heading it stands under when the page holds
        #: several: what tells their titles apart (`numbered_title`)
        self.number = 1
        self.label: str | None = None
        self.show = show
        #: the MP3's artist and album when they are another build's: mkdocs-static-i18n shows a page a language lacks
        #: in that language's build too, and its MP3 keeps its own language's build's tags (`None`: this build's)
        self.tag_names: tuple[str, str] | None = None
        #: a digest of everything the conversation's text comes from (its page's memo key and its place in the
        #: page), when the page has one: what the player is remembered by without reading the text
        self.source_key = source_key

    def _load(self) -> None:
        assert self._recalled is not None
        found, job = self._recalled.load()
        self._found = found
        if self._job is None:
            self._job = job

    @property
    def dialogue_file(self) -> str | None:
        """The docs-relative dialogue file the conversation comes from, if any (a page replayed from the memo links
        none: pages that may link one are planned afresh)."""
        return None if self._found is None else self._found.conversation.dialogue_file

    @property
    def found(self) -> Found:
        if self._found is None:
            self._load()
        assert self._found is not None
        return self._found

    @property
    def job(self) -> Job:
        if self._job is None:
            self._load()
        assert self._job is not None
        return self._job

    @job.setter
    def job(self, job: Job) -> None:
        self._job = job

    @property
    def key(self) -> str:
        """The conversation's cache key."""
        return self._recalled.key if self._job is None and self._recalled is not None else self.job.key

    @property
    def parts(self) -> int:
        return self._recalled.parts if self._job is None and self._recalled is not None else len(self.job.all_parts)

    @property
    def sections(self) -> list[str | None]:
        if self._job is None and self._recalled is not None:
            return self._recalled.sections
        return [parts[0].turn.section for parts in self.job.parts]

    @property
    def video_uri(self) -> str | None:
        """Where the post's video goes in the site, when it has one."""
        return self.audio_uri[: -len(".mp3")] + ".mp4" if self.show and self.show.video else None

    @cached_property  # asked for several times per conversation; `audio_uri` never changes
    def token(self) -> str:
        """A short stable id for the page's placeholders."""
        return hashlib.sha1(self.audio_uri.encode("utf-8")).hexdigest()[:16]

    @cached_property  # asked for several times per conversation and build, as `token`
    def captions_uri(self) -> str:
        return self.audio_uri[: -len(".mp3")] + ".vtt"

    @property
    def chapters_uri(self) -> str:
        """Where its Podcasting 2.0 JSON chapters file goes (`talk-1.chapters.json`), when it has sections."""
        return self.audio_uri[: -len(".mp3")] + ".chapters.json"

    @property
    def has_chapters(self) -> bool:
        """Whether a section starts in it: its MP3 has ID3 chapters, and a JSON chapters file beside it."""
        return any(self.sections)

    @property
    def video_plan(self) -> VideoPlan | None:
        """The post's video plan, titled as this conversation (`display_title`), when it has a video."""
        plan = self.show.video if self.show is not None else None
        if plan is None or (self.label is None and self.number == 1):
            return plan
        return replace(plan, title=numbered_title(plan.title, self.label, self.number))

    @property
    def display_title(self) -> str:
        """The MP3's title: its page's, told apart from the page's other conversations (`numbered_title`)."""
        return numbered_title(self._page_title(), self.label, self.number)

    def _page_title(self) -> str:
        if self.title:
            return self.title
        if self._found is None and self._recalled is not None:
            return posixpath.splitext(posixpath.basename(self._recalled.source_path))[0]
        source = self.found.conversation.dialogue_file or self.found.conversation.source_path
        return posixpath.splitext(posixpath.basename(source))[0]


def generate_from_env(configured: bool, environ: Mapping[str, str]) -> bool:
    """`CONVAUDIO_GENERATE=0|1` overrides the `generate` option (CI turns synthesis off without editing files)."""
    value = environ.get("CONVAUDIO_GENERATE", "").strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    if value:
        raise ConvaudioError(
            f"CONVAUDIO_GENERATE must be 0 or 1 (or false/no/off, true/yes/on), not {value!r}; set one, or unset it"
        )
    return configured


def no_conversation(where: str, other_data: Sequence[str] = ()) -> str:
    """The warning for a page that turns audio on and holds no conversation, at `where` (`path:line`); naming the
    linked `.json` files that hold something else (`other_data`)."""
    linked = ""
    if other_data:
        verb = "is" if len(other_data) == 1 else "are"
        linked = f" (the linked {', '.join(other_data)} {verb} no list of turns)"
    return (
        f"{where}: audio is on but no conversation was found{linked}; write a ```json block holding a list of "
        '{"speaker": ..., "line": ...} turns (check the fence\'s language word) or link a dialogue .json file, or '
        "remove `audio: true`"
    )


def dialogue_audio_stem(dialogue: str, language: str, *, short: bool = True) -> str:
    """The name of a linked dialogue file's audio: the file's path and the language it is spoken in
    (`ep.json` → `ep-fr`), for a file linked from pages in several languages is spoken in each. A file whose name
    ends with that language as a translation's suffix (`ep.fr.json`, Hugo's and mkdocs-static-i18n's layout) is
    named as a page translated so is (`talk.fr.md` → `talk.fr-1`): `ep.fr`, its language said once (it was
    `ep.fr-fr`). Only the `.fr` form: `ep-fr.json` keeps `ep-fr-fr`, which `ep.json` spoken in French would take.
    Not `short` (the audio published beside the dialogue files, `render --out` its root, where the timings file
    `ep.fr.json` would be the dialogue file itself, and replaced it: review r-render2), or as its podcast
    episode's GUID names it, it is the name it had before: `ep.fr-fr`."""
    stem = posixpath.splitext(dialogue)[0]
    named = posixpath.splitext(posixpath.basename(stem))[1][1:]
    return stem if short and named and named.lower() == language.lower() else f"{stem}-{language}"


def front_matter_line(source_file: Path, key: str) -> int | None:
    """The 1-based line where front matter sets `key`, for error messages."""
    try:
        raw = source_file.read_bytes()
        # as `render` reads a post: by its byte order mark, UTF-16's too (its lines were named at line 1)
        text = raw.decode(marked_encoding(raw) or "utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    # only the front matter's lines, when the file opens with one (`---`, `+++`): a line of the post that reads like
    # a field (`Audio: recorded at home.`) was named for a key the front matter sets indented, under `[params]`
    lines = text.splitlines()
    if text.startswith("{"):
        # Hugo's JSON front matter, as `render` reads it, up to its `}`: `"key":`, indented (it was named at line 1)
        lines = lines[: next((number for number, line in enumerate(lines) if line.rstrip() == "}"), 0)]
        forms = [(rf'\s*"{re.escape(key)}"\s*:', flags) for flags in (0, re.I)]
    else:
        lines = lines[: front_matter_lines(text) or None]
        # YAML (`key:`), or TOML (`key = `) as `render` reads it; then indented, as under Hugo's `[params]`, which
        # `render` reads as the post's own (its `audio = "true"` was named at line 1); as written, else in another
        # case (`Audio: true`)
        forms = [
            (rf"{indent}{re.escape(key)}\s*[:=]", flags) for indent, flags in (("", 0), ("", re.I), (r"[ \t]+", 0))
        ]
    for form, flags in forms:
        pattern = re.compile(form, flags)
        if (found := next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)) is not None:
            return found
    return None


#: config file names that name no site of their own: MkDocs' (and ProperDocs') usual names, and the temporary copy
#: `mike` builds through when the config does not list its plugin (a random name, the same site)
USUAL_CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
MIKE_CONFIG_PREFIX = "mike-mkdocs"


def _suffix_language(src_path: str, language_free_src: str | None) -> str | None:
    """The language a translation plugin's suffix names (`talk.fr.md` of `talk.md`: `fr`): its links to
    `ep.json` mean `ep.fr.json` when there is one, as mkdocs-static-i18n publishes them."""
    if not language_free_src or language_free_src == src_path:
        return None
    stem, dot, code = posixpath.splitext(src_path)[0].rpartition(".")
    if not dot or f"{stem}{posixpath.splitext(src_path)[1]}" != language_free_src:
        return None
    return code


def memo_tag(docs_dir: Path, cache_root: Path, kind: str = "", config_file: Path | None = None) -> str:
    """What a site's memo files and published folder are named with: nothing for the usual layout (`docs/` beside
    the cache's `.cache/`, built from `mkdocs.yml`), else a digest of where its docs folder and its config file
    are seen from the cache. Sites sharing a cache folder each need their own: a memo keeps only what one site's
    builds use, two sites may publish different audio under one URI, and prune of one site must not take what
    only another uses. Sites differ by their docs folder (`mkdocs.yml` and `mkdocs.fr.yml` with their own, or
    `en/mkdocs.yml` and `fr/mkdocs.yml` with one `cache_dir`) or by their config file (`mkdocs.yml` and
    `mkdocs.prod.yml` of one docs folder, with other voices). mike's temporary config is the usual one: it holds
    no name of the config it copies. The docs folder as the config file gives it (`SessionOptions.memo_docs_dir`),
    not where a plugin moved it. A `kind` (`SessionOptions.memo_kind`) gives runs of another kind tags of their
    own."""
    where = Path(os.path.relpath(docs_dir.resolve(), cache_root.resolve())).as_posix()
    if config_file is not None and not (
        config_file.name in USUAL_CONFIG_NAMES or config_file.name.startswith(MIKE_CONFIG_PREFIX)
    ):
        where += " " + Path(os.path.relpath(config_file.resolve(), cache_root.resolve())).as_posix()
    if where == posixpath.relpath("docs", DEFAULT_CACHE_DIR) and not kind:  # ../../../docs
        return ""
    return "-" + hashlib.sha256(utf8(f"{kind}:{where}" if kind else where)).hexdigest()[:10]


#: Posts named in full by a line about them all (the voice map's new voices, the posts a language falls back on);
#: the rest are counted.
SHOWN_POSTS = 3


def first_posts(posts: Sequence[str], separator: str = "; ") -> str:
    """The first `SHOWN_POSTS` of `posts` in full and the rest counted (`a; b; c; and 4 more posts`): a line
    about every post of a new blog stays one line."""
    shown = list(posts[:SHOWN_POSTS])
    more = len(posts) - len(shown)
    return separator.join(shown) + (f"{separator}and {more} more post{'s' * (more > 1)}" if more else "")


def site_memo_tag(options: SessionOptions, cache_root: Path) -> str:
    """`memo_tag` of the site these options build."""
    return memo_tag(options.memo_docs_dir or options.docs_dir, cache_root, options.memo_kind, options.memo_config)


def open_cache(
    options: SessionOptions,
    root: Path,
    environ: Mapping[str, str],
    warn: Callable[[str], None],
    info: Callable[[str], None] = lambda message: None,
    *,
    stop_when_lost: bool = False,
    answers: set[str] | None = None,
    synthesizes: bool = True,
) -> AudioCache:
    """The local cache, backed by the shared cache when `shared_cache` is set (`stop_when_lost` and `answers`, the
    stores that answered earlier builds of this session, and `synthesizes`, off for a cache-only build: see
    `SharedStore`)."""
    if not options.shared_cache:
        return AudioCache(root, memo_tag=site_memo_tag(options, root))
    from .store.shared import SharedStore

    url = store_url(options.shared_cache, options.base_dir)
    remote = SharedStore(
        url,
        root,
        options=options.shared_cache_options,
        required=options.shared_cache_required,
        stop_when_lost=stop_when_lost,
        warn=warn,
        info=info,
        environ=environ,
        answers=answers,
        synthesizes=synthesizes,
    )
    # what killed uploads left on a plain-folder store (object stores publish atomically and leave nothing);
    # an unreachable store is reported once, by the first read
    with contextlib.suppress(ConvaudioError):
        remote.sweep_uploads()
    return AudioCache(root, remote, memo_tag=site_memo_tag(options, root))


def store_url(value: str, base_dir: Path) -> str:
    """`shared_cache` as the store's URL: a plain folder (a network share) relative to the folder of mkdocs.yml;
    a file URL in any of its forms (`file:///x`, `file://localhost/x`, `file:/x`) as `file:///x`."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(value)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            raise ConvaudioError(
                f"shared_cache {value}: a file URL names a folder of this machine (file:///path); for a network "
                "share, mount it and give its local path"
            )
        return f"file://{Path(unquote(parts.path)).resolve().as_posix()}"
    if "://" not in value:
        # not `as_uri()`: fsspec does not decode a file URL, so `my%20share` would be another folder
        return f"file://{(base_dir / value).resolve().as_posix()}"
    return value


def _source_of(item: Placed) -> str:
    """The file a placed conversation is read from: its dialogue file, else its page."""
    return item.found.conversation.dialogue_file or item.found.conversation.source_path


def _chapters_file(path: Path) -> bool:
    """Whether `path` holds a JSON chapters file (one published before its sections went), never another file
    that has its name (a dialogue `ep.chapters.json`'s timings in a `render --out` folder)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "chapters" in data and "lines" not in data


def publish_root(cache_root: Path, tag: str = "") -> Path:
    """`<cache>/site/`, where builds put the files MkDocs copies into the site (`site<tag>/` for a site whose
    docs folder is not the usual one: see `memo_tag`; two sites may publish different audio under one URI).
    When the cache cannot be written (a CI cache restored read-only, a shared folder), a folder of the system's
    temporary folder named after the cache instead, so a build whose audio is all cached still works."""
    site = cache_root / f"site{tag}"
    existing = site
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if os.access(existing, os.W_OK):
        return site
    name = hashlib.sha256(os.fsencode(cache_root.resolve())).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"convaudio-site-{name}{tag}"


def under_base(base_dir: Path, path: str) -> Path:
    """A path of the options: relative to the folder of mkdocs.yml (or convaudio.toml)."""
    candidate = Path(path)
    return candidate if candidate.is_absolute() else base_dir / candidate


def cache_inside_docs(cache_root: Path, docs_dir: Path) -> str | None:
    """Why a cache folder cannot be where it is, for a site (MkDocs publishes all of docs_dir), or None."""
    docs = docs_dir.resolve()
    if not cache_root.resolve().is_relative_to(docs):
        return None
    return (
        f"cache_dir ({cache_root}) is inside docs_dir ({docs}): the cache would be published with the site and "
        "`mkdocs serve` would rebuild on every cache write; use a folder outside docs_dir, such as the default "
        f"{DEFAULT_CACHE_DIR}"
    )


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
        clock: Callable[[], float] | None = None,
        shared_answers: set[str] | None = None,
    ) -> None:
        self.options = options
        self.environ = dict(os.environ if environ is None else environ)
        self.warn = warn
        self.info = info
        self.sleep = sleep
        self.clock = clock
        self.generate = generate_from_env(options.generate, self.environ)
        options.assembly.validate()
        self.cache = open_cache(
            options,
            self._under_base(options.cache_dir),
            self.environ,
            warn,
            info,
            answers=shared_answers,
            synthesizes=self.generate,
        )
        docs = options.docs_dir.resolve()
        # MkDocs publishes all of docs_dir; a run with its own output folder (the command) publishes only that
        if options.publish_dir is None and (message := cache_inside_docs(self.cache.root, docs)):
            raise ConvaudioError(message)
        self.cache.sweep_temporary()
        remember_in(self.cache.memo("versions", "1"))  # a warm build reads no library's metadata, no source file
        #: What each placed conversation's published files were made from and their stamps afterwards, by
        #: audio URI: a warm build re-reads no tag, timings or captions of a copy nothing changed.
        self.published = self.cache.memo("published", publish_version(), stamps=True)
        #: Conversations whose published files were checked and rewritten in this build (tests count them).
        self.republished = 0
        #: Timings known from publish records (or read while publishing), by placeholder token.
        self._timings: dict[str, dict[str, Any] | str] = {}  # parsed, or the text of the timings file
        self._digests: dict[str, str] = {}
        self._durations: dict[str, float] = {}
        #: The versions of each placed conversation's published MP3 and captions (`url_versions`), by token.
        self._versions: dict[str, dict[str, str]] = {}
        self._published_paths: dict[str, Path] = {}
        self._published_files: dict[str, str] = {}
        self._published_prefix: str | None = None  # see `published_file`
        #: the site URIs of files an earlier build of this process published for a conversation and this build no
        #: longer does (a video or captions turned off; see `_remove_superseded`)
        self.withdrawn_uris: list[str] = []
        #: each post's video key by its audio URI, and those this build made (see `_remove_superseded`)
        self.video_keys: dict[str, str] = {}
        self.videos_made: set[str] = set()
        use_memo(self.cache.memo("languages", memo_version()))  # a warm build need not load langcodes
        self.publish_root = publish_root(self.cache.root, self.cache.memo_tag)
        self._publish_in_cache: bool | None = None  # see `_copied_with_cache`
        self.voice_map = VoiceMap(self._under_base(options.voice_map), self.cache.memo("voicemap", "2"))
        self.lexicon = site_lexicon(options)
        if options.pronunciations != SessionOptions.pronunciations and not Path(self.lexicon.path or "").is_file():
            # the default file may be absent; one named in the options is meant to be there (a typo reads nothing)
            warn(
                f"pronunciations: {options.pronunciations} does not exist (looked for it in {options.base_dir}); "
                "fix the path, or remove the option"
            )
        self.shows = ShowPlanner(
            options.show,
            options.docs_dir,
            options.base_dir,
            lambda src_path, key: front_matter_line(options.docs_dir / src_path, key),
            warn,
        )
        self.engine = self._make_engine(options.engine)
        if options.fallback_engine:  # its options are checked now, not when a build without credentials needs it
            fallback = options.fallback_engine
            parse_options(engine_class(fallback).Options, options.engine_options.get(fallback, {}), fallback)
        self.closed = False
        self.renderer = self._make_renderer(self.engine)
        self.placed: dict[str, Placed] = {}
        #: the files of the pages each placed conversation was read from, by audio URI (None: a page without one)
        self.read_from: dict[str, set[str | None]] = {}
        #: the dialogue files (absolute) each placed conversation was read from, by audio URI: once one is gone
        #: under `mkdocs serve`, so are the published files it made (a dialogue file renamed while the page linking
        #: it stays)
        self.dialogues_read: dict[str, set[str]] = {}
        self.translations = Translations(())
        self.site_language = "en"  # the site's language, as the last page's `language_of` saw it
        #: a heading's text as the site's page shows it (`html.heading_text`), for the titles of the conversations
        #: under it; None where no site renders the page (`render`): its words as written (`heading_words`)
        self.heading_text: Callable[[str], str] | None = None
        #: the language whose pages are the originals of their translations, where the site's language is not it:
        #: mkdocs-static-i18n's default, while it builds another language (whose theme language is that one)
        self.original_language: str | None = None
        self._loops: set[frozenset[str]] = set()  # `translation_of:` loops reported in this build
        self._said_ambiguous: set[str] = set()  # new voice-map keys that several gone entries could be, said
        self._said_kept_apart: set[str] = set()  # shared keys whose translations keep entries of their own, said
        self._said_repeats: set[str] = set()  # turns that repeat the one before (`path:line`), said
        self._said_typos: set[tuple[str, str]] = set()  # speakers that look misspelt (`path:line`, speaker), said
        #: translations (page or dialogue file, voice-map key) whose renamed speakers could not be paired, said
        self._said_unpaired: set[tuple[str, str]] = set()
        #: a translation's renamed speakers this build paired with its original's (`_pair_renamed`), by voice-map
        #: entry: the page memo records them, so a warm build pairs them again without planning the page
        self._paired: dict[str, dict[str, str]] = {}
        #: entries that kept the voices of their cached lines, with those and the names' (`_say_kept_voices`)
        self._kept_voices: dict[str, tuple[str, str]] = {}
        #: translations (`translation_of:`, or Hugo's `translationKey` for `render`) by page, with the voice-map
        #: entry their fenced conversations use, their original's (see `_say_entries_left`)
        self._translated_pages: dict[str, str] = {}
        self._said_left: set[str] = set()  # translations' own entries no longer used, said
        #: the dialogue files near each folder's, as translations (looked for once a build: review 122 measured
        #: 400 globs of a whole language's posts, and as many indexes of them, in a warm build of 400 pages)
        self._dialogue_translations: dict[str, Translations] = {}
        self._said_lang: set[tuple[str, str]] = set()  # pages whose `lang:` contradicts their locale or path, said
        #: the warnings this build's pages gave (each logged by their caller), not said again when their
        #: conversations are planned again (`_say_planned_again`)
        self._planning_warnings: set[str] = set()
        self.errors: list[ConvaudioError] = []
        #: voice-map key → the (page or dialogue file, language) pairs that use it, for the pairing report
        self.pairings: dict[str, set[tuple[str, str]]] = {}
        #: Each page's plan, remembered between builds (see `page` and `_remember`); pages replayed from it, and
        #: replayed conversations whose text was read after all (tests count them).
        self.pages = self.cache.memo("pages", "1")
        self.plans = self.cache.memo("plans", "2")
        self.replayed = 0
        self.recalls = 0
        self._pages_args: dict[str, tuple[str, str, int]] = {}
        self.scanned = 0
        #: The conversations the last page asked for (planned or not: one with an error counts): none means the
        #: page has audio on for nothing.
        self.conversations_on_page = 0
        #: of them, those left out with `<!-- convaudio: off -->` (remembered with a replayed page's plan)
        self.opted_out_on_page = 0
        #: the local `.json` files the last planned page links, read or not (see `PageScan.linked`)
        self.linked_on_page: list[str] = []
        #: the translations the last planned page's links would open were they there (see `PageScan.unopened`)
        self.unopened_on_page: list[str] = []
        #: characters the same run sent before this session (mkdocs-static-i18n's languages before this one)
        self.spent_before = 0
        #: warnings given so far by a build that fails on any (`mkdocs build --strict`; set by the plugin)
        self.failing_warnings: Callable[[], int] = lambda: 0
        #: the last planned page's linked `.json` files that hold no conversation (`no_conversation`)
        self.other_data_on_page: list[str] = []
        #: Each page file's front matter length by its stamp (see `front_matter_lines`), and the `lang:` and
        #: `translation_of:` of the pages `Translations` asks about (`_translation_marks`); and the files read for
        #: them (tests count them). A memo of its own: a new entry here never makes the plan memo drop another
        #: language build's plans (see `Memo.save`).
        self.sources = self.cache.memo("sources", "1")
        self.sources_read = 0
        self._identity: str | None = None
        self._checks: dict[tuple[Any, ...], tuple[dict[str, str], str]] = {}
        #: Called by `render` while it holds the cache, once the jobs are final and before any is synthesized
        #: (`mkdocs-convaudio render` records there what the run uses, for `cache prune`).
        self.before_render: Callable[[], None] | None = None
        #: Whether this build rendered with the fallback engine (no credentials for the configured one, or its
        #: package not installed), and why, as the summary line says it (`fell_back_why`).
        self.fell_back = False
        self.fell_back_why = ""

    def set_pages(self, pages: Collection[str], languages: Iterable[object] = ()) -> None:
        """The site's pages (paths relative to docs_dir), among which translations are recognized, and the
        languages its configuration names (its theme's, mkdocs-static-i18n's): a page named `talk-ca.md` beside
        `talk.md` on a site configured in Catalan is a translation (see `Translations._named_beside`)."""
        self.translations = Translations(pages, self._translation_marks, languages)

    def wants_audio(self, meta: Mapping[str, Any], syntax: str = "yaml") -> tuple[bool, str | None]:
        """Whether a page's front matter marks it for audio, and a warning when it nearly does (its fix written in
        the front matter's `syntax`, see `triggered`)."""
        return triggered(meta, self.options.trigger_key, self.options.trigger_value, syntax)

    def language_of(
        self, src_path: str, meta: Mapping[str, Any], locale: object = None, site_language: object = None
    ) -> str:
        """Front matter `lang`, else a translation plugin's locale, else the language the path names when the
        page is one of several translations (`posts/fr/talk-fr.md`), else the site's language, else English."""
        written = meta.get("lang")
        if written is not None and not (isinstance(written, str) and written.strip()):
            # `lang: 5`, `lang: [fr]`, `lang: ""`: the page would be read in another language without a word
            self.errors.append(
                ConvaudioError(
                    f"lang: {written!r} is not a language code; write one such as en, fr or zh-Hant (or remove "
                    "`lang:` for the site's language)",
                    src_path,
                    front_matter_line(self.options.docs_dir / src_path, "lang"),
                )
            )
        site = site_language.strip() if isinstance(site_language, str) and site_language.strip() else "en"
        self.site_language = site
        names_original = meta.get("translation_of") is not None  # a translation by its author's word
        if isinstance(written, str) and written.strip():
            # a translator's front matter copied from another language's file: the audio spoke the `lang:`, the
            # page and its captions said another language, and nothing told (bug bash 74)
            from_locale = isinstance(locale, str) and bool(locale.strip())
            other = (
                str(locale)
                if from_locale
                else self.translations.path_language(src_path, site, names_original=names_original)
            )
            if other and self._primary(other) != self._primary(written) and (src_path, written) not in self._said_lang:
                self._said_lang.add((src_path, written))
                self.warn(
                    f"{src_path}:{front_matter_line(self.options.docs_dir / src_path, 'lang') or 1}: lang: "
                    f"{written.strip()}, but this page is the {other} translation "
                    f"({'its locale' if from_locale else 'its file name or folder'}): its audio is spoken in "
                    f"{written.strip()}; fix `lang:` (or remove it)"
                )
            return written.strip()
        if isinstance(locale, str) and locale.strip():
            return locale.strip()
        named = self.translations.path_language(src_path, site, names_original=names_original)
        if named is None and names_original:
            self._unsaid_path_language(src_path, site)
        return named or site

    def _unsaid_path_language(self, src_path: str, language: str) -> None:
        """Warn when a page that names its original (`translation_of:`) has no `lang:` and its path names another
        language than the one it is spoken in: a French post in Hugo's `content/fr/posts/` read aloud by an English
        voice without a word (bug bash h-render). Not taken from the path: a topic folder (`it/`) is no language."""
        named = markers(src_path)
        if not named or self._primary(named[0]) == self._primary(language) or (src_path, "") in self._said_lang:
            return
        self._said_lang.add((src_path, ""))
        line = front_matter_line(self.options.docs_dir / src_path, "translation_of") or 1
        self.warn(
            f"{src_path}:{line}: this translation has no `lang:`, so it is spoken in {language}, but its path names "
            f"{named[0]}; add `lang: {named[0]}` to its front matter (or `lang: {language}` when that folder is a "
            "topic, not a language)"
        )

    def _primary(self, code: str) -> str:
        """A language code's language, for comparing two codes (`pt_BR` and `pt`, `jp` and `ja` agree)."""
        words = code.strip().lower().replace("_", "-")
        return self._aliases.get(words, words).lower().split("-")[0]

    @cached_property
    def _aliases(self) -> dict[str, str]:
        """The built-in aliases and the site's, by lower-case code."""
        return {**BUILTIN_ALIASES, **{key.lower(): value for key, value in self.options.language_aliases.items()}}

    def check(self) -> None:
        """Raise every error collected so far, all at once (one problem of the voice map once, with every page
        that uses it: a bad voice was reported once per translation sharing it)."""
        if self.errors:
            raise build_problems(self.errors)
        self._say_entries_left()

    def _say_entries_left(self) -> None:
        """An info line for each translation whose own voice-map entry (the page's path) is still in the file with
        other voices than the original's entry, which the translation now speaks in: a blog rendered before
        `render` read Hugo's `translationKey` had an entry for each translation, where its author may have chosen
        a voice (`Thomas: m7`), and after upgrading Thomas spoke in Tom's voice without a word (review r-render4);
        so does a page given `translation_of:` after it had voices of its own. Not a warning: the blog builds, and
        `--strict` passes after an upgrade. Once per entry a build; never for an entry that agrees with the
        original's voices, nor one another page still uses, nor once it is deleted."""
        section = self.voice_map.table.get(self.engine.name, {})
        for page, key in sorted(self._translated_pages.items()):
            own = section.get(page)
            if own is None or page in self._said_left or page in self.pairings:
                continue
            now = section.get(key, {})
            differ = [speaker for speaker, voice in own.items() if speaker in now and now[speaker] != voice]
            if not differ:
                continue
            self._said_left.add(page)
            theirs = ", ".join(f"{speaker}: {now[speaker]}" for speaker in differ)
            mine = ", ".join(f"{speaker}: {own[speaker]}" for speaker in differ)
            name = self.voice_map.path.name
            self.info(
                f"voice map: {page} speaks in the voices of its original's entry {key} in {name} ({theirs}), no "
                f"longer in those of its own entry {page} ({mine}), which nothing uses now: to keep a voice you "
                f"chose there, copy its line (such as `{mine.split(', ')[0]}`) into the entry {key} (a speaker "
                f"both posts name alike then changes in both), then delete the entry {page}"
            )

    def pairing_report(self) -> list[str]:
        """One line per voice-map entry shared by translations that a page joined since the last build (any
        pairing, the first time): which pages use which page's voices (as `voices --map` says it; mkdocs-static-i18n
        builds each language apart, so none of its builds sees two pages of one entry). A warm build says none."""
        known = self.cache.memo("pairings", "1")
        lines = []
        for key, users in sorted(self.pairings.items()):
            if len({source for source, _ in users}) < 2:
                continue
            before = known.get(key)
            known.put(key, sorted([source, language] for source, language in users))
            if isinstance(before, list) and users <= {tuple(pair) for pair in before if isinstance(pair, list)}:
                continue
            lines.append(_pairing_line(key, users))
        return lines

    def fallback_report(self, language: str, fallbacks: Mapping[str, str], skipped: Collection[str]) -> str | None:
        """The line naming the audio posts `language`'s build of mkdocs-static-i18n shows from another language
        (`fallbacks`: each post and its language; it has no translation of them) when they are not the ones of the
        language's last build: the first build, a translation added or removed. None when they are the same (review
        212: said on every build and every `mkdocs serve` reload) or there are none. A `--dirty` build did not
        read its `skipped` pages: they fall back as they did."""
        known = self.cache.memo("fallbacks", "1")
        before = known.get(language)
        recorded = (
            {str(pair[0]): str(pair[1]) for pair in before if isinstance(pair, list) and len(pair) == 2}
            if isinstance(before, list)
            else None
        )
        posts = {**{src: locale for src, locale in (recorded or {}).items() if src in skipped}, **fallbacks}
        known.put(language, sorted([src, locale] for src, locale in posts.items()))
        if not posts or posts == recorded:
            return None
        count = len(posts)
        names = first_posts([f"{src} ({locale})" for src, locale in sorted(posts.items())], ", ")
        return (
            f"{language} has no translation of {count} audio {'post' if count == 1 else 'posts'}, shown with "
            f"{'its' if count == 1 else 'their'} original's audio (mkdocs-static-i18n's fallback): {names}"
        )

    def spoken_language(self, language: str, src_path: str | None = None) -> str:
        """A page's language as a BCP 47 tag (`hant` → `zh-Hant`), with the site's aliases."""
        try:
            return normalize_language(language, self.options.language_aliases)
        except ConvaudioError as error:
            line = front_matter_line(self.options.docs_dir / src_path, "lang") if src_path else None
            raise ConvaudioError(error.message, src_path, line) from None

    def _marked_language(self, found: Found, src_path: str, page_language: str, warnings: list[str]) -> str:
        """The language a conversation on page `src_path` is spoken in: the one its `<!-- convaudio: lang=fr -->`
        marker names, else the page's. A marker's language that is no language code, or that the engine has no
        voice for, is warned of at the marker's line, and the page's language is spoken (a build survives it, as
        it survives a marker that is no marker)."""
        if found.language is None:
            return page_language
        problem = self._unspeakable(found.language)
        if problem is None:
            return found.language
        warnings.append(
            f"{src_path}:{found.language_line}: `<!-- convaudio: lang={found.language} -->`: {problem}; until it is "
            f"fixed, the conversation below is spoken in the page's language ({page_language})"
        )
        return page_language

    def _unspeakable(self, code: str) -> str | None:
        """Why the engine cannot speak the language `code` names (no language code, no voice for it), or None."""
        try:
            spoken = normalize_language(code, self.options.language_aliases)
        except ConvaudioError as error:
            return error.message
        try:
            self.engine.resolve_voice(self.engine.voice_pool()[0], spoken)  # as `_prepare` will ask
        except LanguageError as error:
            return error.message
        except ConvaudioError:
            return None  # its voice rejected for another reason: `_prepare` says which, at the voice map
        return None

    def _under_base(self, path: str) -> Path:
        return under_base(self.options.base_dir, path)

    def _make_engine(self, name: str) -> Engine:
        context = EngineContext(self.options.base_dir, self.cache.root, self.generate, **self._clock())
        engine = create_engine(name, self.options.engine_options.get(name, {}), self.environ, context)
        for warning in engine.key_warnings():
            self.warn(warning)
        return engine

    def _clock(self) -> dict[str, Callable[[], float]]:
        return {"clock": self.clock} if self.clock is not None else {}

    def _make_renderer(self, engine: Engine) -> Renderer:
        extra: dict[str, Any] = {"sleep": self.sleep} if self.sleep is not None else {}
        if self.clock is not None:  # the wait for lines claimed elsewhere (`Renderer._wait_for_claim`), in tests
            extra["clock"] = self.clock
        return Renderer(
            engine,
            self.cache,
            self.options.assembly,
            workers=self.options.concurrency,
            retry=self.options.retry,
            prices=self.options.prices,
            warn=self.warn,
            info=self.info,
            limits=self.options.limits,
            lexicon=self.lexicon,
            **extra,
        )

    @property
    def jobs(self) -> list[Job]:
        """Each distinct conversation once (a dialogue file linked from two pages is one job)."""
        return list({item.job.key: item.job for item in self.placed.values()}.values())

    def page(
        self,
        src_path: str,
        markdown: str,
        meta: Mapping[str, Any],
        *,
        line_offset: int,
        language: str,
        language_free_src: str | None = None,
        audio_stem: str | None = None,
        source_file: str | None = None,
    ) -> tuple[list[Placed], list[str]]:
        """The conversations of one page with audio on, each planned as a job; and warnings to log. `source_file`
        is the page's file, if it has one: once it is gone, so are the conversations' published files
        (`store/superseded.py`).

        Errors do not stop the page: they are collected in `errors` (raised together by `check`) and the
        conversation they concern is left out."""
        placed, warnings = self._page(src_path, markdown, meta, line_offset, language, language_free_src, audio_stem)
        self._planning_warnings.update(warnings)
        if meta.get("translation_of") is not None:  # its own entry, if it still has one, is said (see there)
            keys = [item.voice_key for item in placed if item.dialogue_file is None and item.voice_key != src_path]
            if keys:
                self._translated_pages[src_path] = keys[0]
        if len(placed) > 1:  # their MP3s' and videos' titles are told apart (a page's only one is not looked at)
            labels = conversation_labels(markdown, [item.span.start for item in placed], self.heading_text)
            for number, (item, label) in enumerate(zip(placed, labels, strict=True), 1):
                item.number, item.label = number, label
        for item in placed:
            self.read_from.setdefault(item.audio_uri, set()).add(source_file)
            # known for every dialogue file's conversation: a page that may link one is never replayed (`_page_key`)
            if item.dialogue_file is not None:
                path = os.path.normpath(os.path.join(self.options.docs_dir, item.dialogue_file))
                self.dialogues_read.setdefault(item.audio_uri, set()).add(path)
        return placed, warnings

    def _page(
        self,
        src_path: str,
        markdown: str,
        meta: Mapping[str, Any],
        line_offset: int,
        language: str,
        language_free_src: str | None,
        audio_stem: str | None,
    ) -> tuple[list[Placed], list[str]]:
        post_key = language_free_src or self._post_key(src_path, meta, language)
        memo_key = self._page_key(
            src_path, markdown, meta, [line_offset, language, language_free_src, audio_stem, post_key]
        )
        if memo_key is not None and (replayed := self._replay(memo_key, src_path, markdown, meta, language)):
            self.replayed += 1
            self._pages_args[memo_key] = (src_path, markdown, line_offset)
            self.conversations_on_page, self.other_data_on_page = len(replayed[0]) + self.opted_out_on_page, []
            return replayed
        errors = len(self.errors)
        placed, warnings = self._plan_page(
            src_path,
            markdown,
            meta,
            line_offset,
            language,
            post_key,
            audio_stem,
            _suffix_language(src_path, language_free_src),
        )
        if memo_key is not None:
            for index, item in enumerate(placed):
                item.source_key = f"{memo_key}:{index}"  # as a replay of this page will name it
            if len(self.errors) == errors:
                self._remember(memo_key, placed, warnings)
        return placed, warnings

    def front_matter_lines(self, path: str) -> int:
        """How many lines precede the Markdown in the page file at `path` (`front_matter_lines`): remembered by
        the file's stamp in a memo, so a warm build does not read each audio page a second time (MkDocs
        read it already); any write or replacement of the file changes its stamp, and it is read again."""
        stamp = file_stamp(path)
        record = self.sources.get(path)
        if stamp is not None and isinstance(record, list) and len(record) == 2 and record[0] == stamp:
            return int(record[1])
        self.sources_read += 1
        with open(path, encoding="utf-8-sig") as handle:
            lines = front_matter_lines(handle.read())
        if settled([stamp], self.cache.clock_ns(), RACY_NS):  # its times say nothing within the racy window
            self.sources.put(path, [stamp, lines])
        return lines

    def _plan_page(
        self,
        src_path: str,
        markdown: str,
        meta: Mapping[str, Any],
        line_offset: int,
        page_language: str,
        post_key: str,
        audio_stem: str | None,
        localized: str | None = None,
    ) -> tuple[list[Placed], list[str]]:
        self.scanned += 1
        scan = scan_page(markdown, src_path, line_offset, self.options.docs_dir, localized, self.options.root_folders)
        # one left out with `<!-- convaudio: off -->` counts: "no conversation was found" blamed the fence's word
        self.opted_out_on_page = scan.opted_out
        self.conversations_on_page = len(scan.found) + len(scan.errors) + scan.opted_out
        self.other_data_on_page = scan.other_data
        self.linked_on_page = scan.linked
        self.unopened_on_page = scan.unopened
        errors = scan.errors
        if self._served():
            # a link being typed under `mkdocs serve` must not fail the rebuild (the preview stops reloading until
            # it is mended): the conversation has no audio until the file is there; `mkdocs build` stops
            warned = [error for error in errors if isinstance(error, MissingDialogueFile)]
            errors = [error for error in errors if not isinstance(error, MissingDialogueFile)]
            scan.warnings.extend(f"{error}; until then this conversation has no audio" for error in warned)
        self.errors.extend(errors)
        show: PostShow | None = None
        if scan.found:
            try:
                show = self.shows.plan(src_path, meta, markdown)
            except ConvaudioError as error:
                self.errors.extend(each_problem(error))
        placed: list[Placed] = []
        stem = audio_stem if audio_stem is not None else posixpath.splitext(src_path)[0]
        # the page's entry holds the speakers of all its fenced conversations
        page_turns = [
            turn.speaker for found in scan.found if found.conversation.dialogue_file is None
            for turn in found.conversation.turns
        ]  # fmt: skip
        page_speakers = set(page_turns)
        # the entry's voices are decided on all its fenced conversations: on its first alone, a new conversation
        # above the others gave them the names' voices and paid for their lines again
        fenced = [
            (found, self._marked_language(found, src_path, page_language, []))  # warned of in the loop below
            for found in scan.found
            if found.conversation.dialogue_file is None
        ]
        for found in scan.found:
            conversation = found.conversation
            # the page's, or its `<!-- convaudio: lang=fr -->` marker's: a dialogue file's name, audio and
            # voices follow it as they follow the language of the page that links it
            language = self._marked_language(found, src_path, page_language, scan.warnings)
            if conversation.dialogue_file is not None:
                dialogue = conversation.dialogue_file
                key, legacy = self.dialogue_key(dialogue, language, former=True)
                # a page whose fenced conversation moved into the file it now links leaves its entry to the file
                legacy = self._adopted(
                    key, legacy, set(conversation.speakers), found, language, show, [] if page_speakers else [post_key]
                )
                translations = self._dialogue_translations[dialogue.rpartition("/")[0]]
                self._warn_named_language(found, translations, language, src_path, scan.warnings)
                original = self._dialogue_original(dialogue, key)
                turns = [turn.speaker for turn in conversation.turns]
                self._voices_of_cached_lines(
                    key, legacy, turns, original, self._dialogue_turns, [(found, language)], show
                )
                self.follow_dialogue_original(dialogue, key, legacy, conversation)
                # one MP3 for every page linking the file, unless a page produces it its own way
                variant = show.variant() if show else ""
                named = dialogue_audio_stem(dialogue, language, short=not self._published_beside_sources)
                audio_uri = self._uri(f"{named}{variant}.mp3")
                # the name before `ep.fr.json`'s language was said once: its podcast episode keeps its GUID
                guid_uri = self._uri(f"{dialogue_audio_stem(dialogue, language, short=False)}{variant}.mp3")
            else:
                key, legacy = post_key, self._former_keys(src_path, meta, page_language, post_key)
                legacy = self._adopted(key, legacy, page_speakers, found, language, show)
                original = self._original_page(src_path, meta, key)
                self._voices_of_cached_lines(key, legacy, page_turns, original, self._page_turns, fenced, show)
                self._voices_in_original_order(key, legacy, page_speakers, original, self._page_turns)
                self._pair_renamed(key, conversation, page_turns, original, self._page_turns)
                audio_uri = guid_uri = self._uri(f"{stem}-{found.number}.mp3")
            item = self.add(found, language, key, legacy, audio_uri, scan.warnings, show, src_path)
            if item is not None:
                item.guid_uri = guid_uri
                placed.append(item)
        return placed, scan.warnings

    def _warn_named_language(
        self, found: Found, translations: Translations, language: str, src_path: str, warnings: list[str]
    ) -> None:
        """A warning when a link names a translation of a dialogue file (`ep.fr.json` beside `ep.json`) in another
        language than the one it is spoken in, the page's (no `lang=` marker, or one that cannot be followed):
        `ep.fr-en.mp3`, French read by the English voice, which the file's name says it is not."""
        dialogue = found.conversation.dialogue_file
        named = translations.path_language(dialogue, self.site_language) if dialogue else None
        if dialogue is None or named is None or self._primary(named) == self._primary(language):
            return
        warnings.append(
            f"{src_path}:{found.link_line}: {dialogue} is named as the {named} translation of a dialogue file, but "
            f"this page is in {language}, so it is spoken in {language} "
            f"({dialogue_audio_stem(dialogue, language)}.mp3); write `<!-- convaudio: lang={named} -->` on the line "
            f"before the link to have it spoken in {named}, or link the {language} file"
        )

    def _dialogue_original(self, dialogue: str, key: str) -> str | None:
        """The original among the dialogue files sharing the voice-map entry `key` (see `Translations.original`)."""
        translations = self._dialogue_translations[dialogue.rpartition("/")[0]]
        return translations.original(key, self.original_language or self.site_language)

    def follow_dialogue_original(self, dialogue: str, key: str, legacy: list[str], conversation: Conversation) -> None:
        """A dialogue file's new speakers get their voices in the order its original speaks, and a translation's
        renamed speakers the voices of the original's speakers whose turns they speak, or a warning
        (`_pair_renamed`): for a file a page links, and for one `render` is given (whose `x-fr.json` renaming
        `Marc` to `Marcel` gave Marcel a voice of his own, recorded, without a word: bug bash h-render)."""
        original = self._dialogue_original(dialogue, key)
        self._voices_in_original_order(key, legacy, conversation.speakers, original, self._dialogue_turns)
        self._pair_renamed(
            key, conversation, [turn.speaker for turn in conversation.turns], original, self._dialogue_turns
        )

    def _voices_in_original_order(
        self,
        key: str,
        legacy: list[str],
        speakers: Collection[str],
        original: str | None,
        turns_of: Callable[[str], list[str]],
    ) -> None:
        """New speakers of a shared entry get their voices in the order they speak in the original (`turns_of`
        reads its turns' speakers), whichever page or dialogue file is planned first: `talk.de.md` sorts before
        `talk.md`, and a German translation whose Guest spoke first gave the Guest the first voice, so adding a
        translation changed who sounds like whom. Read only when the entry lacks one of `speakers` (a warm build
        reads nothing). A likely typo of the original (`likely_typo`) is held out of the voice map here too: its
        own page's build warns of it, and a translation's build recorded it."""
        if original is None or not self._lacks_voices(key, speakers):
            return
        turns = turns_of(original)
        if order := list(dict.fromkeys(turns)):
            engine = self.engine.name
            self.voice_map.voices_for(engine, key, order, self.engine.voice_pool(), legacy, self.engine.voice_kinds())
            for speaker in order:
                if (engine, key, speaker) in self.voice_map.added and likely_typo(speaker, turns) is not None:
                    self.voice_map.hold(engine, key, speaker)

    def _voices_of_cached_lines(
        self,
        key: str,
        legacy: list[str],
        turns: list[str],
        original: str | None,
        turns_of: Callable[[str], list[str]],
        conversations: Sequence[tuple[Found, str]],
        show: PostShow | None,
    ) -> None:
        """A new entry (no voice map on a fresh checkout of a site that does not commit it) takes the voices in the
        pool's order, as versions before voices followed names chose them, when the cache holds most of its lines
        in those voices, and more of them than in the ones names choose: upgrading, `Maya` and `Tom` swapped voices
        and every line of such a conversation was paid for again (bug bash h-upgrade, 10 of 27 lines with OpenAI).
        Read only for an entry the voice map lacks, in a build that found no voice-map file (`_unchosen`; a warm
        build reads nothing): `turns` are the speakers of the entry's turns (of all the page's fenced ones),
        `turns_of` reads the original's, and `conversations` are the entry's, each with its language (a dialogue
        file, or the page's fenced ones: their lines are counted together). Said once a build (`_say_kept_voices`)."""
        if not self._unchosen(key, legacy):
            return
        engine, kinds = self.engine.name, self.engine.voice_kinds()
        # in the order voices are handed out: the original's (see `_voices_in_original_order`), else this one's
        order = list(dict.fromkeys((turns_of(original) if original is not None else []) or turns))
        if not order:
            return
        pool = self.engine.voice_pool()
        by_name, by_order = chosen_voices({}, order, pool, kinds), chosen_voices({}, order, pool, None)
        # every checkout of such a site comes here for every conversation: its finished MP3 in the names' voices,
        # which the build takes anyway, settles it without a look at (or a download of) its lines (review
        # r-upgrade: a CI runner fetched every line of every conversation from the shared cache at each build)
        if by_name == by_order or all(
            self._conversation_cached(found, language, show, by_name) for found, language in conversations
        ):
            return
        kept = self._cached_lines_of(conversations, show, by_order)
        # and more of them than in the names' voices: a speaker whose voice is the same either way (`Host` before
        # `Maya`) has his lines cached in both, and where most lines were his the others' were paid for again
        if kept is None or 2 * kept[0] < kept[1]:
            return
        named = self._cached_lines_of(conversations, show, by_name)
        if named is not None and named[0] >= kept[0]:
            return
        self.voice_map.voices_for(engine, key, order, pool, legacy)
        changed = [speaker for speaker in order if by_name[speaker] != by_order[speaker]]
        old_voices = ", ".join(f"{speaker} → {by_order[speaker]}" for speaker in changed)
        new_voices = ", ".join(f"{speaker} → {by_name[speaker]}" for speaker in changed)
        self._kept_voices[key] = (old_voices, new_voices)

    def _say_kept_voices(self) -> None:
        """The entries whose cached lines' voices this build kept (`_voices_of_cached_lines`), in one line: said
        for every page, a checkout's build of a blog repeated it post after post."""
        kept, self._kept_voices = self._kept_voices, {}
        advice = (
            f"which would synthesize them again: write those in {self.voice_map.path.name} to have them; commit the "
            "file to keep voices on every checkout"
        )
        if len(kept) == 1:
            [(key, (old_voices, new_voices))] = kept.items()
            self.info(
                f"voice map: {key} keeps the voices its cached lines were made in ({old_voices}), not the ones its "
                f"speakers' names choose ({new_voices}), {advice}"
            )
        elif kept:
            named = first_posts([f"{key} ({old}, not {new})" for key, (old, new) in kept.items()])
            self.info(
                f"voice map: {len(kept)} posts keep the voices their cached lines were made in, not the ones their "
                f"speakers' names choose, {advice}: {named}"
            )

    def _cached_lines_of(
        self, conversations: Sequence[tuple[Found, str]], show: PostShow | None, voices: Mapping[str, str]
    ) -> tuple[int, int] | None:
        """How many lines of `conversations` spoken with `voices` the cache holds, of how many (see
        `_cached_lines`); None when none has lines to hold."""
        counts = [
            counted
            for found, language in conversations
            if (counted := self._cached_lines(found, language, show, voices)) is not None
        ]
        return (sum(cached for cached, _ in counts), sum(total for _, total in counts)) if counts else None

    def _pair_renamed(
        self,
        key: str,
        conversation: Conversation,
        turns: list[str],
        original: str | None,
        turns_of: Callable[[str], list[str]],
    ) -> None:
        """A translation's speakers named otherwise than in its original (`Apresentador` for `Host`), new to the
        voice map, speak in the voices of the original's speakers whose turns they speak, when the turns pair one
        to one (`paired_speakers`); recorded so, a later build keeps them. When they do not, a warning: such a
        speaker got a voice of its own, another person in one language (bug bash: the Portuguese host in a female
        voice). `turns` are the speakers of the translation's turns in the entry, `turns_of` reads the original's."""
        if original is None or not self._lacks_voices(key, turns):
            return
        engine = self.engine.name
        entry = self.voice_map.table.get(engine, {}).get(key, {})
        theirs = turns_of(original)
        renamed = [speaker for speaker in dict.fromkeys(turns) if speaker not in theirs and speaker not in entry]
        if not renamed or not theirs:
            return
        where = f"{conversation.source_path}:{conversation.source_line}"
        pairs = paired_speakers(turns, theirs)
        if pairs is not None:
            for speaker in renamed:
                voice = entry.get(pairs[speaker])
                if voice is not None and pairs[speaker] not in turns:
                    self.voice_map.share(engine, key, speaker, voice)
                    # not written into the file: paired again by every build, so a voice changed for the original's
                    # speaker is the translation's too (a recorded `Thomas: m3` kept Tom's first voice, review
                    # r-render4); a voice written for the speaker by hand wins, as any
                    self.voice_map.hold(engine, key, speaker)
                    self._paired.setdefault(key, {})[speaker] = pairs[speaker]
                    self._say_paired(
                        f"voice map: {speaker} speaks as {pairs[speaker]} ({voice}) in {where}, a translation of "
                        f"{original}: its turns are {pairs[speaker]}'s there"
                    )
            return
        unpaired = [speaker for speaker in renamed if likely_typo(speaker, turns) is None]  # said as typos
        if unpaired and (conversation.source_path, key) not in self._said_unpaired:
            self._said_unpaired.add((conversation.source_path, key))
            # the voices `_prepare` gives them (in the order the entry's speakers first speak), said in the warning
            voices = self.voice_map.voices_for(
                engine, key, list(dict.fromkeys(turns)), self.engine.voice_pool(), kinds=self.engine.voice_kinds()
            )
            # at the first turn of the first of them (a page's entry holds all its conversations' speakers)
            line = next(
                (turn.source_line for turn in conversation.turns if turn.speaker == unpaired[0]),
                conversation.source_line,
            )
            for speaker in unpaired:  # warned of on every build until recorded by hand (see `VoiceMap.hold`)
                self.voice_map.hold(engine, key, speaker)
            names = listed(unpaired)
            one = len(unpaired) == 1
            lines = ", ".join(f"`{speaker}: {voices[speaker]}`" for speaker in unpaired)
            # a renamed speaker, or one the translation really adds (a narrator): the advice fits both
            self.warn(
                f"{conversation.source_path}:{line}: {names} {'is' if one else 'are'} not among the speakers of its "
                f"original {original} ({', '.join(dict.fromkeys(theirs))}), and the turns do not pair with the "
                "original's one to one (as many turns, or the same changes of speaker), so "
                f"{names} {'speaks' if one else 'speak'} in a voice of {'its' if one else 'their'} own here. Use the "
                f"original's speaker names, or, if {names} {'is a speaker' if one else 'are speakers'} of "
                f"{'its' if one else 'their'} own, add {lines} under {key!r} in {self.voice_map.path.name} "
                f"(until then every build warns, and records no voice for {'it' if one else 'them'})"
            )

    def _replay_pairs(self, paired: list[list[str]]) -> None:
        """A replayed page's renamed speakers (`_remember`'s `paired`: entry, speaker, the original's speaker)
        paired again as `_pair_renamed` did, in the original speaker's voice of now, held out of the voice map: a
        voice changed for the original's speaker changes the voices' check, and the page is planned again. A
        speaker with a voice in the map (written by hand) keeps it; an original's speaker without one (deleted, to
        be chosen again) leaves it lacking, and the page is planned afresh."""
        engine = self.engine.name
        for key, speaker, theirs in paired:
            entry = self.voice_map.table.get(engine, {}).get(key, {})
            if speaker not in entry and (voice := entry.get(theirs)) is not None:
                self.voice_map.share(engine, key, speaker, voice)
                self.voice_map.hold(engine, key, speaker)
                self._paired.setdefault(key, {})[speaker] = theirs

    def _say_paired(self, message: str) -> None:
        """Say a translation's renamed speaker paired with its original's (`_pair_renamed`), once for as long as
        it pairs so, in that voice (a cache memo): every build pairs it, and said by every build it was noise."""
        memo = self.cache.memo("paired-speakers", "1")
        if memo.get(message) is None:
            memo.put(message, True)
            self.info(message)

    def _unchosen(self, key: str, legacy: Collection[str]) -> bool:
        """Whether `_voices_of_cached_lines` decides the voices of `key`: the build found no voice-map file (a
        checkout of a site that does not commit it), it has no entry `key` yet (nor under a former name), and the
        engine chooses voices by names. An entry deleted from the file is chosen again by names, as documented
        (review r-upgrade: it kept the voices of its cached lines)."""
        section = self.voice_map.table.get(self.engine.name, {})
        return (
            self.voice_map.absent
            and key not in section
            and not any(old in section for old in legacy)
            and bool(self.engine.voice_kinds())
        )

    def _lacks_voices(self, key: str, speakers: Collection[str]) -> bool:
        """Whether the voice-map entry `key` has no voice yet for one of `speakers`."""
        entry = self.voice_map.table.get(self.engine.name, {}).get(key)
        return entry is None or not all(speaker in entry for speaker in speakers)

    def _original_page(self, src_path: str, meta: Mapping[str, Any], key: str) -> str | None:
        """The original of a page's voice-map entry (`translation_of:`'s, else `Translations.original`), or None
        when it is the page itself or the site lacks it."""
        translation_of = meta.get("translation_of")
        target = posixpath.normpath(str(translation_of).strip().lstrip("/")) if translation_of is not None else None
        if target is not None:
            original = self._original(target, src_path)[0] if target in self.translations else None
        else:
            # with mkdocs-static-i18n's folders, `nl/blog/talk.md` was its own original in the Dutch build (the
            # site's language is the build's): its renamed speakers got voices of their own (bug bash h-nlsv)
            original = self.translations.original(key, self.original_language or self.site_language)
        return original if original != src_path else None

    def _page_speakers(self, src_path: str) -> list[str]:
        """The speakers of a page's fenced conversations, in the order they first speak (a page that cannot be
        read has none here: its own build says why)."""
        return list(dict.fromkeys(self._page_turns(src_path)))

    def _page_turns(self, src_path: str) -> list[str]:
        """The speaker of each turn of a page's fenced conversations, in order (none for a page that cannot be
        read)."""
        try:
            text = (self.options.docs_dir / src_path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return []
        offset = front_matter_lines(text)
        markdown = "\n".join(text.split("\n")[offset:])
        scan = scan_page(markdown, src_path, offset, self.options.docs_dir, root_folders=self.options.root_folders)
        fenced = [found.conversation for found in scan.found if found.conversation.dialogue_file is None]
        return [turn.speaker for conversation in fenced for turn in conversation.turns]

    def _dialogue_turns(self, dialogue: str) -> list[str]:
        """The speaker of each turn of a dialogue file, in order (none if it cannot be read)."""
        try:
            conversation = read_dialogue_file(self.options.docs_dir, dialogue, [])
        except ConvaudioError:
            return []
        return [turn.speaker for turn in conversation.turns] if conversation is not None else []

    # -- the page memo: a warm build replays each unchanged page's plan ------------------------------------
    def _plan_identity(self) -> str:
        """What every page's plan depends on besides the page: the code, the rules that spell lines out, the
        lexicon, the settings and the language tables (engine and voices are checked per conversation)."""
        if self._identity is None:
            options = self.options
            self._identity = content_key(
                {
                    "code": package_fingerprint(),
                    "spoken": code_version(),
                    "languages": memo_version(),
                    "lexicon": lexicon_identity(self.lexicon),
                    "assembly": asdict(options.assembly),
                    "limits": asdict(options.limits),
                    "audio_dir": options.audio_dir,
                    "docs_dir": str(options.docs_dir),
                    "aliases": dict(options.language_aliases),
                    "engine": self.engine.name,
                    # an engine from another package: its own code splits and measures lines
                    "engine_code": engine_fingerprint(type(self.engine)),
                }
            )
        return self._identity

    def _page_key(self, src_path: str, markdown: str, meta: Mapping[str, Any], more: list[Any]) -> str | None:
        """The page memo's key: the page's Markdown, front matter and place, and `_plan_identity`; None for a
        page that may link dialogue files (read and planned afresh: their neighbours name their voice-map key)."""
        if _JSON_NAME.search(markdown):
            return None
        try:
            # `repr`, not JSON (8× cheaper): the same front matter gives the same dict; a value whose `repr` differs
            # from build to build (an object shown with its address) only misses the memo
            front = repr(meta)
        except Exception:  # a plugin's object whose repr fails: plan the page afresh
            return None
        digest = hashlib.sha256(self._plan_identity().encode())
        for part in (repr([src_path, *more]), front, markdown):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _voices_check(
        self, speakers: list[str], language: str, key: str, legacy: list[str], production: Production
    ) -> tuple[dict[str, str], str]:
        """Each speaker's resolved voice, and a digest of everything the engine and the voice map decide for
        a conversation with these speakers (voices, their settings, what the voice reads, how lines are split,
        the production)."""
        pool = self.engine.voice_pool()
        voices = self.voice_map.voices_for(self.engine.name, key, speakers, pool, legacy, self.engine.voice_kinds())
        made = content_key({"production": production.key()}) if production.active else None
        cache_key = (tuple(voices.items()), language, made, len(pool))
        if cache_key not in self._checks:
            resolved = {speaker: self.engine.resolve_voice(identity, language) for speaker, identity in voices.items()}
            self._checks[cache_key] = (
                resolved,
                content_key(
                    {
                        "pool": pool,
                        "voices": voices,
                        "resolved": resolved,
                        "settings": self.engine.sound_settings(),
                        "per_voice": {
                            voice: self.engine.voice_sound_settings(voice) for voice in sorted(set(resolved.values()))
                        },
                        "readable": sorted(self.engine.readable_scripts(language)),
                        "input_limit": self.engine.input_limit,
                        "production": cache_key[2],
                    }
                ),
            )
        return self._checks[cache_key]

    def _remember(self, memo_key: str, placed: list[Placed], warnings: list[str]) -> None:
        """Two records of a planned page: what a warm build uses (`pages`: where each conversation goes, its
        voices' check and cache key, its size and sections) and, apart, what it is made of (`plans`: each
        conversation's turns and its job's parts), read only when something asks for them."""
        light, heavy = [], []
        suspects = []  # speakers that look misspelt, recorded or not: a replay is warned of them while unrecorded
        for item in placed:
            conversation = item.found.conversation
            turns = [turn.speaker for turn in conversation.turns]
            suspects += [[item.voice_key, speaker] for speaker in conversation.speakers if likely_typo(speaker, turns)]
            _, check = self._voices_check(
                conversation.speakers, item.language, item.voice_key, item.legacy_keys, item.job.production
            )
            span = item.span
            light.append(
                [
                    item.language,
                    item.voice_key,
                    item.legacy_keys,
                    item.audio_uri,
                    check,
                    conversation.speakers,
                    [span.start, span.end, span.replace],
                    item.job.key,
                    len(item.job.all_parts),
                    item.sections,
                ]
            )
            heavy.append([conversation_record(item.found), job_record(item.job)])
        # with the files it links (read or not): a replayed page's `--dirty` record keeps a broken one watched
        # a translation's renamed speakers paired with its original's, held out of the voice map: paired again
        # by a replay (`_replay_pairs`), which a page planned afresh on every warm build cost (review r-opts2)
        paired = sorted(
            {
                (item.voice_key, speaker, self._paired[item.voice_key][speaker])
                for item in placed
                for speaker in item.found.conversation.speakers
                if speaker in self._paired.get(item.voice_key, {})
            }
        )
        linked = sorted(set(self.linked_on_page))
        record = {
            "warnings": list(warnings),
            "items": light,
            "linked": linked,
            "suspects": suspects,
            "paired": [list(each) for each in paired],
        }
        self.pages.put(memo_key, {**record, "opted_out": self.opted_out_on_page})
        self.plans.put(memo_key, heavy)

    def _replay(
        self, memo_key: str, src_path: str, markdown: str, meta: Mapping[str, Any], page_language: str
    ) -> tuple[list[Placed], list[str]] | None:
        """The page's plan from the memo, if every conversation's voices and engine settings still check. The
        conversations' text and jobs are not read (see `Recalled`)."""
        record = self.pages.get(memo_key)
        if not isinstance(record, dict):
            return None
        opted_out = record.get("opted_out", 0 if record.get("items") else None)
        if not isinstance(opted_out, int):
            return None  # a page of no conversation remembered before its left-out ones were: planned once more
        self.opted_out_on_page = opted_out
        try:
            # a likely typo the voice map lacks (never recorded, or the file deleted since): planned afresh, which
            # warns of it, as every build does until it is recorded (its voice is no part of the check: the same
            # voice recorded by hand, or handed out again, checks alike)
            if any(self._lacks_voices(voice_key, [speaker]) for voice_key, speaker in record.get("suspects", [])):
                return None
            self._replay_pairs(record.get("paired", []))
            show = self.shows.plan(src_path, meta, markdown) if record["items"] else None
            production = show.production if show else Production()
            placed = []
            for index, entry in enumerate(record["items"]):
                language, voice_key, legacy, audio_uri, check, speakers, span, key, parts, sections = entry
                if self._unchosen(voice_key, legacy):
                    # planned afresh, where it may keep the voices its cached lines were made in: handed out here
                    # by names first, a checkout without the voice map whose restored cache held this memo got them,
                    # and paid for its lines again (review r-upgrade; `_voices_of_cached_lines`)
                    return None
                if self._lacks_voices(voice_key, speakers):
                    # a voice deleted from the voice map (to have it chosen again): handed out in the original's
                    # order, as a page planned afresh does, not this translation's (review 145)
                    original = self._original_page(src_path, meta, voice_key)
                    if original is not None and not set(speakers) <= set(self._page_speakers(original)):
                        return None  # a speaker the translation renamed: paired with the original's by its turns
                    self._voices_in_original_order(voice_key, legacy, speakers, original, self._page_turns)
                resolved, now = self._voices_check(speakers, language, voice_key, legacy, production)
                if now != check:
                    return None
                load = partial(
                    self._recall, memo_key, index, key, language, dict(resolved), production, voice_key, legacy
                )
                placed.append(
                    Placed(
                        Recalled(key, int(parts), list(sections), src_path, load),
                        language,
                        voice_key,
                        list(legacy),
                        audio_uri,
                        span=Span(int(span[0]), int(span[1]), bool(span[2])),
                        show=show,
                        source_key=f"{memo_key}:{index}",
                    )
                )
        except (ConvaudioError, KeyError, TypeError, ValueError):
            return None
        self.plans.touch(memo_key)  # kept with the pages it belongs to, though not read
        linked = record.get("linked")
        self.linked_on_page = [str(path) for path in linked] if isinstance(linked, list) else []
        self.unopened_on_page = []  # a replayed page links no dialogue file (`_page_key`)
        for item in placed:
            self.placed[item.audio_uri] = item
            self.pairings.setdefault(item.voice_key, set()).add((src_path, page_language))
        return placed, list(record["warnings"])

    def _recall(
        self,
        memo_key: str,
        index: int,
        key: str,
        language: str,
        voices: dict[str, str],
        production: Production,
        voice_key: str,
        legacy: list[str],
    ) -> tuple[Found, Job]:
        """A replayed conversation's text and job: from the plan memo when it holds the plan of cache key `key`
        (the one the page memo checked), else (the memo was lost, or saved by another build than the page memo)
        from its page's Markdown again."""
        self.recalls += 1
        record = self.plans.get(memo_key)
        try:
            entry = record[index]
            found = found_from(entry[0])
            job = job_from(entry[1], found, language, voices, production)
            if job.key == key:
                return found, job
        except (IndexError, KeyError, TypeError, ValueError):
            pass
        src_path, markdown, line_offset = self._pages_args[memo_key]
        docs_dir, root_folders = self.options.docs_dir, self.options.root_folders
        found = scan_page(markdown, src_path, line_offset, docs_dir, root_folders=root_folders).found[index]
        warnings: list[str] = []
        job = self._prepare(found.conversation, language, voice_key, legacy, warnings, production)
        for warning in warnings:
            self.warn(warning)
        return found, job

    def add(
        self,
        found: Found,
        language: str,
        key: str,
        legacy: list[str],
        audio_uri: str,
        warnings: list[str],
        show: PostShow | None = None,
        page: str | None = None,
    ) -> Placed | None:
        """Plan one conversation to be published at `audio_uri`; None (and an error collected) if it cannot be.
        `show` is the page's production (music, intro, outro) and video, when it has any; `page`, the page it is on."""
        try:
            # the page's code (`hant`) names files and translations; its BCP 47 tag (`zh-Hant`) is what is spoken
            spoken = self.spoken_language(language, found.conversation.source_path)
            production = show.production if show else None
            job = self._prepare(found.conversation, spoken, key, legacy, warnings, production, page)
        except ConvaudioError as error:
            self.errors.extend(each_problem(error))
            return None
        self._warn_typos(found.conversation, key)
        self._note_repeats(found.conversation)
        item = Placed(found, spoken, key, legacy, audio_uri, job, show=show)
        if (clash := self._chapters_clash(item)) is not None:
            self.errors.append(clash)
            return None
        self.placed[audio_uri] = item
        source = found.conversation.dialogue_file or found.conversation.source_path
        self.pairings.setdefault(key, set()).add((source, language))
        return item

    def _chapters_clash(self, item: Placed) -> ConvaudioError | None:
        """The error of a conversation whose JSON chapters file and another's timings file have one name: a
        dialogue file `ep.json` with sections publishes `ep.chapters.json`, which a dialogue file
        `ep.chapters.json` publishes as its timings (beside `ep.chapters.mp3`). The one written last replaced the
        other, unsaid."""
        stem = item.audio_uri[: -len(".mp3")]
        pairs: list[tuple[Placed | None, Placed | None]] = [(item, self.placed.get(f"{stem}.chapters.mp3"))]
        if stem.endswith(".chapters"):
            pairs.append((self.placed.get(stem[: -len(".chapters")] + ".mp3"), item))
        for sectioned, timed in pairs:
            if sectioned is not None and timed is not None and sectioned.has_chapters:
                named, other = _source_of(timed), _source_of(sectioned)
                return ConvaudioError(
                    f"its timings file and the chapters file of {other} (which has sections) would both be written "
                    f"as {timed.timings_uri}; rename this file (a name ending in `.chapters` is another "
                    "conversation's chapters file)",
                    named,
                )
        return None

    def _note_repeats(self, conversation: Conversation) -> None:
        """An info line for each turn that repeats the turn before it, its speaker and its line (a language model's
        paste: it is played twice, from one synthesis, without a word). Not a warning: "Yes." "Yes." may be meant,
        and `--strict` would fail on it."""
        for before, turn in itertools.pairwise(conversation.turns):
            if turn.speaker != before.speaker or turn.line != before.line or turn.say != before.say:
                continue
            if not any(char.isalnum() for char in words_said(turn)):  # `...`, `👍`, `[laughs]`: nothing is heard
                continue
            where = f"{conversation.source_path}:{turn.source_line}"
            if where in self._said_repeats:
                continue
            self._said_repeats.add(where)
            shown = turn.line if len(turn.line) <= 40 else turn.line[:40] + "…"
            self.info(
                f"{where}: {turn.speaker} says {shown!r} twice in a row (the turn before, line {before.source_line}, "
                "is the same): both are played; if it was pasted twice, remove one"
            )

    def _warn_typos(self, conversation: Conversation, key: str) -> None:
        """A warning for each speaker the voice map lacks who speaks a turn or two and whose name is likely a
        misspelling of another speaker's (`likely_typo`): `Hots` for `Host` was spoken by a third voice, with only
        the new-voices info line to say so. Its voice is held out of the voice map (`VoiceMap.hold`), so every
        build warns until the author mends the name or records the speaker by hand."""
        turns = [turn.speaker for turn in conversation.turns]
        engine = self.engine.name
        for speaker in conversation.speakers:
            meant = likely_typo(speaker, turns)
            if meant is None or (engine, key, speaker) not in self.voice_map.added:
                continue
            entry = self.voice_map.table.get(engine, {}).get(key, {})
            voice = entry.get(speaker)
            if voice == entry.get(meant):
                continue  # it speaks as the speaker it looks like (a translation's name paired with the original's)
            self.voice_map.hold(engine, key, speaker)
            line = next(turn.source_line for turn in conversation.turns if turn.speaker == speaker)
            where = f"{conversation.source_path}:{line}"
            if (where, speaker) in self._said_typos:
                continue
            self._said_typos.add((where, speaker))
            count = turns.count(speaker)
            self.warn(
                f"{where}: speaker {speaker!r} speaks {'once' if count == 1 else f'{count} times'}, in a voice of "
                f"its own ({voice}), and looks like a misspelling of {meant!r}: if it is, write {meant!r} there; add "
                f"`{speaker}: {voice}` under {key!r} in {self.voice_map.path.name} if {speaker} is a different "
                "person (until then every build warns, and records no voice for it)"
            )

    def _uri(self, name: str) -> str:
        return posixpath.join(self.options.audio_dir, name) if self.options.audio_dir else name

    @overload
    def dialogue_key(self, dialogue: str, language: str) -> str: ...
    @overload
    def dialogue_key(self, dialogue: str, language: str, *, former: Literal[True]) -> tuple[str, list[str]]: ...
    def dialogue_key(self, dialogue: str, language: str, *, former: bool = False) -> str | tuple[str, list[str]]:
        """A dialogue file's voice-map key: language-free among the dialogue files near it (its folder, the folders
        beside it, and the same path beside each language folder it is in: one-folder-per-language layouts); with
        `former`, also the names its entry may have had before (see `Translations.former_keys`)."""
        translations = self._near_translations(dialogue)
        key = translations.key(dialogue, language)
        names_before = translations.former_keys(dialogue, language, key, self.site_language, language_free=False)
        section = self.voice_map.table.get(self.engine.name, {})
        # an entry of its own, and the same for another language's file: a site built before files below language
        # folders were paired (`en/blog/ep.json`, `fr/blog/ep.json`) keeps each language's voices, hand-chosen or
        # not, rather than pay for every translated line again (review 122); a new site, or a translation added
        # to a file alone so far, shares `key`
        if (
            key != dialogue
            and key not in section
            and dialogue in section
            and sum(name in section for name in names_before) >= 2
        ):
            if key not in self._said_kept_apart:
                self._said_kept_apart.add(key)
                self.info(
                    f"voice map: {dialogue} keeps its own voices, as its translations do; they would share {key} "
                    f"(delete the entries of all but one, and rename that one {key}: the other languages' lines are "
                    "then synthesized again in its voices)"
                )
            return (dialogue, [dialogue]) if former else dialogue
        if not former:
            return key
        return key, names_before or [dialogue]

    def dialogue_path_language(self, dialogue: str) -> str | None:
        """The language a dialogue file's path names when it is one of several translations among the dialogue
        files near it (see `dialogue_key`), given to this run or not: `render scripts/x-fr.json` alone, its
        `x-en.json` beside it, was spoken in English with a voice-map entry of its own."""
        return self._near_translations(dialogue).path_language(dialogue, self.site_language)

    def _near_translations(self, dialogue: str) -> Translations:
        """The translations among the dialogue files near `dialogue` (`_dialogue_names`), found once per folder."""
        folder = dialogue.rpartition("/")[0]
        if (known := self._dialogue_translations.get(folder)) is None or dialogue not in known.pages:
            known = self._dialogue_translations[folder] = Translations(self._dialogue_names(dialogue) | {dialogue})
        return known

    def _dialogue_names(self, dialogue: str) -> set[str]:
        """The dialogue files near `dialogue` (see `dialogue_key`), relative to the docs folder."""
        docs = self.options.docs_dir.resolve()
        folder = (docs / dialogue).parent
        near = {*folder.glob("*.json"), *(folder.parent.glob("*/*.json") if folder != docs else ())}
        # a language folder higher up (`en/blog/ep.json` beside `fr/blog/ep.json`, mkdocs-static-i18n's folder
        # layout): the same path under the folders beside it (bug bash 119: each language chose its own voices)
        folders = dialogue.split("/")[:-1]
        for index, name in enumerate(folders[:-1]):
            if is_language_code(name):
                near.update(docs.joinpath(*folders[:index]).glob("/".join(["*", *folders[index + 1 :], "*.json"])))
        return {path.relative_to(docs).as_posix() for path in near}

    def _adopted(
        self,
        key: str,
        legacy: list[str],
        speakers: set[str],
        found: Found,
        language: str,
        show: PostShow | None,
        vacated: Collection[str] = (),
    ) -> list[str]:
        """`legacy`, and for a key the voice map lacks (a renamed or moved post, a fenced conversation moved to a
        dialogue file) the one entry with these speakers of a page or dialogue file no longer there (or `vacated`,
        no longer using it) in whose voices the cache holds most of this conversation's lines: its voices move to
        the new key, so no speaker changes voice and no line is paid for again. A new post with the same speakers
        has no lines there, and keeps its own voices (review 67). An entry with exactly these speakers is taken
        before one that also has others (a renamed speaker's old name stays in its entry, unused)."""
        section = self.voice_map.table.get(self.engine.name, {})
        if key in section or any(old in section for old in legacy):
            return legacy
        left = [
            old
            for old, entry in section.items()
            if set(entry) >= speakers
            and (old in vacated or not self._still_there(old))
            and self._cached_in(found, language, show, entry)
        ]
        # a speaker renamed before the post was leaves its old name behind (bug bash 149): such an entry is the
        # post's when no entry has exactly its speakers
        left = [old for old in left if set(section[old]) == speakers] or left
        left = _one_if_alike(left, section.__getitem__)
        if len(left) > 1 and key not in self._said_ambiguous:
            # its voices are chosen again, and its lines paid for again with a cloud engine: said, not silent (bug
            # bash 79, a renamed post whose speakers an older deleted post's entry also had, with other voices)
            self._said_ambiguous.add(key)
            self.warn(
                f"{found.conversation.source_path}:{found.conversation.source_line}: voice map: {key} is new, and "
                f"{len(left)} entries with its speakers but other voices, of pages or dialogue files no longer "
                f"there (or no longer using them), have its lines in the cache ({', '.join(sorted(left))}), so its "
                f"voices were chosen again; if it was renamed or moved, put the entry you want under {key} in "
                f"{self.voice_map.path.name} (and delete the others)"
            )
        if not left:
            self._copy_claimed(key, speakers, found, language, show)
        return [*legacy, left[0]] if len(left) == 1 else legacy

    def _copy_claimed(self, key: str, speakers: set[str], found: Found, language: str, show: PostShow | None) -> None:
        """A new key takes a copy of the one entry whose page (or dialogue file) is gone but which a translation
        still names (its `talk.fr.md` keeps `talk.md`, `ep.fr.json` keeps `ep.json`), if the cache holds most of
        this conversation's lines in its voices: the original renamed while its translation is not yet. The entry
        stays the translation's, which joins the new key when it is renamed too; without the copy the renamed
        original got new voices (the author's choices lost) and a cloud engine billed every line again (bug bash
        149). An entry the translation moved to its own key earlier in this build (it is planned first when its
        name sorts first) is found under that key. Never an entry this build made, nor one whose original in the
        new key's language is still there (`talk-en.md` beside `talk-fr.md`): an unrelated post with the same
        speakers, its lines cached in the same default voices, was said to take them, and was not saved so."""
        engine = self.engine.name
        section = self.voice_map.table.get(engine, {})
        held = {old: old for old in section} | self.voice_map.moved_in(engine)
        claimed = [
            old
            for old, holder in held.items()
            if holder in section
            and set(section[holder]) >= speakers
            and not (self.options.docs_dir / old).exists()
            and self._still_there(old)  # a translation names it: `talk.fr.md` (or `ep.fr.json`, review 152)
            and not self.voice_map.chosen_here(engine, holder)  # made by this build: no one's choice to keep
            and not self._named_in(old, language)
            and self._cached_in(found, language, show, section[holder])
        ]
        claimed = _one_if_alike(claimed, lambda old: section[held[old]])
        if len(claimed) == 1:
            self.voice_map.copy(engine, claimed[0], key)
            self.info(f"voice map: {key} takes the voices of {claimed[0]} (its lines are cached in them)")

    def _named_in(self, key: str, language: str) -> bool:
        """Whether a page (or dialogue file) whose path names `language` still has the language-free name `key`:
        the entry's original in that language is there (`talk-en.md` beside `talk-fr.md`; `talk.md` itself is no
        file in that layout), so a page of that language new to the voice map is no renamed original of it.
        Without this every unrelated English post with its speakers took a copy: its lines are cached in the same
        default voices."""
        if posixpath.splitext(key)[1] == ".json":
            return Translations(self._dialogue_names(key)).names_in(key, language)
        return self.translations.names_in(key, language)

    def _cached_in(self, found: Found, language: str, show: PostShow | None, voices: Mapping[str, str]) -> bool:
        """Whether the cache holds most lines of a conversation spoken with `voices` (an entry left behind)."""
        counted = self._cached_lines(found, language, show, voices)
        return counted is not None and 2 * counted[0] >= counted[1]

    def _cached_lines(
        self, found: Found, language: str, show: PostShow | None, voices: Mapping[str, str]
    ) -> tuple[int, int] | None:
        """How many lines of a conversation spoken with `voices` the cache holds, of how many (None: none to
        hold, or `voices` cannot speak it); with a shared cache, fetched at once, not one round trip a line."""
        job = self._job_in(found, language, show, voices)
        if job is None:
            return None
        parts = [part for part in job.all_parts if part.text]
        self.cache.prefetch(self.cache.line_path(key) for part in parts for key in part.keys)
        cached = sum(any(self.cache.has_line(key) for key in part.keys) for part in parts)
        return (cached, len(parts)) if parts else None

    def _conversation_cached(
        self, found: Found, language: str, show: PostShow | None, voices: Mapping[str, str]
    ) -> bool:
        """Whether the finished MP3 of a conversation spoken with `voices` is cached."""
        job = self._job_in(found, language, show, voices)
        return job is not None and self.renderer.conversation_cached(job)

    def _job_in(self, found: Found, language: str, show: PostShow | None, voices: Mapping[str, str]) -> Job | None:
        conversation = found.conversation
        try:
            spoken = self.spoken_language(language, conversation.source_path)
            wanted = {speaker: voices[speaker] for speaker in conversation.speakers}
            return self.renderer.prepare(conversation, spoken, wanted, show.production if show else None)
        except (ConvaudioError, KeyError):
            return None

    def _still_there(self, key: str) -> bool:
        """Whether a voice-map key names a page or dialogue file of the site (itself or its translations)."""
        if self.translations.names_a_page(key) or (self.options.docs_dir / key).exists():
            return True
        folder, name = posixpath.split(key)
        stem, extension = posixpath.splitext(name)
        if extension != ".json" or not (self.options.docs_dir / folder).is_dir():
            return False
        # a dialogue file's language-free key: `ep.json` for `ep-en.json`, `ep.fr.json`, `fr/ep.json`
        return any(
            path.name.startswith((f"{stem}-", f"{stem}.", f"{stem}_"))
            for path in (self.options.docs_dir / folder).glob(f"{stem}*.json")
        ) or any((self.options.docs_dir / folder).glob(f"*/{name}"))

    def _former_keys(self, src_path: str, meta: Mapping[str, Any], language: str, key: str) -> list[str]:
        """What a page's voice-map entry may have been named before (see `Translations.former_keys`)."""
        if meta.get("translation_of") is None:
            return self.translations.former_keys(src_path, language, key, self.site_language) or [src_path]
        # never the original's own name: the original is there, and keeps its entry until it moves it itself
        return [src_path]

    def _post_key(self, src_path: str, meta: Mapping[str, Any], language: str) -> str:
        translation_of = meta.get("translation_of")
        if translation_of is None:
            return self.translations.key(src_path, language)
        target = posixpath.normpath(str(translation_of).strip().lstrip("/"))
        if target not in self.translations:
            # `render` has no docs_dir: its paths start at --root, which includes the --posts folder's name
            where, example = ("docs_dir", "blog/posts/talk.md")
            if self.options.memo_kind == "render":
                where, example = ("--root", "_posts/2024-05-01-talk.md")
            # a path from the posts folder (Hugo's `posts/x.md` for `content/posts/x.md`): name the page it means
            meant = [page for page in sorted(self.translations.pages) if page.endswith(f"/{target}")]
            # ... or the page a typo names (`japan-ai-en.md` for `japan-ai.md`, bug bash h-scripts), never this one
            near = difflib.get_close_matches(target, sorted(set(self.translations.pages) - {src_path}), 1, 0.8)
            example = meant[0] if len(meant) == 1 else near[0] if near else example
            self.errors.append(
                ConvaudioError(
                    f"translation_of: {translation_of!r} is not a page in {where}; give the original post's path "
                    f"relative to {where}, e.g. `translation_of: {example}`",
                    src_path,
                    front_matter_line(self.options.docs_dir / src_path, "translation_of"),
                )
            )
            return self.translations.key(src_path, language)
        original, language = self._original(target, src_path)
        return self.translations.key(original, language)

    def _original(self, target: str, src_path: str) -> tuple[str, str]:
        """The page a `translation_of:` chain ends at (`c.md` → `b.md` → `a.md`), with its language: every page of
        the chain shares its voices. A chain that leaves docs_dir stops where it was; one that loops is reported
        (once per build, at the line that closes it) and ends, for every page of the loop, at the loop's first
        page by name: each page ending at another one moved the entry back and forth at every build (bug bash
        74)."""
        seen = [src_path, target]
        while True:
            meta = self._front_matter(target)
            following = meta.get("translation_of")
            if not following:
                return target, self._page_language(target, meta)
            following = posixpath.normpath(str(following).strip().lstrip("/"))
            if following in seen:
                loop = frozenset(seen[seen.index(following) :])
                if loop not in self._loops:
                    self._loops.add(loop)
                    line = front_matter_line(self.options.docs_dir / target, "translation_of")
                    self.warn(
                        f"{target}:{line or 1}: translation_of: {following} names back a page of its own chain "
                        f"({', '.join(sorted(loop))}); name the original in each translation, and nothing in the "
                        "original"
                    )
                first = min(loop)
                return first, self._page_language(first, self._front_matter(first))
            if following not in self.translations:
                return target, self._page_language(target, meta)
            seen.append(following)
            target = following

    def _front_matter(self, path: str) -> Mapping[str, Any]:
        """A page's front matter, read apart from MkDocs (an unreadable page has none: its own build says why)."""
        import frontmatter  # only for pages naming their original, and those `_translation_marks` reads once

        try:
            text = (self.options.docs_dir / path).read_text(encoding="utf-8-sig")
            return frontmatter.loads(text).metadata if text.startswith("---") else {}
        except Exception:
            return {}

    def _translation_marks(self, path: str) -> Mapping[str, Any]:
        """A page's `lang:` and `translation_of:`, as `Translations` asks them of the pages beside an index page in
        a folder named like a language: remembered by the file's stamp (as `front_matter_lines` is), so a warm build
        reads none of them again (each build read every page of such a folder, a docs site's `ml/` section's
        hundreds); any write or replacement of the file changes its stamp, and it is read again."""
        file = self.options.docs_dir / path
        stamp = file_stamp(file)
        name = f"marks:{file}"  # beside `front_matter_lines`' records, which are named by the path alone
        record = self.sources.get(name)
        if stamp is not None and isinstance(record, list) and len(record) == 3 and record[0] == stamp:
            lang, names_original = record[1], bool(record[2])
        else:
            self.sources_read += 1
            meta = self._front_matter(path)
            written = meta.get("lang")
            lang, names_original = (
                (written if isinstance(written, str) else None),
                meta.get("translation_of") is not None,
            )
            if settled([stamp], self.cache.clock_ns(), RACY_NS):  # its times say nothing within the racy window
                self.sources.put(name, [stamp, lang, names_original])
        return {"lang": lang, "translation_of": True if names_original else None}  # all `Translations` asks of it

    def _page_language(self, path: str, meta: Mapping[str, Any]) -> str:
        """A page's language as `_original` names it: its `lang:`, else its path's, else the site's."""
        written = meta.get("lang")
        language = written.strip() if isinstance(written, str) and written.strip() else None
        names_original = meta.get("translation_of") is not None
        return (
            language
            or self.translations.path_language(path, self.site_language, names_original=names_original)
            or self.site_language
        )

    def _foreign_voices(
        self, conversation: Conversation, language: str, key: str, voices: dict[str, str], resolved: dict[str, str]
    ) -> list[str]:
        """A warning for each speaker whose voice speaks only another language than `language`: a Piper model for
        English on a French page read the French words with English sounds, and nothing said so (bug bash 43)."""
        found = []
        for speaker, voice in resolved.items():
            spoken = self.engine.voice_language(voice)
            if spoken is None or not speaks_other_language(spoken, language):
                continue
            line = next(turn.source_line for turn in conversation.turns if turn.speaker == speaker)
            identity = voices[speaker]
            where = f"{self.voice_map.path.name}, entry {key!r}"
            slots = " or ".join(self.engine.voice_pool()[:2])
            if identity == voice and self._pool_speaks(language):  # a voice the map names: its own language
                found.append(
                    f"{conversation.source_path}:{line}: speaker {speaker!r} has the voice {voice} ({where}), made "
                    f"for {spoken}, on a page in {language!r}: it reads the words with {spoken} sounds; give the "
                    f"speaker a voice each language maps to one of its own ({slots}) in that entry"
                )
            elif identity == voice:  # a slot would stop the build there: the language has no voices of the pool
                code = base_language(language)
                models = ", ".join(f"{slot}: MODEL" for slot in self.engine.voice_pool()[:2])
                found.append(
                    f"{conversation.source_path}:{line}: speaker {speaker!r} has the voice {voice} ({where}), made "
                    f"for {spoken}, on a page in {language!r}: it reads the words with {spoken} sounds; no voice of "
                    f"the {self.engine.name} engine's pool speaks {language!r}: map its slots to voices made for it "
                    f"(Piper: `pools: {{{code}: {{{models}}}}}`, "
                    f"models from `mkdocs-convaudio voices --engine {self.engine.name} --lang {code}`), then give "
                    f"the speaker one of them ({slots}) in that entry"
                )
            else:
                found.append(
                    f"{conversation.source_path}:{line}: speaker {speaker!r} has {identity} ({where}), which the "
                    f"{self.engine.name} engine gives {voice} on a page in {language!r}, a voice made for {spoken}: "
                    f"it reads the words with {spoken} sounds; map {identity} to a voice for {language!r} (Piper: "
                    f"`pools: {{{base_language(language)}: {{{identity}: MODEL}}}}`)"
                )
        return found

    def _pool_speaks(self, language: str) -> bool:
        """Whether a voice of the engine's pool speaks `language` there: on a page in a language the pool has no
        voices for (Piper's `de` without a `pools` entry), the slot a warning offered stopped the build (review
        f-piper)."""
        for slot in self.engine.voice_pool():
            try:
                voice = self.engine.resolve_voice(slot, language)
                spoken = self.engine.voice_language(voice)
            except ConvaudioError:  # no voices for the language, or a model missing: not one that speaks it
                continue
            if spoken is None or not speaks_other_language(spoken, language):
                return True
        return False

    def _prepare(
        self,
        conversation: Conversation,
        language: str,
        key: str,
        legacy: list[str],
        warnings: list[str],
        production: Production | None = None,
        page: str | None = None,
    ) -> Job:
        """The job of one conversation; `page`: the page it is on (the one linking a dialogue file), whose `lang:`
        an engine without that language names."""
        pool = self.engine.voice_pool()
        voices = self.voice_map.voices_for(
            self.engine.name, key, conversation.speakers, pool, legacy, self.engine.voice_kinds()
        )
        if len(voices) > len(pool) and len(set(voices.values())) < len(voices):  # not an author's own choice
            warnings.append(
                f"{conversation.source_path}:{conversation.source_line}: {len(voices)} speakers but the "
                f"{self.engine.name} engine hands out {len(pool)} distinct voices, so some share one; give them "
                f"voices of your choice in {self.voice_map.path.name} (entry {key!r})"
            )
        for speaker, identity in voices.items():
            if (match := _LOCALE_VOICE.match(identity)) and match[1].lower() != language.split("-")[0].lower():
                warnings.append(
                    f"{conversation.source_path}:{conversation.source_line}: speaker {speaker!r} uses the voice "
                    f"{identity}, which speaks {match[1]}, on a page in {language!r}; give this post's speakers "
                    f"language-free voices (such as Charon) in {self.voice_map.path.name}, entry {key!r}"
                )
        try:
            job = self.renderer.prepare(conversation, language, voices, production)
            warnings.extend(job.warnings)
            warnings.extend(self._foreign_voices(conversation, language, key, voices, job.voices))
            return job
        except LanguageError as error:
            # a voice map value that names its language (`xx-YY+f2`) is what to fix, not the page
            for speaker, identity in voices.items():
                if "+" not in identity:
                    continue
                try:
                    self.engine.resolve_voice(identity, language)
                except LanguageError:
                    raise ConvaudioError(
                        f"{error.message} (speaker {speaker!r} has the voice {identity} in voice map entry {key!r}, "
                        f"used by {conversation.source_path}:{conversation.source_line}); edit or delete the entry",
                        str(self.voice_map.path),
                        self.voice_map.line_of(self.engine.name, key, speaker),
                    ) from None
                except ConvaudioError:
                    continue
            raise self._unspoken_language(error, conversation, language, page or conversation.source_path) from None
        except ConvaudioError as error:
            if error.path is not None or isinstance(error, Problems):
                raise
            # voices from the map the engine rejects: each at its own line of the map, all of them at once
            used_by = f"used by {conversation.source_path}:{conversation.source_line}"
            rejected = []
            for speaker, identity in voices.items():
                try:
                    self.engine.resolve_voice(identity, language)
                except ConvaudioError as each:
                    rejected.append(
                        ConvaudioError(
                            f"{each.message} (speaker {speaker!r} in voice map entry {key!r}, {used_by}); edit or "
                            "delete the entry",
                            str(self.voice_map.path),
                            self.voice_map.line_of(self.engine.name, key, speaker),
                        )
                    )
            raise_all(rejected)
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

    def _unspoken_language(
        self, error: LanguageError, conversation: Conversation, language: str, page: str
    ) -> ConvaudioError:
        """An engine without the page's language, said where to fix it: at the page's `lang:` when it has one (it
        pointed at the conversation), else at the conversation, naming where the language can be set. `render
        --lang` is named only to the command line (it meant nothing to a build; new-user bug bash)."""
        line = front_matter_line(self.options.docs_dir / page, "lang")
        if line is not None:
            used = conversation.dialogue_file or f"line {conversation.source_line}"
            return ConvaudioError(
                f"{error.message} (the page's `lang: {language}`, for its conversation at {used}): write a language "
                "code the engine speaks, such as en or fr, or remove `lang:` for the site's language",
                page,
                line,
            )
        where = "`lang:` in the front matter or `theme.language` in mkdocs.yml"
        if self.options.memo_kind == "render":
            where = "`lang:` in the front matter, or give `render --lang`"
        return ConvaudioError(
            f"{error.message} (page language {language!r}: set {where})",
            conversation.source_path,
            conversation.source_line,
        )

    def _fall_back(self, missing: int, why: ConvaudioError | None = None) -> None:
        """Re-plan every conversation with the fallback engine (its own voice-map section and cache keys)."""
        fallback = self.options.fallback_engine
        assert fallback is not None
        configured = self.engine.name
        if isinstance(why, MissingPackageError):
            self.fell_back_why = f"the {configured} engine's package is not installed"
            self.warn(
                f"{why.message}; {missing} line(s) are not cached: rendering with the fallback engine {fallback} "
                "instead"
            )
        else:
            self.fell_back_why = f"no credentials for {configured}"
            self.warn(
                f"no credentials for the {self.engine.name} engine, and {missing} "
                f"line(s) are not cached: rendering with the fallback engine {fallback} instead (without "
                "fallback_engine the build would stop and say how to provide credentials)"
            )
        self._stop_a_strict_fall_back(missing, fallback, why)
        self.engine.close()
        self.engine = self._make_engine(fallback)
        self.renderer = self._make_renderer(self.engine)
        self.fell_back = True
        warnings: list[str] = []
        for item in self.placed.values():
            conversation = item.found.conversation
            item.job = self._prepare(
                conversation, item.language, item.voice_key, item.legacy_keys, warnings, item.job.production
            )
        self._say_planned_again(warnings)

    def fallback_note(self) -> str:
        """What the summary line adds after a fallback: the CI log a maintainer reads said "41 synthesized (1,707
        characters)", read as paid to the cloud engine (its package missing is no "no credentials": a key set, the
        extra not installed; review of h-ci). `render`'s summary said nothing of it either."""
        if not self.fell_back:
            return ""
        return f" (made with the fallback engine {self.engine.name}: {self.fell_back_why}, nothing was sent to it)"

    def _stop_a_strict_fall_back(self, missing: int, fallback: str, why: ConvaudioError | None) -> None:
        """A build that fails on any warning (`--strict`) stops right after the fallback's warning, which fails it:
        it synthesized every missing line with the fallback engine, then failed at its end (bug bash h-ci, 23
        lines of eSpeak NG in a fork's CI run). Nothing is made, nor are voices written to the voice map."""
        if not self.failing_warnings():
            return
        configured = self.engine.name
        if isinstance(why, MissingPackageError):
            fix = f"install the {configured} engine's package (above)"
        else:
            variable = getattr(self.engine, "api_key_env", None)
            fix = f"give the {configured} engine its credentials{f' ({variable})' if variable else ''}"
        raise ConvaudioError(
            f"--strict: the switch to the fallback engine {fallback} (warned above) fails this build at its end, "
            f"so nothing was synthesized ({missing} line(s) are not cached). To build: {fix}; or restore the cache "
            f"that holds these lines; or, to preview with {fallback} (a pull request from a fork, which gets no "
            "secrets), build without --strict. A cache-only build (CONVAUDIO_GENERATE=0) lists the missing lines"
        )

    def _say_planned_again(self, warnings: list[str]) -> None:
        """The warnings of conversations planned again (the voice map changed on disk, a fallback engine) that
        their pages did not give already: a page's warning (Chinese on an English page) was said once more, and
        `--strict` counted it twice (docs bug bash h-docs2)."""
        for warning in dict.fromkeys(warnings):
            if warning not in self._planning_warnings:
                self._planning_warnings.add(warning)
                self.warn(warning)

    def _save_voice_map(self) -> None:
        """Merge this build's new voices into the voice map on disk; when the file changed meanwhile (another
        build, a hand edit), the file wins and the conversations are planned again with its voices."""
        for _, old, new in self.voice_map.moved:
            self.info(f"voice map: the voices of {old} move to {new}")
        self._say_kept_voices()
        added = list(self.voice_map.recorded())  # the speakers held out of it are warned of
        replanned = self.voice_map.save()
        self._say_new_voices(added)
        if replanned:
            warnings: list[str] = []
            for item in self.placed.values():
                conversation = item.found.conversation
                item.job = self._prepare(
                    conversation, item.language, item.voice_key, item.legacy_keys, warnings, item.job.production
                )
            self._say_planned_again(warnings)

    def _say_new_voices(self, added: list[tuple[str, str, str]]) -> None:
        """Say which voices this build gave new speakers, as the saved file has them (another build's choice made
        meanwhile wins): in CI the voice map changes on the runner alone (bug bash 130). One line, naming the
        first posts: a new blog's first build gives every post's speakers voices."""
        # a build that falls back to another engine chose voices in both: each engine's are named, or a post read
        # `(Maya → Kore, Tom → Charon, Maya → f2, Tom → m3)`, two voices a speaker with nothing to tell them apart
        named = len({engine for engine, _key, _speaker in added}) > 1
        chosen: dict[str, dict[str, list[str]]] = {}
        for engine, key, speaker in added:
            voice = self.voice_map.table.get(engine, {}).get(key, {}).get(speaker)
            chosen.setdefault(key, {}).setdefault(engine, []).append(f"{speaker} → {voice}")
        if not chosen:
            return

        def said(engine: str, voices: list[str]) -> str:
            return f"{engine}: {', '.join(voices)}" if named else ", ".join(voices)

        posts = first_posts(
            [f"{key} ({'; '.join(said(*each) for each in engines.items())})" for key, engines in chosen.items()]
        )
        self.info(f"voice map: new voices for {posts}, in {self.voice_map.path}")

    def render(self) -> Stats:
        """Synthesize what the cache lacks and assemble every conversation (verified entries only: the site
        copies them straight from the cache, the command line gets copies of them); the voice map is saved first
        so choices survive a failed build."""
        # the site's mark in the cache folder, before this build waits for a `cache prune` of another site sharing
        # the folder and makes its first line: that prune sees it even if this build never saves its memos
        # (`inventory.sites_in`)
        self.cache.make_root()
        with contextlib.suppress(OSError):
            os.makedirs(self.publish_root, exist_ok=True)
        with self.cache.locks.building():  # `cache prune` waits until no build uses the cache
            stats = self._render()
        self._remove_superseded(stats.assembled)
        return stats

    def _remove_superseded(self, assembled: Collection[str]) -> None:
        """Remove the versions of this build's conversations (and videos) that earlier builds of the process made
        and this one replaced (`store/superseded.py`): `mkdocs serve` keeps no MP3 of each save."""
        from .store.superseded import SUPERSEDED, Entry, Placement, Source

        placements: dict[str, Placement] = {}
        docs_dir = str(self.options.docs_dir)
        for item in self.placed.values():
            entries: list[Entry] = [("audio", item.key)]
            if (video := self.video_keys.get(item.audio_uri)) is not None:
                entries.append(("video", video))
            sources = [Source(docs_dir, path) for path in self.read_from.get(item.audio_uri, ())]
            dialogues = [Source(docs_dir, path) for path in self.dialogues_read.get(item.audio_uri, ())]
            placements[item.audio_uri] = Placement(entries, sources, self._published_by_cache(item), dialogues)
        made = [*(("audio", key) for key in assembled), *(("video", key) for key in self.videos_made)]
        SUPERSEDED.after_build(self.cache, str(self.publish_root), placements, made)
        root = str(self.publish_root)
        withdrawn = {
            Path(os.path.relpath(path, root)).as_posix()
            for path in SUPERSEDED.withdrawn(root)
            if path.startswith(root + os.sep)
        }
        self.withdrawn_uris = sorted({*self.withdrawn_uris, *withdrawn})

    def _served(self) -> bool:
        """Whether this build is a rebuild under `mkdocs serve` (its first build is a build like any other)."""
        from .store.superseded import SUPERSEDED

        return SUPERSEDED.is_served(str(self.publish_root))

    def mark_served(self) -> None:
        """`mkdocs serve` serves this build's site: its later builds in this process are its rebuilds, and a
        dialogue file gone from them takes its published files along (`store/superseded.py`)."""
        from .store.superseded import SUPERSEDED

        SUPERSEDED.serving(str(self.publish_root))

    def remove_gone_after_run(self, placed: Collection[str]) -> None:
        """At the end of a successful run (this build, or every language mkdocs-static-i18n builds): drop what builds
        of the process published for pages (or, under `mkdocs serve`, dialogue files) now gone that no build of the
        run placed (`placed`: audio URIs). Not after `render`: a run failing after it (a later language's problem, a
        `--strict` warning) would have cost a page missing for a moment its files (`store/superseded.py`)."""
        from .store.superseded import SUPERSEDED

        SUPERSEDED.after_run(self.cache, str(self.publish_root), placed)

    def _published_by_cache(self, item: Placed) -> list[str]:
        """The files a conversation has in the cache's published folder (MP3, timings, captions, video), which go
        once its page is gone; none when this run publishes into a folder of the user's (`render --out`)."""
        if self.options.publish_dir is not None:
            return []
        uris = [item.audio_uri, item.timings_uri, *([item.video_uri] if item.video_uri else [])]
        if self.options.captions:  # turned off, its captions file goes (`_publish` writes none then)
            uris.append(item.captions_uri)
        if item.has_chapters:
            uris.append(item.chapters_uri)
        return [self.published_file(uri) for uri in uris]

    def _render(self) -> Stats:
        try:
            self.check()
            todo = self._check_credentials()  # before the voice map is saved: see there
            self._check_sending(todo)  # so is this, for the same reason
            self._save_voice_map()
            try:
                stats = self._render_jobs()
            except Problems as error:  # one per line, as planning lists them (bug bash 116: one 2,300-character line)
                raise BuildProblems(error.problems) from None
            except VoiceRejected as error:
                raise self._where_the_voice_is_named(error) from None
        finally:
            self.close()  # clients and loaded models live for one build, failed or not
        for item in self.placed.values():
            self._publish(item)
        self._warn_loudness()
        self._note_untabled_languages(stats.languages)  # when words are chosen (and paid for): not warm builds
        videos = self._videos()
        self._record_use(videos)
        self.cache.save_memo()  # and what publishing recorded
        return stats

    def _note_untabled_languages(self, synthesized: set[str]) -> None:
        """Say once a build which languages of the lines it synthesized have no spelling table: their units, symbols
        and formulas are read with English words ("5 dollars", "x squared" in a Polish voice), which a reader of
        the page would not expect, and which the lexicon can change."""
        if not synthesized:  # a warm build: importing the eight tables costs it 15 ms
            return
        from .text.spoken.tables import LANGUAGES, read_with_english_words

        untabled = sorted(
            (language for language in synthesized if language.split("-")[0].lower() not in LANGUAGES), key=str.lower
        )
        by_what: dict[str, list[str]] = {}  # Russian's units are its own words: its note says what is still English
        for language in untabled:
            by_what.setdefault(read_with_english_words(language, "in those conversations"), []).append(language)
        for what, languages in by_what.items():
            self.info(
                f"no spelling table for {', '.join(languages)}: {what} (docs/spoken.md, Other languages; the "
                "pronunciation lexicon can spell them; `mkdocs-convaudio say --lang LANG` shows a line)"
            )

    def _warn_loudness(self) -> None:
        """Say of each published conversation short of its loudness (its timings say so, see `LOUDNESS_SHORT`)
        that it is: in every build that publishes it, made now or found in the cache, so `--strict` fails as
        long as its cause is there. A warm build only looks for the field's name in the timings it kept."""
        said: set[str] = set()
        for item in self.placed.values():
            timings = self._timings.get(item.token)
            if item.key in said or timings is None or LOUDNESS_SHORT not in timings:
                continue
            said.add(item.key)
            table = json.loads(timings) if isinstance(timings, str) else timings
            level = table.get(LOUDNESS_SHORT)
            if not isinstance(level, (int, float)):
                continue
            conversation = item.found.conversation
            settings = self.options.assembly
            # a music bed's lead and tail are measured with the speech: quiet, they pull the level down
            bed = (
                " (with its music bed, whose quiet lead and tail count)"
                if item.show and item.show.production.music
                else ""
            )
            message = (
                f"{conversation.source_path}:{conversation.source_line}: this conversation reaches {level:.1f} "
                f"LUFS, not {settings.loudness:g}: its voices are too peaky for that loudness under a "
                f"{settings.true_peak:g} dBTP true peak{bed}; lower `loudness` or raise `true_peak`"
            )
            duration = table.get("duration")
            if isinstance(duration, int | float) and duration < SHORT_TALK:
                # a line or two (a first test post): too short to measure as a programme, and no reason to fail
                # a `--strict` build (bug bash 121)
                self.info(f"{message} (it lasts {duration:.1f} s: a longer conversation may reach it)")
            elif isinstance(met := table.get(LOUDNESS_MET), (int, float)) and level >= met - 0.5:
                # its voices were lowered to meet one the limiter holds under `loudness` (`speaker_balance`):
                # balanced on purpose, by `MEET_LU` at most (the MP3 within 0.5 LU of where they met); no reason
                # to fail a `--strict` build that passed with that voice left under the others (review r-level:
                # eSpeak NG's French m1 at the default -16 LUFS)
                self.info(
                    f"{conversation.source_path}:{conversation.source_line}: this conversation reaches {level:.1f} "
                    f"LUFS, not {settings.loudness:g}: one of its voices is too peaky to get louder under a "
                    f"{settings.true_peak:g} dBTP true peak, and the others were lowered to match it; lower "
                    "`loudness` or raise `true_peak` for a louder MP3"
                )
            else:
                self.warn(message)

    def _record_use(self, videos: Collection[str]) -> None:
        """Tell the shared cache, if there is one, which conversations and videos this build used
        (`store/uses.py`): `cache prune --shared --older-than` keeps them, whichever machine prunes."""
        if self.cache.remote is None:
            return
        from .store.shared import SharedStore
        from .store.uses import record

        if isinstance(self.cache.remote, SharedStore):
            keys = {item.key for item in self.placed.values()} | set(videos)
            # the posts, whatever their text: `mkdocs serve` makes a new set of keys at every edit of them, where
            # each language of mkdocs-static-i18n (one memo, one process) has posts of its own
            pages = content_key({"audio": sorted(self.placed)})
            record(self.cache.remote, self.cache.memo("uses", "1"), keys, time.time(), self.info, pages=pages)

    def finish_build(self, wait: float | None = None) -> None:
        """After the pages: wait for a use record written in the background meanwhile, at most `wait` seconds
        (`store/uses.py`: END_WAIT), and count it; then save the memos (what pages used after `render`'s save,
        such as a blog index's players)."""
        if self.cache.remote is not None:
            from .store.uses import finish_pending

            finish_pending(wait)
        self.cache.save_memo()

    def abandon_build(self) -> None:
        """After a failed build (`finish_build` is not reached): a use record still being written in the
        background is forgotten, without a message or a hold on the next builds."""
        if self.cache.remote is not None:
            from .store.uses import abandon_pending

            abandon_pending()

    def _check_credentials(self) -> list[LinePart]:
        """When lines are to be synthesized: the engine's package (any engine) and a cloud engine's credentials,
        else the fallback engine, else the error saying how to fix it. Asked before the voice map is saved: a build
        that stops here made nothing, so no choice of voice needs keeping, and the map kept a section of an engine
        that never spoke (bug bash 102). A build with every line cached needs neither (review 122). Returns the
        line parts to synthesize it found (none looked for with an installed local engine). A cache-only build
        (generate off) with lines missing stops here too: it wrote a new post's voices into the map, and the next
        `git status` showed a file changed by a build that made nothing (bug bash h-ci)."""
        if not self.generate:
            _, jobs = self._split_cached()
            missing = self.renderer.missing(jobs) if jobs else []
            if missing:
                raise ConvaudioError(self.renderer.missing_message(missing))
            return []
        if not self.engine.is_cloud:
            try:
                require_packages(self.engine)  # found without importing them
                return []  # an installed local engine needs nothing: not even the cache looked at
            except MissingPackageError:
                pass  # an error only if lines are to be made
        _, jobs = self._split_cached()
        todo = self.renderer.missing(jobs) if jobs else []
        if todo:
            try:
                require_packages(self.engine)
                if self.engine.is_cloud:
                    self.engine.check_credentials()
            except (MissingCredentialsError, MissingPackageError) as error:
                if not self.options.fallback_engine:
                    raise
                self._fall_back(len(todo), error)
        return todo

    def _check_sending(self, todo: list[LinePart]) -> None:
        """A paid engine's line parts `todo` over `max_characters`, or a `--strict` build that warned already, stop
        the build before the voice map is saved, as missing credentials do: it sends nothing, and a new post's
        voices were written to the map all the same (bug bash h-ci). `Renderer.render` checks again, with the jobs
        the saved map leaves (another build's voices win) and the warnings its save gave."""
        if todo and self.engine.is_cloud:  # after a fall back to a free engine, nothing is paid for
            _, jobs = self._split_cached()
            self.renderer.check_budget(jobs, todo, self.options.max_characters, self.spent_before)
            self.renderer.check_strict(jobs, todo, self.failing_warnings)

    def _where_the_voice_is_named(self, error: VoiceRejected) -> ConvaudioError:
        """A voice the provider refused by its name, said at the voice map's line when the name was written there (a
        name the engine does not hand out itself): Google's unknown `Maya: Korx` was said at the post's line alone,
        where OpenAI's names the map's (bug bash h-ci). A name of the engine's pool is right, and the locale or
        `voice_family` made of it is what to fix: said at the line, as before."""
        for item in self.placed.values():
            conversation = item.found.conversation
            if conversation.source_path != error.path or all(part.key != error.part_key for part in item.job.all_parts):
                continue
            identity = self.voice_map.table.get(self.engine.name, {}).get(item.voice_key, {}).get(error.speaker)
            line = self.voice_map.line_of(self.engine.name, item.voice_key, error.speaker)
            if identity is None or line is None or identity in self.engine.voice_pool():
                break
            return ConvaudioError(
                f"{error.message} (speaker {error.speaker!r} in voice map entry {item.voice_key!r}, used by "
                f"{error.path}:{error.line}); edit or delete the entry",
                str(self.voice_map.path),
                line,
            )
        return error

    def _render_jobs(self) -> Stats:
        """Synthesize and assemble the conversations the cache lacks; those whose entries an earlier check vouches
        for by their files' stamps alone (all of them in a warm build) are counted, and their jobs not even read."""
        trusted, jobs = self._split_cached()
        if self.before_render is not None:  # the jobs are final now (a fallback engine re-planned them)
            self.before_render()
        stats = Stats()
        if jobs:
            stats = self.renderer.render(
                jobs,
                generate=self.generate,
                max_characters=self.options.max_characters,
                spent=self.spent_before,
                failing_warnings=self.failing_warnings,
            )
        lines = sum(trusted.values())
        stats.conversations += len(trusted)
        stats.lines += lines
        stats.from_cache += lines
        return stats

    def _split_cached(self) -> tuple[dict[str, int], list[Job]]:
        """The line parts of each conversation whose cache entry is trusted by its stamps (see
        `AudioCache.trusted_conversation`), by key; and the jobs of the others, each once."""
        trusted: dict[str, int] = {}
        jobs: list[Job] = []
        untrusted: set[str] = set()
        for item in self.placed.values():
            key = item.key
            if key in trusted:
                continue
            if key in untrusted or not self.cache.trusted_conversation(key):
                untrusted.add(key)
                jobs.append(item.job)  # twins too: `unique_jobs` gathers their legacy keys
            else:
                trusted[key] = item.parts
        return trusted, unique_jobs(jobs)

    def close(self, *, save: bool = True) -> None:
        """Release the engine's clients and loaded models, once (a failed build may ask twice); and save the memos,
        unless `save` is false (a dry run writes nothing)."""
        if not self.closed:
            self.closed = True
            self.engine.close()
            if save:
                # what this build verified and spelled out, for the next build; the entries it made are settled by
                # `_render`'s save, once published (a link into the site changes their stamps: see `entry_stamp`)
                self.cache.save_memo(settle=False)

    def _publish(self, item: Placed) -> None:
        """Put one conversation's MP3 (tagged for its page), timings and captions where the site takes them.

        The cache keeps the untagged MP3 (pages share it); tags and captions are derived per page straight into
        the published copies, each replaced atomically and only when it would change. A conversation published
        by an earlier build from the same entry with the same tags, whose files (the entry's and the published
        ones) all keep the stamps recorded then, is left alone without reading any of them."""
        key = item.key
        targets = [self.published_file(item.audio_uri), self.published_file(item.timings_uri)]
        if self.options.captions:
            targets.append(self.published_file(item.captions_uri))
        if item.has_chapters:
            targets.append(self.published_file(item.chapters_uri))
        recipe = [  # compared as it is (a digest of it would cost more than the comparison)
            key,
            self.options.tags and [item.display_title, *self._artist_and_album(item)],
            item.language,
            item.sections,
            self.options.captions,
            # where the published files are (their names follow from the audio URI, the memo's key); the code
            # that makes them is the memo's version
            str(self.options.publish_dir or self.publish_root),
        ]
        # the entry's MP3 and timings as its verification just found them (the same files: a verified entry is
        # not written again in a build), else looked at now
        verified = self.cache.verified_stamps(key)
        if verified is None:
            verified = self.cache.conversation_stamps(key)[:2]
        published = list(map(file_stamp, targets))
        stamps = [*verified, *published]
        record = self.published.get(item.audio_uri)
        if isinstance(record, list) and len(record) == 6:
            record = self._note_withdrawn(item, record)
        token = item.token
        # compared with the entry as it was before this build marked it as used (which moves its times only)
        earlier = [*(self.cache.stamps_before(key) or verified), *map(self.cache.file_stamp_before, published)]
        if (
            isinstance(record, list)
            and len(record) == 6
            and record[0] == recipe
            and self.cache.same_stamps(
                record[1],
                earlier,
                self._copied_with_cache(len(verified)),
                from_copy=self.cache.relocated and self.published.copied(item.audio_uri, record),
            )
        ):
            # the timings file has its stamp: this is what it holds (and the files have the versions it records)
            self._timings[token], self._digests[token], self._durations[token] = record[2:5]
            if record[1] != stamps and settled(stamps, self.cache.clock_ns(), RACY_NS):
                self.published.put(item.audio_uri, [recipe, stamps, *record[2:]])  # the same files, new stamps
            return
        self.republished += 1
        text = self.cache.conversation_timings(key).read_text(encoding="utf-8")
        self._digests[token] = timings_digest(text)
        self._versions[token] = self._publish_files(item, self._digests[token])
        stamps = [*self.cache.conversation_stamps(key)[:2], *map(file_stamp, targets)]
        parsed = json.loads(text)
        self._timings[token] = parsed
        self._durations[token] = float(parsed["duration"])
        # files just written are too new for their stamps to be trusted (see `RACY_NS`): then the record holds
        # none, so the next build checks the files again, but it still names their versions and line times, which a
        # player finished before `render` takes (without it, the next build made each such player twice)
        trusted = stamps if settled(stamps, self.cache.clock_ns(), RACY_NS) else None
        self.published.put(
            item.audio_uri,
            [recipe, trusted, text, self._digests[token], self._durations[token], self._versions[token]],
        )

    def _note_withdrawn(self, item: Placed, record: list[Any]) -> list[Any]:
        """Note in `withdrawn_uris` the files the conversation's publish record says an earlier build published and
        this one does not (a video turned off: the record names its version; captions turned off: its recipe had
        them): a `--dirty` build (`mkdocs build --dirty`, in a process of its own) does not clean the site, which
        kept them. Returns the record, without the video's version once it is noted (said once). Not for
        `render`'s output folder (the command line removes what it wrote there)."""
        if self.options.publish_dir is not None:
            return record
        versions = record[5]
        if item.video_uri is None and isinstance(versions, dict) and "mp4" in versions:
            self.withdrawn_uris.append(item.audio_uri[: -len(".mp3")] + ".mp4")
            record = [*record[:5], {kind: version for kind, version in versions.items() if kind != "mp4"}]
            self.published.put(item.audio_uri, record)
        recipe = record[0]
        if not self.options.captions and isinstance(recipe, list) and len(recipe) > 4 and recipe[4] is True:
            self.withdrawn_uris.append(item.captions_uri)
        return record

    def _copied_with_cache(self, entry_files: int) -> int | None:
        """How many of a publish record's files a copied cache folder copied (`AudioCache.same_stamps`): all
        when the published copies are in the cache folder, else the entry's only (an output folder of its own,
        or the temporary folder of a read-only cache, was not copied with it)."""
        if not self.cache.relocated:
            return None
        if self._publish_in_cache is None:
            root = Path(self.options.publish_dir or self.publish_root).resolve()
            self._publish_in_cache = root.is_relative_to(self.cache.root.resolve())
        return None if self._publish_in_cache else entry_files

    def _publish_files(self, item: Placed, digest: str) -> dict[str, str]:
        """Publish a conversation's files (see `_publish`), whose timings have this digest; returns the versions of
        its MP3 and captions."""
        key = item.job.key
        target = self.published_path(item.audio_uri)
        chapters = self.chapters(item) if item.has_chapters else []  # no timings read for none
        # the entry's audio, told by its key and its timings, with no file hashed or record read: an entry made
        # again under its key (a damaged one, by a cloud voice that never says a line twice alike) has other times
        audio = f"{key}\0{digest}"
        if self.options.tags:
            tags = self.tags(item, chapters)
            from .audio.tags import publish_tagged

            stamp = content_key({"mp3": key, **asdict(tags)})
            publish_tagged(self.cache.conversation_mp3(key), target, tags, stamp)
            # the copy is the entry's audio behind these tags: rewritten when either changes, and only then
            versions = {"mp3": content_version(f"{audio}\0{stamp}".encode())}
        else:
            publish(self.cache.conversation_mp3(key), target)  # the entry itself
            versions = {"mp3": content_version(audio.encode())}
        publish(self.cache.conversation_timings(key), self.published_path(item.timings_uri))
        if self.options.captions:
            captions = webvtt(self.cache.read_timings(key))
            write_if_changed(self.published_path(item.captions_uri), captions)
            versions["vtt"] = content_version(captions.encode("utf-8"))
        # the ID3 chapters as Podcasting 2.0 apps read them, from the same list; gone with the sections
        chapters_file = self.published_path(item.chapters_uri)
        if chapters:
            from .audio.tags import json_chapters

            write_if_changed(chapters_file, json_chapters(chapters))
        elif _chapters_file(chapters_file):
            chapters_file.unlink()
        return versions

    def chapters(self, item: Placed) -> list[Chapter]:
        """A placed conversation's chapters (one a section, at its first turn's start in the programme): its MP3's
        ID3 chapters and its JSON chapters file both hold these."""
        from .audio.tags import chapters_from

        timings = self.cache.read_timings(item.job.key)
        sections: list[tuple[int, str]] = []
        for index, parts in enumerate(item.job.parts):
            if parts[0].turn.section:
                sections.append((index, parts[0].turn.section))
        starts = [float(line["start"]) for line in timings["lines"]]
        return chapters_from(sections, starts, float(timings["duration"]), item.display_title)

    def tags(self, item: Placed, chapters: Sequence[Chapter] | None = None) -> Tags:
        """The ID3 tags of a placed conversation: page title, site name, language, chapters from sections (these
        `chapters`, else worked out)."""
        from .audio.tags import Tags

        if chapters is None:
            chapters = self.chapters(item)
        artist, album = self._artist_and_album(item)
        return Tags(
            title=item.display_title, artist=artist, album=album, language=item.language, chapters=tuple(chapters)
        )

    def _artist_and_album(self, item: Placed) -> tuple[str, str]:
        """The MP3's artist and album: the build's (the site name by default), or those of the build whose page it
        is (`Placed.tag_names`)."""
        return item.tag_names or (self.options.artist, self.options.album or self.options.artist)

    def _videos(self) -> list[str]:
        """Make (or take from the cache) each video a post asks for, and publish it beside the MP3; returns
        their keys."""
        made = 0
        settings = self.options.show.video_settings
        wanted = [
            (item, plan, item.video_uri)
            for item in self.placed.values()
            if (plan := item.video_plan) is not None and item.video_uri is not None
        ]
        # from the shared cache, all at once, before any is made: a CI runner starts with no video, and making
        # one takes about a second per minute of audio
        keys = [video_key(item.key, plan, settings) for item, plan, _ in wanted]
        self.video_keys = {item.audio_uri: key for (item, _, _), key in zip(wanted, keys, strict=True)}
        self.cache.prefetch(self.cache.video_path(key) for key in keys)
        for (item, plan, uri), key in zip(wanted, keys, strict=True):
            timings = self.cache.read_timings(item.job.key)
            # SIGTERM killed the build and left its ffmpeg running on its own to the end (bug bash 72); as an
            # interrupt, `subprocess.run` stops it
            with terminate_as_interrupt():
                path, new, damaged = make_video(self.cache, item.job.key, plan, settings, timings, self.warn, self.info)
            if damaged:
                self.warn(f"{plan.source_path}: the cached video was damaged ({damaged}); it was made again")
            made += new
            if new:
                self.videos_made.add(key)
            publish(path, self.published_path(uri))
            self._record_video_version(item, key)
        if made:
            self.info(f"made {made} video{'s' * (made != 1)}")
        return keys

    def _record_video_version(self, item: Placed, key: str) -> None:
        """Add the version of the video published from cache key `key` to the conversation's publish record: a
        player finished before the next build's `render` (which makes the videos, their keys known only then)
        names the video with it."""
        record = self.published.get(item.audio_uri)
        version = video_version(key)
        if (
            self._recorded_for(record, item)
            and isinstance(versions := record[5], dict)
            and versions.get("mp4") != version
        ):
            self.published.put(item.audio_uri, [*record[:5], {**versions, "mp4": version}])

    def watched_files(self) -> list[Path]:
        """Music, intro, outro and cover files this build used: `mkdocs serve` rebuilds when they change."""
        return sorted(self.shows.watched)

    @cached_property
    def _published_beside_sources(self) -> bool:
        """Whether the audio's folder is the one its sources are read from (`render --out` its `--root`), where a
        published file may have a source's name: never for a site (its `audio_dir` is a folder of its own)."""
        if self.options.publish_dir is None:
            return False
        return (self.options.publish_dir / self.options.audio_dir).resolve() == self.options.docs_dir.resolve()

    def published_path(self, uri: str) -> Path:
        """Where the file the site serves at `uri` lives (MkDocs copies it from there into the site): the
        command's output folder, else `<cache>/site/`, else (a read-only cache) a folder in the temporary
        folder. Published files are made from verified cache entries only (see `render`)."""
        path = self._published_paths.get(uri)
        if path is None:
            path = self._published_paths[uri] = (self.options.publish_dir or self.publish_root) / uri
        return path

    def published_file(self, uri: str) -> str:
        """`published_path` of one of this session's URIs (plain POSIX paths) as a string, which is what MkDocs'
        files and `file_stamp` take: no `Path` is built on a warm build."""
        path = self._published_files.get(uri)
        if path is None:
            if self._published_prefix is None:  # `os.path.join(root, uri)` for a relative URI, joined once a build
                self._published_prefix = os.path.join(self.options.publish_dir or self.publish_root, "")
            path = self._published_files[uri] = self._published_prefix + uri
        return path

    def timings(self) -> TimingsTable:
        """Each placed conversation's timings, by placeholder token."""
        return TimingsTable(
            {
                item.token: self._timings.get(item.token) or self.cache.read_timings(item.key)
                for item in self.placed.values()
            }
        )

    def durations(self) -> dict[str, float]:
        """Each placed conversation's duration in seconds, by placeholder token (no timings file parsed)."""
        return {item.token: self._duration(item) for item in self.placed.values()}

    def _duration(self, item: Placed) -> float:
        seconds = self._durations.get(item.token)
        if seconds is None:
            seconds = self._durations[item.token] = float(self.cache.read_timings(item.key)["duration"])
        return seconds

    def timings_digests(self) -> dict[str, str]:
        """A digest of each placed conversation's timings file (see `timings`), by placeholder token."""
        out = {}
        for item in self.placed.values():
            digest = self._digests.get(item.token)
            if digest is None:
                digest = timings_digest(self.cache.conversation_timings(item.key).read_text(encoding="utf-8"))
            out[item.token] = digest
        return out

    def uris(self) -> dict[str, dict[str, str]]:
        """Each placed conversation's site URIs by kind (`mp3`, `json`, `vtt`, `mp4`), by placeholder token."""
        return {item.token: self.item_uris(item) for item in self.placed.values()}

    def unplace(self, item: Placed) -> None:
        """Leave a placed conversation out of this build (its page's HTML has no place for its player)."""
        if self.placed.get(item.audio_uri) is item:
            del self.placed[item.audio_uri]

    def item_uris(self, item: Placed) -> dict[str, str]:
        """One placed conversation's site URIs by kind (`mp3`, `json`, `vtt`, `mp4`), and the versions of its MP3
        and captions (under `version_kind`) as far as they are known (`url_versions`)."""
        out = {"mp3": item.audio_uri, "json": item.timings_uri}
        if self.options.captions:
            out["vtt"] = item.captions_uri
        if video := item.video_uri:
            out["mp4"] = video
        for kind, version in self.url_versions(item).items():
            if kind in out:
                out[_VERSION_KINDS.get(kind) or version_kind(kind)] = version
        return out

    def url_versions(self, item: Placed) -> dict[str, str]:
        """The versions of a placed conversation's published MP3, captions and video (`mp3`, `vtt`, `mp4`), which
        their URLs in the page carry (`?v=`): a browser or CDN holding an earlier build's file (GitHub Pages keeps
        one for ten minutes) otherwise plays the old MP3 against the new transcript's line times. Each changes when
        its file's bytes do: the MP3's is made from its entry's key and line times (and its tags), the captions'
        from their text, the video's from its cache key (which names all it is made from).

        Known once this build published it (`render`); before, those an earlier build published from the same
        cache key recorded (what a player finished early shows, until `render` says otherwise), else none."""
        versions = self._versions.get(item.token)
        if versions is None:
            record = self.published.get(item.audio_uri)
            if self._recorded_for(record, item):
                versions = record[5]
        out = dict(versions) if isinstance(versions, dict) else {}
        if (video := self.video_keys.get(item.audio_uri)) is not None:  # made or taken by this build (`_videos`)
            out["mp4"] = video_version(video)
        return out

    @staticmethod
    def _recorded_for(record: object, item: Placed) -> TypeGuard[list[Any]]:
        """Whether a publish record is one of this version made from the cache key of `item` (the record first: a
        type guard narrows its first argument)."""
        if not (isinstance(record, list) and len(record) == 6 and isinstance(record[0], list)):
            return False
        return record[0][:1] == [item.key]

    def expected_timings(self, item: Placed) -> tuple[dict[str, Any] | str, str] | None:
        """The timings (and their digest) an earlier build published for this conversation's cache key, which
        `render` gives again unless the entry turns out changed or the conversation is planned again (with the
        fallback engine, or the voice map's new voices): compare its digest with `timings_digests` after it.
        Nothing is read; the timings may be the text of their file (`TimingsTable` parses it)."""
        record = self.published.get(item.audio_uri)
        if self._recorded_for(record, item):
            return record[2], record[3]
        return None
